#pragma once
// The one place where `report` and `export` ask the renderer for maps: PNG, SVG and PDF of a set of
// events, and the frame (CRS, extent) such a map uses, so that the QGIS project matches it.

#include "cli/commands.hpp"
#include "geo/core/event.hpp"
#include "geo/core/geometry.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::cli {

// Where sitmap's map of some events looks: its CRS and the lon/lat extent it shows.
struct MapFrame {
    std::string crs;        // definition, e.g. "EPSG:32638"
    std::string projection; // human name, as stated on the map
    geo::BBox extent;
};

struct MapFiles {
    std::filesystem::path png, svg, pdf;
    MapFrame frame;
    std::string symbols; // the event symbols drawn, in words (render::describe_symbols)
};

// Renders the events as <stem>.png, <stem>.svg and <stem>.pdf (replacing them). Returns nothing
// when this build has no renderer. Throws sitmap::Error naming the file that failed.
std::optional<MapFiles> write_report_maps(const std::vector<geo::Event>& events,
                                          const std::string& title,
                                          const std::filesystem::path& stem,
                                          const GlobalOptions& global);

// The frame sitmap's map of these events would have, without drawing it; nothing when this build
// has no renderer.
std::optional<MapFrame> map_frame_for(const std::vector<geo::Event>& events);

} // namespace sitmap::cli
