// cli/report_html.hpp: the report page as a string (escaping, counts, skipped articles) and the
// file written as a unit.

#include "cli/report_html.hpp"

#include "geo/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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
    EXPECT_EQ(count(html, "<li>Armenia accuses Azerbaijan <sup>[1][2][4][5]</sup></li>"), 1u);
    EXPECT_EQ(count(html, "<li>Armenia accuses Azerbaijan: 4 wounded <sup>[3]</sup></li>"), 1u);
    EXPECT_EQ(count(html, ">Armenia accuses Azerbaijan <"), 1u) << "not five times";
    EXPECT_NE(html.find("<cite><a href=\"#article-000_5910880eccc6c8c0\">border-news.txt</a>"),
              std::string::npos);
    EXPECT_NE(html.find("<h3>border-news.txt</h3>"), std::string::npos);
    EXPECT_NE(html.find("<tr id=\"event-evt-2023-05-11-Sotk\""), std::string::npos);
}
