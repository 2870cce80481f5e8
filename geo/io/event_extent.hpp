#pragma once
// Where an event known only to a region stands: the line or area the maps draw instead of a pin
// (a band along a border sector, a district's area), and the GIS exports write as a feature of
// its own (GeoJSON `event_extent` features; the GeoPackage's `event_areas` and `event_lines`
// layers). One rule for both, so that QGIS shows the same uncertainty as the map, not a false pin.

#include "geo/core/event.hpp"
#include "geo/core/geometry.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <optional>

namespace sitmap::geo {

// A region known only by a point (an events file without the gazetteer's shape) stands for a
// circle of this radius around it.
inline constexpr double region_point_radius_m = 15'000.0;

// The extent of an event, or nothing when it is drawn as a mark: incidents and checkpoints at
// geo-precision region (a border sector, a district, a province, a country) stand for their
// place's line or area; context events (talks, statements) keep a mark whatever their precision.
// Whether an event stands for its place's line or area rather than a mark (the rule above).
bool stands_for_extent(GeoPrecision precision, EventKind kind);

std::optional<Geometry> event_extent(GeoPrecision precision, EventKind kind,
                                     const Geometry& geometry, LonLat location);
std::optional<Geometry> event_extent(const Event& e);

} // namespace sitmap::geo
