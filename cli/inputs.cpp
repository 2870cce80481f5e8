// load_inputs: events GeoJSON, ACLED-style CSV or article text, merged into one list of events.
// (load_gazetteer, declared in the same header, lives with the geocode command.)

#include "cli/inputs.hpp"

#include "cli/commands.hpp"

#include "geo/core/error.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/pg_store.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <iostream>
#include <iterator>
#include <optional>
#include <string_view>

namespace sitmap::cli {
namespace {

std::string extension_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

std::optional<double> number(std::string_view s) {
    s = trimmed(s);
    double v = 0.0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

bool is_auth_code(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == s.size()) {
        return false;
    }
    const auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    const auto code = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_';
    };
    return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon), alpha) &&
           std::all_of(s.begin() + static_cast<std::ptrdiff_t>(colon) + 1, s.end(), code);
}

// WKT: an upper-case keyword followed by '[' (PROJCRS[, GEOGCS[...).
bool is_wkt(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && (std::isupper(static_cast<unsigned char>(s[i])) != 0 || s[i] == '_' ||
                            std::isdigit(static_cast<unsigned char>(s[i])) != 0)) {
        ++i;
    }
    return i > 0 && i < s.size() && (s[i] == '[' || s[i] == '(');
}

} // namespace

void check_crs_option(const std::string& crs) {
    if (crs.empty()) {
        return; // the default
    }
    const std::string_view s = trimmed(crs);
    if (is_auth_code(s) || s.rfind("+proj=", 0) == 0 || s.rfind("urn:ogc:def:crs:", 0) == 0 ||
        is_wkt(s) || (!s.empty() && s.front() == '{')) {
        return;
    }
    throw usage_error("--crs '" + crs +
                      "': expected AUTH:CODE (e.g. EPSG:32638), a PROJ string (+proj=...), WKT "
                      "or PROJJSON");
}

void check_extent_option(const std::string& extent) {
    const std::string_view s = trimmed(extent);
    const std::string expected = " (expected auto, W,S,E,N or PLACE[:RADIUS_KM])";
    if (s.empty()) {
        throw usage_error("--extent '" + extent + "': empty" + expected);
    }
    if (s == "auto") {
        return;
    }
    if (std::count(s.begin(), s.end(), ',') == 3) {
        std::array<double, 4> v{};
        std::string_view rest = s;
        for (std::size_t i = 0; i < 4; ++i) {
            const auto comma = rest.find(',');
            const auto n = number(rest.substr(0, comma));
            if (!n) {
                throw usage_error("--extent '" + extent + "': '" +
                                  std::string(trimmed(rest.substr(0, comma))) +
                                  "' is not a number" + expected);
            }
            v[i] = *n;
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        constexpr double min_span = 0.01; // degrees, about 1 km
        if (v[2] - v[0] < min_span || v[3] - v[1] < min_span) {
            if (v[0] < v[2] && v[1] < v[3]) {
                throw usage_error("--extent '" + extent +
                                  "': too small (at least 0.01 degrees, about 1 km, each way)");
            }
            // inverted or empty: the renderer's own message
        }
        return;
    }
    if (const auto colon = s.rfind(':'); colon != std::string_view::npos) {
        const auto r = number(s.substr(colon + 1));
        if (r && *r < 0.5 && *r > 0.0) {
            throw usage_error("--extent '" + extent + "': radius too small (at least 0.5 km)");
        }
    }
}

std::string article_headline(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t pos = 0; pos < text.size() && lines.size() < 4;) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string line = text.substr(pos, end - pos);
        const std::size_t first = line.find_first_not_of(" \t\r");
        line = first == std::string::npos ? std::string() : line.substr(first);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
            line.pop_back();
        }
        // Skip blank lines and lead-ins ("First modification:").
        if (!line.empty() && line.back() != ':') {
            lines.push_back(std::move(line));
        }
        pos = end + 1;
    }
    if (lines.empty()) {
        return {};
    }
    std::string line = lines.front();
    // A headline: short, one sentence.
    if (line.size() <= 140 && line.find(". ") == std::string::npos) {
        while (!line.empty() && line.back() == '.') {
            line.pop_back();
        }
        return line;
    }
    // Else the first sentence, shortened at a word boundary (never inside a UTF-8 character).
    if (const std::size_t stop = line.find(". "); stop != std::string::npos) {
        line = line.substr(0, stop);
    }
    if (line.size() > 90) {
        std::size_t cut = line.rfind(' ', 90);
        if (cut == std::string::npos || cut < 40) {
            cut = 90;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
                --cut;
            }
        }
        line = line.substr(0, cut);
        while (!line.empty() && (line.back() == ',' || line.back() == ' ')) {
            line.pop_back();
        }
        line += "…";
    }
    return line;
}

geo::PgArticle store_article(const geo::Article& a) {
    return {a.id, a.published.ok() ? geo::format_date(a.published) : std::string(),
            article_headline(a.text), a.path.filename().string()};
}

std::vector<geo::PgArticle> store_articles(const std::vector<geo::Article>& articles) {
    std::vector<geo::PgArticle> out;
    for (const geo::Article& a : articles) {
        out.push_back(store_article(a));
    }
    return out;
}

void check_overwrite(const std::string& output, bool force) {
    std::error_code ec;
    if (!force && std::filesystem::exists(std::filesystem::symlink_status(output, ec))) {
        throw output_error(output + ": already exists (not replacing it; --force does)");
    }
}

void print_store_load(const geo::PgStore& store, const geo::PgLoadStats& stats,
                      const GlobalOptions& global) {
    if (!global.quiet) {
        std::cerr << "sitmap: " << store.label() << ": " << stats.batch_events
                  << " events loaded: " << stats.written << " rows written, " << stats.replaced
                  << " replaced by a merge, " << stats.unchanged << " unchanged, "
                  << stats.places_added << " places added";
        if (stats.articles_written > 0) {
            std::cerr << ", " << stats.articles_written << " article"
                      << (stats.articles_written == 1 ? "" : "s") << " recorded";
        }
        std::cerr << "\n";
    }
}

void check_where_option(const std::string& where, const std::vector<std::string>& inputs,
                        const char* option) {
    if (!where.empty() && std::none_of(inputs.begin(), inputs.end(),
                                       [](const std::string& i) { return geo::is_pg_store(i); })) {
        throw usage_error(std::string(option) + " '" + where +
                          "': filters the events of a PG: store input, and no input is one");
    }
}

LoadedInputs load_inputs(const std::vector<std::string>& paths, const std::string& published,
                         const geo::Geocoder& geocoder, const std::string& where) {
    LoadedInputs loaded;
    std::vector<geo::Event> events;
    const geo::Gazetteer& gazetteer = geocoder.gazetteer();
    for (const std::string& path : paths) {
        const std::string ext = extension_of(path);
        if (geo::is_pg_store(path)) {
            geo::PgStore store(path, /*update=*/false);
            auto read = store.read(where, &gazetteer);
            events.insert(events.end(), std::make_move_iterator(read.begin()),
                          std::make_move_iterator(read.end()));
        } else if (ext == ".geojson" || ext == ".json") {
            auto read = geo::read_events_geojson(path, &gazetteer);
            events.insert(events.end(), std::make_move_iterator(read.begin()),
                          std::make_move_iterator(read.end()));
        } else if (ext == ".csv") {
            auto read = geo::read_events_acled_csv(path, &gazetteer);
            events.insert(events.end(), std::make_move_iterator(read.begin()),
                          std::make_move_iterator(read.end()));
        } else {
            if (published.empty()) {
                throw usage_error(path +
                                  ": an article needs --published YYYY-MM-DD (its publication "
                                  "date)");
            }
            std::chrono::year_month_day date;
            try {
                date = geo::parse_date(published);
            } catch (const Error&) {
                throw usage_error("--published: invalid date '" + published +
                                  "' (expected YYYY-MM-DD)");
            }
            loaded.articles.push_back(geo::read_article(path, date));
        }
    }
    if (!loaded.articles.empty()) {
        const geo::Extractor extractor(geocoder);
        geo::Extraction x = extractor.extract_all(loaded.articles);
        events.insert(events.end(), std::make_move_iterator(x.events.begin()),
                      std::make_move_iterator(x.events.end()));
        loaded.warnings = std::move(x.warnings);
        for (const geo::PlaceMention& m : x.mentions) {
            if (!m.mention.resolution.resolved &&
                std::find(loaded.not_located.begin(), loaded.not_located.end(),
                          m.mention.surface) == loaded.not_located.end()) {
                loaded.not_located.push_back(m.mention.surface);
            }
        }
    }
    loaded.events = geo::merge_events(std::move(events));
    return loaded;
}

} // namespace sitmap::cli
