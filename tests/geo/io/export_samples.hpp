#pragma once
// Events built in memory for the export tests: a disputed shelling at a point, a checkpoint on a
// road (line), talks over an area drawn clockwise (RFC 7946 wants it counter-clockwise).

#include "geo/core/event.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sitmap::test {

inline std::vector<geo::Event> export_sample_events() {
    using namespace std::chrono;
    using namespace sitmap::geo;
    Event shelling;
    shelling.id = "shelling-2023-05-11-sotk";
    shelling.kind = EventKind::shelling;
    shelling.date = {year{2023} / May / 11, year{2023} / May / 11, DatePrecision::day};
    shelling.place_id = "test:sotk";
    shelling.place_name = "Sotk";
    shelling.geometry = PointGeom{{45.9274319, 40.2001234}};
    shelling.location = {45.9274319, 40.2001234};
    shelling.summary = "Shelling <near> \"Sotk\" & more";
    Claim am;
    am.who = "Ministry of Defence of Armenia";
    am.side = Side::armenia;
    am.assertion = Assertion::accuses;
    am.against = Side::azerbaijan;
    am.killed = 1;
    am.wounded = 2;
    am.text = "A first sentence.";
    am.source = {"article-a", 10, 27};
    Claim az;
    az.who = "Ministry of Defence of Azerbaijan";
    az.side = Side::azerbaijan;
    az.assertion = Assertion::denies;
    az.against = Side::armenia;
    az.text = "A second sentence.";
    az.source = {"article-b", 0, 18};
    shelling.claims = {am, az};
    shelling.sources = {am.source, az.source};

    Event checkpoint;
    checkpoint.id = "checkpoint_installed-2023-04-23-test-road";
    checkpoint.kind = EventKind::checkpoint_installed;
    checkpoint.date = {year{2023} / April / 23, year{2023} / April / 23, DatePrecision::day};
    checkpoint.place_id = "test:road";
    checkpoint.place_name = "Test road";
    checkpoint.geometry = LinesGeom{{{{46.50, 39.60}, {46.55, 39.62}, {46.60, 39.65}}}};
    checkpoint.location = {46.55, 39.62};
    checkpoint.precision = GeoPrecision::near;
    Claim ck;
    ck.who = "Border service";
    ck.side = Side::azerbaijan;
    ck.text = "A third sentence.";
    ck.source = {"article-a", 30, 47};
    checkpoint.claims = {ck};
    checkpoint.sources = {ck.source};

    Event talks;
    talks.id = "talks-2023-05-14-test-area";
    talks.kind = EventKind::talks;
    talks.date = {year{2023} / May / 14, year{2023} / May / 15, DatePrecision::range};
    talks.place_id = "test:area";
    talks.place_name = "Test area";
    // Clockwise outer ring.
    talks.geometry =
        AreaGeom{{{{{45.0, 40.0}, {45.0, 40.5}, {45.5, 40.5}, {45.5, 40.0}, {45.0, 40.0}}}}};
    talks.location = {45.25, 40.25};
    talks.precision = GeoPrecision::region;
    return {shelling, checkpoint, talks};
}

// Small basemap layers as a user's data directory would hold them.
inline void write_sample_basemap(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "countries.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"name":"Armenia","iso_a2":"AM"},"geometry":)"
        << R"({"type":"Polygon","coordinates":[[[43.4,38.8],[46.7,38.8],[46.7,41.3],[43.4,41.3],[43.4,38.8]]]}},)"
        << R"({"type":"Feature","properties":{"name":"Azerbaijan","iso_a2":"AZ"},"geometry":)"
        << R"({"type":"MultiPolygon","coordinates":[[[[46.7,38.8],[50.4,38.8],[50.4,41.9],[46.7,41.9],[46.7,38.8]]]]}}]})";
    std::ofstream(dir / "borders.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"name":"AM-AZ"},"geometry":)"
        << R"({"type":"LineString","coordinates":[[46.7,38.8],[46.7,41.3]]}}]})";
    std::ofstream(dir / "lakes.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"name":"Sevan"},"geometry":)"
        << R"({"type":"Polygon","coordinates":[[[45.0,40.2],[45.4,40.2],[45.4,40.6],[45.0,40.6],[45.0,40.2]]]}}]})";
}

} // namespace sitmap::test
