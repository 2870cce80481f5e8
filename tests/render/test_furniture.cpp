// render/furniture.hpp: scale bar true at the centre, north arrow to true north, layout.

#include "render/furniture.hpp"

#include "geo/projection/projection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace sitmap::render {
namespace {

TEST(Furniture, ScaleBarMeasuresARoundNumberOfKmAtTheCentre) {
    const geo::Projection p("EPSG:32638");
    const MapView v(p, {0, 0, 1000, 600}, {500000, 4400000}, {700000, 4520000});
    const ScaleBar bar = scale_bar(v, 1.0);
    EXPECT_EQ(bar.km, 20.0);
    // The bar's length measured on the ground at the centre of the map.
    const geo::LonLat a = v.to_lonlat({500 - bar.length / 2, 300});
    const geo::LonLat b = v.to_lonlat({500 + bar.length / 2, 300});
    EXPECT_NEAR(geo::distance_m(a, b), 20000.0, 20.0);
    EXPECT_TRUE((Rect{0, 0, 1000, 600}).contains(bar.box));
}

// UTM grid north differs from true north by the meridian convergence, about
// (lon - lon0) * sin(lat): 1.5 deg east of the central meridian at 40N, about 0.96 deg.
TEST(Furniture, NorthArrowPointsToTrueNorth) {
    const geo::Projection p("EPSG:32638");
    const MapView v(p, {0, 0, 1000, 1000}, {500000, 4400000}, {700000, 4600000});
    const Point at = v.to_canvas(geo::LonLat{46.5, 40.0});
    const double deg = true_north_angle(v, at) * 180.0 / std::numbers::pi;
    EXPECT_NEAR(deg, -1.5 * std::sin(40.0 * std::numbers::pi / 180.0), 0.02);
    const Point cm = v.to_canvas(geo::LonLat{45.0, 40.0});
    EXPECT_NEAR(true_north_angle(v, cm), 0.0, 1e-6);
}

TEST(Furniture, PageLayoutStacksTitleMapAndAttribution) {
    const PageLayout l = layout_page(1600, 1000, 1.0, 3);
    EXPECT_LT(l.title_band.bottom(), l.frame.y + 1e-9);
    EXPECT_LE(l.frame.bottom(), l.attribution_band.y);
    EXPECT_LE(l.attribution_band.bottom(), 1000.0 + 1e-9);
    EXPECT_GT(l.frame.height, 800.0);
}

TEST(Furniture, LegendBoxGrowsWithItsEntries) {
    const TextShaper shaper;
    const Rect frame{0, 0, 1000, 800};
    std::vector<LegendEntry> entries = {{"a", "Shelling (artillery)", {MarkerSymbol{}}}};
    const Rect one = legend_box(shaper, entries, frame, 1.0);
    entries.push_back({"b", "A much longer legend entry for a wider box", {LineSymbol{}}});
    const Rect two = legend_box(shaper, entries, frame, 1.0);
    EXPECT_GT(two.height, one.height);
    EXPECT_GT(two.width, one.width);
    EXPECT_TRUE(frame.contains(two));
    EXPECT_EQ(legend_box(shaper, {}, frame, 1.0).width, 0.0);
}

TEST(Furniture, AttributionWrapsToTheWidth) {
    const TextShaper shaper;
    const auto lines = wrap_attribution(
        shaper,
        {"Basemap: Natural Earth (public domain) · Places: GeoNames (CC-BY 4.0) · more words"},
        150.0, 1.0);
    EXPECT_GT(lines.size(), 2U);
    TextStyle attribution;
    attribution.size = 8.0;
    for (const auto& l : lines) {
        EXPECT_LE(shaper.measure(l, attribution).width, 150.0);
    }
}

} // namespace
} // namespace sitmap::render
