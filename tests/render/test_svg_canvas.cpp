// render/svg_canvas.hpp: real <text>, symbols defined once, escaping, atomic writes.

#include "render/svg_canvas.hpp"

#include "geo/core/error.hpp"
#include "render/text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sitmap::render {
namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t pos = s.find(needle); pos != std::string::npos;
         pos = s.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

TEST(SvgCanvas, WritesTextMarkersOnceAndEscapes) {
    const auto path = std::filesystem::temp_directory_path() / "sitmap_svg_canvas.svg";
    std::filesystem::remove(path);
    DocumentInfo info;
    info.title = "Map <&>";
    auto canvas = make_svg_canvas(path, 200, 100, info);
    EXPECT_TRUE(canvas->keeps_annotations());
    MarkerSymbol m;
    m.fill = {1, 0, 0, 1};
    canvas->begin_layer("incidents");
    canvas->draw_marker({10, 20}, m, {"ev-1", "Sotk & \"Zod\" <1>", {}});
    canvas->draw_marker({30, 40}, m, {"ev-2", "", {}});
    MarkerSymbol other = m;
    other.shape = MarkerShape::barrier;
    canvas->draw_marker({50, 60}, other, {});
    canvas->end_layer();
    const TextShaper shaper;
    canvas->draw_text(shaper.run("Երևան & Ереван", TextStyle{}, {5, 5}));
    const Ring line = {{0, 0}, {10.123, 10}};
    canvas->draw_lines(std::span<const Ring>(&line, 1), LineSymbol{},
                       MarkInfo{"sector-1", "Eastern sector & co", {}});
    EXPECT_FALSE(std::filesystem::exists(path)) << "nothing before finish()";
    canvas->finish();
    const std::string s = slurp(path);
    EXPECT_EQ(s.rfind("<?xml", 0), 0U);
    EXPECT_NE(s.find("<title>Map &lt;&amp;&gt;</title>"), std::string::npos);
    EXPECT_NE(s.find("<g id=\"layer-incidents\">"), std::string::npos);
    EXPECT_EQ(count(s, "<g id=\"m0\">"), 1U);
    EXPECT_EQ(count(s, "<g id=\"m1\">"), 1U);
    EXPECT_EQ(count(s, "href=\"#m0\""), 2U);
    EXPECT_NE(s.find("<use id=\"ev-1\" href=\"#m0\" x=\"10\" y=\"20\"><title>Sotk &amp; "
                     "&quot;Zod&quot; &lt;1&gt;</title></use>"),
              std::string::npos);
    EXPECT_NE(s.find("<use id=\"ev-2\" href=\"#m0\" x=\"30\" y=\"40\"/>"), std::string::npos);
    EXPECT_NE(s.find(">Երևան &amp; Ереван</text>"), std::string::npos);
    EXPECT_NE(s.find("<path id=\"sector-1\" d=\"M0 0L10.12 10\""), std::string::npos);
    EXPECT_NE(s.find("><title>Eastern sector &amp; co</title></path>"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

TEST(SvgCanvas, NoFileWithoutFinishAndErrorsForBadPaths) {
    const auto path = std::filesystem::temp_directory_path() / "sitmap_svg_unfinished.svg";
    std::filesystem::remove(path);
    {
        auto canvas = make_svg_canvas(path, 100, 100, {});
        canvas->fill_rect({0, 0, 10, 10}, {1, 1, 1, 1});
    }
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    try {
        make_svg_canvas("/nonexistent-dir/x.svg", 100, 100, {});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
    }
    EXPECT_THROW(make_svg_canvas(path, 0, 100, {}), Error);
}

TEST(SvgCanvas, XmlEscape) {
    EXPECT_EQ(xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
    EXPECT_EQ(xml_escape(std::string("x\x01y")), "x y");
    EXPECT_EQ(xml_escape("Şuşa"), "Şuşa");
}

// DocumentInfo::mark_links: each event mark becomes a link to its row; marks without an id do
// not. A split symbol is two clipped fills and one outline.
TEST(SvgCanvas, EventMarksLinkToTheirRowsAndSplitSymbolsHaveTwoHalves) {
    const auto path = std::filesystem::temp_directory_path() / "sitmap_svg_links.svg";
    DocumentInfo info;
    info.mark_links = "index.html#event-";
    auto canvas = make_svg_canvas(path, 200, 100, info);
    MarkerSymbol m;
    m.fill = {1, 0, 0, 1};
    m.fill_right = {0, 0, 1, 1};
    canvas->draw_marker({10, 20}, m, {"evt-1&2", "Sotk", {}});
    canvas->draw_marker({30, 40}, MarkerSymbol{}, {});
    const Ring line = {{0, 0}, {10, 10}};
    canvas->draw_lines(std::span<const Ring>(&line, 1), LineSymbol{}, {"evt-3", "sector", {}});
    canvas->finish();
    const std::string svg = slurp(path);
    EXPECT_NE(
        svg.find(
            "<a href=\"index.html#event-evt-1&amp;2\" target=\"_top\"><use id=\"evt-1&amp;2\""),
        std::string::npos)
        << svg;
    EXPECT_NE(svg.find("<a href=\"index.html#event-evt-3\""), std::string::npos);
    EXPECT_EQ(count(svg, "<a href="), 2U);
    EXPECT_EQ(count(svg, "</a>"), 2U);
    EXPECT_EQ(count(svg, "<clipPath id=\"m0l\">"), 1U);
    EXPECT_NE(svg.find("fill=\"#ff0000\" clip-path=\"url(#m0l)\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#0000ff\" clip-path=\"url(#m0r)\""), std::string::npos);
    // Without mark_links, no links.
    auto plain = make_svg_canvas(path, 200, 100, {});
    plain->draw_marker({10, 20}, m, {"evt-1", "Sotk", {}});
    plain->finish();
    EXPECT_EQ(slurp(path).find("<a "), std::string::npos);
}

} // namespace
} // namespace sitmap::render
