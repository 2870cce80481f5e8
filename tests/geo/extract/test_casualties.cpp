// Casualty figures (geo/extract/detail/casualties.hpp): killed and wounded as stated, and what is
// not a count.

#include "geo/extract/detail/casualties.hpp"

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Casualties, FiguresAsStated) {
    using detail::find_casualties;
    auto c = find_casualties("Three Armenian soldiers were injured by the fire, it notes");
    EXPECT_EQ(c.wounded, 3);
    EXPECT_FALSE(c.killed);
    c = find_casualties("injuring one Azerbaijani soldier, and killing another the next day");
    EXPECT_EQ(c.wounded, 1);
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("an exchange of fire which killed one person and wounded four");
    EXPECT_EQ(c.killed, 1);
    EXPECT_EQ(c.wounded, 4);
    c = find_casualties("said four of its soldiers had been wounded");
    EXPECT_EQ(c.wounded, 4);
    c = find_casualties("a provocation that had left one of its soldiers dead");
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("an Azeri soldier was injured yesterday");
    EXPECT_EQ(c.wounded, 1);
    c = find_casualties("Two servicemen were killed and twelve wounded");
    EXPECT_EQ(c.killed, 2);
    EXPECT_EQ(c.wounded, 12);
    c = find_casualties("adding that there were no casualties");
    EXPECT_EQ(c.killed, 0);
    EXPECT_EQ(c.wounded, 0);
    c = find_casualties("without reporting any losses either");
    EXPECT_EQ(c.killed, 0);
    // Both ministries' own phrasings.
    c = find_casualties("one serviceman of the Azerbaijani Army was martyred");
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("a contract serviceman was fatally wounded");
    EXPECT_EQ(c.killed, 1);
    EXPECT_FALSE(c.wounded);
    c = find_casualties("two soldiers received shrapnel wounds");
    EXPECT_EQ(c.wounded, 2);
    c = find_casualties("One soldier was killed and two others were wounded");
    EXPECT_EQ(c.killed, 1);
    EXPECT_EQ(c.wounded, 2);
    c = find_casualties("an Armenian soldier died of wounds after sniper fire");
    EXPECT_EQ(c.killed, 1);
    EXPECT_FALSE(c.wounded);
}

TEST(Casualties, MustNotCountDurationsOrVagueWords) {
    using detail::find_casualties;
    auto c = find_casualties("a soldier was wounded two days ago");
    EXPECT_EQ(c.wounded, 1);
    c = find_casualties("hundreds of people were killed");
    EXPECT_FALSE(c.killed);
    // Not four: a duration. Nobody hurt is no casualties.
    c = find_casualties("after four days of talks, nobody was hurt");
    EXPECT_EQ(c.wounded, 0);
    EXPECT_EQ(c.killed, 0);
    c = find_casualties("no one was killed in the shelling");
    EXPECT_EQ(c.killed, 0);
    EXPECT_FALSE(c.wounded);
    c = find_casualties("the killed soldier's family");
    EXPECT_FALSE(c.killed);
}

TEST(Casualties, LostTheirLivesAndBoundedCounts) {
    using detail::find_casualties;
    auto c = find_casualties("two servicemen lost their lives");
    EXPECT_EQ(c.killed, 2);
    c = find_casualties("the shelling killed at least three people");
    EXPECT_EQ(c.killed, 3);
    c = find_casualties("there were 286 dead");
    EXPECT_EQ(c.killed, 286);
    // The same figures from a sentence tokenised once for every stage.
    const detail::TokenizedSentence s("Two servicemen were killed and twelve wounded", 500);
    c = find_casualties(s);
    EXPECT_EQ(c.killed, 2);
    EXPECT_EQ(c.wounded, 12);
}

// Passive and varied phrasings of ministry statements, written for these tests.
TEST(Casualties, PassiveAndVariedPhrasings) {
    using detail::find_casualties;
    auto c = find_casualties("a contract serviceman had been seriously wounded near the post");
    EXPECT_EQ(c.wounded, 1);
    EXPECT_FALSE(c.killed);
    c = find_casualties("Five servicemen have been killed and seven wounded in the clashes");
    EXPECT_EQ(c.killed, 5);
    EXPECT_EQ(c.wounded, 7);
    c = find_casualties("one killed and two wounded");
    EXPECT_EQ(c.killed, 1);
    EXPECT_EQ(c.wounded, 2);
    c = find_casualties("two wounded and one killed");
    EXPECT_EQ(c.killed, 1);
    EXPECT_EQ(c.wounded, 2);
    c = find_casualties("the fire resulted in the death of one conscript");
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("the enemy suffered 14 military losses");
    EXPECT_EQ(c.killed, 14);
    c = find_casualties("the ministry ruled out any casualties among the personnel");
    EXPECT_EQ(c.killed, 0);
    EXPECT_EQ(c.wounded, 0);
}

// No count, one person: the subject names them ("the soldier died", "Sergeant X was killed").
TEST(Casualties, ASingularSubjectIsOnePerson) {
    using detail::find_casualties;
    auto c = find_casualties("Junior Sergeant Aram Petrosyan was killed by sniper fire");
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("the ministry said that the soldier, Hovik Sargsyan, died in hospital");
    EXPECT_EQ(c.killed, 1);
    c = find_casualties("a soldier of the border troops serving at the post near the bridge was "
                        "injured");
    EXPECT_EQ(c.wounded, 1);
    c = find_casualties("Private Tigran Avetisyan sustained gunshot wounds");
    EXPECT_EQ(c.wounded, 1);
    c = find_casualties("the driver lost his life");
    EXPECT_EQ(c.killed, 1);
    // Named in a list: one per title.
    c = find_casualties("Captain Levon Hakobyan, Lieutenant Samvel Grigoryan and Sergeant Artur "
                        "Manukyan were killed");
    EXPECT_EQ(c.killed, 3);
    // Plural without a count, and words that are no subject.
    c = find_casualties("the soldiers died of their wounds");
    EXPECT_FALSE(c.killed);
    c = find_casualties("the wounded serviceman was taken to hospital");
    EXPECT_FALSE(c.wounded);
    c = find_casualties("the Armenian side has casualties");
    EXPECT_FALSE(c.killed);
    EXPECT_FALSE(c.wounded);
    c = find_casualties("a private company said the road was closed");
    EXPECT_FALSE(c.killed);
}

TEST(Casualties, AnAgeIsNoCountButNamesOnePerson) {
    using detail::find_casualties;
    // Written for this test: "N-year-old Name" is one person; "aged N" and an age inside the
    // noun phrase are not the count.
    auto c = find_casualties("the ministry said 19-year-old Aram Petrosyan was wounded");
    EXPECT_EQ(c.wounded, 1);
    c = find_casualties("two 21-year-old conscripts were wounded");
    EXPECT_EQ(c.wounded, 2);
    c = find_casualties("three soldiers aged 20 were wounded");
    EXPECT_EQ(c.wounded, 3);
    // Must not: a duration is still no count.
    c = find_casualties("he was wounded two years ago");
    EXPECT_NE(c.wounded, 2);
}

TEST(Casualties, ACountAfterACommaIsNotTheObject) {
    const auto c = detail::find_casualties("One Armenian soldier killed, another wounded");
    EXPECT_EQ(c.killed, 1);
    EXPECT_EQ(c.wounded, 1);
}

// Each figure with the tokens of its phrase, where claims read whose losses it counts.
TEST(Casualties, FiguresWithTheirPhrases) {
    const detail::TokenizedSentence s("Three Armenian servicemen were injured and an Azerbaijani "
                                      "soldier was killed");
    const auto figures = detail::find_figures(s);
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0].toll, detail::Toll::wounded);
    EXPECT_EQ(figures[0].count, 3);
    EXPECT_EQ(s.tokens[figures[0].first].text, "Three");
    EXPECT_EQ(s.tokens[figures[0].last].text, "injured");
    EXPECT_EQ(figures[1].toll, detail::Toll::killed);
    EXPECT_EQ(s.tokens[figures[1].first].text, "an");
    const detail::TokenizedSentence none("There were no casualties on the Azerbaijani side");
    const auto zero = detail::find_figures(none);
    ASSERT_EQ(zero.size(), 2u);
    EXPECT_EQ(zero[0].count, 0);
    EXPECT_GE(zero[0].last, 6u); // runs on to "Azerbaijani"
}

TEST(Casualties, NoReportOfCasualtiesIsNoFigure) {
    // Nothing known is not zero: "no casualties" is a figure, "no report of casualties" is not.
    for (const char* text : {"No report of casualties or injuries was provided.",
                             "There was no information on losses."}) {
        const detail::TokenizedSentence s(text);
        EXPECT_TRUE(detail::find_figures(s).empty()) << text;
    }
    EXPECT_EQ(detail::find_figures(detail::TokenizedSentence("There were no casualties.")).size(),
              2u);
}
