#pragma once
// The drawing interface the renderer talks to. Coordinates are canvas units with the origin at the
// top left and y down. Implementations: Cairo (PNG, PDF), SVG (own writer, real <text>), and a
// recording canvas for tests. A canvas writes its file only in finish(); a canvas destroyed without
// a successful finish() leaves nothing behind.

#include "render/symbols.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::render {

struct Point {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Rect {
    double x = 0.0, y = 0.0, width = 0.0, height = 0.0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool contains(const Rect& o) const {
        return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
    }
    bool contains(Point p) const {
        return p.x >= x && p.y >= y && p.x <= right() && p.y <= bottom();
    }
    Rect inflated(double d) const { return {x - d, y - d, width + 2 * d, height + 2 * d}; }
    friend bool operator==(const Rect&, const Rect&) = default;
};

using Ring = std::vector<Point>;

// What a mark stands for: an event's id and a human title (place, date, claims). SVG writes them
// as id="..." and <title>; raster surfaces ignore them.
struct MarkInfo {
    std::string_view id;
    std::string_view title;
    // The event a mark belongs to without standing for it (a direction of fire): SVG writes it as
    // data-event="..." and links the mark as it links the event's own.
    std::string_view event;
};

// A shaped run of text placed by the label engine or the furniture: `origin` is the top-left of
// its logical box before rotation by `angle` (radians, clockwise) around the origin.
struct TextRun {
    std::string text;
    TextStyle style;
    Point origin;
    double angle = 0.0;
    double width = 0.0;    // logical width
    double height = 0.0;   // logical height
    double baseline = 0.0; // distance from the top to the first baseline
};

class Canvas {
public:
    virtual ~Canvas() = default;
    Canvas() = default;
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    virtual double width() const = 0;
    virtual double height() const = 0;
    // True when the output keeps mark ids and titles (SVG): the renderer then builds them.
    virtual bool keeps_annotations() const { return false; }

    // Groups for the layers (SVG <g id>, nothing on raster surfaces).
    virtual void begin_layer(std::string_view name) = 0;
    virtual void end_layer() = 0;
    // Clips subsequent drawing to a rectangle until pop_clip().
    virtual void push_clip(const Rect& r) = 0;
    virtual void pop_clip() = 0;

    virtual void fill_rect(const Rect& r, Color fill, Color stroke = {0, 0, 0, 0},
                           double stroke_width = 0.0) = 0;
    // All rings of one area (outer rings and holes, filled even-odd).
    // `info` names the event an area or line stands for (an uncertainty area), or is empty.
    virtual void draw_area(std::span<const Ring> rings, const FillSymbol& symbol,
                           const MarkInfo& info) = 0;
    virtual void draw_lines(std::span<const Ring> lines, const LineSymbol& symbol,
                            const MarkInfo& info) = 0;
    virtual void draw_marker(Point at, const MarkerSymbol& symbol, const MarkInfo& info) = 0;
    virtual void draw_text(const TextRun& run) = 0;

    // Writes the output (to path.tmp, then renames). Throws sitmap::Error (output_failed).
    virtual void finish() = 0;
};

} // namespace sitmap::render
