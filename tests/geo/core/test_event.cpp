// The event model (geo/core/event.hpp): names, layers, dates, and when an event is disputed.

#include "geo/core/error.hpp"
#include "geo/core/event.hpp"

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Event, KindNamesRoundTrip) {
    for (EventKind k : {EventKind::shelling, EventKind::mortar_fire, EventKind::small_arms_fire,
                        EventKind::drone_strike, EventKind::vehicle_attack, EventKind::casualties,
                        EventKind::armed_clash, EventKind::checkpoint_installed,
                        EventKind::checkpoint_closed, EventKind::blockade, EventKind::talks,
                        EventKind::statement, EventKind::mission_deployment}) {
        EXPECT_EQ(event_kind_from_string(to_string(k)), k);
    }
    EXPECT_EQ(to_string(EventKind::small_arms_fire), "small_arms_fire");
    EXPECT_THROW(event_kind_from_string("picnic"), sitmap::Error);
    try {
        event_kind_from_string("picnic");
    } catch (const sitmap::Error& e) {
        EXPECT_EQ(e.kind(), sitmap::ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("picnic"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("shelling"), std::string::npos); // lists known kinds
    }
}

TEST(Event, OneKindTableInEnumOrder) {
    const auto kinds = event_kinds();
    ASSERT_EQ(kinds.size(), event_kind_count);
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(kinds[i].kind), i);
        EXPECT_EQ(&kind_info(kinds[i].kind), &kinds[i]);
        EXPECT_FALSE(kinds[i].label.empty()) << kinds[i].name;
        EXPECT_FALSE(kinds[i].headline.empty()) << kinds[i].name;
    }
    EXPECT_EQ(legend_label(EventKind::shelling), "Shelling (artillery)");
    EXPECT_EQ(legend_label(EventKind::casualties), "Killing or wounding (weapon not stated)");
    EXPECT_EQ(summary_headline(EventKind::shelling), "Shelling");
    EXPECT_EQ(summary_headline(EventKind::armed_clash), "Exchange of fire");
    EXPECT_EQ(summary_headline(EventKind::mission_deployment), "Mission deployed");
}

TEST(Event, KindsBelongToTheirMapLayer) {
    EXPECT_EQ(layer_of(EventKind::drone_strike), EventLayer::incident);
    EXPECT_EQ(layer_of(EventKind::blockade), EventLayer::checkpoint);
    EXPECT_EQ(layer_of(EventKind::talks), EventLayer::context);
    EXPECT_EQ(to_string(EventLayer::incident), "incident");
    EXPECT_EQ(to_string(EventLayer::checkpoint), "checkpoint");
    EXPECT_EQ(to_string(EventLayer::context), "context");
}

TEST(Event, SidesAndAssertionsRoundTrip) {
    for (Side s :
         {Side::armenia, Side::azerbaijan, Side::russia, Side::eu, Side::other, Side::unknown}) {
        EXPECT_EQ(side_from_string(to_string(s)), s);
    }
    for (Assertion a : {Assertion::accuses, Assertion::reports_own_losses, Assertion::denies,
                        Assertion::reports}) {
        EXPECT_EQ(assertion_from_string(to_string(a)), a);
    }
    EXPECT_THROW(side_from_string("martians"), sitmap::Error);
}

TEST(Event, LayersSeparateIncidentsFromContext) {
    EXPECT_EQ(layer_of(EventKind::shelling), EventLayer::incident);
    EXPECT_EQ(layer_of(EventKind::vehicle_attack), EventLayer::incident);
    EXPECT_EQ(layer_of(EventKind::checkpoint_installed), EventLayer::checkpoint);
    EXPECT_EQ(layer_of(EventKind::blockade), EventLayer::checkpoint);
    EXPECT_EQ(layer_of(EventKind::talks), EventLayer::context);
    EXPECT_EQ(layer_of(EventKind::statement), EventLayer::context);
    EXPECT_EQ(layer_of(EventKind::mission_deployment), EventLayer::context);
}

TEST(Event, DatesParseAndFormat) {
    const auto d = parse_date("2023-05-11");
    EXPECT_EQ(d, std::chrono::year_month_day(std::chrono::year{2023}, std::chrono::May,
                                             std::chrono::day{11}));
    EXPECT_EQ(format_date(d), "2023-05-11");
    EXPECT_EQ(format_date(parse_date("2022-11-07")), "2022-11-07");
    for (const char* bad : {"", "2023-5-11", "2023-02-30", "2023-13-01", "11/05/2023",
                            "2023-05-11T10:00", "abcd-ef-gh", "0000-01-01"}) {
        EXPECT_THROW(parse_date(bad), sitmap::Error) << bad;
    }
    EXPECT_EQ(to_string(DatePrecision::range), "range");
}

namespace {

Claim claim(Side side, Assertion a, Side against, std::optional<int> killed,
            std::optional<int> wounded, std::size_t begin = 0) {
    Claim c;
    c.who = std::string(to_string(side));
    c.side = side;
    c.assertion = a;
    c.against = against;
    c.killed = killed;
    c.wounded = wounded;
    c.source = SourceRef{"a", begin, begin + 10};
    return c;
}

} // namespace

TEST(Event, DisputedWhenEachSideBlamesTheOther) {
    Event e;
    e.claims.push_back(claim(Side::armenia, Assertion::accuses, Side::azerbaijan, {}, 3));
    EXPECT_FALSE(e.disputed());
    e.claims.push_back(claim(Side::azerbaijan, Assertion::accuses, Side::armenia, 1, {}));
    EXPECT_TRUE(e.disputed());
}

TEST(Event, DisputedWhenTheSameSidesLossesDiffer) {
    Event e;
    e.claims.push_back(
        claim(Side::armenia, Assertion::reports_own_losses, Side::unknown, {}, 3, 0));
    e.claims.push_back(
        claim(Side::armenia, Assertion::reports_own_losses, Side::unknown, {}, 3, 50));
    EXPECT_FALSE(e.disputed()); // two sources, same figure
    e.claims.push_back(
        claim(Side::armenia, Assertion::reports_own_losses, Side::unknown, {}, 4, 90));
    EXPECT_TRUE(e.disputed());
}

TEST(Event, DisputedWhenDenied) {
    Event e;
    e.claims.push_back(claim(Side::azerbaijan, Assertion::denies, Side::armenia, {}, {}));
    EXPECT_TRUE(e.disputed());
}

TEST(Event, NotDisputedForDifferentPartiesOwnLosses) {
    Event e;
    e.claims.push_back(claim(Side::armenia, Assertion::reports_own_losses, Side::unknown, {}, 3));
    e.claims.push_back(claim(Side::azerbaijan, Assertion::reports_own_losses, Side::unknown, 1, 1));
    EXPECT_FALSE(e.disputed());
    EXPECT_FALSE(Event{}.disputed());
}

TEST(Event, TheAreaOfSeveralPlacesCoversThemWithAMargin) {
    const std::vector<EventPlace> places{
        EventPlace{"a", "A", LonLat{45.80, 40.20}, GeoPrecision::exact},
        EventPlace{"b", "B", LonLat{45.90, 40.20}, GeoPrecision::exact},
        EventPlace{"c", "C", LonLat{45.85, 40.28}, GeoPrecision::exact}};
    const Geometry g = covering_area(places, 2'000.0);
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(g));
    const auto& rings = std::get<AreaGeom>(g).polygons;
    ASSERT_EQ(rings.size(), 1u);
    EXPECT_EQ(rings[0][0].front(), rings[0][0].back()); // closed
    for (const EventPlace& p : places) {
        EXPECT_TRUE(contains(g, p.location)) << p.name;
    }
    EXPECT_TRUE(contains(g, LonLat{45.85, 40.22}));   // inside the hull
    EXPECT_TRUE(contains(g, LonLat{45.80, 40.188}));  // 1.3 km south of A: within the margin
    EXPECT_FALSE(contains(g, LonLat{45.80, 40.175})); // 2.8 km south of A: outside
    EXPECT_NEAR(distance_m(LonLat{45.80, 40.16}, g), 2'450.0, 100.0); // 4.45 km south of A
    // One place is a disc, two a band.
    EXPECT_TRUE(contains(covering_area({places[0]}, 1'000.0), LonLat{45.805, 40.20}));
    EXPECT_TRUE(contains(covering_area({places[0], places[1]}, 1'000.0), LonLat{45.85, 40.20}));
    EXPECT_TRUE(std::get<AreaGeom>(covering_area({}, 1'000.0)).polygons.empty());
}

TEST(Event, PlacesFarApartAreSeparateAreasNotABandBetweenThem) {
    // Goris and Jermuk (66 km apart) with Vardenis and Sotk (11 km apart): the country between
    // Jermuk and Vardenis (Kalbajar, across the border) was not named and is not covered.
    const std::vector<EventPlace> places{
        EventPlace{"goris", "Goris", LonLat{46.34, 39.51}, GeoPrecision::exact},
        EventPlace{"jermuk", "Jermuk", LonLat{45.67, 39.84}, GeoPrecision::exact},
        EventPlace{"vardenis", "Vardenis", LonLat{45.73, 40.18}, GeoPrecision::exact},
        EventPlace{"sotk", "Sotk", LonLat{45.86, 40.20}, GeoPrecision::exact}};
    const Geometry g = covering_area(places, 2'000.0);
    ASSERT_EQ(std::get<AreaGeom>(g).polygons.size(), 3u);
    for (const EventPlace& p : places) {
        EXPECT_TRUE(contains(g, p.location)) << p.name;
    }
    EXPECT_TRUE(contains(g, LonLat{45.795, 40.19})); // between Vardenis and Sotk
    EXPECT_FALSE(contains(g, LonLat{46.0, 39.68}));  // halfway from Goris to Jermuk
    EXPECT_FALSE(contains(g, LonLat{45.95, 39.95})); // Kalbajar district, Azerbaijan
}

TEST(Event, AnIdOfSeveralTargetsTellsTheirSetsApart) {
    Event e;
    e.kind = EventKind::shelling;
    e.date = DateRange{parse_date("2023-05-11"), parse_date("2023-05-11"), DatePrecision::day};
    e.place_id = "test:sotk";
    EXPECT_EQ(event_id(e), "evt-2023-05-11-shelling-test-sotk");
    e.targets = {EventPlace{"test:sotk", "Sotk", {}, GeoPrecision::exact}};
    EXPECT_EQ(event_id(e), "evt-2023-05-11-shelling-test-sotk"); // one target: as before
    e.targets.push_back(EventPlace{"test:norabak", "Norabak", {}, GeoPrecision::exact});
    const std::string two = event_id(e);
    EXPECT_EQ(two.rfind("evt-2023-05-11-shelling-test-sotk-t", 0), 0u) << two;
    EXPECT_EQ(two.size(), std::string("evt-2023-05-11-shelling-test-sotk-t").size() + 8);
    std::swap(e.targets[0], e.targets[1]);
    EXPECT_EQ(event_id(e), two); // the same set in another order
    e.targets.push_back(EventPlace{"test:tegh", "Tegh", {}, GeoPrecision::exact});
    EXPECT_NE(event_id(e), two);
}

TEST(Event, ReportsBegunHalfAnHourApartOrMoreAreOfDifferentIncidents) {
    Event a;
    Event b;
    EXPECT_FALSE(different_times(a, b)); // no times: nothing tells them apart
    a.times = {13 * 60 + 45};
    EXPECT_FALSE(different_times(a, b)); // one without a time
    b.times = {17 * 60};
    EXPECT_TRUE(different_times(a, b));
    EXPECT_TRUE(different_times(b, a));
    b.times = {14 * 60 + 14};
    EXPECT_FALSE(different_times(a, b)); // 29 minutes apart: the same start, told differently
    b.times = {14 * 60 + 15};
    EXPECT_TRUE(different_times(a, b));
    b.times = {17 * 60, 13 * 60 + 50}; // another report of b began when a did
    EXPECT_FALSE(different_times(a, b));
}
