#pragma once
// Map furniture: title and date range, legend (only what is on the map), scale bar in km true at
// the map centre, north arrow pointing to true north, inset locator map with the main map's frame,
// attribution. Each piece is measured first (so labels can avoid it) and drawn last.

#include "render/canvas.hpp"
#include "render/layers.hpp"
#include "render/map_view.hpp"
#include "render/text.hpp"

#include <string>
#include <vector>

namespace sitmap::render {

struct PageLayout {
    Rect page;
    Rect title_band;
    Rect frame; // the map itself
    Rect attribution_band;
};

PageLayout layout_page(double width, double height, double unit, std::size_t attribution_lines);

void draw_title(Canvas& canvas, const TextShaper& shaper, const Rect& band,
                const std::string& title, const std::string& subtitle, double unit);

// Legend box anchored at the frame's lower-left corner.
Rect legend_box(const TextShaper& shaper, const std::vector<LegendEntry>& entries,
                const Rect& frame, double unit);
void draw_legend(Canvas& canvas, const TextShaper& shaper, const std::vector<LegendEntry>& entries,
                 const Rect& box, double unit);

struct ScaleBar {
    Rect box;
    double length = 0.0; // canvas units of the whole bar
    double km = 0.0;     // what it measures
};
// A bar of a round number of km, true at the centre of the map, at the frame's lower right.
ScaleBar scale_bar(const MapView& view, double unit);
void draw_scale_bar(Canvas& canvas, const TextShaper& shaper, const ScaleBar& bar, double unit);

// The direction of true north at canvas point p (radians clockwise from canvas up).
double true_north_angle(const MapView& view, Point p);
Rect north_arrow_box(const ScaleBar& bar, double unit);
void draw_north_arrow(Canvas& canvas, const TextShaper& shaper, const MapView& view,
                      const Rect& box, double unit);

// Inset locator: the countries layer around the map, and the main map's frame on it.
Rect inset_box(const Rect& frame, double unit);
void draw_inset(Canvas& canvas, const MapView& main, const LayerSource& countries,
                const Style& style, const Rect& box, double unit);

// Attribution lines wrapped to a width, in the attribution's text style.
std::vector<std::string> wrap_attribution(const TextShaper& shaper,
                                          const std::vector<std::string>& lines, double width,
                                          double unit);
void draw_attribution(Canvas& canvas, const TextShaper& shaper, const Rect& band,
                      const std::vector<std::string>& lines, double unit);

} // namespace sitmap::render
