// `sitmap export` run as a user would: formats by extension, --force, and bad input that leaves
// nothing behind.

#include "geo/io/export.hpp"
#include "tests/geo/io/export_samples.hpp"
#include "tests/support/process.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using sitmap::test::run_command;
using sitmap::test::run_sitmap;

namespace {

fs::path fresh_dir(const std::string& name) {
    return sitmap::test::fresh_temp_dir("export_cli_" + name);
}

// Shell-quoted path (the test paths hold no quote).
std::string q(const fs::path& p) {
    std::string s(1, '\'');
    s.append(p.string());
    s.push_back('\'');
    return s;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        out.insert(e.path().filename().string());
    }
    return out;
}

std::string slurp(const fs::path& p) {
    std::stringstream s;
    s << std::ifstream(p, std::ios::binary).rdbuf();
    return s.str();
}

// The three sample events as an events GeoJSON, the input a user re-exports.
fs::path sample_input(const fs::path& dir) {
    const fs::path in = dir / "input.geojson";
    sitmap::geo::export_geojson(sitmap::test::export_sample_events(), in,
                                sitmap::geo::Overwrite::yes);
    return in;
}

std::map<std::string, long long> layer_counts(const fs::path& gpkg) {
    GDALAllRegister();
    std::map<std::string, long long> out;
    GDALDatasetH ds =
        GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (ds == nullptr) {
        return out;
    }
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        OGRLayerH l = GDALDatasetGetLayer(ds, i);
        out[OGR_L_GetName(l)] = OGR_L_GetFeatureCount(l, TRUE);
    }
    GDALClose(ds);
    return out;
}

} // namespace

TEST(ExportCli, GeojsonRoundTripKeepsEventsAndClaims) {
    const fs::path dir = fresh_dir("roundtrip");
    const auto r = run_sitmap("export " + q(sample_input(dir)) + " -o " + q(dir / "out.geojson"));
    ASSERT_EQ(r.code, 0) << r.out;
    std::ifstream in(dir / "out.geojson");
    const auto j = nlohmann::json::parse(in);
    ASSERT_EQ(j["features"].size(), 3u);
    EXPECT_FALSE(j.contains("crs"));
    // sitmap may order the events by date and derive their ids again: find them by place.
    std::map<std::string, nlohmann::json> by_place;
    for (const auto& f : j["features"]) {
        by_place[f["properties"]["place_id"].get<std::string>()] = f;
    }
    const auto& shelling = by_place.at("test:sotk")["properties"];
    EXPECT_EQ(shelling["claims"].size(), 2u);
    EXPECT_EQ(shelling["killed_max"], 1);
    EXPECT_EQ(shelling["claims"][1]["assertion"], "denies");
    const auto& talks = by_place.at("test:area")["properties"];
    EXPECT_EQ(talks["geo_precision"], 3);
    EXPECT_EQ(talks["date_end"], "2023-05-15");
    // ogrinfo, GDAL's own client, reads it.
    const auto info = run_command("ogrinfo -ro -so -al " + q(dir / "out.geojson"));
    EXPECT_EQ(info.code, 0) << info.out;
    EXPECT_NE(info.out.find("Feature Count: 3"), std::string::npos) << info.out;
}

TEST(ExportCli, GeopackageHasEventsClaimsPlacesAndStyles) {
    const fs::path dir = fresh_dir("gpkg");
    const auto r = run_sitmap("export " + q(sample_input(dir)) + " -o " + q(dir / "out.gpkg"));
    ASSERT_EQ(r.code, 0) << r.out;
    const auto counts = layer_counts(dir / "out.gpkg");
    EXPECT_EQ(counts.at("events"), 3);
    EXPECT_EQ(counts.at("claims"), 3);
    EXPECT_EQ(counts.at("places"), 3);
    EXPECT_GE(counts.at("layer_styles"), 3);
    const auto valid =
        run_command("/usr/bin/python3 -m osgeo_utils.samples.validate_gpkg " + q(dir / "out.gpkg"));
    EXPECT_EQ(valid.code, 0) << valid.out;
}

TEST(ExportCli, QgisProjectIsWrittenNextToItsGeopackage) {
    const fs::path dir = fresh_dir("qgz");
    const fs::path in = sample_input(dir);
    const auto r = run_sitmap("export " + q(in) + " --crs EPSG:32638 -o " + q(dir / "map.qgz"));
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(files_in(dir), (std::set<std::string>{"input.geojson", "map.gpkg", "map.qgz"}));
    const auto list = run_command("unzip -l " + q(dir / "map.qgz"));
    EXPECT_NE(list.out.find("map.qgs"), std::string::npos) << list.out;
    const auto qgs = run_sitmap("export " + q(in) + " -o " + q(dir / "plain.qgs"));
    ASSERT_EQ(qgs.code, 0) << qgs.out;
    const std::string xml = slurp(dir / "plain.qgs");
    EXPECT_NE(xml.find("./plain.gpkg|layername=events"), std::string::npos);
    EXPECT_NE(xml.find("Disputed: the claims contradict"), std::string::npos);
}

TEST(ExportCli, ExistingOutputIsReplacedOnlyWithForce) {
    const fs::path dir = fresh_dir("force");
    const fs::path in = sample_input(dir);
    std::ofstream(dir / "out.gpkg") << "keep me";
    auto r = run_sitmap("export " + q(in) + " -o " + q(dir / "out.gpkg"));
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("out.gpkg"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--force"), std::string::npos) << r.out;
    EXPECT_EQ(slurp(dir / "out.gpkg"), "keep me");
    r = run_sitmap("export " + q(in) + " --force -o " + q(dir / "out.gpkg"));
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(layer_counts(dir / "out.gpkg").at("events"), 3);
    EXPECT_EQ(files_in(dir), (std::set<std::string>{"input.geojson", "out.gpkg"}));

    // A project whose GeoPackage exists is refused before anything is written.
    std::ofstream(dir / "p.gpkg") << "keep me too";
    r = run_sitmap("export " + q(in) + " -o " + q(dir / "p.qgz"));
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_FALSE(fs::exists(dir / "p.qgz"));
    EXPECT_EQ(slurp(dir / "p.gpkg"), "keep me too");
}

TEST(ExportCli, UnknownExtensionIsAUsageErrorNamingTheFile) {
    const fs::path dir = fresh_dir("ext");
    const auto r = run_sitmap("export " + q(sample_input(dir)) + " -o " + q(dir / "out.shp"));
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("out.shp"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(".geojson"), std::string::npos) << r.out;
    EXPECT_EQ(files_in(dir), std::set<std::string>{"input.geojson"});
}

TEST(ExportCli, UnwritableDirectoryIsAnOutputErrorNamingIt) {
    const fs::path dir = fresh_dir("unwritable");
    const fs::path in = sample_input(dir);
    // A path through a regular file cannot be written, whoever runs the test (even root).
    std::ofstream(dir / "file") << "x";
    const auto r = run_sitmap("export " + q(in) + " -o " + q(dir / "file" / "out.gpkg"));
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("file/out.gpkg"), std::string::npos) << r.out;
    EXPECT_EQ(files_in(dir), (std::set<std::string>{"file", "input.geojson"}));
}

TEST(ExportCli, InputThatIsNeitherGeojsonNorTextIsRejectedNamingIt) {
    const fs::path dir = fresh_dir("binary");
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);
    std::ofstream(dir / "picture.txt", std::ios::binary) << png;
    const auto r = run_sitmap("export " + q(dir / "picture.txt") + " --published 2023-05-11 -o " +
                              q(dir / "out.geojson"));
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("picture.txt"), std::string::npos) << r.out;
    EXPECT_EQ(files_in(dir), std::set<std::string>{"picture.txt"});
}

TEST(ExportCli, EventsWithoutGeometryAreRejectedNamingTheFile) {
    const fs::path dir = fresh_dir("nogeom");
    // The first sample event with its geometry removed.
    std::ifstream in(sample_input(dir));
    auto j = nlohmann::json::parse(in);
    in.close();
    j["features"][0]["geometry"] = nullptr;
    std::ofstream(dir / "nogeom.geojson") << j.dump();
    fs::remove(dir / "input.geojson");
    const auto r = run_sitmap("export " + q(dir / "nogeom.geojson") + " -o " + q(dir / "out.gpkg"));
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("nogeom.geojson"), std::string::npos) << r.out;
    EXPECT_EQ(files_in(dir), std::set<std::string>{"nogeom.geojson"});
}
