#include "render/layers.hpp"

#include "geo/core/error.hpp"
#include "render/plugin_api.h"

#include <algorithm>
#include <mutex>

#include <dlfcn.h>

namespace sitmap::render {
namespace {

Color rgba(std::uint32_t v) {
    return {static_cast<double>((v >> 24) & 0xffU) / 255.0,
            static_cast<double>((v >> 16) & 0xffU) / 255.0,
            static_cast<double>((v >> 8) & 0xffU) / 255.0, static_cast<double>(v & 0xffU) / 255.0};
}

// A layer backed by an external plugin through the C ABI.
class PluginLayer final : public LayerSource {
public:
    PluginLayer(std::shared_ptr<void> library, const sitmap_layer_plugin* api, void* self)
        : m_library(std::move(library)), m_api(api), m_self(self) {}
    ~PluginLayer() override {
        if (m_api->destroy != nullptr) {
            m_api->destroy(m_self);
        }
    }

    std::string name() const override { return m_api->name; }

    geo::BBox extent() const override {
        double b[4] = {0, 0, -1, -1};
        if (m_api->extent == nullptr || m_api->extent(m_self, b) == 0) {
            return {0, 0, -1, -1};
        }
        return {b[0], b[1], b[2], b[3]};
    }

    void features(const Query& q, const MarkSink& sink) const override {
        EmitContext ctx{this, &q, &sink};
        const double bbox[4] = {q.bbox.west, q.bbox.south, q.bbox.east, q.bbox.north};
        m_api->features(m_self, bbox, &PluginLayer::emit, &ctx);
    }

    std::vector<LegendEntry> legend(const Query&) const override { return m_legend; }

    std::vector<std::string> attribution() const override {
        if (m_api->attribution != nullptr && *m_api->attribution != '\0') {
            return {m_api->attribution};
        }
        return {};
    }

private:
    struct EmitContext {
        const PluginLayer* layer;
        const Query* q;
        const MarkSink* sink;
    };

    static void emit(void* sink_ptr, const sitmap_plugin_feature* f) {
        auto* ctx = static_cast<EmitContext*>(sink_ptr);
        if (f == nullptr || f->points == nullptr || f->count == 0) {
            return;
        }
        const double u = ctx->q->unit;
        geo::Geometry geometry;
        Symbol symbol;
        if (f->type == SITMAP_GEOM_POINT) {
            geometry = geo::PointGeom{{f->points[0].lon, f->points[0].lat}};
            MarkerSymbol m;
            m.size = 2.0 * std::max(f->marker_radius, 1.0) * u;
            m.fill = rgba(f->fill_rgba);
            m.stroke = rgba(f->stroke_rgba);
            m.stroke_width = f->stroke_width * u;
            symbol = m;
        } else {
            geo::Path path;
            path.reserve(f->count);
            for (std::size_t i = 0; i < f->count; ++i) {
                path.push_back({f->points[i].lon, f->points[i].lat});
            }
            std::vector<double> dash;
            if (f->dash > 0.0) {
                dash = {f->dash * u, f->dash * u * 0.6};
            }
            if (f->type == SITMAP_GEOM_AREA) {
                geometry = geo::AreaGeom{{{std::move(path)}}};
                FillSymbol s;
                s.fill = rgba(f->fill_rgba);
                s.outline = rgba(f->stroke_rgba);
                s.outline_width = f->stroke_width * u;
                s.outline_dash = dash;
                symbol = s;
            } else {
                geometry = geo::LinesGeom{{std::move(path)}};
                LineSymbol s;
                s.color = rgba(f->stroke_rgba);
                s.width = f->stroke_width * u;
                s.dash = dash;
                symbol = s;
            }
        }
        Mark mark;
        mark.geometry = &geometry;
        mark.symbol = symbol;
        std::string legend_key;
        if (f->legend != nullptr && *f->legend != '\0') {
            legend_key = std::string("plugin:") + ctx->layer->m_api->name + ":" + f->legend;
            auto& entries = ctx->layer->m_legend;
            if (std::none_of(entries.begin(), entries.end(),
                             [&](const LegendEntry& e) { return e.key == legend_key; })) {
                entries.push_back({legend_key, f->legend, {symbol}});
            }
            mark.legend = legend_key;
        }
        LabelRequest label;
        if (f->label != nullptr && *f->label != '\0') {
            label.text = f->label;
            label.cls = LabelClass::town;
            label.placement = f->type == SITMAP_GEOM_POINT ? LabelPlacement::around_point
                                                           : LabelPlacement::along_line;
            label.symbol_radius = f->marker_radius * u;
            mark.label = &label;
        }
        (*ctx->sink)(mark);
    }

    std::shared_ptr<void> m_library;
    const sitmap_layer_plugin* m_api;
    void* m_self;
    mutable std::vector<LegendEntry> m_legend;
};

} // namespace

LayerRegistry::LayerRegistry() = default;
LayerRegistry::~LayerRegistry() {
    // Layers created from plugins hold the library themselves; drop the factories first.
    m_entries.clear();
}
LayerRegistry::LayerRegistry(LayerRegistry&&) noexcept = default;
LayerRegistry& LayerRegistry::operator=(LayerRegistry&&) noexcept = default;

void LayerRegistry::add(std::string name, LayerFactory factory) {
    if (std::any_of(m_entries.begin(), m_entries.end(),
                    [&name](const Entry& e) { return e.name == name; })) {
        throw usage_error("layer '" + name + "' is already registered");
    }
    m_entries.push_back({std::move(name), std::move(factory)});
}

std::unique_ptr<LayerSource> LayerRegistry::create(std::string_view name,
                                                   const LayerContext& ctx) const {
    for (const auto& e : m_entries) {
        if (e.name == name) {
            return e.factory(ctx);
        }
    }
    std::string known;
    for (const auto& e : m_entries) {
        known += (known.empty() ? "" : ", ") + e.name;
    }
    throw usage_error("unknown layer '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::unique_ptr<LayerSource>> LayerRegistry::create_all(const LayerContext& ctx) const {
    std::vector<std::unique_ptr<LayerSource>> out;
    for (const auto& e : m_entries) {
        try {
            out.push_back(e.factory(ctx));
        } catch (const Error& err) {
            throw err.with_context("layer '" + e.name + "'");
        }
    }
    return out;
}

std::vector<std::string> LayerRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& e : m_entries) {
        out.push_back(e.name);
    }
    return out;
}

std::string LayerRegistry::load_plugin(const std::filesystem::path& library,
                                       const std::string& config) {
    const std::string file = library.string();
    // A relative name without a slash would be searched on the library path: make it explicit.
    const std::string open_name = file.find('/') == std::string::npos ? "./" + file : file;
    void* handle = dlopen(open_name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        throw usage_error("plugin " + file + ": cannot load" +
                          (why != nullptr ? std::string(" (") + why + ")" : std::string()));
    }
    std::shared_ptr<void> lib(handle, [](void* h) { dlclose(h); });
    dlerror();
    auto version_fn =
        reinterpret_cast<sitmap_plugin_abi_version_fn>(dlsym(handle, "sitmap_plugin_abi_version"));
    if (version_fn == nullptr) {
        throw usage_error("plugin " + file +
                          ": not a sitmap plugin (no sitmap_plugin_abi_version symbol)");
    }
    const std::uint32_t version = version_fn();
    if (version != SITMAP_PLUGIN_ABI_VERSION) {
        throw usage_error("plugin " + file + ": ABI version " + std::to_string(version) +
                          ", but this sitmap needs version " +
                          std::to_string(SITMAP_PLUGIN_ABI_VERSION));
    }
    auto layer_fn = reinterpret_cast<sitmap_plugin_layer_fn>(dlsym(handle, "sitmap_plugin_layer"));
    const sitmap_layer_plugin* api = layer_fn != nullptr ? layer_fn() : nullptr;
    if (api == nullptr || api->name == nullptr || api->create == nullptr ||
        api->features == nullptr) {
        throw usage_error("plugin " + file + ": incomplete plugin description");
    }
    const std::string name = api->name;
    // Create once now so that a wrong configuration fails before rendering starts.
    const char* error = nullptr;
    void* probe = api->create(config.c_str(), &error);
    if (probe == nullptr) {
        throw usage_error("plugin " + file + ": " +
                          (error != nullptr ? error : "cannot create the layer") +
                          (config.empty() ? "" : " (configuration '" + config + "')"));
    }
    if (api->destroy != nullptr) {
        api->destroy(probe);
    }
    m_libraries.push_back(lib);
    add(name, [lib, api, config, file](const LayerContext&) -> std::unique_ptr<LayerSource> {
        const char* err = nullptr;
        void* self = api->create(config.c_str(), &err);
        if (self == nullptr) {
            throw usage_error("plugin " + file + ": " + (err != nullptr ? err : "cannot create"));
        }
        return std::make_unique<PluginLayer>(lib, api, self);
    });
    return name;
}

} // namespace sitmap::render
