// geo/io/event_extent.hpp: which events stand for a line or an area instead of a point, and those
// lines and areas in the GIS exports (GeoJSON features of their own; the GeoPackage's event_areas
// and event_lines layers, styled as the maps draw them).

#include "geo/io/event_extent.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/export.hpp"
#include "tests/geo/io/export_samples.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include <fstream>
#include <memory>
#include <variant>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::geo;

namespace {

// Shooting on a border sector (a line) and in a district known only by its point.
std::vector<Event> with_regions() {
    std::vector<Event> events = test::export_sample_events();
    Event sector = events.front();
    sector.id = "small_arms_fire-2022-11-07-sector";
    sector.kind = EventKind::small_arms_fire;
    sector.place_id = "test:eastern-sector";
    sector.place_name = "Eastern sector";
    sector.precision = GeoPrecision::region;
    sector.geometry = LinesGeom{{{{45.80, 40.30}, {45.90, 40.20}, {46.00, 40.00}}}};
    sector.location = {45.90, 40.20};
    Event district = sector;
    district.id = "shelling-2022-11-07-district";
    district.kind = EventKind::shelling;
    district.place_id = "test:district";
    district.place_name = "District";
    district.geometry = PointGeom{{46.30, 39.80}};
    district.location = {46.30, 39.80};
    events.push_back(sector);
    events.push_back(district);
    return events;
}

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

struct DatasetCloser {
    void operator()(void* h) const { GDALClose(h); }
};

} // namespace

TEST(EventExtent, OnlyIncidentsAndCheckpointsKnownToARegion) {
    const LinesGeom sector{{{{45.8, 40.3}, {46.0, 40.0}}}};
    const auto line =
        event_extent(GeoPrecision::region, EventKind::small_arms_fire, sector, {45.9, 40.15});
    ASSERT_TRUE(line);
    ASSERT_TRUE(std::holds_alternative<LinesGeom>(*line));
    EXPECT_EQ(std::get<LinesGeom>(*line).lines, sector.lines);
    // A region known only by its point: a circle of region_point_radius_m around it.
    const auto circle = event_extent(GeoPrecision::region, EventKind::checkpoint_installed,
                                     PointGeom{{46.3, 39.8}}, {46.3, 39.8});
    ASSERT_TRUE(circle);
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(*circle));
    const Path& ring = std::get<AreaGeom>(*circle).polygons.at(0).at(0);
    EXPECT_NEAR(distance_m({46.3, 39.8}, ring.front()), region_point_radius_m, 50.0);
    // Must not fire: a place (exact or near), or a context event, keeps its mark.
    EXPECT_FALSE(event_extent(GeoPrecision::near, EventKind::shelling, sector, {45.9, 40.15}));
    EXPECT_FALSE(event_extent(GeoPrecision::region, EventKind::talks, sector, {45.9, 40.15}));
}

// GeoJSON holds one layer: the extents are features of their own, which readers of events skip.
TEST(EventExtent, ExportedGeojsonHasTheLineAndTheAreaAsFeatures) {
    const fs::path dir = test::fresh_temp_dir("event_extent_geojson");
    const std::vector<Event> events = with_regions();
    export_geojson(events, dir / "events.geojson");
    const auto j = read_json(dir / "events.geojson");
    std::vector<nlohmann::json> extents;
    for (const auto& f : j["features"]) {
        if (f["properties"].value("feature", "") == "event_extent") {
            extents.push_back(f);
        }
    }
    ASSERT_EQ(extents.size(), 2u);
    EXPECT_EQ(extents[0]["properties"]["event_id"], "small_arms_fire-2022-11-07-sector");
    EXPECT_EQ(extents[0]["geometry"]["type"], "LineString");
    EXPECT_EQ(extents[0]["geometry"]["coordinates"].size(), 3u);
    EXPECT_DOUBLE_EQ(extents[0]["geometry"]["coordinates"][2][0].get<double>(), 46.0);
    EXPECT_EQ(extents[0]["properties"]["geo_precision"], 3);
    EXPECT_EQ(extents[1]["properties"]["place_name"], "District");
    EXPECT_EQ(extents[1]["geometry"]["type"], "Polygon");
    // Read back: the events only.
    EXPECT_EQ(read_events_geojson(dir / "events.geojson").size(), events.size());
}

TEST(EventExtent, GeopackageHasAreaAndLineLayersStyledAsTheMaps) {
    const fs::path dir = test::fresh_temp_dir("event_extent_gpkg");
    export_geopackage(with_regions(), dir / "events.gpkg", GeoPackageOptions{});
    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx((dir / "events.gpkg").c_str(),
                                                       GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                       nullptr, nullptr));
    ASSERT_TRUE(ds);
    OGRLayerH lines = GDALDatasetGetLayerByName(ds.get(), "event_lines");
    OGRLayerH areas = GDALDatasetGetLayerByName(ds.get(), "event_areas");
    ASSERT_NE(lines, nullptr);
    ASSERT_NE(areas, nullptr);
    EXPECT_EQ(wkbFlatten(OGR_L_GetGeomType(lines)), wkbMultiLineString);
    EXPECT_EQ(wkbFlatten(OGR_L_GetGeomType(areas)), wkbMultiPolygon);
    EXPECT_EQ(OGR_L_GetFeatureCount(lines, TRUE), 1);
    EXPECT_EQ(OGR_L_GetFeatureCount(areas, TRUE), 1);
    OGRFeatureH f = OGR_L_GetNextFeature(areas);
    ASSERT_NE(f, nullptr);
    EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "event_id")),
                 "shelling-2022-11-07-district");
    OGR_F_Destroy(f);
    // Their QGIS styles: the district hatched, the sector a wide band.
    OGRLayerH styles = GDALDatasetGetLayerByName(ds.get(), "layer_styles");
    OGR_L_SetAttributeFilter(styles, "f_table_name = 'event_areas'");
    OGRFeatureH s = OGR_L_GetNextFeature(styles);
    ASSERT_NE(s, nullptr);
    const std::string qml = OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "styleQML"));
    EXPECT_NE(qml.find("b_diagonal"), std::string::npos);
    OGR_F_Destroy(s);
}
