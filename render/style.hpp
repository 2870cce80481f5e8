#pragma once
// Map style: a built-in default, overridable by a JSON file that uses the vocabulary of the
// MapLibre style specification (layers of type background/fill/line/circle/symbol with their
// paint and layout property names). Supported properties are documented in render/STYLE.md.

#include "render/symbols.hpp"

#include <filesystem>
#include <string>
#include <string_view>
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

    std::vector<std::string> text_font{"Noto Sans Regular"};
    double text_size = 11.0;
    Color text_color{0.1, 0.1, 0.1, 1.0};
    double text_opacity = 1.0;
    Color text_halo_color{1, 1, 1, 0.9};
    double text_halo_width = 1.5;
    double text_letter_spacing = 0.0; // in ems, as in MapLibre

    // Typed symbols derived from the properties, scaled by `unit` (canvas units per style px).
    LineSymbol line_symbol(double unit) const;
    FillSymbol fill_symbol(double unit) const;
    // A marker of the given shape whose radius is circle-radius * unit unless radius > 0.
    MarkerSymbol marker_symbol(MarkerShape shape, double unit, double radius = 0.0) const;
    TextStyle text_style(double unit) const;
};

class Style {
public:
    // The built-in default style.
    static Style builtin();
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
    std::vector<StyleLayer> m_layers;
};

} // namespace sitmap::render
