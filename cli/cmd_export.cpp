// sitmap export: events (GeoJSON, ACLED CSV or articles) -> GeoJSON, GeoPackage or QGIS project.

#include "cli/commands.hpp"
#include "cli/export_outputs.hpp"
#include "cli/inputs.hpp"
#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/export.hpp"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

namespace sitmap::cli {

namespace {

struct ExportOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::string published;
    std::string crs;
    std::string format;
    bool force = false;
};

void run_export(const ExportOptions& options, const GlobalOptions& global) {
    const std::filesystem::path out(options.output);
    // An unknown format or extension is a usage error before any work is done.
    const geo::GisFormat format =
        options.format.empty() ? geo::gis_format_for(out) : geo::gis_format_named(options.format);
    check_crs_option(options.crs);

    const geo::Gazetteer gazetteer = load_gazetteer(global);
    const geo::Geocoder geocoder(gazetteer);
    // One input at a time, so that an event without coordinates is reported with its file.
    LoadedInputs loaded;
    for (const std::string& input : options.inputs) {
        LoadedInputs one = load_inputs({input}, options.published, geocoder);
        for (std::size_t i = 0; i < one.events.size(); ++i) {
            if (!geo::has_geometry(one.events[i])) {
                throw input_error(input + ": event " + std::to_string(i + 1) + " (" +
                                  one.events[i].id + ") has no geometry; nothing was written");
            }
        }
        loaded.events.insert(loaded.events.end(), std::make_move_iterator(one.events.begin()),
                             std::make_move_iterator(one.events.end()));
        loaded.warnings.insert(loaded.warnings.end(), one.warnings.begin(), one.warnings.end());
    }
    if (options.inputs.size() > 1) {
        loaded.events = geo::merge_events(std::move(loaded.events)); // the same incident twice
    }
    for (const std::string& w : loaded.warnings) {
        if (!global.quiet) {
            std::cerr << "sitmap: warning: " << w << "\n";
        }
    }
    if (loaded.events.empty() && !global.quiet) {
        std::cerr << "sitmap: warning: the inputs hold no events; writing empty layers\n";
    }

    GisOutputOptions gis;
    gis.gazetteer = &gazetteer;
    gis.crs = options.crs;
    gis.title = out.stem().string();
    gis.overwrite = options.force ? geo::Overwrite::yes : geo::Overwrite::no;
    gis.format = format;
    const GisOutputResult result = write_gis_output(loaded.events, out, gis);
    if (!global.quiet) {
        for (const std::string& w : result.warnings) {
            std::cerr << "sitmap: warning: " << w << "\n";
        }
        std::cerr << "sitmap: exported " << loaded.events.size() << " event"
                  << (loaded.events.size() == 1 ? "" : "s") << " to";
        for (const auto& p : result.written) {
            std::cerr << " " << p.string();
        }
        std::cerr << "\n";
    }
}

} // namespace

void add_export_command(CLI::App& app, const GlobalOptions& global) {
    auto options = std::make_shared<ExportOptions>();
    auto* cmd =
        app.add_subcommand("export", "Export events for GIS (GeoJSON, GeoPackage, QGIS project)");
    cmd->footer("The output format follows the extension of -o:\n"
                "  .geojson  RFC 7946 GeoJSON, one feature per event, claims as an array\n"
                "  .gpkg     GeoPackage: events, claims, places, basemap, QGIS styles\n"
                "  .qgz/.qgs QGIS project, with its GeoPackage written next to it\n"
                "  .csv      ACLED's columns (actor1 the accused, source the speakers)\n"
                "--format names the format whatever the extension.");
    cmd->add_option("inputs", options->inputs,
                    "Events GeoJSON, ACLED-style CSV, or article text files")
        ->required();
    cmd->add_option("-o,--output", options->output,
                    "Output file (.geojson, .gpkg, .qgz, .qgs, .csv)")
        ->required();
    cmd->add_option("--format", options->format,
                    "Output format, whatever the extension: geojson, gpkg, qgz, qgs, acled");
    cmd->add_option("--published", options->published,
                    "Publication date of article inputs (YYYY-MM-DD)");
    cmd->add_option("--crs", options->crs,
                    "CRS of the QGIS project (default: the one sitmap's maps choose)");
    cmd->add_flag("--force", options->force, "Replace existing output files");
    cmd->callback([options, &global] { run_export(*options, global); });
}

} // namespace sitmap::cli
