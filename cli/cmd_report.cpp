// sitmap report: placeholder until its issue lands.

#include "cli/commands.hpp"
#include "geo/error.hpp"

namespace sitmap::cli {

void add_report_command(CLI::App& app, const GlobalOptions& /*global*/) {
    auto* cmd = app.add_subcommand("report", "Turn a batch of articles into maps and a report page");
    cmd->callback([] { throw Error(ErrorKind::internal, "'sitmap report' is not implemented yet"); });
}

} // namespace sitmap::cli
