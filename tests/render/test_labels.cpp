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

// A disputed incident with the border just right of its mark (a vertical line at x + 15) and
// two bands of obstacles above and below it that leave only a corridor at the mark's height, from
// `band_left` to the border: no position beside the mark holds the name and the two claim lines.
struct HemmedIn {
    Rect frame;
    Rect above, below;
    double border_x;
    CollisionIndex obstacles;
    LabelInput sotk;

    explicit HemmedIn(double band_left = 200.0, double x = 400.0)
        : frame{0, 0, x + 200, 300}, above{band_left, 95, x + 20 - band_left, 40},
          below{band_left, 165, x + 20 - band_left, 40}, border_x(x + 15), obstacles(frame, 32),
          sotk(point_label("Sotk · 11 May 2023", LabelClass::incident, {x, 150})) {
        obstacles.insert(above);
        obstacles.insert(below);
        obstacles.insert({x - 4, 146, 8, 8}); // the mark itself
        obstacles.insert_segment({border_x, 0}, {border_x, 300});
        sotk.request.detail = "Armenia: 1 killed\nAzerbaijan: blames Armenia";
    }
};

TEST(Labels, ADisputedIncidentKeepsItsClaimsFartherOffWithALeaderLine) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    HemmedIn map;
    // A town in the corridor, placed after it: its preferred place (right of its mark) is on
    // the leader.
    const auto town = point_label("Vardenis", LabelClass::town, {250, 150});
    const auto r = place_labels({map.sotk, town}, map.obstacles, map.frame, style, 1.0, shaper);
    ASSERT_GE(r.placed.size(), 1U);
    const PlacedLabel& l = r.placed[0];
    EXPECT_EQ(l.run.text, "Sotk · 11 May 2023");
    ASSERT_EQ(l.details.size(), 2U);
    EXPECT_EQ(l.details[0].text, "Armenia: 1 killed");
    EXPECT_EQ(l.details[1].text, "Azerbaijan: blames Armenia");
    EXPECT_TRUE(r.details_dropped.empty());
    // Beyond the bands, on the mark's side of the border, clear of every obstacle.
    EXPECT_LE(l.box.right(), 200.0 + 0.01);
    EXPECT_FALSE(map.obstacles.hits(l.box));
    // Its leader runs from just off the mark to the label through the corridor, crossing
    // nothing.
    ASSERT_EQ(l.leader.size(), 2U);
    EXPECT_LT(std::hypot(l.leader[0].x - 400, l.leader[0].y - 150), 10.0);
    EXPECT_NEAR(l.leader[1].x, l.box.right(), 0.01);
    EXPECT_FALSE(map.obstacles.crosses(l.leader[0], l.leader[1]));
    for (const Rect& band : {map.above, map.below}) {
        EXPECT_GT(l.leader[1].y, band.y + (band.y < 150 ? band.height : -100.0));
        EXPECT_LT(l.leader[1].y, band.y < 150 ? 1000.0 : band.y);
    }
    // The town's label neither covers the claims nor lies across the leader: it gives way.
    CollisionIndex leader(map.frame, 32);
    leader.insert_segment(l.leader[0], l.leader[1], false);
    for (std::size_t i = 1; i < r.placed.size(); ++i) {
        EXPECT_FALSE(r.placed[i].box.intersects(l.box));
        EXPECT_FALSE(leader.hits(r.placed[i].box)) << r.placed[i].run.text;
    }
    EXPECT_EQ(r.placed.size() + r.dropped.size(), 2U);
}

TEST(Labels, UndisputedLabelsGetNoLeader) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    HemmedIn map;
    map.sotk.request.detail.clear();
    const auto r = place_labels({map.sotk}, map.obstacles, map.frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_TRUE(r.placed[0].leader.empty());
    EXPECT_TRUE(r.placed[0].details.empty());
    EXPECT_LT(r.placed[0].box.right(), 400.0); // in the corridor, left of the mark
}

TEST(Labels, AnEventLabelWithNoRoomBesideItsMarkGoesFartherOffOnALeader) {
    // An undisputed event's mark boxed in on four sides (a hand-over in a pocket of the border):
    // no position beside it is free, but the diagonals between the boxes are.
    const Style style = Style::builtin();
    const TextShaper shaper;
    const Rect frame{0, 0, 600, 300};
    CollisionIndex obstacles(frame, 32);
    obstacles.insert({296, 146, 8, 8});    // the mark
    obstacles.insert({180, 140, 100, 20}); // left
    obstacles.insert({320, 140, 100, 20}); // right
    obstacles.insert({285, 60, 30, 75});   // above
    obstacles.insert({285, 165, 30, 75});  // below
    const auto event =
        point_label("Hand-over of territory · 24 May 2024", LabelClass::checkpoint, {300, 150});
    const auto r = place_labels({event}, obstacles, frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    const PlacedLabel& l = r.placed[0];
    EXPECT_FALSE(obstacles.hits(l.box));
    ASSERT_EQ(l.leader.size(), 2U);
    EXPECT_LT(std::hypot(l.leader[0].x - 300, l.leader[0].y - 150), 10.0);
    EXPECT_FALSE(obstacles.crosses(l.leader[0], l.leader[1]));
    // A town label in the same pocket is only dropped: it has no leader.
    auto town = point_label("Upper Village", LabelClass::town, {300, 150});
    town.request.key = "town";
    EXPECT_EQ(place_labels({town}, obstacles, frame, style, 1.0, shaper).placed.size(), 0U);
}

TEST(Labels, WithNoRoomAnywhereTheLabelSaysItsClaimsAreNotShown) {
    const Style style = Style::builtin();
    const TextShaper shaper;
    // The bands reach the frame's left edge: no way out of the corridor for three lines; one
    // line fits in it, and there is room for a long one.
    HemmedIn map(0.0);
    const auto r = place_labels({map.sotk}, map.obstacles, map.frame, style, 1.0, shaper);
    ASSERT_EQ(r.placed.size(), 1U);
    EXPECT_EQ(r.placed[0].run.text, "Sotk · 11 May 2023 · disputed · claims not shown");
    EXPECT_TRUE(r.placed[0].details.empty());
    EXPECT_TRUE(r.placed[0].leader.empty());
    EXPECT_EQ(r.details_dropped, (std::vector<std::string>{"Sotk · 11 May 2023"}));
    EXPECT_FALSE(map.obstacles.hits(r.placed[0].box));
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

TEST(Labels, CollisionIndexSegmentQueries) {
    CollisionIndex idx({0, 0, 100, 100}, 10);
    idx.insert({40, 40, 10, 10});
    idx.insert_segment({70, 0}, {70, 100}, false);           // a road: not dividing
    EXPECT_TRUE(idx.hits_segment({0, 45}, {60, 45}));        // through the box
    EXPECT_TRUE(idx.hits_segment({45, 45}, {46, 46}));       // inside it
    EXPECT_FALSE(idx.hits_segment({0, 20}, {60, 20}));       // past it
    EXPECT_TRUE(idx.hits_segment({60, 20}, {80, 20}));       // across the road
    EXPECT_FALSE(idx.crosses(Point{60, 20}, Point{80, 20})); // which does not divide
}

} // namespace
} // namespace sitmap::render
