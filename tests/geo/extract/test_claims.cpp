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
