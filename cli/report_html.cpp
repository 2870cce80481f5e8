#include "cli/report_html.hpp"

#include "geo/core/error.hpp"
#include "geo/io/output_file.hpp"
#include "render/svg_canvas.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
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
figure svg.map { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
svg.map a.mark { cursor: pointer; }
svg.map a.mark:target, svg.map a.mark.hl, svg.map a.mark:focus {
  filter: drop-shadow(0 0 2px #ffd600) drop-shadow(0 0 3px #ffd600) drop-shadow(0 0 1px #000); }
svg.map a.mark.filtered, svg.map .mark-part.filtered { display: none; }
svg.map .mark-ring { fill: none; pointer-events: none; }
.filter { position: sticky; top: 0; z-index: 2; background: #fafafa; border: 1px solid var(--rule);
          padding: 0.4rem 0.6rem; margin: 1rem 0; font-size: 0.9rem; }
.filter label { margin-right: 0.8rem; }
.filter output { margin-left: 0.8rem; font-weight: 600; }
#map-tip { position: fixed; z-index: 3; max-width: 26rem; background: #fff; color: var(--ink);
           border: 1px solid var(--muted); border-radius: 3px; padding: 0.3rem 0.5rem;
           font-size: 0.85rem; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); pointer-events: none; }
.on-map { font-size: 0.8rem; color: var(--muted); margin-top: 0.3rem; }
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
tr, .ref, svg.map a.mark { scroll-margin-top: 3.5rem; } /* below the filter bar */
tr:target { outline: 2px solid var(--incident); background: #fff8e1; }
.ref:target { background: #fff8e1; }
blockquote { margin: 0.2rem 0 0.4rem; padding-left: 0.6rem; border-left: 3px solid var(--rule);
             font-style: italic; }
.skipped { color: var(--incident); }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  figure, tr, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
  .downloads, .filter, .on-map, #map-tip { display: none; }
}
)css";

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    if (!in || s.str().empty()) {
        throw input_error(path.string() + ": cannot read the map to put in the report");
    }
    return s.str();
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

// The sides' claims on an event in one line ("Armenia: accuses Azerbaijan, 4 wounded; Azerbaijan:
// ..."), sides in order of first appearance; empty without claims.
std::vector<geo::Side> sides_of(const geo::Event& e) {
    std::vector<geo::Side> sides;
    for (const geo::Claim& c : e.claims) {
        if (std::find(sides.begin(), sides.end(), c.side) == sides.end()) {
            sides.push_back(c.side);
        }
    }
    return sides;
}

std::string sides_summary(const geo::Event& e) {
    std::string summary;
    for (geo::Side side : sides_of(e)) {
        summary += (summary.empty() ? "" : "; ") + side_summary(e, side);
    }
    return summary;
}

// What a mark's tooltip says: place, date, kind, then each side's claims.
std::string mark_title(const geo::Event& e) {
    std::string t = e.place_name.empty() ? "" : e.place_name + ", ";
    t += date_text(e.date) + ": " + words(geo::to_string(e.kind));
    if (e.disputed()) {
        t += " (disputed)";
    }
    const std::string summary = sides_summary(e);
    return t + (summary.empty() ? "." : ". " + summary + ".");
}

// The first and last day an event may have happened (ISO), empty when unknown; what the date
// filter compares.
std::pair<std::string, std::string> date_bounds(const geo::DateRange& d) {
    if (!d.begin.ok()) {
        return {};
    }
    const std::string begin = geo::format_date(d.begin);
    return {begin, d.end.ok() && d.end > d.begin ? geo::format_date(d.end) : begin};
}

std::string date_attributes(const geo::DateRange& d) {
    const auto [begin, end] = date_bounds(d);
    return " data-begin=\"" + html_escape(begin) + "\" data-end=\"" + html_escape(end) + "\"";
}

// The five entities xml_escape writes, back to characters.
std::string xml_unescape(std::string_view s) {
    static const std::pair<std::string_view, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [entity, c] : entities) {
                if (s.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out += s[i++];
        }
    }
    return out;
}

// Path data with every number to 0.1 (a 1600 px map shown at most 1150 px wide loses nothing).
std::string round_path(std::string_view d) {
    std::string out;
    out.reserve(d.size());
    for (std::size_t i = 0; i < d.size();) {
        const char c = d[i];
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            std::size_t j = i + 1;
            while (j < d.size() && (d[j] == '.' || (d[j] >= '0' && d[j] <= '9'))) {
                ++j;
            }
            double v = 0.0;
            if (std::from_chars(d.data() + i, d.data() + j, v).ec != std::errc()) {
                out.append(d.substr(i, j - i));
            } else {
                char buf[32];
                const auto res = std::to_chars(buf, buf + sizeof buf, std::round(v * 10.0) / 10.0,
                                               std::chars_format::fixed, 1);
                std::string_view n(buf, static_cast<std::size_t>(res.ptr - buf));
                if (n.size() > 2 && n.substr(n.size() - 2) == ".0") {
                    n.remove_suffix(2);
                }
                out.append(n == "-0" ? "0" : n);
            }
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

struct Attribute {
    std::string name;
    std::string value; // as written: escaped
};

// One tag's name and attributes ("path d=\"..\" fill=\"..\"/" -> path, [d, fill], self-closing).
// The writer quotes every value with " and escapes " inside it.
struct Tag {
    std::string name;
    std::vector<Attribute> attributes;
    bool closing = false;
    bool self_closing = false;
};

Tag parse_tag(std::string_view body) {
    Tag tag;
    std::size_t i = 0;
    if (!body.empty() && body[0] == '/') {
        tag.closing = true;
        i = 1;
    }
    if (!body.empty() && body.back() == '/') {
        tag.self_closing = true;
        body.remove_suffix(1);
    }
    const auto space = [&](std::size_t k) {
        return body[k] == ' ' || body[k] == '\n' || body[k] == '\t' || body[k] == '\r';
    };
    const std::size_t name_begin = i;
    while (i < body.size() && !space(i)) {
        ++i;
    }
    tag.name = std::string(body.substr(name_begin, i - name_begin));
    while (i < body.size()) {
        while (i < body.size() && space(i)) {
            ++i;
        }
        if (i >= body.size()) {
            break;
        }
        const std::size_t eq = body.find('=', i);
        if (eq == std::string_view::npos || eq + 1 >= body.size() || body[eq + 1] != '"') {
            throw input_error("map SVG: unexpected markup in <" + tag.name + ">");
        }
        const std::size_t close = body.find('"', eq + 2);
        if (close == std::string_view::npos) {
            throw input_error("map SVG: unterminated attribute in <" + tag.name + ">");
        }
        tag.attributes.push_back({std::string(body.substr(i, eq - i)),
                                  std::string(body.substr(eq + 2, close - eq - 2))});
        i = close + 1;
    }
    return tag;
}

// Every "url(#X)" in a value as "url(#PREFIX-X)".
std::string prefix_urls(std::string_view value, std::string_view prefix) {
    std::string out;
    constexpr std::string_view url = "url(#";
    std::size_t from = 0;
    for (auto pos = value.find(url); pos != std::string_view::npos; pos = value.find(url, from)) {
        out.append(value.substr(from, pos + url.size() - from));
        out.append(prefix);
        out += '-';
        from = pos + url.size();
    }
    out.append(value.substr(from));
    return out;
}

void figure(std::ostream& out, const MapFiles& files, const std::string& markup, int number,
            std::string caption) {
    if (!files.frame.projection.empty()) {
        caption += " Projection: " + files.frame.projection + ".";
    }
    out << "<figure id=\"figure-map" << number << "\">\n"
        << markup << "<figcaption>Map " << number << ". " << html_escape(caption)
        << " <span class=\"downloads\">Download: <a href=\""
        << html_escape(files.svg.filename().string()) << "\">SVG</a> · <a href=\""
        << html_escape(files.pdf.filename().string()) << "\">PDF</a> · <a href=\""
        << html_escape(files.png.filename().string()) << "\">PNG</a></span></figcaption>\n"
        << "</figure>\n";
}

// The maps of the page in order (overview, then each article's), inlined, and on which of them
// each event has a mark.
struct PageMaps {
    std::vector<std::string> markup;                   // by map number - 1
    std::map<std::string, std::vector<int>> events_on; // event id -> map numbers
};

PageMaps inline_maps(const ReportPage& page) {
    std::vector<const MapFiles*> files;
    if (page.overview) {
        files.push_back(&*page.overview);
    }
    for (const ReportArticleEntry& a : page.articles) {
        if (a.error.empty() && a.map) {
            files.push_back(&*a.map);
        }
    }
    PageMaps maps;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const int number = static_cast<int>(i) + 1;
        InlineSvg svg =
            inline_map_svg(read_file(files[i]->svg), "map" + std::to_string(number), page.events);
        for (const std::string& id : svg.events) {
            maps.events_on[id].push_back(number);
        }
        maps.markup.push_back(std::move(svg.markup));
    }
    return maps;
}

// The page's only script: the date filter, mark tooltips, and all of an event's marks
// highlighted when one is reached from its row. It reads the page (data attributes, the marks'
// titles) and writes text only (textContent), never markup.
constexpr const char* script = R"js(
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#events tbody tr"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("svg.map a.mark"));
  var parts = Array.prototype.slice.call(document.querySelectorAll("svg.map .mark-part"));
  var form = document.getElementById("date-filter");
  var from = document.getElementById("date-from");
  var to = document.getElementById("date-to");
  var count = document.getElementById("filter-count");
  var tip = document.getElementById("map-tip");

  // An event is kept when the dates it may have happened on meet the range; undated ones stay.
  function kept(el, a, b) {
    var begin = el.getAttribute("data-begin");
    var end = el.getAttribute("data-end") || begin;
    if (!begin) return true;
    return (!a || end >= a) && (!b || begin <= b);
  }
  function filter() {
    var a = from.value, b = to.value, shown = 0;
    rows.forEach(function (tr) {
      var keep = kept(tr, a, b);
      tr.hidden = !keep;
      if (keep) shown += 1;
    });
    marks.concat(parts).forEach(function (m) { m.classList.toggle("filtered", !kept(m, a, b)); });
    count.textContent = (a || b)
      ? "Showing " + shown + " of " + rows.length + " events" +
        (a ? " from " + a : "") + (b ? " to " + b : "")
      : "Showing all " + rows.length + " events";
    highlight(false);
  }
  from.addEventListener("input", filter);
  to.addEventListener("input", filter);
  from.addEventListener("change", filter);
  to.addEventListener("change", filter);
  document.getElementById("filter-clear").addEventListener("click", function () {
    from.value = "";
    to.value = "";
    filter();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  // Reached from a row ("#map1-mark-ID"): every mark of that event on that map lights up, the
  // mark in the middle of the window with the map around it.
  var svgNs = "http://www.w3.org/2000/svg";
  function ring(m) {
    var b = m.getBBox(), svg = m.closest("svg.map");
    var shapes = [["#1d1d1d", 7], ["#ffd600", 4]];
    shapes.forEach(function (s) {
      var r;
      if (Math.max(b.width, b.height) < 60) {
        r = document.createElementNS(svgNs, "circle");
        r.setAttribute("cx", b.x + b.width / 2);
        r.setAttribute("cy", b.y + b.height / 2);
        r.setAttribute("r", Math.max(b.width, b.height) / 2 + 12);
      } else {
        r = document.createElementNS(svgNs, "rect");
        r.setAttribute("x", b.x - 6);
        r.setAttribute("y", b.y - 6);
        r.setAttribute("width", b.width + 12);
        r.setAttribute("height", b.height + 12);
        r.setAttribute("rx", 6);
      }
      r.setAttribute("class", "mark-ring");
      r.setAttribute("stroke", s[0]);
      r.setAttribute("stroke-width", s[1]);
      svg.appendChild(r);
    });
  }
  function highlight(scroll) {
    marks.forEach(function (m) { m.classList.remove("hl"); });
    Array.prototype.slice.call(document.querySelectorAll("svg.map .mark-ring"))
      .forEach(function (r) { r.parentNode.removeChild(r); });
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ""; }
    var target = id ? document.getElementById(id) : null;
    if (!target || !target.classList || !target.classList.contains("mark")) return;
    var svg = target.closest("svg.map");
    var event = target.getAttribute("data-event");
    marks.forEach(function (m) {
      if (m.getAttribute("data-event") === event && m.closest("svg.map") === svg &&
          !m.classList.contains("filtered")) {
        m.classList.add("hl");
        ring(m);
      }
    });
    if (scroll) target.scrollIntoView({ block: "center", inline: "nearest" });
  }
  window.addEventListener("hashchange", function () { highlight(true); });

  // Tooltips: a mark's title (its event's claims by side) shown at once, not the browser's.
  marks.forEach(function (m) {
    var title = m.querySelector("title");
    if (!title) return;
    m.setAttribute("data-tip", title.textContent);
    m.setAttribute("aria-label", title.textContent);
    title.parentNode.removeChild(title);
  });
  function showTip(e) {
    var m = e.target.closest ? e.target.closest("a.mark") : null;
    if (!m || !m.getAttribute("data-tip")) { tip.hidden = true; return; }
    tip.textContent = m.getAttribute("data-tip");
    tip.hidden = false;
    var x = e.clientX + 14, y = e.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, e.clientX - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, e.clientY - h - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  document.addEventListener("mousemove", showTip);
  document.addEventListener("scroll", function () { tip.hidden = true; });

  form.hidden = false;
  filter();
  highlight(true);
})();
)js";

// An article's readable name: its headline or first sentence, else its file name.
std::string article_name(const ReportArticleEntry& a) {
    return a.headline.empty() ? fs::path(a.file).filename().string() : a.headline;
}

void events_table(std::ostream& out, const ReportPage& page, const PageMaps& maps) {
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
        const std::string id = html_escape(e->id);
        out << "<tr id=\"event-" << id << "\" data-event-id=\"" << id << "\""
            << date_attributes(e->date) << ">";
        out << "<td class=\"date\">" << html_escape(date_text(e->date)) << "</td>";
        out << "<td>" << html_escape(e->place_name.empty() ? "(coordinates only)" : e->place_name);
        // Back to the event's marks, on every map that draws it.
        const auto on = maps.events_on.find(e->id);
        if (on != maps.events_on.end()) {
            out << "<div class=\"on-map\">On ";
            for (std::size_t i = 0; i < on->second.size(); ++i) {
                const int n = on->second[i];
                out << (i ? ", " : "") << "<a href=\"#map" << n << "-mark-" << id << "\">map " << n
                    << "</a>";
            }
            out << "</div>";
        } else if (!maps.markup.empty()) {
            out << "<div class=\"on-map\">Not on the maps</div>";
        }
        out << "</td>";
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
        const std::vector<geo::Side> sides = sides_of(*e);
        if (sides.empty()) {
            out << "<span class=\"note\">no attributed claim</span>";
        } else {
            out << "<p class=\"sides-summary\">" << html_escape(sides_summary(*e)) << ".</p>";
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
                    out << "<a href=\"#event-" << id << "-s" << r << "\">[" << r << "]</a>";
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
            out << "<div class=\"ref\" id=\"event-" << id << "-s" << i + 1 << "\">[" << i + 1
                << "] <cite><a href=\"#article-" << html_escape(article) << "\">"
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

namespace {

// What an inlined map's marks link to: the report's events by id, and the map's id prefix.
struct MapLinks {
    std::map<std::string, const geo::Event*> by_id;
    std::string_view prefix;    // "map1"
    std::string pre;            // "map1-"
    std::set<std::string> seen; // events with a mark so far
};

// Copies a tag's attributes for the page: ids and references prefixed, event handlers refused, a
// mark's link turned into a link to its row (returning its event), path coordinates rounded.
const geo::Event* copy_attributes(Tag& tag, std::vector<Attribute>& attributes, MapLinks& links,
                                  InlineSvg& result) {
    constexpr std::string_view row_link = "index.html#event-";
    const std::string_view prefix = links.prefix;
    const std::string& pre = links.pre;
    const geo::Event* link_event = nullptr;
    for (Attribute& a : tag.attributes) {
        if (a.name.size() > 2 && (a.name[0] == 'o' || a.name[0] == 'O') &&
            (a.name[1] == 'n' || a.name[1] == 'N')) {
            throw input_error("map SVG: unexpected event handler " + a.name);
        }
        if (tag.name == "svg" && (a.name == "width" || a.name == "height")) {
            continue; // the page sizes the map (CSS), the viewBox keeps its shape
        }
        if (tag.name == "a" && a.name == "target") {
            continue;
        }
        if (a.name == "id") {
            a.value = pre + a.value;
        } else if (a.name == "href" || a.name == "xlink:href") {
            if (a.value.starts_with("#")) {
                a.value = "#" + pre + a.value.substr(1);
            } else if (tag.name == "a" && a.value.starts_with(row_link)) {
                const std::string id = a.value.substr(row_link.size()); // escaped
                const auto found = links.by_id.find(xml_unescape(id));
                if (found == links.by_id.end()) {
                    throw input_error("map SVG: a mark of event " + xml_unescape(id) +
                                      ", which the report does not hold");
                }
                link_event = found->second;
                attributes.push_back({"href", "#event-" + id});
                if (links.seen.insert(found->first).second) {
                    result.events.push_back(found->first);
                    attributes.push_back({"id", pre + "mark-" + id});
                }
                attributes.push_back({"class", "mark"});
                attributes.push_back({"data-event", id});
                const auto [begin, end] = date_bounds(found->second->date);
                attributes.push_back({"data-begin", html_escape(begin)});
                attributes.push_back({"data-end", html_escape(end)});
                continue;
            } else {
                throw input_error("map SVG: unexpected link " + xml_unescape(a.value));
            }
        } else if (a.name == "d") {
            a.value = round_path(a.value);
        } else {
            a.value = prefix_urls(a.value, prefix);
        }
        attributes.push_back(std::move(a));
    }
    return link_event;
}

} // namespace

InlineSvg inline_map_svg(std::string_view svg, std::string_view prefix,
                         const std::vector<geo::Event>& events) {
    MapLinks links{{}, prefix, std::string(prefix) + "-", {}};
    for (const geo::Event& e : events) {
        links.by_id.emplace(e.id, &e);
    }
    InlineSvg result;
    std::string& out = result.markup;
    out.reserve(svg.size());
    const geo::Event* in_mark = nullptr; // the event of the mark link being copied
    // The event whose mark link just closed: the unlinked shapes drawn right after it (a
    // disputed ring, an arrow's head and tail) are parts of its mark, hidden with it.
    const geo::Event* after_mark = nullptr;
    int link_depth = 0; // nested <a> inside it (none are written)
    bool root_done = false;
    for (std::size_t i = 0; i < svg.size();) {
        const std::size_t open = svg.find('<', i);
        const std::string_view text = svg.substr(i, open - i);
        out.append(text); // as the writer escaped it
        if (text.find_first_not_of(" \n\t\r") != std::string_view::npos) {
            after_mark = nullptr;
        }
        if (open == std::string_view::npos) {
            break;
        }
        const std::size_t close = svg.find('>', open);
        if (close == std::string_view::npos) {
            throw input_error("map SVG: unterminated tag");
        }
        i = close + 1;
        const std::string_view body = svg.substr(open + 1, close - open - 1);
        if (body.substr(0, 1) == "?") {
            continue; // the XML declaration has no place in HTML
        }
        if (body.substr(0, 1) == "!") {
            throw input_error("map SVG: unexpected comment or declaration");
        }
        Tag tag = parse_tag(body);
        static const std::set<std::string> refused = {"script", "foreignObject", "iframe", "object",
                                                      "embed",  "style",         "image"};
        if (refused.count(tag.name)) {
            throw input_error("map SVG: unexpected <" + tag.name + "> element");
        }
        const bool part = !tag.closing && tag.self_closing && in_mark == nullptr &&
                          (tag.name == "use" || tag.name == "path");
        const geo::Event* part_of = part ? after_mark : nullptr;
        after_mark = nullptr;
        if (tag.closing) {
            if (tag.name == "a" && in_mark != nullptr && --link_depth == 0) {
                after_mark = in_mark;
                in_mark = nullptr;
            }
            out += "</" + tag.name + ">";
            continue;
        }
        // A mark's title: its event's claims by side, the same words as its row.
        if (tag.name == "title" && in_mark != nullptr && !tag.self_closing) {
            const std::size_t end = svg.find("</title>", i);
            if (end == std::string_view::npos) {
                throw input_error("map SVG: unterminated <title>");
            }
            out += "<title>" + html_escape(mark_title(*in_mark)) + "</title>";
            i = end + std::string_view("</title>").size();
            continue;
        }
        std::vector<Attribute> attributes;
        if (part_of != nullptr) {
            after_mark = part_of; // the next shape may be a part too
            const auto [begin, end] = date_bounds(part_of->date);
            attributes.push_back({"class", "mark-part"});
            attributes.push_back({"data-event", html_escape(part_of->id)});
            attributes.push_back({"data-begin", html_escape(begin)});
            attributes.push_back({"data-end", html_escape(end)});
        }
        if (tag.name == "svg" && !root_done) {
            root_done = true;
            attributes.push_back({"id", std::string(prefix)});
            attributes.push_back({"class", "map"});
        }
        const geo::Event* link_event = copy_attributes(tag, attributes, links, result);
        if (tag.name == "a") {
            if (in_mark != nullptr) {
                ++link_depth;
            } else if (link_event != nullptr) {
                in_mark = link_event;
                link_depth = 1;
            }
        }
        out += '<' + tag.name;
        for (const Attribute& a : attributes) {
            out += ' ' + a.name + "=\"" + a.value + '"';
        }
        out += tag.self_closing ? "/>" : ">";
    }
    return result;
}

std::string report_html(const ReportPage& page) {
    const PageMaps maps = inline_maps(page);
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
    out << ". Contradicting claims are shown side by side, not averaged.";
    if (!maps.markup.empty()) {
        out << " Click a mark on a map for its row in the events table; each row links back to "
               "its marks.";
    }
    out << "</p>\n</header>\n";

    // The date filter, shown by the script (useless without it).
    std::string first_day, last_day;
    for (const geo::Event& e : page.events) {
        const auto [begin, end] = date_bounds(e.date);
        if (!begin.empty()) {
            first_day = first_day.empty() ? begin : std::min(first_day, begin);
            last_day = std::max(last_day, end);
        }
    }
    out << "<form id=\"date-filter\" class=\"filter\" hidden>"
        << "<label>From <input type=\"date\" id=\"date-from\" min=\"" << html_escape(first_day)
        << "\" max=\"" << html_escape(last_day) << "\"></label>"
        << "<label>to <input type=\"date\" id=\"date-to\" min=\"" << html_escape(first_day)
        << "\" max=\"" << html_escape(last_day) << "\"></label>"
        << "<button type=\"button\" id=\"filter-clear\">All dates</button>"
        << "<output id=\"filter-count\" aria-live=\"polite\"></output> "
        << "<span class=\"note\">Events of unknown date are always shown.</span></form>\n"
        << "<div id=\"map-tip\" role=\"tooltip\" hidden></div>\n";

    int map_number = 0;
    out << "<section id=\"overview\">\n<h2>Overview</h2>\n";
    if (page.overview) {
        figure(out, *page.overview, maps.markup.at(map_number), map_number + 1,
               "All events. " + page.overview->symbols);
        ++map_number;
    } else {
        out << "<p class=\"note\">No map was rendered for this report.</p>\n";
    }
    out << "</section>\n";

    out << "<section id=\"events-section\">\n<h2>Events</h2>\n";
    events_table(out, page, maps);
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
                figure(out, *a.map, maps.markup.at(map_number), map_number + 1,
                       "Events reported in “" + name + "” (published " + a.published + "). " +
                           a.map->symbols);
                ++map_number;
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
           "stated in the data.</p>\n</footer>\n<script id=\"sitmap-report-script\">"
        << script << "</script>\n</body>\n</html>\n";
    return out.str();
}

void write_report_html(const ReportPage& page, const fs::path& path, geo::Overwrite overwrite) {
    geo::write_file(path, report_html(page), overwrite);
}

} // namespace sitmap::cli
