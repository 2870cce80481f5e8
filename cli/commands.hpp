#pragma once
// Each subcommand lives in its own cli/cmd_<name>.cpp and registers itself on the app here.
// Subcommands throw sitmap::Error; only main.cpp catches and maps errors to exit codes.

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace sitmap::cli {

// Options shared by every subcommand (set on the top-level app).
struct GlobalOptions {
    std::string gazetteer; // --gazetteer FILE; empty: the bundled one
    bool quiet = false;    // --quiet: no progress or summary on stderr
};

void add_geocode_command(CLI::App& app, const GlobalOptions& global);
void add_extract_command(CLI::App& app, const GlobalOptions& global);
void add_map_command(CLI::App& app, const GlobalOptions& global);
void add_export_command(CLI::App& app, const GlobalOptions& global);
void add_report_command(CLI::App& app, const GlobalOptions& global);

} // namespace sitmap::cli
