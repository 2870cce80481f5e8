#pragma once
// Map style: the built-in default is the data file data/styles/default.json, overridable by a JSON
// file in the same vocabulary, that of the MapLibre style specification (layers of type
// background/fill/line/circle/symbol with their paint and layout property names). Supported
// properties are documented in render/STYLE.md.

#include "geo/core/event.hpp"
#include "render/symbols.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::render {

enum class StyleType { background, fill, line, circle, symbol };
std::string_view to_string(StyleType type);

// One style layer: every property a layer of any type may have; `type` says which apply.
struct StyleLayer {
    std::string id;
    StyleType type = StyleType::fill;
    bool visible = true; // layout.visibility

    Color background_color;

    Color fill_color;
    double fill_opacity = 1.0;
    Color fill_outline_color{0, 0, 0, 0};
    std::string fill_pattern; // "" or "hatch"

    Color line_color;
    double line_width = 1.0;
    double line_opacity = 1.0;
    std::vector<double> line_dasharray; // in line widths, as in MapLibre

    double circle_radius = 4.0;
    Color circle_color;
    double circle_opacity = 1.0;
    Color circle_stroke_color{0, 0, 0, 0};
    double circle_stroke_width = 0.0;
    double circle_stroke_opacity = 1.0;
    // sitmap:marker-shape: one shape, or one per event kind (a "match" on the kind).
    MarkerShape marker_shape = MarkerShape::circle;
    std::vector<std::pair<geo::EventKind, MarkerShape>> marker_shape_by_kind;

    std::vector<std::string> text_font{"Noto Sans Regular"};
    double text_size = 11.0;
    Color text_color{0.1, 0.1, 0.1, 1.0};
    double text_opacity = 1.0;
    Color text_halo_color{1, 1, 1, 0.9};
    double text_halo_width = 1.5;
    double text_letter_spacing = 0.0; // in ems, as in MapLibre

    // The shape of an event of this kind (marker_shape_by_kind, else marker_shape).
    MarkerShape shape_for(geo::EventKind kind) const;

    // Typed symbols derived from the properties, scaled by `unit` (canvas units per style px).
    LineSymbol line_symbol(double unit) const;
    FillSymbol fill_symbol(double unit) const;
    // A marker of the given shape whose radius is circle-radius * unit unless radius > 0.
    MarkerSymbol marker_symbol(MarkerShape shape, double unit, double radius = 0.0) const;
    TextStyle text_style(double unit) const;
};

class Style {
public:
    // The built-in default style: data/styles/default.json in the data directory
    // (geo::data_dir()), read once. Throws sitmap::Error (bad_input) when it is missing or wrong.
    static Style builtin();
    static std::filesystem::path builtin_path();
    // The built-in style with the layers of a MapLibre-vocabulary JSON file applied on top.
    // Throws sitmap::Error (bad_input) naming the file, the layer and the property that is
    // unknown or has the wrong type.
    static Style load(const std::filesystem::path& path);
    // Same, from JSON text; `origin` names it in errors.
    static Style from_json(std::string_view json_text, const std::string& origin);

    // The layer with this id; throws sitmap::Error (internal) if the built-in style lacks it.
    const StyleLayer& layer(std::string_view id) const;
    // False when a style layer with this id has layout.visibility "none".
    bool visible(std::string_view id) const;
    const std::vector<StyleLayer>& layers() const { return m_layers; }

private:
    // base: the style the document's layers change; none: the document defines every layer.
    static Style parse(std::string_view json_text, const std::string& origin, const Style* base);

    std::vector<StyleLayer> m_layers;
};

// The style layer of the event marks of a map layer: "incidents", "checkpoints", "context".
std::string_view style_layer_for(geo::EventLayer layer);

} // namespace sitmap::render
