// render/map_view.hpp: lon/lat <-> canvas.

#include "render/map_view.hpp"

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

TEST(MapView, FitsTheBoxCentredAndRoundTrips) {
    const geo::Projection p("EPSG:32638");
    const MapView v(p, {100, 50, 800, 400}, {500000, 4400000}, {600000, 4500000});
    EXPECT_DOUBLE_EQ(v.scale(), 400.0 / 100000.0); // the height limits
    const Point c = v.to_canvas(geo::XY{550000, 4450000});
    EXPECT_DOUBLE_EQ(c.x, 500.0);
    EXPECT_DOUBLE_EQ(c.y, 250.0);
    const Point north = v.to_canvas(geo::XY{550000, 4500000});
    EXPECT_DOUBLE_EQ(north.y, 50.0); // y down
    const geo::LonLat ll = v.to_lonlat(v.to_canvas(geo::LonLat{45.9239, 40.2072}));
    EXPECT_NEAR(ll.lon, 45.9239, 1e-9);
    EXPECT_NEAR(ll.lat, 40.2072, 1e-9);
    const geo::BBox b = v.lonlat_bounds();
    EXPECT_LT(b.west, 45.0);
    EXPECT_GT(b.east, 46.4);
}

TEST(MapView, ProjectDropsPointsCloserThanTheTolerance) {
    const geo::Projection p("EPSG:32638");
    const MapView v(p, {0, 0, 100, 100}, {500000, 4400000}, {600000, 4500000});
    const geo::Path path = {{45.0, 40.0}, {45.00001, 40.0}, {45.5, 40.0}, {45.50001, 40.0}};
    std::vector<Point> out;
    v.project(path, out, 0.5);
    EXPECT_EQ(out.size(), 3U); // the second point goes, the last is always kept
}

} // namespace
} // namespace sitmap::render
