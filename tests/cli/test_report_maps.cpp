// cli/report_maps.hpp: the maps of a report (PNG, SVG, PDF of the same frame) and the frame a map
// of some events would have.

#include "cli/report_maps.hpp"

#include "tests/geo/io/export_samples.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace sitmap;

TEST(ReportMaps, FrameContainsTheEventsInAProjectedCrs) {
    const auto events = test::export_sample_events();
    const std::optional<cli::MapFrame> frame = cli::map_frame_for(events);
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->crs.rfind("EPSG:326", 0), 0u) << frame->crs;
    for (const geo::Event& e : events) {
        EXPECT_GE(e.location.lon, frame->extent.west);
        EXPECT_LE(e.location.lon, frame->extent.east);
        EXPECT_GE(e.location.lat, frame->extent.south);
        EXPECT_LE(e.location.lat, frame->extent.north);
    }
}

TEST(ReportMaps, WritesThreeFormatsOfOneFrame) {
    const fs::path dir = test::fresh_temp_dir("report_maps");
    const auto events = test::export_sample_events();
    const auto files =
        cli::write_report_maps(events, "Title <&>", dir / "map-a", cli::GlobalOptions{});
    ASSERT_TRUE(files);
    EXPECT_EQ(files->png, dir / "map-a.png");
    EXPECT_EQ(files->svg, dir / "map-a.svg");
    EXPECT_EQ(files->pdf, dir / "map-a.pdf");
    for (const fs::path& p : {files->png, files->svg, files->pdf}) {
        EXPECT_GT(fs::file_size(p), 1000u) << p;
    }
    EXPECT_EQ(files->frame.crs, cli::map_frame_for(events)->crs);
    EXPECT_FALSE(files->frame.projection.empty());
    std::stringstream svg;
    svg << std::ifstream(files->svg).rdbuf();
    EXPECT_NE(svg.str().find("<title>Title &lt;&amp;&gt;</title>"), std::string::npos);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 3);
}
