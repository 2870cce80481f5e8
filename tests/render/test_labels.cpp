// render/labels.hpp: candidates, priorities, no overlaps, dropped labels.

#include "render/labels.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sitmap::render {
namespace {

LabelInput point_label(const std::string& text, LabelClass cls, Point at, double r = 4.0) {
    LabelInput in;
    in.request.text = text;
    in.request.cls = cls;
    in.request.symbol_radius = r;
    in.request.key = text;
    in.anchor = at;
    return in;
}

TEST(Labels, PrefersTheRightOfThePointAndKeepsClearOfTheSymbol) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 400, 300};
    CollisionIndex obstacles(frame, 32);
    const auto r = place_labels({point_label("Goris", LabelClass::town, {100, 100})}, obstacles,
                                frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_GT(r.placed[0].run.origin.x, 104.0);
    EXPECT_NEAR(r.placed[0].run.origin.y + r.placed[0].run.height / 2, 100.0, 0.01);
    EXPECT_FALSE(r.placed[0].box.intersects({96, 96, 8, 8}));
}

TEST(Labels, HigherPriorityWinsAndTheLoserMovesOrIsDropped) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 400, 300};
    CollisionIndex obstacles(frame, 32);
    // Two labels on the same spot: the incident place is placed first, at its preferred spot.
    std::vector<LabelInput> in = {
        point_label("Vardenis", LabelClass::town, {100, 100}),
        point_label("Sotk · 11 May 2023", LabelClass::incident, {100, 100})};
    const auto r = place_labels(in, obstacles, frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 2U);
    EXPECT_EQ(r.placed[0].run.text, "Sotk · 11 May 2023");
    EXPECT_GT(r.placed[0].run.origin.x, 100.0);
    EXPECT_FALSE(r.placed[0].box.intersects(r.placed[1].box));
    // In a frame with room for one label only, the town is dropped and reported.
    const Rect tight{60, 85, 200, 30};
    CollisionIndex none(tight, 32);
    const auto t = place_labels(in, none, tight, style, 1.0, shaper);
    ASSERT_EQ(t.placed.size(), 1U);
    EXPECT_EQ(t.placed[0].run.text, "Sotk · 11 May 2023");
    EXPECT_EQ(t.dropped, (std::vector<std::string>{"Vardenis"}));
}

TEST(Labels, AvoidObstaclesAndOneLabelPerPlace) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 400, 300};
    CollisionIndex obstacles(frame, 32);
    obstacles.insert({104, 80, 200, 40}); // everything to the right of the point is taken
    auto a = point_label("Kapan", LabelClass::town, {100, 100});
    auto b = point_label("Kapan", LabelClass::town, {300, 250});
    const auto r = place_labels({a, b}, obstacles, frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_FALSE(obstacles.hits(r.placed[0].box));
    EXPECT_LT(r.placed[0].run.origin.x, 100.0); // moved to the left
}

TEST(Labels, AlongAStraightLineTheTextFollowsIt) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 400, 400};
    CollisionIndex obstacles(frame, 32);
    LabelInput river;
    river.request.text = "Aras";
    river.request.cls = LabelClass::water;
    river.request.placement = LabelPlacement::along_line;
    river.line = {{50, 50}, {350, 350}};
    const auto r = place_labels({river}, obstacles, frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_NEAR(r.placed[0].run.angle, 0.785398, 1e-3);
}

TEST(Labels, AnAreaTooSmallForItsLabelIsLabelledBesideIt) {
    // A few-kilometre area at a wide scale (12 px across) whose centre is taken by a town's mark:
    // the label stands beside the area instead of being dropped.
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 400, 300};
    CollisionIndex obstacles(frame, 32);
    obstacles.insert({196, 146, 8, 8});
    LabelInput area;
    area.request.text = "Shelling (artillery) · 13 Sep 2022";
    area.request.cls = LabelClass::incident;
    area.request.key = "area";
    area.request.placement = LabelPlacement::inside_area;
    area.anchor = {200, 150};
    area.line = {{194, 144}, {206, 144}, {206, 156}, {194, 156}, {194, 144}};
    const auto r = place_labels({area}, obstacles, frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_FALSE(obstacles.hits(r.placed[0].box));
    EXPECT_LT(std::abs(r.placed[0].box.y + r.placed[0].box.height / 2 - 150.0),
              40.0); // near the area
}

TEST(Labels, CollisionIndex) {
    CollisionIndex idx({0, 0, 100, 100}, 10);
    idx.insert({10, 10, 5, 5});
    EXPECT_TRUE(idx.hits({12, 12, 1, 1}));
    EXPECT_FALSE(idx.hits({15, 15, 5, 5}));
    EXPECT_FALSE(idx.hits({50, 50, 5, 5}));
    idx.insert({-50, -50, 300, 300}); // larger than the area: clamped to its cells
    EXPECT_TRUE(idx.hits({90, 90, 1, 1}));
}

} // namespace
} // namespace sitmap::render
