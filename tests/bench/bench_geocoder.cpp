// Gazetteer load, exact/alias/fuzzy lookups and mention finding, on the small fixture and on a
// synthetic gazetteer of the real file's size (3,000 features with names in three scripts).

#include "geo/geocode/geocoder.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

using namespace sitmap::geo;

namespace {

const std::filesystem::path fixture =
    std::filesystem::path(SITMAP_SOURCE_DIR) / "tests/fixtures/gazetteer_small.geojson";

// Writes (once) a gazetteer of `n` synthetic settlements plus the fixture's places.
std::filesystem::path synthetic_gazetteer(std::size_t n) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("sitmap_bench_gazetteer_" + std::to_string(n) + ".geojson");
    if (std::filesystem::exists(path)) {
        return path;
    }
    std::ifstream in(fixture);
    nlohmann::json fc = nlohmann::json::parse(in);
    static const char* syllables[] = {"ka", "ra", "van", "dzor", "ber", "shen", "ni", "go",
                                      "ta", "lu", "ar",  "me",   "kh",  "sa",   "ti", "vo"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> syl(0, 15);
    std::uniform_int_distribution<int> count(2, 4);
    std::uniform_real_distribution<double> lon(44.0, 48.0);
    std::uniform_real_distribution<double> lat(38.8, 41.3);
    for (std::size_t i = 0; i < n; ++i) {
        std::string name;
        for (int k = count(rng); k > 0; --k) {
            name += syllables[syl(rng)];
        }
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        fc["features"].push_back(
            {{"type", "Feature"},
             {"properties",
              {{"id", "bench:" + std::to_string(i)},
               {"name", name},
               {"names", {{"en", name}, {"hy", "Գյուղ " + std::to_string(i)}, {"ru", "Село"}}},
               {"aliases", {name + "i", "Nor " + name}},
               {"kind", "settlement"},
               {"country", i % 2 == 0 ? "AM" : "AZ"},
               {"admin1", ""},
               {"population", 100 + static_cast<int>(i)},
               {"source", "synthetic"},
               {"source_id", ""},
               {"accuracy_m", 500}}},
             {"geometry", {{"type", "Point"}, {"coordinates", {lon(rng), lat(rng)}}}}});
    }
    std::ofstream(path) << fc.dump();
    return path;
}

const Gazetteer& big() {
    static const Gazetteer g = Gazetteer::load(synthetic_gazetteer(3000));
    return g;
}

const Geocoder& big_geocoder() {
    static const Geocoder g(big());
    return g;
}

void BM_LoadSmallGazetteer(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(Gazetteer::load(fixture));
    }
}
BENCHMARK(BM_LoadSmallGazetteer)->Unit(benchmark::kMillisecond);

void BM_LoadGazetteer3000(benchmark::State& state) {
    const auto path = synthetic_gazetteer(3000);
    for (auto _ : state) {
        benchmark::DoNotOptimize(Gazetteer::load(path));
    }
}
BENCHMARK(BM_LoadGazetteer3000)->Unit(benchmark::kMillisecond);

// The bundled gazetteer ($SITMAP_DATA or the source tree's data/), when present.
void BM_LoadBundledGazetteer(benchmark::State& state) {
    const auto path = data_dir() / "geojson" / "gazetteer.geojson";
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("no bundled gazetteer");
        return;
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(Gazetteer::load(path));
    }
}
BENCHMARK(BM_LoadBundledGazetteer)->Unit(benchmark::kMillisecond);

void BM_BuildGeocoderBundled(benchmark::State& state) {
    const auto path = data_dir() / "geojson" / "gazetteer.geojson";
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("no bundled gazetteer");
        return;
    }
    const Gazetteer g = Gazetteer::load(path);
    for (auto _ : state) {
        benchmark::DoNotOptimize(Geocoder(g));
    }
}
BENCHMARK(BM_BuildGeocoderBundled)->Unit(benchmark::kMillisecond);

void BM_BuildGeocoder3000(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(Geocoder(big()));
    }
}
BENCHMARK(BM_BuildGeocoder3000)->Unit(benchmark::kMillisecond);

void run_queries(benchmark::State& state, std::initializer_list<const char*> queries) {
    const Geocoder& g = big_geocoder();
    for (auto _ : state) {
        for (const char* q : queries) {
            benchmark::DoNotOptimize(g.resolve(q));
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * queries.size()));
}

void BM_ResolveExact(benchmark::State& state) {
    run_queries(state, {"Sotk", "Goris", "Stepanakert", "Brussels", "Шуша", "Սոթք"});
}
BENCHMARK(BM_ResolveExact);

void BM_ResolveAlias(benchmark::State& state) {
    run_queries(state, {"Zod", "Berdzor", "Shushi", "Khankendi", "Xankəndi", "Şuşa"});
}
BENCHMARK(BM_ResolveAlias);

void BM_ResolveFolded(benchmark::State& state) {
    run_queries(state, {"sotk", "SHUSHI", "Sotk's", "the Lachin corridor"});
}
BENCHMARK(BM_ResolveFolded);

void BM_ResolveFuzzy(benchmark::State& state) {
    run_queries(state, {"Stepanakret", "Gorsi", "Kornidsor", "Vardenys"});
}
BENCHMARK(BM_ResolveFuzzy);

void BM_ResolveUnresolved(benchmark::State& state) {
    run_queries(state, {"Sunday", "Blorptown", "Ministry of Defense"});
}
BENCHMARK(BM_ResolveUnresolved);

void BM_FindMentionsSeeds(benchmark::State& state) {
    std::string text;
    for (const auto& entry : std::filesystem::directory_iterator(SITMAP_SEEDS_DIR)) {
        if (entry.path().extension() == ".txt") {
            std::ifstream in(entry.path());
            std::stringstream s;
            s << in.rdbuf();
            text += s.str() + "\n";
        }
    }
    std::string big_text;
    while (big_text.size() < (1u << 20)) {
        big_text += text;
    }
    const Geocoder& g = big_geocoder();
    for (auto _ : state) {
        benchmark::DoNotOptimize(g.find_mentions(big_text));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * big_text.size()));
}
BENCHMARK(BM_FindMentionsSeeds)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
