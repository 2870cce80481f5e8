// sitmap report: a batch of articles -> maps per article and overall, GIS files, and a page.

#include "cli/commands.hpp"
#include "cli/export_outputs.hpp"
#include "cli/inputs.hpp"
#include "cli/report_html.hpp"
#include "cli/report_manifest.hpp"
#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "geo/geocode/geocoder.hpp"
#include "geo/io/output_file.hpp"
#include "geo/io/pg_store.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sitmap::cli {

namespace {

namespace fs = std::filesystem;

struct ReportOptions {
    std::vector<std::string> articles;
    std::string output;
    std::string published;
    std::string manifest;
    bool force = false;
    bool allow_outside_manifest = false;
    // With a PostGIS store as the input: which of its events.
    std::string where;
    std::string from;
    std::string to;
};

std::vector<ReportInput> report_inputs(const ReportOptions& options) {
    std::vector<ReportInput> inputs;
    if (!options.articles.empty()) {
        if (options.published.empty()) {
            throw usage_error("articles given on the command line need --published YYYY-MM-DD "
                              "(or list them in a --manifest CSV)");
        }
        try {
            geo::parse_date(options.published);
        } catch (const Error& e) {
            throw usage_error(std::string("--published: ") + e.what());
        }
        for (const std::string& a : options.articles) {
            inputs.push_back({a, options.published, a});
        }
    }
    if (!options.manifest.empty()) {
        const auto listed =
            read_manifest(options.manifest, options.allow_outside_manifest ? ManifestScope::anywhere
                                                                           : ManifestScope::inside);
        inputs.insert(inputs.end(), listed.begin(), listed.end());
    }
    if (inputs.empty()) {
        throw usage_error("no articles: give ARTICLES... with --published, or --manifest CSV");
    }
    return inputs;
}

// A file-name-safe, unique stem for an article's map.
std::string map_stem(const std::string& id, std::set<std::string>& used) {
    std::string s;
    for (unsigned char c : id) {
        s += (std::isalnum(c) || c == '-' || c == '_' || c == '.') ? static_cast<char>(c) : '_';
    }
    if (s.empty()) {
        s = "article";
    }
    std::string stem = "map-" + s;
    for (int n = 2; !used.insert(stem).second; ++n) {
        stem = "map-" + s + "-" + std::to_string(n);
    }
    return stem;
}

// A file a report writes (or a temporary of one): only such files are replaced by --force.
bool is_report_file(const std::string& name) {
    const auto ends_with = [&](std::string_view suffix) {
        return name.size() >= suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    const bool map = ends_with(".png") || ends_with(".svg") || ends_with(".pdf");
    return name == "index.html" || name == "events.geojson" || name == "events.gpkg" ||
           name == "events.qgz" ||
           (map && (name.rfind("map-", 0) == 0 || name.rfind("overview.", 0) == 0)) ||
           name.rfind(".sitmap-", 0) == 0;
}

// `what` with the staging folder named as the user named DIR: messages and the page never show
// the temporary folder.
std::string shown(std::string what, const fs::path& staging, const std::string& output) {
    const std::string from = staging.string();
    const std::string to = fs::path(output).lexically_normal().string();
    for (auto at = what.find(from); !from.empty() && at != std::string::npos;
         at = what.find(from, at + to.size())) {
        what.replace(at, from.size(), to);
    }
    return what;
}

// The report is written into a staging folder beside DIR and swapped in whole on commit, so that
// a failed, killed or concurrent run never leaves a folder mixing two reports, or maps of articles
// no longer in the batch; without a commit the staging folder is removed.
class StagedReport {
public:
    StagedReport(const std::string& output, bool force) : m_shown(output) {
        fs::path dir = fs::absolute(output).lexically_normal();
        if (!dir.has_filename()) {
            dir = dir.parent_path(); // "out/"
        }
        m_dir = dir;
        check_target(force);
        const std::string prefix = "." + m_dir.filename().string() + ".sitmap-";
        geo::remove_abandoned_folders(m_dir.parent_path(), prefix); // of killed reports
        std::string templ = (m_dir.parent_path() / (prefix + "XXXXXX")).string();
        if (::mkdtemp(templ.data()) == nullptr) {
            throw output_error(m_shown +
                               ": cannot create the report directory: " + std::strerror(errno));
        }
        m_staging = templ;
        ::chmod(m_staging.c_str(), 0755); // mkdtemp makes it private; a report is not
        geo::claim_temporary_folder(m_staging);
    }
    ~StagedReport() {
        std::error_code ec;
        fs::remove_all(m_staging, ec);
    }
    StagedReport(const StagedReport&) = delete;
    StagedReport& operator=(const StagedReport&) = delete;

    // Where the files go until commit().
    const fs::path& path() const { return m_staging; }

    // Moves the finished report to DIR in one step (an atomic exchange where the filesystem
    // allows it); the previous report, if any, is removed afterwards.
    void commit() {
        geo::release_temporary_folder(m_staging); // the folder becomes the report
        std::error_code ec;
        if (!fs::exists(m_dir, ec)) {
            if (::rename(m_staging.c_str(), m_dir.c_str()) != 0) {
                throw output_error(m_shown + ": cannot move the report into place: " +
                                   std::string(std::strerror(errno)));
            }
            return;
        }
        if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_dir.c_str(), RENAME_EXCHANGE) !=
            0) {
            // Without an atomic exchange: the old report aside, the new one in, the old removed.
            const fs::path old = m_staging.string() + ".old";
            if (::rename(m_dir.c_str(), old.c_str()) != 0 ||
                ::rename(m_staging.c_str(), m_dir.c_str()) != 0) {
                const int err = errno;
                ::rename(old.c_str(), m_dir.c_str());
                throw output_error(m_shown + ": cannot move the report into place: " +
                                   std::string(std::strerror(err)));
            }
            fs::remove_all(old, ec);
            return;
        }
        fs::remove_all(m_staging, ec); // now the previous report
    }

private:
    // DIR may be missing, empty, or (with --force) a previous report holding only report files.
    void check_target(bool force) const {
        std::error_code ec;
        if (!fs::exists(m_dir, ec)) {
            if (!fs::is_directory(m_dir.parent_path(), ec)) {
                throw output_error(m_shown + ": cannot create the report directory: " +
                                   m_dir.parent_path().filename().string() + " is not a directory");
            }
            return;
        }
        if (!fs::is_directory(m_dir, ec)) {
            throw output_error(m_shown + ": exists and is not a directory");
        }
        const bool report = fs::exists(m_dir / "index.html", ec);
        if (report && !force) {
            throw output_error(m_shown + ": already holds a report (use --force to replace it)");
        }
        for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (!report || !is_report_file(name)) {
                throw output_error(m_shown + ": holds " + name +
                                   ", which is not part of a report (not replacing the folder; "
                                   "choose an empty or new one)");
            }
        }
    }

    std::string m_shown; // DIR as the user wrote it, for messages
    fs::path m_dir;
    fs::path m_staging;
};

// One line on stderr, rewritten in place, only when stderr is a terminal.
class Progress {
public:
    explicit Progress(bool on) : m_on(on) {}
    ~Progress() { clear(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void show(const char* stage, std::size_t i, std::size_t n, const std::string& what) {
        if (m_on) {
            std::cerr << "\rsitmap: " << stage << " [" << i + 1 << "/" << n << "] " << what
                      << "\x1b[K" << std::flush;
            m_shown = true;
        }
    }
    void clear() {
        if (m_shown) {
            std::cerr << "\r\x1b[K" << std::flush;
            m_shown = false;
        }
    }
    // A message that stays: on its own line, whether or not progress is shown.
    void message(const std::string& line) {
        clear();
        std::cerr << line << "\n";
    }

private:
    bool m_on;
    bool m_shown = false;
};

std::vector<std::string> attributions(const std::vector<geo::Event>& events,
                                      const geo::Gazetteer& gazetteer) {
    std::set<std::string> sources;
    for (const geo::Event& e : events) {
        if (const geo::Place* p = gazetteer.find(e.place_id); p && !p->source.empty()) {
            sources.insert(p->source);
        }
    }
    std::vector<std::string> out;
    for (const std::string& s : sources) {
        out.push_back("Places: " + s);
    }
    // The credit data/README.md asks every map to print.
    out.push_back(bundled_data_attribution);
    out.push_back("Events: extracted by sitmap from the articles listed above; each claim is "
                  "attributed to whoever made it");
    return out;
}

// The events of each article, in input order (empty for a skipped one), and the files skipped.
struct ArticleEvents {
    std::vector<std::vector<geo::Event>> per_article;
    std::vector<std::string> skipped;
};

// Reads and extracts every article into page.articles; one that cannot be read is reported on
// stderr and skipped.
ArticleEvents read_articles(const std::vector<ReportInput>& inputs, const geo::Extractor& extractor,
                            Progress& progress, ReportPage& page) {
    ArticleEvents out;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const ReportInput& in = inputs[i];
        progress.show("reading", i, inputs.size(), in.path.filename().string());
        ReportArticleEntry entry;
        entry.id = in.path.stem().string();
        entry.file = in.display;
        entry.published = in.published;
        std::vector<geo::Event> events;
        try {
            const geo::Article article = geo::read_article(in.path, geo::parse_date(in.published));
            entry.id = article.id;
            entry.headline = article_headline(article.text);
            geo::Extraction extraction = extractor.extract(article);
            events = std::move(extraction.events);
            entry.events = events.size();
        } catch (const Error& e) {
            // The page names the file as the manifest or command line did, never the machine's
            // resolved path.
            std::string what = e.what();
            const std::string resolved = in.path.string();
            for (auto at = what.find(resolved); !resolved.empty() && at != std::string::npos;
                 at = what.find(resolved, at + in.display.size())) {
                what.replace(at, resolved.size(), in.display);
            }
            entry.error = what;
            out.skipped.push_back(in.display);
            progress.message("sitmap: skipped " + (what.find(in.display) == std::string::npos
                                                       ? in.display + ": " + what
                                                       : what));
        }
        out.per_article.push_back(std::move(events));
        page.articles.push_back(std::move(entry));
    }
    return out;
}

// A map per article and the overview. A map that cannot be drawn is reported; the article's
// events stay in the table. Returns the articles left without a map. `dir` is the staging
// folder, `output` the report folder as the user named it.
std::vector<std::string> draw_maps(ReportPage& page,
                                   const std::vector<std::vector<geo::Event>>& per_article,
                                   const fs::path& dir, const std::string& output,
                                   const GlobalOptions& global, Progress& progress) {
    std::set<std::string> used;
    std::vector<std::string> unmapped;
    for (std::size_t i = 0; i < page.articles.size(); ++i) {
        ReportArticleEntry& a = page.articles[i];
        if (a.error.empty() && !per_article[i].empty()) {
            progress.show("drawing maps", i, page.articles.size() + 1, a.id);
            // The article's events as the table lists them (merged across articles): a mark's
            // link leads to a row of the page, whose id a merge may have changed.
            std::vector<geo::Event> cited;
            for (const geo::Event& e : page.events) {
                if (std::any_of(e.sources.begin(), e.sources.end(),
                                [&](const geo::SourceRef& s) { return s.article == a.id; })) {
                    cited.push_back(e);
                }
            }
            try {
                const std::string title = a.headline.empty() ? a.id : a.headline;
                a.map = write_report_maps(cited.empty() ? per_article[i] : cited, title,
                                          dir / map_stem(a.id, used), global);
            } catch (const Error& e) {
                a.map_error = shown(e.what(), dir, output);
                unmapped.push_back(a.file);
                progress.message("sitmap: no map for " + a.file + ": " + a.map_error);
            }
        }
    }
    progress.show("drawing maps", page.articles.size(), page.articles.size() + 1, "overview");
    page.overview = write_report_maps(page.events, "All events", dir / "overview", global);
    return unmapped;
}

// events.geojson and events.qgz (with its GeoPackage) in the report directory; the QGIS project
// shows what the overview map shows. Returns the warnings.
std::vector<std::string> write_gis_files(ReportPage& page, const geo::Gazetteer& gazetteer,
                                         const fs::path& dir) {
    GisOutputOptions gis;
    gis.gazetteer = &gazetteer;
    gis.title = page.title;
    if (page.overview) {
        gis.crs = page.overview->frame.crs;
        gis.extent = page.overview->frame.extent;
    }
    gis.overwrite = geo::Overwrite::yes; // the directory was checked before
    std::vector<std::string> warnings;
    for (const char* name : {"events.geojson", "events.qgz"}) {
        const GisOutputResult r = write_gis_output(page.events, dir / name, gis);
        for (const auto& p : r.written) {
            page.data_files.push_back(p.filename().string());
        }
        warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
    }
    return warnings;
}

// Exit code 4 (partial) when some articles were skipped or left without a map.
void throw_if_partial(const fs::path& dir, std::size_t inputs,
                      const std::vector<std::string>& skipped,
                      const std::vector<std::string>& unmapped) {
    if (skipped.empty() && unmapped.empty()) {
        return;
    }
    const auto list = [](const std::vector<std::string>& files) {
        std::string out;
        for (const std::string& f : files) {
            out += (out.empty() ? "" : ", ") + f;
        }
        return out;
    };
    std::string what = "report written to " + dir.string() + ", but ";
    if (!skipped.empty()) {
        what += std::to_string(skipped.size()) + " of " + std::to_string(inputs) +
                " articles could not be read: " + list(skipped);
    }
    if (!unmapped.empty()) {
        what += std::string(skipped.empty() ? "" : "; and ") + "no map could be drawn for " +
                list(unmapped);
    }
    throw Error(ErrorKind::partial, what);
}

// The maps, GIS files and page of `page` (its articles and merged events set) in the staging
// folder, then the folder swapped in as DIR. `per_article` holds each article's events. Returns
// the articles left without a map.
std::vector<std::string> finish_report(ReportPage& page,
                                       const std::vector<std::vector<geo::Event>>& per_article,
                                       StagedReport& staged, const geo::Gazetteer& gazetteer,
                                       const ReportOptions& options, const GlobalOptions& global,
                                       Progress& progress) {
    const fs::path& dir = staged.path();
    std::vector<std::string> unmapped;
    std::vector<std::string> warnings;
    try {
        unmapped = draw_maps(page, per_article, dir, options.output, global, progress);
        progress.show("writing", 0, 1, "GIS files and index.html");
        warnings = write_gis_files(page, gazetteer, dir);
        page.attributions = attributions(page.events, gazetteer);
        write_report_html(page, dir / "index.html", geo::Overwrite::yes);
    } catch (const Error& e) {
        throw Error(e.kind(), shown(e.what(), dir, options.output));
    }
    staged.commit();
    progress.clear();
    if (!global.quiet) {
        for (const std::string& w : std::set<std::string>(warnings.begin(), warnings.end())) {
            std::cerr << "sitmap: warning: " << w << "\n";
        }
    }
    return unmapped;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The articles the events cite, in order of publication (then id): each with its stored
// publication date, headline and file name, else its id alone (events loaded from an events
// file); and the events citing each.
ArticleEvents store_articles_of(geo::PgStore& store, const std::vector<geo::Event>& events,
                                ReportPage& page) {
    std::vector<std::string> ids;
    for (const geo::Event& e : events) {
        for (const geo::SourceRef& s : e.sources) {
            if (std::find(ids.begin(), ids.end(), s.article) == ids.end()) {
                ids.push_back(s.article);
            }
        }
    }
    std::map<std::string, geo::PgArticle> stored;
    for (geo::PgArticle& a : store.read_articles(ids)) {
        stored[a.id] = std::move(a);
    }
    std::vector<ReportArticleEntry> entries;
    for (const std::string& id : ids) {
        ReportArticleEntry entry;
        entry.id = id;
        entry.file = id;
        entry.published = "(date not stored)";
        if (const auto it = stored.find(id); it != stored.end()) {
            entry.published = it->second.published;
            entry.headline = it->second.headline;
            if (!it->second.file.empty()) {
                entry.file = it->second.file;
            }
        }
        entries.push_back(std::move(entry));
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return std::tie(a.published, a.id) < std::tie(b.published, b.id);
    });
    ArticleEvents out;
    for (ReportArticleEntry& entry : entries) {
        std::vector<geo::Event> cited;
        for (const geo::Event& e : events) {
            if (std::any_of(e.sources.begin(), e.sources.end(),
                            [&](const geo::SourceRef& s) { return s.article == entry.id; })) {
                cited.push_back(e);
            }
        }
        entry.events = cited.size();
        out.per_article.push_back(std::move(cited));
        page.articles.push_back(std::move(entry));
    }
    return out;
}

// sitmap report PG:... [--where] [--from] [--to]: the store's events (those selected), the
// articles they cite, as a report of those articles' files would show them.
void run_store_report(const ReportOptions& options, const GlobalOptions& global) {
    if (options.articles.size() != 1) {
        throw usage_error("a report reads one PG: store, or article files, not both or two "
                          "stores");
    }
    if (!options.published.empty() || !options.manifest.empty()) {
        throw usage_error(std::string(options.published.empty() ? "--manifest" : "--published") +
                          " applies to article files; a PG: store keeps each article's date");
    }
    const std::string filter = geo::pg_events_filter(options.where, options.from, options.to);
    // Connection and condition are checked before the report folder is touched.
    geo::PgStore store(options.articles.front(), /*update=*/false);
    const geo::Gazetteer gazetteer = load_gazetteer(global);
    std::vector<geo::Event> events = store.read(filter, &gazetteer);
    if (events.empty()) {
        throw input_error(store.label() + ": no stored events" +
                          (filter.empty() ? std::string() : " match " + filter) +
                          "; nothing written to " + options.output);
    }
    StagedReport staged(options.output, options.force);
    Progress progress(!global.quiet && isatty(STDERR_FILENO) != 0);
    ReportPage page;
    page.events = geo::merge_events(std::move(events)); // as a report of files orders them
    const ArticleEvents read = store_articles_of(store, page.events, page);
    page.title = "Incident report: " + plural(page.articles.size(), "article");
    if (!options.from.empty() || !options.to.empty()) {
        page.title += ", " + (options.from.empty() ? std::string("until") : options.from) +
                      (options.from.empty() || options.to.empty() ? " " : " to ") +
                      (options.to.empty() ? std::string("onwards") : options.to);
    }
    const std::vector<std::string> unmapped =
        finish_report(page, read.per_article, staged, gazetteer, options, global, progress);
    if (!global.quiet) {
        std::cerr << "sitmap: report: " << plural(page.events.size(), "event") << " from "
                  << plural(page.articles.size(), "article") << " in " << store.label() << " -> "
                  << (fs::path(options.output) / "index.html").string() << "\n";
    }
    throw_if_partial(options.output, page.articles.size(), {}, unmapped);
}

void run_report(const ReportOptions& options, const GlobalOptions& global) {
    if (std::any_of(options.articles.begin(), options.articles.end(),
                    [](const std::string& a) { return geo::is_pg_store(a); })) {
        run_store_report(options, global);
        return;
    }
    for (const auto& [option, value] :
         {std::pair{"--where", &options.where}, {"--from", &options.from}, {"--to", &options.to}}) {
        if (!value->empty()) {
            throw usage_error(std::string(option) + " selects the events of a PG: store, and the "
                                                    "report reads none");
        }
    }
    const std::vector<ReportInput> inputs = report_inputs(options);
    StagedReport staged(options.output, options.force);

    const geo::Gazetteer gazetteer = load_gazetteer(global);
    const geo::Geocoder geocoder(gazetteer);
    const geo::Extractor extractor(geocoder);
    Progress progress(!global.quiet && isatty(STDERR_FILENO) != 0);

    ReportPage page;
    page.title = "Incident report: " + plural(inputs.size(), "article");
    const ArticleEvents read = read_articles(inputs, extractor, progress, page);
    progress.clear();
    if (read.skipped.size() == inputs.size()) {
        throw input_error("no article could be read; nothing written to " + options.output);
    }
    std::vector<geo::Event> all;
    for (const auto& events : read.per_article) {
        all.insert(all.end(), events.begin(), events.end());
    }
    page.events = geo::merge_events(std::move(all));

    const std::vector<std::string> unmapped =
        finish_report(page, read.per_article, staged, gazetteer, options, global, progress);
    if (!global.quiet) {
        std::cerr << "sitmap: report: " << plural(page.events.size(), "event") << " from "
                  << inputs.size() - read.skipped.size() << " of "
                  << plural(inputs.size(), "article") << " -> "
                  << (fs::path(options.output) / "index.html").string() << "\n";
    }
    throw_if_partial(options.output, inputs.size(), read.skipped, unmapped);
}

} // namespace

void add_report_command(CLI::App& app, const GlobalOptions& global) {
    auto options = std::make_shared<ReportOptions>();
    auto* cmd =
        app.add_subcommand("report", "Turn a batch of articles into maps and a report page");
    cmd->footer(
        "Writes into DIR: map-<article>.png/.svg/.pdf, overview.png/.svg/.pdf,\n"
        "events.geojson, events.gpkg, events.qgz (QGIS project) and index.html.\n"
        "An article that cannot be read is reported and skipped; the exit code is then 4.\n"
        "From a PostGIS store: sitmap report PG:\"dbname=...\" [--where SQL] [--from DATE]\n"
        "[--to DATE] -o DIR reports the stored events and the articles they cite.");
    cmd->add_option("articles", options->articles,
                    "Article text files, or one PostGIS store PG:\"dbname=... host=...\"");
    cmd->add_option("-o,--output", options->output, "Report directory (created if missing)")
        ->required();
    auto* published = cmd->add_option("--published", options->published,
                                      "Publication date of the articles (YYYY-MM-DD)");
    cmd->add_option("--manifest", options->manifest,
                    "CSV with a header 'file,published', one article per line")
        ->excludes(published);
    cmd->add_option("--where", options->where,
                    "With a PG: input: an SQL condition on the events columns, e.g. "
                    "\"layer = 'incident'\"");
    cmd->add_option("--from", options->from,
                    "With a PG: input: events on or after this date (YYYY-MM-DD)");
    cmd->add_option("--to", options->to,
                    "With a PG: input: events on or before this date (YYYY-MM-DD)");
    cmd->add_flag("--force", options->force, "Replace an existing report in DIR");
    cmd->add_flag("--allow-outside-manifest", options->allow_outside_manifest,
                  "Let --manifest name files outside its own folder");
    cmd->callback([options, &global] { run_report(*options, global); });
}

} // namespace sitmap::cli
