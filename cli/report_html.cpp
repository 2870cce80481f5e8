#include "cli/report_html.hpp"

#include "geo/core/error.hpp"
#include "geo/io/base64.hpp"
#include "geo/io/output_file.hpp"
#include "render/svg_canvas.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

namespace sitmap::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* stylesheet = R"css(
:root { --ink: #1d1d1d; --muted: #5f5f5f; --rule: #c8c8c8; --incident: #c62828;
        --checkpoint: #5e35b1; --context: #2e7d32; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
       max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
.lede, figcaption, .note, footer { color: var(--muted); }
figure { margin: 1rem 0 2rem; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { font-size: 0.9rem; margin-top: 0.3rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top;
         text-align: left; }
th { background: #f2f2f2; }
td.date { white-space: nowrap; }
.kind-incident { color: var(--incident); font-weight: 600; }
.kind-checkpoint { color: var(--checkpoint); font-weight: 600; }
.kind-context { color: var(--context); font-weight: 600; }
.disputed { display: inline-block; font-size: 0.75rem; border: 1px solid var(--incident);
            color: var(--incident); border-radius: 3px; padding: 0 0.25rem; margin-left: 0.3rem; }
.claims { margin: 0; padding-left: 1rem; }
sup { color: var(--muted); line-height: 0; }
#events th:nth-child(4) { width: 30%; }
#events th:nth-child(5) { width: 38%; }
.side { font-weight: 600; }
.sides-summary { margin: 0 0 0.3rem; font-weight: 600; }
tr:target { outline: 2px solid var(--incident); }
blockquote { margin: 0.2rem 0 0.4rem; padding-left: 0.6rem; border-left: 3px solid var(--rule);
             font-style: italic; }
.skipped { color: var(--incident); }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  figure, tr, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
  .downloads { display: none; }
}
)css";

std::string base64_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    if (!in && !in.eof()) {
        throw input_error("cannot read " + path.string());
    }
    return geo::base64_encode(bytes);
}

std::string layer_class(geo::EventKind kind) {
    switch (geo::layer_of(kind)) {
    case geo::EventLayer::incident:
        return "kind-incident";
    case geo::EventLayer::checkpoint:
        return "kind-checkpoint";
    case geo::EventLayer::context:
        return "kind-context";
    }
    return "kind-incident";
}

std::string words(std::string_view id) {
    std::string s(id);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string side_name(geo::Side side) {
    switch (side) {
    case geo::Side::armenia:
        return "Armenia";
    case geo::Side::azerbaijan:
        return "Azerbaijan";
    case geo::Side::russia:
        return "Russia";
    case geo::Side::eu:
        return "EU";
    case geo::Side::other:
        return "Other";
    case geo::Side::unknown:
        break;
    }
    return "Unattributed";
}

std::string date_text(const geo::DateRange& d) {
    if (!d.begin.ok()) {
        return "date unknown";
    }
    const std::string begin = geo::format_date(d.begin);
    if (d.precision == geo::DatePrecision::month) {
        return begin.substr(0, 7);
    }
    if (d.end.ok() && d.end != d.begin) {
        return begin + " – " + geo::format_date(d.end);
    }
    return begin;
}

std::string claim_text(const geo::Claim& c) {
    std::string s = c.who.empty() ? side_name(c.side) : c.who;
    switch (c.assertion) {
    case geo::Assertion::accuses:
        s += c.against == geo::Side::unknown ? " accuses the other side"
                                             : " accuses " + side_name(c.against);
        break;
    case geo::Assertion::reports_own_losses:
        s += " reports its own losses";
        break;
    case geo::Assertion::denies:
        s += " denies it";
        break;
    case geo::Assertion::reports:
        s += " reports";
        break;
    }
    std::vector<std::string> figures;
    if (c.killed) {
        figures.push_back(std::to_string(*c.killed) + " killed");
    }
    if (c.wounded) {
        figures.push_back(std::to_string(*c.wounded) + " wounded");
    }
    if (!figures.empty()) {
        s += ": " + figures.front();
        for (std::size_t i = 1; i < figures.size(); ++i) {
            s += ", " + figures[i];
        }
    }
    return s;
}

// How a claim weighs against the other side's: a denial, an accusation, own losses, a report.
int assertion_weight(geo::Assertion a) {
    switch (a) {
    case geo::Assertion::denies:
        return 3;
    case geo::Assertion::accuses:
        return 2;
    case geo::Assertion::reports_own_losses:
        return 1;
    case geo::Assertion::reports:
        break;
    }
    return 0;
}

// One side's claims on an event in a few words: its strongest assertion and the highest figures
// it states ("Armenia: accuses Azerbaijan, 4 wounded").
std::string side_summary(const geo::Event& e, geo::Side side) {
    const geo::Claim* strongest = nullptr;
    std::optional<int> killed;
    std::optional<int> wounded;
    for (const geo::Claim& c : e.claims) {
        if (c.side != side) {
            continue;
        }
        if (strongest == nullptr ||
            assertion_weight(c.assertion) > assertion_weight(strongest->assertion)) {
            strongest = &c;
        }
        if (c.killed) {
            killed = std::max(killed.value_or(0), *c.killed);
        }
        if (c.wounded) {
            wounded = std::max(wounded.value_or(0), *c.wounded);
        }
    }
    std::string s = side_name(side) + ": ";
    if (strongest != nullptr) {
        switch (strongest->assertion) {
        case geo::Assertion::accuses:
            s += strongest->against == geo::Side::unknown
                     ? "accuses the other side"
                     : "accuses " + side_name(strongest->against);
            break;
        case geo::Assertion::reports_own_losses:
            s += "reports its own losses";
            break;
        case geo::Assertion::denies:
            s += "denies";
            break;
        case geo::Assertion::reports:
            s += "reports";
            break;
        }
    }
    if (killed == 0 && wounded == 0) {
        s += ", no casualties";
        return s;
    }
    if (killed) {
        s += ", " + std::to_string(*killed) + " killed";
    }
    if (wounded) {
        s += ", " + std::to_string(*wounded) + " wounded";
    }
    return s;
}

void figure(std::ostream& out, const MapFiles& files, const std::string& alt, std::string caption) {
    if (!files.frame.projection.empty()) {
        caption += " Projection: " + files.frame.projection + ".";
    }
    out << "<figure>\n<img src=\"data:image/png;base64," << base64_file(files.png) << "\" alt=\""
        << html_escape(alt) << "\">\n<figcaption>" << html_escape(caption)
        << " <span class=\"downloads\">Download: <a href=\""
        << html_escape(files.svg.filename().string()) << "\">SVG</a> · <a href=\""
        << html_escape(files.pdf.filename().string()) << "\">PDF</a> · <a href=\""
        << html_escape(files.png.filename().string()) << "\">PNG</a></span></figcaption>\n"
        << "</figure>\n";
}

// An article's readable name: its headline or first sentence, else its file name.
std::string article_name(const ReportArticleEntry& a) {
    return a.headline.empty() ? fs::path(a.file).filename().string() : a.headline;
}

void events_table(std::ostream& out, const ReportPage& page) {
    std::map<std::string, std::string> names; // article id -> readable name
    for (const ReportArticleEntry& a : page.articles) {
        names.emplace(a.id, article_name(a));
    }
    std::vector<const geo::Event*> rows;
    for (const geo::Event& e : page.events) {
        rows.push_back(&e);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const geo::Event* a, const geo::Event* b) {
        return std::tie(a->date.begin, a->place_name) < std::tie(b->date.begin, b->place_name);
    });
    out << "<table id=\"events\">\n<thead><tr><th>Date</th><th>Place</th><th>Kind</th>"
           "<th>Claims, by side</th><th>Source article and sentence</th></tr></thead>\n<tbody>\n";
    for (const geo::Event* e : rows) {
        out << "<tr id=\"event-" << html_escape(e->id) << "\" data-event-id=\""
            << html_escape(e->id) << "\">";
        out << "<td class=\"date\">" << html_escape(date_text(e->date)) << "</td>";
        out << "<td>" << html_escape(e->place_name.empty() ? "(coordinates only)" : e->place_name)
            << "</td>";
        out << "<td class=\"" << layer_class(e->kind) << "\">"
            << html_escape(words(geo::to_string(e->kind)));
        if (e->disputed()) {
            out << "<span class=\"disputed\">disputed</span>";
        }
        out << "</td><td>";
        // The sentences the claims come from, numbered so that each claim points to its own.
        using Key = std::tuple<std::string, std::size_t, std::size_t>;
        std::map<Key, std::size_t> ref_of;
        std::vector<std::pair<Key, std::string>> refs; // key, sentence
        for (const geo::Claim& c : e->claims) {
            const Key key{c.source.article, c.source.begin, c.source.end};
            if (ref_of.emplace(key, refs.size() + 1).second) {
                refs.emplace_back(key, c.text);
            }
        }
        for (const geo::SourceRef& s : e->sources) {
            const Key key{s.article, s.begin, s.end};
            if (ref_of.emplace(key, refs.size() + 1).second) {
                refs.emplace_back(key, "");
            }
        }
        // Each side's claims together, sides in order of first appearance: first one summary
        // line for the event ("Armenia: accuses Azerbaijan, 4 wounded; Azerbaijan: ..."), then
        // per side each distinct claim once, with all the sentences that make it.
        std::vector<geo::Side> sides;
        for (const geo::Claim& c : e->claims) {
            if (std::find(sides.begin(), sides.end(), c.side) == sides.end()) {
                sides.push_back(c.side);
            }
        }
        if (sides.empty()) {
            out << "<span class=\"note\">no attributed claim</span>";
        } else {
            std::string summary;
            for (geo::Side side : sides) {
                summary += (summary.empty() ? "" : "; ") + side_summary(*e, side);
            }
            out << "<p class=\"sides-summary\">" << html_escape(summary) << ".</p>";
        }
        for (geo::Side side : sides) {
            out << "<div><span class=\"side\">" << html_escape(side_name(side))
                << "</span><ul class=\"claims\">";
            std::vector<std::pair<std::string, std::vector<std::size_t>>> distinct;
            for (const geo::Claim& c : e->claims) {
                if (c.side != side) {
                    continue;
                }
                const std::string text = claim_text(c);
                const std::size_t ref = ref_of.at({c.source.article, c.source.begin, c.source.end});
                auto it = std::find_if(distinct.begin(), distinct.end(),
                                       [&](const auto& d) { return d.first == text; });
                if (it == distinct.end()) {
                    distinct.push_back({text, {ref}});
                } else if (std::find(it->second.begin(), it->second.end(), ref) ==
                           it->second.end()) {
                    it->second.push_back(ref);
                }
            }
            for (const auto& [text, refs_of_claim] : distinct) {
                out << "<li>" << html_escape(text) << " <sup>";
                for (const std::size_t r : refs_of_claim) {
                    out << "[" << r << "]";
                }
                out << "</sup></li>";
            }
            out << "</ul></div>";
        }
        out << "</td><td>";
        for (std::size_t i = 0; i < refs.size(); ++i) {
            // The article by its readable name, linked to its section.
            const std::string& article = std::get<0>(refs[i].first);
            const auto named = names.find(article);
            out << "<div class=\"ref\">[" << i + 1 << "] <cite><a href=\"#article-"
                << html_escape(article) << "\">"
                << html_escape(named == names.end() ? article : named->second) << "</a></cite>";
            if (!refs[i].second.empty()) {
                out << "<blockquote>" << html_escape(refs[i].second) << "</blockquote>";
            }
            out << "</div>";
        }
        out << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

} // namespace

// The same escaping as the SVG maps: one rule for every document sitmap writes.
std::string html_escape(std::string_view text) {
    return render::xml_escape(text);
}

std::string report_html(const ReportPage& page) {
    std::ostringstream out;
    const std::size_t read = static_cast<std::size_t>(std::count_if(
        page.articles.begin(), page.articles.end(), [](const auto& a) { return a.error.empty(); }));
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"sitmap\">\n"
        << "<title>" << html_escape(page.title) << "</title>\n<style>" << stylesheet
        << "</style>\n</head>\n<body>\n<header>\n<h1>" << html_escape(page.title) << "</h1>\n"
        << "<p class=\"lede\">" << page.events.size() << " event"
        << (page.events.size() == 1 ? "" : "s") << " from " << read << " article"
        << (read == 1 ? "" : "s");
    if (read != page.articles.size()) {
        out << " (" << page.articles.size() - read << " skipped)";
    }
    out << ". Contradicting claims are shown side by side, not averaged.</p>\n</header>\n";

    out << "<section id=\"overview\">\n<h2>Overview</h2>\n";
    if (page.overview) {
        figure(out, *page.overview, "Map of all " + std::to_string(page.events.size()) + " events",
               "All events. " + page.overview->symbols);
    } else {
        out << "<p class=\"note\">No map was rendered for this report.</p>\n";
    }
    out << "</section>\n";

    out << "<section id=\"events-section\">\n<h2>Events</h2>\n";
    events_table(out, page);
    out << "</section>\n";

    out << "<section id=\"articles\">\n<h2>Articles</h2>\n";
    for (const ReportArticleEntry& a : page.articles) {
        // Its headline or first sentence; the file name for an article without text.
        const std::string name = article_name(a);
        out << "<article class=\"source\" id=\"article-" << html_escape(a.id) << "\">\n<h3>"
            << html_escape(name) << "</h3>\n<p>" << html_escape(a.id) << " (" << html_escape(a.file)
            << "), published " << html_escape(a.published) << ".";
        if (!a.error.empty()) {
            out << " <span class=\"skipped\">Skipped: " << html_escape(a.error) << "</span></p>\n";
        } else {
            out << " " << a.events << " event" << (a.events == 1 ? "" : "s") << ".</p>\n";
            if (a.map) {
                figure(out, *a.map, "Map of the events in " + name,
                       "Events reported in “" + name + "” (published " + a.published + "). " +
                           a.map->symbols);
            } else if (!a.map_error.empty()) {
                out << "<p class=\"skipped\">No map: " << html_escape(a.map_error) << "</p>\n";
            }
        }
        out << "</article>\n";
    }
    out << "</section>\n";

    out << "<footer>\n<h2>Data and attribution</h2>\n";
    if (!page.data_files.empty()) {
        out << "<p class=\"downloads\">GIS files: ";
        for (std::size_t i = 0; i < page.data_files.size(); ++i) {
            out << (i ? " · " : "") << "<a href=\"" << html_escape(page.data_files[i]) << "\">"
                << html_escape(page.data_files[i]) << "</a>";
        }
        out << "</p>\n";
    }
    out << "<ul>\n";
    for (const std::string& a : page.attributions) {
        out << "<li>" << html_escape(a) << "</li>\n";
    }
    out << "</ul>\n<p>Made with sitmap " << html_escape(SITMAP_VERSION)
        << ". Locations are those of the places named in the articles, at the precision "
           "stated in the data.</p>\n</footer>\n</body>\n</html>\n";
    return out.str();
}

void write_report_html(const ReportPage& page, const fs::path& path, geo::Overwrite overwrite) {
    geo::write_file(path, report_html(page), overwrite);
}

} // namespace sitmap::cli
