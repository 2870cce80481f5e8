// Merging (geo/extract/detail/merge.hpp, through merge_events in geo/extract/extract.hpp): one
// event per place, class of kind and date; dates by vote; region-level events joining the same
// event inside them.

#include "geo/extract/detail/merge.hpp"
#include "geo/extract/extract.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Merge, SamePlaceClassAndDateWithinADayKeepsEveryClaim) {
    Event a;
    a.kind = EventKind::shelling;
    a.place_id = "p";
    a.place_name = "P";
    a.date = DateRange{parse_date("2023-05-11"), parse_date("2023-05-11"), DatePrecision::day};
    Claim c1;
    c1.side = Side::armenia;
    c1.wounded = 3;
    c1.source = SourceRef{"a1", 0, 10};
    a.claims.push_back(c1);
    a.sources.push_back(c1.source);
    Event b = a;
    b.kind = EventKind::small_arms_fire;
    b.date.begin = b.date.end = parse_date("2023-05-10");
    b.claims[0].side = Side::azerbaijan;
    b.claims[0].wounded = 1;
    b.claims[0].source = SourceRef{"a2", 5, 20};
    b.sources = {b.claims[0].source};
    Event far = a;
    far.date.begin = far.date.end = parse_date("2023-05-20");
    far.claims[0].source = far.sources[0] = SourceRef{"a3", 0, 1};
    Event talks = a;
    talks.kind = EventKind::talks;
    const auto merged = merge_events({a, b, far, talks, a});
    ASSERT_EQ(merged.size(), 3u);
    const Event& m = merged[0];
    EXPECT_EQ(m.kind, EventKind::shelling); // the most specific weapon
    EXPECT_EQ(m.claims.size(), 2u);
    EXPECT_EQ(m.sources.size(), 2u);
    EXPECT_EQ(m.id, "evt-2023-05-11-shelling-p");
    EXPECT_TRUE(m.summary.find("3 wounded") != std::string::npos) << m.summary;
}

TEST(Merge, ARegionLevelEventJoinsTheSameEventInsideIt) {
    const auto day = parse_date("2023-05-03");
    Event country;
    country.kind = EventKind::talks;
    country.place_id = "c";
    country.place_name = "Country";
    country.precision = GeoPrecision::region;
    AreaGeom area;
    area.polygons.push_back({Path{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}});
    country.geometry = area;
    country.location = LonLat{5, 5};
    country.date = DateRange{day, day, DatePrecision::day};
    country.sources = {SourceRef{"b", 0, 1}};
    Event city = country;
    city.place_id = "city";
    city.place_name = "City";
    city.precision = GeoPrecision::exact;
    city.location = LonLat{2, 3};
    city.geometry = PointGeom{city.location};
    city.sources = {SourceRef{"a", 0, 1}};
    Event elsewhere = city;
    elsewhere.place_id = "far";
    elsewhere.location = LonLat{30, 30};
    elsewhere.geometry = PointGeom{elsewhere.location};
    elsewhere.sources = {SourceRef{"c", 0, 1}};
    const auto merged = merge_events({country, city, elsewhere});
    ASSERT_EQ(merged.size(), 2u);
    const auto it = std::find_if(merged.begin(), merged.end(),
                                 [](const Event& e) { return e.place_id == "city"; });
    ASSERT_NE(it, merged.end());
    EXPECT_EQ(it->sources.size(), 2u);
}

TEST(Merge, DatesWithinADayAreCompatible) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    EXPECT_TRUE(detail::compatible(day("2023-05-10"), day("2023-05-11")));
    EXPECT_FALSE(detail::compatible(day("2023-05-09"), day("2023-05-11")));
    DateRange unknown = day("2023-01-01");
    unknown.precision = DatePrecision::unknown;
    EXPECT_TRUE(detail::compatible(unknown, day("2023-05-11")));
}

TEST(Merge, BestDatePrefersAShortRangeThenADayThenMoreVotes) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    const DateRange overnight{parse_date("2023-05-10"), parse_date("2023-05-11"),
                              DatePrecision::range};
    const DateRange may{parse_date("2023-05-01"), parse_date("2023-05-31"), DatePrecision::month};
    const SourceRef a{"a", 0, 1};
    const SourceRef b{"b", 0, 1};
    using detail::Vote;
    EXPECT_EQ(detail::best_date({Vote{day("2023-05-11"), 5, a}, Vote{overnight, 1, b}}, may),
              overnight);
    EXPECT_EQ(detail::best_date({Vote{may, 5, a}, Vote{day("2023-05-11"), 1, b}}, may),
              day("2023-05-11"));
    EXPECT_EQ(
        detail::best_date({Vote{day("2023-05-10"), 1, a}, Vote{day("2023-05-11"), 2, b}}, may),
        day("2023-05-11"));
    // A tie goes to the date stated first.
    EXPECT_EQ(
        detail::best_date({Vote{day("2023-05-11"), 1, b}, Vote{day("2023-05-10"), 1, a}}, may),
        day("2023-05-10"));
    EXPECT_EQ(detail::best_date({}, may), may);
}

TEST(Merge, SummaryGivesEachSidesFiguresAsStated) {
    Event e;
    e.kind = EventKind::shelling;
    e.place_name = "Sotk";
    Claim am;
    am.side = Side::armenia;
    am.wounded = 3;
    Claim am2 = am;
    am2.wounded = 4;
    Claim az;
    az.side = Side::azerbaijan;
    az.killed = 1;
    e.claims = {am, am2, az};
    EXPECT_EQ(detail::event_summary(e),
              "Shelling at Sotk; Armenia reports 3-4 wounded; Azerbaijan reports 1 killed "
              "(disputed)");
}
