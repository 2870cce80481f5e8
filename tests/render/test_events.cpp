// render/events.hpp: events as the renderer reads them.

#include "render/events.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitmap::render {
namespace {

const std::filesystem::path fixtures = SITMAP_FIXTURES_DIR;

TEST(Events, ReadsTheEventsGeoJsonContract) {
    const EventSet set = EventSet::read(fixtures / "events_seed.geojson");
    ASSERT_EQ(set.events.size(), 5U);
    const EventRecord& sotk = set.events[0];
    EXPECT_EQ(sotk.id, "shelling-2023-05-11-sotk");
    EXPECT_EQ(sotk.kind, geo::EventKind::shelling);
    EXPECT_EQ(sotk.date_begin, "2023-05-11");
    EXPECT_EQ(sotk.precision, geo::GeoPrecision::exact);
    EXPECT_TRUE(sotk.disputed);
    EXPECT_EQ(sotk.killed, 1);
    EXPECT_EQ(sotk.wounded, 4);
    EXPECT_EQ(sotk.casualties(), 5);
    EXPECT_EQ(sotk.location, (geo::LonLat{45.86472, 40.20306}));
    EXPECT_EQ(sotk.claims,
              "Armenian Ministry of Defence (accuses azerbaijan): 4 wounded; "
              "Azerbaijani Ministry of Defence (accuses armenia): 1 killed, 1 wounded");
    const EventRecord& sector = set.events[2];
    EXPECT_EQ(sector.precision, geo::GeoPrecision::region);
    EXPECT_TRUE(std::holds_alternative<geo::PointGeom>(sector.geometry)); // no gazetteer given
    const geo::Geometry line = geo::LinesGeom{{{{45.5, 40.0}, {45.9, 40.3}}}};
    const EventSet with_places = EventSet::read(
        fixtures / "events_seed.geojson", [&](std::string_view id) -> const geo::Geometry* {
            return id == "sitmap:border-am-az-eastern" ? &line : nullptr;
        });
    EXPECT_TRUE(std::holds_alternative<geo::LinesGeom>(with_places.events[2].geometry));
    EXPECT_TRUE(std::holds_alternative<geo::PointGeom>(with_places.events[0].geometry));
    EXPECT_EQ(sector.date_end, "2022-11-07");
    EXPECT_EQ(geo::layer_of(set.events[1].kind), geo::EventLayer::checkpoint);
    EXPECT_EQ(geo::layer_of(set.events[3].kind), geo::EventLayer::context);
}

TEST(Events, UnknownKindIsAnErrorNamingFileAndFeature) {
    const auto path = std::filesystem::temp_directory_path() / "sitmap_events_bad_kind.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
        "properties":{"kind":"earthquake"},"geometry":{"type":"Point","coordinates":[45,40]}}]})";
    try {
        EventSet::read(path);
        FAIL();
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path.string() + ": feature 1: unknown event kind 'earthquake'"),
                  std::string::npos)
            << what;
    }
}

TEST(Events, FromEventsKeepsClaimsAndFindsContradictions) {
    geo::Event e;
    e.id = "x";
    e.kind = geo::EventKind::shelling;
    e.date.begin = std::chrono::year_month_day{std::chrono::year{2023}, std::chrono::May,
                                               std::chrono::day{11}};
    e.date.end = e.date.begin;
    e.place_name = "Sotk";
    e.location = {45.86472, 40.20306};
    e.geometry = geo::PointGeom{e.location};
    geo::Claim am;
    am.who = "Armenian MoD";
    am.side = geo::Side::armenia;
    am.assertion = geo::Assertion::accuses;
    am.against = geo::Side::azerbaijan;
    am.wounded = 4;
    geo::Claim az = am;
    az.who = "Azerbaijani MoD";
    az.side = geo::Side::azerbaijan;
    az.against = geo::Side::armenia;
    az.killed = 1;
    az.wounded = 1;
    e.claims = {am, az};
    const EventSet set = EventSet::from_events({e});
    ASSERT_EQ(set.events.size(), 1U);
    EXPECT_EQ(set.events[0].date_begin, "2023-05-11");
    EXPECT_TRUE(set.events[0].disputed);
    EXPECT_EQ(set.events[0].killed, 1);
    EXPECT_EQ(set.events[0].wounded, 4);
    EXPECT_EQ(event_title(set.events[0]),
              "Sotk, 11 May 2023: shelling (disputed). Claims: Armenian MoD (accuses azerbaijan): "
              "4 wounded; Azerbaijani MoD (accuses armenia): 1 killed, 1 wounded");
}

TEST(Events, FormatsDateRanges) {
    EXPECT_EQ(format_date_range("2023-05-11", "2023-05-11"), "11 May 2023");
    EXPECT_EQ(format_date_range("2022-11-06", "2022-11-07"), "6–7 Nov 2022");
    EXPECT_EQ(format_date_range("2023-04-30", "2023-05-02"), "30 Apr – 2 May 2023");
    EXPECT_EQ(format_date_range("2022-12-12", "2023-01-02"), "12 Dec 2022 – 2 Jan 2023");
    EXPECT_EQ(format_date_range("2023-05-11", ""), "11 May 2023");
}

} // namespace
} // namespace sitmap::render
