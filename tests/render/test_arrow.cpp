// render/arrow.hpp: where an arrow's head goes along a line, its outline, and the tail dot.

#include "render/arrow.hpp"

#include <span>
#include <vector>

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

ArrowEnds ends(double head_length, double head_width, double gap) {
    ArrowEnds a;
    a.head_length = head_length;
    a.head_width = head_width;
    a.gap = gap;
    return a;
}

void expect_point(Point p, double x, double y) {
    EXPECT_NEAR(p.x, x, 1e-9);
    EXPECT_NEAR(p.y, y, 1e-9);
}

TEST(Arrow, TipStopsGapShortOfTheEnd) {
    const std::vector<Point> line{{0, 0}, {100, 0}};
    ArrowTip t;
    ASSERT_TRUE(arrow_tip(line, ends(8, 6, 10), t));
    expect_point(t.tip, 90, 0);
    expect_point(t.dir, 1, 0);
}

TEST(Arrow, GapWalksBackOverVertices) {
    // Right 50, then down 50 (canvas y grows downwards).
    const std::vector<Point> line{{0, 0}, {50, 0}, {50, 50}};
    ArrowTip t;
    ASSERT_TRUE(arrow_tip(line, ends(8, 6, 20), t));
    expect_point(t.tip, 50, 30);
    expect_point(t.dir, 0, 1);
    // A gap longer than the last segment lands on the one before, pointing along it.
    ASSERT_TRUE(arrow_tip(line, ends(8, 6, 60), t));
    expect_point(t.tip, 40, 0);
    expect_point(t.dir, 1, 0);
}

TEST(Arrow, RepeatedEndPointIsSkipped) {
    const std::vector<Point> line{{0, 0}, {0, -40}, {0, -40}};
    ArrowTip t;
    ASSERT_TRUE(arrow_tip(line, ends(8, 6, 0), t));
    expect_point(t.tip, 0, -40);
    expect_point(t.dir, 0, -1);
}

TEST(Arrow, TooShortOrEmptyLinesHaveNoTip) {
    ArrowTip t;
    // Needs gap + 1.5 heads: 10 + 12 = 22.
    EXPECT_FALSE(arrow_tip(std::vector<Point>{{0, 0}, {21, 0}}, ends(8, 6, 10), t));
    EXPECT_TRUE(arrow_tip(std::vector<Point>{{0, 0}, {22, 0}}, ends(8, 6, 10), t));
    // One point (a span of the first: GCC 12 warns of a one-element vector read past its end
    // on a path that the size check closes).
    const std::vector<Point> two{{5, 5}, {50, 5}};
    EXPECT_FALSE(arrow_tip(std::span<const Point>(two.data(), 1), ends(8, 6, 0), t));
    EXPECT_FALSE(arrow_tip(std::vector<Point>{{5, 5}, {5, 5}}, ends(8, 6, 0), t));
    // No head: not an arrow.
    EXPECT_FALSE(arrow_tip(std::vector<Point>{{0, 0}, {100, 0}}, ends(0, 6, 10), t));
}

TEST(Arrow, HeadIsAClosedNotchedRing) {
    const ArrowTip t{{10, 0}, {1, 0}};
    const Ring head = arrow_head(t, ends(8, 6, 0));
    ASSERT_EQ(head.size(), 5u);
    expect_point(head[0], 10, 0);           // tip
    expect_point(head[1], 2, 3);            // one barb, half the width beside the base
    expect_point(head[2], 2 + 8 * 0.22, 0); // the notch, a little up the shaft from the base
    expect_point(head[3], 2, -3);           // the other barb
    EXPECT_EQ(head.front(), head.back());
}

TEST(Arrow, TailDotTakesTheLinesColour) {
    LineSymbol s;
    s.color = Color{0.8, 0.1, 0.1, 1};
    s.width = 2.5;
    s.arrow.tail_dot = 7;
    s.arrow.tail_stroke = Color{1, 1, 1, 1};
    const MarkerSymbol m = arrow_tail(s);
    EXPECT_EQ(m.shape, MarkerShape::circle);
    EXPECT_EQ(m.size, 7);
    EXPECT_EQ(m.fill, s.color);
    EXPECT_EQ(m.stroke, (Color{1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(m.stroke_width, 1.5);
}

} // namespace
} // namespace sitmap::render
