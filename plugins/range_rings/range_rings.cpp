// Example sitmap layer plugin: range rings (geodesic circles) around a point, e.g. the distance
// from a town to the border. Configuration: --plugin libsitmap_range_rings.so?lon=45.92&lat=40.21
// &radii=5,10,20&label=Sotk  (radii in km; label optional).

#include "render/plugin_api.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <geodesic.h>

namespace {

struct RangeRings {
    double lon = 0.0;
    double lat = 0.0;
    std::vector<double> radii_km;
    std::string label;
    std::vector<std::vector<sitmap_lonlat>> rings;
};

bool parse_number(const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end != nullptr && *end == '\0';
}

void* create(const char* config, const char** error) {
    auto* self = new RangeRings();
    bool have_lon = false;
    bool have_lat = false;
    std::string cfg = config != nullptr ? config : "";
    std::size_t start = 0;
    while (start <= cfg.size() && !cfg.empty()) {
        const std::size_t amp = cfg.find('&', start);
        const std::string pair = cfg.substr(start, amp == std::string::npos ? amp : amp - start);
        const std::size_t eq = pair.find('=');
        const std::string key = pair.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : pair.substr(eq + 1);
        if (key == "lon") {
            have_lon = parse_number(value, self->lon);
        } else if (key == "lat") {
            have_lat = parse_number(value, self->lat);
        } else if (key == "label") {
            self->label = value;
        } else if (key == "radii") {
            std::size_t p = 0;
            while (p <= value.size()) {
                const std::size_t comma = value.find(',', p);
                double r = 0.0;
                if (!parse_number(value.substr(p, comma == std::string::npos ? comma : comma - p),
                                  r) ||
                    r <= 0.0) {
                    *error =
                        "range_rings: radii must be positive numbers of km, e.g. radii=5,10,20";
                    delete self;
                    return nullptr;
                }
                self->radii_km.push_back(r);
                if (comma == std::string::npos) {
                    break;
                }
                p = comma + 1;
            }
        } else if (!key.empty()) {
            *error = "range_rings: unknown option (expected lon, lat, radii, label)";
            delete self;
            return nullptr;
        }
        if (amp == std::string::npos) {
            break;
        }
        start = amp + 1;
    }
    if (!have_lon || !have_lat || self->lon < -180 || self->lon > 180 || self->lat < -90 ||
        self->lat > 90) {
        *error = "range_rings: needs lon=..&lat=.. in degrees";
        delete self;
        return nullptr;
    }
    if (self->radii_km.empty()) {
        self->radii_km = {10.0, 25.0, 50.0};
    }
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    for (const double r : self->radii_km) {
        std::vector<sitmap_lonlat> ring;
        for (int i = 0; i <= 120; ++i) {
            double lat = 0.0;
            double lon = 0.0;
            geod_direct(&g, self->lat, self->lon, 360.0 * (i % 120) / 120.0, r * 1000.0, &lat, &lon,
                        nullptr);
            ring.push_back({lon, lat});
        }
        self->rings.push_back(std::move(ring));
    }
    return self;
}

void destroy(void* self) {
    delete static_cast<RangeRings*>(self);
}

int extent(void* p, double bbox[4]) {
    const auto* self = static_cast<RangeRings*>(p);
    bbox[0] = 180;
    bbox[1] = 90;
    bbox[2] = -180;
    bbox[3] = -90;
    for (const auto& ring : self->rings) {
        for (const auto& q : ring) {
            bbox[0] = std::min(bbox[0], q.lon);
            bbox[1] = std::min(bbox[1], q.lat);
            bbox[2] = std::max(bbox[2], q.lon);
            bbox[3] = std::max(bbox[3], q.lat);
        }
    }
    return self->rings.empty() ? 0 : 1;
}

void features(void* p, const double bbox[4], sitmap_emit_fn emit, void* sink) {
    (void)bbox; // a handful of rings: the renderer clips
    const auto* self = static_cast<RangeRings*>(p);
    for (std::size_t i = 0; i < self->rings.size(); ++i) {
        const auto& ring = self->rings[i];
        char label[64];
        std::snprintf(label, sizeof label, "%g km", self->radii_km[i]);
        sitmap_plugin_feature f{};
        f.type = SITMAP_GEOM_LINE;
        f.points = ring.data();
        f.count = ring.size();
        f.stroke_rgba = 0x5b2a86ffu;
        f.stroke_width = 1.2;
        f.dash = 4.0;
        f.legend = "Range rings (geodesic)";
        f.label = label;
        emit(sink, &f);
    }
    sitmap_lonlat centre{self->lon, self->lat};
    sitmap_plugin_feature c{};
    c.type = SITMAP_GEOM_POINT;
    c.points = &centre;
    c.count = 1;
    c.fill_rgba = 0x5b2a86ffu;
    c.stroke_rgba = 0xffffffffu;
    c.stroke_width = 1.0;
    c.marker_radius = 3.0;
    c.label = self->label.empty() ? nullptr : self->label.c_str();
    emit(sink, &c);
}

const sitmap_layer_plugin plugin = {
    "range-rings", &create,   &destroy,
    &extent,       &features, "Range rings: geodesic circles (PROJ geodesic routines)"};

} // namespace

extern "C" __attribute__((visibility("default"))) uint32_t sitmap_plugin_abi_version(void) {
    return SITMAP_PLUGIN_ABI_VERSION;
}

extern "C" __attribute__((visibility("default"))) const sitmap_layer_plugin*
sitmap_plugin_layer(void) {
    return &plugin;
}
