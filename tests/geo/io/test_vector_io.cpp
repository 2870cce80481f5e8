// geo/io/vector_io.hpp: any GDAL vector file -> WGS 84 features with string properties.

#include "geo/io/vector_io.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace sitmap::geo {
namespace {

const std::filesystem::path fixtures = SITMAP_FIXTURES_DIR;

TEST(VectorIo, ReadsGazetteerFixture) {
    const auto features = read_vector_file(fixtures / "basemap" / "gazetteer.geojson");
    ASSERT_EQ(features.size(), 21U); // 20 settlements and the eastern border sector
    const auto& yerevan = features.front();
    EXPECT_EQ(yerevan.property("name"), "Yerevan");
    EXPECT_EQ(yerevan.property("kind"), "capital");
    EXPECT_EQ(yerevan.property("population"), "1090000");
    EXPECT_NE(yerevan.property("names").find("\"hy\": \"Երևան\""), std::string_view::npos)
        << yerevan.property("names");
    const auto* pt = std::get_if<PointGeom>(&yerevan.geometry);
    ASSERT_NE(pt, nullptr);
    EXPECT_DOUBLE_EQ(pt->point.lon, 44.5136);
    EXPECT_DOUBLE_EQ(pt->point.lat, 40.1811);
    EXPECT_EQ(yerevan.property("no such field"), "");
    EXPECT_FALSE(yerevan.has("no such field"));
}

TEST(VectorIo, PolygonsAndMultiLines) {
    const auto nk = read_vector_file(fixtures / "basemap" / "nagorno_karabakh.geojson");
    ASSERT_EQ(nk.size(), 1U);
    const auto* area = std::get_if<AreaGeom>(&nk[0].geometry);
    ASSERT_NE(area, nullptr);
    ASSERT_EQ(area->polygons.size(), 1U);
    EXPECT_EQ(area->polygons[0][0].size(), 14U);
    EXPECT_EQ(nk[0].property("boundary_date"), "1988");
    const auto borders = read_vector_file(fixtures / "basemap" / "borders.geojson");
    std::size_t amaz = 0;
    for (const auto& b : borders) {
        if (b.property("countries") == "AM-AZ") {
            ++amaz;
            EXPECT_TRUE(std::holds_alternative<LinesGeom>(b.geometry));
        }
    }
    EXPECT_EQ(amaz, 1U);
}

TEST(VectorIo, TransformsOtherCrsToWgs84AndStreamsGeoJsonSeq) {
    const auto dir = std::filesystem::temp_directory_path() / "sitmap_test_vector_io";
    std::filesystem::create_directories(dir);
    // Sotk in UTM 38N (EPSG:32638).
    std::ofstream(dir / "utm.geojson")
        << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32638"}},
"features":[{"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[578625.52,4451164.05]}}]})";
    const auto f = read_vector_file(dir / "utm.geojson");
    ASSERT_EQ(f.size(), 1U);
    const auto p = std::get<PointGeom>(f[0].geometry).point;
    EXPECT_NEAR(p.lon, 45.9239, 1e-6);
    EXPECT_NEAR(p.lat, 40.2072, 1e-6);

    std::ofstream(dir / "seq.geojsonl")
        << R"({"type":"Feature","properties":{"kind":"shelling"},"geometry":{"type":"Point","coordinates":[45.9,40.2]}})"
        << "\n"
        << R"({"type":"Feature","properties":{"kind":"talks"},"geometry":{"type":"Point","coordinates":[4.35,50.85]}})"
        << "\n";
    std::vector<std::string> kinds;
    for_each_vector_feature(dir / "seq.geojsonl", [&](const VectorFeature& v) {
        kinds.emplace_back(v.property("kind"));
    });
    EXPECT_EQ(kinds, (std::vector<std::string>{"shelling", "talks"}));
}

TEST(VectorIo, MissingOrBrokenFilesAreInputErrorsNamingTheFile) {
    try {
        read_vector_file("/nonexistent/places.geojson");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("/nonexistent/places.geojson"), std::string::npos);
    }
    const auto dir = std::filesystem::temp_directory_path() / "sitmap_test_vector_io";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "broken.geojson") << "{\"type\":\"FeatureCollection\",\"features\":[{";
    EXPECT_THROW(read_vector_file(dir / "broken.geojson"), Error);
}

TEST(VectorIo, CsvTablesKeepEveryCellAsText) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("sitmap_test_vector_io_csv_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "t.csv") << "file,published,n\n"
                                 << "\"a, b.txt\",2023-05-11,007\n"
                                 << ",,\n";
    const CsvTable t = read_csv_table(dir / "t.csv");
    EXPECT_EQ(t.columns, (std::vector<std::string>{"file", "published", "n"}));
    ASSERT_EQ(t.rows.size(), 2U);
    EXPECT_EQ(t.rows[0],
              (std::vector<std::string>{"a, b.txt", "2023-05-11", "007"})); // no guessing
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(t.column("published"), 1U);
    EXPECT_FALSE(t.column("date"));
    try {
        read_csv_table(dir / "missing.csv");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("missing.csv: not a readable CSV file"),
                  std::string::npos)
            << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(VectorIo, FeaturesAsGeoJsonWithTypedProperties) {
    std::vector<OutputFeature> features(2);
    features[0].geometry = PointGeom{{45.86472, 40.20306}};
    features[0].properties = {{"name", std::string("Sotk \"Սոթք\"")}, {"rank", 1}, {"score", 0.5}};
    features[1].geometry = LinesGeom{{{{45.0, 40.0}, {46.0, 41.0}}}};
    features[1].properties = {{"name", std::string("road")}, {"rank", 2}, {"score", 1.0}};
    const std::string text = geojson_feature_collection(features, "places");
    EXPECT_NE(text.find(R"("name": "places")"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("name": "Sotk \"Սոթք\"", "rank": 1, "score": 0.5 })"), std::string::npos)
        << text;
    // One part: GDAL's RFC 7946 writer spells it as the single geometry.
    EXPECT_NE(
        text.find(R"("type": "LineString", "coordinates": [ [ 45.0, 40.0 ], [ 46.0, 41.0 ] ])"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find(R"("coordinates": [ 45.86472, 40.20306 ])"), std::string::npos) << text;
    EXPECT_EQ(text.find("\"crs\""), std::string::npos); // RFC 7946
    const std::string empty = geojson_feature_collection({}, "none");
    EXPECT_NE(empty.find(R"("features": [)"), std::string::npos) << empty;
}

} // namespace
} // namespace sitmap::geo
