#pragma once
// Geometry as plain values (WGS 84, lon/lat degrees, RFC 7946 axis order) and free functions.

#include <variant>
#include <vector>

namespace sitmap::geo {

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

using Path = std::vector<LonLat>;

struct PointGeom {
    LonLat point;
};
// A line or several (a corridor road, a border sector made of pieces).
struct LinesGeom {
    std::vector<Path> lines;
};
// One or more polygons; each polygon is an outer ring followed by its holes (rings closed).
struct AreaGeom {
    std::vector<std::vector<Path>> polygons;
};

using Geometry = std::variant<PointGeom, LinesGeom, AreaGeom>;

struct BBox {
    double west = 0.0, south = 0.0, east = 0.0, north = 0.0;
    bool empty() const { return east < west || north < south; }
    friend bool operator==(const BBox&, const BBox&) = default;
};

// Great-circle distance in metres (mean Earth radius 6371008.8 m).
double distance_m(LonLat a, LonLat b);

// Shortest distance in metres from a point to a geometry (0 inside an area).
double distance_m(LonLat p, const Geometry& g);

// Bounding box of a geometry; an empty box for an empty geometry.
BBox bbox(const Geometry& g);

// A point that represents the geometry: the point itself, the middle of the longest line along its
// length, or a point inside the largest polygon (pole of inaccessibility, not the centroid).
LonLat representative_point(const Geometry& g);

// True if p lies inside an area geometry (false for points and lines).
bool contains(const Geometry& area, LonLat p);

// The area within `margin_m` metres of the convex hull of the points (GEOS, on a plane tangent at
// their mean latitude: exact to well under the margin for areas of a few tens of kilometres).
// One point gives a disc; no points an empty area.
AreaGeom buffered_hull(const std::vector<LonLat>& points, double margin_m);

} // namespace sitmap::geo
