#include "render/labels.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

namespace sitmap::render {

CollisionIndex::CollisionIndex(const Rect& area, double cell)
    : m_area(area), m_cell(std::max(cell, 1.0)),
      m_cols(std::max(1, static_cast<int>(std::ceil(area.width / m_cell)))),
      m_rows(std::max(1, static_cast<int>(std::ceil(area.height / m_cell)))),
      m_grid(static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows)),
      m_segment_grid(m_grid.size()) {}

template <typename F> void CollisionIndex::cells(const Rect& r, F&& f) const {
    const int c0 =
        std::clamp(static_cast<int>(std::floor((r.x - m_area.x) / m_cell)), 0, m_cols - 1);
    const int c1 =
        std::clamp(static_cast<int>(std::floor((r.right() - m_area.x) / m_cell)), 0, m_cols - 1);
    const int r0 =
        std::clamp(static_cast<int>(std::floor((r.y - m_area.y) / m_cell)), 0, m_rows - 1);
    const int r1 =
        std::clamp(static_cast<int>(std::floor((r.bottom() - m_area.y) / m_cell)), 0, m_rows - 1);
    for (int row = r0; row <= r1; ++row) {
        for (int col = c0; col <= c1; ++col) {
            f(static_cast<std::size_t>(row) * static_cast<std::size_t>(m_cols) +
              static_cast<std::size_t>(col));
        }
    }
}

void CollisionIndex::insert(const Rect& r) {
    const auto index = static_cast<std::uint32_t>(m_rects.size());
    m_rects.push_back(r);
    cells(r, [&](std::size_t c) { m_grid[c].push_back(index); });
}

namespace {

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Proper or touching intersection of segments ab and cd.
bool segments_meet(Point a, Point b, Point c, Point d) {
    const double d1 = cross(c, d, a);
    const double d2 = cross(c, d, b);
    const double d3 = cross(a, b, c);
    const double d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        return true;
    }
    const auto on = [](Point p, Point q, Point x) {
        return std::min(p.x, q.x) <= x.x && x.x <= std::max(p.x, q.x) &&
               std::min(p.y, q.y) <= x.y && x.y <= std::max(p.y, q.y);
    };
    return (d1 == 0 && on(c, d, a)) || (d2 == 0 && on(c, d, b)) || (d3 == 0 && on(a, b, c)) ||
           (d4 == 0 && on(a, b, d));
}

// Whether p lies inside the convex quadrilateral (either winding).
bool inside_quad(const std::array<Point, 4>& q, Point p) {
    bool pos = false;
    bool neg = false;
    for (std::size_t i = 0; i < 4; ++i) {
        const double c = cross(q[i], q[(i + 1) % 4], p);
        pos = pos || c > 0;
        neg = neg || c < 0;
    }
    return !(pos && neg);
}

bool segment_crosses_quad(Point a, Point b, const std::array<Point, 4>& q) {
    if (inside_quad(q, a) || inside_quad(q, b)) {
        return true;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (segments_meet(a, b, q[i], q[(i + 1) % 4])) {
            return true;
        }
    }
    return false;
}

std::array<Point, 4> corners(const Rect& r) {
    return {Point{r.x, r.y}, Point{r.right(), r.y}, Point{r.right(), r.bottom()},
            Point{r.x, r.bottom()}};
}

// The box a segment spans.
Rect segment_bounds(Point a, Point b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)};
}

Rect bounds(const std::array<Point, 4>& q) {
    double x0 = q[0].x, y0 = q[0].y, x1 = q[0].x, y1 = q[0].y;
    for (const Point& p : q) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

} // namespace

void CollisionIndex::insert_segment(Point a, Point b, bool divides) {
    if (!std::isfinite(a.x) || !std::isfinite(a.y) || !std::isfinite(b.x) || !std::isfinite(b.y)) {
        return;
    }
    const Rect box = segment_bounds(a, b);
    if (!box.intersects(m_area.inflated(1.0)) && !m_area.contains(a)) {
        return;
    }
    const auto index = static_cast<std::uint32_t>(m_segments.size());
    m_segments.push_back({a, b, divides});
    cells(box, [&](std::size_t c) { m_segment_grid[c].push_back(index); });
}

bool CollisionIndex::crosses(const std::array<Point, 4>& quad) const {
    if (m_segments.empty()) {
        return false;
    }
    bool hit = false;
    cells(bounds(quad), [&](std::size_t c) {
        for (const std::uint32_t i : m_segment_grid[c]) {
            if (hit) {
                return;
            }
            hit = segment_crosses_quad(m_segments[i].a, m_segments[i].b, quad);
        }
    });
    return hit;
}

bool CollisionIndex::crosses(Point a, Point b) const {
    if (m_segments.empty()) {
        return false;
    }
    const Rect box = segment_bounds(a, b);
    bool hit = false;
    cells(box, [&](std::size_t c) {
        for (const std::uint32_t i : m_segment_grid[c]) {
            if (hit) {
                return;
            }
            const Segment& sg = m_segments[i];
            hit = sg.divides && segments_meet(a, b, sg.a, sg.b);
        }
    });
    return hit;
}

bool CollisionIndex::hits(const Rect& r) const {
    return crosses(corners(r)) || hits_boxes(r);
}

bool CollisionIndex::hits_boxes(const Rect& r) const {
    bool hit = false;
    cells(r, [&](std::size_t c) {
        if (hit) {
            return;
        }
        for (const std::uint32_t i : m_grid[c]) {
            if (m_rects[i].intersects(r)) {
                hit = true;
                return;
            }
        }
    });
    return hit;
}

bool CollisionIndex::hits_segment(Point a, Point b) const {
    const Rect box = segment_bounds(a, b);
    bool hit = false;
    cells(box, [&](std::size_t c) {
        for (const std::uint32_t i : m_grid[c]) {
            if (hit) {
                return;
            }
            const Rect& r = m_rects[i];
            hit = r.intersects(box.inflated(0.01)) && segment_crosses_quad(a, b, corners(r));
        }
        for (const std::uint32_t i : m_segment_grid[c]) {
            if (hit) {
                return;
            }
            hit = segments_meet(a, b, m_segments[i].a, m_segments[i].b);
        }
    });
    return hit;
}

const char* label_style_id(LabelClass cls) {
    switch (cls) {
    case LabelClass::incident:
        return "labels-incident";
    case LabelClass::checkpoint:
        return "labels-checkpoint";
    case LabelClass::context:
        return "labels-context";
    case LabelClass::capital:
        return "labels-capital";
    case LabelClass::area:
        return "labels-area";
    case LabelClass::town:
        return "labels-town";
    case LabelClass::water:
        return "labels-water";
    case LabelClass::country:
        break;
    }
    return "labels-country";
}

namespace {

Rect rotated_box(Point origin, double w, double h, double angle) {
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const Point corners[4] = {{0, 0}, {w, 0}, {0, h}, {w, h}};
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& p : corners) {
        const double x = origin.x + p.x * c - p.y * s;
        const double y = origin.y + p.x * s + p.y * c;
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

// The corners of a w x h box grown by `halo`, rotated by angle around origin (its top left).
std::array<Point, 4> rotated_quad(Point origin, double w, double h, double angle, double halo) {
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const Point local[4] = {
        {-halo, -halo}, {w + halo, -halo}, {w + halo, h + halo}, {-halo, h + halo}};
    std::array<Point, 4> out;
    for (std::size_t i = 0; i < 4; ++i) {
        out[i] = {origin.x + local[i].x * c - local[i].y * s,
                  origin.y + local[i].x * s + local[i].y * c};
    }
    return out;
}

double path_length(const std::vector<Point>& p) {
    double len = 0.0;
    for (std::size_t i = 1; i < p.size(); ++i) {
        len += std::hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
    }
    return len;
}

// The point at arc length s along p, and the index of the segment it lies on.
Point point_at(const std::vector<Point>& p, double s, std::size_t& segment) {
    double acc = 0.0;
    for (std::size_t i = 1; i < p.size(); ++i) {
        const double seg = std::hypot(p[i].x - p[i - 1].x, p[i].y - p[i - 1].y);
        if (acc + seg >= s && seg > 0.0) {
            const double t = (s - acc) / seg;
            segment = i;
            return {p[i - 1].x + t * (p[i].x - p[i - 1].x), p[i - 1].y + t * (p[i].y - p[i - 1].y)};
        }
        acc += seg;
    }
    segment = p.size() - 1;
    return p.back();
}

bool inside_ring(const std::vector<Point>& ring, Point p) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
            p.x <
                (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x) {
            in = !in;
        }
    }
    return in;
}

double distance_to_line(Point q, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    if (len == 0.0) {
        return std::hypot(q.x - a.x, q.y - a.y);
    }
    return std::abs((q.x - a.x) * dy - (q.y - a.y) * dx) / len;
}

// One label at a time, in priority order: candidate positions for its placement, the first free
// one wins (inside the frame, clear of placed labels and of the obstacles).
class LabelPlacer {
public:
    LabelPlacer(const CollisionIndex& obstacles, const Rect& frame, double unit)
        : m_obstacles(obstacles), m_placed(frame, 48.0 * unit),
          m_inner(frame.inflated(-2.0 * unit)), m_gap(2.5 * unit) {}

    // Fills run and box and reserves the box; false when no candidate is free.
    bool place(const LabelInput& in, const TextStyle& ts, const TextMetrics& m, TextRun& run,
               Rect& box) {
        m_in = &in;
        m_style = &ts;
        m_metrics = &m;
        m_run = &run;
        m_box = &box;
        m_halo = ts.halo.visible() ? ts.halo_width : 0.0;
        const double radius = in.request.symbol_radius;
        m_clearance = radius > 0.0 ? radius + m_gap + m_halo : 0.0;
        bool ok = false;
        switch (in.request.placement) {
        case LabelPlacement::around_point:
            ok = around(in.anchor);
            break;
        case LabelPlacement::inside_area:
            ok = inside_area();
            break;
        case LabelPlacement::along_line:
            ok = in.line.size() >= 2 && along_line();
            break;
        }
        if (ok) {
            m_placed.insert(box);
        }
        return ok;
    }

    // A label farther off than place() looks, joined to its mark by a leader line that crosses
    // nothing (no border, no mark, no other label or leader): nearest first, at most `reach`
    // from the mark. Fills run, box and leader, and reserves the box and the leader.
    bool place_with_leader(const LabelInput& in, const TextStyle& ts, const TextMetrics& m,
                           double reach, TextRun& run, Rect& box, std::vector<Point>& leader) {
        m_in = &in;
        m_style = &ts;
        m_metrics = &m;
        m_run = &run;
        m_box = &box;
        m_halo = ts.halo.visible() ? ts.halo_width : 0.0;
        const double radius = in.request.symbol_radius;
        const Point a = in.anchor;
        // The leader starts just off the symbol (clear of its square obstacle box diagonally).
        const double start = radius * 1.5 + m_gap * 0.5;
        const double near = (radius > 0.0 ? radius + m_gap : m_gap) + m_halo;
        // Directions, most horizontal first (right before left, up before down): text beside
        // its mark reads best, and the leader is short where the text is wide.
        static constexpr double kDegrees[] = {0,    180, -20, 20, -160, 160, -40, 40,
                                              -140, 140, -60, 60, -120, 120, -90, 90};
        const double w = this->w();
        const double h = this->h();
        for (double l = 2.0 * m_gap; near + l <= reach; l += 2.4 * m_gap) {
            for (const double deg : kDegrees) {
                const double t = deg * std::numbers::pi / 180.0;
                const double c = std::cos(t);
                const double s = std::sin(t);
                const Point from{a.x + start * c, a.y + start * s};
                const Point to{a.x + (near + l) * c, a.y + (near + l) * s};
                // The label's box (text and halo) touches the end of the leader with its side,
                // corner or the middle of its top or bottom edge facing the mark.
                const double x = c > 0.3    ? to.x + m_halo
                                 : c < -0.3 ? to.x - m_halo - w
                                            : to.x - w / 2;
                const double y = s > 0.3    ? to.y + m_halo
                                 : s < -0.3 ? to.y - m_halo - h
                                            : to.y - h / 2;
                if (m_obstacles.hits_segment(from, to) || m_placed.hits_segment(from, to) ||
                    !try_at({x, y}, 0.0)) {
                    continue;
                }
                m_placed.insert(box);
                m_placed.insert_segment(from, to, false);
                leader = {from, to};
                return true;
            }
        }
        return false;
    }

private:
    double w() const { return m_metrics->width; }
    double h() const { return m_metrics->height; }

    bool try_at(Point origin, double angle) {
        const Rect b = angle == 0.0 ? Rect{origin.x, origin.y, w(), h()}.inflated(m_halo)
                                    : rotated_box(origin, w(), h(), angle).inflated(m_halo);
        if (!m_inner.contains(b) || m_placed.hits(b)) {
            return false;
        }
        if (angle == 0.0 ? m_obstacles.hits(b)
                         : (m_obstacles.hits_boxes(b) ||
                            m_obstacles.crosses(rotated_quad(origin, w(), h(), angle, m_halo)))) {
            return false;
        }
        *m_run =
            TextRun{m_in->request.text, *m_style, origin, angle, w(), h(), m_metrics->baseline};
        *m_box = b;
        return true;
    }

    bool around(Point a) {
        const double w = this->w();
        const double h = this->h();
        const double near = m_clearance > 0.0 ? m_clearance : m_gap + m_halo;
        // Event labels may stand a little farther off rather than be dropped (a border or a
        // road next to the mark takes the near positions).
        const bool event = m_in->request.cls == LabelClass::incident ||
                           m_in->request.cls == LabelClass::checkpoint ||
                           m_in->request.cls == LabelClass::context;
        for (const double d : {near, near + h * 0.9}) {
            if (d != near && !event) {
                break;
            }
            const double dd = d * 0.72;
            // Overhang of a label set above or below the mark, towards its far side.
            const double s = std::min(w / 2, near);
            // Preference order: right, upper right, lower right, left, upper left, lower left,
            // above, below, then above and below ending or starting at the mark.
            const Point candidates[] = {
                {a.x + d, a.y - h / 2},
                {a.x + dd, a.y - dd - h + h * 0.25},
                {a.x + dd, a.y + dd - h * 0.25},
                {a.x - d - w, a.y - h / 2},
                {a.x - dd - w, a.y - dd - h + h * 0.25},
                {a.x - dd - w, a.y + dd - h * 0.25},
                {a.x - w / 2, a.y - d - h},
                {a.x - w / 2, a.y + d},
                {a.x - w + s, a.y - d - h},
                {a.x - s, a.y - d - h},
                {a.x - w + s, a.y + d},
                {a.x - s, a.y + d},
            };
            for (const auto& c : candidates) {
                // The label stays on its mark's side of the border: nothing dividing between the
                // edge of the symbol and the label's centre (a mark on the border itself may be
                // labelled on either side).
                const Point centre{c.x + w / 2, c.y + h / 2};
                const double dist = std::hypot(centre.x - a.x, centre.y - a.y);
                const double edge = dist > 0.0 ? std::min(near, dist) / dist : 0.0;
                const Point from{a.x + (centre.x - a.x) * edge, a.y + (centre.y - a.y) * edge};
                if (!m_obstacles.crosses(from, centre) && try_at(c, 0.0)) {
                    return true;
                }
            }
        }
        return false;
    }

    // From the pole of inaccessibility outwards; a shifted label must stay inside the area (its
    // centre within the outline given in `line`).
    bool inside_area() {
        const Point a = m_in->anchor;
        const std::vector<Point>& outline = m_in->line;
        for (const double dy : {0.0, -1.0, 1.0, -2.0, 2.0, -3.0, 3.0, -4.0, 4.0}) {
            for (const double dx : {0.0, -0.5, 0.5, -1.0, 1.0}) {
                const Point c{a.x + dx * w(), a.y + dy * h()};
                if ((dx != 0.0 || dy != 0.0) && !outline.empty() && !inside_ring(outline, c)) {
                    continue;
                }
                if (try_at({c.x - w() / 2, c.y - h() / 2}, 0.0)) {
                    return true;
                }
            }
        }
        // An area too small for its label (a village's few kilometres at a wide scale): beside
        // it, as for a point, rather than no label.
        return around(a);
    }

    // Along the line where it is nearly straight under the text, from the middle outwards.
    bool along_line() {
        const std::vector<Point>& line = m_in->line;
        const double len = path_length(line);
        if (len >= w() * 1.3) {
            for (const double f : {0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9}) {
                if (along_line_at(len * f)) {
                    return true;
                }
            }
        }
        // A line too curved for the text: beside the middle of the line instead.
        if (m_clearance > 0.0) {
            std::size_t seg = 0;
            return around(point_at(line, len / 2, seg));
        }
        return false;
    }

    // The text centred at arc length s, just above the line.
    bool along_line_at(double s) {
        const std::vector<Point>& line = m_in->line;
        const double w = this->w();
        const double h = this->h();
        if (s - w / 2 < 0 || s + w / 2 > path_length(line)) {
            return false;
        }
        std::size_t i0 = 0;
        std::size_t i1 = 0;
        Point p0 = point_at(line, s - w / 2, i0);
        Point p1 = point_at(line, s + w / 2, i1);
        double dev = 0.0;
        for (std::size_t i = i0; i < i1; ++i) {
            dev = std::max(dev, distance_to_line(line[i], p0, p1));
        }
        if (dev > h * 0.6) {
            return false;
        }
        if (p1.x < p0.x) {
            std::swap(p0, p1);
        }
        const double angle = std::atan2(p1.y - p0.y, p1.x - p0.x);
        const double c = std::cos(angle);
        const double sn = std::sin(angle);
        // Just above the line, else just below; clear of a wide symbol (a border-sector band).
        const double offset = h / 2 + (m_clearance > 0.0 ? m_clearance : m_gap);
        for (const double side : {1.0, -1.0}) {
            const Point mid{(p0.x + p1.x) / 2 + side * sn * offset,
                            (p0.y + p1.y) / 2 - side * c * offset};
            const Point origin{mid.x - (w / 2) * c + (h / 2) * sn,
                               mid.y - (w / 2) * sn - (h / 2) * c};
            if (try_at(origin, angle)) {
                return true;
            }
        }
        return false;
    }

    const CollisionIndex& m_obstacles;
    CollisionIndex m_placed;
    const Rect m_inner;
    const double m_gap;
    // The label being placed.
    const LabelInput* m_in = nullptr;
    const TextStyle* m_style = nullptr;
    const TextMetrics* m_metrics = nullptr;
    TextRun* m_run = nullptr;
    Rect* m_box = nullptr;
    double m_halo = 0.0;
    double m_clearance = 0.0;
};

} // namespace

namespace {

// The non-empty lines of `text` (separated by newlines), each with its size.
std::vector<std::pair<std::string, TextMetrics>>
measure_lines(const std::string& text, const TextStyle& style, const TextShaper& shaper) {
    std::vector<std::pair<std::string, TextMetrics>> lines;
    for (std::size_t from = 0; !text.empty() && from <= text.size();) {
        const std::size_t to = std::min(text.find('\n', from), text.size());
        std::string line = text.substr(from, to - from);
        if (!line.empty()) {
            const TextMetrics m = shaper.measure(line, style);
            lines.emplace_back(std::move(line), m);
        }
        from = to + 1;
    }
    return lines;
}

} // namespace

LabelResult place_labels(std::vector<LabelInput> inputs, const CollisionIndex& obstacles,
                         const Rect& frame, const Style& style, double unit,
                         const TextShaper& shaper) {
    LabelResult result;
    std::stable_sort(inputs.begin(), inputs.end(), [](const LabelInput& a, const LabelInput& b) {
        if (a.request.cls != b.request.cls) {
            return a.request.cls < b.request.cls;
        }
        return a.request.rank > b.request.rank;
    });
    LabelPlacer placer(obstacles, frame, unit);
    std::set<std::string> done_keys;
    for (const auto& in : inputs) {
        const LabelRequest& rq = in.request;
        if (rq.text.empty() || (!rq.key.empty() && done_keys.contains(rq.key)) ||
            !style.visible(label_style_id(rq.cls))) {
            continue;
        }
        if (!rq.key.empty()) {
            done_keys.insert(rq.key);
        }
        const TextStyle ts = style.layer(label_style_id(rq.cls)).text_style(unit);
        const TextMetrics first = shaper.measure(rq.text, ts);
        if (first.unknown_glyphs > 0) {
            result.missing_glyphs.push_back(rq.text);
        }
        // Smaller lines under the first (each side's claim), regular weight; all placed as one
        // block.
        TextStyle detail_style = ts;
        detail_style.size = ts.size * 0.86;
        detail_style.weight = FontWeight::normal;
        detail_style.color = Color{0.16, 0.16, 0.16, 1.0};
        std::vector<std::pair<std::string, TextMetrics>> lines =
            measure_lines(rq.detail, detail_style, shaper);
        TextMetrics block = first;
        for (const auto& [line, m] : lines) {
            block.width = std::max(block.width, m.width);
            block.height += m.height;
        }
        LabelInput placed_in = in;
        if (!lines.empty() && placed_in.request.placement == LabelPlacement::along_line) {
            // Several lines do not bend along a line: beside its middle, clear of its symbol.
            std::size_t seg = 0;
            placed_in.anchor = point_at(in.line, path_length(in.line) / 2, seg);
            placed_in.request.placement = LabelPlacement::around_point;
        }
        TextRun run;
        Rect box;
        std::vector<Point> leader;
        bool placed = placer.place(placed_in, ts, block, run, box);
        if (!placed && !lines.empty()) {
            // Each side's claim is what an analyst reads the label for: farther off, with a
            // leader line, anywhere within half the frame's diagonal rather than without them.
            placed = placer.place_with_leader(
                placed_in, ts, block, std::hypot(frame.width, frame.height) / 2, run, box, leader);
        }
        if (!placed && !lines.empty()) {
            // Truly no room for the claims: the name, saying that the place is disputed and
            // that its claims are not on this map (they stay in the SVG title and the lint
            // report names the label).
            result.details_dropped.push_back(rq.text);
            lines.clear();
            placed_in = in;
            const bool says_disputed = rq.text.ends_with(" · disputed");
            for (const std::string& text :
                 {rq.text + (says_disputed ? "" : " · disputed") + " · claims not shown",
                  rq.text}) {
                placed_in.request.text = text;
                block = shaper.measure(text, ts);
                if (placer.place(placed_in, ts, block, run, box)) {
                    placed = true;
                    break;
                }
            }
        }
        if (!placed && lines.empty() &&
            placed_in.request.placement == LabelPlacement::around_point &&
            (rq.cls == LabelClass::incident || rq.cls == LabelClass::checkpoint)) {
            // An event's mark without its name and day reads as no event at all: farther off,
            // on a leader line, like the claims above.
            placed = placer.place_with_leader(
                placed_in, ts, block, std::hypot(frame.width, frame.height) / 2, run, box, leader);
        }
        if (!placed) {
            result.dropped.push_back(rq.text);
            continue;
        }
        std::vector<TextRun> details;
        if (!lines.empty()) {
            // Lines aligned towards the anchor: right-aligned left of it, left-aligned right of
            // it, centred above, below or inside an area.
            const double centre = run.origin.x + block.width / 2;
            const bool inside = placed_in.request.placement == LabelPlacement::inside_area;
            const double align = inside                              ? 0.5
                                 : centre < placed_in.anchor.x - 1.0 ? 1.0
                                 : centre > placed_in.anchor.x + 1.0 ? 0.0
                                                                     : 0.5;
            const Point origin = run.origin;
            run.width = first.width;
            run.height = first.height;
            run.baseline = first.baseline;
            run.origin.x += align * (block.width - first.width);
            double y = origin.y + first.height;
            for (auto& [line, m] : lines) {
                details.push_back(TextRun{std::move(line),
                                          detail_style,
                                          {origin.x + align * (block.width - m.width), y},
                                          0.0,
                                          m.width,
                                          m.height,
                                          m.baseline});
                y += m.height;
            }
        }
        result.placed.push_back(
            {std::move(run), std::move(details), std::move(leader), box, rq.cls, rq.key});
    }
    return result;
}

} // namespace sitmap::render
