// Renderer benchmarks (Google Benchmark): a seeded synthetic scene of N incidents around the
// Armenia-Azerbaijan border, rendered in-process to PNG and SVG at 2048x2048 over the basemap
// fixture. End-to-end timings with file reading are in scripts/bench-render.

#include "render/layers.hpp"
#include "render/map.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

namespace {

using namespace sitmap;

std::shared_ptr<render::EventSet> scene(std::size_t n) {
    auto set = std::make_shared<render::EventSet>();
    set->events.reserve(n);
    std::mt19937_64 rng(20201110);
    std::normal_distribution<double> jitter(0.0, 0.12);
    std::uniform_real_distribution<double> along(0.0, 1.0);
    std::exponential_distribution<double> casualties(0.7);
    for (std::size_t i = 0; i < n; ++i) {
        render::EventRecord e;
        const double t = along(rng);
        // Along a line from north of Sotk to south of Goris.
        e.location = {45.6 + 0.8 * t + jitter(rng), 40.6 - 1.2 * t + jitter(rng)};
        e.geometry = geo::PointGeom{e.location};
        e.kind = i % 5 == 0 ? geo::EventKind::checkpoint_installed : geo::EventKind::shelling;
        e.id = 'e';
        e.id += std::to_string(i);
        e.date_begin = "2023-05-11";
        e.date_end = "2023-05-11";
        e.killed = static_cast<int>(casualties(rng));
        set->events.push_back(std::move(e));
    }
    return set;
}

void render_to(benchmark::State& state, const char* ext) {
    const auto events = scene(static_cast<std::size_t>(state.range(0)));
    render::LayerRegistry registry;
    render::register_builtin_layers(registry);
    const std::filesystem::path basemap =
        std::filesystem::path(SITMAP_SOURCE_DIR) / "tests" / "fixtures" / "basemap";
    render::MapOptions options;
    options.size = {2048, 2048, 1.0};
    options.extent = "44.5,39.0,47.5,41.2";
    render::MapRenderer map(options, registry.create_all({basemap, events}), events);
    const auto out = std::filesystem::temp_directory_path() / (std::string("sitmap_bench.") + ext);
    for (auto _ : state) {
        const auto report = render::render_map_file(map, out, {});
        benchmark::DoNotOptimize(report.marks);
    }
    state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(out));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_render_png(benchmark::State& state) {
    render_to(state, "png");
}
void BM_render_svg(benchmark::State& state) {
    render_to(state, "svg");
}

BENCHMARK(BM_render_png)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_render_svg)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
