// sitmap geocode: place names in any spelling -> gazetteer features, as a table, JSON or GeoJSON;
// --reverse LON,LAT -> the nearest settlement.

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "geo/core/error.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/vector_io.hpp"

namespace sitmap::cli {
namespace {

enum class Format { table, json, geojson };

struct GeocodeOptions {
    std::vector<std::string> names;
    std::vector<std::string> countries;
    std::string reverse;
    bool json = false;
    bool geojson = false;
};

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    const std::size_t w = display_width(s);
    if (w < width) {
        out.append(width - w, ' ');
    }
    return out;
}

std::string fixed(double v, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << v;
    return out.str();
}

void print_table(const std::vector<geo::Resolution>& results) {
    const std::vector<std::string> header{"query", "match", "id",        "kind", "country",
                                          "lon",   "lat",   "precision", "score"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : results) {
        if (!r.resolved) {
            rows.push_back({r.query, "(unresolved)", "", "", "", "", "", "", ""});
            continue;
        }
        const geo::Candidate& c = r.candidates.front();
        rows.push_back({r.query, c.place->name + " (" + std::string(to_string(c.match)) + ")",
                        c.place->id, std::string(to_string(c.place->kind)),
                        c.place->country.empty() ? "-" : c.place->country,
                        fixed(c.place->anchor.lon, 5), fixed(c.place->anchor.lat, 5),
                        std::to_string(static_cast<int>(c.precision)), fixed(c.score, 2)});
    }
    std::vector<std::size_t> widths;
    for (const auto& h : header) {
        widths.push_back(display_width(h));
    }
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    }
    auto print_row = [&widths](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += (i + 1 == row.size() ? row[i] : pad(row[i], widths[i] + 2));
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        std::cout << line << "\n";
    };
    print_row(header);
    for (const auto& row : rows) {
        print_row(row);
    }
    for (const auto& r : results) {
        if (r.resolved) {
            std::cout << "  " << r.query << ": " << r.candidates.front().reason << "\n";
            continue;
        }
        std::cout << "  " << r.query << ": " << (r.note.empty() ? "not found" : r.note);
        if (!r.candidates.empty()) {
            std::cout << "; did you mean";
            for (std::size_t i = 0; i < r.candidates.size(); ++i) {
                const auto& c = r.candidates[i];
                std::cout << (i == 0 ? " " : ", ") << c.place->name << " (" << c.place->id << ", "
                          << fixed(c.score, 2) << ")";
            }
            std::cout << "?";
        }
        std::cout << "\n";
    }
}

nlohmann::json candidate_json(const geo::Candidate& c) {
    return {{"id", c.place->id},
            {"name", c.place->name},
            {"matched", c.matched},
            {"match", to_string(c.match)},
            {"kind", to_string(c.place->kind)},
            {"country", c.place->country},
            {"admin1", c.place->admin1},
            {"lon", c.place->anchor.lon},
            {"lat", c.place->anchor.lat},
            {"accuracy_m", c.place->accuracy_m},
            {"source", c.place->source},
            {"note", c.place->note},
            {"precision", static_cast<int>(c.precision)},
            {"score", c.score},
            {"reason", c.reason}};
}

void print_json(const std::vector<geo::Resolution>& results) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : results) {
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto& c : r.candidates) {
            candidates.push_back(candidate_json(c));
        }
        out.push_back({{"query", r.query},
                       {"resolved", r.resolved},
                       {"ambiguous", r.ambiguous},
                       {"note", r.note},
                       {"candidates", candidates}});
    }
    std::cout << out.dump(2) << "\n";
}

// The resolved places as an RFC 7946 FeatureCollection on stdout (written by GDAL, in geo/io).
void print_geojson(const std::vector<geo::Resolution>& results) {
    std::vector<geo::OutputFeature> features;
    for (const auto& r : results) {
        if (!r.resolved) {
            continue;
        }
        const geo::Candidate& c = r.candidates.front();
        features.push_back({c.place->geometry,
                            {{"query", r.query},
                             {"id", c.place->id},
                             {"name", c.place->name},
                             {"matched", c.matched},
                             {"match", std::string(to_string(c.match))},
                             {"kind", std::string(to_string(c.place->kind))},
                             {"country", c.place->country},
                             {"precision", static_cast<int>(c.precision)},
                             {"score", c.score},
                             {"reason", c.reason}}});
    }
    std::cout << geo::geojson_feature_collection(features, "geocoded");
}

geo::LonLat parse_lon_lat(const std::string& text) {
    const std::size_t comma = text.find(',');
    try {
        if (comma == std::string::npos) {
            throw std::invalid_argument("no comma");
        }
        std::size_t used_lon = 0;
        std::size_t used_lat = 0;
        const std::string lon_text = text.substr(0, comma);
        const std::string lat_text = text.substr(comma + 1);
        const double lon = std::stod(lon_text, &used_lon);
        const double lat = std::stod(lat_text, &used_lat);
        if (used_lon != lon_text.size() || used_lat != lat_text.size()) {
            throw std::invalid_argument("trailing characters");
        }
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180.0 ||
            std::fabs(lat) > 90.0) {
            throw usage_error("--reverse '" + text +
                              "': out of range (longitude -180..180, latitude -90..90)");
        }
        return {lon, lat};
    } catch (const std::logic_error&) {
        throw usage_error("--reverse expects LON,LAT in decimal degrees (e.g. 45.9,40.2), got '" +
                          text + "'");
    }
}

void run_reverse(const geo::Geocoder& geocoder, const GeocodeOptions& opts, Format format) {
    const geo::ReverseResult r = geocoder.reverse(parse_lon_lat(opts.reverse));
    if (format == Format::table) {
        std::cout << r.description << "\n";
        return;
    }
    const nlohmann::json out{{"id", r.place->id},
                             {"name", r.place->name},
                             {"country", r.place->country},
                             {"distance_m", std::round(r.distance_m)},
                             {"description", r.description}};
    std::cout << out.dump(2) << "\n";
}

void run_geocode(const GlobalOptions& global, const GeocodeOptions& opts) {
    if (opts.json && opts.geojson) {
        throw usage_error("--json and --geojson cannot be used together");
    }
    if (opts.names.empty() && opts.reverse.empty()) {
        throw usage_error("give one or more place names, or --reverse LON,LAT");
    }
    if (!opts.names.empty() && !opts.reverse.empty()) {
        throw usage_error("give place names or --reverse LON,LAT, not both");
    }
    const Format format = opts.json ? Format::json : opts.geojson ? Format::geojson : Format::table;
    // Kept to the end of the process, which releases them at once: freeing the name index piece
    // by piece took as long as the lookup (main ends a geocode run without tearing down).
    static std::unique_ptr<const geo::Geocoder> kept_geocoder;
    static std::unique_ptr<const geo::Gazetteer> kept_gazetteer;
    kept_geocoder.reset(); // (a second run in one process: the first one's, index first)
    kept_gazetteer = std::make_unique<const geo::Gazetteer>(load_gazetteer(global));
    kept_geocoder = std::make_unique<const geo::Geocoder>(*kept_gazetteer);
    const geo::Geocoder& geocoder = *kept_geocoder;
    if (!opts.reverse.empty()) {
        run_reverse(geocoder, opts, format);
        return;
    }
    geo::GeocodeContext context;
    for (const auto& c : opts.countries) {
        context.country_hints.push_back(c);
    }
    std::vector<geo::Resolution> results;
    std::vector<std::string> unresolved;
    for (const auto& name : opts.names) {
        try {
            results.push_back(geocoder.resolve(name, context));
        } catch (const Error& e) {
            throw e.with_context("geocode");
        }
        if (!results.back().resolved) {
            unresolved.push_back("'" + name + "'");
        }
    }
    switch (format) {
    case Format::table:
        print_table(results);
        break;
    case Format::json:
        print_json(results);
        break;
    case Format::geojson:
        print_geojson(results);
        break;
    }
    std::cout.flush();
    if (!unresolved.empty()) {
        std::string list;
        for (const auto& u : unresolved) {
            list += (list.empty() ? "" : ", ") + u;
        }
        throw input_error(std::to_string(unresolved.size()) + " of " +
                          std::to_string(opts.names.size()) +
                          " names not found in the gazetteer: " + list);
    }
}

} // namespace

void add_geocode_command(CLI::App& app, const GlobalOptions& global) {
    auto opts = std::make_shared<GeocodeOptions>();
    auto* cmd = app.add_subcommand(
        "geocode", "Resolve place names (any spelling) to gazetteer features, or a point to the "
                   "nearest settlement");
    cmd->add_option("names", opts->names, "Place names in any spelling or script");
    cmd->add_flag("--json", opts->json, "Print JSON (all ranked candidates with reasons)");
    cmd->add_flag("--geojson", opts->geojson, "Print the resolved places as GeoJSON");
    cmd->add_option("--country", opts->countries,
                    "Country hint, ISO 3166 alpha-2 (AM, AZ...); repeat or separate by commas")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check([](const std::string& v) {
            const bool ok = v.size() == 2 && std::isalpha(static_cast<unsigned char>(v[0])) &&
                            std::isalpha(static_cast<unsigned char>(v[1]));
            return ok ? std::string() : "expected a two-letter country code such as AM or AZ";
        });
    cmd->add_option(
        "--reverse", opts->reverse,
        "Describe a point LON,LAT by its nearest settlement (e.g. --reverse=45.9,40.2)");
    cmd->callback([&global, opts] { run_geocode(global, *opts); });
}

} // namespace sitmap::cli
