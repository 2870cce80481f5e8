#include "render/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitmap::render {

MapView::MapView(const geo::Projection& projection, const Rect& frame, geo::XY min, geo::XY max)
    : m_projection(&projection), m_frame(frame), m_cx((min.x + max.x) / 2),
      m_cy((min.y + max.y) / 2) {
    const double dx = std::max(max.x - min.x, 1e-9);
    const double dy = std::max(max.y - min.y, 1e-9);
    m_scale = std::min(frame.width / dx, frame.height / dy);
}

Point MapView::to_canvas(geo::LonLat p) const {
    return to_canvas(m_projection->forward(p));
}

geo::LonLat MapView::to_lonlat(Point p) const {
    const geo::XY xy{m_cx + (p.x - m_frame.x - m_frame.width / 2) / m_scale,
                     m_cy - (p.y - m_frame.y - m_frame.height / 2) / m_scale};
    return m_projection->inverse(xy);
}

void MapView::project(std::span<const geo::LonLat> in, std::vector<Point>& out,
                      double tolerance) const {
    out.clear();
    m_projection->forward(in, m_buffer);
    const double t2 = tolerance * tolerance;
    for (std::size_t i = 0; i < m_buffer.size(); ++i) {
        if (!std::isfinite(m_buffer[i].x)) {
            continue;
        }
        const Point p = to_canvas(m_buffer[i]);
        if (!out.empty() && i + 1 < m_buffer.size()) {
            const double dx = p.x - out.back().x;
            const double dy = p.y - out.back().y;
            if (dx * dx + dy * dy < t2) {
                continue;
            }
        }
        out.push_back(p);
    }
}

geo::BBox MapView::lonlat_bounds() const {
    geo::BBox b{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    constexpr int steps = 24;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const Point pts[4] = {{m_frame.x + t * m_frame.width, m_frame.y},
                              {m_frame.x + t * m_frame.width, m_frame.bottom()},
                              {m_frame.x, m_frame.y + t * m_frame.height},
                              {m_frame.right(), m_frame.y + t * m_frame.height}};
        for (const auto& p : pts) {
            const geo::LonLat ll = to_lonlat(p);
            if (!std::isfinite(ll.lon)) {
                continue;
            }
            b.west = std::min(b.west, ll.lon);
            b.east = std::max(b.east, ll.lon);
            b.south = std::min(b.south, ll.lat);
            b.north = std::max(b.north, ll.lat);
        }
    }
    return b;
}

} // namespace sitmap::render
