// `sitmap geocode` as a user runs it: table, JSON, GeoJSON, hints, reverse, and failures.

#include "tests/support/process.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

using sitmap::test::run_sitmap;

namespace {

const std::string gazetteer =
    std::string("--gazetteer ") + SITMAP_FIXTURES_DIR + "/gazetteer_small.geojson ";

} // namespace

TEST(GeocodeCli, TablePrintsMatchIdCoordinatesPrecisionAndScore) {
    const auto r = run_sitmap(gazetteer + "geocode Sotk Շուշի 'the Lachin corridor'");
    EXPECT_EQ(r.code, 0) << r.out;
    for (const char* expected :
         {"query", "precision", "score", "sitmap:sotk", "45.86472", "40.20306", "sitmap:shusha",
          "46.74830", "39.75830", "sitmap:lachin-corridor", "corridor", "1.00"}) {
        EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
    }
}

TEST(GeocodeCli, UnresolvedNameExitsOneButOthersStillPrint) {
    const auto r = run_sitmap(gazetteer + "geocode Goris Blorptown Sotq", false);
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("sitmap:goris"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Blorptown: not found"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("did you mean Sotk (sitmap:sotk"), std::string::npos) << r.out;
    const auto merged = run_sitmap(gazetteer + "geocode Goris Blorptown Sotq");
    EXPECT_NE(merged.out.find("2 of 3 names not found in the gazetteer: 'Blorptown', 'Sotq'"),
              std::string::npos)
        << merged.out;
}

TEST(GeocodeCli, JsonHasRankedCandidatesWithReasons) {
    const auto r = run_sitmap(gazetteer + "geocode --json Martuni", false);
    ASSERT_EQ(r.code, 0) << r.out;
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_EQ(json.size(), 1u);
    EXPECT_EQ(json[0]["query"], "Martuni");
    EXPECT_EQ(json[0]["resolved"], true);
    ASSERT_EQ(json[0]["candidates"].size(), 2u);
    EXPECT_EQ(json[0]["candidates"][0]["id"], "sitmap:martuni-am");
    EXPECT_EQ(json[0]["candidates"][1]["id"], "sitmap:martuni-nk");
    EXPECT_EQ(json[0]["candidates"][0]["precision"], 1);
    EXPECT_NEAR(json[0]["candidates"][0]["lon"].get<double>(), 45.3045, 1e-6);
    EXPECT_NE(json[0]["candidates"][0]["reason"].get<std::string>().find("2 places match"),
              std::string::npos);
}

TEST(GeocodeCli, CountryHintDecides) {
    const auto r = run_sitmap(gazetteer + "geocode --json --country AZ Martuni", false);
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(nlohmann::json::parse(r.out)[0]["candidates"][0]["id"], "sitmap:martuni-nk");
    EXPECT_EQ(run_sitmap(gazetteer + "geocode --country ARM Martuni").code, 2);
}

TEST(GeocodeCli, GeoJsonIsAFeatureCollectionWithRealGeometry) {
    const auto r = run_sitmap(gazetteer + "geocode --geojson Sotk 'Lachin corridor'", false);
    ASSERT_EQ(r.code, 0) << r.out;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["type"], "FeatureCollection");
    ASSERT_EQ(json["features"].size(), 2u);
    const auto& sotk = json["features"][0];
    EXPECT_EQ(sotk["properties"]["id"], "sitmap:sotk");
    EXPECT_EQ(sotk["geometry"]["type"], "Point");
    EXPECT_NEAR(sotk["geometry"]["coordinates"][0].get<double>(), 45.86472, 1e-6);
    EXPECT_NEAR(sotk["geometry"]["coordinates"][1].get<double>(), 40.20306, 1e-6);
    const auto& corridor = json["features"][1];
    EXPECT_EQ(corridor["properties"]["kind"], "corridor");
    EXPECT_EQ(corridor["properties"]["precision"], 2);
    EXPECT_EQ(corridor["geometry"]["coordinates"].size(), 4u);
}

TEST(GeocodeCli, ReverseDescribesThePoint) {
    const auto r = run_sitmap(gazetteer + "geocode --reverse=45.93,40.24", false);
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out, "6.9 km NE of Sotk, Armenia\n");
    const auto json = run_sitmap(gazetteer + "geocode --json --reverse 45.86472,40.20306", false);
    ASSERT_EQ(json.code, 0) << json.out;
    EXPECT_EQ(nlohmann::json::parse(json.out)["id"], "sitmap:sotk");
}

TEST(GeocodeCli, BadReverseIsAUsageError) {
    const auto r = run_sitmap(gazetteer + "geocode --reverse=north");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("LON,LAT"), std::string::npos) << r.out;
    // Out of range is a bad option value too, as 'north' is (it was exit 1).
    const auto far = run_sitmap(gazetteer + "geocode --reverse=200,40");
    EXPECT_EQ(far.code, 2) << far.out;
    EXPECT_NE(far.out.find("--reverse '200,40': out of range"), std::string::npos) << far.out;
}

TEST(GeocodeCli, NothingToGeocodeIsAUsageError) {
    EXPECT_EQ(run_sitmap(gazetteer + "geocode").code, 2);
    EXPECT_EQ(run_sitmap(gazetteer + "geocode --json --geojson Sotk").code, 2);
}

TEST(GeocodeCli, BadGazetteerFileIsNamed) {
    const auto r = run_sitmap(std::string("--gazetteer ") + SITMAP_FIXTURES_DIR +
                              "/gazetteer_not_geojson.geojson geocode Sotk");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("gazetteer_not_geojson.geojson: not a GeoJSON file"), std::string::npos)
        << r.out;
    const auto props = run_sitmap(std::string("--gazetteer ") + SITMAP_FIXTURES_DIR +
                                  "/gazetteer_missing_properties.geojson geocode Sotk");
    EXPECT_EQ(props.code, 1);
    EXPECT_NE(props.out.find("required properties id, name, kind"), std::string::npos) << props.out;
}

TEST(GeocodeCli, EmptyAndInvalidNamesAreClearErrors) {
    const auto empty = run_sitmap(gazetteer + "geocode ''");
    EXPECT_EQ(empty.code, 1);
    EXPECT_NE(empty.out.find("empty place name"), std::string::npos) << empty.out;
    const auto bad = run_sitmap(gazetteer + "geocode \"$(printf 'Sot\\303k')\"");
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.out.find("not valid UTF-8"), std::string::npos) << bad.out;
}
