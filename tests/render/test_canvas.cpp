// render/canvas.hpp: rectangle geometry used by labels and furniture.

#include "render/canvas.hpp"

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

TEST(Canvas, RectIntersectionIsStrict) {
    const Rect a{0, 0, 10, 10};
    EXPECT_TRUE(a.intersects({5, 5, 10, 10}));
    EXPECT_FALSE(a.intersects({10, 0, 5, 5})); // touching edges do not overlap
    EXPECT_TRUE(a.contains(Rect{1, 1, 2, 2}));
    EXPECT_FALSE(a.contains(Rect{9, 9, 2, 2}));
    EXPECT_EQ(a.inflated(1), (Rect{-1, -1, 12, 12}));
    EXPECT_TRUE(a.contains(Point{10, 10}));
}

} // namespace
} // namespace sitmap::render
