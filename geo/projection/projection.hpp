#pragma once
// Coordinate transforms through PROJ. No PROJ type escapes this header.

#include "geo/core/geometry.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

struct XY {
    double x = 0.0;
    double y = 0.0;
};

// A transform from WGS 84 lon/lat to a projected CRS (axis order normalised for visualisation:
// easting, northing). Throws sitmap::Error (usage) for an unknown CRS.
class Projection {
public:
    explicit Projection(std::string_view crs); // "EPSG:32638", a PROJ string, WKT...
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;

    XY forward(LonLat p) const;
    LonLat inverse(XY p) const;
    void forward(std::span<const LonLat> in, std::vector<XY>& out) const;

    const std::string& definition() const; // as given
    std::string name() const;              // human name, e.g. "WGS 84 / UTM zone 38N"

    // A conformal projection suited to an extent: UTM zone of its centre if it spans < 6 deg of
    // longitude, else Lambert conformal conic with standard parallels at 1/6 and 5/6 of it.
    static std::string suggest_for(const BBox& extent);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A circle of radius_m metres around centre on the WGS 84 ellipsoid (geodesic, through PROJ's
// geodesic routines), as a closed ring of segments + 1 points.
Path geodesic_circle(LonLat centre, double radius_m, int segments = 72);

// The point reached from `from` after distance_m metres on azimuth_deg (clockwise from north).
LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m);

} // namespace sitmap::geo
