// Directions of fire on the map: an arrow from each origin to the target (the rule of
// geo/io/fire_lines.hpp), coloured by the side whose claim it is, explained in the legend.

#include "render/map.hpp"

#include "geo/io/fire_lines.hpp"
#include "tests/render/map_fixture.hpp"
#include "tests/render/recording_canvas.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

namespace sitmap {
namespace {

using test::Recorded;

double distance(render::Point a, render::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

const render::EventRecord& event(const render::EventSet& set, const std::string& id) {
    for (const auto& e : set.events) {
        if (e.id == id) {
            return e;
        }
    }
    throw std::runtime_error("no event " + id);
}

struct Rendered {
    test::MapFixture fx{test::fire_events()};
    std::unique_ptr<render::MapRenderer> map = fx.make();
    test::RecordingCanvas canvas{1600, 1000};
    render::RenderReport report = map->render(canvas);

    std::vector<const render::DrawnArrow*> arrows_of(const std::string& id) const {
        std::vector<const render::DrawnArrow*> out;
        for (const auto& a : report.arrows) {
            if (a.event == id) {
                out.push_back(&a);
            }
        }
        return out;
    }
};

// The test: each arrow's line ends within 1 px of the projected origin and target. For
// an event at a point the target is that point; for one known only to a border sector, the
// sector's point nearest to the origin.
TEST(FireArrows, EndWithinOnePixelOfTheProjectedOriginAndTarget) {
    Rendered r;
    struct Expect {
        std::string id;
        geo::LonLat origin;
        geo::LonLat target;
    };
    const auto& sector = event(*r.fx.events, "mortar_fire-2023-05-24-eastern-sector");
    ASSERT_TRUE(std::holds_alternative<geo::LinesGeom>(sector.geometry))
        << "the sector's line comes from the gazetteer";
    const geo::LonLat height{45.98, 39.80};
    const std::vector<Expect> expected = {
        {"shelling-2023-05-12-sotk", {46.04446, 40.10984}, {45.86472, 40.20306}},
        {"small_arms_fire-2023-05-13-lachin", {46.3381, 39.5111}, {46.5461, 39.6383}},
        {"mortar_fire-2023-05-24-eastern-sector", height,
         geo::nearest_point(sector.geometry, height)}};
    ASSERT_EQ(r.report.arrows.size(), expected.size());
    for (const Expect& x : expected) {
        const auto arrows = r.arrows_of(x.id);
        ASSERT_EQ(arrows.size(), 1u) << x.id;
        const render::Point from = r.map->to_canvas(x.origin);
        const render::Point to = r.map->to_canvas(x.target);
        EXPECT_LE(distance(arrows[0]->from, from), 1.0) << x.id;
        EXPECT_LE(distance(arrows[0]->to, to), 1.0) << x.id;
        // The line drawn is that line: its first and last points.
        bool drawn = false;
        for (const Recorded& op : r.canvas.ops) {
            if (op.op == Recorded::Op::lines && op.layer == "fire-lines" && op.event == x.id) {
                ASSERT_EQ(op.paths.size(), 1u);
                EXPECT_LE(distance(op.paths[0].front(), from), 1.0) << x.id;
                EXPECT_LE(distance(op.paths[0].back(), to), 1.0) << x.id;
                drawn = true;
            }
        }
        EXPECT_TRUE(drawn) << x.id;
    }
    // The sector's arrow does not point at the label point of the sector, far to the north.
    const auto a = r.arrows_of("mortar_fire-2023-05-24-eastern-sector");
    EXPECT_GT(distance(a[0]->to, r.map->to_canvas(sector.location)), 50.0);
}

// An origin that is a whole country gives no arrow; nor the target itself, nor a place 300 m
// from it.
TEST(FireArrows, NoneFromACountryNorFromTheTargetItself) {
    Rendered r;
    EXPECT_TRUE(r.arrows_of("shelling-2023-05-15-jermuk").empty());
    EXPECT_TRUE(r.arrows_of("small_arms_fire-2023-05-16-vardenis").empty());
    for (const Recorded& op : r.canvas.ops) {
        if (op.layer == "fire-lines") {
            EXPECT_NE(op.event, "shelling-2023-05-15-jermuk");
            EXPECT_NE(op.event, "small_arms_fire-2023-05-16-vardenis");
        }
    }
    // The same rule as the GIS export's.
    const auto& jermuk = event(*r.fx.events, "shelling-2023-05-15-jermuk");
    EXPECT_TRUE(geo::fire_lines(jermuk.origins, jermuk.place_id, jermuk.geometry, jermuk.location,
                                jermuk.precision)
                    .empty());
}

// The head's tip stops at the edge of the target's mark (so that the mark is not covered), and
// the head points from the origin towards the target.
TEST(FireArrows, HeadStopsAtTheEdgeOfTheTargetMark) {
    Rendered r;
    const auto arrows = r.arrows_of("shelling-2023-05-12-sotk");
    ASSERT_EQ(arrows.size(), 1u);
    const Recorded* mark = r.canvas.marker("shelling-2023-05-12-sotk");
    ASSERT_NE(mark, nullptr);
    const double radius = mark->marker.size / 2 + mark->marker.stroke_width / 2;
    const double gap = distance(arrows[0]->tip, mark->at);
    EXPECT_GT(gap, radius) << "the tip is under the mark";
    EXPECT_LT(gap, radius + 4.0) << "the tip is far from the mark";
    // The tip lies on the line from the origin.
    const render::Point a = arrows[0]->from, b = arrows[0]->to, t = arrows[0]->tip;
    const double cross = (b.x - a.x) * (t.y - a.y) - (b.y - a.y) * (t.x - a.x);
    EXPECT_LT(std::abs(cross) / distance(a, b), 0.5);
    // The head is drawn after its line, in its colour, and the dot at the origin.
    bool line = false, head = false, dot = false;
    for (const Recorded& op : r.canvas.ops) {
        if (op.layer != "fire-lines") {
            continue;
        }
        if (op.op == Recorded::Op::lines && op.event == "shelling-2023-05-12-sotk") {
            line = true;
        } else if (line && !head && op.op == Recorded::Op::area) {
            head = distance(op.paths.at(0).front(), t) < 0.01;
        } else if (head && !dot && op.op == Recorded::Op::marker) {
            dot = distance(op.at, a) < 0.01;
        }
    }
    EXPECT_TRUE(line);
    EXPECT_TRUE(head);
    EXPECT_TRUE(dot);
}

// Colour by claimant: Armenia's claim in Armenia's claim colour (the split symbol's left half),
// Azerbaijan's in Azerbaijan's, an unattributed report in the neutral line colour. The legend
// lists exactly the three kinds of arrow drawn, each sample the map's symbol with its head.
TEST(FireArrows, ColouredByTheClaimantAndListedInTheLegend) {
    Rendered r;
    const render::Style& style = r.map->options().style;
    const std::map<std::string, render::Color> colour = {
        {"shelling-2023-05-12-sotk", style.layer("claim-armenia").circle_color},
        {"small_arms_fire-2023-05-13-lachin", style.layer("claim-azerbaijan").circle_color},
        {"mortar_fire-2023-05-24-eastern-sector", style.layer("fire-lines").line_color}};
    std::map<std::string, render::LineSymbol> drawn;
    for (const Recorded& op : r.canvas.ops) {
        if (op.op == Recorded::Op::lines && op.layer == "fire-lines") {
            drawn[op.event] = op.line;
        }
    }
    ASSERT_EQ(drawn.size(), 3u);
    for (const auto& [id, c] : colour) {
        EXPECT_EQ(drawn[id].color, c) << id;
        EXPECT_GT(drawn[id].arrow.head_length, 0.0) << id;
    }
    EXPECT_NE(drawn["shelling-2023-05-12-sotk"].color,
              drawn["small_arms_fire-2023-05-13-lachin"].color);
    std::set<std::string> keys;
    for (const auto& e : r.report.legend_entries) {
        if (e.key.starts_with("fire-")) {
            keys.insert(e.key);
            ASSERT_EQ(e.samples.size(), 1u);
            const auto* sample = std::get_if<render::LineSymbol>(&e.samples[0]);
            ASSERT_NE(sample, nullptr) << e.key;
            EXPECT_GT(sample->arrow.head_length, 0.0) << "drawn with its head: " << e.key;
            EXPECT_NE(e.label.find("Direction of fire"), std::string::npos);
        }
    }
    EXPECT_EQ(keys, (std::set<std::string>{"fire-armenia", "fire-azerbaijan", "fire-reported"}));
    for (const auto& e : r.report.legend_entries) {
        if (e.key == "fire-armenia") {
            EXPECT_EQ(std::get<render::LineSymbol>(e.samples[0]).color,
                      colour.at("shelling-2023-05-12-sotk"));
            EXPECT_EQ(e.label, "Direction of fire, as Armenia claims");
        }
    }
}

// The seed events name no origin: no arrow and no legend entry for one.
TEST(FireArrows, NoneAndNoLegendEntryWithoutOrigins) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    EXPECT_TRUE(report.arrows.empty());
    for (const auto& key : report.legend) {
        EXPECT_FALSE(key.starts_with("fire-")) << key;
    }
}

// An origin's name is labelled beside its dot (the origin is not otherwise on the map).
TEST(FireArrows, OriginsAreNamed) {
    Rendered r;
    std::set<std::string> texts;
    for (const auto& l : r.report.labels) {
        texts.insert(l.run.text);
    }
    EXPECT_TRUE(texts.contains("Kalbajar"));
    EXPECT_TRUE(texts.contains("Height 2012"));
    EXPECT_FALSE(texts.contains("Azerbaijan ")); // the country origin is not a labelled point
}

// Too short on the map to carry its head: not drawn (the 1 km rule keeps it in the GIS export).
TEST(FireArrows, TooShortOnTheMapIsNotDrawn) {
    test::MapFixture fx{test::fire_events()};
    render::MapOptions wide;
    wide.extent = "20,25,80,55"; // the whole region and beyond: Goris-Lachin is a few pixels
    auto map = fx.make(wide);
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    for (const auto& a : report.arrows) {
        EXPECT_GT(distance(a.from, a.to), 5.0) << a.event;
    }
    EXPECT_LT(report.arrows.size(), 3u);
}

// In SVG an arrow names its event (data-event) and, in a report's maps, links to its row as the
// event's mark does; it takes no id of its own (the mark keeps the event's id, once).
TEST(FireArrows, SvgArrowsLinkToTheirEventsRow) {
    test::MapFixture fx{test::fire_events()};
    auto map = fx.make();
    const auto path = std::filesystem::temp_directory_path() / "sitmap_test_fire_arrows.svg";
    render::DocumentInfo info;
    info.mark_links = "index.html#event-";
    render::render_map_file(*map, path, info);
    std::ifstream in(path);
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(path);
    const std::string link =
        "<a href=\"index.html#event-shelling-2023-05-12-sotk\" target=\"_top\"><path "
        "data-event=\"shelling-2023-05-12-sotk\"";
    EXPECT_NE(svg.find(link), std::string::npos);
    EXPECT_NE(svg.find("<title>Fire from Kalbajar towards Sotk (as Armenia claims), 12 May 2023"),
              std::string::npos);
    std::size_t ids = 0;
    for (auto at = svg.find("id=\"shelling-2023-05-12-sotk\""); at != std::string::npos;
         at = svg.find("id=\"shelling-2023-05-12-sotk\"", at + 1)) {
        ++ids;
    }
    EXPECT_EQ(ids, 1u);
}

// The same events give the same bytes, arrows and all, in the three formats.
TEST(FireArrows, SameInputGivesTheSameBytes) {
    test::MapFixture fx{test::fire_events()};
    auto map = fx.make();
    const auto dir = std::filesystem::temp_directory_path() / "sitmap_test_fire_bytes";
    std::filesystem::create_directories(dir);
    const auto slurp = [](const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    for (const std::string ext : {"png", "svg", "pdf"}) {
        const auto a = dir / ("a." + ext);
        const auto b = dir / ("b." + ext);
        const auto report = render::render_map_file(*map, a, {});
        render::render_map_file(*map, b, {});
        EXPECT_EQ(report.arrows.size(), 3u) << ext;
        EXPECT_EQ(slurp(a), slurp(b)) << ext;
    }
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace sitmap
