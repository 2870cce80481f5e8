#pragma once
// Internal to geo/: sitmap's geometry values <-> OGR geometries, both ways, in one place.

#include "geo/core/geometry.hpp"
#include "geo/io/detail/gdal.hpp"
#include "geo/io/qgis_project.hpp"

#include <optional>

namespace sitmap::geo::detail {

// Whether a single line or polygon is written as a LineString/Polygon or as a one-part
// MultiLineString/MultiPolygon (points stay points either way).
enum class MultiParts { when_needed, always };

// The OGR geometry of a sitmap geometry, without the parts that cannot be valid (a line of fewer
// than 2 points, a polygon whose outer ring has fewer than 4); null when nothing is left, or for
// a point outside lon -180..180, lat -90..90.
GeometryPtr to_ogr(const Geometry& geometry, MultiParts multi = MultiParts::when_needed);
GeometryPtr to_ogr(LonLat point);

// Any OGR geometry as sitmap's: collections are represented by their largest dimension (areas
// over lines over points). Nothing for an empty geometry.
std::optional<Geometry> from_ogr(OGRGeometryH g);

// Only the types of sitmap's data files (Point, LineString, MultiLineString, Polygon,
// MultiPolygon); throws sitmap::Error (bad_input) "has no geometry", "has an empty Point
// geometry" or "has an unsupported geometry type ..." for anything else.
Geometry from_ogr_strict(OGRGeometryH g);

// Points, lines or polygons (single or multi); none for anything else.
LayerGeometry layer_geometry_of(OGRwkbGeometryType type);

} // namespace sitmap::geo::detail
