#pragma once
// Test helper: the seed events over the frozen basemap fixture, rendered through the real layers.

#include "geo/gazetteer/gazetteer.hpp"
#include "render/layers.hpp"
#include "render/map.hpp"

#include <filesystem>
#include <memory>

namespace sitmap::test {

inline std::filesystem::path fixtures() {
    return SITMAP_FIXTURES_DIR;
}
inline std::filesystem::path basemap() {
    return fixtures() / "basemap";
}
inline std::filesystem::path seed_events() {
    return fixtures() / "events_seed.geojson";
}

// Invented events with origins (directions of fire) over the same basemap.
inline std::filesystem::path fire_events() {
    return fixtures() / "events_fire.geojson";
}

struct MapFixture {
    // The events file stores points; region events get their place's line or area from the
    // fixture gazetteer, as `sitmap map` does with the bundled one.
    geo::Gazetteer gazetteer = geo::Gazetteer::load(basemap() / "gazetteer.geojson");
    std::shared_ptr<render::EventSet> events;
    render::LayerRegistry registry;

    explicit MapFixture(const std::filesystem::path& events_file = seed_events())
        : events(std::make_shared<render::EventSet>(render::EventSet::read(
              events_file, [this](std::string_view id) -> const geo::Geometry* {
                  const geo::Place* p = gazetteer.find(id);
                  return p != nullptr ? &p->geometry : nullptr;
              }))) {
        render::register_builtin_layers(registry);
    }

    std::unique_ptr<render::MapRenderer> make(render::MapOptions options = {}) {
        render::LayerContext ctx{basemap(), events};
        return std::make_unique<render::MapRenderer>(std::move(options), registry.create_all(ctx),
                                                     events);
    }
};

} // namespace sitmap::test
