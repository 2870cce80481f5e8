// cli/inputs.hpp: the inputs `map`, `export` and `report` share, chosen by extension: events
// GeoJSON, ACLED CSV or article text; the gazetteer of --gazetteer.

#include "cli/inputs.hpp"

#include "cli/commands.hpp"
#include "geo/core/error.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/event_io.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace sitmap;

namespace {

const fs::path fixtures = SITMAP_FIXTURES_DIR;

cli::GlobalOptions small_gazetteer() {
    cli::GlobalOptions global;
    global.gazetteer = (fixtures / "gazetteer_small.geojson").string();
    return global;
}

ErrorKind kind_of_error(const std::vector<std::string>& paths, const std::string& published,
                        const geo::Geocoder& geocoder) {
    try {
        cli::load_inputs(paths, published, geocoder);
    } catch (const Error& e) {
        return e.kind();
    }
    return ErrorKind::internal; // no error at all
}

} // namespace

TEST(Inputs, LoadGazetteerHonoursTheOption) {
    const geo::Gazetteer g = cli::load_gazetteer(small_gazetteer());
    EXPECT_NE(g.find("sitmap:sotk"), nullptr);
    EXPECT_LT(g.size(), 200u); // the small test file, not the bundled one
    cli::GlobalOptions missing;
    missing.gazetteer = "/nonexistent/gazetteer.geojson";
    EXPECT_THROW(cli::load_gazetteer(missing), Error);
}

TEST(Inputs, EventsGeoJsonAndAcledCsvAreReadByExtension) {
    const geo::Gazetteer g = cli::load_gazetteer(small_gazetteer());
    const geo::Geocoder geocoder(g);
    const cli::LoadedInputs csv =
        cli::load_inputs({(fixtures / "acled_sample.csv").string()}, "", geocoder);
    ASSERT_EQ(csv.events.size(), 3u);
    EXPECT_TRUE(csv.articles.empty());
    // The gazetteer gives the ACLED row at Sotk its place.
    const auto sotk = std::find_if(csv.events.begin(), csv.events.end(),
                                   [](const geo::Event& e) { return e.place_name == "Sotk"; });
    ASSERT_NE(sotk, csv.events.end());
    EXPECT_EQ(sotk->place_id, "sitmap:sotk");

    const fs::path dir = test::fresh_temp_dir("inputs");
    const fs::path events = dir / "events.GeoJSON"; // extensions in any case
    geo::write_events_geojson(csv.events, events);
    const cli::LoadedInputs back = cli::load_inputs({events.string()}, "", geocoder);
    ASSERT_EQ(back.events.size(), 3u);
    // Reading the same events twice merges them into one list without duplicates.
    const cli::LoadedInputs twice =
        cli::load_inputs({events.string(), (fixtures / "acled_sample.csv").string()}, "", geocoder);
    EXPECT_EQ(twice.events.size(), 3u);
}

TEST(Inputs, ArticlesNeedAValidPublicationDate) {
    const geo::Gazetteer g = cli::load_gazetteer(small_gazetteer());
    const geo::Geocoder geocoder(g);
    const fs::path dir = test::fresh_temp_dir("inputs_article");
    std::ofstream(dir / "a.txt") << "On 10 May, Azerbaijani forces shelled Sotk.\n";
    const std::string article = (dir / "a.txt").string();
    EXPECT_EQ(kind_of_error({article}, "", geocoder), ErrorKind::usage);
    EXPECT_EQ(kind_of_error({article}, "2023-02-30", geocoder), ErrorKind::usage);
    EXPECT_EQ(kind_of_error({(dir / "missing.txt").string()}, "2023-05-11", geocoder),
              ErrorKind::bad_input);
    const cli::LoadedInputs loaded = cli::load_inputs({article}, "2023-05-11", geocoder);
    ASSERT_EQ(loaded.articles.size(), 1u);
    EXPECT_EQ(loaded.articles[0].id, "a");
    ASSERT_FALSE(loaded.events.empty());
    EXPECT_EQ(loaded.events[0].place_id, "sitmap:sotk");
    EXPECT_EQ(geo::format_date(loaded.events[0].date.begin), "2023-05-10");
}
