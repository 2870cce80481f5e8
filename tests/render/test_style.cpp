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

TEST(Style, BuiltinIsTheDataFile) {
    EXPECT_EQ(Style::builtin_path().filename(), "default.json");
    EXPECT_EQ(Style::builtin_path().parent_path().filename(), "styles");
    const Style s = Style::builtin();
    // Layers in drawing order, as the file lists them.
    ASSERT_FALSE(s.layers().empty());
    EXPECT_EQ(s.layers().front().id, "background");
    EXPECT_EQ(s.layers().back().id, "labels-incident");
    EXPECT_EQ(s.layer("incidents").circle_color, parse_color("#d7301f"));
    EXPECT_EQ(s.layer("incidents").circle_opacity, 0.85);
    EXPECT_EQ(s.layer("nagorno-karabakh").fill_color, parse_color("rgba(176,122,60,0.55)"));
    EXPECT_EQ(s.layer("labels-capital").text_style(1.0).weight, FontWeight::bold);
}

TEST(Style, MarkerShapesComeFromTheStyleByKind) {
    const Style s = Style::builtin();
    const StyleLayer& incidents = s.layer("incidents");
    EXPECT_EQ(incidents.shape_for(geo::EventKind::shelling), MarkerShape::circle);
    EXPECT_EQ(incidents.shape_for(geo::EventKind::mortar_fire), MarkerShape::triangle);
    EXPECT_EQ(incidents.shape_for(geo::EventKind::drone_strike), MarkerShape::star);
    EXPECT_EQ(incidents.shape_for(geo::EventKind::casualties), MarkerShape::cross);
    EXPECT_EQ(s.layer("checkpoints").shape_for(geo::EventKind::checkpoint_closed),
              MarkerShape::barrier);
    EXPECT_EQ(s.layer("context").shape_for(geo::EventKind::statement), MarkerShape::diamond);
    EXPECT_EQ(s.layer("capitals").marker_shape, MarkerShape::square);
    EXPECT_EQ(s.layer("settlements").marker_shape, MarkerShape::circle);

    const Style one = Style::from_json(
        R"({"layers":[{"id":"incidents","paint":{"sitmap:marker-shape":"star"}}]})", "inline");
    EXPECT_EQ(one.layer("incidents").shape_for(geo::EventKind::mortar_fire), MarkerShape::star);
    const Style some = Style::from_json(R"({"layers":[{"id":"context","paint":{
        "sitmap:marker-shape":["match",["get","kind"],"talks","hexagon","square"]}}]})",
                                        "inline");
    EXPECT_EQ(some.layer("context").shape_for(geo::EventKind::talks), MarkerShape::hexagon);
    EXPECT_EQ(some.layer("context").shape_for(geo::EventKind::statement), MarkerShape::square);
}

TEST(Style, MarkerShapeErrorsSayWhatIsExpected) {
    const std::string bad_shape =
        error_of(R"({"layers":[{"id":"incidents","paint":{"sitmap:marker-shape":"blob"}}]})");
    EXPECT_NE(bad_shape.find("style.json: layer 'incidents': property 'sitmap:marker-shape' has "
                             "the wrong type: expected a shape (circle, square"),
              std::string::npos)
        << bad_shape;
    const std::string bad_kind = error_of(R"({"layers":[{"id":"incidents","paint":{
        "sitmap:marker-shape":["match",["get","kind"],"earthquake","star","circle"]}}]})");
    EXPECT_NE(bad_kind.find("unknown event kind 'earthquake'"), std::string::npos) << bad_kind;
    EXPECT_NE(error_of(R"({"layers":[{"id":"incidents","paint":{
        "sitmap:marker-shape":["match",["get","place"],"x","star","circle"]}}]})")
                  .find("expected a shape"),
              std::string::npos);
    EXPECT_EQ(error_of(R"({"layers":[{"id":"rivers","paint":{"sitmap:marker-shape":"star"}}]})"),
              "style.json: layer 'rivers': property 'sitmap:marker-shape' does not apply to a "
              "line layer");
}

TEST(Style, MarkerShapeNamesRoundTrip) {
    for (const MarkerShape m : {MarkerShape::circle, MarkerShape::square, MarkerShape::triangle,
                                MarkerShape::diamond, MarkerShape::star, MarkerShape::cross,
                                MarkerShape::hexagon, MarkerShape::barrier, MarkerShape::ring}) {
        EXPECT_EQ(marker_shape_from_string(to_string(m)), m);
    }
    EXPECT_THROW(marker_shape_from_string("blob"), Error);
}

TEST(Style, StyleLayersOfTheEventLayers) {
    EXPECT_EQ(style_layer_for(geo::EventLayer::incident), "incidents");
    EXPECT_EQ(style_layer_for(geo::EventLayer::checkpoint), "checkpoints");
    EXPECT_EQ(style_layer_for(geo::EventLayer::context), "context");
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
    // The parser's own tag is not shown to a user.
    EXPECT_EQ(error_of("{not json").find("[json.exception"), std::string::npos);
    EXPECT_THROW(Style::load("/nonexistent/style.json"), Error);
}

} // namespace
} // namespace sitmap::render
