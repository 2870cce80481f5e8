// geo/projection/projection.hpp: PROJ transforms with the axis order settled once.

#include "geo/projection/projection.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sitmap::geo {
namespace {

// Reference values from the USGS formulas (Snyder, Professional Paper 1395, p. 61), computed
// outside PROJ (shared/bench-anchor/gen_scene.py utm_forward).
TEST(Projection, KnownTownsInUtm38N) {
    const Projection p("EPSG:32638");
    const XY sotk = p.forward({45.86472, 40.20306});
    EXPECT_NEAR(sotk.x, 573593.61, 0.5);
    EXPECT_NEAR(sotk.y, 4450653.78, 0.5);
    const XY yerevan = p.forward({44.5136, 40.1811});
    EXPECT_NEAR(yerevan.x, 458590.85, 0.5);
    EXPECT_NEAR(yerevan.y, 4447971.27, 0.5);
    const XY shusha = p.forward({46.74989, 39.76006});
    EXPECT_NEAR(shusha.x, 649895.87, 0.5);
    EXPECT_NEAR(shusha.y, 4402591.02, 0.5);
    EXPECT_EQ(p.name(), "WGS 84 / UTM zone 38N");
}

TEST(Projection, InverseRoundTripsAndBatchMatchesSingle) {
    const Projection p("EPSG:32638");
    const LonLat back = p.inverse(p.forward({46.45, 39.47}));
    EXPECT_NEAR(back.lon, 46.45, 1e-9);
    EXPECT_NEAR(back.lat, 39.47, 1e-9);
    const std::vector<LonLat> in = {{45.86472, 40.20306}, {46.74989, 39.76006}};
    std::vector<XY> out;
    p.forward(in, out);
    ASSERT_EQ(out.size(), 2U);
    EXPECT_DOUBLE_EQ(out[1].x, p.forward(in[1]).x);
    EXPECT_DOUBLE_EQ(out[1].y, p.forward(in[1]).y);
}

// EPSG:4326 is lat/lon by definition; after normalisation x is still the longitude.
TEST(Projection, AxisOrderIsEastingNorthingEvenForLatLonCrs) {
    const Projection p("EPSG:4326");
    const XY xy = p.forward({45.86472, 40.20306});
    EXPECT_NEAR(xy.x, 45.86472, 1e-12);
    EXPECT_NEAR(xy.y, 40.20306, 1e-12);
}

TEST(Projection, UnknownCrsIsAUsageErrorNamingIt) {
    try {
        Projection p("EPSG:999999");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
        EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos);
    }
    EXPECT_THROW(Projection("not a crs"), Error);
}

TEST(Projection, SuggestsUtmForSmallExtentsAndLambertForWide) {
    EXPECT_EQ(Projection::suggest_for({45.0, 39.0, 47.6, 41.0}), "EPSG:32638");
    EXPECT_EQ(Projection::suggest_for({43.0, 38.0, 44.0, 39.0}), "EPSG:32638");
    EXPECT_EQ(Projection::suggest_for({-3.0, -40.0, -1.0, -38.0}), "EPSG:32730");
    const std::string lcc = Projection::suggest_for({40.0, 36.0, 52.0, 45.0});
    EXPECT_EQ(lcc, "+proj=lcc +lat_1=37.50 +lat_2=43.50 +lat_0=40.50 +lon_0=46.00 +datum=WGS84 "
                   "+units=m +no_defs +type=crs");
    const Projection p(lcc);
    EXPECT_EQ(p.name(), "Lambert Conic Conformal (2SP) (lat0 40.5°, lon0 46°, lat1 37.5°, lat2 "
                        "43.5°), WGS 84");
    // Conformal: on the standard parallel, 1 km east is 1 km on the map.
    const XY a = p.forward({46.0, 37.5});
    const XY b = p.forward(geodesic_destination({46.0, 37.5}, 90.0, 1000.0));
    EXPECT_NEAR(std::hypot(b.x - a.x, b.y - a.y), 1000.0, 0.5);
}

TEST(Projection, MovesAndGeodesicCircles) {
    Projection a("EPSG:32638");
    Projection b = std::move(a);
    EXPECT_EQ(b.definition(), "EPSG:32638");
    const Path ring = geodesic_circle({45.86472, 40.20306}, 10000.0, 36);
    ASSERT_EQ(ring.size(), 37U);
    EXPECT_EQ(ring.front(), ring.back());
    for (const auto& p : ring) {
        EXPECT_NEAR(distance_m({45.86472, 40.20306}, p), 10000.0, 0.01);
    }
}

} // namespace
} // namespace sitmap::geo
