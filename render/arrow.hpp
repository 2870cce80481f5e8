#pragma once
// The ends of a direction arrow (LineSymbol::arrow) in canvas units: the renderer and the legend
// draw them alike.

#include "render/canvas.hpp"

#include <cmath>
#include <span>

namespace sitmap::render {

// Where the tip goes and the direction the head points: the line's last point moved `gap` back
// along the line, and the unit vector of the line there. False when the line is shorter than its
// head and gap together, or has no length: too short to read as an arrow.
struct ArrowTip {
    Point tip;
    Point dir; // unit vector, towards the tip
};

inline bool arrow_tip(std::span<const Point> line, const ArrowEnds& a, ArrowTip& out) {
    if (line.size() < 2 || !(a.head_length > 0.0)) {
        return false;
    }
    // Walk back from the end by `gap`, then check the head still fits.
    double remaining = a.gap;
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    }
    if (!(total >= a.gap + 1.5 * a.head_length)) {
        return false;
    }
    for (std::size_t i = line.size() - 1; i > 0; --i) {
        const Point p = line[i];
        const Point q = line[i - 1];
        const double len = std::hypot(p.x - q.x, p.y - q.y);
        if (len <= 0.0) {
            continue;
        }
        const Point dir{(p.x - q.x) / len, (p.y - q.y) / len};
        if (remaining <= len) {
            out.tip = {p.x - dir.x * remaining, p.y - dir.y * remaining};
            out.dir = dir;
            return true;
        }
        remaining -= len;
    }
    return false;
}

// The head: a closed ring (tip, one barb, a shallow notch on the shaft, the other barb).
inline Ring arrow_head(const ArrowTip& t, const ArrowEnds& a) {
    const Point n{-t.dir.y, t.dir.x};
    const Point base{t.tip.x - t.dir.x * a.head_length, t.tip.y - t.dir.y * a.head_length};
    const Point notch{base.x + t.dir.x * a.head_length * 0.22,
                      base.y + t.dir.y * a.head_length * 0.22};
    const double w = a.head_width / 2;
    return {t.tip,
            {base.x + n.x * w, base.y + n.y * w},
            notch,
            {base.x - n.x * w, base.y - n.y * w},
            t.tip};
}

// The marker of the dot at the start of an arrow.
inline MarkerSymbol arrow_tail(const LineSymbol& s) {
    MarkerSymbol m;
    m.shape = MarkerShape::circle;
    m.size = s.arrow.tail_dot;
    m.fill = s.color;
    m.stroke = s.arrow.tail_stroke;
    m.stroke_width = s.width * 0.6;
    return m;
}

} // namespace sitmap::render
