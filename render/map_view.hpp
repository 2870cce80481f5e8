#pragma once
// Where the map sits on the canvas: lon/lat <-> projected (through geo::Projection) <-> canvas.

#include "geo/projection/projection.hpp"
#include "render/canvas.hpp"

#include <span>
#include <vector>

namespace sitmap::render {

class MapView {
public:
    // Fits the projected box [x0, x1] x [y0, y1] into `frame`, centred, keeping the aspect ratio.
    MapView(const geo::Projection& projection, const Rect& frame, geo::XY min, geo::XY max);

    const Rect& frame() const { return m_frame; }
    const geo::Projection& projection() const { return *m_projection; }
    double scale() const { return m_scale; } // canvas units per projected metre

    // NaN coordinates when the point cannot be projected.
    Point to_canvas(geo::LonLat p) const;
    Point to_canvas(geo::XY p) const {
        return {m_frame.x + m_frame.width / 2 + (p.x - m_cx) * m_scale,
                m_frame.y + m_frame.height / 2 - (p.y - m_cy) * m_scale};
    }
    geo::LonLat to_lonlat(Point p) const;
    // Projects a path, dropping points closer than `tolerance` to the last kept one.
    void project(std::span<const geo::LonLat> in, std::vector<Point>& out, double tolerance) const;
    // Lon/lat box of the frame (edges densified).
    geo::BBox lonlat_bounds() const;

private:
    const geo::Projection* m_projection;
    Rect m_frame;
    double m_cx = 0.0;
    double m_cy = 0.0;
    double m_scale = 1.0;
    mutable std::vector<geo::XY> m_buffer;
};

} // namespace sitmap::render
