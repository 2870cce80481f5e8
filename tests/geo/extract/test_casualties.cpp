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
    c = find_casualties("after four days of talks, nobody was hurt");
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
