// Gazetteer loading through GDAL: the schema, known coordinates, and every way a file can be wrong.

#include "geo/core/error.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace sitmap;
using namespace sitmap::geo;

namespace {

const std::filesystem::path fixtures = SITMAP_FIXTURES_DIR;

const Gazetteer& small() {
    static const Gazetteer g = Gazetteer::load(fixtures / "gazetteer_small.geojson");
    return g;
}

// The message of the sitmap::Error thrown by loading `name`, or "" if it loads.
std::string load_error(const std::string& name) {
    try {
        Gazetteer::load(fixtures / name);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input) << e.what();
        return e.what();
    }
    return {};
}

} // namespace

TEST(Gazetteer, LoadsEveryFeatureOfTheFixture) {
    EXPECT_EQ(small().size(), 37u);
    EXPECT_EQ(small().places().size(), 37u);
}

TEST(Gazetteer, ReadsAllPropertiesOfSotk) {
    const Place* sotk = small().find("sitmap:sotk");
    ASSERT_NE(sotk, nullptr);
    EXPECT_EQ(sotk->name, "Sotk");
    EXPECT_EQ(sotk->kind, PlaceKind::settlement);
    EXPECT_EQ(sotk->country, "AM");
    EXPECT_EQ(sotk->admin1, "Gegharkunik");
    EXPECT_EQ(sotk->population, 824);
    EXPECT_EQ(sotk->names.at("hy"), "Սոթք");
    EXPECT_EQ(sotk->names.at("ru"), "Сотк");
    EXPECT_EQ(sotk->name_in("hy"), "Սոթք");
    EXPECT_EQ(sotk->name_in("fr"), "Sotk"); // falls back to the English name
    EXPECT_EQ(sotk->aliases, (std::vector<std::string>{"Zod", "Zot", "Sotka", "Сотк", "Սոթք"}));
    EXPECT_DOUBLE_EQ(sotk->accuracy_m, 500.0);
    // Sotk, 40°12′11″N 45°51′53″E (Wikipedia): RFC 7946 lon/lat order kept.
    ASSERT_TRUE(std::holds_alternative<PointGeom>(sotk->geometry));
    EXPECT_NEAR(sotk->anchor.lon, 45.86472, 1e-9);
    EXPECT_NEAR(sotk->anchor.lat, 40.20306, 1e-9);
}

TEST(Gazetteer, ReadsLinesAndAnchorsThemOnTheLine) {
    const Place* corridor = small().find("sitmap:lachin-corridor");
    ASSERT_NE(corridor, nullptr);
    EXPECT_EQ(corridor->kind, PlaceKind::corridor);
    const auto* lines = std::get_if<LinesGeom>(&corridor->geometry);
    ASSERT_NE(lines, nullptr);
    ASSERT_EQ(lines->lines.size(), 1u);
    EXPECT_EQ(lines->lines.front().size(), 4u);
    EXPECT_EQ(lines->lines.front().front(), (LonLat{46.5311, 39.5481}));  // Kornidzor
    EXPECT_EQ(lines->lines.front().back(), (LonLat{46.75194, 39.81528})); // Stepanakert
    // The anchor is on the line, between its ends.
    EXPECT_GT(corridor->anchor.lat, 39.5481);
    EXPECT_LT(corridor->anchor.lat, 39.81528);
    EXPECT_LT(distance_m(corridor->anchor, corridor->geometry), 1.0);
}

TEST(Gazetteer, BorderSectorsHaveNoCountryAndPhraseAliases) {
    const Place* east = small().find("sitmap:border-east");
    ASSERT_NE(east, nullptr);
    EXPECT_EQ(east->kind, PlaceKind::border_sector);
    EXPECT_EQ(east->country, "");
    EXPECT_NE(std::find(east->aliases.begin(), east->aliases.end(), "eastern sector of the border"),
              east->aliases.end());
}

TEST(Gazetteer, FindUnknownIdIsNull) {
    EXPECT_EQ(small().find("sitmap:nowhere"), nullptr);
}

TEST(Gazetteer, PlaceKindNamesRoundTrip) {
    for (const PlaceKind k :
         {PlaceKind::settlement, PlaceKind::capital, PlaceKind::region, PlaceKind::country,
          PlaceKind::border_sector, PlaceKind::corridor, PlaceKind::checkpoint, PlaceKind::bridge,
          PlaceKind::lake, PlaceKind::river, PlaceKind::city_abroad, PlaceKind::height,
          PlaceKind::pass}) {
        EXPECT_EQ(place_kind_from_string(to_string(k)), k) << to_string(k);
    }
    EXPECT_EQ(to_string(PlaceKind::border_sector), "border_sector");
}

TEST(Gazetteer, UnknownKindNamesTheValueAndTheKnownOnes) {
    try {
        place_kind_from_string("hamlet");
        FAIL() << "no error";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("'hamlet'"), std::string::npos) << what;
        EXPECT_NE(what.find("border_sector"), std::string::npos) << what;
    }
}

TEST(Gazetteer, MissingFileIsAClearError) {
    const std::string what = load_error("gazetteer_that_does_not_exist.geojson");
    EXPECT_NE(what.find("gazetteer_that_does_not_exist.geojson"), std::string::npos) << what;
    EXPECT_NE(what.find("not found"), std::string::npos) << what;
}

TEST(Gazetteer, DirectoryIsAClearError) {
    try {
        Gazetteer::load(fixtures);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
    }
}

TEST(Gazetteer, NotGeoJsonIsAClearError) {
    const std::string what = load_error("gazetteer_not_geojson.geojson");
    EXPECT_NE(what.find("gazetteer_not_geojson.geojson"), std::string::npos) << what;
    EXPECT_NE(what.find("not a GeoJSON file"), std::string::npos) << what;
}

TEST(Gazetteer, MissingRequiredPropertiesAreNamed) {
    const std::string what = load_error("gazetteer_missing_properties.geojson");
    EXPECT_NE(what.find("gazetteer_missing_properties.geojson"), std::string::npos) << what;
    EXPECT_NE(what.find("required properties id, name, kind"), std::string::npos) << what;
}

TEST(Gazetteer, FeatureWithoutNameIsNamedByNumberAndId) {
    const std::string what = load_error("gazetteer_feature_without_name.geojson");
    EXPECT_NE(what.find("feature 2"), std::string::npos) << what;
    EXPECT_NE(what.find("sitmap:goris"), std::string::npos) << what;
    EXPECT_NE(what.find("'name'"), std::string::npos) << what;
}

TEST(Gazetteer, UnknownKindInFileIsNamed) {
    const std::string what = load_error("gazetteer_unknown_kind.geojson");
    EXPECT_NE(what.find("feature 1"), std::string::npos) << what;
    EXPECT_NE(what.find("'hamlet'"), std::string::npos) << what;
}

TEST(Gazetteer, DuplicateIdIsAnError) {
    const std::string what = load_error("gazetteer_duplicate_id.geojson");
    EXPECT_NE(what.find("duplicate place id 'sitmap:sotk'"), std::string::npos) << what;
}

TEST(Gazetteer, FeatureWithoutGeometryIsAnError) {
    const std::string what = load_error("gazetteer_no_geometry.geojson");
    EXPECT_NE(what.find("has no geometry"), std::string::npos) << what;
}

TEST(Gazetteer, DataDirFollowsSitmapData) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("sitmap_gaz_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir / "geojson");
    std::filesystem::copy_file(fixtures / "gazetteer_small.geojson",
                               dir / "geojson" / "gazetteer.geojson",
                               std::filesystem::copy_options::overwrite_existing);
    const char* old = std::getenv("SITMAP_DATA");
    const std::string saved = old != nullptr ? old : "";
    setenv("SITMAP_DATA", dir.c_str(), 1);
    EXPECT_EQ(data_dir(), dir);
    EXPECT_EQ(Gazetteer::load_default().size(), 37u);
    if (old != nullptr) {
        setenv("SITMAP_DATA", saved.c_str(), 1);
    } else {
        unsetenv("SITMAP_DATA");
    }
    std::filesystem::remove_all(dir);
}

TEST(Gazetteer, ConstructorRejectsDuplicateIds) {
    Place a;
    a.id = "x:1";
    a.name = "A";
    Place b = a;
    EXPECT_THROW(Gazetteer({a, b}), Error);
}

TEST(Gazetteer, AreaAnchorsAreInsideOrGiven) {
    const Gazetteer g = Gazetteer::load(fixtures / "gazetteer_areas.geojson");
    const Place* box = g.find("test:box");
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->names.find("hy") == box->names.end()); // null name skipped
    EXPECT_TRUE(contains(box->geometry, box->anchor));
    EXPECT_NEAR(box->anchor.lon, 45.5, 0.01); // the pole of inaccessibility of a square
    EXPECT_NEAR(box->anchor.lat, 40.5, 0.01);
    const Place* anchored = g.find("test:anchored");
    ASSERT_NE(anchored, nullptr);
    EXPECT_EQ(anchored->anchor, (LonLat{45.25, 40.75}));
}

TEST(Gazetteer, ManyAreasGetAnchorsOnTwoThreads) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("sitmap_areas_" + std::to_string(getpid()) + ".geojson");
    {
        std::ofstream out(path);
        out << R"({"type": "FeatureCollection", "features": [)";
        for (int i = 0; i < 80; ++i) {
            const double x = 40.0 + 0.1 * i;
            out << (i == 0 ? "" : ",") << R"({"type": "Feature", "properties": {"id": "test:)" << i
                << R"(", "name": "Box )" << i
                << R"(", "kind": "region"}, "geometry": {"type": "Polygon", "coordinates": [[[)"
                << x << ", 40], [" << x + 0.05 << ", 40], [" << x + 0.05 << ", 40.05], [" << x
                << ", 40.05], [" << x << ", 40]]]}}";
        }
        out << "]}";
    }
    const Gazetteer g = Gazetteer::load(path);
    std::filesystem::remove(path);
    ASSERT_EQ(g.size(), 80u);
    for (const Place& p : g.places()) {
        EXPECT_TRUE(contains(p.geometry, p.anchor)) << p.id;
    }
}

TEST(Gazetteer, MissingBundledGazetteerSaysHowToFixIt) {
    const char* old = std::getenv("SITMAP_DATA");
    const std::string saved = old != nullptr ? old : "";
    setenv("SITMAP_DATA", "/nonexistent/sitmap-data", 1);
    try {
        Gazetteer::load_default();
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("/nonexistent/sitmap-data/geojson/gazetteer.geojson"),
                  std::string::npos)
            << what;
        EXPECT_NE(what.find("--gazetteer"), std::string::npos) << what;
    }
    if (old != nullptr) {
        setenv("SITMAP_DATA", saved.c_str(), 1);
    } else {
        unsetenv("SITMAP_DATA");
    }
}
