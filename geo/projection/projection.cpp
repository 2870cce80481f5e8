#include "geo/projection/projection.hpp"

#include "geo/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <geodesic.h>
#include <proj.h>

namespace sitmap::geo {
namespace {

struct ContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const { proj_context_destroy(ctx); }
};
struct PjDeleter {
    void operator()(PJ* pj) const { proj_destroy(pj); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

} // namespace

struct Projection::Impl {
    std::string definition;
    ContextPtr ctx;
    PjPtr crs;
    PjPtr transform; // WGS 84 lon/lat -> crs, easting/northing order
};

Projection::Projection(std::string_view crs) : m_impl(std::make_unique<Impl>()) {
    m_impl->definition = std::string(crs);
    m_impl->ctx.reset(proj_context_create());
    if (!m_impl->ctx) {
        throw Error(ErrorKind::internal, "PROJ: cannot create a context");
    }
    proj_log_level(m_impl->ctx.get(), PJ_LOG_NONE);
    PJ_CONTEXT* ctx = m_impl->ctx.get();
    m_impl->crs.reset(proj_create(ctx, m_impl->definition.c_str()));
    if (!m_impl->crs || !proj_is_crs(m_impl->crs.get())) {
        throw usage_error("unknown CRS '" + m_impl->definition +
                          "' (expected e.g. EPSG:32638, a PROJ string or WKT)");
    }
    PjPtr raw(proj_create_crs_to_crs(ctx, "EPSG:4326", m_impl->definition.c_str(), nullptr));
    if (!raw) {
        throw usage_error("no transformation from WGS 84 to CRS '" + m_impl->definition + "'");
    }
    m_impl->transform.reset(proj_normalize_for_visualization(ctx, raw.get()));
    if (!m_impl->transform) {
        throw usage_error("cannot normalise the axis order of CRS '" + m_impl->definition + "'");
    }
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

XY Projection::forward(LonLat p) const {
    PJ_COORD c = proj_coord(p.lon, p.lat, 0.0, 0.0);
    c = proj_trans(m_impl->transform.get(), PJ_FWD, c);
    if (c.xy.x == HUGE_VAL || !std::isfinite(c.xy.x) || !std::isfinite(c.xy.y)) {
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    }
    return {c.xy.x, c.xy.y};
}

LonLat Projection::inverse(XY p) const {
    PJ_COORD c = proj_coord(p.x, p.y, 0.0, 0.0);
    c = proj_trans(m_impl->transform.get(), PJ_INV, c);
    if (c.lp.lam == HUGE_VAL || !std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi)) {
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    }
    return {c.lp.lam, c.lp.phi};
}

void Projection::forward(std::span<const LonLat> in, std::vector<XY>& out) const {
    out.resize(in.size());
    if (in.empty()) {
        return;
    }
    for (std::size_t i = 0; i < in.size(); ++i) {
        out[i] = {in[i].lon, in[i].lat};
    }
    proj_trans_generic(m_impl->transform.get(), PJ_FWD, &out[0].x, sizeof(XY), out.size(),
                       &out[0].y, sizeof(XY), out.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (auto& xy : out) {
        if (xy.x == HUGE_VAL || !std::isfinite(xy.x) || !std::isfinite(xy.y)) {
            xy = {std::numeric_limits<double>::quiet_NaN(),
                  std::numeric_limits<double>::quiet_NaN()};
        }
    }
}

const std::string& Projection::definition() const {
    return m_impl->definition;
}

std::string Projection::name() const {
    PJ_CONTEXT* ctx = m_impl->ctx.get();
    const char* n = proj_get_name(m_impl->crs.get());
    std::string name = n != nullptr ? n : "";
    if (!name.empty() && name != "unknown") {
        return name;
    }
    // A CRS built from a PROJ string has no name: describe its conversion method and parameters.
    PjPtr op(proj_crs_get_coordoperation(ctx, m_impl->crs.get()));
    if (!op) {
        return m_impl->definition;
    }
    const char* method = nullptr;
    proj_coordoperation_get_method_info(ctx, op.get(), &method, nullptr, nullptr);
    std::string out = method != nullptr ? method : "projection";
    std::string params;
    const int count = proj_coordoperation_get_param_count(ctx, op.get());
    for (int i = 0; i < count; ++i) {
        const char* pname = nullptr;
        double value = 0.0;
        const char* unit = nullptr;
        double conv = 0.0;
        const char* unit_category = nullptr;
        proj_coordoperation_get_param(ctx, op.get(), i, &pname, nullptr, nullptr, &value, nullptr,
                                      &conv, &unit, nullptr, nullptr, &unit_category);
        if (pname == nullptr || unit_category == nullptr ||
            std::string_view(unit_category) != "angular") {
            continue;
        }
        const std::string_view p(pname);
        std::string label;
        if (p == "Latitude of 1st standard parallel") {
            label = "lat1";
        } else if (p == "Latitude of 2nd standard parallel") {
            label = "lat2";
        } else if (p.starts_with("Longitude of")) {
            label = "lon0";
        } else if (p.starts_with("Latitude of false origin") ||
                   p.starts_with("Latitude of natural")) {
            label = "lat0";
        } else {
            continue;
        }
        params += (params.empty() ? "" : ", ") + label + " " + format_number(value) + "°";
    }
    PjPtr datum(proj_crs_get_datum(ctx, m_impl->crs.get()));
    const char* dname = datum ? proj_get_name(datum.get()) : nullptr;
    if (!params.empty()) {
        out += " (" + params + ")";
    }
    if (dname != nullptr && std::string_view(dname) == "World Geodetic System 1984") {
        out += ", WGS 84";
    } else if (dname != nullptr) {
        out += std::string(", ") + dname;
    }
    return out;
}

std::string Projection::suggest_for(const BBox& extent) {
    const double lon_c = (extent.west + extent.east) / 2.0;
    const double lat_c = (extent.south + extent.north) / 2.0;
    if (extent.east - extent.west < 6.0) {
        const int zone = std::clamp(static_cast<int>(std::floor((lon_c + 180.0) / 6.0)) + 1, 1, 60);
        return "EPSG:" + std::to_string((lat_c >= 0.0 ? 32600 : 32700) + zone);
    }
    const double h = extent.north - extent.south;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "+proj=lcc +lat_1=%.2f +lat_2=%.2f +lat_0=%.2f +lon_0=%.2f +datum=WGS84 "
                  "+units=m +no_defs +type=crs",
                  extent.south + h / 6.0, extent.south + 5.0 * h / 6.0, lat_c, lon_c);
    return buf;
}

LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m) {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double lat = 0.0;
    double lon = 0.0;
    geod_direct(&g, from.lat, from.lon, azimuth_deg, distance_m, &lat, &lon, nullptr);
    return {lon, lat};
}

Path geodesic_circle(LonLat centre, double radius_m, int segments) {
    Path ring;
    segments = std::max(segments, 8);
    ring.reserve(static_cast<std::size_t>(segments) + 1);
    for (int i = 0; i < segments; ++i) {
        ring.push_back(geodesic_destination(centre, 360.0 * i / segments, radius_m));
    }
    ring.push_back(ring.front());
    return ring;
}

} // namespace sitmap::geo
