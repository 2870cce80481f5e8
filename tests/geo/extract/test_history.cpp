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

TEST(Context, PastWarsYearsAndEarlierMonthsAreHistory) {
    EXPECT_TRUE(detail::is_history("the two countries fought the 44-day war", may11));
    EXPECT_TRUE(detail::is_history("lands it had occupied since the early 1990s", may11));
    EXPECT_TRUE(detail::is_history("last year's clashes near the village", may11));
    EXPECT_TRUE(detail::is_history("In 2022, troops shelled the town", may11));
    EXPECT_TRUE(detail::is_history("Last month, a soldier was killed near the village", may11));
    EXPECT_TRUE(detail::is_history("The road has been blocked since December", may11));
    // The news of the day, told against the past: not history.
    EXPECT_FALSE(detail::is_history("A soldier was killed on Friday, the first death since their "
                                    "war last year",
                                    may11));
    EXPECT_FALSE(detail::is_history("a checkpoint set up in late April", may11));
    // An earlier event recalled for comparison.
    EXPECT_TRUE(detail::is_history("It reacted in the same way after a school in the nearby "
                                   "village came under similar fire on May 4",
                                   may11));
    EXPECT_FALSE(detail::is_history("A similar attack hit the village yesterday", may11));
}

TEST(Context, AHabitIsNoIncidentUnlessItsDayIsNamed) {
    const auto habitual = [](std::string_view s) {
        const detail::TokenizedSentence t(s);
        return detail::is_habitual(t, find_dates(s, may11));
    };
    EXPECT_TRUE(habitual("Villagers have reported nightly gunfire for almost a month"));
    EXPECT_TRUE(habitual("the sides traded accusations of ceasefire violations in recent days"));
    EXPECT_TRUE(habitual("units periodically open fire at the farms"));
    EXPECT_TRUE(habitual("over the past month the shelling of positions in these regions went on"));
    EXPECT_TRUE(habitual("fire hit the farms over the last three weeks"));
    EXPECT_FALSE(habitual("units periodically fired at the farms at 13:05 on 10 May"));
    // The day of the report is not the day of the events.
    EXPECT_TRUE(habitual("units regularly fire at the farms, the ministry said on Monday"));
}

namespace {

// The text of the date chosen for a sentence's incident, or "".
std::string incident_date_of(std::string_view s, std::chrono::year_month_day published = may11) {
    const detail::TokenizedSentence t(s);
    const auto dates = find_dates(s, published);
    const DateMention* d = detail::incident_date(t, dates, detail::find_triggers(t));
    return d == nullptr ? "" : format_date(d->date.begin) + ".." + format_date(d->date.end);
}

bool reports(std::string_view s, std::string_view date_text) {
    const detail::TokenizedSentence t(s);
    for (const DateMention& d : find_dates(s, may11)) {
        if (s.substr(d.begin, d.end - d.begin) == date_text) {
            return detail::is_report_date(t, d, detail::find_triggers(t));
        }
    }
    ADD_FAILURE() << "no date '" << date_text << "' in: " << s;
    return false;
}

} // namespace

TEST(Context, TheDateOfTheReportIsNotTheDateOfTheEvents) {
    EXPECT_TRUE(reports("Troops opened fire near the farm, the ministry said on Monday", "Monday"));
    EXPECT_TRUE(reports("the ministry said in a joint statement on 10 May that", "10 May"));
    EXPECT_TRUE(reports("Baku on Friday said a sniper had killed a soldier", "Friday"));
    EXPECT_TRUE(
        reports("On Wednesday, Baku accused Armenian units of firing at its posts", "Wednesday"));
    EXPECT_TRUE(
        reports("Earlier today, the ministry reported that the posts came under fire", "today"));
    EXPECT_TRUE(reports("YEREVAN, May 11 - Azerbaijani forces shelled the farms", "May 11"));
    EXPECT_FALSE(reports("But, on May 10, Azerbaijani forces shelled the farms", "May 10"));
    EXPECT_FALSE(
        reports("Troops opened fire near the farm on Monday, the ministry said", "Monday"));
    EXPECT_FALSE(reports("The ministry reported that on Monday troops opened fire", "Monday"));
    // Officials who say so now speak of Monday's events.
    EXPECT_FALSE(reports("On Monday, officials say, they had to repel an attack", "Monday"));
    EXPECT_FALSE(reports("On Monday, troops opened fire at the farm, the ministry said", "Monday"));
}

TEST(Context, ADateNearerToTalksThanToTheFireIsTheTalks) {
    // Written for this test: the day belongs to the talks the sentence recalls, not to the fire.
    EXPECT_EQ(incident_date_of("Reports of gunfire on the frontier came two days after the talks "
                               "held in Geneva on May 8"),
              "");
    // Must keep: the fire's own day, with talks named further off.
    EXPECT_EQ(incident_date_of("Units shelled the farms on May 9, a day before the talks"),
              "2023-05-09..2023-05-09");
}

TEST(Context, TheIncidentsDateIsADayOfTheEvents) {
    // Of the report's date and the events' date, the events'.
    EXPECT_EQ(incident_date_of("Earlier today, the ministry reported that its posts came under "
                               "fire near the village on May 9"),
              "2023-05-09..2023-05-09");
    // The report's date when there is no other.
    EXPECT_EQ(incident_date_of("On Tuesday, the ministry said that units opened fire"),
              "2023-05-09..2023-05-09");
    // A stated run of days over the day it holds.
    EXPECT_EQ(incident_date_of("On May 10, units intermittently shelled the farms from 2220 on "
                               "May 9 to 0005 on May 10"),
              "2023-05-09..2023-05-10");
    // "Overnight", told on a day named in the sentence.
    EXPECT_EQ(incident_date_of("Units fired at a border village overnight, the ministry said on "
                               "Tuesday"),
              "2023-05-08..2023-05-09");
    EXPECT_EQ(incident_date_of("On Tuesday, Baku accused the other side of firing at its posts "
                               "the previous night"),
              "2023-05-08..2023-05-09");
    // The point a comparison starts from is no date of the events.
    EXPECT_EQ(incident_date_of("The recent hostilities are the worst since troops invaded the "
                               "province on May 2"),
              "");
    EXPECT_EQ(incident_date_of("Shelling has gone on since Monday"), "2023-05-08..2023-05-08");
    // A week is no date for one incident.
    EXPECT_EQ(incident_date_of("a serviceman was killed this week"), "");
}

TEST_F(ExtractTest, AnIncidentWithoutADateContinuesTheSentenceBefore) {
    const auto x = run("On Tuesday, Baku reported an attempt to seize heights near Sotk. The "
                       "parties also traded accusations of shelling near Sotk.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(format_date(incidents(x)[0]->date.begin), "2023-05-09");
}

TEST_F(ExtractTest, TheFollowingDayCountsFromTheDayNamedBefore) {
    const auto x = run("Talks were held in Brussels on 2 May. The following day, Azerbaijani "
                       "units shelled Sotk.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(format_date(incidents(x)[0]->date.begin), "2023-05-03");
}

TEST_F(ExtractTest, ADatelineIsTheReferenceOfRelativeDates) {
    // Published on 13 May, written on 11 May: "yesterday" is 10 May.
    const auto x = run("YEREVAN, May 11 - Azerbaijani forces shelled Sotk yesterday, the "
                       "Armenian Defence Ministry said.",
                       parse_date("2023-05-13"));
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(format_date(incidents(x)[0]->date.begin), "2023-05-10");
}

TEST_F(ExtractTest, ANewIncidentWithoutADateVotesForTheLastIncidentsDate) {
    // The third sentence continues no dated sentence; its incident is dated by the last incident's
    // day, and that outranks the cause recalled after it.
    const auto x = run("Azerbaijani forces shelled Sotk on Tuesday. The ministry condemned the "
                       "attack. Later the fighting spread to Tegh. Baku called it a response to "
                       "a provocation on Monday.");
    for (const Event* e : incidents(x)) {
        EXPECT_EQ(format_date(e->date.begin), "2023-05-09") << e->place_id;
    }
    EXPECT_EQ(incidents(x).size(), 2u);
}

TEST(Context, APhotoCreditMakesACaption) {
    EXPECT_TRUE(detail::is_photo_caption("Homes behind a wall in Sotk (Photo: Office of the "
                                         "Ombudsman)"));
    EXPECT_TRUE(detail::is_photo_caption("Soldiers near Sotk on 2 May. Photo: A. Writer."));
    EXPECT_TRUE(detail::is_photo_caption("Photo: A. Writer."));
    EXPECT_TRUE(detail::is_photo_caption("A house in Sotk. (photo credit: AGENCY)"));
    EXPECT_FALSE(detail::is_photo_caption("The ministry shared a photo of the burnt house."));
    EXPECT_FALSE(detail::is_photo_caption("Sotk came under fire, the ministry said."));
}

TEST_F(ExtractTest, ACaptionIsNotAReportOfFire) {
    const auto x = run("A wall protects homes in Kornidzor from gunfire (Photo: Office of the "
                       "Ombudsman). Azerbaijani forces fired at Sotk on Tuesday.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->targets.front().id, "test:sotk");
}

TEST_F(ExtractTest, PlacesOfAnEarlierEventASinceClauseRecallsAreNotTargets) {
    // Published 11 May 2023: 2 March is long before, so Goris belongs to the earlier event.
    const auto x = run("Two soldiers were wounded in Sotk on Tuesday. It was the worst escalation "
                       "since Azerbaijani troops shelled Goris on 2 March.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->targets.size(), 1u);
    EXPECT_EQ(incidents(x)[0]->targets.front().id, "test:sotk");
    EXPECT_EQ(role_of(x, "Goris"), MentionRole::context_location);
    // "since Tuesday" dates what goes on: Goris is where it goes on.
    const auto y = run("Azerbaijani forces have shelled Goris since Tuesday.");
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(incidents(y)[0]->targets.front().id, "test:goris");
}
