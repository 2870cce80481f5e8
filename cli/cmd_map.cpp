// sitmap map: placeholder until its issue lands.

#include "cli/commands.hpp"
#include "geo/error.hpp"

namespace sitmap::cli {

void add_map_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto* cmd = app.add_subcommand("map", "Render a map of events (PNG, SVG or PDF)");
    cmd->callback([] { throw Error(ErrorKind::internal, "'sitmap map' is not implemented yet"); });
}

} // namespace sitmap::cli
