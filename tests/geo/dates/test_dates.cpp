// Date expressions resolved against the publication date (geo/dates/dates.hpp).

#include "geo/dates/dates.hpp"

#include <gtest/gtest.h>

using namespace sitmap::geo;

namespace {

// 2023-05-11 is a Thursday; 2022-11-07 a Monday.
const auto may11 = parse_date("2023-05-11");
const auto nov07 = parse_date("2022-11-07");

struct Found {
    std::string begin;
    std::string end;
    DatePrecision precision = DatePrecision::day;
    DateForm form = DateForm::calendar;
    std::string text;
    std::string upcoming;
};

Found only(std::string_view text, std::chrono::year_month_day published) {
    const auto found = find_dates(text, published);
    EXPECT_EQ(found.size(), 1u) << text;
    if (found.empty()) {
        return {};
    }
    const DateMention& d = found.front();
    return Found{format_date(d.date.begin),
                 format_date(d.date.end),
                 d.date.precision,
                 d.form,
                 std::string(text.substr(d.begin, d.end - d.begin)),
                 format_date(d.upcoming.begin)};
}

} // namespace

TEST(Dates, WeekdayIsTheMostRecentOnOrBeforePublication) {
    EXPECT_EQ(only("clashes on Thursday morning", may11).begin, "2023-05-11");
    EXPECT_EQ(only("from Sotk on Wednesday evening", may11).begin, "2023-05-10");
    EXPECT_EQ(only("an attack on Friday", may11).begin, "2023-05-05");
    EXPECT_EQ(only("Thursday's clashes", may11).begin, "2023-05-11");
    EXPECT_EQ(only("on Thursday", may11).form, DateForm::weekday);
}

TEST(Dates, WeekdayHasAFutureReadingForPlannedEvents) {
    const Found f = only("will meet on Sunday in Brussels", may11);
    EXPECT_EQ(f.begin, "2023-05-07");
    EXPECT_EQ(f.upcoming, "2023-05-14");
    EXPECT_EQ(only("talks next Monday", may11).begin, "2023-05-15");
    EXPECT_EQ(only("fired last Monday", may11).begin, "2023-05-08");
}

TEST(Dates, OvernightFromSundayToMondayIsARange) {
    const Found f = only("But, overnight from Sunday to Monday, units opened fire", nov07);
    EXPECT_EQ(f.begin, "2022-11-06");
    EXPECT_EQ(f.end, "2022-11-07");
    EXPECT_EQ(f.precision, DatePrecision::range);
    EXPECT_EQ(f.text, "overnight from Sunday to Monday");
    const Found g = only("bombings on the night of Sunday to Monday", nov07);
    EXPECT_EQ(g.begin, "2022-11-06");
    EXPECT_EQ(g.end, "2022-11-07");
    const Found alone = only("units opened fire overnight", may11);
    EXPECT_EQ(alone.begin, "2023-05-10");
    EXPECT_EQ(alone.end, "2023-05-11");
    const Found h = only("shelling overnight into Tuesday", may11);
    EXPECT_EQ(h.begin, "2023-05-08");
    EXPECT_EQ(h.end, "2023-05-09");
}

TEST(Dates, RelativeDays) {
    EXPECT_EQ(only("a soldier was injured yesterday", may11).begin, "2023-05-10");
    EXPECT_EQ(only("the day before yesterday", may11).begin, "2023-05-09");
    EXPECT_EQ(only("fire continued this morning", may11).begin, "2023-05-11");
    EXPECT_EQ(only("said today", may11).begin, "2023-05-11");
    EXPECT_EQ(only("two days ago", may11).begin, "2023-05-09");
    EXPECT_EQ(only("Just a week ago, leaders met", nov07).begin, "2022-10-31");
    const Found lw = only("clashes last week", may11);
    EXPECT_EQ(lw.begin, "2023-05-01");
    EXPECT_EQ(lw.end, "2023-05-07");
    EXPECT_EQ(lw.precision, DatePrecision::range);
}

TEST(Dates, CalendarDaysTakeTheYearNearestPublication) {
    EXPECT_EQ(only("Baku announced on April 23 that", may11).begin, "2023-04-23");
    EXPECT_EQ(only("on 23 April", may11).begin, "2023-04-23");
    EXPECT_EQ(only("on April 23rd", may11).begin, "2023-04-23");
    EXPECT_EQ(only("prior to the escalation on 10 May from", may11).begin, "2023-05-10");
    EXPECT_EQ(only("talks planned for 1 June", may11).begin, "2023-06-01");
    EXPECT_EQ(only("a summit on June 1, according to", may11).begin, "2023-06-01");
    EXPECT_EQ(only("since December 28", parse_date("2023-01-05")).begin, "2022-12-28");
    EXPECT_EQ(only("on 12 September 2022", may11).begin, "2022-09-12");
    EXPECT_EQ(only("on the 10th of May", may11).begin, "2023-05-10");
}

TEST(Dates, NumericDates) {
    EXPECT_EQ(only("On 11.05.2023, at around 08:10, units opened fire", may11).begin, "2023-05-11");
    EXPECT_EQ(only("published 2023-05-09 by the ministry", may11).begin, "2023-05-09");
    for (const DateMention& d : find_dates("a ratio of 11.35.2023 and version 1.2.3", may11)) {
        EXPECT_NE(d.form, DateForm::calendar); // no month 35
    }
}

TEST(Dates, WeekdayWithItsCalendarDateIsOneMention) {
    const Found f = only("accused each other on Monday (November 7th), ahead of", nov07);
    EXPECT_EQ(f.begin, "2022-11-07");
    EXPECT_EQ(f.form, DateForm::calendar);
    EXPECT_EQ(only("This Monday, November 7, Armenia", nov07).begin, "2022-11-07");
}

TEST(Dates, PeriodsOfAMonth) {
    const Found end = only("at the end of April", may11);
    EXPECT_EQ(end.begin, "2023-04-21");
    EXPECT_EQ(end.end, "2023-04-30");
    EXPECT_EQ(end.precision, DatePrecision::range);
    EXPECT_EQ(only("at the end of end April, Azerbaijan", may11).begin, "2023-04-21");
    const Found early = only("talks in early May in Washington", may11);
    EXPECT_EQ(early.begin, "2023-05-01");
    EXPECT_EQ(early.end, "2023-05-10");
    const Found mid = only("began in mid-December last year", may11);
    EXPECT_EQ(mid.begin, "2022-12-11");
    EXPECT_EQ(mid.end, "2022-12-20");
    const Found late = only("In late October, Putin", nov07);
    EXPECT_EQ(late.begin, "2022-10-21");
    EXPECT_EQ(late.end, "2022-10-31");
    const Found month = only("a checkpoint in April", may11);
    EXPECT_EQ(month.begin, "2023-04-01");
    EXPECT_EQ(month.end, "2023-04-30");
    EXPECT_EQ(month.precision, DatePrecision::month);
}

TEST(Dates, YearsAndDecadesAreHistory) {
    const Found y = only("the war in 2020", may11);
    EXPECT_EQ(y.form, DateForm::year);
    EXPECT_EQ(y.begin, "2020-01-01");
    const Found d = only("the war of the 1990s", may11);
    EXPECT_EQ(d.form, DateForm::year);
    EXPECT_EQ(d.begin, "1990-01-01");
    EXPECT_EQ(d.end, "1999-12-31");
}

TEST(Dates, MustNotFire) {
    for (const char* text :
         {"Azerbaijan may respond", "after four days of talks", "left 286 dead on both sides",
          "more than 30,000 deaths", "the sunday papers", "troops march on", "a mortar was fired",
          "Nikol Pashinyan said", "May God help us"}) {
        EXPECT_TRUE(find_dates(text, may11).empty()) << text;
    }
}

TEST(Dates, SeveralInOneSentenceInOrder) {
    const auto found = find_dates(
        "an Azeri soldier was injured yesterday, Wednesday, in the evening and mortar fire "
        "continued this morning",
        may11);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(format_date(found[0].date.begin), "2023-05-10");
    EXPECT_EQ(format_date(found[1].date.begin), "2023-05-10");
    EXPECT_EQ(format_date(found[2].date.begin), "2023-05-11");
    EXPECT_LT(found[0].begin, found[1].begin);
}

namespace {

// 2022-09-14 is a Wednesday.
const auto sep14 = parse_date("2022-09-14");

std::string range_of(const DateMention& d) {
    return format_date(d.date.begin) + ".." + format_date(d.date.end);
}

std::string only_range(std::string_view text, std::chrono::year_month_day published) {
    const auto found = find_dates(text, published);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? "" : range_of(found.front());
}

} // namespace

TEST(Dates, NightsNamedByTheirDays) {
    // The night that ended on the day named.
    EXPECT_EQ(only_range("units opened fire overnight on Tuesday", sep14),
              "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("shelling overnight into the 13th", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("fire overnight into 13 September", sep14), "2022-09-12..2022-09-13");
    // The night that began on it.
    EXPECT_EQ(only_range("on the night of 12 September", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("on the night of Monday", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("on the night of 12-13 September", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("on the night of September 12 to 13", sep14), "2022-09-12..2022-09-13");
    // ... except in a report of that very day: then the night that ended on it.
    EXPECT_EQ(only_range("on the night of 14 September", sep14), "2022-09-13..2022-09-14");
    EXPECT_EQ(only_range("on the night of Wednesday", sep14), "2022-09-13..2022-09-14");
    // "late on Monday" is Monday.
    EXPECT_EQ(only_range("the ministry said late on Monday", sep14), "2022-09-12..2022-09-12");
}

TEST(Dates, RunsOfDays) {
    EXPECT_EQ(only_range("fighting on 12-13 September", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("fighting on September 12-13", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("from 2220 on September 12 to 0005 on September 13", sep14),
              "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("from 23:40 on 12 September until 01:00 on 13 September", sep14),
              "2022-09-12..2022-09-13");
    // Not a run: a count, or days far apart.
    EXPECT_EQ(only_range("3-4 wounded on 12 September", sep14), "2022-09-12..2022-09-12");
}

TEST(Dates, TimesOverMidnightSpanTwoDays) {
    EXPECT_EQ(only_range("on September 12 at 23:40 the enemy opened fire, which lasted until 01:00",
                         sep14),
              "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("from 10 p.m. to 2 a.m. on Tuesday", sep14), "2022-09-12..2022-09-13");
    EXPECT_EQ(only_range("from 22:00-02:00 on 13 September", sep14), "2022-09-12..2022-09-13");
    // Within one day.
    EXPECT_EQ(only_range("on 13 June, from 17:40 to 18:10", sep14), "2022-06-13..2022-06-13");
    EXPECT_EQ(only_range("on September 13, around 00:05, units opened fire", sep14),
              "2022-09-13..2022-09-13");
}

TEST(Dates, OvernightCountsFromTheDayItIsToldOn) {
    // Published on 1 April, told on 31 March: the night of 30-31 March.
    const auto apr01 = parse_date("2025-04-01");
    const auto found = find_dates("units opened fire at a village overnight, the ministry said on "
                                  "Monday, March 31",
                                  apr01);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(range_of(found[0]), "2025-03-30..2025-03-31");
    EXPECT_TRUE(found[0].anchored);
    // Alone, from publication.
    const Found alone = only("units opened fire overnight", may11);
    EXPECT_EQ(alone.begin, "2023-05-10");
}

TEST(Dates, ExpressionsCountedFromAnEarlierDate) {
    const auto found = find_dates("On 12 September the talks failed; the following day the "
                                  "village was shelled, and the same day a soldier died. On "
                                  "Tuesday Baku said it was fired at the previous night.",
                                  sep14);
    ASSERT_EQ(found.size(), 5u);
    EXPECT_EQ(range_of(found[1]), "2022-09-13..2022-09-13");
    EXPECT_EQ(found[1].form, DateForm::anchored);
    EXPECT_TRUE(found[1].anchored);
    EXPECT_EQ(range_of(found[2]), "2022-09-12..2022-09-12");
    EXPECT_EQ(range_of(found[4]), "2022-09-12..2022-09-13");
    // With no date before it: from publication, and not anchored.
    const auto lone = find_dates("the following day the village was shelled", sep14);
    ASSERT_EQ(lone.size(), 1u);
    EXPECT_FALSE(lone[0].anchored);
    ASSERT_TRUE(lone[0].shift);
    EXPECT_EQ(range_of(lone[0]), "2022-09-15..2022-09-15");
    EXPECT_EQ(format_date(counted_from(lone[0], parse_date("2022-09-01")).begin), "2022-09-02");
    // Not dates.
    EXPECT_TRUE(find_dates("on the night before the talks", sep14).empty());
}

TEST(Dates, MoreRelativeDays) {
    EXPECT_EQ(only_range("shooting has continued since morning", sep14), "2022-09-14..2022-09-14");
    EXPECT_EQ(only_range("on Tuesday (September 13) units fired", sep14), "2022-09-13..2022-09-13");
    const Found ly = only("last year's clashes", may11);
    EXPECT_EQ(ly.form, DateForm::year);
    EXPECT_EQ(ly.begin, "2022-01-01");
    // "since" looks back: December before a June publication is last December.
    EXPECT_EQ(only("blocked since December", parse_date("2023-06-16")).begin, "2022-12-01");
    // Something going on from a day up to the report.
    EXPECT_EQ(only_range("starting from the night of September 12", sep14),
              "2022-09-12..2022-09-14");
}

TEST(Dates, ADayWithoutAYearIsNeverHalfAYearAhead) {
    const auto nov22 = parse_date("2021-11-22");
    EXPECT_EQ(only("the situation deteriorated on May 12", nov22).begin, "2021-05-12");
    EXPECT_EQ(only("talks planned for January 10", nov22).begin, "2022-01-10");
}

TEST(Dates, DatelinesAreTheReferenceWhenEarlierThanPublication) {
    const auto jul22 = parse_date("2021-07-22");
    EXPECT_EQ(format_date(reference_date("YEREVAN, July 20 - Azerbaijani units opened fire "
                                         "yesterday.",
                                         jul22)),
              "2021-07-20");
    EXPECT_EQ(format_date(reference_date("Title of the report\n\nBaku, 20 July, AGENCY\n\n"
                                         "Units opened fire.",
                                         jul22)),
              "2021-07-20");
    EXPECT_EQ(
        format_date(reference_date("Title\n\n    20.07.2021 [12:25]\n\nUnits opened fire.", jul22)),
        "2021-07-20");
    // Not datelines: the date of the events, a caption, a date after publication.
    EXPECT_EQ(format_date(reference_date("On July 19 at about 23:40, units opened fire.", jul22)),
              "2021-07-22");
    EXPECT_EQ(format_date(reference_date("A bullet hole in a roof of the village, July 20, 2021.\n"
                                         "Units opened fire.",
                                         jul22)),
              "2021-07-22");
    EXPECT_EQ(format_date(reference_date("BAKU, July 25 - Units opened fire.", jul22)),
              "2021-07-22");
}

TEST(Dates, TimesOfDayAndWhetherTheyEndARange) {
    const auto times = find_times("Between 5:00 pm and 5:30 p.m., from 2220 until 0005, at 10 "
                                  "a.m., 3 soldiers and 2 days later, 23:40-01:00");
    std::vector<std::pair<int, bool>> got;
    for (const TimeOfDay& t : times) {
        got.emplace_back(t.minutes, t.ends_range);
    }
    const std::vector<std::pair<int, bool>> want = {{17 * 60, false}, {17 * 60 + 30, false},
                                                    {22 * 60 + 20, false}, {5, true},
                                                    {10 * 60, false},      {23 * 60 + 40, false},
                                                    {60, true}};
    EXPECT_EQ(got, want);
}
