// Extraction throughput: the five seed articles repeated to 10 MB, one article. Target >= 5 MB/s.
// Run: build/release/tests/bench_extract (bytes_per_second is the figure).

#include "geo/extract/detail/pipeline.hpp"
#include "geo/extract/extract.hpp"
#include "tests/geo/extract/extract_test_gazetteer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

namespace {

using namespace sitmap::geo;

const Article& ten_megabytes() {
    static const Article article = [] {
        std::string seeds;
        for (const char* stem :
             {"000_5910880eccc6c8c0", "001_19f7addab04ee640", "002_d157015bd8b7b8f1",
              "003_1ae35c016cd00801", "004_3605db3ac4ed118d"}) {
            std::ifstream in(std::filesystem::path(SITMAP_SEEDS_DIR) /
                             (std::string(stem) + ".txt"));
            std::ostringstream s;
            s << in.rdbuf();
            seeds += s.str() + "\n\n";
        }
        Article a;
        a.id = "bench";
        a.published = parse_date("2023-05-11");
        while (a.text.size() < (10u << 20)) {
            a.text += seeds;
        }
        return a;
    }();
    return article;
}

void run(benchmark::State& state, const Gazetteer& gazetteer) {
    const Geocoder geocoder(gazetteer);
    const Extractor extractor(geocoder);
    const Article& a = ten_megabytes();
    std::size_t events = 0;
    for (auto _ : state) {
        const Extraction x = extractor.extract(a);
        events = x.events.size();
        benchmark::DoNotOptimize(x);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * a.text.size()));
    state.counters["events"] = static_cast<double>(events);
}

// Mentions by the geocoder over the bundled gazetteer, then the rules: what `sitmap extract` does.
void BM_ExtractBundledGazetteer(benchmark::State& state) {
    std::optional<Gazetteer> g;
    try {
        g.emplace(Gazetteer::load_default());
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
        return;
    }
    run(state, *g);
}

// The same with the small test gazetteer: the cost of the rules with few names.
void BM_ExtractTestGazetteer(benchmark::State& state) {
    run(state, sitmap::test::extract_test_gazetteer());
}

// The rules alone, on mentions found once.
void BM_ExtractRulesOnly(benchmark::State& state) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    const Geocoder geocoder(g);
    const Article& a = ten_megabytes();
    const auto mentions = geocoder.find_mentions(a.text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(detail::extract_events(a, mentions));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * a.text.size()));
}

BENCHMARK(BM_ExtractBundledGazetteer)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ExtractTestGazetteer)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ExtractRulesOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
