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
