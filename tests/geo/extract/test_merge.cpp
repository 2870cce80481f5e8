// Merging (geo/extract/detail/merge.hpp, through merge_events in geo/extract/extract.hpp): one
// event per place, class of kind and date; dates by vote; region-level events joining the same
// event inside them.

#include "geo/extract/detail/merge.hpp"
#include "geo/extract/extract.hpp"

#include <algorithm>
#include <string>
#include <variant>
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
    country.targets = {EventPlace{"c", "Country", LonLat{5, 5}, GeoPrecision::region}};
    Event city = country;
    city.place_id = "city";
    city.place_name = "City";
    city.precision = GeoPrecision::exact;
    city.location = LonLat{2, 3};
    city.geometry = PointGeom{city.location};
    city.targets = {EventPlace{"city", "City", city.location, GeoPrecision::exact}};
    city.sources = {SourceRef{"a", 0, 1}};
    Event elsewhere = city;
    elsewhere.place_id = "far";
    elsewhere.location = LonLat{30, 30};
    elsewhere.geometry = PointGeom{elsewhere.location};
    elsewhere.targets = {EventPlace{"far", "Far", elsewhere.location, GeoPrecision::exact}};
    elsewhere.sources = {SourceRef{"c", 0, 1}};
    const auto merged = merge_events({country, city, elsewhere});
    ASSERT_EQ(merged.size(), 2u);
    const auto it = std::find_if(merged.begin(), merged.end(),
                                 [](const Event& e) { return e.place_id == "city"; });
    ASSERT_NE(it, merged.end());
    EXPECT_EQ(it->sources.size(), 2u);
    // The region holding the city only said where more coarsely: it is no second target.
    ASSERT_EQ(it->targets.size(), 1u);
    EXPECT_EQ(it->targets[0].id, "city");
    EXPECT_EQ(it->place_name, "City");
}

TEST(Merge, ARegionHoldingTheDistrictsOfAReportIsNoFurtherTarget) {
    // "Sadarak and Shahbuz" (two districts) and a headline at the republic holding them: one
    // incident at the two districts, not at "Sadarak, Shahbuz and Nakhchivan".
    const auto day = parse_date("2024-04-01");
    Event republic;
    republic.kind = EventKind::small_arms_fire;
    republic.place_id = "nx";
    republic.place_name = "Republic";
    republic.precision = GeoPrecision::region;
    AreaGeom area;
    area.polygons.push_back({Path{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}});
    republic.geometry = area;
    republic.location = LonLat{5, 5};
    republic.targets = {EventPlace{"nx", "Republic", LonLat{5, 5}, GeoPrecision::region}};
    republic.date = DateRange{day, day, DatePrecision::day};
    republic.sources = {SourceRef{"a", 0, 1}};
    Event districts = republic;
    districts.targets = {EventPlace{"sad", "Sadarak", LonLat{2, 8}, GeoPrecision::region},
                         EventPlace{"sah", "Shahbuz", LonLat{6, 6}, GeoPrecision::region}};
    districts.place_id = "sah";
    districts.location = LonLat{6, 6};
    districts.sources = {SourceRef{"a", 2, 3}};
    const auto merged = merge_events({republic, districts});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].targets.size(), 2u);
    EXPECT_EQ(merged[0].sources.size(), 2u);
}

TEST(Merge, TwoAreasThatMeetOnTheSameDayAreOneEvent) {
    // A province named in a headline and the border sector along it named in the body.
    const auto day = parse_date("2023-05-03");
    Event province;
    province.kind = EventKind::small_arms_fire;
    province.place_id = "province";
    province.place_name = "Province";
    province.precision = GeoPrecision::region;
    AreaGeom area;
    area.polygons.push_back(
        {Path{{45.0, 40.0}, {45.5, 40.0}, {45.5, 40.5}, {45.0, 40.5}, {45.0, 40.0}}});
    province.geometry = area;
    province.location = LonLat{45.25, 40.25};
    province.date = DateRange{day, day, DatePrecision::day};
    province.sources = {SourceRef{"a", 0, 10}};
    province.targets = {
        EventPlace{"province", "Province", province.location, GeoPrecision::region}};
    Event sector = province;
    sector.place_id = "sector";
    sector.place_name = "Sector";
    sector.geometry = LinesGeom{{Path{{45.5, 40.0}, {45.52, 40.5}}}};
    sector.location = LonLat{45.51, 40.25}; // on the province's edge
    sector.sources = {SourceRef{"a", 20, 30}};
    sector.targets = {EventPlace{"sector", "Sector", sector.location, GeoPrecision::region}};
    Event apart = sector;
    apart.place_id = "apart";
    apart.location = LonLat{46.5, 40.25}; // 85 km east
    apart.geometry = LinesGeom{{Path{{46.5, 40.0}, {46.5, 40.5}}}};
    apart.sources = {SourceRef{"a", 40, 50}};
    apart.targets = {EventPlace{"apart", "Apart", apart.location, GeoPrecision::region}};
    const auto merged = merge_events({province, sector, apart});
    ASSERT_EQ(merged.size(), 2u);
    const auto it = std::find_if(merged.begin(), merged.end(),
                                 [](const Event& e) { return e.sources.size() == 2; });
    ASSERT_NE(it, merged.end());
    EXPECT_EQ(it->targets.size(), 2u);
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

TEST(Merge, TheDayOfAReportGivesWayToADayOfTheEvents) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    const SourceRef lead{"a", 0, 1};
    const SourceRef body{"a", 50, 60};
    using detail::Vote;
    // "The ministry on Monday confirmed...": Monday, twice, loses to Saturday stated once.
    EXPECT_EQ(detail::best_date({Vote{day("2022-08-08"), 1, lead, true},
                                 Vote{day("2022-08-08"), 1, lead, true},
                                 Vote{day("2022-08-06"), 2, body}},
                                day("2022-08-08")),
              day("2022-08-06"));
    // Must not fire: without a day of the events, the report's day stands.
    EXPECT_EQ(detail::best_date({Vote{day("2022-08-08"), 1, lead, true}}, day("2022-08-01")),
              day("2022-08-08"));
}

TEST(Merge, AReportDatedOnlyByItsDayJoinsTheIncidentALaterSentenceDatesDaysBefore) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    Event report;
    report.kind = EventKind::armed_clash;
    report.place_id = "sotk";
    report.place_name = "Sotk";
    report.date = day("2022-08-08");
    report.sources = {SourceRef{"a", 0, 100}};
    Event dated = report;
    dated.date = day("2022-08-06");
    dated.sources = {SourceRef{"a", 300, 400}};
    using detail::Vote;
    const auto merged =
        detail::merge_with_votes({report, dated}, {{Vote{report.date, 1, report.sources[0], true}},
                                                   {Vote{dated.date, 2, dated.sources[0]}}});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].date, day("2022-08-06"));
    EXPECT_EQ(merged[0].sources.size(), 2u);
    // Must not fire: a report dated by its events, four days apart, or of another article.
    EXPECT_EQ(detail::merge_with_votes({report, dated}, {{Vote{report.date, 2, report.sources[0]}},
                                                         {Vote{dated.date, 2, dated.sources[0]}}})
                  .size(),
              2u);
    Event older = dated;
    older.date = day("2022-08-04");
    EXPECT_EQ(
        detail::merge_with_votes({report, older}, {{Vote{report.date, 1, report.sources[0], true}},
                                                   {Vote{older.date, 2, older.sources[0]}}})
            .size(),
        2u);
    Event elsewhere = dated;
    elsewhere.sources = {SourceRef{"b", 300, 400}};
    EXPECT_EQ(detail::merge_with_votes({report, elsewhere},
                                       {{Vote{report.date, 1, report.sources[0], true}},
                                        {Vote{elsewhere.date, 2, elsewhere.sources[0]}}})
                  .size(),
              2u);
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

namespace {

EventPlace place(const char* id, double lon, double lat,
                 GeoPrecision precision = GeoPrecision::exact) {
    return EventPlace{id, std::string("P ") + id, LonLat{lon, lat}, precision};
}

Event incident_at(std::vector<EventPlace> targets, const char* source) {
    Event e;
    e.kind = EventKind::shelling;
    const auto day = parse_date("2023-05-08");
    e.date = DateRange{day, day, DatePrecision::day};
    e.place_id = targets.front().id;
    e.place_name = targets.front().name;
    e.location = targets.front().location;
    e.geometry = PointGeom{e.location};
    e.precision = targets.front().precision;
    e.targets = std::move(targets);
    e.sources = {SourceRef{source, 0, 1}};
    detail::locate_at_targets(e);
    return e;
}

} // namespace

TEST(Merge, SeveralTargetsStandAtTheOneNearestToAllOverTheirArea) {
    // Three villages within 10 km: near; a fourth 60 km away makes it a region.
    Event e = incident_at(
        {place("a", 45.80, 40.20), place("b", 45.86, 40.20), place("c", 45.92, 40.20)}, "s");
    EXPECT_EQ(e.place_id, "b");
    EXPECT_EQ(e.location, (LonLat{45.86, 40.20}));
    EXPECT_EQ(e.place_name, "P a, P b and P c");
    EXPECT_EQ(e.precision, GeoPrecision::near);
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(e.geometry));
    EXPECT_TRUE(contains(e.geometry, LonLat{45.80, 40.20}));
    EXPECT_TRUE(contains(e.geometry, LonLat{45.92, 40.21})); // within the 2 km margin
    EXPECT_FALSE(contains(e.geometry, LonLat{45.86, 40.30}));
    detail::add_event_places(e, {place("d", 46.56, 40.20)}, {});
    EXPECT_EQ(e.targets.size(), 4u);
    EXPECT_EQ(e.precision, GeoPrecision::region);
    // A province adds nothing to villages: only the places named most exactly are kept.
    detail::add_event_places(e, {place("prov", 45.5, 40.3, GeoPrecision::region)},
                             {place("o", 45.7, 40.1)});
    EXPECT_EQ(e.targets.size(), 4u);
    ASSERT_EQ(e.origins.size(), 1u);
    EXPECT_EQ(e.origins[0].id, "o");
}

TEST(Merge, ReportsOfTheSameTargetsOrSomeOfThemAreOneIncident) {
    const Event ab = incident_at({place("a", 45.80, 40.20), place("b", 45.86, 40.20)}, "s1");
    const Event b = incident_at({place("b", 45.86, 40.20)}, "s2");
    const Event bc = incident_at({place("b", 45.86, 40.20), place("c", 45.92, 40.20)}, "s3");
    EXPECT_TRUE(detail::same_targets(ab, b));
    EXPECT_TRUE(detail::same_targets(b, bc));
    EXPECT_FALSE(detail::same_targets(ab, bc)); // overlapping lists are two reports
    const auto merged = merge_events({ab, b, bc});
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_NE(merged[0].id, merged[1].id); // both stand at b: the targets tell the ids apart
}

TEST(Merge, ARegionLevelReportJoinsAnIncidentAtSeveralPlacesInsideIt) {
    Event area = incident_at({place("a", 45.80, 40.20), place("b", 45.86, 40.20)}, "s1");
    area.origins = {place("o", 45.70, 40.10)};
    Event region = incident_at({place("r", 45.85, 40.25, GeoPrecision::region)}, "s2");
    region.origins = {place("o2", 45.60, 40.00)};
    const auto merged = merge_events({area, region});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].targets.size(), 2u);
    EXPECT_EQ(merged[0].sources.size(), 2u);
    ASSERT_EQ(merged[0].origins.size(), 1u); // the finer report's origin stands
    EXPECT_EQ(merged[0].origins[0].id, "o");
}

TEST(Merge, SummarySaysWhereFireCameFrom) {
    Event e = incident_at({place("a", 45.80, 40.20)}, "s");
    e.origins = {place("o", 45.70, 40.10)};
    EXPECT_EQ(detail::event_summary(e), "Shelling at P a from P o");
    e.targets.clear();
    EXPECT_EQ(detail::event_summary(e), "Shelling from P o");
}

// Merging finds its candidates through an index by place (or location), grid cell and date; these
// cases are the ones an index could miss and a scan of every event would not.
namespace {

Event report_at(const char* id, LonLat at, const char* date, const char* source,
                DatePrecision precision = DatePrecision::day) {
    Event e;
    e.kind = EventKind::shelling;
    e.place_id = id;
    e.place_name = id;
    e.location = at;
    e.geometry = PointGeom{at};
    e.date = DateRange{parse_date(date), parse_date(date), precision};
    e.sources = {SourceRef{source, 0, 1}};
    return e;
}

} // namespace

TEST(Merge, AnUndatedReportJoinsTheSameEventOnAnyDay) {
    const Event undated =
        report_at("p", LonLat{45, 40}, "2020-01-01", "s1", DatePrecision::unknown);
    const Event may = report_at("p", LonLat{45, 40}, "2023-05-11", "s2");
    const Event june = report_at("p", LonLat{45, 40}, "2023-06-20", "s3");
    // Undated first: both dated reports join it.
    EXPECT_EQ(merge_events({undated, may, june}).size(), 1u);
    // Dated first: the undated report joins the first; the other date stays apart.
    EXPECT_EQ(merge_events({may, undated, june}).size(), 2u);
}

TEST(Merge, AReportOfSeveralMonthsJoinsAReportOfADayInThem) {
    Event spring = report_at("p", LonLat{45, 40}, "2023-03-01", "s1", DatePrecision::range);
    spring.date.end = parse_date("2023-05-31");
    const Event day = report_at("p", LonLat{45, 40}, "2023-05-10", "s2");
    const Event later = report_at("p", LonLat{45, 40}, "2023-07-01", "s3");
    EXPECT_EQ(merge_events({spring, day, later}).size(), 2u);
    EXPECT_EQ(merge_events({day, spring, later}).size(), 2u);
    EXPECT_EQ(merge_events({later, day, spring}).size(), 2u);
}

TEST(Merge, AReportJoinsAnEventAtATargetTheEventGainedByMerging) {
    const Event x = incident_at({place("x", 45.80, 40.20)}, "s1");
    const Event xy = incident_at({place("x", 45.80, 40.20), place("y", 45.86, 40.20)}, "s2");
    const Event y = incident_at({place("y", 45.86, 40.20)}, "s3");
    const auto merged = merge_events({x, xy, y});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].sources.size(), 3u);
}

TEST(Merge, EventsKnownOnlyByTheSameCoordinatesAreOne) {
    const Event a = report_at("", LonLat{-0.0, 10.0}, "2023-05-11", "s1");
    const Event b = report_at("", LonLat{0.0, 10.0}, "2023-05-11", "s2"); // the same point
    const Event c = report_at("", LonLat{0.001, 10.0}, "2023-05-11", "s3");
    EXPECT_EQ(merge_events({a, b, c}).size(), 2u);
}

TEST(Merge, ARegionAcrossTheAntimeridianJoinsTheEventNearIt) {
    Event region = report_at("r", LonLat{179.95, 10.0}, "2023-05-11", "s1");
    region.precision = GeoPrecision::region;
    const Event village = report_at("v", LonLat{-179.95, 10.0}, "2023-05-11", "s2"); // 11 km
    const auto merged = merge_events({region, village});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].place_id, "v");
}

TEST(Merge, ACountryLevelEventJoinsTheSameEventAnywhereInIt) {
    Event country = report_at("c", LonLat{15, 15}, "2023-05-11", "s1");
    country.precision = GeoPrecision::region;
    AreaGeom area;
    area.polygons.push_back({Path{{0, 0}, {40, 0}, {40, 40}, {0, 40}, {0, 0}}});
    country.geometry = area;
    const Event city = report_at("city", LonLat{38, 38}, "2023-05-11", "s2");
    const auto merged = merge_events({country, city});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].place_id, "city");
}

TEST(Merge, AnEventAlongALineJoinsTheSameEventAtAPlaceOnIt) {
    // "A checkpoint in the corridor in April" and "the checkpoint at the bridge on 23 April".
    Event road;
    road.kind = EventKind::checkpoint_installed;
    road.place_id = "road";
    road.place_name = "Road";
    road.precision = GeoPrecision::near;
    road.geometry = LinesGeom{{Path{{46.0, 39.5}, {46.2, 39.5}}}};
    road.location = LonLat{46.1, 39.5};
    road.date = DateRange{parse_date("2023-04-01"), parse_date("2023-04-30"), DatePrecision::month};
    road.targets = {EventPlace{"road", "Road", road.location, GeoPrecision::near}};
    road.sources = {SourceRef{"a", 0, 1}};
    Event bridge = road;
    bridge.place_id = "bridge";
    bridge.place_name = "Bridge";
    bridge.precision = GeoPrecision::exact;
    bridge.location = LonLat{46.15, 39.51}; // about 1.1 km from the road
    bridge.geometry = PointGeom{bridge.location};
    bridge.date = DateRange{parse_date("2023-04-23"), parse_date("2023-04-23"), DatePrecision::day};
    bridge.targets = {EventPlace{"bridge", "Bridge", bridge.location, GeoPrecision::exact}};
    bridge.sources = {SourceRef{"b", 0, 1}};
    const auto merged = merge_events({road, bridge});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].place_id, "bridge");
    EXPECT_EQ(merged[0].sources.size(), 2u);
    // Must not fire: a place 10 km off the line is another place.
    Event off = bridge;
    off.location = LonLat{46.15, 39.59};
    off.geometry = PointGeom{off.location};
    off.targets[0].location = off.location;
    EXPECT_EQ(merge_events({road, off}).size(), 2u);
}

TEST(Merge, ARegionLevelEventJoinsTheOneOnItsOwnDayBeforeOneADayOff) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    Event region;
    region.kind = EventKind::small_arms_fire;
    region.place_id = "r";
    region.place_name = "Region";
    region.precision = GeoPrecision::region;
    AreaGeom area;
    area.polygons.push_back({Path{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}});
    region.geometry = area;
    region.location = LonLat{0.5, 0.5};
    region.date = day("2021-08-17");
    region.targets = {EventPlace{"r", "Region", region.location, GeoPrecision::region}};
    region.sources = {SourceRef{"lede", 0, 1}};
    const auto village = [&](const char* id, LonLat at, const char* d) {
        Event e = region;
        e.place_id = id;
        e.place_name = id;
        e.precision = GeoPrecision::exact;
        e.location = at;
        e.geometry = PointGeom{at};
        e.date = day(d);
        e.targets = {EventPlace{id, id, at, GeoPrecision::exact}};
        e.sources = {SourceRef{id, 0, 1}};
        return e;
    };
    // Monday's village is nearer the region's point and first in order; Tuesday's is the one.
    const auto merged = merge_events({region, village("monday", {0.5, 0.4}, "2021-08-16"),
                                      village("tuesday", {0.9, 0.9}, "2021-08-17")});
    ASSERT_EQ(merged.size(), 2u);
    for (const Event& e : merged) {
        EXPECT_EQ(e.sources.size(), e.place_id == "tuesday" ? 2u : 1u) << e.place_id;
    }
}

TEST(Merge, EventsOneArticleKeptApartOnDifferentDaysStayApartWhenMergedAgain) {
    const auto day = [](const char* d) {
        return DateRange{parse_date(d), parse_date(d), DatePrecision::day};
    };
    Event monday;
    monday.kind = EventKind::shelling;
    monday.place_id = "sotk";
    monday.place_name = "Sotk";
    monday.date = day("2023-05-08");
    monday.sources = {SourceRef{"a", 0, 40}};
    Event tuesday = monday;
    tuesday.date = day("2023-05-09");
    tuesday.sources = {SourceRef{"a", 41, 90}};
    EXPECT_EQ(merge_events({monday, tuesday}).size(), 2u);
    // Must not fire: the same event twice, or reports of two articles a day apart, are one.
    EXPECT_EQ(merge_events({monday, monday}).size(), 1u);
    Event other = tuesday;
    other.sources = {SourceRef{"b", 0, 40}};
    EXPECT_EQ(merge_events({monday, other}).size(), 1u);
}
