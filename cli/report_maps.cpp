#include "cli/report_maps.hpp"

namespace sitmap::cli {

std::optional<MapFiles> write_report_maps(const std::vector<geo::Event>& /*events*/,
                                          const std::string& /*title*/,
                                          const std::filesystem::path& /*stem*/,
                                          const GlobalOptions& /*global*/) {
    return std::nullopt; // wired to render/ once the renderer lands
}

} // namespace sitmap::cli
