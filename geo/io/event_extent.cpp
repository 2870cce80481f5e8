// The extent of an event known only to a region: see event_extent.hpp.

#include "geo/io/event_extent.hpp"

#include "geo/projection/projection.hpp"

#include <variant>

namespace sitmap::geo {

bool stands_for_extent(GeoPrecision precision, EventKind kind) {
    return precision == GeoPrecision::region && layer_of(kind) != EventLayer::context;
}

std::optional<Geometry> event_extent(GeoPrecision precision, EventKind kind,
                                     const Geometry& geometry, LonLat location) {
    if (!stands_for_extent(precision, kind)) {
        return std::nullopt;
    }
    if (std::holds_alternative<PointGeom>(geometry)) {
        return Geometry{AreaGeom{{{geodesic_circle(location, region_point_radius_m)}}}};
    }
    return geometry;
}

std::optional<Geometry> event_extent(const Event& e) {
    return event_extent(e.precision, e.kind, e.geometry, e.location);
}

} // namespace sitmap::geo
