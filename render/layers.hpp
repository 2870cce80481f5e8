#pragma once
// Layers are plugins. A LayerSource answers extent() and features(query), and says how each
// feature is drawn by attaching a typed Symbol to it. Built-in layers are registered by one
// explicit function (register_builtin_layers) that the CLI and the tests both call; external
// layers come from shared libraries through the versioned C entry point of render/plugin_api.h.

#include "render/canvas.hpp"
#include "render/events.hpp"
#include "render/style.hpp"

#include "geo/core/geometry.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::render {

// Label classes, highest placement priority first.
enum class LabelClass { incident, checkpoint, context, capital, area, town, water, country };

enum class LabelPlacement { around_point, inside_area, along_line };

struct LabelRequest {
    std::string text;
    LabelClass cls = LabelClass::town;
    LabelPlacement placement = LabelPlacement::around_point;
    double symbol_radius = 0.0; // keep this far from the anchor (canvas units)
    double rank = 0.0;          // within a class, higher is placed first (population...)
    std::string key;            // the place it names: one label per place
    std::string detail; // smaller lines under the text, '\n' between them (each side's claim)
};

// One drawable item: a geometry in WGS 84 with its symbol, optional legend key and label.
struct Mark {
    const geo::Geometry* geometry = nullptr;
    Symbol symbol;
    MarkInfo info;                  // id and title (SVG)
    std::string_view legend;        // legend key; "" for none
    std::string_view legend_extra;  // a second legend entry it illustrates (the casualty scale)
    std::string_view legend_claims; // a third: whose claims a split symbol shows
    const LabelRequest* label = nullptr;
    bool obstacle = false; // labels must not cover it
    // Labels must not cross its lines (the border, the corridor); `divides`: a label also stays
    // on its mark's side of them (the border).
    bool barrier = false;
    bool divides = false;
};

struct Query {
    geo::BBox bbox;           // lon/lat box of the map
    double unit = 1.0;        // canvas units per style pixel
    double km_per_unit = 1.0; // ground distance of one canvas unit at the map centre
    double map_area = 1.0e6;  // area of the map frame in canvas units squared
    std::string lang = "en";
    const Style* style = nullptr;
    bool annotate = false; // the canvas keeps ids and titles (SVG): build them
};

using MarkSink = std::function<void(const Mark&)>;

// How the samples of a legend entry are drawn: on top of each other, or side by side.
enum class SampleLayout { stacked, row };

struct LegendEntry {
    std::string key;
    std::string label;
    std::vector<Symbol> samples;
    SampleLayout layout = SampleLayout::stacked;
};

class LayerSource {
public:
    virtual ~LayerSource() = default;
    LayerSource() = default;
    LayerSource(const LayerSource&) = delete;
    LayerSource& operator=(const LayerSource&) = delete;

    virtual std::string name() const = 0;
    // Lon/lat extent of the data (empty box when it has none).
    virtual geo::BBox extent() const = 0;
    // Calls sink for every feature inside q.bbox, in drawing order.
    virtual void features(const Query& q, const MarkSink& sink) const = 0;
    // The legend entries this layer can produce; only the keys actually drawn are shown.
    virtual std::vector<LegendEntry> legend(const Query&) const { return {}; }
    // Lines for the attribution (data sources, boundary notes).
    virtual std::vector<std::string> attribution() const { return {}; }
    // Problems worth telling the user about (e.g. a basemap file that is missing).
    virtual std::vector<std::string> warnings() const { return {}; }
};

// What a layer factory may use.
struct LayerContext {
    std::filesystem::path data_dir;         // basemap GeoJSON files
    std::shared_ptr<const EventSet> events; // the map's events
};

using LayerFactory = std::function<std::unique_ptr<LayerSource>(const LayerContext&)>;

class LayerRegistry {
public:
    LayerRegistry();
    ~LayerRegistry();
    LayerRegistry(LayerRegistry&&) noexcept;
    LayerRegistry& operator=(LayerRegistry&&) noexcept;

    // Adds a layer; layers draw in registration order. Throws sitmap::Error on a duplicate name.
    void add(std::string name, LayerFactory factory);
    // Creates the named layer; an unknown name is a usage error that lists the known ones.
    std::unique_ptr<LayerSource> create(std::string_view name, const LayerContext& ctx) const;
    // All of them, in drawing order.
    std::vector<std::unique_ptr<LayerSource>> create_all(const LayerContext& ctx) const;
    std::vector<std::string> names() const;

    // Loads an external layer plugin (see render/plugin_api.h) and registers it on top of the
    // others. `config` is passed to the plugin as is. Throws sitmap::Error (usage) for a file
    // that cannot be loaded, is not a sitmap plugin, or has another ABI version.
    std::string load_plugin(const std::filesystem::path& library, const std::string& config);

private:
    struct Entry {
        std::string name;
        LayerFactory factory;
    };
    std::vector<Entry> m_entries;
    std::vector<std::shared_ptr<void>> m_libraries; // dlopen handles, closed last
};

// Registers the built-in layers, bottom to top: countries, admin1, nagorno-karabakh, lakes,
// rivers, borders, corridor, settlements, uncertainty, fire-lines, checkpoints, context,
// incidents.
void register_builtin_layers(LayerRegistry& registry);

} // namespace sitmap::render
