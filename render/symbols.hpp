#pragma once
// Symbols are a closed set: a variant of typed structs (a line symbol has a width, checked by the
// compiler). Sizes are in canvas units (pixels for PNG, points for PDF and SVG).

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sitmap::render {

struct Color {
    double r = 0.0, g = 0.0, b = 0.0, a = 1.0;
    friend bool operator==(const Color&, const Color&) = default;
    friend auto operator<=>(const Color&, const Color&) = default;

    Color with_alpha(double alpha) const { return {r, g, b, alpha}; }
    bool visible() const { return a > 0.0; }
    // "#rrggbb" (and "#rrggbbaa" when not opaque).
    std::string hex() const;
};

// Parses "#rgb", "#rrggbb", "#rrggbbaa", "rgb(r,g,b)", "rgba(r,g,b,a)" or "transparent".
// Throws sitmap::Error (bad_input) for anything else.
Color parse_color(const std::string& text);

enum class FillPattern { solid, hatch };
enum class LineCap { butt, round };

// The ends of a direction arrow (the direction of fire): a filled head at the last point of each
// line, its tip `gap` short of that point (clear of the mark at the target), and a dot at the
// first point (the place fire came from). No head when `head_length` is 0.
struct ArrowEnds {
    double head_length = 0.0;
    double head_width = 0.0;
    double gap = 0.0;
    double tail_dot = 0.0; // diameter; 0: none
    Color tail_stroke{1, 1, 1, 1};
    friend bool operator==(const ArrowEnds&, const ArrowEnds&) = default;
};

struct LineSymbol {
    Color color;
    double width = 1.0;
    std::vector<double> dash; // empty: solid
    LineCap cap = LineCap::round;
    ArrowEnds arrow; // a line drawn as an arrow (renderer and legend draw the ends)
    friend bool operator==(const LineSymbol&, const LineSymbol&) = default;
};

struct FillSymbol {
    Color fill; // transparent: no fill
    FillPattern pattern = FillPattern::solid;
    double hatch_spacing = 6.0; // distance between hatch lines
    double hatch_width = 1.0;
    Color outline; // transparent: no outline
    double outline_width = 0.0;
    std::vector<double> outline_dash;
    friend bool operator==(const FillSymbol&, const FillSymbol&) = default;
};

enum class MarkerShape { circle, square, triangle, diamond, star, cross, hexagon, barrier, ring };
// "circle", "square"... as in style files; parsing throws sitmap::Error (bad_input) listing them.
std::string_view to_string(MarkerShape shape);
MarkerShape marker_shape_from_string(std::string_view name);

struct MarkerSymbol {
    MarkerShape shape = MarkerShape::circle;
    double size = 8.0; // diameter of the enclosing circle
    Color fill;
    Color stroke;
    double stroke_width = 1.0;
    std::vector<double> dash; // dashed outline (an event known only to be near a place)
    // A split symbol (each side's claim on a disputed event): when visible, the right half of the
    // shape is filled with this colour and the left half with `fill`.
    Color fill_right{0, 0, 0, 0};
    friend bool operator==(const MarkerSymbol&, const MarkerSymbol&) = default;
    friend auto operator<=>(const MarkerSymbol&, const MarkerSymbol&) = default;
};

using Symbol = std::variant<FillSymbol, LineSymbol, MarkerSymbol>;

enum class FontWeight { normal, bold };
enum class FontStyle { normal, italic };

struct TextStyle {
    std::string family = "Noto Sans";
    double size = 11.0;
    FontWeight weight = FontWeight::normal;
    FontStyle style = FontStyle::normal;
    Color color{0.1, 0.1, 0.1, 1.0};
    Color halo{1.0, 1.0, 1.0, 0.9};
    double halo_width = 1.5;
    double letter_spacing = 0.0; // extra space between letters, in canvas units
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

} // namespace sitmap::render
