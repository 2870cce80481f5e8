// cli/export_outputs.hpp: the GIS files of `export` and `report` by extension, the extent and CRS
// of the events, and the map style's symbology handed to geo's QGIS styles.

#include "cli/export_outputs.hpp"

#include "geo/core/error.hpp"
#include "tests/geo/io/export_samples.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::cli;

TEST(ExportOutputs, EventsExtentCoversTheLocations) {
    EXPECT_TRUE(events_extent({}).empty());
    std::vector<geo::Event> events(2);
    events[0].location = {45.86, 40.20};
    events[1].location = {46.10, 39.90};
    EXPECT_EQ(events_extent(events), (geo::BBox{45.86, 39.90, 46.10, 40.20}));
    events.resize(1);
    EXPECT_EQ(events_extent(events), (geo::BBox{45.86, 40.20, 45.86, 40.20}));
}

TEST(ExportOutputs, MapCrsIsAProjectedOneForTheEvents) {
    const std::string crs = map_crs_for(test::export_sample_events());
    EXPECT_EQ(crs.rfind("EPSG:326", 0), 0u) << crs; // a UTM zone of the Caucasus
    EXPECT_FALSE(map_crs_for({}).empty());
}

TEST(ExportOutputs, SymbologyIsTheMapStyles) {
    const geo::Symbology s = gis_symbology(render::Style::builtin());
    EXPECT_EQ(s.background, (geo::Rgba{207, 225, 236, 255}));
    const geo::MarkerSymbology& shelling = s.kind(geo::EventKind::shelling);
    EXPECT_EQ(shelling.shape, "circle");
    EXPECT_EQ(shelling.radius_px, 5.5);
    EXPECT_EQ(shelling.fill, (geo::Rgba{215, 48, 31, 217})); // circle-opacity 0.85
    EXPECT_EQ(shelling.stroke, (geo::Rgba{103, 0, 13, 255}));
    EXPECT_EQ(s.kind(geo::EventKind::casualties).shape, "cross");
    EXPECT_EQ(s.kind(geo::EventKind::checkpoint_installed).shape, "barrier");
    EXPECT_EQ(s.kind(geo::EventKind::checkpoint_installed).fill, (geo::Rgba{31, 95, 191, 255}));
    EXPECT_EQ(s.kind(geo::EventKind::statement).shape, "diamond");
    EXPECT_EQ(s.disputed.stroke, (geo::Rgba{17, 17, 17, 255}));
    EXPECT_TRUE(s.event_labels.bold);
    EXPECT_EQ(s.event_labels.size_px, 10.5);
    EXPECT_TRUE(s.nagorno_karabakh.hatched);
    EXPECT_TRUE(s.nagorno_karabakh.dashed);
    EXPECT_EQ(s.nagorno_karabakh.fill.a, 140); // 0.55
    EXPECT_EQ(s.borders_am_az_casing.width_px, 4.2);
    EXPECT_TRUE(s.corridor.dashed);
    EXPECT_FALSE(s.rivers.dashed);

    // A style file changes the QGIS styles too.
    const render::Style blue = render::Style::from_json(
        R"({"layers":[{"id":"incidents","paint":{"circle-color":"#0000ff","circle-opacity":1,
            "sitmap:marker-shape":"star"}}]})",
        "inline");
    const geo::Symbology blue_symbology = gis_symbology(blue);
    const geo::MarkerSymbology& drone = blue_symbology.kind(geo::EventKind::mortar_fire);
    EXPECT_EQ(drone.fill, (geo::Rgba{0, 0, 255, 255}));
    EXPECT_EQ(drone.shape, "star");
}

TEST(ExportOutputs, WritesByExtensionAndRefusesToReplace) {
    const fs::path dir = test::fresh_temp_dir("export_outputs");
    GisOutputOptions options;
    const GisOutputResult geojson =
        write_gis_output(test::export_sample_events(), dir / "e.geojson", options);
    EXPECT_EQ(geojson.written, std::vector<fs::path>{dir / "e.geojson"});
    try {
        write_gis_output(test::export_sample_events(), dir / "e.geojson", options);
        FAIL() << "replaced a file without overwrite";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
    }
    try {
        write_gis_output(test::export_sample_events(), dir / "e.shp", options);
        FAIL() << "wrote an unknown format";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
    }
    // A QGIS project comes with its GeoPackage, and neither replaces an existing one.
    std::ofstream(dir / "p.gpkg") << "not mine";
    EXPECT_THROW(write_gis_output(test::export_sample_events(), dir / "p.qgz", options), Error);
    EXPECT_FALSE(fs::exists(dir / "p.qgz"));
}
