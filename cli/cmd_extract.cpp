// sitmap extract: articles + publication date -> events (GeoJSON) or the place mentions found.

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "geo/io/article_lines.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/output_file.hpp"
#include "geo/io/pg_store.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include <ext/stdio_filebuf.h>

#include <nlohmann/json.hpp>

namespace sitmap::cli {
namespace {

struct ExtractOptions {
    std::vector<std::string> articles;
    std::string published;
    std::string output;
    bool mentions = false;
    bool json = false;
    bool force = false;
    bool jsonl = false;
    std::size_t batch = 500;
};

std::chrono::year_month_day published_date(const std::string& s) {
    try {
        return geo::parse_date(s);
    } catch (const Error&) {
        throw usage_error("--published: invalid date '" + s +
                          "' (expected YYYY-MM-DD, the article's publication date)");
    }
}

struct ArticleMentions {
    std::string article;
    std::vector<geo::PlaceMention> mentions;
};

std::string mentions_text(const std::vector<ArticleMentions>& all, bool as_json) {
    std::ostringstream out;
    if (as_json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& a : all) {
            for (const auto& m : a.mentions) {
                nlohmann::json j;
                j["article"] = a.article;
                j["surface"] = m.mention.surface;
                j["begin"] = m.mention.begin;
                j["end"] = m.mention.end;
                j["sentence"] = m.sentence;
                j["role"] = std::string(geo::to_string(m.role));
                const auto& r = m.mention.resolution;
                if (r.resolved && !r.candidates.empty() && r.candidates.front().place != nullptr) {
                    const auto& c = r.candidates.front();
                    j["id"] = c.place->id;
                    j["name"] = c.place->name;
                    j["lon"] = c.place->anchor.lon;
                    j["lat"] = c.place->anchor.lat;
                    j["score"] = c.score;
                    j["geo_precision"] = static_cast<int>(c.precision);
                } else {
                    j["id"] = nullptr;
                }
                arr.push_back(std::move(j));
            }
        }
        out << arr.dump(2) << "\n";
        return out.str();
    }
    char line[640];
    std::snprintf(line, sizeof line, "%-22s %-30s %7s %7s  %-30s %10s %10s %5s  %s\n", "article",
                  "surface", "begin", "end", "id", "lon", "lat", "score", "role");
    out << line;
    for (const auto& a : all) {
        for (const auto& m : a.mentions) {
            const auto& r = m.mention.resolution;
            const bool ok = r.resolved && !r.candidates.empty() && r.candidates.front().place;
            const std::string role(geo::to_string(m.role));
            if (ok) {
                const auto& c = r.candidates.front();
                std::snprintf(line, sizeof line,
                              "%-22s %-30s %7zu %7zu  %-30s %10.5f %10.5f %5.2f  %s\n",
                              a.article.c_str(), m.mention.surface.c_str(), m.mention.begin,
                              m.mention.end, c.place->id.c_str(), c.place->anchor.lon,
                              c.place->anchor.lat, c.score, role.c_str());
            } else {
                std::snprintf(line, sizeof line, "%-22s %-30s %7zu %7zu  %-30s %10s %10s %5s  %s\n",
                              a.article.c_str(), m.mention.surface.c_str(), m.mention.begin,
                              m.mention.end, "(unresolved)", "-", "-", "-", role.c_str());
            }
            out << line;
        }
    }
    return out.str();
}

// Writes text to `path` through a temporary file, or to stdout when path is empty; every write
// checked.
void write_text(const std::string& text, const std::string& path, bool force) {
    if (path.empty()) {
        geo::write_stdout(text);
        return;
    }
    geo::write_file(path, text, force ? geo::Overwrite::yes : geo::Overwrite::no);
}

std::size_t incidents_in(const std::vector<geo::Event>& events) {
    return static_cast<std::size_t>(std::count_if(events.begin(), events.end(), [](const auto& e) {
        return geo::layer_of(e.kind) == geo::EventLayer::incident;
    }));
}

// --jsonl: articles as JSON lines on standard input, one at a time; each article's events as
// GeoJSON lines on standard output as soon as it is read (or, with -o PG:..., loaded into the
// store a batch of articles at a time, one transaction each).
void run_extract_jsonl(const ExtractOptions& opt, const GlobalOptions& global) {
    if (!opt.articles.empty()) {
        throw usage_error("--jsonl reads the articles from standard input; give no article files");
    }
    if (!opt.published.empty()) {
        throw usage_error("--jsonl: each line carries its own \"published\" date; --published "
                          "does not apply");
    }
    if (opt.mentions) {
        throw usage_error("--jsonl writes events; --mentions does not apply");
    }
    const bool to_store = geo::is_pg_store(opt.output);
    if (!opt.output.empty() && !to_store) {
        throw usage_error("--jsonl writes events to standard output or into a PG: store; -o '" +
                          opt.output + "' is neither");
    }
    if (opt.batch == 0) {
        throw usage_error("--batch: at least 1 article");
    }
    const geo::Gazetteer gazetteer = load_gazetteer(global);
    const geo::Geocoder geocoder(gazetteer);
    const geo::Extractor extractor(geocoder);
    std::optional<geo::PgStore> store;
    if (to_store) {
        store.emplace(opt.output, /*update=*/true);
    }
    __gnu_cxx::stdio_filebuf<char> stdin_buf(0, std::ios::in, 1 << 16);
    std::istream in(&stdin_buf);
    geo::ArticleLineReader reader(in, "standard input");
    std::size_t articles = 0, events = 0, incidents = 0, in_batch = 0;
    std::vector<geo::Event> batch;
    std::vector<geo::PgArticle> batch_articles;
    const auto flush = [&] {
        if (store && in_batch > 0) {
            print_store_load(
                *store,
                store->load(geo::merge_events(std::move(batch)), &gazetteer, batch_articles),
                global);
            batch.clear();
            batch_articles.clear();
        }
        in_batch = 0;
    };
    while (std::optional<geo::Article> a = reader.next()) {
        // One article at a time, as `sitmap extract FILE` reads one file.
        geo::Extraction x = extractor.extract_all({*a});
        if (!global.quiet) {
            for (const std::string& w : x.warnings) {
                std::cerr << "sitmap: warning: line " << reader.line() << " (article " << a->id
                          << "): " << w << "\n";
            }
        }
        ++articles;
        events += x.events.size();
        incidents += incidents_in(x.events);
        if (store) {
            batch.insert(batch.end(), std::make_move_iterator(x.events.begin()),
                         std::make_move_iterator(x.events.end()));
            batch_articles.push_back(store_article(*a));
            if (++in_batch == opt.batch) {
                flush();
            }
        } else {
            geo::write_stdout(geo::events_geojson_lines(x.events));
        }
    }
    flush();
    if (!global.quiet) {
        std::cerr << "sitmap: " << events << " events (" << incidents << " incidents) from "
                  << articles << " article" << (articles == 1 ? "" : "s") << "\n";
    }
}

void run_extract(const ExtractOptions& opt, const GlobalOptions& global) {
    if (opt.jsonl) {
        run_extract_jsonl(opt, global);
        return;
    }
    const bool to_store = geo::is_pg_store(opt.output);
    if (to_store && opt.mentions) {
        throw usage_error("--mentions lists place mentions; a PG: store holds events");
    }
    if (!opt.published.empty()) {
        published_date(opt.published); // a malformed date is a usage error, whatever the inputs
    }
    if (!opt.output.empty() && !to_store) {
        check_overwrite(opt.output, opt.force); // before any work
    }
    std::optional<geo::PgStore> store;
    if (to_store) {
        store.emplace(opt.output, /*update=*/true); // a wrong connection fails before any work
    }
    const geo::Gazetteer gazetteer = load_gazetteer(global);
    const geo::Geocoder geocoder(gazetteer);
    // Every input is read before anything is written: a bad one stops the run with no output.
    // Articles need --published; an ACLED-style .csv or an events .geojson need not.
    const LoadedInputs inputs = load_inputs(opt.articles, opt.published, geocoder);
    if (opt.mentions) {
        const geo::Extractor extractor(geocoder);
        std::vector<ArticleMentions> all;
        for (const geo::Article& a : inputs.articles) {
            geo::Extraction one = extractor.extract(a);
            all.push_back(ArticleMentions{a.id, std::move(one.mentions)});
        }
        write_text(mentions_text(all, opt.json), opt.output, opt.force);
        return;
    }
    if (!global.quiet) {
        for (const std::string& w : inputs.warnings) {
            std::cerr << "sitmap: warning: " << w << "\n";
        }
    }
    const std::vector<geo::Event>& events = inputs.events;
    if (store) {
        print_store_load(*store, store->load(events, &gazetteer, store_articles(inputs.articles)),
                         global);
    } else if (!opt.output.empty()) {
        geo::write_events_geojson(events, opt.output,
                                  opt.force ? geo::Overwrite::yes : geo::Overwrite::no);
    } else {
        geo::write_stdout(geo::events_geojson_text(events));
    }
    if (!global.quiet) {
        std::cerr << "sitmap: " << events.size() << " events (" << incidents_in(events)
                  << " incidents) from " << opt.articles.size() << " input"
                  << (opt.articles.size() == 1 ? "" : "s") << "\n";
    }
}

} // namespace

void add_extract_command(CLI::App& app, const GlobalOptions& global) {
    auto opt = std::make_shared<ExtractOptions>();
    auto* cmd = app.add_subcommand(
        "extract", "Extract events (incidents, checkpoints, talks) from articles: text + "
                   "publication date -> GeoJSON");
    cmd->add_option("articles", opt->articles,
                    "Article text files (UTF-8); also ACLED-style .csv or events .geojson");
    cmd->add_option("--published", opt->published,
                    "Publication date YYYY-MM-DD of the articles (relative dates such as 'on "
                    "Thursday' resolve against it)");
    cmd->add_option("-o,--output", opt->output,
                    "Output GeoJSON file (default: stdout), or a PostGIS store PG:\"dbname=... "
                    "host=...\" that the events merge into");
    cmd->add_flag("--jsonl", opt->jsonl,
                  "Read articles as JSON lines {\"id\",\"published\",\"text\"} from standard "
                  "input, one at a time, and write each one's events as GeoJSON lines (one "
                  "Feature a line) to standard output, or into the PG: store of -o");
    cmd->add_option("--batch", opt->batch,
                    "With --jsonl -o PG:...: articles per transaction (default 500)");
    cmd->add_flag("--mentions", opt->mentions,
                  "List the place mentions found (surface, offsets, id, lon/lat, score, role) "
                  "instead of events");
    cmd->add_flag("--json", opt->json, "With --mentions: JSON instead of a table");
    cmd->add_flag("--force", opt->force, "Replace an existing output file");
    // Articles are required unless --jsonl reads them from standard input: a parse error (exit
    // 2) as for any missing argument.
    cmd->parse_complete_callback([opt] {
        if (!opt->jsonl && opt->articles.empty()) {
            throw CLI::RequiredError("articles (files, or --jsonl to read JSON lines on stdin)");
        }
    });
    cmd->callback([opt, &global] { run_extract(*opt, global); });
}

} // namespace sitmap::cli
