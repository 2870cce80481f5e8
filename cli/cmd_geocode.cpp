// sitmap geocode: placeholder until its issue lands.

#include "cli/commands.hpp"
#include "geo/error.hpp"

namespace sitmap::cli {

void add_geocode_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto* cmd = app.add_subcommand("geocode", "Resolve place names (any spelling) to gazetteer features");
    cmd->callback([] { throw Error(ErrorKind::internal, "'sitmap geocode' is not implemented yet"); });
}

} // namespace sitmap::cli
