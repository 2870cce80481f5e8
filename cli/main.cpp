// sitmap: incident reports -> geocoded events -> layered maps and GIS layers.
// The one place where errors become documented exit codes.

#include "cli/commands.hpp"
#include "geo/core/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>

namespace {

constexpr const char* exit_codes_text = R"(Exit codes:
  0  success
  1  bad input data (malformed file, unknown place, empty article, unresolved name)
  2  usage error (unknown flag, bad option value)
  3  output could not be written
  4  batch finished but some inputs were skipped
  70 internal error (a bug; please report it))";

int to_int(sitmap::ExitCode code) {
    return static_cast<int>(code);
}

// Whatever a command printed must have reached standard output (a full disk, /dev/full, a closed
// pipe): otherwise the run failed. Empty when all is well.
std::string stdout_error() {
    std::cout.flush();
    const bool stream_ok = static_cast<bool>(std::cout);
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !stream_ok) {
        return errno != 0 ? std::strerror(errno) : "write error";
    }
    return {};
}

int run(CLI::App& app, int argc, char** argv);

} // namespace

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) is then a write error (EFBIG) reported as such, exit 3, not
    // a signal that kills sitmap before it can remove its temporary files.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"sitmap: turns reports of armed incidents into correct, publication-ready maps "
                 "and GIS layers.",
                 "sitmap"};
    app.footer(exit_codes_text);
    app.set_version_flag("--version", std::string("sitmap ") + SITMAP_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global options (--gazetteer, -q) may follow the subcommand

    sitmap::cli::GlobalOptions global;
    app.add_option("--gazetteer", global.gazetteer,
                   "Gazetteer GeoJSON file to use instead of the bundled one")
        ->check(CLI::ExistingFile);
    app.add_flag("-q,--quiet", global.quiet, "No progress or summary on stderr");

    sitmap::cli::add_geocode_command(app, global);
    sitmap::cli::add_extract_command(app, global);
    sitmap::cli::add_map_command(app, global);
    sitmap::cli::add_export_command(app, global);
    sitmap::cli::add_report_command(app, global);

    const int code = run(app, argc, argv);
    if (app.got_subcommand("geocode")) {
        // Nothing of a geocode run needs tearing down (no files, no connections): the process
        // ends here rather than free the gazetteer, its name index and ICU's transforms piece by
        // piece, which took as long as loading them from the cache.
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

namespace {

int run(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        if (const std::string why = stdout_error(); !why.empty()) {
            std::cerr << "sitmap: error: standard output: " << why << "\n";
            return to_int(sitmap::ExitCode::output_failed);
        }
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "sitmap: " << e.what() << "\n"
                  << "Run 'sitmap --help' (or 'sitmap SUBCOMMAND --help') for usage.\n";
        return to_int(sitmap::ExitCode::usage);
    } catch (const sitmap::Error& e) {
        std::cerr << "sitmap: error: " << e.what() << "\n";
        return to_int(sitmap::exit_code_for(e.kind()));
    } catch (const std::exception& e) {
        std::cerr << "sitmap: internal error: " << e.what() << "\n";
        return to_int(sitmap::ExitCode::internal);
    }
    return to_int(sitmap::ExitCode::ok);
}

} // namespace
