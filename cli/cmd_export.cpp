// sitmap export: placeholder until its issue lands.

#include "cli/commands.hpp"
#include "geo/error.hpp"

namespace sitmap::cli {

void add_export_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto* cmd = app.add_subcommand("export", "Export events for GIS (GeoJSON, GeoPackage, QGIS project)");
    cmd->callback([] { throw Error(ErrorKind::internal, "'sitmap export' is not implemented yet"); });
}

} // namespace sitmap::cli
