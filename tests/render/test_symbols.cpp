// render/symbols.hpp: colours.

#include "render/symbols.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

TEST(Symbols, ParsesCssColours) {
    EXPECT_EQ(parse_color("#ff0000"), (Color{1, 0, 0, 1}));
    EXPECT_EQ(parse_color("#f00"), (Color{1, 0, 0, 1}));
    EXPECT_EQ(parse_color("#00ff0080").a, 128.0 / 255.0);
    EXPECT_EQ(parse_color("rgb(0,0,255)"), (Color{0, 0, 1, 1}));
    EXPECT_EQ(parse_color("rgba(0,0,255,0.5)"), (Color{0, 0, 1, 0.5}));
    EXPECT_FALSE(parse_color("transparent").visible());
    EXPECT_THROW(parse_color("#ff00"), Error);
    EXPECT_THROW(parse_color("#gg0000"), Error);
    EXPECT_THROW(parse_color("rgb(300,0,0)"), Error);
    EXPECT_THROW(parse_color("red"), Error);
}

TEST(Symbols, HexRoundTrips) {
    EXPECT_EQ(parse_color("#d7301f").hex(), "#d7301f");
    EXPECT_EQ((Color{1, 1, 1, 0.5}).hex(), "#ffffff80");
}

TEST(Symbols, MarkersCompareByValueForCaching) {
    MarkerSymbol a;
    MarkerSymbol b;
    EXPECT_EQ(a, b);
    b.size = 9;
    EXPECT_NE(a, b);
    EXPECT_TRUE(a < b || b < a);
}

} // namespace
} // namespace sitmap::render
