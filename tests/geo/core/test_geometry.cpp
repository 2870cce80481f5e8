#include "geo/core/geometry.hpp"

#include <gtest/gtest.h>

using namespace sitmap::geo;

namespace {
const LonLat yerevan{44.5136, 40.1811};
const LonLat baku{49.8920, 40.3777};
} // namespace

TEST(Geometry, GeodesicDistanceYerevanBaku) {
    // Reference: PROJ geod -I +ellps=WGS84 gives 457854.738 m.
    EXPECT_NEAR(distance_m(yerevan, baku), 457854.7, 1.0);
    EXPECT_DOUBLE_EQ(distance_m(yerevan, yerevan), 0.0);
}

TEST(Geometry, DistanceToLineAndInsideArea) {
    // A meridian segment at lon 45 from lat 40 to 41: a point 0.1 deg east at lat 40.5 is ~8.47 km.
    const Geometry line = LinesGeom{{{{45.0, 40.0}, {45.0, 41.0}}}};
    EXPECT_NEAR(distance_m(LonLat{45.1, 40.5}, line), 8470.0, 60.0);
    const Geometry square = AreaGeom{{{{{45, 40}, {46, 40}, {46, 41}, {45, 41}, {45, 40}}}}};
    EXPECT_DOUBLE_EQ(distance_m(LonLat{45.5, 40.5}, square), 0.0);
    EXPECT_TRUE(contains(square, LonLat{45.5, 40.5}));
    EXPECT_FALSE(contains(square, LonLat{46.5, 40.5}));
}

TEST(Geometry, RepresentativePointOfConcaveAreaIsInside) {
    // A U shape: its centroid (about 45.5, 40.3) lies in the notch, outside the polygon.
    const Geometry u = AreaGeom{{{{{45.0, 40.0},
                                   {46.0, 40.0},
                                   {46.0, 41.0},
                                   {45.8, 41.0},
                                   {45.8, 40.2},
                                   {45.2, 40.2},
                                   {45.2, 41.0},
                                   {45.0, 41.0},
                                   {45.0, 40.0}}}}};
    const LonLat p = representative_point(u);
    EXPECT_TRUE(contains(u, p)) << p.lon << "," << p.lat;
}

TEST(Geometry, RepresentativePointOfLineIsMidway) {
    const Geometry line = LinesGeom{{{{45.0, 40.0}, {45.0, 41.0}}}};
    const LonLat p = representative_point(line);
    EXPECT_NEAR(p.lon, 45.0, 1e-9);
    EXPECT_NEAR(p.lat, 40.5, 0.01);
}

TEST(Geometry, BBox) {
    const Geometry line = LinesGeom{{{{45.0, 40.0}, {46.0, 41.5}}}};
    EXPECT_EQ(bbox(line), (BBox{45.0, 40.0, 46.0, 41.5}));
    EXPECT_TRUE(bbox(LinesGeom{}).empty());
}
