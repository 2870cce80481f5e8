// `sitmap report` run as a user would on the seed articles: the files a report directory holds,
// a bad article reported and skipped with exit code 4, escaping, refusal to overwrite.

#include "tests/support/process.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using sitmap::test::run_command;
using sitmap::test::run_sitmap;

namespace {

const fs::path seeds = SITMAP_SEEDS_DIR;

fs::path fresh_dir(const std::string& name) {
    return sitmap::test::fresh_temp_dir("report_cli_" + name);
}

std::string q(const fs::path& p) {
    std::string s(1, '\'');
    s.append(p.string());
    s.push_back('\'');
    return s;
}

std::string slurp(const fs::path& p) {
    std::stringstream s;
    s << std::ifstream(p, std::ios::binary).rdbuf();
    return s.str();
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST(ReportCli, WritesGisFilesAndAPageWithOneRowPerEvent) {
    const fs::path dir = fresh_dir("ok");
    const auto r = run_sitmap("report " + q(seeds / "000_5910880eccc6c8c0.txt") + " " +
                              q(seeds / "003_1ae35c016cd00801.txt") +
                              " --published 2023-05-11 -o " + q(dir / "out"));
    ASSERT_EQ(r.code, 0) << r.out;
    for (const char* f : {"index.html", "events.geojson", "events.gpkg", "events.qgz"}) {
        EXPECT_TRUE(fs::is_regular_file(dir / "out" / f)) << f;
    }
    EXPECT_NE(r.out.find("2 of 2 articles"), std::string::npos) << r.out; // the summary
    std::ifstream in(dir / "out" / "events.geojson");
    const auto events = nlohmann::json::parse(in)["features"];
    EXPECT_GE(events.size(), 1u) << "the Sotk clash at least";
    const std::string html = slurp(dir / "out" / "index.html");
    EXPECT_EQ(count_of(html, "<tr id=\"event-"), events.size()); // an anchor per event
    // Articles by a readable name: the first sentence of an article without a headline, never
    // the file hash; captions name the symbols drawn (no "diamonds: context").
    EXPECT_NE(html.find("<h3>New border tension Armenia – Azerbaijan</h3>"), std::string::npos);
    EXPECT_EQ(html.find("<h3>000_5910880eccc6c8c0</h3>"), std::string::npos);
    EXPECT_EQ(html.find("diamonds: context"), std::string::npos);
    EXPECT_NE(html.find("Circle: Shelling (artillery)"), std::string::npos);
    // The SVG maps' event marks lead to their rows.
    const std::string overview_svg = slurp(dir / "out" / "overview.svg");
    for (const auto& f : events) {
        const std::string id = f["properties"]["id"].get<std::string>();
        if (f["properties"]["layer"] != "context") {
            EXPECT_NE(overview_svg.find("<a href=\"index.html#event-" + id + "\""),
                      std::string::npos)
                << id;
        }
    }
    // One summary line per side for the Sotk clash, before the sentences.
    EXPECT_NE(html.find("<p class=\"sides-summary\">Armenia: accuses Azerbaijan"),
              std::string::npos);
    for (const auto& f : events) {
        EXPECT_NE(html.find("data-event-id=\"" + f["properties"]["id"].get<std::string>() + "\""),
                  std::string::npos);
    }
    // Self-contained: nothing fetched from elsewhere.
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    // One script, the page's own (filter, tooltips), inline.
    EXPECT_EQ(count_of(html, "<script"), 1u);
    EXPECT_EQ(count_of(html, "<script id=\"sitmap-report-script\">"), 1u);
    EXPECT_NE(html.find("000_5910880eccc6c8c0"), std::string::npos); // source article named
    // Every linked map file exists.
    const std::regex link("href=\"([^\"]+\\.(svg|pdf|png))\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), link);
         it != std::sregex_iterator(); ++it) {
        EXPECT_TRUE(fs::is_regular_file(dir / "out" / (*it)[1].str())) << (*it)[1].str();
    }
    EXPECT_EQ(count_of(html, "<img "), 0u);

    // The maps: an overview and one per article with events, inline in the page as SVG (no XML
    // declaration inside HTML), and as PNG, SVG and PDF files that their usual readers open.
    EXPECT_EQ(count_of(html, "<svg "), 3u);
    for (const char* id : {"map1", "map2", "map3"}) {
        EXPECT_EQ(count_of(html, std::string("<svg id=\"") + id + "\" class=\"map\""), 1u) << id;
    }
    EXPECT_EQ(count_of(html, "<?xml"), 0u);
    // The overview's mark of the Sotk clash leads to its row, and the row back to the mark.
    const std::string sotk = "evt-2023-05-11-shelling-sitmap-sotk";
    EXPECT_NE(html.find("<a href=\"#event-" + sotk + "\" id=\"map1-mark-" + sotk +
                        "\" class=\"mark\" data-event=\"" + sotk +
                        "\" data-begin=\"2023-05-11\" data-end=\"2023-05-11\">"),
              std::string::npos);
    EXPECT_NE(html.find("<a href=\"#map1-mark-" + sotk + "\">map 1</a>"), std::string::npos);
    for (const char* stem : {"overview", "map-000_5910880eccc6c8c0", "map-003_1ae35c016cd00801"}) {
        const fs::path base = dir / "out" / stem;
        EXPECT_EQ(slurp(fs::path(base).concat(".png")).substr(0, 4), "\x89PNG") << stem;
        const auto svg = run_command("rsvg-convert -o " + q(dir / "check.png") + " " +
                                     q(fs::path(base).concat(".svg")));
        EXPECT_EQ(svg.code, 0) << stem << svg.out;
        const auto pdf = run_command("pdfinfo " + q(fs::path(base).concat(".pdf")));
        EXPECT_EQ(pdf.code, 0) << stem << pdf.out;
        EXPECT_TRUE(std::regex_search(pdf.out, std::regex("Pages: +1\n"))) << pdf.out;
    }
}

TEST(ReportCli, BadArticleIsReportedAndSkippedWithExitCode4) {
    const fs::path dir = fresh_dir("partial");
    std::ofstream(dir / "broken.txt", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0", 10);
    const auto r =
        run_sitmap("report " + q(seeds / "000_5910880eccc6c8c0.txt") + " " + q(dir / "broken.txt") +
                   " " + q(dir / "missing.txt") + " --published 2023-05-11 -o " + q(dir / "out"));
    EXPECT_EQ(r.code, 4) << r.out;
    EXPECT_NE(r.out.find("broken.txt"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("missing.txt"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 3 articles"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 of 3 articles could not be read"), std::string::npos) << r.out;
    const std::string html = slurp(dir / "out" / "index.html");
    EXPECT_NE(html.find("Skipped"), std::string::npos);
    EXPECT_TRUE(fs::is_regular_file(dir / "out" / "events.gpkg"));
}

TEST(ReportCli, NoReadableArticleIsBadInputAndLeavesNoDirectory) {
    const fs::path dir = fresh_dir("none");
    const auto r = run_sitmap("report " + q(dir / "missing.txt") + " --published 2023-05-11 -o " +
                              q(dir / "out"));
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(ReportCli, ManifestGivesEachArticleItsDate) {
    const fs::path dir = fresh_dir("manifest");
    // Entries resolve relative to the manifest, inside its folder.
    fs::create_directories(dir / "articles");
    fs::copy_file(seeds / "000_5910880eccc6c8c0.txt", dir / "articles" / "a.txt");
    fs::copy_file(seeds / "002_d157015bd8b7b8f1.txt", dir / "articles" / "b.txt");
    std::ofstream(dir / "m.csv") << "file,published\narticles/a.txt,2023-05-11\n"
                                 << "articles/b.txt,2022-11-07\n";
    const auto r = run_sitmap("report --manifest " + q(dir / "m.csv") + " -o " + q(dir / "out"));
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string html = slurp(dir / "out" / "index.html");
    EXPECT_NE(html.find("published 2023-05-11"), std::string::npos);
    EXPECT_NE(html.find("published 2022-11-07"), std::string::npos);
    EXPECT_NE(html.find("(articles/a.txt)"), std::string::npos); // as the manifest names it
    EXPECT_EQ(html.find(dir.string()), std::string::npos);       // never the machine's path

    // Files outside the manifest's folder only with --allow-outside-manifest.
    fs::copy_file(seeds / "003_1ae35c016cd00801.txt", dir / "other.txt");
    std::ofstream(dir / "articles" / "outside.csv")
        << "file,published\n../other.txt,2023-05-11\n"
        << (seeds / "002_d157015bd8b7b8f1.txt").string() << ",2022-11-07\n";
    const auto outside = run_sitmap("report --manifest " + q(dir / "articles" / "outside.csv") +
                                    " -o " + q(dir / "out3"));
    EXPECT_EQ(outside.code, 1) << outside.out;
    EXPECT_NE(outside.out.find("line 2: '../other.txt' is outside the manifest's folder"),
              std::string::npos)
        << outside.out;
    EXPECT_FALSE(fs::exists(dir / "out3"));
    const auto allowed = run_sitmap("report --manifest " + q(dir / "articles" / "outside.csv") +
                                    " --allow-outside-manifest -o " + q(dir / "out3"));
    EXPECT_EQ(allowed.code, 0) << allowed.out;

    std::ofstream(dir / "bad.csv") << "file,published\nx.txt,2023-02-30\n";
    const auto bad =
        run_sitmap("report --manifest " + q(dir / "bad.csv") + " -o " + q(dir / "out2"));
    EXPECT_EQ(bad.code, 1) << bad.out;
    EXPECT_NE(bad.out.find("bad.csv: line 2"), std::string::npos) << bad.out;
    EXPECT_FALSE(fs::exists(dir / "out2"));
}

TEST(ReportCli, UsageErrorsAndRefusalToOverwrite) {
    const fs::path dir = fresh_dir("usage");
    const std::string article = q(seeds / "000_5910880eccc6c8c0.txt");
    EXPECT_EQ(run_sitmap("report " + article + " -o " + q(dir / "a")).code, 2); // no date
    EXPECT_EQ(run_sitmap("report -o " + q(dir / "a")).code, 2);                 // no article
    EXPECT_FALSE(fs::exists(dir / "a"));

    ASSERT_EQ(run_sitmap("report " + article + " --published 2023-05-11 -o " + q(dir / "b")).code,
              0);
    const auto again =
        run_sitmap("report " + article + " --published 2023-05-11 -o " + q(dir / "b"));
    EXPECT_EQ(again.code, 3) << again.out;
    EXPECT_NE(again.out.find("--force"), std::string::npos) << again.out;
    EXPECT_EQ(
        run_sitmap("report " + article + " --published 2023-05-11 --force -o " + q(dir / "b")).code,
        0);

    std::ofstream(dir / "plainfile") << "x";
    const auto r = run_sitmap("report " + article + " --published 2023-05-11 -o " +
                              q(dir / "plainfile" / "out"));
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("plainfile/out"), std::string::npos) << r.out;
}

// The report is written as a unit: --force replaces the folder whole (no stale maps of articles
// no longer in the batch), and a folder holding files that are not a report's is never replaced.
TEST(ReportCli, ForceReplacesTheReportWholeAndNothingElse) {
    const fs::path dir = fresh_dir("unit");
    const std::string first = q(seeds / "000_5910880eccc6c8c0.txt");
    const std::string second = q(seeds / "002_d157015bd8b7b8f1.txt");
    ASSERT_EQ(run_sitmap("report " + first + " --published 2023-05-11 -o " + q(dir / "r")).code, 0);
    ASSERT_TRUE(fs::exists(dir / "r" / "map-000_5910880eccc6c8c0.png"));
    const auto again =
        run_sitmap("report " + second + " --published 2022-11-07 --force -o " + q(dir / "r"));
    ASSERT_EQ(again.code, 0) << again.out;
    EXPECT_FALSE(fs::exists(dir / "r" / "map-000_5910880eccc6c8c0.png")); // stale map gone
    EXPECT_TRUE(fs::exists(dir / "r" / "map-002_d157015bd8b7b8f1.png"));
    for (const auto& entry : fs::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename(), "r") << "left beside the report: " << entry.path();
    }

    std::ofstream(dir / "r" / "notes.txt") << "mine";
    const auto foreign =
        run_sitmap("report " + first + " --published 2023-05-11 --force -o " + q(dir / "r"));
    EXPECT_EQ(foreign.code, 3) << foreign.out;
    EXPECT_NE(foreign.out.find("holds notes.txt, which is not part of a report"), std::string::npos)
        << foreign.out;
    EXPECT_TRUE(fs::exists(dir / "r" / "notes.txt"));
    EXPECT_TRUE(fs::exists(dir / "r" / "map-002_d157015bd8b7b8f1.png"));
}

TEST(ReportCli, FileNamesAndTextAreHtmlEscaped) {
    const fs::path dir = fresh_dir("escape");
    const fs::path odd = dir / "a&b<em>x\"y\".txt";
    fs::copy_file(seeds / "000_5910880eccc6c8c0.txt", odd);
    const auto r = run_sitmap("report " + q(odd) + " --published 2023-05-11 -o " + q(dir / "out"));
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string html = slurp(dir / "out" / "index.html");
    EXPECT_EQ(html.find("<em>x"), std::string::npos);
    EXPECT_NE(html.find("a&amp;b&lt;em&gt;x&quot;y&quot;"), std::string::npos);
}

// Markup in an article's headline and sentences (written here) stays text: in the page, in the
// inline map and in the map's tooltips; the page's own script is the only one.
TEST(ReportCli, MarkupInHeadlineAndSentencesIsEscapedInThePageAndItsMaps) {
    const fs::path dir = fresh_dir("markup");
    std::ofstream(dir / "markup.txt")
        << "Shots at Sotk <script>alert(\"headline\")</script> & <img src=x onerror=alert(1)>\n\n"
           "Azerbaijani forces opened fire on Armenian positions near Sotk on 10 May, the "
           "Armenian Defence Ministry said <script>alert(\"sentence\")</script>, adding that two "
           "soldiers were wounded.\n";
    const auto r = run_sitmap("report " + q(dir / "markup.txt") + " --published 2023-05-11 -o " +
                              q(dir / "out"));
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string html = slurp(dir / "out" / "index.html");
    EXPECT_EQ(count_of(html, "<script"), 1u);
    EXPECT_EQ(count_of(html, "alert(\""), 0u);
    EXPECT_EQ(count_of(html, "<img"), 0u);
    EXPECT_EQ(count_of(html, "onerror=alert(1)>"), 0u); // only as text, "...alert(1)&gt;"
    const std::string headline = "Shots at Sotk &lt;script&gt;alert(&quot;headline&quot;)&lt;/"
                                 "script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;";
    EXPECT_NE(html.find("<h3>" + headline + "</h3>"), std::string::npos);
    EXPECT_NE(html.find("said &lt;script&gt;alert(&quot;sentence&quot;)&lt;/script&gt;, adding"),
              std::string::npos);
    // The article's map, inline: its title (the headline) escaped as the SVG file has it.
    const std::size_t map = html.find("<svg id=\"map2\" class=\"map\"");
    ASSERT_NE(map, std::string::npos);
    EXPECT_NE(html.find(headline, map), std::string::npos);
    EXPECT_NE(slurp(dir / "out" / "map-markup.svg").find(headline), std::string::npos);
}
