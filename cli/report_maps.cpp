#include "cli/report_maps.hpp"

namespace sitmap::cli {

// Wired to render/ once the renderer lands on main.
std::optional<MapFiles> write_report_maps(const std::vector<geo::Event>& /*events*/,
                                          const std::string& /*title*/,
                                          const std::filesystem::path& /*stem*/,
                                          const GlobalOptions& /*global*/) {
    return std::nullopt;
}

std::optional<MapFrame> map_frame_for(const std::vector<geo::Event>& /*events*/) {
    return std::nullopt;
}

} // namespace sitmap::cli
