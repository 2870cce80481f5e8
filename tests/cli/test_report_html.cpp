// cli/report_html.hpp: the report page as a string (escaping, counts, skipped articles) and the
// file written as a unit.

#include "cli/report_html.hpp"

#include "geo/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::cli;

namespace {

geo::Event event_at(const std::string& place, const std::string& date) {
    geo::Event e;
    e.id = "evt-" + date + "-" + place;
    e.kind = geo::EventKind::small_arms_fire;
    e.date.begin = e.date.end = geo::parse_date(date);
    e.place_name = place;
    geo::Claim c;
    c.who = "Ministry <of> Defence";
    c.side = geo::Side::armenia;
    c.assertion = geo::Assertion::accuses;
    c.against = geo::Side::azerbaijan;
    c.wounded = 2;
    c.text = "Shots & \"fire\" near " + place + ".";
    c.source = {"000_a", 10, 60};
    e.claims = {c};
    e.sources = {c.source};
    return e;
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST(ReportHtml, EscapesTheFiveCharacters) {
    EXPECT_EQ(html_escape(R"(<a href="x">Tom & 'Jerry'</a>)"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    EXPECT_EQ(html_escape("Սոթք – Sotk"), "Սոթք – Sotk"); // UTF-8 passes through
    EXPECT_EQ(html_escape(""), "");
}

TEST(ReportHtml, TitleArticlesAndClaimsAreEscaped) {
    ReportPage page;
    page.title = "Report <b>one</b> & two";
    ReportArticleEntry a;
    a.id = "000_a";
    a.file = "dir/a&b.txt";
    a.published = "2023-05-11";
    a.headline = "Shelling \"near\" <Sotk>";
    a.events = 1;
    page.articles.push_back(a);
    page.events.push_back(event_at("Sotk", "2023-05-11"));
    const std::string html = report_html(page);
    EXPECT_EQ(html.find("<b>one</b>"), std::string::npos);
    EXPECT_NE(html.find("<title>Report &lt;b&gt;one&lt;/b&gt; &amp; two</title>"),
              std::string::npos);
    EXPECT_NE(html.find("Shelling &quot;near&quot; &lt;Sotk&gt;"), std::string::npos);
    EXPECT_NE(html.find("dir/a&amp;b.txt"), std::string::npos);
    EXPECT_NE(html.find("Ministry &lt;of&gt; Defence accuses Azerbaijan: 2 wounded"),
              std::string::npos);
    EXPECT_NE(html.find("Shots &amp; &quot;fire&quot; near Sotk."), std::string::npos);
}

TEST(ReportHtml, CountsEventsArticlesAndSkippedOnes) {
    ReportPage page;
    ReportArticleEntry ok;
    ok.id = "000_a";
    ok.published = "2023-05-11";
    ok.events = 2;
    ReportArticleEntry bad;
    bad.id = "001_b";
    bad.published = "2023-05-11";
    bad.error = "001_b.txt: the article is empty";
    page.articles = {ok, bad};
    page.events = {event_at("Sotk", "2023-05-11"), event_at("Tegh", "2023-05-10")};
    const std::string html = report_html(page);
    EXPECT_NE(html.find("2 events from 1 article (1 skipped)."), std::string::npos);
    EXPECT_NE(html.find("Skipped: 001_b.txt: the article is empty"), std::string::npos);
    EXPECT_NE(html.find("No map was rendered for this report."), std::string::npos);
    // Events table sorted by date: Tegh (10 May) before Sotk (11 May).
    EXPECT_LT(html.find("data-event-id=\"evt-2023-05-10-Tegh\""),
              html.find("data-event-id=\"evt-2023-05-11-Sotk\""));
    EXPECT_EQ(count(html, "<tr id=\"event-"), 2u);

    page.events.resize(1);
    page.articles.resize(1);
    EXPECT_NE(report_html(page).find("1 event from 1 article."), std::string::npos);
}

TEST(ReportHtml, WritesAUnitAndRefusesToReplaceUnlessAsked) {
    const fs::path dir = test::fresh_temp_dir("report_html");
    ReportPage page;
    page.title = "t";
    const fs::path out = dir / "index.html";
    write_report_html(page, out, geo::Overwrite::no);
    std::stringstream text;
    text << std::ifstream(out).rdbuf();
    EXPECT_EQ(text.str(), report_html(page));
    try {
        write_report_html(page, out, geo::Overwrite::no);
        FAIL() << "replaced an existing page";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
    }
    EXPECT_NO_THROW(write_report_html(page, out, geo::Overwrite::yes));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

// A clash reported in five sentences: each side summarised once ("Armenia: accuses Azerbaijan,
// 4 wounded"), each distinct claim listed once with all its sentences, sources cited by the
// article's readable name (its file name when it has no headline), linked to its section.
TEST(ReportHtml, ClaimsSummarisedPerSideAndCitedByName) {
    ReportPage page;
    ReportArticleEntry a;
    a.id = "000_5910880eccc6c8c0";
    a.file = "seeds/border-news.txt";
    a.published = "2023-05-11";
    a.events = 1;
    page.articles.push_back(a);
    geo::Event e = event_at("Sotk", "2023-05-11");
    e.claims.clear();
    for (std::size_t i = 0; i < 5; ++i) {
        geo::Claim c;
        c.side = geo::Side::armenia;
        c.assertion = geo::Assertion::accuses;
        c.against = geo::Side::azerbaijan;
        if (i == 2) {
            c.wounded = 4;
        }
        c.text = "Sentence " + std::to_string(i) + ".";
        c.source = {a.id, i * 100, i * 100 + 50};
        e.claims.push_back(c);
    }
    geo::Claim az;
    az.side = geo::Side::azerbaijan;
    az.assertion = geo::Assertion::denies;
    az.text = "Baku denies.";
    az.source = {a.id, 900, 950};
    e.claims.push_back(az);
    page.events = {e};
    const std::string html = report_html(page);
    EXPECT_NE(html.find("<p class=\"sides-summary\">Armenia: accuses Azerbaijan, 4 wounded; "
                        "Azerbaijan: denies.</p>"),
              std::string::npos)
        << html;
    // Each number links to its sentence in the row.
    const std::string s = "<a href=\"#event-evt-2023-05-11-Sotk-s";
    EXPECT_EQ(count(html, "<li>Armenia accuses Azerbaijan <sup>" + s + "1\">[1]</a>" + s +
                              "2\">[2]</a>" + s + "4\">[4]</a>" + s + "5\">[5]</a></sup></li>"),
              1u);
    EXPECT_EQ(count(html, "<li>Armenia accuses Azerbaijan: 4 wounded <sup>" + s +
                              "3\">[3]</a></sup></li>"),
              1u);
    for (int i = 1; i <= 6; ++i) {
        EXPECT_EQ(count(html, "<div class=\"ref\" id=\"event-evt-2023-05-11-Sotk-s" +
                                  std::to_string(i) + "\">[" + std::to_string(i) + "]"),
                  1u)
            << i;
    }
    EXPECT_EQ(count(html, ">Armenia accuses Azerbaijan <"), 1u) << "not five times";
    EXPECT_NE(html.find("<cite><a href=\"#article-000_5910880eccc6c8c0\">border-news.txt</a>"),
              std::string::npos);
    EXPECT_NE(html.find("<h3>border-news.txt</h3>"), std::string::npos);
    EXPECT_NE(html.find("<tr id=\"event-evt-2023-05-11-Sotk\""), std::string::npos);
}

namespace {

// A map as sitmap's SVG writer writes one (its elements and attribute forms), small enough to
// read: a clip, a marker symbol with split-fill clips, a hatch, a linked mark with a title, a
// disputed ring after it, an area mark, a label whose text looks like markup and references.
std::string small_map(const std::string& sotk, const std::string& tegh) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"1600\" "
           "height=\"1000\" viewBox=\"0 0 1600 1000\">\n"
           "<title>Map &lt;one&gt;</title>\n"
           "<g clip-path=\"url(#clip0)\">\n<g id=\"layer-uncertainty\">\n"
           "<a href=\"index.html#event-" +
           tegh + "\" target=\"_top\"><path id=\"" + tegh +
           "\" d=\"M10.26 20.04L-0.04 5.56Z\" fill=\"url(#hatch0)\"/>\n</a>\n"
           "</g>\n<g id=\"layer-incidents\">\n"
           "<a href=\"index.html#event-" +
           sotk + "\" target=\"_top\"><use id=\"" + sotk +
           "\" href=\"#m0\" x=\"100.5\" y=\"200\"><title>Sotk: long claims</title></use>\n</a>\n"
           "<use href=\"#m1\" x=\"100.5\" y=\"200\"/>\n"
           "</g>\n<g id=\"layer-labels\">\n"
           "<text x=\"1\" y=\"2\" xml:space=\"preserve\">id=&quot;x&quot; url(#clip0) "
           "&lt;script&gt;</text>\n<use href=\"#m1\" x=\"5\" y=\"5\"/>\n</g>\n</g>\n"
           "<defs>\n<clipPath id=\"clip0\"><rect x=\"0\" y=\"0\" width=\"9\" height=\"9\"/>"
           "</clipPath>\n<pattern id=\"hatch0\" patternUnits=\"userSpaceOnUse\"/>\n"
           "<clipPath id=\"m0l\"><rect x=\"-1\" y=\"-1\" width=\"1\" height=\"2\"/></clipPath>\n"
           "<g id=\"m0\"><circle r=\"4\" fill=\"#fff\" clip-path=\"url(#m0l)\"/></g>\n"
           "<g id=\"m1\"><circle r=\"6\" fill=\"none\"/></g>\n</defs>\n</svg>\n";
}

std::vector<std::string> ids_in(const std::string& html) {
    std::vector<std::string> ids;
    const std::string key = " id=\"";
    for (auto pos = html.find(key); pos != std::string::npos; pos = html.find(key, pos + 1)) {
        const auto begin = pos + key.size();
        ids.push_back(html.substr(begin, html.find('"', begin) - begin));
    }
    return ids;
}

} // namespace

TEST(ReportHtml, InlineMapPrefixesIdsAndReferencesAndLinksMarksToRows) {
    geo::Event sotk = event_at("Sotk", "2023-05-11");
    geo::Event tegh = event_at("Tegh", "2022-11-06");
    tegh.date.end = geo::parse_date("2022-11-07");
    const InlineSvg svg = inline_map_svg(small_map(sotk.id, tegh.id), "map2", {sotk, tegh});
    const std::string& m = svg.markup;
    EXPECT_EQ(m.find("<?xml"), std::string::npos);
    EXPECT_EQ(m.find("width=\"1600\""), std::string::npos); // the page sizes it
    EXPECT_NE(m.find("<svg id=\"map2\" class=\"map\" xmlns=\"http://www.w3.org/2000/svg\""),
              std::string::npos);
    EXPECT_NE(m.find("viewBox=\"0 0 1600 1000\""), std::string::npos);
    // Ids and references to them, all prefixed.
    for (const char* s :
         {"<g clip-path=\"url(#map2-clip0)\">", "<g id=\"map2-layer-incidents\">",
          "<clipPath id=\"map2-clip0\">", "<pattern id=\"map2-hatch0\"", "<g id=\"map2-m0\">",
          "clip-path=\"url(#map2-m0l)\"", "<clipPath id=\"map2-m0l\">",
          "fill=\"url(#map2-hatch0)\"", "href=\"#map2-m0\"", "<use href=\"#map2-m1\" x=\"5\""}) {
        EXPECT_EQ(count(m, s), 1u) << s;
    }
    EXPECT_EQ(count(m, "url(#clip0)\">"), 0u);
    // Label text is copied as written, even when it reads like an attribute or a reference.
    EXPECT_NE(m.find(">id=&quot;x&quot; url(#clip0) &lt;script&gt;</text>"), std::string::npos);
    // Marks: page-local links with their event's dates; the first of an event gets an id.
    EXPECT_NE(m.find("<a href=\"#event-evt-2023-05-11-Sotk\" id=\"map2-mark-evt-2023-05-11-Sotk\" "
                     "class=\"mark\" data-event=\"evt-2023-05-11-Sotk\" data-begin=\"2023-05-11\" "
                     "data-end=\"2023-05-11\"><use id=\"map2-evt-2023-05-11-Sotk\""),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("data-begin=\"2022-11-06\" data-end=\"2022-11-07\"><path "
                     "id=\"map2-evt-2022-11-06-Tegh\" d=\"M10.3 20L0 5.6Z\""),
              std::string::npos)
        << m;
    EXPECT_EQ(m.find("target="), std::string::npos);
    EXPECT_EQ(m.find("index.html"), std::string::npos);
    // The mark's tooltip: place, date, kind and each side's claims, as in the row.
    EXPECT_NE(m.find("<title>Sotk, 2023-05-11: small arms fire. Armenia: accuses Azerbaijan, 2 "
                     "wounded.</title>"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("<title>Map &lt;one&gt;</title>"), std::string::npos);
    // The ring drawn right after the Sotk mark is its part; the legend's ring is not.
    EXPECT_NE(m.find("<use class=\"mark-part\" data-event=\"evt-2023-05-11-Sotk\" "
                     "data-begin=\"2023-05-11\" data-end=\"2023-05-11\" href=\"#map2-m1\" "
                     "x=\"100.5\""),
              std::string::npos)
        << m;
    EXPECT_EQ(count(m, "mark-part"), 1u);
    EXPECT_EQ(svg.events, (std::vector<std::string>{tegh.id, sotk.id}));
}

TEST(ReportHtml, InlineMapRefusesWhatTheWriterNeverWrites) {
    const geo::Event sotk = event_at("Sotk", "2023-05-11");
    const std::vector<geo::Event> events{sotk};
    const auto refused = [&](const std::string& svg) {
        try {
            inline_map_svg(svg, "map1", events);
        } catch (const Error& e) {
            return e.kind() == ErrorKind::bad_input;
        }
        return false;
    };
    EXPECT_TRUE(refused("<svg><script>alert(1)</script></svg>"));
    EXPECT_TRUE(refused("<svg><g onclick=\"alert(1)\"/></svg>"));
    EXPECT_TRUE(refused("<svg><a href=\"javascript:alert(1)\"><path d=\"M0 0\"/></a></svg>"));
    EXPECT_TRUE(refused("<svg><a href=\"index.html#event-unknown\"><path/></a></svg>"));
    EXPECT_TRUE(refused("<svg><g id='x'/></svg>"));
    EXPECT_TRUE(refused("<svg><!-- c --></svg>"));
    EXPECT_FALSE(refused("<svg><g id=\"x\"/></svg>"));
}

// Two maps on one page: no id twice, each map's marks under its own prefix, each row linking to
// its marks on the maps that draw it (and saying so when none does).
TEST(ReportHtml, TwoInlineMapsHaveDistinctIdsAndRowsLinkToTheirMarks) {
    const fs::path dir = test::fresh_temp_dir("report_html_maps");
    const geo::Event sotk = event_at("Sotk", "2023-05-11");
    const geo::Event tegh = event_at("Tegh", "2022-11-06");
    geo::Event far = event_at("Brussels", "2023-05-14");
    std::ofstream(dir / "overview.svg") << small_map(sotk.id, tegh.id);
    std::ofstream(dir / "map-a.svg") << small_map(sotk.id, tegh.id);
    ReportPage page;
    page.events = {sotk, tegh, far};
    page.overview = MapFiles{
        dir / "overview.png", dir / "overview.svg", dir / "overview.pdf", {}, "Circle: shelling."};
    ReportArticleEntry a;
    a.id = "000_a";
    a.published = "2023-05-11";
    a.events = 3;
    a.map = MapFiles{dir / "map-a.png", dir / "map-a.svg", dir / "map-a.pdf", {}, ""};
    page.articles = {a};
    const std::string html = report_html(page);
    const std::vector<std::string> ids = ids_in(html);
    const std::set<std::string> distinct(ids.begin(), ids.end());
    EXPECT_EQ(distinct.size(), ids.size());
    EXPECT_GT(ids.size(), 20u);
    EXPECT_EQ(count(html, "<svg id=\"map1\""), 1u);
    EXPECT_EQ(count(html, "<svg id=\"map2\""), 1u);
    EXPECT_EQ(count(html, "<clipPath id=\"map1-clip0\">"), 1u);
    EXPECT_EQ(count(html, "<clipPath id=\"map2-clip0\">"), 1u);
    EXPECT_NE(html.find("<div class=\"on-map\">On <a href=\"#map1-mark-" + sotk.id +
                        "\">map 1</a>, <a href=\"#map2-mark-" + sotk.id + "\">map 2</a></div>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr id=\"event-" + far.id + "\" data-event-id=\"" + far.id +
                        "\" data-begin=\"2023-05-14\" data-end=\"2023-05-14\">"),
              std::string::npos);
    EXPECT_NE(html.find("Brussels<div class=\"on-map\">Not on the maps</div>"), std::string::npos);
    // Downloads kept; the filter spans the events' dates.
    EXPECT_NE(html.find("<a href=\"map-a.svg\">SVG</a> · <a href=\"map-a.pdf\">PDF</a> · <a "
                        "href=\"map-a.png\">PNG</a>"),
              std::string::npos);
    EXPECT_NE(html.find("id=\"date-from\" min=\"2022-11-06\" max=\"2023-05-14\""),
              std::string::npos);

    // A map file that cannot be read: a clear error naming it.
    fs::remove(dir / "map-a.svg");
    try {
        report_html(page);
        FAIL() << "no error for a missing map";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("map-a.svg"), std::string::npos) << e.what();
    }
}
