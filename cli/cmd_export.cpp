// sitmap export: events (GeoJSON, ACLED CSV or articles) -> GeoJSON, GeoPackage or QGIS project.

#include "cli/commands.hpp"
#include "cli/export_outputs.hpp"
#include "cli/inputs.hpp"
#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/export.hpp"
#include "geo/io/pg_store.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
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
    std::string where;
    bool live = false;
    bool force = false;
};

void run_export(const ExportOptions& options, const GlobalOptions& global) {
    const std::filesystem::path out(options.output);
    const bool to_store = geo::is_pg_store(options.output);
    // An unknown format or extension is a usage error before any work is done.
    if (to_store && !options.format.empty()) {
        throw usage_error("--format '" + options.format + "': a PG: output is a PostGIS store");
    }
    const geo::GisFormat format = to_store                 ? geo::GisFormat::geojson
                                  : options.format.empty() ? geo::gis_format_for(out)
                                                           : geo::gis_format_named(options.format);
    check_crs_option(options.crs);
    check_where_option(options.where, options.inputs);
    std::string live_store;
    if (options.live) {
        const auto stores = std::count_if(options.inputs.begin(), options.inputs.end(),
                                          [](const std::string& i) { return geo::is_pg_store(i); });
        if (stores != 1 || options.inputs.size() != 1 ||
            (format != geo::GisFormat::qgz && format != geo::GisFormat::qgs)) {
            throw usage_error("--live: the QGIS project (-o .qgz or .qgs) of one PG: store input");
        }
        live_store = options.inputs.front();
    }

    const geo::Gazetteer gazetteer = load_gazetteer(global);
    const geo::Geocoder geocoder(gazetteer);
    std::optional<geo::PgStore> store;
    if (to_store) {
        store.emplace(options.output, /*update=*/true); // a wrong connection fails before any work
    }
    // One input at a time, so that an event without coordinates is reported with its file.
    LoadedInputs loaded;
    for (const std::string& input : options.inputs) {
        LoadedInputs one = load_inputs({input}, options.published, geocoder, options.where);
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

    if (store) {
        print_store_load(*store, store->load(loaded.events, &gazetteer), global);
        return;
    }

    GisOutputOptions gis;
    gis.gazetteer = &gazetteer;
    gis.crs = options.crs;
    gis.title = out.stem().string();
    gis.overwrite = options.force ? geo::Overwrite::yes : geo::Overwrite::no;
    gis.format = format;
    gis.live_store = live_store;
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
                "  .geojson  RFC 7946 GeoJSON, one feature per event, claims as an array; each\n"
                "            direction of fire a line feature of its own (feature: fire_line),\n"
                "            each event known only to a region its sector line or district\n"
                "            area (feature: event_extent)\n"
                "  .gpkg     GeoPackage: events, claims, places, fire_lines, event_lines,\n"
                "            event_areas, basemap, QGIS styles\n"
                "  .qgz/.qgs QGIS project, with its GeoPackage written next to it and a print\n"
                "            layout (title, map, legend, scale bar, credits)\n"
                "  .csv      ACLED's columns (actor1 the accused, source the speakers)\n"
                "--format names the format whatever the extension.\n"
                "-o PG:\"dbname=... host=...\" merges the events into a PostGIS store (see "
                "README.md, 'PostGIS event store'); a PG: input reads from one.");
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
    cmd->add_option("--where", options->where,
                    "With a PG: input: an SQL condition on the events columns, e.g. "
                    "\"date_begin >= '2023-05-01'\"");
    cmd->add_flag("--live", options->live,
                  "With a PG: input and a .qgz/.qgs output: the project's events, claims and "
                  "places layers read the PostGIS tables (QGIS shows what is loaded later), the "
                  "basemap the GeoPackage");
    cmd->add_flag("--force", options->force, "Replace existing output files");
    cmd->callback([options, &global] { run_export(*options, global); });
}

} // namespace sitmap::cli
