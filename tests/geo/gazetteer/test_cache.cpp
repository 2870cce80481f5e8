// The gazetteer cache (geo/gazetteer/detail/cache.hpp): a load from the cache gives the places a
// load through GDAL gives, field for field and bit for bit; a cache of other bytes, a damaged or
// truncated cache, or one that cannot be written, never changes what is loaded.

#include "geo/core/error.hpp"
#include "geo/gazetteer/detail/cache.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <unistd.h>

using namespace sitmap;
using namespace sitmap::geo;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = SITMAP_FIXTURES_DIR;
const fs::path bundled = fs::path(SITMAP_SOURCE_DIR) / "data" / "geojson" / "gazetteer.geojson";

// Doubles compared by their bits: the cache must give back exactly what GDAL read.
void expect_same(double a, double b, const std::string& what) {
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a), std::bit_cast<std::uint64_t>(b)) << what;
}

void expect_same(const Path& a, const Path& b, const std::string& what) {
    ASSERT_EQ(a.size(), b.size()) << what;
    for (std::size_t i = 0; i < a.size(); ++i) {
        expect_same(a[i].lon, b[i].lon, what + " point " + std::to_string(i));
        expect_same(a[i].lat, b[i].lat, what + " point " + std::to_string(i));
    }
}

void expect_same(const Place& a, const Place& b) {
    const std::string& w = a.id;
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name) << w;
    EXPECT_EQ(a.names, b.names) << w;
    EXPECT_EQ(a.aliases, b.aliases) << w;
    EXPECT_EQ(a.kind, b.kind) << w;
    EXPECT_EQ(a.country, b.country) << w;
    EXPECT_EQ(a.admin1, b.admin1) << w;
    EXPECT_EQ(a.population, b.population) << w;
    EXPECT_EQ(a.source, b.source) << w;
    EXPECT_EQ(a.source_id, b.source_id) << w;
    expect_same(a.accuracy_m, b.accuracy_m, w + " accuracy_m");
    EXPECT_EQ(a.note, b.note) << w;
    expect_same(a.anchor.lon, b.anchor.lon, w + " anchor");
    expect_same(a.anchor.lat, b.anchor.lat, w + " anchor");
    ASSERT_EQ(a.geometry.index(), b.geometry.index()) << w;
    if (const auto* p = std::get_if<PointGeom>(&a.geometry)) {
        expect_same(p->point.lon, std::get<PointGeom>(b.geometry).point.lon, w);
        expect_same(p->point.lat, std::get<PointGeom>(b.geometry).point.lat, w);
    } else if (const auto* l = std::get_if<LinesGeom>(&a.geometry)) {
        const auto& other = std::get<LinesGeom>(b.geometry).lines;
        ASSERT_EQ(l->lines.size(), other.size()) << w;
        for (std::size_t i = 0; i < other.size(); ++i) {
            expect_same(l->lines[i], other[i], w + " line " + std::to_string(i));
        }
    } else {
        const auto& polygons = std::get<AreaGeom>(a.geometry).polygons;
        const auto& other = std::get<AreaGeom>(b.geometry).polygons;
        ASSERT_EQ(polygons.size(), other.size()) << w;
        for (std::size_t i = 0; i < other.size(); ++i) {
            ASSERT_EQ(polygons[i].size(), other[i].size()) << w;
            for (std::size_t r = 0; r < other[i].size(); ++r) {
                expect_same(polygons[i][r], other[i][r],
                            w + " polygon " + std::to_string(i) + " ring " + std::to_string(r));
            }
        }
    }
}

void expect_same(const Gazetteer& a, const Gazetteer& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        expect_same(a.places()[i], b.places()[i]);
    }
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// Each test gets its own SITMAP_CACHE_DIR and a scratch directory, both removed afterwards.
class GazetteerCache : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("sitmap_cache_" + std::to_string(getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir / "cache");
        if (const char* old = std::getenv("SITMAP_CACHE_DIR")) {
            m_saved = old;
        }
        setenv("SITMAP_CACHE_DIR", (m_dir / "cache").c_str(), 1);
    }
    void TearDown() override {
        if (m_saved) {
            setenv("SITMAP_CACHE_DIR", m_saved->c_str(), 1);
        } else {
            unsetenv("SITMAP_CACHE_DIR");
        }
        fs::remove_all(m_dir);
    }
    // A copy of a fixture in the scratch directory (so that tests may change it).
    fs::path copy(const fs::path& from) {
        const fs::path to = m_dir / from.filename();
        fs::copy_file(from, to, fs::copy_options::overwrite_existing);
        return to;
    }
    static fs::path cache_of(const fs::path& source) { return detail::cache_paths(source).front(); }

    fs::path m_dir;
    std::optional<std::string> m_saved;
};

} // namespace

TEST(GazetteerCacheHash, IsXxh64) {
    // Reference values of XXH64 with seed 0 (xxHash's own test vectors).
    EXPECT_EQ(detail::hash64(""), 0xEF46DB3751D8E999ULL);
    EXPECT_EQ(detail::hash64("a"), 0xD24EC4F1A98C6E5BULL);
    EXPECT_EQ(detail::hash64("abc"), 0x44BC2CF5AD770999ULL);
    EXPECT_EQ(detail::hash64("Nobody inspects the spammish repetition"), 0xFBCEA83C8A378BF1ULL);
}

TEST(GazetteerCacheHash, PiecesOfAnySizeGiveTheSameHash) {
    std::mt19937 rng(3);
    std::string bytes(1000, '\0');
    for (char& c : bytes) {
        c = static_cast<char>(rng());
    }
    for (const std::size_t piece : {1u, 3u, 31u, 32u, 33u, 64u, 999u}) {
        detail::Hash64 h;
        for (std::size_t at = 0; at < bytes.size(); at += piece) {
            h.update(std::string_view(bytes).substr(at, piece));
        }
        EXPECT_EQ(h.digest(), detail::hash64(bytes)) << piece;
        EXPECT_EQ(h.length(), bytes.size());
    }
}

TEST(GazetteerCacheHash, TheKeyOfAFileIsTheKeyOfItsBytes) {
    const fs::path path = fixtures / "gazetteer_small.geojson";
    EXPECT_EQ(detail::source_key_of(path), detail::source_key(slurp(path)));
    EXPECT_FALSE(detail::source_key_of(fixtures / "no_such_file.geojson"));
    EXPECT_FALSE(detail::source_key_of(fixtures)); // a directory
}

TEST_F(GazetteerCache, CachePathsFollowSitmapCacheDir) {
    const auto paths = detail::cache_paths(fixtures / "gazetteer_small.geojson");
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths.front().parent_path(), m_dir / "cache");
    EXPECT_EQ(paths.front().extension(), ".bin");
    // One cache per source file.
    EXPECT_NE(detail::cache_paths(fixtures / "gazetteer_areas.geojson").front(), paths.front());
}

TEST_F(GazetteerCache, TheBundledGazetteerLoadsTheSameFromItsCache) {
    const Gazetteer gdal = Gazetteer::load(bundled, UseCache::no);
    EXPECT_FALSE(fs::exists(cache_of(bundled)));      // UseCache::no writes nothing
    const Gazetteer first = Gazetteer::load(bundled); // through GDAL, writes the cache
    ASSERT_TRUE(fs::exists(cache_of(bundled)));
    const Gazetteer cached = Gazetteer::load(bundled); // from the cache
    expect_same(gdal, first);
    expect_same(gdal, cached);
    ASSERT_NE(cached.find("sitmap:sotk"), nullptr); // the index by id is built as well
    EXPECT_EQ(cached.find("sitmap:sotk")->name, "Sotk");
}

TEST_F(GazetteerCache, AreasAndLinesRoundTrip) {
    for (const char* name : {"gazetteer_small.geojson", "gazetteer_areas.geojson"}) {
        const Gazetteer gdal = Gazetteer::load(fixtures / name, UseCache::no);
        Gazetteer::load(fixtures / name);
        expect_same(gdal, Gazetteer::load(fixtures / name));
    }
}

TEST_F(GazetteerCache, AValidCacheIsWhatLoadReturns) {
    const fs::path source = copy(fixtures / "gazetteer_small.geojson");
    Gazetteer g = Gazetteer::load(source, UseCache::no);
    std::vector<Place> places(g.places().begin(), g.places().end());
    places.front().name = "Read from the cache";
    const auto bytes = slurp(source);
    spit(cache_of(source), detail::encode_places(places, detail::source_key(bytes), source));
    EXPECT_EQ(Gazetteer::load(source).places().front().name, "Read from the cache");
}

TEST_F(GazetteerCache, AChangedSourceIsReadAgain) {
    const fs::path source = copy(fixtures / "gazetteer_small.geojson");
    EXPECT_EQ(Gazetteer::load(source).find("sitmap:sotk")->population, 824);
    ASSERT_TRUE(fs::exists(cache_of(source)));
    // Same size and same modification time: only the bytes tell.
    const auto mtime = fs::last_write_time(source);
    std::string text = slurp(source);
    const auto at = text.find("\"population\": 824");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 17, "\"population\": 825");
    spit(source, text);
    fs::last_write_time(source, mtime);
    EXPECT_EQ(Gazetteer::load(source).find("sitmap:sotk")->population, 825);
    // ... and the cache now stands for the new bytes.
    EXPECT_TRUE(detail::decode_places(slurp(cache_of(source)), detail::source_key(text)));
}

TEST_F(GazetteerCache, ADamagedCacheFallsBackToTheGeoJson) {
    const fs::path source = fixtures / "gazetteer_small.geojson";
    const Gazetteer gdal = Gazetteer::load(source, UseCache::no);
    Gazetteer::load(source);
    const std::string good = slurp(cache_of(source));
    ASSERT_GT(good.size(), 100u);
    std::mt19937 rng(16);
    std::vector<std::string> damaged = {"",
                                        "SITMAPGZ",
                                        good.substr(0, 47),
                                        good.substr(0, 48),
                                        good.substr(0, good.size() / 2),
                                        good.substr(0, good.size() - 1),
                                        good + "x"};
    std::string garbage(good.size(), '\0');
    for (char& c : garbage) {
        c = static_cast<char>(rng());
    }
    damaged.push_back(garbage);
    for (int i = 0; i < 8; ++i) {
        std::string flipped = good;
        flipped[rng() % flipped.size()] ^= static_cast<char>(1 + rng() % 255);
        damaged.push_back(flipped);
    }
    for (std::size_t i = 0; i < damaged.size(); ++i) {
        spit(cache_of(source), damaged[i]);
        std::optional<Gazetteer> loaded;
        ASSERT_NO_THROW(loaded.emplace(Gazetteer::load(source))) << "damaged cache " << i;
        expect_same(gdal, *loaded);
        // The damaged cache was replaced by a good one.
        EXPECT_EQ(slurp(cache_of(source)), good) << "damaged cache " << i;
    }
}

// The payload under a correct header and payload hash, cut or scrambled: the decoder itself must
// stop at the end of its bytes, whatever counts it reads.
TEST_F(GazetteerCache, TheDecoderSurvivesAnyPayload) {
    const fs::path source = fixtures / "gazetteer_areas.geojson";
    const Gazetteer g = Gazetteer::load(source, UseCache::no);
    const detail::SourceKey key = detail::source_key(slurp(source));
    const std::string good = detail::encode_places(g.places(), key, source);
    constexpr std::size_t header = 48;
    const auto with_payload = [&](std::string payload) {
        std::string bytes = good.substr(0, header) + payload;
        std::uint64_t size = payload.size();
        std::uint64_t hash = detail::hash64(payload);
        for (int i = 0; i < 8; ++i) {
            bytes[32 + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
            bytes[40 + i] = static_cast<char>((hash >> (8 * i)) & 0xFF);
        }
        return bytes;
    };
    ASSERT_TRUE(detail::decode_places(with_payload(good.substr(header)), key));
    std::mt19937 rng(7);
    const std::string payload = good.substr(header);
    for (std::size_t cut = 0; cut < payload.size(); cut += 1 + cut / 8) {
        EXPECT_FALSE(detail::decode_places(with_payload(payload.substr(0, cut)), key)) << cut;
    }
    for (int i = 0; i < 2000; ++i) {
        std::string p = payload;
        for (int k = 0; k < 1 + i % 4; ++k) {
            p[rng() % p.size()] = static_cast<char>(rng());
        }
        // Any answer will do (a flipped coordinate still decodes); no crash, no exception.
        (void)detail::decode_places(with_payload(p), key);
    }
}

TEST_F(GazetteerCache, ACacheOfOtherBytesIsNotUsed) {
    const fs::path source = fixtures / "gazetteer_small.geojson";
    const Gazetteer g = Gazetteer::load(source, UseCache::no);
    const std::string bytes = detail::encode_places(g.places(), {123, 456}, source);
    EXPECT_FALSE(detail::decode_places(bytes, detail::source_key(slurp(source))));
    EXPECT_TRUE(detail::decode_places(bytes, {123, 456}));
}

TEST_F(GazetteerCache, AnUnwritableCacheDirectoryOnlyMeansNoCache) {
    spit(m_dir / "not-a-directory", "a file where the cache directory should be");
    setenv("SITMAP_CACHE_DIR", (m_dir / "not-a-directory" / "sitmap").c_str(), 1);
    const fs::path source = fixtures / "gazetteer_small.geojson";
    const Gazetteer gdal = Gazetteer::load(source, UseCache::no);
    expect_same(gdal, Gazetteer::load(source));
    expect_same(gdal, Gazetteer::load(source));
    EXPECT_FALSE(detail::write_cache(detail::cache_paths(source), "bytes"));
}

TEST_F(GazetteerCache, ErrorsAreTheSameWithACache) {
    EXPECT_THROW(Gazetteer::load(fixtures / "gazetteer_duplicate_id.geojson"), Error);
    EXPECT_THROW(Gazetteer::load(fixtures / "gazetteer_duplicate_id.geojson"), Error);
    EXPECT_THROW(Gazetteer::load(fixtures / "no_such_gazetteer.geojson"), Error);
    EXPECT_THROW(Gazetteer::load(fixtures), Error);
    // Nothing cached for a file that failed to load.
    EXPECT_TRUE(fs::is_empty(m_dir / "cache"));
}

TEST_F(GazetteerCache, CachesOfRemovedSourcesArePruned) {
    const fs::path gone = copy(fixtures / "gazetteer_small.geojson");
    Gazetteer::load(gone);
    ASSERT_TRUE(fs::exists(cache_of(gone)));
    fs::remove(gone);
    const fs::path kept = copy(fixtures / "gazetteer_areas.geojson");
    Gazetteer::load(kept); // writing a cache prunes its directory
    EXPECT_FALSE(fs::exists(cache_of(gone)));
    EXPECT_TRUE(fs::exists(cache_of(kept)));
}
