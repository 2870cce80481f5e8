// render/layers.hpp: the registry, the built-in layers and external plugins.

#include "render/layers.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitmap::render {
namespace {

std::filesystem::path plugin_dir() {
    return std::filesystem::path(SITMAP_BINARY).parent_path().parent_path() / "plugins";
}

TEST(LayerRegistry, BuiltinsInDrawingOrder) {
    LayerRegistry r;
    register_builtin_layers(r);
    EXPECT_EQ(r.names(), (std::vector<std::string>{"countries", "admin1", "nagorno-karabakh",
                                                   "lakes", "rivers", "borders", "corridor",
                                                   "settlements", "uncertainty", "fire-lines",
                                                   "checkpoints", "context", "incidents"}));
    try {
        r.create("roads", {});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
        EXPECT_NE(std::string(e.what()).find("unknown layer 'roads' (known: countries, admin1,"),
                  std::string::npos);
    }
    EXPECT_THROW(r.add("countries", [](const LayerContext&) { return nullptr; }), Error);
}

TEST(LayerRegistry, MissingBasemapFileIsAWarningNotAFailure) {
    LayerRegistry r;
    register_builtin_layers(r);
    auto layer = r.create("lakes", {"/nonexistent", nullptr});
    ASSERT_EQ(layer->warnings().size(), 1U);
    EXPECT_NE(layer->warnings()[0].find("/nonexistent/lakes.geojson not found"), std::string::npos);
    EXPECT_TRUE(layer->extent().empty());
}

TEST(LayerRegistry, BuiltinLayerAnswersExtentAndFeatures) {
    LayerRegistry r;
    register_builtin_layers(r);
    const auto events = std::make_shared<EventSet>(
        EventSet::read(std::filesystem::path(SITMAP_FIXTURES_DIR) / "events_seed.geojson"));
    auto incidents =
        r.create("incidents", {std::filesystem::path(SITMAP_FIXTURES_DIR) / "basemap", events});
    EXPECT_EQ(incidents->extent(), (geo::BBox{45.86472, 40.20306, 45.86472, 40.20306}));
    const Style style = Style::builtin();
    Query q;
    q.bbox = {45, 39, 47, 41};
    q.style = &style;
    std::vector<std::string> legends;
    std::vector<std::string> claims;
    incidents->features(q, [&](const Mark& m) {
        legends.emplace_back(m.legend);
        claims.emplace_back(m.legend_claims);
    });
    // The Sotk shelling, one split mark (Armenia's and Azerbaijan's claims, no ring); the
    // eastern sector is in the uncertainty layer.
    EXPECT_EQ(legends, (std::vector<std::string>{"shelling"}));
    EXPECT_EQ(claims, (std::vector<std::string>{"disputed-armenia-azerbaijan"}));
    q.bbox = {40, 45, 41, 46};
    legends.clear();
    incidents->features(q, [&](const Mark& m) { legends.emplace_back(m.legend); });
    EXPECT_TRUE(legends.empty());
}

TEST(Plugins, LoadsTheRangeRingsExample) {
    LayerRegistry r;
    register_builtin_layers(r);
    const auto lib = plugin_dir() / "range_rings" / "libsitmap_range_rings.so";
    ASSERT_TRUE(std::filesystem::exists(lib)) << lib;
    EXPECT_EQ(r.load_plugin(lib, "lon=45.86472&lat=40.20306&radii=10,20&label=Sotk"),
              "range-rings");
    EXPECT_EQ(r.names().back(), "range-rings");
    auto layer = r.create("range-rings", {});
    const geo::BBox e = layer->extent();
    EXPECT_NEAR((e.north - e.south) / 2 * 111.2, 20.0, 0.3); // the 20 km ring
    const Style style = Style::builtin();
    Query q;
    q.bbox = {45, 39, 47, 41};
    q.style = &style;
    int lines = 0;
    int points = 0;
    layer->features(q, [&](const Mark& m) {
        if (std::holds_alternative<LineSymbol>(m.symbol)) {
            ++lines;
            EXPECT_EQ(std::get<geo::LinesGeom>(*m.geometry).lines[0].size(), 121U);
        } else {
            ++points;
            ASSERT_NE(m.label, nullptr);
            EXPECT_EQ(m.label->text, "Sotk");
        }
    });
    EXPECT_EQ(lines, 2);
    EXPECT_EQ(points, 1);
    ASSERT_EQ(layer->legend(q).size(), 1U);
    EXPECT_EQ(layer->legend(q)[0].label, "Range rings (geodesic)");
}

TEST(Plugins, RefusesWrongAbiNonPluginsAndBadConfiguration) {
    LayerRegistry r;
    auto expect = [&](const std::filesystem::path& lib, const std::string& config,
                      const std::string& needle) {
        try {
            r.load_plugin(lib, config);
            FAIL() << lib;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::usage);
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    expect(plugin_dir() / "wrong_abi" / "libsitmap_plugin_wrong_abi.so", "",
           "ABI version 42, but this sitmap needs version 1");
    expect("/lib/x86_64-linux-gnu/libm.so.6", "", "not a sitmap plugin");
    expect("/nonexistent/plugin.so", "", "cannot load");
    expect(plugin_dir() / "range_rings" / "libsitmap_range_rings.so", "lon=45",
           "needs lon=..&lat=..");
    EXPECT_TRUE(r.names().empty());
}

} // namespace
} // namespace sitmap::render
