// `sitmap extract --jsonl` as a batch engine runs it: 10,000 JSON lines of articles on standard
// input give the same events as extracting each article's file; bad lines stop the run with exit 1
// naming the line and what is wrong.

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using sitmap::test::run_sitmap;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Source {
    std::string id;
    std::string published;
    std::string text;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The five seed articles (read from shared/seeds, never copied into the repository).
std::vector<Source> seed_sources() {
    const std::vector<std::pair<std::string, std::string>> seeds = {
        {"000_5910880eccc6c8c0", "2023-05-11"},
        {"001_19f7addab04ee640", "2023-05-11"},
        {"002_d157015bd8b7b8f1", "2022-11-07"},
        {"003_1ae35c016cd00801", "2023-05-11"},
        {"004_3605db3ac4ed118d", "2022-11-07"}};
    std::vector<Source> out;
    for (const auto& [stem, published] : seeds) {
        out.push_back({stem, published, slurp(fs::path(SITMAP_SEEDS_DIR) / (stem + ".txt"))});
    }
    return out;
}

// Short reports written for this test: fire at a border village, a denial, talks.
std::vector<Source> own_sources() {
    const std::vector<std::string> places = {"Sotk", "Norabak", "Kut", "Tegh"};
    const std::vector<std::string> figures = {"Two", "Three", "One"};
    std::vector<Source> out;
    for (std::size_t i = 0; i < 12; ++i) {
        const std::string& place = places[i % places.size()];
        std::string text;
        if (i % 2 == 0) {
            text = "YEREVAN, 5 March. The Defence Ministry of Armenia said on Tuesday that "
                   "Azerbaijani armed forces opened fire from small arms at Armenian positions "
                   "near " +
                   place + ". " + figures[i % figures.size()] +
                   " Armenian soldiers were wounded, the ministry said.\n"
                   "Baku denied the report. \"Our units did not open fire,\" the Azerbaijani "
                   "Defence Ministry said in a statement.\n";
        } else {
            text = "BAKU, 5 March. The Ministry of Defence of Azerbaijan said on Monday that "
                   "Armenian units fired mortars at Azerbaijani positions in the direction of "
                   "Kalbajar. There were no casualties, the ministry said.\n"
                   "The foreign ministers of Armenia and Azerbaijan will hold talks in Brussels "
                   "next week, officials said.\n";
            text += "Residents of " + place + " said they heard the shots.\n";
        }
        out.push_back({"own-" + std::to_string(i), "2024-03-05", text});
    }
    return out;
}

// The features `sitmap extract FILE --published DATE` writes for one article, the file named
// after its id (the id its events' sources carry).
std::vector<json> file_features(const Source& s, const fs::path& dir) {
    const fs::path file = dir / (s.id + ".txt");
    std::ofstream(file, std::ios::binary) << s.text;
    const auto r = run_sitmap("-q extract '" + file.string() + "' --published " + s.published,
                              /*merge_stderr=*/false);
    EXPECT_EQ(r.code, 0) << s.id;
    std::vector<json> out;
    const json doc = json::parse(r.out);
    for (const json& f : doc["features"]) {
        out.push_back(f);
    }
    return out;
}

std::string line_of(const Source& s) {
    return json{{"id", s.id}, {"published", s.published}, {"text", s.text}}.dump() + "\n";
}

struct JsonlRun {
    int code = -1;
    std::string out; // standard output
    std::string err; // standard error
};

JsonlRun run_jsonl(const std::string& lines, const std::string& args = "") {
    const fs::path dir = sitmap::test::fresh_temp_dir("jsonl_in");
    std::ofstream(dir / "in.jsonl", std::ios::binary) << lines;
    const auto r = run_sitmap("extract --jsonl " + args + " < '" + (dir / "in.jsonl").string() +
                                  "' 2>'" + (dir / "err.txt").string() + "'",
                              /*merge_stderr=*/false);
    return {r.code, r.out, slurp(dir / "err.txt")};
}

} // namespace

TEST(ExtractJsonlCli, TenThousandLinesGiveTheEventsOfTheFileByFilePath) {
    const fs::path dir = sitmap::test::fresh_temp_dir("jsonl_files");
    std::vector<Source> sources = seed_sources();
    const std::size_t seeds = sources.size();
    for (Source& s : own_sources()) {
        sources.push_back(std::move(s));
    }
    std::vector<std::vector<json>> expected;
    for (const Source& s : sources) {
        expected.push_back(file_features(s, dir));
    }
    // Every tenth line a seed article, the others the short reports.
    constexpr std::size_t lines = 10'000;
    std::string input;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < lines; ++i) {
        const std::size_t k = i % 10 == 0 ? (i / 10) % seeds : seeds + i % (sources.size() - seeds);
        order.push_back(k);
        input += line_of(sources[k]);
    }
    const auto r = run_jsonl(input, "-q");
    ASSERT_EQ(r.code, 0) << r.err;

    std::istringstream out(r.out);
    std::string line;
    std::size_t n = 0, events = 0;
    for (const std::size_t k : order) {
        for (const json& want : expected[k]) {
            ASSERT_TRUE(std::getline(out, line)) << "output ends at article line " << n + 1;
            const json got = json::parse(line);
            ASSERT_EQ(got, want) << "article line " << n + 1 << " (" << sources[k].id << ")";
            ASSERT_EQ(got["properties"]["sources"][0]["article"], sources[k].id);
            ++events;
        }
        ++n;
    }
    EXPECT_FALSE(std::getline(out, line)) << "more events than the files give: " << line;
    EXPECT_GT(events, lines); // every article has at least one event
}

TEST(ExtractJsonlCli, BlankLinesAndCrlfAreRead) {
    const Source s = own_sources().front();
    std::string one = line_of(s);
    one.insert(one.size() - 1, "\r");
    const auto r = run_jsonl("\n" + one + "   \n" + line_of(s), "-q");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST(ExtractJsonlCli, ABadLineStopsWithExit1NamingTheLineAndTheMember) {
    const std::string good = line_of(own_sources().front());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{\"id\": \"a\", \"published\": \"2024-03-05\"", "line 3: not valid JSON"},
        {"[1, 2]", "line 3: expected an object {\"id\", \"published\", \"text\"}, got an array"},
        {R"({"published": "2024-03-05", "text": "Fire at Sotk."})", "line 3: \"id\": missing"},
        {R"({"id": true, "published": "2024-03-05", "text": "Fire at Sotk."})",
         "line 3: \"id\": expected a string or an integer, got a boolean"},
        {R"({"id": "a", "text": "Fire at Sotk."})", "line 3 (article a): \"published\": missing"},
        {R"({"id": "a", "published": "2024-02-30", "text": "Fire at Sotk."})",
         "line 3 (article a): \"published\": invalid date '2024-02-30' (expected YYYY-MM-DD)"},
        {R"({"id": "a", "published": "2024-03-05", "text": 7})",
         "line 3 (article a): \"text\": expected a string, got a number"},
        {R"({"id": "a", "published": "2024-03-05", "text": "  "})",
         "line 3 (article a): \"text\": the article is empty"},
        {R"({"id": "a", "published": "2024-03-05", "text": "x\u0000y"})",
         "line 3 (article a): \"text\": binary data, not a text article"},
    };
    for (const auto& [bad, message] : cases) {
        const auto r = run_jsonl(good + good + bad + "\n" + good);
        EXPECT_EQ(r.code, 1) << bad;
        // The events of the two good lines before it were written, nothing after it.
        EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << bad;
        EXPECT_NE(r.err.find("sitmap: error: standard input: " + message), std::string::npos)
            << r.err;
    }
}

TEST(ExtractJsonlCli, UsageErrorsExit2) {
    const std::string seed = std::string(SITMAP_SEEDS_DIR) + "/000_5910880eccc6c8c0.txt";
    EXPECT_EQ(run_sitmap("extract --jsonl '" + seed + "' < /dev/null").code, 2);
    EXPECT_EQ(run_sitmap("extract --jsonl --published 2023-05-11 < /dev/null").code, 2);
    EXPECT_EQ(run_sitmap("extract --jsonl --mentions < /dev/null").code, 2);
    EXPECT_EQ(run_sitmap("extract --jsonl -o events.geojson < /dev/null").code, 2);
    EXPECT_EQ(run_sitmap("extract < /dev/null").code, 2);
}

TEST(ExtractJsonlCli, EmptyInputGivesNoEvents) {
    const auto r = run_jsonl("");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "");
}
