// sitmap extract: placeholder until its issue lands.

#include "cli/commands.hpp"
#include "geo/error.hpp"

namespace sitmap::cli {

void add_extract_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto* cmd = app.add_subcommand("extract", "Extract events from articles (text + publication date)");
    cmd->callback([] { throw Error(ErrorKind::internal, "'sitmap extract' is not implemented yet"); });
}

} // namespace sitmap::cli
