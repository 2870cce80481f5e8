// geo/io/fire_lines.hpp: which origins give a direction of fire, where it ends, whose claim it is;
// and the lines in the GIS exports (GeoJSON features of their own, the GeoPackage's fire_lines).

#include "geo/io/event_io.hpp"
#include "geo/io/export.hpp"
#include "geo/io/fire_lines.hpp"
#include "tests/geo/io/export_samples.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include <fstream>
#include <memory>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::geo;

namespace {

EventPlace place(std::string id, std::string name, LonLat at, GeoPrecision p) {
    return {std::move(id), std::move(name), at, p};
}

// Sotk shelled from Kalbajar (18 km east), from Azerbaijan (a country), from Sotk itself, from
// 300 m away, and from the direction of Kalbajar District (an area).
Event sotk_shelled() {
    Event e = test::export_sample_events().front();
    e.origins = {
        place("x:kalbajar", "Kalbajar", {46.04446, 40.10984}, GeoPrecision::exact),
        place("x:az", "Azerbaijan", {47.5, 40.3}, GeoPrecision::region),
        place("test:sotk", "Sotk", e.location, GeoPrecision::exact),
        place("", "Sotk outskirts", {e.location.lon + 0.0035, e.location.lat}, GeoPrecision::near),
        place("x:kalbajar-district", "Kalbajar District", {46.2, 40.0}, GeoPrecision::region)};
    return e;
}

TEST(FireLines, OnlyFromPlacesNotFromAreasNorFromTheTarget) {
    const Event e = sotk_shelled();
    const auto lines = fire_lines(e);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].origin->name, "Kalbajar");
    EXPECT_EQ(lines[0].from, (LonLat{46.04446, 40.10984}));
    EXPECT_EQ(lines[0].to, e.location);
    EXPECT_NEAR(lines[0].length_m, distance_m(lines[0].from, e.location), 1e-6);
    EXPECT_GT(lines[0].length_m, 10'000.0);
    // An origin "near" a place (precision 2) far enough away is drawn.
    Event near = e;
    near.origins = {place("", "near Kut", {45.90167, 40.18083}, GeoPrecision::near)};
    EXPECT_EQ(fire_lines(near).size(), 1u);
    // No origins, no lines.
    near.origins.clear();
    EXPECT_TRUE(fire_lines(near).empty());
}

TEST(FireLines, ToTheNearestPointOfARegionTarget) {
    Event e = test::export_sample_events().front();
    e.precision = GeoPrecision::region;
    // A sector running north-south along 46.0 E.
    e.geometry = LinesGeom{{{{46.0, 40.0}, {46.0, 40.2}, {46.0, 40.4}}}};
    e.location = {46.0, 40.4};
    e.origins = {place("x:east", "East", {46.2, 40.1}, GeoPrecision::exact)};
    const auto lines = fire_lines(e);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_NEAR(lines[0].to.lon, 46.0, 1e-9);
    EXPECT_NEAR(lines[0].to.lat, 40.1, 1e-9);
    // Fired from inside the area it landed in: no line.
    e.geometry =
        AreaGeom{{{{{45.9, 39.9}, {46.3, 39.9}, {46.3, 40.3}, {45.9, 40.3}, {45.9, 39.9}}}}};
    EXPECT_TRUE(fire_lines(e).empty());
    // Outside it: to the nearest point of its edge.
    e.origins = {place("x:far", "Far east", {46.5, 40.1}, GeoPrecision::exact)};
    const auto edge = fire_lines(e);
    ASSERT_EQ(edge.size(), 1u);
    EXPECT_NEAR(edge[0].to.lon, 46.3, 1e-9);
    EXPECT_NEAR(edge[0].to.lat, 40.1, 1e-9);
}

TEST(FireLines, TheClaimantIsTheOneSideThatAccuses) {
    Claim am{"Armenian MoD", Side::armenia, Assertion::accuses, Side::azerbaijan, {}, {}, "", {}};
    Claim az_denies{
        "Azerbaijani MoD", Side::azerbaijan, Assertion::denies, Side::armenia, {}, {}, "", {}};
    Claim az_accuses = az_denies;
    az_accuses.assertion = Assertion::accuses;
    Claim nobody{"residents", Side::unknown, Assertion::accuses, Side::azerbaijan, {}, {}, "", {}};
    Claim az_reports{
        "Azerbaijani MoD", Side::azerbaijan, Assertion::reports, Side::unknown, {}, {}, "", {}};
    EXPECT_EQ(fire_claimant({am, az_denies}), Side::armenia);
    EXPECT_EQ(fire_claimant({am, az_accuses}), Side::unknown); // each blames the other
    EXPECT_EQ(fire_claimant({nobody}), Side::unknown);
    EXPECT_EQ(fire_claimant({nobody, az_reports}), Side::azerbaijan);
    EXPECT_EQ(fire_claimant({}), Side::unknown);
}

double lines_km(const Event& e) {
    return fire_lines(e).at(0).length_m / 1000.0;
}

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

// GeoJSON holds one layer: the lines are features of their own after the events, which sitmap's
// readers of events skip.
TEST(FireLines, ExportedGeojsonHasALineFeatureOfItsOwn) {
    const fs::path dir = test::fresh_temp_dir("fire_lines_geojson");
    std::vector<Event> events = test::export_sample_events();
    events.front() = sotk_shelled();
    export_geojson(events, dir / "events.geojson");
    const auto j = read_json(dir / "events.geojson");
    ASSERT_EQ(j["features"].size(), events.size() + 1);
    const auto& line = j["features"].back();
    EXPECT_EQ(line["geometry"]["type"], "LineString");
    const auto& coords = line["geometry"]["coordinates"];
    ASSERT_EQ(coords.size(), 2u);
    EXPECT_DOUBLE_EQ(coords[0][0].get<double>(), 46.04446);
    EXPECT_NEAR(coords[1][0].get<double>(), events.front().location.lon, 1e-6);
    EXPECT_NEAR(coords[1][1].get<double>(), events.front().location.lat, 1e-6);
    const auto& p = line["properties"];
    EXPECT_EQ(p["feature"], "fire_line");
    EXPECT_EQ(p["event_id"], events.front().id);
    EXPECT_EQ(p["origin_name"], "Kalbajar");
    EXPECT_EQ(p["place_name"], "Sotk");
    EXPECT_EQ(p["claimed_by"], "armenia");
    EXPECT_EQ(p["date_begin"], "2023-05-11");
    EXPECT_NEAR(p["length_km"].get<double>(), lines_km(events.front()), 0.001);
    // The events keep no line properties.
    EXPECT_FALSE(j["features"][0]["properties"].contains("feature"));
    EXPECT_FALSE(j["features"][0]["properties"].contains("claimed_by"));
    // Read back: the events only, with their origins.
    const auto back = read_events_geojson(dir / "events.geojson");
    ASSERT_EQ(back.size(), events.size());
    EXPECT_EQ(back.front().origins.size(), 5u);
    // Without origins the file is as before: no line, no line property.
    export_geojson(test::export_sample_events(), dir / "plain.geojson");
    const auto plain = read_json(dir / "plain.geojson");
    EXPECT_EQ(plain["features"].size(), events.size());
}

struct DatasetCloser {
    void operator()(void* h) const { GDALClose(h); }
};

TEST(FireLines, GeopackageHasAFireLinesLayerKeyedToEvents) {
    const fs::path dir = test::fresh_temp_dir("fire_lines_gpkg");
    std::vector<Event> events = test::export_sample_events();
    events.front() = sotk_shelled();
    export_geopackage(events, dir / "events.gpkg", GeoPackageOptions{});
    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx((dir / "events.gpkg").c_str(),
                                                       GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                       nullptr, nullptr));
    ASSERT_TRUE(ds);
    OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), "fire_lines");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(wkbFlatten(OGR_L_GetGeomType(layer)), wkbLineString);
    ASSERT_EQ(OGR_L_GetFeatureCount(layer, TRUE), 1);
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    ASSERT_NE(f, nullptr);
    const auto field = [&](const char* name) {
        return std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, name)));
    };
    EXPECT_EQ(field("event_id"), events.front().id);
    EXPECT_EQ(field("origin_name"), "Kalbajar");
    EXPECT_EQ(field("claimed_by"), "armenia");
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    ASSERT_EQ(OGR_G_GetPointCount(g), 2);
    EXPECT_DOUBLE_EQ(OGR_G_GetX(g, 0), 46.04446);
    EXPECT_DOUBLE_EQ(OGR_G_GetX(g, 1), events.front().location.lon);
    OGR_F_Destroy(f);
    // Its QGIS style is stored with the others: arrows by claimant.
    OGRLayerH styles = GDALDatasetGetLayerByName(ds.get(), "layer_styles");
    OGR_L_SetAttributeFilter(styles, "f_table_name = 'fire_lines'");
    OGRFeatureH s = OGR_L_GetNextFeature(styles);
    ASSERT_NE(s, nullptr);
    const std::string qml = OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "styleQML"));
    EXPECT_NE(qml.find("filled_arrowhead"), std::string::npos);
    EXPECT_NE(qml.find("claimed_by"), std::string::npos);
    OGR_F_Destroy(s);
}

} // namespace
