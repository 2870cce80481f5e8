// Gazetteer load through GDAL against its binary cache (geo/gazetteer/detail/cache.hpp), on the
// bundled gazetteer and on the bundled one with 10,000 synthetic villages more; and the parts of
// a cached load: hashing the source, decoding the cache.

#include "geo/gazetteer/detail/cache.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>
#include <unistd.h>

using namespace sitmap::geo;
namespace fs = std::filesystem;

namespace {

fs::path bundled() {
    return data_dir() / "geojson" / "gazetteer.geojson";
}

fs::path villages_path(std::size_t extra) {
    return fs::temp_directory_path() / ("sitmap_bench_gazetteer_plus_" + std::to_string(extra) +
                                        "_" + std::to_string(getpid()) + ".geojson");
}

// The bundled gazetteer and `extra` synthetic villages (names in three scripts, two aliases),
// written once per run.
fs::path with_villages(std::size_t extra) {
    const fs::path path = villages_path(extra);
    if (fs::exists(path)) {
        return path;
    }
    std::ifstream in(bundled());
    nlohmann::json fc = nlohmann::json::parse(in);
    static const char* syllables[] = {"ka", "ra", "van", "dzor", "ber", "shen", "ni", "go",
                                      "ta", "lu", "ar",  "me",   "kh",  "sa",   "ti", "vo"};
    std::mt19937 rng(10000);
    std::uniform_int_distribution<int> syl(0, 15);
    std::uniform_int_distribution<int> count(2, 4);
    std::uniform_real_distribution<double> lon(44.0, 47.5);
    std::uniform_real_distribution<double> lat(38.8, 41.3);
    for (std::size_t i = 0; i < extra; ++i) {
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
               {"names",
                {{"en", name},
                 {"hy", "Գյուղ " + std::to_string(i)},
                 {"ru", "Село " + std::to_string(i)}}},
               {"aliases", {name + "i", "Nor " + name}},
               {"kind", "settlement"},
               {"country", i % 2 == 0 ? "AM" : "AZ"},
               {"admin1", ""},
               {"population", 100 + static_cast<int>(i)},
               {"source", "synthetic"},
               {"source_id", std::to_string(i)},
               {"accuracy_m", 500}}},
             {"geometry", {{"type", "Point"}, {"coordinates", {lon(rng), lat(rng)}}}}});
    }
    std::ofstream(path) << fc.dump();
    return path;
}

void load_gdal(benchmark::State& state, const fs::path& path) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(Gazetteer::load(path, UseCache::no));
    }
}

void load_cached(benchmark::State& state, const fs::path& path) {
    Gazetteer::load(path); // writes the cache
    for (auto _ : state) {
        benchmark::DoNotOptimize(Gazetteer::load(path));
    }
}

void BM_LoadBundledGdal(benchmark::State& state) {
    load_gdal(state, bundled());
}
BENCHMARK(BM_LoadBundledGdal)->Unit(benchmark::kMillisecond);

void BM_LoadBundledCached(benchmark::State& state) {
    load_cached(state, bundled());
}
BENCHMARK(BM_LoadBundledCached)->Unit(benchmark::kMillisecond);

void BM_LoadPlus10000Gdal(benchmark::State& state) {
    load_gdal(state, with_villages(10000));
}
BENCHMARK(BM_LoadPlus10000Gdal)->Unit(benchmark::kMillisecond);

void BM_LoadPlus10000Cached(benchmark::State& state) {
    load_cached(state, with_villages(10000));
}
BENCHMARK(BM_LoadPlus10000Cached)->Unit(benchmark::kMillisecond);

// The check every cached load makes: the source's bytes, hashed.
void BM_SourceKeyPlus10000(benchmark::State& state) {
    const fs::path path = with_villages(10000);
    for (auto _ : state) {
        benchmark::DoNotOptimize(detail::source_key_of(path));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(fs::file_size(path)));
}
BENCHMARK(BM_SourceKeyPlus10000)->Unit(benchmark::kMillisecond);

void BM_DecodePlus10000(benchmark::State& state) {
    const fs::path path = with_villages(10000);
    const Gazetteer g = Gazetteer::load(path, UseCache::no);
    const detail::SourceKey key = *detail::source_key_of(path);
    const std::string bytes = detail::encode_places(g.places(), key, path);
    for (auto _ : state) {
        benchmark::DoNotOptimize(detail::decode_places(bytes, key));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_DecodePlus10000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    // Caches of this run in a directory of its own, removed at the end.
    const fs::path cache =
        fs::temp_directory_path() / ("sitmap_bench_cache_" + std::to_string(getpid()));
    setenv("SITMAP_CACHE_DIR", cache.c_str(), 1);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fs::remove_all(cache);
    fs::remove(villages_path(10000));
    return 0;
}
