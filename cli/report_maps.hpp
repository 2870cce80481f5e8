#pragma once
// The one place where `report` asks the renderer for maps: PNG, SVG and PDF of a set of events.

#include "cli/commands.hpp"
#include "geo/event.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::cli {

struct MapFiles {
    std::filesystem::path png, svg, pdf;
};

// Renders the events as <stem>.png, <stem>.svg and <stem>.pdf (replacing them). Returns nothing
// when this build has no renderer. Throws sitmap::Error naming the file that failed.
std::optional<MapFiles> write_report_maps(const std::vector<geo::Event>& events,
                                          const std::string& title,
                                          const std::filesystem::path& stem,
                                          const GlobalOptions& global);

} // namespace sitmap::cli
