#include "geo/core/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

#include <geodesic.h>
#include <geos_c.h>

namespace sitmap::geo {
namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, 6378137.0, 1.0 / 298.257223563);
        return init;
    }();
    return g;
}

struct GeosContext {
    GEOSContextHandle_t handle = GEOS_init_r();
    GeosContext() = default;
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    ~GeosContext() { GEOS_finish_r(handle); }
};

GEOSContextHandle_t geos() {
    thread_local GeosContext ctx;
    return ctx.handle;
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(geos(), g); }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Coordinates are scaled in longitude by cos(lat0) so that GEOS measures in a locally conformal
// plane; distances are then taken geodesically between the actual nearest points.
struct Scale {
    double k = 1.0;
};

GEOSCoordSequence* make_seq(const Path& path, Scale s) {
    auto* seq = GEOSCoordSeq_create_r(geos(), static_cast<unsigned>(path.size()), 2);
    for (std::size_t i = 0; i < path.size(); ++i) {
        GEOSCoordSeq_setXY_r(geos(), seq, static_cast<unsigned>(i), path[i].lon * s.k, path[i].lat);
    }
    return seq;
}

GeomPtr make_polygon(const std::vector<Path>& rings, Scale s) {
    if (rings.empty() || rings.front().size() < 4) {
        return GeomPtr(GEOSGeom_createEmptyPolygon_r(geos()));
    }
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(geos(), make_seq(rings.front(), s));
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < rings.size(); ++i) {
        if (rings[i].size() >= 4) {
            holes.push_back(GEOSGeom_createLinearRing_r(geos(), make_seq(rings[i], s)));
        }
    }
    return GeomPtr(
        GEOSGeom_createPolygon_r(geos(), shell, holes.data(), static_cast<unsigned>(holes.size())));
}

GeomPtr to_geos(const Geometry& g, Scale s) {
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        return GeomPtr(GEOSGeom_createPointFromXY_r(geos(), pt->point.lon * s.k, pt->point.lat));
    }
    if (const auto* lines = std::get_if<LinesGeom>(&g)) {
        std::vector<GEOSGeometry*> parts;
        for (const auto& line : lines->lines) {
            if (line.size() >= 2) {
                parts.push_back(GEOSGeom_createLineString_r(geos(), make_seq(line, s)));
            }
        }
        return GeomPtr(GEOSGeom_createCollection_r(geos(), GEOS_MULTILINESTRING, parts.data(),
                                                   static_cast<unsigned>(parts.size())));
    }
    const auto& area = std::get<AreaGeom>(g);
    std::vector<GEOSGeometry*> parts;
    for (const auto& poly : area.polygons) {
        parts.push_back(make_polygon(poly, s).release());
    }
    return GeomPtr(GEOSGeom_createCollection_r(geos(), GEOS_MULTIPOLYGON, parts.data(),
                                               static_cast<unsigned>(parts.size())));
}

LonLat point_of(const GEOSGeometry* g, Scale s) {
    double x = 0.0;
    double y = 0.0;
    GEOSGeomGetX_r(geos(), g, &x);
    GEOSGeomGetY_r(geos(), g, &y);
    return {x / s.k, y};
}

double path_length_m(const Path& p) {
    double len = 0.0;
    for (std::size_t i = 1; i < p.size(); ++i) {
        len += distance_m(p[i - 1], p[i]);
    }
    return len;
}

} // namespace

AreaGeom buffered_hull(const std::vector<LonLat>& points, double margin_m) {
    if (points.empty()) {
        return AreaGeom{};
    }
    double lat0 = 0.0;
    for (const LonLat& p : points) {
        lat0 += p.lat;
    }
    lat0 /= static_cast<double>(points.size());
    // Metres per degree (mean Earth radius 6371008.8 m), in latitude and at lat0 in longitude.
    constexpr double m_per_deg = 6371008.8 * std::numbers::pi / 180.0;
    const double kx = m_per_deg * std::cos(lat0 * std::numbers::pi / 180.0);
    std::vector<GEOSGeometry*> parts;
    for (const LonLat& p : points) {
        parts.push_back(GEOSGeom_createPointFromXY_r(geos(), p.lon * kx, p.lat * m_per_deg));
    }
    const GeomPtr cloud(GEOSGeom_createCollection_r(geos(), GEOS_MULTIPOINT, parts.data(),
                                                    static_cast<unsigned>(parts.size())));
    const GeomPtr hull(GEOSConvexHull_r(geos(), cloud.get()));
    constexpr int quadrant_segments = 4; // 16 corners around a single place
    const GeomPtr area(GEOSBuffer_r(geos(), hull.get(), margin_m, quadrant_segments));
    if (!area || GEOSGeomTypeId_r(geos(), area.get()) != GEOS_POLYGON) {
        return AreaGeom{};
    }
    const GEOSGeometry* shell = GEOSGetExteriorRing_r(geos(), area.get());
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos(), shell);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(geos(), seq, &n);
    Path ring;
    ring.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        double x = 0.0;
        double y = 0.0;
        GEOSCoordSeq_getXY_r(geos(), seq, i, &x, &y);
        ring.push_back(LonLat{x / kx, y / m_per_deg});
    }
    return AreaGeom{{{std::move(ring)}}};
}

double distance_m(LonLat a, LonLat b) {
    double s12 = 0.0;
    geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
    return s12;
}

double distance_m(LonLat p, const Geometry& g) {
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        return distance_m(p, pt->point);
    }
    const Scale s{std::cos(p.lat * std::acos(-1.0) / 180.0)};
    GeomPtr geom = to_geos(g, s);
    GeomPtr point(GEOSGeom_createPointFromXY_r(geos(), p.lon * s.k, p.lat));
    if (GEOSisEmpty_r(geos(), geom.get()) == 1) {
        return std::numeric_limits<double>::infinity();
    }
    if (std::holds_alternative<AreaGeom>(g) && GEOSCovers_r(geos(), geom.get(), point.get()) == 1) {
        return 0.0;
    }
    GEOSCoordSequence* nearest = GEOSNearestPoints_r(geos(), geom.get(), point.get());
    if (nearest == nullptr) {
        return std::numeric_limits<double>::infinity();
    }
    double x = 0.0;
    double y = 0.0;
    GEOSCoordSeq_getXY_r(geos(), nearest, 0, &x, &y);
    GEOSCoordSeq_destroy_r(geos(), nearest);
    return distance_m(p, LonLat{x / s.k, y});
}

BBox bbox(const Geometry& g) {
    BBox b{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    auto add = [&b](LonLat p) {
        b.west = std::min(b.west, p.lon);
        b.south = std::min(b.south, p.lat);
        b.east = std::max(b.east, p.lon);
        b.north = std::max(b.north, p.lat);
    };
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        add(pt->point);
    } else if (const auto* lines = std::get_if<LinesGeom>(&g)) {
        for (const auto& l : lines->lines) {
            std::for_each(l.begin(), l.end(), add);
        }
    } else {
        for (const auto& poly : std::get<AreaGeom>(g).polygons) {
            if (!poly.empty()) {
                std::for_each(poly.front().begin(), poly.front().end(), add);
            }
        }
    }
    return b;
}

LonLat representative_point(const Geometry& g) {
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        return pt->point;
    }
    if (const auto* lines = std::get_if<LinesGeom>(&g)) {
        const Path* longest = nullptr;
        double best = -1.0;
        for (const auto& l : lines->lines) {
            const double len = path_length_m(l);
            if (len > best) {
                best = len;
                longest = &l;
            }
        }
        if (longest == nullptr || longest->empty()) {
            return {};
        }
        const double half = best / 2.0;
        double run = 0.0;
        for (std::size_t i = 1; i < longest->size(); ++i) {
            const double seg = distance_m((*longest)[i - 1], (*longest)[i]);
            if (run + seg >= half && seg > 0.0) {
                const double t = (half - run) / seg;
                const LonLat a = (*longest)[i - 1];
                const LonLat b = (*longest)[i];
                return {a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
            }
            run += seg;
        }
        return longest->front();
    }
    // Largest polygon by bbox-scaled area, then its pole of inaccessibility.
    const auto& area = std::get<AreaGeom>(g);
    const BBox box = bbox(g);
    if (box.empty()) {
        return {};
    }
    const Scale s{std::cos((box.south + box.north) / 2.0 * std::acos(-1.0) / 180.0)};
    const std::vector<Path>* largest = nullptr;
    double best_area = -1.0;
    for (const auto& poly : area.polygons) {
        GeomPtr gp = make_polygon(poly, s);
        double a = 0.0;
        GEOSArea_r(geos(), gp.get(), &a);
        if (a > best_area) {
            best_area = a;
            largest = &poly;
        }
    }
    if (largest == nullptr) {
        return {};
    }
    GeomPtr poly = make_polygon(*largest, s);
    const double tolerance = std::max(box.east - box.west, box.north - box.south) / 1000.0;
    GeomPtr circle(GEOSMaximumInscribedCircle_r(geos(), poly.get(), tolerance));
    if (!circle) {
        return largest->front().front();
    }
    GeomPtr centre(GEOSGeomGetStartPoint_r(geos(), circle.get()));
    return point_of(centre.get(), s);
}

bool contains(const Geometry& area, LonLat p) {
    if (!std::holds_alternative<AreaGeom>(area)) {
        return false;
    }
    const Scale s{1.0};
    GeomPtr geom = to_geos(area, s);
    GeomPtr point(GEOSGeom_createPointFromXY_r(geos(), p.lon, p.lat));
    return GEOSCovers_r(geos(), geom.get(), point.get()) == 1;
}

} // namespace sitmap::geo
