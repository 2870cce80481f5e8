// The PostGIS event store (geo/io/pg_store.hpp) as analysts use it, against the throw-away
// PostgreSQL cluster that tests/pg/pg_cluster.sh starts (SITMAP_PG_DIR holds its port). Each test
// has a database of its own, so that ctest may run them at once.

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using sitmap::test::run_command;
using sitmap::test::run_sitmap;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const char* const may_articles[] = {"000_5910880eccc6c8c0", "001_19f7addab04ee640",
                                    "003_1ae35c016cd00801"};
const char* const november_articles[] = {"002_d157015bd8b7b8f1", "004_3605db3ac4ed118d"};

std::string seed(const std::string& stem) {
    std::string s = "'";
    s += SITMAP_SEEDS_DIR;
    s += "/" + stem + ".txt'";
    return s;
}

std::string published(const std::string& stem) {
    return stem.rfind("002", 0) == 0 || stem.rfind("004", 0) == 0 ? "2022-11-07" : "2023-05-11";
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

class PgStore : public ::testing::Test {
protected:
    void SetUp() override {
        const char* dir = std::getenv("SITMAP_PG_DIR");
        if (dir == nullptr) {
            GTEST_SKIP() << "SITMAP_PG_DIR is not set: run through ctest, which starts the "
                            "cluster (tests/pg/tests.cmake)";
        }
        port = trim(slurp(fs::path(dir) / "port"));
        ASSERT_FALSE(port.empty()) << "no cluster running in " << dir << " (pg_cluster_start)";
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        db = std::string("t_") + info->name();
        for (char& c : db) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        db = db.substr(0, 60);
        ASSERT_EQ(psql("postgres", "DROP DATABASE IF EXISTS " + db), "");
        ASSERT_EQ(psql("postgres", "CREATE DATABASE " + db), "");
        out = sitmap::test::fresh_temp_dir("pg_" + db);
    }

    std::string store(const std::string& database = {}) const {
        return "'PG:host=127.0.0.1 port=" + port +
               " user=postgres dbname=" + (database.empty() ? db : database) + "'";
    }

    // psql's unaligned, tuples-only output of one statement; "ERROR..." when it fails.
    std::string psql(const std::string& database, const std::string& sql) const {
        const auto r = run_command("PGOPTIONS=--client-min-messages=warning psql -X -q -A -t -v "
                                   "ON_ERROR_STOP=1 -h 127.0.0.1 -p " +
                                   port + " -U postgres -d " + database + " -c \"" + sql + "\"");
        return trim(r.out);
    }
    std::string query(const std::string& sql) const { return psql(db, sql); }

    // Rows per table: "events=12 claims=36 sources=45 places=11".
    std::string counts(const std::string& database = {}) const {
        std::string s;
        for (const char* t : {"events", "claims", "sources", "places"}) {
            s += std::string(s.empty() ? "" : " ") + t + "=" +
                 psql(database.empty() ? db : database, std::string("SELECT count(*) FROM ") + t);
        }
        return s;
    }

    sitmap::test::ProcessResult load(const std::vector<std::string>& stems,
                                     const std::string& database = {}) const {
        std::string args;
        for (const auto& s : stems) {
            args += ' ';
            args += seed(s);
        }
        std::string cmd = "-q extract";
        cmd += args;
        cmd += " --published " + published(stems.front()) + " -o " + store(database);
        return run_sitmap(cmd);
    }

    std::string port;
    std::string db;
    fs::path out;
};

std::vector<std::string> all_seeds() {
    return {"000_5910880eccc6c8c0", "001_19f7addab04ee640", "002_d157015bd8b7b8f1",
            "003_1ae35c016cd00801", "004_3605db3ac4ed118d"};
}

} // namespace

TEST_F(PgStore, SeedEventsThroughTheStoreGiveTheSameMapBytesAsFromFiles) {
    // The seed events file, loaded with export and read back by map.
    const std::string events = std::string("'") + SITMAP_FIXTURES_DIR + "/events_seed.geojson'";
    ASSERT_EQ(run_sitmap("-q export " + events + " -o " + store()).code, 0);
    const fs::path from_file = out / "file.png", from_store = out / "store.png";
    ASSERT_EQ(run_sitmap("-q map " + events + " -o '" + from_file.string() + "'").code, 0);
    const auto r = run_sitmap("-q map " + store() + " -o '" + from_store.string() + "'");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_TRUE(slurp(from_file) == slurp(from_store)) << "the map from PostGIS differs";

    // The seed articles, extracted into events files (one run per publication date) and into the
    // store in as many runs: the same events (the GeoJSON that export writes from each is the
    // same, at its 6 decimals; the events files keep 7, the store every bit).
    const std::string db2 = db + "_articles";
    ASSERT_EQ(psql("postgres", "DROP DATABASE IF EXISTS " + db2), "");
    ASSERT_EQ(psql("postgres", "CREATE DATABASE " + db2), "");
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}, db2).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}, db2).code, 0);
    const fs::path may = out / "may.geojson", november = out / "november.geojson";
    ASSERT_EQ(run_sitmap("-q extract " + seed(may_articles[0]) + " " + seed(may_articles[1]) + " " +
                         seed(may_articles[2]) + " --published 2023-05-11 -o '" + may.string() +
                         "'")
                  .code,
              0);
    ASSERT_EQ(run_sitmap("-q extract " + seed(november_articles[0]) + " " +
                         seed(november_articles[1]) + " --published 2022-11-07 -o '" +
                         november.string() + "'")
                  .code,
              0);
    const std::string files = "'" + may.string() + "' '" + november.string() + "'";
    ASSERT_EQ(run_sitmap("-q export " + files + " -o '" + (out / "a.geojson").string() + "'").code,
              0);
    ASSERT_EQ(
        run_sitmap("-q export " + store(db2) + " -o '" + (out / "b.geojson").string() + "'").code,
        0);
    EXPECT_EQ(slurp(out / "a.geojson"), slurp(out / "b.geojson"));
    ASSERT_EQ(psql("postgres", "DROP DATABASE " + db2), "");

    // Those events files loaded into the store, each in a run of its own: the same map.
    const std::string db3 = db + "_files";
    ASSERT_EQ(psql("postgres", "DROP DATABASE IF EXISTS " + db3), "");
    ASSERT_EQ(psql("postgres", "CREATE DATABASE " + db3), "");
    ASSERT_EQ(run_sitmap("-q export '" + may.string() + "' -o " + store(db3)).code, 0);
    ASSERT_EQ(run_sitmap("-q export '" + november.string() + "' -o " + store(db3)).code, 0);
    ASSERT_EQ(run_sitmap("-q map " + files + " -o '" + (out / "a.png").string() + "'").code, 0);
    ASSERT_EQ(run_sitmap("-q map " + store(db3) + " -o '" + (out / "b.png").string() + "'").code,
              0);
    EXPECT_TRUE(slurp(out / "a.png") == slurp(out / "b.png")) << "the map from PostGIS differs";
    ASSERT_EQ(psql("postgres", "DROP DATABASE " + db3), "");
}

TEST_F(PgStore, WhereSelectsEventsAndABadConditionIsAUsageError) {
    ASSERT_EQ(load({may_articles[0]}).code, 0);
    ASSERT_EQ(load({november_articles[0]}).code, 0);
    const auto all =
        run_sitmap("export " + store() + " -o '" + (out / "all.geojson").string() + "'");
    ASSERT_EQ(all.code, 0) << all.out;
    const auto some = run_sitmap("export " + store() +
                                 " --where \"date_begin >= '2023-05-01' AND layer = 'incident'\"" +
                                 " -o '" + (out / "some.geojson").string() + "'");
    ASSERT_EQ(some.code, 0) << some.out;
    const json a = json::parse(slurp(out / "all.geojson"));
    const json s = json::parse(slurp(out / "some.geojson"));
    ASSERT_EQ(s["features"].size(), 1u);
    EXPECT_EQ(s["features"][0]["properties"]["id"], "evt-2023-05-11-shelling-sitmap-sotk");
    EXPECT_GT(a["features"].size(), 3u);

    const auto bad = run_sitmap("map " + store() + " --where 'no_such_column = 1' -o '" +
                                (out / "x.png").string() + "'");
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.out.find("--where 'no_such_column = 1': ERROR: column \"no_such_column\" does "
                           "not exist"),
              std::string::npos)
        << bad.out;
    EXPECT_FALSE(fs::exists(out / "x.png"));
    const auto two = run_sitmap("map " + store() + " --where '1 = 1; DROP TABLE events' -o '" +
                                (out / "x.png").string() + "'");
    EXPECT_EQ(two.code, 2) << two.out;
    EXPECT_EQ(query("SELECT count(*) > 0 FROM events"), "t");
    // --where without a store input
    EXPECT_EQ(run_sitmap("map " + seed(may_articles[0]) +
                         " --published 2023-05-11 --where 'true' -o '" + (out / "y.png").string() +
                         "'")
                  .code,
              2);
}

TEST_F(PgStore, TheSameArticlesLoadedTwiceChangeNothing) {
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}).code, 0);
    const std::string before = counts();
    const std::string rows = query("SELECT string_agg(fid || ':' || id, ',' ORDER BY fid) FROM "
                                   "events");
    const std::string claims = query("SELECT max(fid) FROM claims");
    EXPECT_EQ(before, "events=12 claims=36 sources=45 places=11");
    // The same five articles again, one run per article this time.
    for (const std::string& stem : all_seeds()) {
        const auto r = load({stem});
        ASSERT_EQ(r.code, 0) << r.out;
    }
    EXPECT_EQ(counts(), before);
    // Not even rewritten: the same rows (same fids) and no claim row added and removed.
    EXPECT_EQ(query("SELECT string_agg(fid || ':' || id, ',' ORDER BY fid) FROM events"), rows);
    EXPECT_EQ(query("SELECT max(fid) FROM claims"), claims);
    // The places the events use, each once, and no other.
    EXPECT_EQ(query("SELECT count(*) FROM events WHERE place_id NOT IN (SELECT id FROM places)"),
              "0");
    EXPECT_EQ(query("SELECT count(*) FROM places WHERE id NOT IN (SELECT place_id FROM events "
                    "UNION SELECT json_array_elements(targets) ->> 'place_id' FROM events UNION "
                    "SELECT json_array_elements(origins) ->> 'place_id' FROM events)"),
              "0");
}

TEST_F(PgStore, ThreeMayArticlesInSeparateRunsMakeOneSotkIncidentWithEveryClaim) {
    for (const char* stem : may_articles) {
        const auto r = load({stem});
        ASSERT_EQ(r.code, 0) << r.out;
    }
    EXPECT_EQ(query("SELECT count(*) FROM events WHERE layer = 'incident'"), "1");
    EXPECT_EQ(query("SELECT id FROM events WHERE layer = 'incident'"),
              "evt-2023-05-11-shelling-sitmap-sotk");
    // Every claim the three articles make about it, as extracting them together gives.
    const auto r = run_sitmap("-q extract " + seed(may_articles[0]) + " " + seed(may_articles[1]) +
                                  " " + seed(may_articles[2]) + " --published 2023-05-11",
                              /*merge_stderr=*/false);
    ASSERT_EQ(r.code, 0);
    const json doc = json::parse(r.out);
    json want;
    for (const json& f : doc["features"]) {
        if (f["properties"]["id"] == "evt-2023-05-11-shelling-sitmap-sotk") {
            want = f["properties"];
        }
    }
    ASSERT_FALSE(want.is_null());
    const json got_claims = json::parse(
        query("SELECT claims FROM events WHERE id = 'evt-2023-05-11-shelling-sitmap-sotk'"));
    EXPECT_EQ(got_claims, want["claims"]);
    EXPECT_EQ(query("SELECT count(*) FROM claims WHERE event_id = "
                    "'evt-2023-05-11-shelling-sitmap-sotk'"),
              std::to_string(want["claims"].size()));
    EXPECT_EQ(query("SELECT count(DISTINCT article) FROM claims WHERE event_id = "
                    "'evt-2023-05-11-shelling-sitmap-sotk'"),
              "3");
    EXPECT_EQ(query("SELECT count(*) FROM sources WHERE event_id = "
                    "'evt-2023-05-11-shelling-sitmap-sotk'"),
              std::to_string(want["sources"].size()));
    EXPECT_EQ(query("SELECT summary FROM events WHERE id = 'evt-2023-05-11-shelling-sitmap-sotk'"),
              want["summary"].get<std::string>());
}

TEST_F(PgStore, FourWritersAtOnceEndAsASequentialLoad) {
    // Overlapping batches of JSON lines, as four analysts (or four shards of a batch engine).
    const std::vector<std::vector<std::string>> batches = {
        {"000_5910880eccc6c8c0", "001_19f7addab04ee640", "002_d157015bd8b7b8f1"},
        {"001_19f7addab04ee640", "002_d157015bd8b7b8f1", "003_1ae35c016cd00801"},
        {"002_d157015bd8b7b8f1", "003_1ae35c016cd00801", "004_3605db3ac4ed118d"},
        {"003_1ae35c016cd00801", "004_3605db3ac4ed118d", "000_5910880eccc6c8c0"}};
    std::vector<fs::path> files;
    for (std::size_t i = 0; i < batches.size(); ++i) {
        files.push_back(out / ("batch" + std::to_string(i) + ".jsonl"));
        std::ofstream f(files.back(), std::ios::binary);
        for (const std::string& stem : batches[i]) {
            f << json{{"id", stem},
                      {"published", published(stem)},
                      {"text", slurp(fs::path(SITMAP_SEEDS_DIR) / (stem + ".txt"))}}
                     .dump()
              << "\n";
        }
    }
    std::ofstream(out / "empty.geojson") << R"({"type": "FeatureCollection", "features": []})";
    // Sequentially into a second database: the counts to match.
    const std::string seq = db + "_seq";
    ASSERT_EQ(psql("postgres", "DROP DATABASE IF EXISTS " + seq), "");
    ASSERT_EQ(psql("postgres", "CREATE DATABASE " + seq), "");
    for (const fs::path& f : files) {
        ASSERT_EQ(
            run_sitmap("-q extract --jsonl -o " + store(seq) + " < '" + f.string() + "'").code, 0);
    }
    // All four at once, each batch one transaction, started together. Every event row takes a
    // fifth of a second to write, so that the four transactions overlap: without a way to keep
    // writers apart, two of them would find no Sotk incident stored and both write one.
    ASSERT_EQ(run_sitmap("-q export '" + (out / "empty.geojson").string() + "' -o " + store()).code,
              0); // the tables
    ASSERT_EQ(query("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS \\$\\$ BEGIN "
                    "PERFORM pg_sleep(0.2); RETURN NEW; END \\$\\$"),
              "");
    ASSERT_EQ(query("CREATE TRIGGER slow BEFORE INSERT ON events FOR EACH ROW EXECUTE "
                    "FUNCTION slow()"),
              "");
    std::string script;
    for (std::size_t i = 0; i < files.size(); ++i) {
        script += "(" + std::string(SITMAP_BINARY) + " -q extract --jsonl -o " + store() + " < '" +
                  files[i].string() + "' > '" + out.string() + "/w" + std::to_string(i) +
                  ".log' 2>&1; echo $? > '" + out.string() + "/w" + std::to_string(i) + ".rc') &\n";
    }
    script += "wait\n";
    std::ofstream(out / "writers.sh") << script;
    ASSERT_EQ(run_command("sh '" + (out / "writers.sh").string() + "'").code, 0);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string w = "w" + std::to_string(i);
        EXPECT_EQ(trim(slurp(out / (w + ".rc"))), "0") << slurp(out / (w + ".log"));
    }
    EXPECT_EQ(counts(), counts(seq));
    EXPECT_EQ(counts(), "events=12 claims=36 sources=45 places=11");
    EXPECT_EQ(query("SELECT count(*) FROM (SELECT id FROM events GROUP BY id HAVING count(*) > "
                    "1) d"),
              "0");
    EXPECT_EQ(query("SELECT string_agg(id, ',' ORDER BY id) FROM events"),
              psql(seq, "SELECT string_agg(id, ',' ORDER BY id) FROM events"));
    ASSERT_EQ(psql("postgres", "DROP DATABASE " + seq), "");
}

TEST_F(PgStore, AFailedBatchLeavesTheStoreAsItWas) {
    ASSERT_EQ(load({may_articles[0]}).code, 0);
    const std::string before = counts();
    const std::string rows = query("SELECT string_agg(id || claims::text, ',' ORDER BY id) FROM "
                                   "events");
    // PostgreSQL refuses the claims of the second article, after its events were written.
    ASSERT_EQ(query("ALTER TABLE claims ADD CONSTRAINT refuse CHECK (article <> '" +
                    std::string(may_articles[2]) + "')"),
              "");
    const auto r = load({may_articles[2]});
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("PostgreSQL at 127.0.0.1:" + port + " (database " + db +
                         "): nothing was written (the batch was rolled back)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("refuse"), std::string::npos) << r.out;
    EXPECT_EQ(counts(), before);
    EXPECT_EQ(query("SELECT string_agg(id || claims::text, ',' ORDER BY id) FROM events"), rows);
}

TEST_F(PgStore, AWriterKilledHalfWayLeavesNoPartialRows) {
    ASSERT_EQ(load({may_articles[0]}).code, 0);
    const std::string before = counts();
    // Every source row takes a second to write: the writer is stopped once it has written its
    // events and claims and is writing sources.
    ASSERT_EQ(query("CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS \\$\\$ BEGIN "
                    "PERFORM pg_sleep(1); RETURN NEW; END \\$\\$"),
              "");
    ASSERT_EQ(query("CREATE TRIGGER slow BEFORE INSERT ON sources FOR EACH ROW EXECUTE "
                    "FUNCTION slow()"),
              "");
    const auto started =
        run_command(std::string(SITMAP_BINARY) + " -q extract " + seed(may_articles[1]) +
                    " --published 2023-05-11 -o " + store() + " > /dev/null 2>&1 & echo $!");
    const std::string pid = trim(started.out);
    ASSERT_FALSE(pid.empty());
    bool writing = false;
    for (int i = 0; i < 600 && !writing; ++i) {
        writing = query("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db +
                        "' AND query LIKE 'INSERT INTO%sources%'") != "0";
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(writing) << "the writer never reached the sources";
    ASSERT_EQ(run_command("kill -9 " + pid).code, 0);
    // The server notices the lost client when the statement ends; the transaction rolls back.
    bool gone = false;
    for (int i = 0; i < 600 && !gone; ++i) {
        gone = query("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db +
                     "' AND pid <> pg_backend_pid()") == "0";
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(gone);
    EXPECT_EQ(counts(), before);
}

TEST_F(PgStore, AClosedPortOrAWrongPasswordIsExit1NamingHostAndPort) {
    // A port nothing listens on: bound and closed again at once.
    const std::string closed =
        trim(run_command("python3 -c 'import socket; s = socket.socket(); s.bind((\"127.0.0.1\", "
                         "0)); print(s.getsockname()[1])'")
                 .out);
    ASSERT_FALSE(closed.empty());
    const std::string nowhere = "'PG:host=127.0.0.1 port=" + closed + " dbname=" + db + "'";
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& cmd :
         {"extract " + seed(may_articles[0]) + " --published 2023-05-11 -o " + nowhere,
          "map " + nowhere + " -o '" + (out / "x.png").string() + "'",
          "export " + nowhere + " -o '" + (out / "x.gpkg").string() + "'"}) {
        const auto r = run_sitmap(cmd);
        EXPECT_EQ(r.code, 1) << cmd << "\n" << r.out;
        EXPECT_NE(r.out.find("sitmap: error: PostgreSQL at 127.0.0.1:" + closed + " (database " +
                             db + "): cannot connect: "),
                  std::string::npos)
            << r.out;
        EXPECT_NE(r.out.find("Connection refused"), std::string::npos) << r.out;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(30));
    EXPECT_FALSE(fs::exists(out / "x.png"));
    EXPECT_FALSE(fs::exists(out / "x.gpkg"));

    const std::string wrong = "'PG:host=127.0.0.1 port=" + port + " dbname=" + db +
                              " user=sitmap_pw password=not-the-password'";
    const auto r =
        run_sitmap("extract " + seed(may_articles[0]) + " --published 2023-05-11 -o " + wrong);
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(
        r.out.find("PostgreSQL at 127.0.0.1:" + port + " (database " + db + "): cannot connect: "),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("password authentication failed"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("not-the-password"), std::string::npos) << "the password is shown";
}

namespace {

// The part of a report page from `from` to the end of the element it opens.
std::string page_part(const std::string& page, const std::string& from, const std::string& to) {
    const auto a = page.find(from);
    const auto b = a == std::string::npos ? a : page.find(to, a);
    return b == std::string::npos ? std::string() : page.substr(a, b + to.size() - a);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_F(PgStore, AReportFromTheStoreShowsWhatAReportOfTheArticleFilesShows) {
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}).code, 0);
    EXPECT_EQ(query("SELECT count(*) FROM articles"), "5");
    // The same five articles as files, listed (as the store's report lists them) by publication
    // date, then id.
    const fs::path articles = out / "articles";
    fs::create_directories(articles);
    std::ofstream manifest(articles / "manifest.csv");
    manifest << "file,published\n";
    for (const char* stem : {november_articles[0], november_articles[1], may_articles[0],
                             may_articles[1], may_articles[2]}) {
        fs::copy_file(fs::path(SITMAP_SEEDS_DIR) / (std::string(stem) + ".txt"),
                      articles / (std::string(stem) + ".txt"));
        manifest << stem << ".txt," << published(stem) << "\n";
    }
    manifest.close();
    const fs::path files = out / "from_files", stored = out / "from_store";
    const auto f = run_sitmap("-q report --manifest '" + (articles / "manifest.csv").string() +
                              "' -o '" + files.string() + "'");
    ASSERT_EQ(f.code, 0) << f.out;
    const auto s = run_sitmap("report " + store() + " -o '" + stored.string() + "'");
    ASSERT_EQ(s.code, 0) << s.out;
    EXPECT_NE(s.out.find("sitmap: report: 12 events from 5 articles in PostgreSQL at 127.0.0.1:" +
                         port + " (database " + db + ")"),
              std::string::npos)
        << s.out;

    const std::string a = slurp(files / "index.html"), b = slurp(stored / "index.html");
    const std::string rows_a = page_part(a, "<table id=\"events\">", "</table>");
    const std::string rows_b = page_part(b, "<table id=\"events\">", "</table>");
    EXPECT_EQ(occurrences(rows_b, "<tr id=\"event-"), 12u);
    EXPECT_EQ(occurrences(rows_b, "<blockquote>"), occurrences(rows_a, "<blockquote>"));
    EXPECT_EQ(rows_a, rows_b) << "the events table differs";
    EXPECT_EQ(page_part(a, "<section id=\"articles\">", "</section>"),
              page_part(b, "<section id=\"articles\">", "</section>"));
    EXPECT_TRUE(a == b) << "the pages differ";
    // The maps and GIS files, byte for byte.
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(files)) {
        names.insert(entry.path().filename().string());
    }
    for (const auto& entry : fs::directory_iterator(stored)) {
        EXPECT_TRUE(names.count(entry.path().filename().string()) == 1)
            << entry.path().filename() << " only in the store's report";
    }
    EXPECT_EQ(names.count("overview.png"), 1u);
    for (const std::string& name : names) {
        if (name.size() > 4 &&
            (name.substr(name.size() - 4) == ".png" || name == "events.geojson")) {
            EXPECT_TRUE(slurp(files / name) == slurp(stored / name)) << name << " differs";
        }
    }
}

TEST_F(PgStore, AReportOfADateRangeHasItsEventsAndTheArticlesCitingThem) {
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}).code, 0);
    const std::string in_may = query("SELECT count(*) FROM events WHERE date_end >= '2023-05-01' "
                                     "AND date_begin <= '2023-05-31'");
    ASSERT_NE(in_may, "0");
    ASSERT_NE(in_may, query("SELECT count(*) FROM events"));
    const fs::path may = out / "may";
    const auto r = run_sitmap("report " + store() + " --from 2023-05-01 --to 2023-05-31 -o '" +
                              may.string() + "'");
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string page = slurp(may / "index.html");
    EXPECT_NE(page.find("<h1>Incident report: 3 articles, 2023-05-01 to 2023-05-31</h1>"),
              std::string::npos);
    EXPECT_EQ(occurrences(page_part(page, "<table id=\"events\">", "</table>"), "<tr id=\"event-"),
              std::stoul(in_may));
    for (const char* stem : may_articles) {
        EXPECT_NE(page.find("id=\"article-" + std::string(stem) + "\""), std::string::npos);
    }
    for (const char* stem : november_articles) {
        EXPECT_EQ(page.find("id=\"article-" + std::string(stem) + "\""), std::string::npos);
    }
    // --where and the range together.
    const auto incidents = run_sitmap("-q report " + store() +
                                      " --where \"layer = 'incident'\" --from 2023-05-01 -o '" +
                                      (out / "incidents").string() + "'");
    ASSERT_EQ(incidents.code, 0) << incidents.out;
    EXPECT_EQ(occurrences(slurp(out / "incidents" / "index.html"), "<tr id=\"event-"), 1u);

    // Nothing written for a bad condition, an empty selection, a bad date, or no store.
    const auto bad = run_sitmap("report " + store() + " --where 'no_such_column = 1' -o '" +
                                (out / "bad").string() + "'");
    EXPECT_EQ(bad.code, 2) << bad.out;
    EXPECT_NE(bad.out.find("column \"no_such_column\" does not exist"), std::string::npos)
        << bad.out;
    const auto none =
        run_sitmap("report " + store() + " --from 2030-01-01 -o '" + (out / "none").string() + "'");
    EXPECT_EQ(none.code, 1) << none.out;
    EXPECT_NE(none.out.find("no stored events match date_end >= '2030-01-01'"), std::string::npos)
        << none.out;
    const auto date =
        run_sitmap("report " + store() + " --from 2023-13-01 -o '" + (out / "date").string() + "'");
    EXPECT_EQ(date.code, 2) << date.out;
    const auto mixed = run_sitmap("report " + store() + " " + seed(may_articles[0]) +
                                  " --published 2023-05-11 -o '" + (out / "mixed").string() + "'");
    EXPECT_EQ(mixed.code, 2) << mixed.out;
    const auto files_where = run_sitmap("report " + seed(may_articles[0]) +
                                        " --published 2023-05-11 --from 2023-05-01 -o '" +
                                        (out / "files_where").string() + "'");
    EXPECT_EQ(files_where.code, 2) << files_where.out;
    for (const char* dir : {"bad", "none", "date", "mixed", "files_where"}) {
        EXPECT_FALSE(fs::exists(out / dir)) << dir;
    }
    std::size_t leftovers = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        leftovers += entry.path().filename().string().find(".sitmap-") != std::string::npos;
    }
    EXPECT_EQ(leftovers, 0u) << "a staging folder was left behind";
}

TEST_F(PgStore, AReportFromAnUnreachableStoreIsExit1NamingHostAndPort) {
    const std::string closed =
        trim(run_command("python3 -c 'import socket; s = socket.socket(); s.bind((\"127.0.0.1\", "
                         "0)); print(s.getsockname()[1])'")
                 .out);
    const auto r = run_sitmap("report 'PG:host=127.0.0.1 port=" + closed + " dbname=" + db +
                              "' -o '" + (out / "r").string() + "'");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("sitmap: error: PostgreSQL at 127.0.0.1:" + closed + " (database " + db +
                         "): cannot connect: "),
              std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(out / "r"));
    // A store without tables yet: said so, nothing written.
    const auto empty = run_sitmap("report " + store() + " -o '" + (out / "e").string() + "'");
    EXPECT_EQ(empty.code, 1) << empty.out;
    EXPECT_NE(empty.out.find("no events table"), std::string::npos) << empty.out;
    EXPECT_FALSE(fs::exists(out / "e"));
}

TEST_F(PgStore, MapFromToSelectTheEventsADateRangeOverlaps) {
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}).code, 0);
    const std::string in_nov = query("SELECT count(*) FROM events WHERE date_end >= '2022-11-01' "
                                     "AND date_begin <= '2022-11-30'");
    ASSERT_NE(in_nov, "0");
    const auto ranged = run_sitmap("map " + store() + " --from 2022-11-01 --to 2022-11-30 -o '" +
                                   (out / "range.png").string() + "'");
    ASSERT_EQ(ranged.code, 0) << ranged.out;
    EXPECT_NE(ranged.out.find("(" + in_nov + " events,"), std::string::npos) << ranged.out;
    const auto where = run_sitmap("-q map " + store() +
                                  " --where \"date_end >= '2022-11-01' AND date_begin <= "
                                  "'2022-11-30'\" -o '" +
                                  (out / "where.png").string() + "'");
    ASSERT_EQ(where.code, 0) << where.out;
    EXPECT_TRUE(slurp(out / "range.png") == slurp(out / "where.png"));
    const auto all = run_sitmap("-q map " + store() + " -o '" + (out / "all.png").string() + "'");
    ASSERT_EQ(all.code, 0);
    EXPECT_FALSE(slurp(out / "range.png") == slurp(out / "all.png"));
    EXPECT_EQ(run_sitmap("map " + seed(may_articles[0]) +
                         " --published 2023-05-11 --from "
                         "2023-05-01 -o '" +
                         (out / "x.png").string() + "'")
                  .code,
              2);
    EXPECT_EQ(run_sitmap("map " + store() + " --from 2023-06-01 --to 2023-05-01 -o '" +
                         (out / "y.png").string() + "'")
                  .code,
              2);
}

TEST_F(PgStore, ASchemaNamedInTheConnectionHoldsTheTables) {
    const std::string team =
        "'PG:host=127.0.0.1 port=" + port + " user=postgres dbname=" + db + " schemas=team'";
    const std::string team_active =
        "'PG:host=127.0.0.1 port=" + port + " user=postgres dbname=" + db + " active_schema=team'";
    // Reading a schema that does not exist yet: said so.
    const auto missing = run_sitmap("map " + team + " -o '" + (out / "m.png").string() + "'");
    EXPECT_EQ(missing.code, 1) << missing.out;
    EXPECT_NE(missing.out.find("(database " + db + ", schema team): no schema team"),
              std::string::npos)
        << missing.out;
    // The May articles into schema team (created by the load), the November ones through
    // active_schema=, and the public schema keeps a store of its own.
    ASSERT_EQ(run_sitmap("-q extract " + seed(may_articles[0]) + " " + seed(may_articles[1]) + " " +
                         seed(may_articles[2]) + " --published 2023-05-11 -o " + team)
                  .code,
              0);
    const auto nov =
        run_sitmap("-q extract " + seed(november_articles[0]) + " " + seed(november_articles[1]) +
                   " --published 2022-11-07 -o " + team_active);
    ASSERT_EQ(nov.code, 0) << nov.out;
    ASSERT_EQ(load({may_articles[0]}).code, 0); // public
    EXPECT_EQ(query("SELECT count(*) FROM team.events"), "12");
    EXPECT_EQ(query("SELECT count(*) FROM team.articles"), "5");
    EXPECT_EQ(query("SELECT count(*) FROM public.articles"), "1");
    EXPECT_EQ(query("SELECT count(DISTINCT schemaname) FROM pg_tables WHERE tablename IN "
                    "('events', 'claims', 'sources', 'places', 'articles')"),
              "2");
    EXPECT_EQ(query("SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = "
                    "'postgis'"),
              "public");
    // Read back from the schema: the map of the same events as a store in public.
    const std::string db2 = db + "_public";
    ASSERT_EQ(psql("postgres", "DROP DATABASE IF EXISTS " + db2), "");
    ASSERT_EQ(psql("postgres", "CREATE DATABASE " + db2), "");
    ASSERT_EQ(load({may_articles[0], may_articles[1], may_articles[2]}, db2).code, 0);
    ASSERT_EQ(load({november_articles[0], november_articles[1]}, db2).code, 0);
    ASSERT_EQ(run_sitmap("-q map " + team + " -o '" + (out / "team.png").string() + "'").code, 0);
    ASSERT_EQ(
        run_sitmap("-q map " + store(db2) + " -o '" + (out / "public.png").string() + "'").code, 0);
    EXPECT_TRUE(slurp(out / "team.png") == slurp(out / "public.png"));
    ASSERT_EQ(psql("postgres", "DROP DATABASE " + db2), "");
    // A report from the schema; the live QGIS project points at its tables.
    const auto r = run_sitmap("-q report " + team + " -o '" + (out / "report").string() + "'");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(occurrences(slurp(out / "report" / "index.html"), "<tr id=\"event-"), 12u);
    const auto live =
        run_sitmap("-q export " + team + " --live -o '" + (out / "team.qgz").string() + "'");
    ASSERT_EQ(live.code, 0) << live.out;
    const auto qgs = run_command("unzip -p '" + (out / "team.qgz").string() + "' '*.qgs'");
    for (const char* table : {"events", "claims", "places"}) {
        EXPECT_NE(qgs.out.find("table=&quot;team&quot;.&quot;" + std::string(table) + "&quot;"),
                  std::string::npos)
            << table;
    }
    EXPECT_EQ(qgs.out.find("&quot;public&quot;"), std::string::npos);
}
