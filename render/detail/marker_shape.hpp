#pragma once
// Internal: the outline of each marker shape, centred on (0, 0), for every canvas.

#include "render/canvas.hpp"

#include <cmath>
#include <numbers>
#include <vector>

namespace sitmap::render::detail {

inline bool is_round(MarkerShape s) {
    return s == MarkerShape::circle || s == MarkerShape::ring;
}

// Polygon outline of a non-round shape whose enclosing circle has radius r.
inline std::vector<Point> marker_polygon(MarkerShape shape, double r) {
    std::vector<Point> p;
    const double pi = std::numbers::pi;
    switch (shape) {
    case MarkerShape::square:
    case MarkerShape::barrier: {
        const double h = r * 0.82;
        p = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
        break;
    }
    case MarkerShape::triangle:
        for (int i = 0; i < 3; ++i) {
            const double a = -pi / 2 + i * 2 * pi / 3;
            p.push_back({r * std::cos(a), r * 0.15 + r * std::sin(a)});
        }
        break;
    case MarkerShape::diamond:
        p = {{0, -r}, {r * 0.8, 0}, {0, r}, {-r * 0.8, 0}};
        break;
    case MarkerShape::star:
        for (int i = 0; i < 10; ++i) {
            const double a = -pi / 2 + i * pi / 5;
            const double rr = (i % 2 == 0) ? r : r * 0.45;
            p.push_back({rr * std::cos(a), rr * std::sin(a)});
        }
        break;
    case MarkerShape::cross: {
        const double w = r * 0.32;
        const double s = std::sqrt(0.5);
        // An X: a plus sign rotated by 45 degrees.
        const std::vector<Point> plus = {{-w, -r}, {w, -r}, {w, -w}, {r, -w}, {r, w},   {w, w},
                                         {w, r},   {-w, r}, {-w, w}, {-r, w}, {-r, -w}, {-w, -w}};
        for (const auto& q : plus) {
            p.push_back({(q.x - q.y) * s, (q.x + q.y) * s});
        }
        break;
    }
    case MarkerShape::hexagon:
        for (int i = 0; i < 6; ++i) {
            const double a = i * pi / 3;
            p.push_back({r * std::cos(a), r * std::sin(a)});
        }
        break;
    case MarkerShape::circle:
    case MarkerShape::ring:
        break;
    }
    return p;
}

// The bar across a barrier (checkpoint) marker: a rectangle in the stroke colour.
inline Rect barrier_bar(double r) {
    return {-r * 0.62, -r * 0.17, r * 1.24, r * 0.34};
}

} // namespace sitmap::render::detail
