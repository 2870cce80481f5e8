// sitmap map: events (GeoJSON, GeoJSONSeq, FlatGeobuf...) -> a layered map as PNG, SVG or PDF.

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "geo/core/error.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/pg_store.hpp"
#include "render/map.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

namespace sitmap::cli {
namespace {

struct MapArgs {
    std::vector<std::string> inputs;
    std::string output;
    std::string size;
    std::string paper;
    double dpi = 300.0;
    std::string extent = "auto";
    std::string crs;
    std::string style;
    std::string lang = "en";
    std::string title;
    std::vector<std::string> plugins;
    std::string basemap;
    std::string published;
    std::string where;
    std::string from;
    std::string to;
    bool lint = false;
    bool force = false;
};

std::filesystem::path basemap_dir(const MapArgs& args) {
    if (!args.basemap.empty()) {
        return args.basemap;
    }
    if (const char* env = std::getenv("SITMAP_DATA"); env != nullptr && *env != '\0') {
        return std::filesystem::path(env) / "geojson";
    }
    return std::filesystem::path(SITMAP_DATA_DIR) / "geojson";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// --extent PLACE: a gazetteer entry by id, name or any of its names (case-insensitive).
render::PlaceFinder make_place_finder(std::function<const geo::Gazetteer&()> gazetteer) {
    return
        [gazetteer = std::move(gazetteer)](std::string_view wanted) -> std::optional<geo::LonLat> {
            const std::string key = lower(std::string(wanted));
            for (const geo::Place& p : gazetteer().places()) {
                bool match = lower(p.id) == key || lower(p.name) == key;
                for (const auto& [lang, name] : p.names) {
                    match = match || lower(name) == key;
                }
                if (match) {
                    return geo::representative_point(p.geometry);
                }
            }
            return std::nullopt;
        };
}

// Formats read by streaming (a million events): GeoJSONSeq, FlatGeobuf, GeoPackage.
bool is_bulk_file(const std::filesystem::path& p) {
    const std::string ext = lower(p.extension().string());
    return ext == ".geojsonl" || ext == ".geojsons" || ext == ".fgb" || ext == ".gpkg";
}

void run_map(const MapArgs& args, const GlobalOptions& global) {
    render::output_format_for(args.output); // a wrong extension fails before any work
    check_crs_option(args.crs);
    check_extent_option(args.extent);
    if (!args.basemap.empty() && !std::filesystem::is_directory(args.basemap)) {
        throw usage_error("--basemap '" + args.basemap + "': not a directory");
    }
    check_overwrite(args.output, args.force);
    check_where_option(args.where, args.inputs);
    for (const auto& [option, value] : {std::pair{"--from", &args.from}, {"--to", &args.to}}) {
        check_where_option(*value, args.inputs, option);
    }
    const std::string filter = geo::pg_events_filter(args.where, args.from, args.to);
    auto events = std::make_shared<render::EventSet>();
    std::optional<geo::Gazetteer> gazetteer;
    auto places = [&]() -> const geo::Gazetteer& {
        if (!gazetteer) {
            gazetteer = load_gazetteer(global);
        }
        return *gazetteer;
    };
    std::vector<std::string> others;
    for (const auto& input : args.inputs) {
        if (geo::is_pg_store(input)) {
            others.push_back(input); // a PostGIS store
            continue;
        }
        if (!std::filesystem::exists(input)) {
            throw input_error(input + ": no such file");
        }
        if (!is_bulk_file(input)) {
            others.push_back(input); // events GeoJSON, ACLED CSV, article text
            continue;
        }
        events->append(
            render::EventSet::read(input, [&](std::string_view id) -> const geo::Geometry* {
                const geo::Place* p = places().find(id);
                return p != nullptr ? &p->geometry : nullptr;
            }));
    }
    std::vector<std::string> not_located;
    if (!others.empty()) {
        const geo::Geocoder geocoder(places());
        LoadedInputs loaded = load_inputs(others, args.published, geocoder, filter);
        if (!global.quiet) {
            for (const auto& w : loaded.warnings) {
                std::cerr << "sitmap: warning: " << w << "\n";
            }
        }
        events->append(render::EventSet::from_events(loaded.events));
        not_located = std::move(loaded.not_located);
    }

    render::MapOptions options;
    if (!args.paper.empty()) {
        options.size = render::paper_size(args.paper, args.dpi);
    } else if (!args.size.empty()) {
        options.size = render::parse_size(args.size);
    } else {
        options.size = render::default_page_size(render::output_format_for(args.output));
    }
    options.extent = args.extent;
    options.crs = args.crs;
    options.lang = args.lang;
    options.title = args.title;
    options.not_located = std::move(not_located);
    if (!args.style.empty()) {
        options.style = render::Style::load(args.style);
    }
    const std::filesystem::path data = basemap_dir(args);
    options.find_place = make_place_finder(places);

    render::LayerRegistry registry;
    render::register_builtin_layers(registry);
    for (const auto& spec : args.plugins) {
        const auto q = spec.find('?');
        registry.load_plugin(spec.substr(0, q), q == std::string::npos ? "" : spec.substr(q + 1));
    }
    render::LayerContext ctx{data, events};
    render::MapRenderer renderer(std::move(options), registry.create_all(ctx), events);

    render::DocumentInfo info;
    info.title =
        args.title.empty() ? "Reported incidents on the Armenia–Azerbaijan border" : args.title;
    info.subject = std::to_string(events->events.size()) + " events";
    info.creator = std::string("sitmap ") + SITMAP_VERSION;
    for (const auto& e : events->events) {
        info.date = std::max(info.date, e.date_end.str());
    }
    const render::RenderReport report = render::render_map_file(renderer, args.output, info);

    if (args.lint) {
        std::cout << "lint: projection " << report.projection << " [" << report.crs << "]\n";
        for (const auto& w : report.warnings) {
            std::cout << "lint: warning: " << w << "\n";
        }
        for (const auto& t : report.dropped_labels) {
            std::cout << "lint: dropped label: " << t << "\n";
        }
        for (const auto& t : report.missing_glyphs) {
            std::cout << "lint: missing glyphs: " << t << "\n";
        }
        for (const auto& k : report.legend_unused) {
            std::cout << "lint: legend entry not on the map (omitted): " << k << "\n";
        }
        for (const auto& e : report.events_outside) {
            std::cout << "lint: event outside the map: " << e << "\n";
        }
        std::cout << "lint: " << report.dropped_labels.size() << " dropped labels, "
                  << report.missing_glyphs.size() << " with missing glyphs\n"
                  << std::flush;
    }
    if (!global.quiet) {
        std::cerr << "sitmap: wrote " << args.output << " (" << events->events.size() << " events, "
                  << report.labels.size() << " labels, " << report.projection << ")\n";
    }
}

} // namespace

void add_map_command(CLI::App& app, const GlobalOptions& global) {
    auto args = std::make_shared<MapArgs>();
    auto* cmd = app.add_subcommand("map", "Render a map of events (PNG, SVG or PDF)");
    cmd->add_option("inputs", args->inputs,
                    "Events (GeoJSON from 'sitmap extract', GeoJSONSeq, FlatGeobuf, ACLED CSV), "
                    "a PostGIS store PG:\"dbname=... host=...\", or article text files (with "
                    "--published)")
        ->required();
    cmd->add_option("-o,--output", args->output, "Output file: .png, .svg or .pdf")->required();
    auto* size = cmd->add_option("--size", args->size,
                                 "Size in pixels, e.g. 1600x1000 (default for PNG and SVG)");
    auto* paper =
        cmd->add_option("--paper", args->paper, "Paper size, e.g. a4-landscape (a PDF's default)");
    size->excludes(paper);
    cmd->add_option("--dpi", args->dpi, "Resolution of a PNG with --paper (default 300)");
    cmd->add_option("--extent", args->extent, "auto | W,S,E,N | PLACE[:RADIUS_KM] (default auto)");
    cmd->add_option("--crs", args->crs,
                    "Output CRS, e.g. EPSG:32638 (default: conformal, suited to the extent)");
    cmd->add_option("--style", args->style,
                    "Style JSON (MapLibre vocabulary, see render/STYLE.md)");
    cmd->add_option("--lang", args->lang, "Label language: en, hy, az or ru (default en)");
    cmd->add_option("--title", args->title, "Map title");
    cmd->add_option("--plugin", args->plugins, "Layer plugin LIB.so[?CONFIG] (repeatable)");
    cmd->add_option("--basemap", args->basemap,
                    "Directory of basemap GeoJSON layers (default: the bundled data)");
    cmd->add_option("--published", args->published,
                    "Publication date (YYYY-MM-DD) of article inputs");
    cmd->add_option("--where", args->where,
                    "With a PG: input: an SQL condition on the events columns, e.g. "
                    "\"layer = 'incident' AND killed_max > 0\"");
    cmd->add_option("--from", args->from,
                    "With a PG: input: events on or after this date (YYYY-MM-DD; an event's "
                    "date range overlaps --from..--to)");
    cmd->add_option("--to", args->to,
                    "With a PG: input: events on or before this date (YYYY-MM-DD)");
    cmd->add_flag("--lint", args->lint,
                  "Report dropped labels, missing glyphs, legend entries not on the map");
    cmd->add_flag("--force", args->force, "Replace an existing output file");
    cmd->callback([args, &global] { run_map(*args, global); });
}

} // namespace sitmap::cli
