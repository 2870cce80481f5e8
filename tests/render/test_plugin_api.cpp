// render/plugin_api.h: the C ABI a layer plugin implements, exercised the way any host would,
// with dlopen on the example plugin (plugins/range_rings), without sitmap's C++ types.

#include "render/plugin_api.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <dlfcn.h>
#include <gtest/gtest.h>

namespace {

// The layout is the ABI: a change here needs SITMAP_PLUGIN_ABI_VERSION + 1.
static_assert(SITMAP_PLUGIN_ABI_VERSION == 1u);
static_assert(sizeof(sitmap_lonlat) == 2 * sizeof(double));
static_assert(offsetof(sitmap_plugin_feature, points) == sizeof(void*));
static_assert(offsetof(sitmap_layer_plugin, name) == 0);

std::filesystem::path range_rings() {
    return std::filesystem::path(SITMAP_BINARY).parent_path().parent_path() / "plugins" /
           "range_rings" / "libsitmap_range_rings.so";
}

struct Closer {
    void operator()(void* h) const { dlclose(h); }
};

struct Collected {
    std::vector<sitmap_geom_type> types;
    std::vector<std::string> labels;
    std::size_t points = 0;
};

void collect(void* sink, const sitmap_plugin_feature* f) {
    auto* c = static_cast<Collected*>(sink);
    c->types.push_back(f->type);
    c->points += f->count;
    if (f->label != nullptr) {
        c->labels.emplace_back(f->label);
    }
}

} // namespace

TEST(PluginApi, ThePluginAnswersTheVersionThenItsLayer) {
    std::unique_ptr<void, Closer> lib(dlopen(range_rings().c_str(), RTLD_NOW | RTLD_LOCAL));
    ASSERT_TRUE(lib) << dlerror();
    auto version = reinterpret_cast<sitmap_plugin_abi_version_fn>(
        dlsym(lib.get(), "sitmap_plugin_abi_version"));
    auto layer = reinterpret_cast<sitmap_plugin_layer_fn>(dlsym(lib.get(), "sitmap_plugin_layer"));
    ASSERT_NE(version, nullptr);
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(version(), SITMAP_PLUGIN_ABI_VERSION);
    const sitmap_layer_plugin* p = layer();
    ASSERT_NE(p, nullptr);
    EXPECT_NE(p->name, nullptr);

    const char* error = nullptr;
    EXPECT_EQ(p->create("lon=45", &error), nullptr); // no lat: refused, with a reason
    ASSERT_NE(error, nullptr);
    EXPECT_NE(std::string(error), "");

    void* self = p->create("lon=45.86472&lat=40.20306&radii=10,20&label=Sotk", &error);
    ASSERT_NE(self, nullptr) << (error != nullptr ? error : "");
    double bbox[4] = {0, 0, 0, 0};
    ASSERT_EQ(p->extent(self, bbox), 1);
    EXPECT_LT(bbox[0], 45.86472);
    EXPECT_GT(bbox[2], 45.86472);
    EXPECT_LT(bbox[1], 40.20306);
    EXPECT_GT(bbox[3], 40.20306);
    Collected c;
    p->features(self, bbox, collect, &c);
    EXPECT_FALSE(c.types.empty());
    EXPECT_GT(c.points, 0u);
    const double far_away[4] = {10, 10, 11, 11};
    Collected none;
    p->features(self, far_away, collect, &none);
    EXPECT_LE(none.types.size(), c.types.size());
    p->destroy(self);
}
