// geo/io/export.hpp: RFC 7946 GeoJSON and GeoPackage written through GDAL, read back through GDAL
// and nlohmann-json, with exact expected values.

#include "geo/core/error.hpp"
#include "geo/io/export.hpp"
#include "tests/geo/io/export_samples.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cpl_error.h>
#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::geo;

namespace {

fs::path fresh_dir(const std::string& name) {
    return sitmap::test::fresh_temp_dir("export_" + name);
}

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        out.insert(e.path().filename().string());
    }
    return out;
}

struct DatasetCloser {
    void operator()(void* h) const { GDALClose(h); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

DatasetPtr open_vector(const fs::path& p) {
    GDALAllRegister();
    return DatasetPtr(
        GDALOpenEx(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

} // namespace

TEST(GisFormat, ByExtensionCaseInsensitive) {
    EXPECT_EQ(gis_format_for("a/b.geojson"), GisFormat::geojson);
    EXPECT_EQ(gis_format_for("b.GPKG"), GisFormat::gpkg);
    EXPECT_EQ(gis_format_for("b.qgz"), GisFormat::qgz);
    EXPECT_EQ(gis_format_for("b.qgs"), GisFormat::qgs);
}

TEST(GisFormat, UnknownExtensionIsAUsageErrorListingKnownOnes) {
    try {
        gis_format_for("out/events.shp");
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
        const std::string msg = e.what();
        EXPECT_NE(msg.find("out/events.shp"), std::string::npos) << msg;
        EXPECT_NE(msg.find(".gpkg"), std::string::npos) << msg;
    }
}

TEST(ExportGeojson, Rfc7946FeatureCollectionWithEventProperties) {
    const fs::path dir = fresh_dir("geojson");
    export_geojson(test::export_sample_events(), dir / "events.geojson");
    EXPECT_EQ(files_in(dir), std::set<std::string>{"events.geojson"});
    const auto j = read_json(dir / "events.geojson");
    EXPECT_EQ(j["type"], "FeatureCollection");
    EXPECT_FALSE(j.contains("crs"));
    ASSERT_EQ(j["features"].size(), 3u);

    const auto& f = j["features"][0];
    EXPECT_EQ(f["geometry"]["type"], "Point");
    // Six decimals: 45.9274319 -> 45.927432, 40.2001234 -> 40.200123.
    EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][0].get<double>(), 45.927432);
    EXPECT_DOUBLE_EQ(f["geometry"]["coordinates"][1].get<double>(), 40.200123);
    const auto& p = f["properties"];
    EXPECT_EQ(p["id"], "shelling-2023-05-11-sotk");
    EXPECT_EQ(p["kind"], "shelling");
    EXPECT_EQ(p["layer"], "incident");
    EXPECT_EQ(p["date_begin"], "2023-05-11");
    EXPECT_EQ(p["date_end"], "2023-05-11");
    EXPECT_EQ(p["date_precision"], "day");
    EXPECT_EQ(p["place_id"], "test:sotk");
    EXPECT_EQ(p["place_name"], "Sotk");
    EXPECT_EQ(p["geo_precision"], 1);
    EXPECT_EQ(p["summary"], "Shelling <near> \"Sotk\" & more");
    EXPECT_EQ(p["disputed"], true);
    EXPECT_EQ(p["killed_max"], 1);
    EXPECT_EQ(p["wounded_max"], 2);
    ASSERT_TRUE(p["claims"].is_array());
    ASSERT_EQ(p["claims"].size(), 2u);
    EXPECT_EQ(p["claims"][0]["who"], "Ministry of Defence of Armenia");
    EXPECT_EQ(p["claims"][0]["side"], "armenia");
    EXPECT_EQ(p["claims"][0]["assertion"], "accuses");
    EXPECT_EQ(p["claims"][0]["against"], "azerbaijan");
    EXPECT_EQ(p["claims"][0]["killed"], 1);
    EXPECT_EQ(p["claims"][0]["wounded"], 2);
    EXPECT_EQ(p["claims"][0]["article"], "article-a");
    EXPECT_EQ(p["claims"][0]["begin"], 10);
    EXPECT_EQ(p["claims"][0]["end"], 27);
    EXPECT_EQ(p["claims"][1]["assertion"], "denies");
    EXPECT_TRUE(p["claims"][1]["killed"].is_null());
    ASSERT_TRUE(p["sources"].is_array());
    EXPECT_EQ(p["sources"].size(), 2u);

    // Events on a line or an area are written at their representative point (sitmap's readers
    // take points; the place's shape is the gazetteer's).
    const auto& line = j["features"][1];
    EXPECT_EQ(line["geometry"]["type"], "Point");
    EXPECT_DOUBLE_EQ(line["geometry"]["coordinates"][0].get<double>(), 46.55);
    EXPECT_DOUBLE_EQ(line["geometry"]["coordinates"][1].get<double>(), 39.62);
    EXPECT_EQ(line["properties"]["layer"], "checkpoint");
    EXPECT_EQ(line["properties"]["geo_precision"], 2);
    EXPECT_EQ(line["properties"]["disputed"], false);
    EXPECT_TRUE(line["properties"]["killed_max"].is_null());

    const auto& area = j["features"][2];
    EXPECT_EQ(area["geometry"]["type"], "Point");
    EXPECT_EQ(area["properties"]["geo_precision"], 3);
    EXPECT_EQ(area["properties"]["date_end"], "2023-05-15");
    EXPECT_EQ(area["properties"]["date_precision"], "range");
    EXPECT_EQ(area["properties"]["claims"].size(), 0u);
}

TEST(ExportGeojson, ExistingFileIsKeptWithoutOverwrite) {
    const fs::path dir = fresh_dir("keep");
    std::ofstream(dir / "events.geojson") << "old";
    try {
        export_geojson(test::export_sample_events(), dir / "events.geojson", Overwrite::no);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find("events.geojson"), std::string::npos);
    }
    std::stringstream s;
    s << std::ifstream(dir / "events.geojson").rdbuf();
    EXPECT_EQ(s.str(), "old");
    export_geojson(test::export_sample_events(), dir / "events.geojson", Overwrite::yes);
    EXPECT_EQ(read_json(dir / "events.geojson")["features"].size(), 3u);
    EXPECT_EQ(files_in(dir), std::set<std::string>{"events.geojson"});
}

TEST(ExportGeojson, EventWithoutGeometryIsBadInputAndNothingIsWritten) {
    const fs::path dir = fresh_dir("nogeom");
    auto events = test::export_sample_events();
    events[1].geometry = LinesGeom{};
    try {
        export_geojson(events, dir / "events.geojson");
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        const std::string msg = e.what();
        EXPECT_NE(msg.find("event 2"), std::string::npos) << msg;
        EXPECT_NE(msg.find("checkpoint_installed-2023-04-23-test-road"), std::string::npos) << msg;
        EXPECT_NE(msg.find("no geometry"), std::string::npos) << msg;
    }
    EXPECT_TRUE(files_in(dir).empty());
}

TEST(ExportGeojson, MissingDirectoryIsAnOutputErrorNamingThePath) {
    const fs::path dir = fresh_dir("missing");
    try {
        export_geojson(test::export_sample_events(), dir / "no" / "such" / "events.geojson");
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find("no/such/events.geojson"), std::string::npos);
    }
}

TEST(ExportGeopackage, LayersCountsAndClaimsKeyedToEvents) {
    const fs::path dir = fresh_dir("gpkg");
    test::write_sample_basemap(dir / "basemap");
    const auto basemap = find_basemap_layers(dir / "basemap");
    ASSERT_EQ(basemap.size(), 3u);
    // Bottom first: countries, lakes, borders (the bundled order).
    EXPECT_EQ(basemap[0].name, "countries");
    EXPECT_EQ(basemap[1].name, "lakes");
    EXPECT_EQ(basemap[2].name, "borders");

    GeoPackageOptions options;
    options.basemap = basemap;
    export_geopackage(test::export_sample_events(), dir / "events.gpkg", options);
    EXPECT_EQ(files_in(dir), (std::set<std::string>{"basemap", "events.gpkg"}));

    DatasetPtr ds = open_vector(dir / "events.gpkg");
    ASSERT_TRUE(ds);
    std::map<std::string, long long> counts;
    std::map<std::string, OGRwkbGeometryType> types;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        OGRLayerH l = GDALDatasetGetLayer(ds.get(), i);
        counts[OGR_L_GetName(l)] = OGR_L_GetFeatureCount(l, TRUE);
        types[OGR_L_GetName(l)] = OGR_L_GetGeomType(l);
    }
    const std::map<std::string, long long> expected = {
        {"events", 3},      {"claims", 3},     {"places", 3},       {"countries", 2},
        {"lakes", 1},       {"borders", 1},    {"layer_styles", 9}, {"fire_lines", 0},
        {"event_areas", 0}, {"event_lines", 0}};
    EXPECT_EQ(counts, expected);
    EXPECT_EQ(types["events"], wkbPoint);
    EXPECT_EQ(types["countries"], wkbMultiPolygon);
    EXPECT_EQ(types["borders"], wkbMultiLineString);
    EXPECT_EQ(types["layer_styles"], wkbNone);

    // Claims keyed to their event, filterable by side.
    OGRLayerH claims = GDALDatasetGetLayerByName(ds.get(), "claims");
    std::multiset<std::string> keys;
    OGR_L_SetAttributeFilter(claims, "side = 'azerbaijan'");
    while (OGRFeatureH f = OGR_L_GetNextFeature(claims)) {
        keys.insert(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "event_id")));
        OGR_F_Destroy(f);
    }
    EXPECT_EQ(keys, (std::multiset<std::string>{"shelling-2023-05-11-sotk",
                                                "checkpoint_installed-2023-04-23-test-road"}));

    // Event fields and point geometry at the representative location.
    OGRLayerH events = GDALDatasetGetLayerByName(ds.get(), "events");
    OGR_L_SetAttributeFilter(events, "id = 'shelling-2023-05-11-sotk'");
    OGRFeatureH f = OGR_L_GetNextFeature(events);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "killed_max")), 1);
    EXPECT_EQ(OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "disputed")), 1);
    EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "date_begin")), "2023/05/11");
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    EXPECT_DOUBLE_EQ(OGR_G_GetX(g, 0), 45.9274319);
    EXPECT_DOUBLE_EQ(OGR_G_GetY(g, 0), 40.2001234);
    OGR_F_Destroy(f);

    // Every layer has a default QGIS style; the events style is categorised by kind.
    OGRLayerH styles = GDALDatasetGetLayerByName(ds.get(), "layer_styles");
    std::set<std::string> styled;
    while (OGRFeatureH s = OGR_L_GetNextFeature(styles)) {
        const std::string name = OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "f_table_name"));
        styled.insert(name);
        EXPECT_EQ(OGR_F_GetFieldAsInteger(s, OGR_F_GetFieldIndex(s, "useAsDefault")), 1);
        EXPECT_STREQ(OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "f_geometry_column")),
                     "geom");
        const std::string qml = OGR_F_GetFieldAsString(s, OGR_F_GetFieldIndex(s, "styleQML"));
        if (name == "events") {
            EXPECT_NE(qml.find(R"(type="RuleRenderer")"), std::string::npos);
            // By kind, for events that get a mark (not those known only to a region).
            EXPECT_NE(
                qml.find(
                    R"(filter="&quot;kind&quot; = 'shelling' AND (&quot;geo_precision&quot; IS NULL)"),
                std::string::npos);
        }
        OGR_F_Destroy(s);
    }
    EXPECT_EQ(styled,
              (std::set<std::string>{"events", "claims", "places", "countries", "lakes", "borders",
                                     "fire_lines", "event_areas", "event_lines"}));
}

TEST(ExportGeopackage, PlacesComeFromTheGazetteerWhenGiven) {
    const fs::path dir = fresh_dir("places");
    Place sotk;
    sotk.id = "test:sotk";
    sotk.name = "Sotk";
    sotk.names = {{"hy", "Սոթք"}};
    sotk.country = "AM";
    sotk.geometry = PointGeom{{45.93, 40.20}};
    sotk.anchor = {45.93, 40.20};
    const Gazetteer gazetteer({sotk});
    GeoPackageOptions options;
    options.gazetteer = &gazetteer;
    export_geopackage(test::export_sample_events(), dir / "e.gpkg", options);
    DatasetPtr ds = open_vector(dir / "e.gpkg");
    ASSERT_TRUE(ds);
    OGRLayerH places = GDALDatasetGetLayerByName(ds.get(), "places");
    OGR_L_SetAttributeFilter(places, "id = 'test:sotk'");
    OGRFeatureH f = OGR_L_GetNextFeature(places);
    ASSERT_NE(f, nullptr);
    EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "name_hy")), "Սոթք");
    EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "country")), "AM");
    EXPECT_DOUBLE_EQ(OGR_G_GetX(OGR_F_GetGeometryRef(f), 0), 45.93); // the gazetteer's anchor
    OGR_F_Destroy(f);
}

TEST(ExportGeopackage, BadBasemapFileIsBadInputAndNothingIsWritten) {
    const fs::path dir = fresh_dir("badbase");
    std::ofstream(dir / "countries.geojson") << "not json at all";
    GeoPackageOptions options;
    options.basemap = {{"countries", dir / "countries.geojson"}};
    try {
        export_geopackage(test::export_sample_events(), dir / "e.gpkg", options);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("countries.geojson"), std::string::npos) << e.what();
    }
    EXPECT_EQ(files_in(dir), std::set<std::string>{"countries.geojson"});
}

// The same events give the same bytes: the GeoPackage's timestamps come from the events (the last
// day of the latest), not from the clock.
TEST(ExportGeopackage, StampedWithTheLatestEventDayNotTheClock) {
    const fs::path dir = fresh_dir("gpkg_stamp");
    const std::vector<Event> events = test::export_sample_events();
    std::string latest;
    for (const Event& e : events) {
        latest = std::max(latest, format_date(e.date.end));
    }
    ASSERT_FALSE(latest.empty());
    export_geopackage(events, dir / "a.gpkg", GeoPackageOptions{});
    DatasetPtr ds = open_vector(dir / "a.gpkg");
    ASSERT_TRUE(ds);
    for (const char* sql : {"SELECT DISTINCT last_change FROM gpkg_contents",
                            "SELECT DISTINCT update_time FROM layer_styles"}) {
        OGRLayerH rows = GDALDatasetExecuteSQL(ds.get(), sql, nullptr, "SQLITE");
        ASSERT_NE(rows, nullptr) << sql;
        std::vector<std::string> stamps;
        while (OGRFeatureH f = OGR_L_GetNextFeature(rows)) {
            std::string stamp = OGR_F_GetFieldAsString(f, 0); // GDAL writes 2023/05/15 00:00:00
            std::replace(stamp.begin(), stamp.end(), '/', '-');
            stamps.push_back(stamp);
            OGR_F_Destroy(f);
        }
        GDALDatasetReleaseResultSet(ds.get(), rows);
        ASSERT_EQ(stamps.size(), 1u) << sql;
        EXPECT_EQ(stamps[0].substr(0, 10), latest) << sql << ": " << stamps[0];
        EXPECT_NE(stamps[0].find("00:00:00"), std::string::npos) << sql << ": " << stamps[0];
    }
    ds.reset();
    export_geopackage(events, dir / "b.gpkg", GeoPackageOptions{});
    EXPECT_EQ(slurp(dir / "a.gpkg"), slurp(dir / "b.gpkg"));
}
