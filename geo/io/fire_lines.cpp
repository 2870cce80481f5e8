#include "geo/io/fire_lines.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace sitmap::geo {
namespace {

// A plane tangent at a latitude: x and y in degrees of latitude.
struct Plane {
    double k; // cos(latitude)
    explicit Plane(double lat) : k(std::cos(lat * std::numbers::pi / 180.0)) {}
    double x(LonLat p) const { return p.lon * k; }
};

struct Nearest {
    LonLat point;
    double d2 = std::numeric_limits<double>::infinity();
};

void nearest_on_path(const Path& path, LonLat p, const Plane& plane, Nearest& best) {
    const double px = plane.x(p);
    for (std::size_t i = 0; i < path.size(); ++i) {
        const LonLat a = path[i];
        const LonLat b = i + 1 < path.size() ? path[i + 1] : path[i];
        const double ax = plane.x(a), bx = plane.x(b);
        const double dx = bx - ax, dy = b.lat - a.lat;
        const double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((px - ax) * dx + (p.lat - a.lat) * dy) / len2 : 0.0;
        t = std::clamp(t, 0.0, 1.0);
        const double qx = ax + t * dx, qy = a.lat + t * dy;
        const double d2 = (qx - px) * (qx - px) + (qy - p.lat) * (qy - p.lat);
        if (d2 < best.d2) {
            best.d2 = d2;
            best.point = {a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
        }
    }
}

} // namespace

LonLat nearest_point(const Geometry& g, LonLat p) {
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        return pt->point;
    }
    if (contains(g, p)) {
        return p;
    }
    const Plane plane(p.lat);
    Nearest best{p};
    if (const auto* lines = std::get_if<LinesGeom>(&g)) {
        for (const Path& path : lines->lines) {
            nearest_on_path(path, p, plane, best);
        }
    } else if (const auto* area = std::get_if<AreaGeom>(&g)) {
        for (const auto& polygon : area->polygons) {
            for (const Path& ring : polygon) {
                nearest_on_path(ring, p, plane, best);
            }
        }
    }
    return best.point;
}

std::vector<FireLine> fire_lines(const std::vector<EventPlace>& origins, std::string_view place_id,
                                 const Geometry& geometry, LonLat location,
                                 GeoPrecision precision) {
    std::vector<FireLine> out;
    for (const EventPlace& o : origins) {
        if (o.precision == GeoPrecision::region || (!o.id.empty() && o.id == place_id)) {
            continue;
        }
        LonLat to = location;
        if (precision == GeoPrecision::region && !std::holds_alternative<PointGeom>(geometry)) {
            if (contains(geometry, o.location)) {
                continue; // fired from inside the area it landed in
            }
            to = nearest_point(geometry, o.location);
        }
        const double length = distance_m(o.location, to);
        if (!(length >= fire_line_min_m)) {
            continue;
        }
        out.push_back({&o, o.location, to, length});
    }
    return out;
}

std::vector<FireLine> fire_lines(const Event& e) {
    return fire_lines(e.origins, e.place_id, e.geometry, e.location, e.precision);
}

Side fire_claimant(const std::vector<Claim>& claims) {
    Side accuser = Side::unknown;
    Side speaker = Side::unknown;
    bool several_accusers = false;
    bool several_speakers = false;
    for (const Claim& c : claims) {
        if (c.side == Side::unknown) {
            continue;
        }
        if (c.assertion == Assertion::accuses) {
            several_accusers = several_accusers || (accuser != Side::unknown && accuser != c.side);
            accuser = c.side;
        }
        several_speakers = several_speakers || (speaker != Side::unknown && speaker != c.side);
        speaker = c.side;
    }
    if (accuser != Side::unknown) {
        return several_accusers ? Side::unknown : accuser;
    }
    return several_speakers ? Side::unknown : speaker;
}

} // namespace sitmap::geo
