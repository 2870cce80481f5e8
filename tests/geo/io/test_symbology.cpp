// geo/io/symbology.hpp: the casualty scale the maps and the QGIS styles share, and the table of
// per-kind markers.

#include "geo/io/symbology.hpp"

#include <cmath>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Symbology, CasualtyScaleGrowsWithTheSquareRootBetweenOneAndSix) {
    EXPECT_DOUBLE_EQ(casualty_scale(0), 1.0);
    EXPECT_DOUBLE_EQ(casualty_scale(1), 1.0); // 0.8 is less than 1
    EXPECT_DOUBLE_EQ(casualty_scale(4), 1.6);
    EXPECT_DOUBLE_EQ(casualty_scale(25), 4.0);
    EXPECT_DOUBLE_EQ(casualty_scale(56), 0.8 * std::sqrt(56.0)); // 5.99
    EXPECT_DOUBLE_EQ(casualty_scale(57), 6.0);                   // 6.04, capped
    EXPECT_DOUBLE_EQ(casualty_scale(1000), casualty_scale_max);
}

TEST(Symbology, KindsAreIndexedByTheEnum) {
    Symbology s;
    s.kinds[static_cast<std::size_t>(EventKind::drone_strike)].shape = "star";
    EXPECT_EQ(s.kind(EventKind::drone_strike).shape, "star");
    EXPECT_EQ(s.kind(EventKind::shelling).shape, "circle"); // neutral default
    EXPECT_EQ(s.kinds.size(), event_kind_count);
}
