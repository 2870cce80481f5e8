// Claims (geo/extract/detail/claims.hpp): who says so, what they assert, against whom, the figures
// they give; reported speech that runs on into the next sentence; denials.

#include "geo/extract/detail/claims.hpp"
#include "tests/geo/extract/extract_fixture.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;
using sitmap::test::ExtractTest;
using sitmap::test::incidents;

TEST_F(ExtractTest, ADenialInTheNextSentenceJoinsTheIncident) {
    const auto x = run("Azerbaijan's Defence Ministry said Armenian armed forces opened fire on "
                       "its positions near Kalbajar overnight. The Armenian Defence Ministry "
                       "denied the claim as disinformation.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.date.precision, DatePrecision::range);
    ASSERT_EQ(e.claims.size(), 2u);
    EXPECT_EQ(e.claims[0].side, Side::azerbaijan);
    EXPECT_EQ(e.claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(e.claims[1].side, Side::armenia);
    EXPECT_EQ(e.claims[1].assertion, Assertion::denies);
    EXPECT_TRUE(e.disputed());
}

TEST_F(ExtractTest, MinistryInTheCapitalAndReportedSpeechThatRunsOn) {
    {
        const auto x = run("Azerbaijani units used a Bayraktar drone to strike an Armenian post "
                           "near Jermuk in the early hours of Sunday, killing one soldier, the "
                           "ministry in Yerevan said.",
                           parse_date("2023-05-16"));
        EXPECT_EQ(role_of(x, "Yerevan"), MentionRole::actor);
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.place_id, "test:jermuk");
        EXPECT_EQ(e.kind, EventKind::drone_strike);
        EXPECT_EQ(format_date(e.date.begin), "2023-05-14");
        ASSERT_EQ(e.claims.size(), 1u);
        EXPECT_EQ(e.claims[0].side, Side::armenia);
        EXPECT_EQ(e.claims[0].killed, 1);
    }
    {
        const auto x = run("According to the Armenian Defense Ministry, on May 12 at around "
                           "10:30, Azerbaijani armed forces fired at Armenian combat positions "
                           "near Tegh with mortars. There were no casualties on the Armenian "
                           "side.",
                           parse_date("2023-05-14"));
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.kind, EventKind::mortar_fire);
        EXPECT_EQ(format_date(e.date.begin), "2023-05-12");
        ASSERT_EQ(e.claims.size(), 2u);
        EXPECT_EQ(e.claims[1].who, "Armenian Ministry of Defence");
        EXPECT_EQ(e.claims[1].killed, 0);
        EXPECT_EQ(e.claims[1].wounded, 0);
    }
}

TEST_F(ExtractTest, NeitherSideIsNobodysReportedSpeech) {
    const auto x = run("The Armenian Defence Ministry said Azerbaijani units opened fire on "
                       "positions near Sotk on Thursday. Neither side reported casualties.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[1].side, Side::unknown);
    EXPECT_EQ(claims[1].killed, 0);
}

TEST(Claims, AMinistryAccusesTheOtherSide) {
    detail::ClaimContext context;
    const detail::TokenizedSentence s(
        "The Armenian Defence Ministry accused Azerbaijani forces of shelling the village.");
    const auto claims = detail::find_claims(s, {}, context);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].who, "Armenian Ministry of Defence");
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(claims[0].against, Side::azerbaijan);
    ASSERT_TRUE(context.last_organisation);
    EXPECT_EQ(context.last_organisation->who, "Armenian Ministry of Defence");
}

TEST(Claims, TheArmySubjectedToFireIsTheVictimSide) {
    // Written for this test, in the formula of Azerbaijani statements: the army named as the
    // object of "subjected to fire" was hit, so the unnamed ministry speaks for it.
    detail::ClaimContext context;
    const detail::TokenizedSentence s("The enemy subjected to fire the positions of the "
                                      "Azerbaijan Army near the village, the ministry said.");
    const auto claims = detail::find_claims(s, {}, context);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
}

TEST(Claims, InformsNamesTheSpeaker) {
    detail::ClaimContext context;
    const detail::TokenizedSentence s("Armenian units shelled the villages, informs the press "
                                      "service of the Azerbaijani Defence Ministry.");
    const auto claims = detail::find_claims(s, {}, context);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
}

TEST(Claims, ItSaidIsTheLastOrganisation) {
    detail::ClaimContext context;
    context.sentence = 0;
    detail::find_claims(detail::TokenizedSentence("Azerbaijan's Defence Ministry said the "
                                                  "positions came under fire."),
                        {}, context);
    context.sentence = 1;
    const auto claims = detail::find_claims(
        detail::TokenizedSentence("Two soldiers were wounded, it said."), {}, context);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].who, "Azerbaijani Ministry of Defence");
    EXPECT_EQ(claims[0].wounded, 2);
    EXPECT_EQ(claims[0].assertion, Assertion::reports_own_losses);
}

TEST(Claims, MutualAccusationsAreOneClaimPerSide) {
    detail::ClaimContext context;
    const auto claims = detail::find_claims(
        detail::TokenizedSentence("Armenia and Azerbaijan accused each other of opening fire."), {},
        context);
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].against, Side::azerbaijan);
    EXPECT_EQ(claims[1].side, Side::azerbaijan);
    EXPECT_EQ(claims[1].against, Side::armenia);
}

TEST(Claims, DenialsAndCountrySides) {
    using detail::is_denial;
    EXPECT_TRUE(is_denial(text::tokenize("Yerevan denied the report")));
    EXPECT_TRUE(is_denial(text::tokenize("the claim is not true")));
    EXPECT_TRUE(is_denial(text::tokenize("this is disinformation")));
    EXPECT_FALSE(is_denial(text::tokenize("the ministry confirmed the report")));
    EXPECT_EQ(detail::side_of_country("AM"), Side::armenia);
    EXPECT_EQ(detail::side_of_country("AZ"), Side::azerbaijan);
    EXPECT_EQ(detail::side_of_country("RU"), Side::russia);
    EXPECT_EQ(detail::side_of_country("FR"), Side::other);
    EXPECT_EQ(detail::side_of_country(""), Side::unknown);
}

namespace {

// The claims of sentences read in order, with one context.
std::vector<std::vector<Claim>> read_all(const std::vector<std::string>& sentences) {
    detail::ClaimContext context;
    std::vector<std::vector<Claim>> out;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        context.sentence = i;
        out.push_back(detail::find_claims(detail::TokenizedSentence(sentences[i]), {}, context));
    }
    return out;
}

std::vector<Claim> claims_of(const std::string& sentence) {
    return read_all({sentence}).front();
}

} // namespace

// Speakers as ministry statements and agencies name them (sentences written for these tests).
TEST(Claims, SpeakersAsAgenciesNameThem) {
    struct Case {
        const char* sentence;
        const char* who;
        Side side;
    };
    const Case cases[] = {
        {"The State Border Service of Azerbaijan said its post came under fire.",
         "Azerbaijani State Border Service", Side::azerbaijan},
        {"The Ministry of Defense (MoD) of Armenia reported that the positions came under fire.",
         "Armenian Ministry of Defence", Side::armenia},
        {"Units of the Armenian armed forces fired at the village, the Defense Ministry of "
         "Azerbaijan told the APA agency.",
         "Azerbaijani Ministry of Defence", Side::azerbaijan},
        {"Armenian forces fired at the village, Trend reports, citing the Ministry of Defense of "
         "Azerbaijan.",
         "Azerbaijani Ministry of Defence", Side::azerbaijan},
        {"Azerbaijani units shelled the post, reads a message from the Ministry of Defense of the "
         "Republic of Armenia.",
         "Armenian Ministry of Defence", Side::armenia},
        {"Azerbaijani media reported that the post had come under fire.", "Azerbaijani media",
         Side::azerbaijan},
        {"The de facto authorities said a shepherd was wounded.", "Armenian de facto authorities",
         Side::armenia},
    };
    for (const Case& c : cases) {
        const auto claims = claims_of(c.sentence);
        ASSERT_EQ(claims.size(), 1u) << c.sentence;
        EXPECT_EQ(claims[0].who, c.who) << c.sentence;
        EXPECT_EQ(claims[0].side, c.side) << c.sentence;
    }
}

// "The Defence Ministry said" without a party: the other party of the one it names as firing,
// else the party it names as hit; "the country's" is the country named before.
TEST(Claims, AMinistryWithoutItsPartyIsTheOneTheSentenceImplies) {
    auto claims = claims_of("Azerbaijani forces fired at positions near the village of Aravus "
                            "on Sunday, the Defence Ministry said.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].who, "Armenian Ministry of Defence");
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(claims[0].against, Side::azerbaijan);
    claims = claims_of("Azerbaijani army positions came under fire, the Defence Ministry said.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    claims = claims_of("Two members of Armenia's armed forces were killed on Monday, the "
                       "country's Defense Ministry said.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].killed, 2);
}

// A figure sentence without its own speaker belongs to the statement read just before, on the
// claim that accuses; figures in the same sentence as the accusation stay on it.
TEST(Claims, FiguresBelongToTheStatementTheyContinue) {
    auto claims = claims_of("The Defence Ministry said Azerbaijani forces fired on positions near "
                            "Aravus; one serviceman was wounded.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(claims[0].wounded, 1);
    const auto all = read_all({"Azerbaijan's Defence Ministry said Armenian units opened fire on "
                               "its positions near Aghdam.",
                               "A serviceman of the Azerbaijani Army had been seriously wounded."});
    ASSERT_EQ(all[1].size(), 1u);
    EXPECT_EQ(all[1][0].who, "Azerbaijani Ministry of Defence");
    EXPECT_EQ(all[1][0].assertion, Assertion::accuses);
    EXPECT_EQ(all[1][0].against, Side::armenia);
    EXPECT_EQ(all[1][0].wounded, 1);
}

// Two parties in one sentence: each claim with its own figures.
TEST(Claims, EachPartyOfASentenceWithItsFigures) {
    const auto claims = claims_of("According to Baku, one Azerbaijani soldier was wounded; and the "
                                  "Armenian Defence Ministry reported that two Armenian servicemen "
                                  "were killed.");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    EXPECT_EQ(claims[0].wounded, 1);
    EXPECT_FALSE(claims[0].killed);
    EXPECT_EQ(claims[1].side, Side::armenia);
    EXPECT_EQ(claims[1].killed, 2);
    EXPECT_FALSE(claims[1].wounded);
}

// Figures nobody is named for are the claims of the sides whose losses they are.
TEST(Claims, FiguresWithoutASpeakerAreTheLosingSides) {
    const auto claims = claims_of("An Azerbaijani soldier died and three Armenian troops were "
                                  "wounded on Friday.");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    EXPECT_EQ(claims[0].killed, 1);
    EXPECT_EQ(claims[1].side, Side::armenia);
    EXPECT_EQ(claims[1].wounded, 3);
    const auto elided = claims_of("Four Armenian soldiers have been killed and two wounded.");
    ASSERT_EQ(elided.size(), 1u);
    EXPECT_EQ(elided[0].side, Side::armenia);
    EXPECT_EQ(elided[0].killed, 4);
    EXPECT_EQ(elided[0].wounded, 2);
}

// A denial with the report it denies: the claimant accuses, the other side denies.
TEST(Claims, ADenialAndTheReportItDenies) {
    auto claims = claims_of("The Armenian Defence Ministry denies the statement of the Azerbaijani "
                            "Defence Ministry according to which Armenian forces fired at "
                            "positions in Aghdam.");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::denies);
    EXPECT_EQ(claims[1].side, Side::azerbaijan);
    EXPECT_EQ(claims[1].assertion, Assertion::accuses);
    EXPECT_EQ(claims[1].against, Side::armenia);
    // The denier named only as "the Defense Ministry": the other party of the claimant.
    claims = claims_of("The claim of the Azerbaijani Defense Ministry that Armenian units shelled "
                       "its positions does not correspond to reality, the Defense Ministry said.");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::denies);
    EXPECT_EQ(claims[1].side, Side::azerbaijan);
    // "X's fake news claimed": the outlet's word, not the speaker's denial.
    claims = claims_of("The Azerbaijani ministry's fake news claimed that one of their soldiers "
                       "was wounded.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    EXPECT_NE(claims[0].assertion, Assertion::denies);
    EXPECT_EQ(claims[0].wounded, 1);
}

// Losses of "the adversary" or "the enemy" are the other side's, never the speaker's own.
TEST(Claims, TheAdversarysLossesAreNotTheSpeakersOwn) {
    const auto all = read_all({"One Armenian soldier was wounded, the Armenian Defence Ministry "
                               "said, adding that the adversary suffered two dead."});
    ASSERT_EQ(all[0].size(), 1u);
    EXPECT_EQ(all[0][0].side, Side::armenia);
    EXPECT_EQ(all[0][0].wounded, 1);
    EXPECT_FALSE(all[0][0].killed);
}

TEST(Claims, DenialPhrases) {
    using detail::is_denial;
    EXPECT_TRUE(is_denial(text::tokenize("the report does not correspond to reality")));
    EXPECT_TRUE(is_denial(text::tokenize("this has nothing to do with reality")));
    EXPECT_TRUE(is_denial(text::tokenize("our units did not open fire in that direction")));
    EXPECT_TRUE(is_denial(text::tokenize("the army did not fire a single shot")));
    EXPECT_TRUE(is_denial(text::tokenize("the ministry refuted the report as groundless")));
    EXPECT_FALSE(is_denial(text::tokenize("the ministry did not deny the report")));
    EXPECT_FALSE(is_denial(text::tokenize("the ministry has not yet refuted the claim")));
    EXPECT_FALSE(is_denial(text::tokenize("the only road to the disputed region")));
    EXPECT_FALSE(is_denial(text::tokenize("the responsibility lies with the leadership")));
    // "false" and "fake" deny a report, not an impression or a tension someone creates.
    EXPECT_TRUE(is_denial(text::tokenize("the ministry called the report false")));
    EXPECT_TRUE(is_denial(text::tokenize("this is false information, the ministry said")));
    EXPECT_TRUE(is_denial(text::tokenize("Baku spreads fake news about the border")));
    EXPECT_FALSE(is_denial(text::tokenize("they try to create a false impression among monitors")));
    EXPECT_FALSE(is_denial(text::tokenize("an attempt to stir up fake tension in the region")));
}

// Spokespeople by title and name, then by surname; "he said" is the last person.
TEST(Claims, ASpokespersonNamedAgainBySurname) {
    const auto all =
        read_all({"Armenia's Defence Ministry spokeswoman Anahit Karapetyan said the post near "
                  "Aravus came under fire.",
                  "The positions were attacked again at night, Karapetyan wrote on Facebook.",
                  "Two soldiers were wounded, she added."});
    ASSERT_EQ(all[0].size(), 1u);
    EXPECT_EQ(all[0][0].who, "Anahit Karapetyan");
    EXPECT_EQ(all[0][0].side, Side::armenia);
    ASSERT_EQ(all[1].size(), 1u);
    EXPECT_EQ(all[1][0].who, "Anahit Karapetyan");
    ASSERT_EQ(all[2].size(), 1u);
    EXPECT_EQ(all[2][0].who, "Anahit Karapetyan");
    EXPECT_EQ(all[2][0].wounded, 2);
}

// A quotation opened after its speaker runs on until it closes, with no speaker of its own.
TEST(Claims, AQuotationRunsOnUntilItCloses) {
    const auto all = read_all({"“Armenian units opened fire at the positions near Aghdam at 22:00, "
                               "” the Azerbaijani Defence Ministry said. “The sabotage groups "
                               "were spotted near the supply road.",
                               "As a result, clashes occurred.",
                               "Two servicemen of the Azerbaijani Army were wounded.”"});
    ASSERT_EQ(all[2].size(), 1u);
    EXPECT_EQ(all[2][0].who, "Azerbaijani Ministry of Defence");
    EXPECT_EQ(all[2][0].wounded, 2);
    // Without the quotation the statement runs on one sentence only.
    const auto plain =
        read_all({"Armenian units opened fire at the positions near Aghdam, the "
                  "Azerbaijani Defence Ministry said.",
                  "The weather was calm.", "Two Azerbaijani servicemen were wounded."});
    ASSERT_EQ(plain[2].size(), 1u);
    EXPECT_EQ(plain[2][0].who, "Azerbaijani side");
}

// One speaker that accuses and denies in one sentence: two claims, and the denied report's.
TEST(Claims, AccusesAndDeniesInOneSentence) {
    const auto claims = claims_of("Azerbaijani forces opened fire at a border village overnight, "
                                  "the Armenian Defense Ministry said, as it denied renewed "
                                  "Azerbaijani allegations of Armenian truce violations.");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(claims[1].side, Side::armenia);
    EXPECT_EQ(claims[1].assertion, Assertion::denies);
    EXPECT_EQ(claims[2].side, Side::azerbaijan);
    EXPECT_EQ(claims[2].assertion, Assertion::accuses);
}

// "made the claims", "dismissed", "It said", "they said"; "under fire" is the hit side's.
TEST(Claims, MoreWaysOfSaying) {
    const auto all = read_all({"The Azerbaijani military made the claims on Sunday.",
                               "It said Armenian army units targeted its troops.",
                               "The Defense Ministry in Yerevan dismissed the claims."});
    ASSERT_EQ(all[0].size(), 1u);
    EXPECT_EQ(all[0][0].who, "Azerbaijani military");
    ASSERT_EQ(all[1].size(), 1u);
    EXPECT_EQ(all[1][0].side, Side::azerbaijan);
    EXPECT_EQ(all[1][0].assertion, Assertion::accuses);
    EXPECT_EQ(all[1][0].against, Side::armenia);
    ASSERT_EQ(all[2].size(), 1u);
    EXPECT_EQ(all[2][0].side, Side::armenia);
    EXPECT_EQ(all[2][0].assertion, Assertion::denies);
    const auto hit = claims_of("Stepanakert under fire");
    ASSERT_EQ(hit.size(), 1u);
    EXPECT_EQ(hit[0].side, Side::armenia);
    EXPECT_EQ(hit[0].assertion, Assertion::accuses);
}

// Witnesses report; their party is their village's or the country named with it.
TEST(Claims, WitnessesReport) {
    const auto claims = claims_of("Residents of a village on Armenia's border with Azerbaijan said "
                                  "on Thursday that more houses were hit by gunfire from "
                                  "Azerbaijani positions.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::reports);
}

// "said Russia's Defense Ministry": the whole name, not the country in it.
TEST(Claims, TheLongestNameAfterTheVerb) {
    const auto claims = claims_of("“Peacekeepers monitor the situation,” said Russia's Defense "
                                  "Ministry.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].who, "Russian Ministry of Defence");
}

TEST(Claims, NoLossesAmongAPartysPersonnelIsThatPartysOwnReport) {
    // Far from the last speaker: the party whose personnel it names reports its own losses,
    // not the other party (it had been read as an Armenian claim of 0 casualties).
    detail::ClaimContext context;
    const auto claims = detail::find_claims(
        detail::TokenizedSentence("There are no losses among the military personnel and "
                                  "equipment of the Azerbaijan Army."),
        {}, context);
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::azerbaijan);
    EXPECT_EQ(claims[0].assertion, Assertion::reports_own_losses);
    EXPECT_EQ(claims[0].killed, 0);
    EXPECT_EQ(claims[0].wounded, 0);
}

TEST_F(ExtractTest, ANamedMemberOfAForceWhoWasHitIsNotWhoFired) {
    // Written sentence: the ministry is not named by its country; the wounded private's army is
    // the victim, so the ministry speaking of his wounding is Azerbaijan's.
    const auto x = run("Azerbaijani army private John Doe was wounded in shelling of the Armenian "
                       "armed forces near Kalbajar, the Defense Ministry said.");
    ASSERT_EQ(incidents(x).size(), 1u);
    ASSERT_FALSE(incidents(x)[0]->claims.empty());
    const Claim& c = incidents(x)[0]->claims[0];
    EXPECT_EQ(c.side, Side::azerbaijan);
    EXPECT_EQ(c.assertion, Assertion::accuses);
    EXPECT_EQ(c.against, Side::armenia);
    EXPECT_EQ(c.wounded, 1);
    // Must not fire: the force's soldiers who fired are the attackers.
    const auto y =
        run("Armenian army soldiers opened fire at Kalbajar on Monday, the Defense Ministry said.");
    ASSERT_EQ(incidents(y).size(), 1u);
    ASSERT_FALSE(incidents(y)[0]->claims.empty());
    EXPECT_EQ(incidents(y)[0]->claims[0].side, Side::azerbaijan);
}
