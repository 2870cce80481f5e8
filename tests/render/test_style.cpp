// render/style.hpp: built-in style and MapLibre-vocabulary overrides with precise errors.

#include "render/style.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

std::string error_of(const std::string& json) {
    try {
        Style::from_json(json, "style.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        return e.what();
    }
    return "";
}

TEST(Style, BuiltinHasEveryLayerTheRendererUses) {
    const Style s = Style::builtin();
    for (const char* id : {"background",
                           "countries",
                           "countries-focus",
                           "admin1",
                           "nagorno-karabakh",
                           "lakes",
                           "rivers",
                           "borders",
                           "borders-am-az",
                           "borders-am-az-casing",
                           "corridor",
                           "settlements",
                           "capitals",
                           "uncertainty",
                           "uncertainty-line",
                           "checkpoints",
                           "context",
                           "incidents",
                           "disputed",
                           "labels-country",
                           "labels-area",
                           "labels-water",
                           "labels-town",
                           "labels-capital",
                           "labels-checkpoint",
                           "labels-context",
                           "labels-incident"}) {
        EXPECT_NO_THROW(s.layer(id)) << id;
    }
    EXPECT_THROW(s.layer("nope"), Error);
}

TEST(Style, OverridesPaintAndLayoutProperties) {
    const Style s = Style::from_json(R"({"version":8,"name":"print","layers":[
        {"id":"incidents","type":"circle","paint":{"circle-color":"#0000ff","circle-radius":9}},
        {"id":"corridor","paint":{"line-dasharray":[1,1],"line-width":3}},
        {"id":"labels-town","layout":{"text-size":14,"text-font":["Noto Sans Bold"]}},
        {"id":"admin1","layout":{"visibility":"none"}}]})",
                                     "inline");
    EXPECT_EQ(s.layer("incidents").circle_color, (Color{0, 0, 1, 1}));
    EXPECT_EQ(s.layer("incidents").circle_radius, 9.0);
    const MarkerSymbol m = s.layer("incidents").marker_symbol(MarkerShape::circle, 2.0);
    EXPECT_EQ(m.size, 36.0);
    const LineSymbol l = s.layer("corridor").line_symbol(1.0);
    EXPECT_EQ(l.width, 3.0);
    EXPECT_EQ(l.dash, (std::vector<double>{3.0, 3.0}));
    const TextStyle t = s.layer("labels-town").text_style(1.0);
    EXPECT_EQ(t.size, 14.0);
    EXPECT_EQ(t.weight, FontWeight::bold);
    EXPECT_FALSE(s.layer("admin1").visible);
    // Untouched layers keep the defaults.
    EXPECT_EQ(s.layer("rivers").line_width, Style::builtin().layer("rivers").line_width);
}

TEST(Style, ErrorsNameTheFileLayerAndProperty) {
    EXPECT_EQ(error_of(R"({"layers":[{"id":"incidents","paint":{"circle-colour":"red"}}]})"),
              "style.json: layer 'incidents': unknown property 'circle-colour'");
    EXPECT_EQ(
        error_of(R"({"layers":[{"id":"incidents","paint":{"circle-radius":"big"}}]})"),
        "style.json: layer 'incidents': property 'circle-radius' has the wrong type: expected "
        "a number, got \"big\"");
    EXPECT_EQ(error_of(R"({"layers":[{"id":"incidents","paint":{"circle-color":"reddish"}}]})"),
              "style.json: layer 'incidents': property 'circle-color' has the wrong type: invalid "
              "colour 'reddish', got \"reddish\"");
    EXPECT_EQ(error_of(R"({"layers":[{"id":"rivers","paint":{"fill-color":"#fff"}}]})"),
              "style.json: layer 'rivers': property 'fill-color' does not apply to a line layer");
    EXPECT_EQ(error_of(R"({"layers":[{"id":"labels-town","paint":{"text-size":3}}]})"),
              "style.json: layer 'labels-town': property 'text-size' belongs in \"layout\"");
    EXPECT_EQ(error_of(R"({"layers":[{"id":"rivers","type":"fill"}]})"),
              "style.json: layer 'rivers': property 'type' must be \"line\"");
    EXPECT_NE(error_of(R"({"layers":[{"id":"roads"}]})")
                  .find("unknown layer id 'roads' (known: background, "),
              std::string::npos);
    EXPECT_EQ(
        error_of(R"({"sources":{}})"),
        "style.json: unknown top-level property 'sources' (supported: version, name, metadata, "
        "layers)");
    EXPECT_NE(error_of("{not json").find("style.json: not valid JSON"), std::string::npos);
    EXPECT_THROW(Style::load("/nonexistent/style.json"), Error);
}

} // namespace
} // namespace sitmap::render
