#include "geo/io/detail/ogr_geometry.hpp"

#include "geo/core/error.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace sitmap::geo::detail {
namespace {

bool valid_point(LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lon) <= 180.0 &&
           std::abs(p.lat) <= 90.0;
}

GeometryPtr make_path(const Path& path, OGRwkbGeometryType type) {
    GeometryPtr g(OGR_G_CreateGeometry(type));
    for (const LonLat& p : path) {
        OGR_G_AddPoint_2D(g.get(), p.lon, p.lat);
    }
    return g;
}

GeometryPtr make_polygon(const std::vector<Path>& rings) {
    GeometryPtr g(OGR_G_CreateGeometry(wkbPolygon));
    for (const Path& ring : rings) {
        OGR_G_AddGeometryDirectly(g.get(), make_path(ring, wkbLinearRing).release());
    }
    return g;
}

GeometryPtr lines_to_ogr(const LinesGeom& l, MultiParts multi) {
    std::vector<const Path*> lines;
    for (const Path& path : l.lines) {
        if (path.size() >= 2) {
            lines.push_back(&path);
        }
    }
    if (lines.empty()) {
        return nullptr;
    }
    if (lines.size() == 1 && multi == MultiParts::when_needed) {
        return make_path(*lines.front(), wkbLineString);
    }
    GeometryPtr g(OGR_G_CreateGeometry(wkbMultiLineString));
    for (const Path* path : lines) {
        OGR_G_AddGeometryDirectly(g.get(), make_path(*path, wkbLineString).release());
    }
    return g;
}

GeometryPtr area_to_ogr(const AreaGeom& a, MultiParts multi) {
    std::vector<const std::vector<Path>*> polygons;
    for (const auto& rings : a.polygons) {
        if (!rings.empty() && rings.front().size() >= 4) {
            polygons.push_back(&rings);
        }
    }
    if (polygons.empty()) {
        return nullptr;
    }
    if (polygons.size() == 1 && multi == MultiParts::when_needed) {
        return make_polygon(*polygons.front());
    }
    GeometryPtr g(OGR_G_CreateGeometry(wkbMultiPolygon));
    for (const auto* rings : polygons) {
        OGR_G_AddGeometryDirectly(g.get(), make_polygon(*rings).release());
    }
    return g;
}

Path read_path(OGRGeometryH g) {
    const int n = OGR_G_GetPointCount(g);
    Path path(static_cast<std::size_t>(n));
    if (n > 0) {
        OGR_G_GetPoints(g, &path[0].lon, sizeof(LonLat), &path[0].lat, sizeof(LonLat), nullptr, 0);
    }
    return path;
}

std::vector<Path> read_polygon(OGRGeometryH g) {
    std::vector<Path> rings;
    const int n = OGR_G_GetGeometryCount(g);
    rings.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        rings.push_back(read_path(OGR_G_GetGeometryRef(g, i)));
    }
    return rings;
}

void collect(OGRGeometryH g, std::vector<LonLat>& points, std::vector<Path>& lines,
             std::vector<std::vector<Path>>& polygons) {
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (OGR_G_IsEmpty(g) == 0) {
            points.push_back({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
        }
        break;
    case wkbLineString:
        lines.push_back(read_path(g));
        break;
    case wkbPolygon:
        if (std::vector<Path> rings = read_polygon(g); !rings.empty()) {
            polygons.push_back(std::move(rings));
        }
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            collect(OGR_G_GetGeometryRef(g, i), points, lines, polygons);
        }
        break;
    default:
        break;
    }
}

} // namespace

GeometryPtr to_ogr(LonLat point) {
    if (!valid_point(point)) {
        return nullptr;
    }
    GeometryPtr g(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(g.get(), 0, point.lon, point.lat);
    return g;
}

GeometryPtr to_ogr(const Geometry& geometry, MultiParts multi) {
    if (const auto* p = std::get_if<PointGeom>(&geometry)) {
        return to_ogr(p->point);
    }
    if (const auto* l = std::get_if<LinesGeom>(&geometry)) {
        return lines_to_ogr(*l, multi);
    }
    return area_to_ogr(std::get<AreaGeom>(geometry), multi);
}

std::optional<Geometry> from_ogr(OGRGeometryH g) {
    if (g == nullptr) {
        return std::nullopt;
    }
    // Fast path for the common case of a single point.
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
        if (OGR_G_IsEmpty(g) != 0) {
            return std::nullopt;
        }
        return PointGeom{{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)}};
    }
    std::vector<LonLat> points;
    std::vector<Path> lines;
    std::vector<std::vector<Path>> polygons;
    collect(g, points, lines, polygons);
    if (!polygons.empty()) {
        return AreaGeom{std::move(polygons)};
    }
    if (!lines.empty()) {
        return LinesGeom{std::move(lines)};
    }
    if (!points.empty()) {
        return PointGeom{points.front()};
    }
    return std::nullopt;
}

Geometry from_ogr_strict(OGRGeometryH g) {
    if (g == nullptr) {
        throw input_error("has no geometry");
    }
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (OGR_G_IsEmpty(g)) {
            throw input_error("has an empty Point geometry");
        }
        return PointGeom{{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)}};
    case wkbLineString:
        return LinesGeom{{read_path(g)}};
    case wkbMultiLineString: {
        LinesGeom lines;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            lines.lines.push_back(read_path(OGR_G_GetGeometryRef(g, i)));
        }
        return lines;
    }
    case wkbPolygon:
        return AreaGeom{{read_polygon(g)}};
    case wkbMultiPolygon: {
        AreaGeom area;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            area.polygons.push_back(read_polygon(OGR_G_GetGeometryRef(g, i)));
        }
        return area;
    }
    default:
        throw input_error(std::string("has an unsupported geometry type ") +
                          OGRGeometryTypeToName(OGR_G_GetGeometryType(g)) +
                          " (Point, LineString, MultiLineString, Polygon or MultiPolygon)");
    }
}

LayerGeometry layer_geometry_of(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return LayerGeometry::point;
    case wkbLineString:
    case wkbMultiLineString:
        return LayerGeometry::line;
    case wkbPolygon:
    case wkbMultiPolygon:
        return LayerGeometry::polygon;
    default:
        return LayerGeometry::none;
    }
}

} // namespace sitmap::geo::detail
