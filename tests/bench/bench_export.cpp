// GIS export throughput: N events with two claims each to GeoJSON and to a GeoPackage (events,
// claims, places, no basemap), and a QGIS project for the GeoPackage.

#include "geo/io/export.hpp"
#include "geo/io/qgis_project.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace sitmap::geo;
namespace fs = std::filesystem;

std::vector<Event> synthetic_events(std::size_t n) {
    using namespace std::chrono;
    std::vector<Event> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Event e;
        e.id = "evt-" + std::to_string(i);
        e.kind = static_cast<EventKind>(i % 13);
        const auto day = sys_days{year{2023} / January / 1} + days{static_cast<int>(i % 365)};
        e.date = {year_month_day{day}, year_month_day{day}, DatePrecision::day};
        e.place_id = "p:" + std::to_string(i % 500);
        e.place_name = "Place " + std::to_string(i % 500);
        const LonLat at{44.0 + static_cast<double>(i % 97) * 0.03,
                        39.0 + static_cast<double>(i % 89) * 0.03};
        e.geometry = PointGeom{at};
        e.location = at;
        for (int k = 0; k < 2; ++k) {
            Claim c;
            c.who = k == 0 ? "Ministry of Defence of Armenia" : "Ministry of Defence of Azerbaijan";
            c.side = k == 0 ? Side::armenia : Side::azerbaijan;
            c.assertion = Assertion::accuses;
            c.against = k == 0 ? Side::azerbaijan : Side::armenia;
            c.killed = static_cast<int>(i % 3);
            c.text = "A sentence of about the length a news sentence has, quoted as the source.";
            c.source = {"article-" + std::to_string(i % 50), 100, 175};
            e.claims.push_back(c);
        }
        e.sources = {e.claims[0].source};
        out.push_back(std::move(e));
    }
    return out;
}

void BM_ExportGeojson(benchmark::State& state) {
    const auto events = synthetic_events(static_cast<std::size_t>(state.range(0)));
    const fs::path out = fs::temp_directory_path() / "sitmap_bench_export.geojson";
    for (auto _ : state) {
        export_geojson(events, out, Overwrite::yes);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    fs::remove(out);
}
BENCHMARK(BM_ExportGeojson)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ExportGeopackage(benchmark::State& state) {
    const auto events = synthetic_events(static_cast<std::size_t>(state.range(0)));
    const fs::path out = fs::temp_directory_path() / "sitmap_bench_export.gpkg";
    GeoPackageOptions options;
    options.overwrite = Overwrite::yes;
    for (auto _ : state) {
        export_geopackage(events, out, options);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    fs::remove(out);
}
BENCHMARK(BM_ExportGeopackage)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_QgisProject(benchmark::State& state) {
    const fs::path gpkg = fs::temp_directory_path() / "sitmap_bench_project.gpkg";
    GeoPackageOptions options;
    options.overwrite = Overwrite::yes;
    export_geopackage(synthetic_events(100), gpkg, options);
    const fs::path project = fs::temp_directory_path() / "sitmap_bench_project.qgz";
    QgisProjectOptions p;
    p.crs = "EPSG:32638";
    p.overwrite = Overwrite::yes;
    for (auto _ : state) {
        write_qgis_project(project, gpkg, p);
    }
    fs::remove(gpkg);
    fs::remove(project);
}
BENCHMARK(BM_QgisProject)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
