#pragma once
// Direction of fire: a line from each place fire is said to have come from to the place it landed,
// as the maps draw it (an arrow) and the GIS exports write it (a line layer, `fire_lines`). One
// rule for both, so that a map and the GeoPackage of the same events show the same lines.

#include "geo/core/event.hpp"
#include "geo/core/geometry.hpp"

#include <string_view>
#include <vector>

namespace sitmap::geo {

struct FireLine {
    const EventPlace* origin = nullptr; // where fire came from (one of the event's origins)
    LonLat from;                        // the origin's location
    LonLat to;                          // the target: see fire_lines()
    double length_m = 0.0;
};

// Shorter than this, an origin and a target are one place: no line.
inline constexpr double fire_line_min_m = 1'000.0;

// The lines of an event's origins, in the order of the origins. The rule:
// - an origin is drawn only when it is located to a place (geo_precision exact or near: a village,
//   a height, "near X"); an origin known only to a region (a country, a province or district, a
//   whole border sector: "from the direction of Azerbaijan") gives no line, since a line from the
//   middle of an area would show a firing position nobody stated;
// - the target is the event's point when the event is located to a place; for an event known only
//   to a region it is the point of the region's line or area nearest to the origin (the sector or
//   district fire landed in), and no line when the origin lies inside that area;
// - no line when origin and target are the same place (the same place id, or closer than
//   fire_line_min_m): an event known only by where fire came from is placed at its origin.
std::vector<FireLine> fire_lines(const std::vector<EventPlace>& origins, std::string_view place_id,
                                 const Geometry& geometry, LonLat location, GeoPrecision precision);
std::vector<FireLine> fire_lines(const Event& e);

// Whose statement a direction of fire is: the one named side (Armenia, Azerbaijan...) whose claims
// accuse another; else the one named side that made any claim; else Side::unknown (several sides
// accuse each other, or nobody is named). The maps colour the arrow by it.
Side fire_claimant(const std::vector<Claim>& claims);

// The point of a line or area geometry nearest to p (p itself inside an area; the point for a
// point geometry), on a plane tangent at p's latitude: exact enough for tens of kilometres.
LonLat nearest_point(const Geometry& g, LonLat p);

} // namespace sitmap::geo
