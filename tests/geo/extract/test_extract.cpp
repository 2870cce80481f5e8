// Extraction (geo/extract/extract.hpp): reading articles, long inputs searched in pieces, and the
// expected events of the five seed articles with the test and the bundled gazetteers.

#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "tests/geo/extract/extract_fixture.hpp"
#include "tests/geo/extract/extract_test_gazetteer.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace sitmap::geo;
using sitmap::test::ExtractTest;
using sitmap::test::incidents;
using sitmap::test::may11;
namespace fs = std::filesystem;

namespace {

fs::path temp_file(const std::string& name, const std::string& content) {
    const fs::path p = fs::temp_directory_path() / ("sitmap_test_extract_" + name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const sitmap::Error& e) {
        EXPECT_EQ(e.kind(), sitmap::ErrorKind::bad_input);
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

} // namespace

// --- reading articles -------------------------------------------------------------------------

TEST(ReadArticle, ReadsTextAndIdFromTheFile) {
    const fs::path p = temp_file("ok.txt", "\xEF\xBB\xBFShelling near Sotk.");
    const Article a = read_article(p, may11);
    EXPECT_EQ(a.id, "sitmap_test_extract_ok");
    EXPECT_EQ(a.text, "Shelling near Sotk."); // BOM dropped
    EXPECT_EQ(a.published, may11);
    fs::remove(p);
}

TEST(ReadArticle, BadFilesAreClearErrorsNamingTheFile) {
    EXPECT_NE(
        error_of([] { read_article("/nonexistent/a.txt", may11); }).find("/nonexistent/a.txt"),
        std::string::npos);
    const fs::path empty = temp_file("empty.txt", "  \n\t\n");
    EXPECT_NE(error_of([&] { read_article(empty, may11); }).find("empty"), std::string::npos);
    const fs::path binary = temp_file("binary.txt", std::string("PK\x03\x04\0\0\x01", 7));
    EXPECT_NE(error_of([&] { read_article(binary, may11); }).find("binary"), std::string::npos);
    const fs::path latin1 = temp_file("latin1.txt", "Caf\xE9 near Sotk");
    const std::string msg = error_of([&] { read_article(latin1, may11); });
    EXPECT_NE(msg.find("UTF-8"), std::string::npos);
    EXPECT_NE(msg.find("byte 3"), std::string::npos);
    const fs::path truncated = temp_file("trunc.txt", "Sotk \xD5");
    EXPECT_NE(error_of([&] { read_article(truncated, may11); }).find("UTF-8"), std::string::npos);
    const fs::path big = temp_file("big.txt", std::string(4096, 'a'));
    EXPECT_NE(error_of([&] { read_article(big, may11, 1024); }).find("larger than"),
              std::string::npos);
    EXPECT_NE(error_of([] { read_article(fs::temp_directory_path(), may11); }).find("directory"),
              std::string::npos);
    for (const auto& p : {empty, binary, latin1, truncated, big}) {
        fs::remove(p);
    }
}

TEST(ReadArticle, AcceptsArmenianAndCyrillic) {
    const fs::path p = temp_file("hy.txt", "Սոթք, Сотк: shelling near Sotk.");
    EXPECT_NO_THROW(read_article(p, may11));
    fs::remove(p);
}

TEST_F(ExtractTest, LongInputIsSearchedInPiecesWithArticleOffsets) {
    std::string text;
    while (text.size() < 200000) {
        text += "Officials met again and talked about the weather at length.\n";
    }
    text += "Azerbaijani forces shelled Sotk on Tuesday.\n";
    const auto x = run(text);
    ASSERT_EQ(incidents(x).size(), 1u);
    bool found = false;
    for (const PlaceMention& m : x.mentions) {
        if (m.mention.surface == "Sotk") {
            EXPECT_EQ(text.substr(m.mention.begin, m.mention.end - m.mention.begin), "Sotk");
            found = true;
        }
    }
    EXPECT_TRUE(found);
}

// --- the five seed articles ---------------------------------------------------------------------

namespace {

struct SeedCase {
    std::string fixture;
};

std::string property(const nlohmann::json& j, const char* key) {
    return j.contains(key) ? j[key].get<std::string>() : std::string{};
}

bool place_matches(const Event& e, const nlohmann::json& expected) {
    if (expected.contains("place")) {
        for (const auto& name : expected["place"]) {
            if (e.place_name == name.get<std::string>()) {
                return true;
            }
        }
    }
    if (expected.contains("near")) {
        const auto& n = expected["near"];
        const double d =
            distance_m(e.location, LonLat{n["lon"].get<double>(), n["lat"].get<double>()});
        return d <= n["km"].get<double>() * 1000.0;
    }
    return false;
}

bool claim_matches(const Claim& c, const nlohmann::json& x) {
    if (x.contains("side") && to_string(c.side) != x["side"].get<std::string>()) {
        return false;
    }
    if (x.contains("assertion") && to_string(c.assertion) != x["assertion"].get<std::string>()) {
        return false;
    }
    if (x.contains("against") && to_string(c.against) != x["against"].get<std::string>()) {
        return false;
    }
    if (x.contains("killed") && c.killed != x["killed"].get<int>()) {
        return false;
    }
    if (x.contains("wounded") && c.wounded != x["wounded"].get<int>()) {
        return false;
    }
    return true;
}

std::string describe(const std::vector<Event>& events) {
    std::string s;
    for (const Event& e : events) {
        s += "  " + e.id + " " + format_date(e.date.begin) + ".." + format_date(e.date.end) + " [" +
             e.place_name + "] " + e.summary + "\n";
    }
    return s;
}

void check_seed_expectations(const std::string& fixture, const Extractor& extractor) {
    std::ifstream in(fs::path(SITMAP_FIXTURES_DIR) / "seed_events" / fixture);
    ASSERT_TRUE(in) << fixture;
    const nlohmann::json spec = nlohmann::json::parse(in);
    std::vector<Article> articles;
    for (const auto& id : spec["articles"]) {
        articles.push_back(
            read_article(fs::path(SITMAP_SEEDS_DIR) / (id.get<std::string>() + ".txt"),
                         parse_date(spec["published"].get<std::string>())));
    }
    const Extraction x = extractor.extract_all(articles);
    const std::string all = describe(x.events);
    std::size_t n_incidents = 0;
    for (const Event& e : x.events) {
        if (layer_of(e.kind) != EventLayer::incident) {
            continue;
        }
        ++n_incidents;
        for (const auto& name : spec["no_incident_at"]) {
            EXPECT_NE(e.place_name, name.get<std::string>()) << fixture << "\n" << all;
        }
    }
    EXPECT_EQ(n_incidents, spec["incident_count"].get<std::size_t>()) << fixture << "\n" << all;
    for (const auto& want : spec["events"]) {
        const Event* found = nullptr;
        for (const Event& e : x.events) {
            const bool kind_ok =
                want.contains("kind") ? to_string(e.kind) == want["kind"].get<std::string>() : true;
            const bool layer_ok =
                !want.contains("layer") ||
                (want["layer"] == "incident") == (layer_of(e.kind) == EventLayer::incident);
            if (kind_ok && layer_ok && place_matches(e, want) &&
                format_date(e.date.begin) == property(want, "date_begin")) {
                found = &e;
                break;
            }
        }
        ASSERT_NE(found, nullptr) << fixture << ": no event like " << want.dump() << "\n" << all;
        if (want.contains("date_end")) {
            EXPECT_EQ(format_date(found->date.end), want["date_end"].get<std::string>())
                << fixture << " " << found->id;
        }
        if (want.contains("date_precision")) {
            EXPECT_EQ(to_string(found->date.precision), want["date_precision"].get<std::string>())
                << fixture << " " << found->id;
        }
        if (want.contains("disputed")) {
            EXPECT_EQ(found->disputed(), want["disputed"].get<bool>())
                << fixture << " " << found->id;
        }
        if (want.contains("claims")) {
            for (const auto& wc : want["claims"]) {
                const bool ok = std::any_of(found->claims.begin(), found->claims.end(),
                                            [&](const Claim& c) { return claim_matches(c, wc); });
                EXPECT_TRUE(ok) << fixture << " " << found->id << ": no claim like " << wc.dump()
                                << "\n"
                                << found->summary;
            }
        }
        if (want.contains("sources_from")) {
            for (const auto& a : want["sources_from"]) {
                const bool ok = std::any_of(found->sources.begin(), found->sources.end(),
                                            [&](const SourceRef& s) { return s.article == a; });
                EXPECT_TRUE(ok) << fixture << " " << found->id << ": no source from " << a;
            }
        }
    }
}

const char* const seed_fixtures[] = {"000_5910880eccc6c8c0.json", "001_19f7addab04ee640.json",
                                     "002_d157015bd8b7b8f1.json", "003_1ae35c016cd00801.json",
                                     "004_3605db3ac4ed118d.json", "merged_may_2023.json",
                                     "merged_nov_2022.json"};

class SeedEvents : public ::testing::TestWithParam<const char*> {};

} // namespace

// With the small test gazetteer: the rules alone.
TEST_P(SeedEvents, ExpectedEventsWithTheTestGazetteer) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    const Geocoder geocoder(g);
    const Extractor extractor(geocoder);
    check_seed_expectations(GetParam(), extractor);
}

// With the bundled gazetteer and the real geocoder: what a user gets.
TEST_P(SeedEvents, ExpectedEventsWithTheBundledGazetteer) {
    const fs::path data = fs::path(SITMAP_SOURCE_DIR) / "data" / "geojson" / "gazetteer.geojson";
    if (!fs::exists(data)) {
        GTEST_SKIP() << "the bundled gazetteer is not in this tree yet: " << data;
    }
    const Gazetteer g = Gazetteer::load(data);
    const Geocoder geocoder(g);
    const Extractor extractor(geocoder);
    check_seed_expectations(GetParam(), extractor);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedEvents, ::testing::ValuesIn(seed_fixtures));

TEST(SeedEventsStable, IdsAreStableRunToRun) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    const Geocoder geocoder(g);
    const Extractor extractor(geocoder);
    const Article a = read_article(fs::path(SITMAP_SEEDS_DIR) / "000_5910880eccc6c8c0.txt", may11);
    const auto x1 = extractor.extract(a);
    const auto x2 = extractor.extract(a);
    ASSERT_EQ(x1.events.size(), x2.events.size());
    for (std::size_t i = 0; i < x1.events.size(); ++i) {
        EXPECT_EQ(x1.events[i].id, x2.events[i].id);
    }
    const bool sotk = std::any_of(x1.events.begin(), x1.events.end(), [](const Event& e) {
        return e.id == "evt-2023-05-11-shelling-test-sotk";
    });
    EXPECT_TRUE(sotk);
}

// A headline at a whole region and the report at a village in it are one incident: the region
// event keeps the region's area, so the village lies in it (the Nakhchivan Autonomous Republic,
// whose bare name is the republic, not its capital 70 km from Heydarabad).
TEST(BundledExtraction, AHeadlineAtARegionJoinsTheReportAtAVillageInIt) {
    const fs::path data = fs::path(SITMAP_SOURCE_DIR) / "data" / "geojson" / "gazetteer.geojson";
    if (!fs::exists(data)) {
        GTEST_SKIP() << "no bundled gazetteer: " << data;
    }
    const Gazetteer g = Gazetteer::load(data);
    const Geocoder geocoder(g);
    const Extractor extractor(geocoder);
    Article a;
    a.id = "headline-and-report";
    a.published = parse_date("2024-02-25");
    a.text = "Baku says positions in Nakhchivan came under fire from Armenia\n\nArmenian forces "
             "fired small arms at Azerbaijani positions near the Heydarabad settlement at "
             "9:40 p.m. on February 24, the ministry said.\n";
    const Extraction x = extractor.extract(a);
    ASSERT_EQ(x.events.size(), 1u);
    EXPECT_EQ(x.events[0].place_name, "Heydarabad");
    EXPECT_EQ(format_date(x.events[0].date.begin), "2024-02-24");
    EXPECT_EQ(x.events[0].sources.size(), 2u);
}
