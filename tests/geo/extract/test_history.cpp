// History, habit and tense (geo/extract/detail/history.hpp): sentences that are not about the
// reported events.

#include "geo/extract/detail/history.hpp"
#include "tests/geo/extract/extract_fixture.hpp"

#include <gtest/gtest.h>

using namespace sitmap::geo;
using sitmap::test::ExtractTest;
using sitmap::test::incidents;
using sitmap::test::may11;

TEST(Context, HistoryHabitAndFuture) {
    EXPECT_TRUE(detail::is_history("a first war that left more than 30,000 dead", may11));
    EXPECT_TRUE(detail::is_history("the war of the 1990s killed thousands", may11));
    EXPECT_TRUE(detail::is_history("In 2020, both countries fought", may11));
    EXPECT_FALSE(detail::is_history("violated the ceasefire, referring to an accord from "
                                    "November 2020",
                                    may11));
    EXPECT_FALSE(detail::is_history("against all laws, even the laws of war", may11));
    EXPECT_FALSE(detail::is_history("clashes on Thursday", may11));
    EXPECT_TRUE(detail::is_habitual("Clashes regularly take place on the border"));
    EXPECT_FALSE(detail::is_habitual("Clashes took place on the border on Thursday"));
    EXPECT_TRUE(detail::is_future("the leaders will meet on Sunday"));
    EXPECT_TRUE(detail::is_future("talks are expected to be held in Brussels"));
    EXPECT_FALSE(detail::is_future("the leaders met on Sunday"));
}

TEST(Context, OnlyDatesOlderThanTheNewsPeriodAreHistory) {
    // The news period is about half a year: November 2022 is news on 11 May 2023, October 2022
    // is not.
    EXPECT_FALSE(detail::is_history("Sotk was shelled on 20 November 2022", may11));
    EXPECT_TRUE(detail::is_history("Sotk was shelled on 1 October 2022", may11));
    EXPECT_FALSE(detail::is_history("accused Baku of war crimes", may11));
    EXPECT_TRUE(detail::is_history("the conflict has lasted for decades", may11));
}

TEST_F(ExtractTest, HistoryIsNotAnIncident) {
    const auto x = run("Tens of thousands were killed in Nagorno-Karabakh in the war of the "
                       "1990s. Sotk was shelled in 2021 during the first war anniversary.");
    EXPECT_TRUE(incidents(x).empty());
    EXPECT_EQ(role_of(x, "Nagorno-Karabakh"), MentionRole::context_location);
}
