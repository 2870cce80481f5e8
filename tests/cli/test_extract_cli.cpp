// `sitmap extract` as a user runs it: seeds in, GeoJSON out; mentions; bad input never crashes
// and never leaves a half-written file.

#include "tests/support/process.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;

namespace {

std::string seed(const char* stem) {
    return std::string("'") + SITMAP_SEEDS_DIR + "/" + stem + ".txt'";
}

const char* const sotk_article = "000_5910880eccc6c8c0";

fs::path temp_dir() {
    const fs::path d = fs::temp_directory_path() / "sitmap_test_extract_cli";
    fs::create_directories(d);
    return d;
}

fs::path write_file(const std::string& name, const std::string& content) {
    const fs::path p = temp_dir() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(ExtractCli, PrintsGeoJsonWithTheSotkIncident) {
    const auto r = run_sitmap("-q extract " + seed(sotk_article) + " --published 2023-05-11",
                              /*merge_stderr=*/false);
    ASSERT_EQ(r.code, 0) << r.out;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["type"], "FeatureCollection");
    bool sotk = false;
    for (const auto& f : doc["features"]) {
        const auto& p = f["properties"];
        if (p["layer"] == "incident") {
            EXPECT_EQ(p["place_name"], "Sotk");
            EXPECT_EQ(p["date_begin"], "2023-05-11");
            EXPECT_TRUE(p["claims"].is_array());
            EXPECT_EQ(p["wounded_max"], 3);
            EXPECT_EQ(p["disputed"], true);
            sotk = true;
        }
        if (p["place_name"] == "Brussels") {
            EXPECT_EQ(p["layer"], "context") << "Brussels is only a talks venue here";
        }
    }
    EXPECT_TRUE(sotk) << r.out;
}

TEST(ExtractCli, MergesAcrossArticlesAndWritesAFile) {
    const fs::path out = temp_dir() / "may.geojson";
    fs::remove(out);
    const auto r = run_sitmap("extract " + seed("000_5910880eccc6c8c0") + " " +
                              seed("001_19f7addab04ee640") + " " + seed("003_1ae35c016cd00801") +
                              " --published 2023-05-11 -o '" + out.string() + "'");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("1 incidents"), std::string::npos) << r.out;
    const auto doc = nlohmann::json::parse(slurp(out));
    int incidents = 0;
    for (const auto& f : doc["features"]) {
        if (f["properties"]["layer"] == "incident") {
            ++incidents;
            EXPECT_GE(f["properties"]["claims"].size(), 8u);
            EXPECT_EQ(f["properties"]["killed_max"], 1);
            EXPECT_EQ(f["properties"]["wounded_max"], 4);
        }
    }
    EXPECT_EQ(incidents, 1);
    for (const auto& entry : fs::directory_iterator(out.parent_path())) {
        EXPECT_EQ(entry.path().filename().string().rfind(".sitmap-", 0), std::string::npos)
            << "temporary left: " << entry.path(); // no temporary folder left
    }
    // The same input gives the same bytes; the file is replaced only with --force.
    const std::string first = slurp(out);
    const std::string again = "-q extract " + seed("000_5910880eccc6c8c0") + " " +
                              seed("001_19f7addab04ee640") + " " + seed("003_1ae35c016cd00801") +
                              " --published 2023-05-11 -o '" + out.string() + "'";
    const auto refused = run_sitmap(again);
    EXPECT_EQ(refused.code, 3) << refused.out;
    EXPECT_NE(refused.out.find("already exists (not replacing it; --force does)"),
              std::string::npos)
        << refused.out;
    ASSERT_EQ(run_sitmap(again + " --force").code, 0);
    EXPECT_EQ(slurp(out), first);
}

TEST(ExtractCli, MentionsTableAndJson) {
    const auto table =
        run_sitmap("extract " + seed(sotk_article) + " --published 2023-05-11 --mentions");
    ASSERT_EQ(table.code, 0) << table.out;
    EXPECT_NE(table.out.find("Sotk"), std::string::npos);
    EXPECT_NE(table.out.find("incident_location"), std::string::npos);
    EXPECT_NE(table.out.find("role"), std::string::npos);
    const auto json = run_sitmap(
        "-q extract " + seed(sotk_article) + " --published 2023-05-11 --mentions --json", false);
    ASSERT_EQ(json.code, 0) << json.out;
    const auto arr = nlohmann::json::parse(json.out);
    bool sotk = false;
    bool baku_actor = false;
    for (const auto& m : arr) {
        // "Sotk" or "Sotk region", as written.
        const std::string surface = m["surface"].get<std::string>();
        sotk = sotk || (surface.rfind("Sotk", 0) == 0 && m["role"] == "incident_location" &&
                        m["begin"].is_number() && m["lon"].is_number());
        baku_actor = baku_actor || (m["surface"] == "Baku" && m["role"] == "actor");
    }
    EXPECT_TRUE(sotk) << json.out;
    EXPECT_TRUE(baku_actor) << json.out;
}

TEST(ExtractCli, BadInputIsAClearErrorAndNoOutput) {
    const fs::path out = temp_dir() / "never.geojson";
    fs::remove(out);
    const std::string o = " -o '" + out.string() + "'";
    struct Case {
        std::string args;
        int code;
        std::string message;
    };
    const fs::path empty = write_file("empty.txt", "");
    const fs::path binary = write_file("binary.txt", std::string("\x7f"
                                                                 "ELF\0\0\0",
                                                                 7));
    const fs::path latin1 = write_file("latin1.txt", "Shelling near Sotk \xE9t\xE9");
    const std::vector<Case> cases{
        {"extract /no/such/article.txt --published 2023-05-11", 1, "/no/such/article.txt"},
        {"extract '" + empty.string() + "' --published 2023-05-11", 1, "empty"},
        {"extract '" + binary.string() + "' --published 2023-05-11", 1, "binary"},
        {"extract '" + latin1.string() + "' --published 2023-05-11", 1, "UTF-8"},
        {"extract " + seed(sotk_article), 2, "--published"},
        {"extract " + seed(sotk_article) + " --published 11/05/2023", 2, "11/05/2023"},
        {"extract " + seed(sotk_article) + " --published 2023-02-30", 2, "2023-02-30"},
        // A good article first and a bad one after: nothing is written.
        {"extract " + seed(sotk_article) + " '" + binary.string() + "' --published 2023-05-11", 1,
         "binary"},
    };
    for (const Case& c : cases) {
        const auto r = run_sitmap(c.args + o);
        EXPECT_EQ(r.code, c.code) << c.args << "\n" << r.out;
        EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << "\n" << r.out;
        EXPECT_EQ(r.out.find("internal error"), std::string::npos) << r.out;
        EXPECT_FALSE(fs::exists(out)) << c.args;
        EXPECT_FALSE(fs::exists(out.string() + ".tmp")) << c.args;
    }
}

TEST(ExtractCli, FiftyMegabyteFileIsRefused) {
    const fs::path big = temp_dir() / "big.txt";
    {
        std::ofstream f(big, std::ios::binary);
        const std::string line(1023, 'x');
        for (int i = 0; i < 50 * 1024; ++i) {
            f << line << '\n';
        }
    }
    const auto r = run_sitmap("extract '" + big.string() + "' --published 2023-05-11");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("larger than"), std::string::npos) << r.out;
    fs::remove(big);
}

TEST(ExtractCli, ArticleWithoutAPlaceGivesZeroEventsAndAWarning) {
    const fs::path p = write_file("noplace.txt", "Officials met on Thursday and talked at length.");
    const fs::path out = temp_dir() / "noplace.geojson";
    const auto r = run_sitmap("extract '" + p.string() + "' --published 2023-05-11 --force -o '" +
                              out.string() + "'");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("warning"), std::string::npos) << r.out;
    const auto doc = nlohmann::json::parse(slurp(out));
    EXPECT_TRUE(doc["features"].empty());
}

TEST(ExtractCli, AcledCsvConvertsAndMergesWithArticles) {
    const std::string csv = std::string("'") + SITMAP_FIXTURES_DIR + "/acled_sample.csv'";
    const auto only_csv = run_sitmap("-q extract " + csv, false);
    ASSERT_EQ(only_csv.code, 0) << only_csv.out;
    EXPECT_EQ(nlohmann::json::parse(only_csv.out)["features"].size(), 3u);
    // The ACLED row for Sotk on 2023-05-11 and the article's clash are one incident.
    const auto both = run_sitmap(
        "-q extract " + csv + " " + seed(sotk_article) + " --published 2023-05-11", false);
    ASSERT_EQ(both.code, 0) << both.out;
    int sotk = 0;
    const auto doc = nlohmann::json::parse(both.out);
    for (const auto& f : doc["features"]) {
        if (f["properties"]["place_name"] == "Sotk" && f["properties"]["layer"] == "incident") {
            ++sotk;
            bool acled = false;
            for (const auto& s : f["properties"]["sources"]) {
                acled = acled || s["article"] == "Test source A";
            }
            EXPECT_TRUE(acled);
        }
    }
    EXPECT_EQ(sotk, 1) << both.out;
}

TEST(ExtractCli, UnwritableOutputIsExitCode3) {
    const auto r = run_sitmap("extract " + seed(sotk_article) +
                              " --published 2023-05-11 -o /no/such/dir/events.geojson");
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("/no/such/dir/events.geojson"), std::string::npos) << r.out;
}
