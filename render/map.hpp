#pragma once
// The map renderer: resolves the extent and the projection, walks layers -> features -> symbols
// and calls a Canvas, places labels, then draws the furniture. It never knows which surface it
// draws on; render_map_file picks the canvas from the file extension and finishes it.

#include "geo/core/geometry.hpp"
#include "render/cairo_canvas.hpp"
#include "render/canvas.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/style.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::render {

enum class OutputFormat { png, svg, pdf };
// From the extension (.png, .svg, .pdf); anything else is a usage error.
OutputFormat output_format_for(const std::filesystem::path& path);

struct PageSize {
    double width = 1600.0; // canvas units: pixels for --size, points for --paper
    double height = 1000.0;
    double pixel_scale = 1.0; // PNG pixels per canvas unit
};
// "1600x1000". Throws sitmap::Error (usage) for anything else, zero or more than 20000 a side.
PageSize parse_size(std::string_view text);
// "a4-landscape", "a3-portrait", "letter-landscape"...; PNG pixels from dpi.
PageSize paper_size(std::string_view paper, double dpi);
// The page when neither a size nor a paper is given: 1600x1000 pixels for PNG and SVG, A4
// landscape (841.89 x 595.28 pt) for PDF, which is printed.
PageSize default_page_size(OutputFormat format);

// Looks a place up by name or id for --extent PLACE[:RADIUS_KM].
using PlaceFinder = std::function<std::optional<geo::LonLat>(std::string_view)>;

struct MapOptions {
    PageSize size;
    std::string extent = "auto"; // auto | W,S,E,N | PLACE[:RADIUS_KM]
    std::string crs;             // empty: a conformal projection suited to the extent
    std::string lang = "en";     // en | hy | az | ru
    std::string title;           // empty: a default title
    // Places the sources name that could not be located: listed under the map, never drawn.
    std::vector<std::string> not_located;
    Style style = Style::builtin();
    PlaceFinder find_place;
};

// A direction arrow as drawn: its line's ends (the projected origin and target) and the head's tip.
struct DrawnArrow {
    Point from;
    Point to;
    Point tip;
    std::string event; // the id of the event whose direction of fire it shows
};

struct RenderReport {
    std::string crs;        // the CRS definition used
    std::string projection; // its human name (as stated on the map)
    geo::BBox extent;       // lon/lat box shown
    std::vector<PlacedLabel> labels;
    std::vector<std::string> dropped_labels;
    std::vector<std::string> missing_glyphs;
    std::vector<std::string> legend;         // legend entries shown, in order (keys)
    std::vector<LegendEntry> legend_entries; // the same entries: labels and samples as drawn
    std::vector<std::string> legend_unused;  // entries layers offer that nothing on the map uses
    std::vector<std::string> events_outside;
    std::vector<std::string> warnings;
    std::vector<DrawnArrow> arrows;
    std::size_t marks = 0;
};

class MapRenderer {
public:
    // Resolves the extent and the projection now: throws sitmap::Error (usage) for an unknown
    // CRS, an inverted or empty extent, an unknown place, or a bad language.
    MapRenderer(MapOptions options, std::vector<std::unique_ptr<LayerSource>> layers,
                std::shared_ptr<const EventSet> events);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    RenderReport render(Canvas& canvas) const;

    const geo::BBox& requested_extent() const;
    const std::string& crs() const;
    // Canvas position of a lon/lat on this map (for tests and plugins).
    Point to_canvas(geo::LonLat p) const;
    const MapOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The whole pipeline for one output file: picks the canvas from the extension, renders and
// finishes (path.tmp, renamed on success).
RenderReport render_map_file(const MapRenderer& renderer, const std::filesystem::path& path,
                             const DocumentInfo& info);

// The event symbols of a rendered map in words, from its legend as drawn, for captions:
// "Circle: Shelling (artillery); diamond: Small-arms fire; ... Larger symbols: more killed and
// wounded claimed." Empty when the map shows no event symbol.
std::string describe_symbols(const RenderReport& report);

// The Cairo and Pango versions sitmap renders with, e.g. "cairo 1.16.0, pango 1.50.12".
std::string backend_versions();

} // namespace sitmap::render
