#pragma once
// Label placement: candidate positions around points, along lines and inside areas (at the pole
// of inaccessibility); priorities (incident places > checkpoints > capitals > areas > towns >
// water > countries); no label overlaps another label, a symbol or the map furniture; what cannot
// be placed is dropped and reported. A label with detail lines (a disputed incident's claims)
// that finds no place beside its mark stands farther off with a leader line that crosses
// nothing; only when nothing fits does it lose its claims, and its text then says so.

#include "render/canvas.hpp"
#include "render/layers.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <array>
#include <deque>
#include <span>
#include <string>
#include <vector>

namespace sitmap::render {

struct LabelInput {
    LabelRequest request;
    Point anchor;            // around_point / inside_area: canvas position
    std::vector<Point> line; // along_line: the projected path; inside_area: the outer ring
};

struct PlacedLabel {
    TextRun run;
    std::vector<TextRun> details; // the lines of LabelRequest::detail, under run
    // A leader line from the mark to a label set farther off than the usual positions (two
    // points; empty when the label stands beside its mark).
    std::vector<Point> leader;
    Rect box; // axis-aligned box covering the label and its halo
    LabelClass cls = LabelClass::town;
    std::string key;
};

struct LabelResult {
    std::vector<PlacedLabel> placed;
    std::vector<std::string> dropped;        // texts that found no free position
    std::vector<std::string> missing_glyphs; // texts with characters no font can draw
    // Labels whose detail lines (each side's claim) found no place on the map: the label says
    // so in its text, and this names it for the lint report.
    std::vector<std::string> details_dropped;
};

// A uniform grid of rectangles (symbols, furniture) and of line segments (lines a label must not
// cross: the border, the corridor) for overlap queries.
class CollisionIndex {
public:
    CollisionIndex(const Rect& area, double cell);
    void insert(const Rect& r);
    // A segment of a line that labels must not cross; `divides`: a label also stays on its
    // mark's side of it (the border, not a road).
    void insert_segment(Point a, Point b, bool divides = true);
    // True when r overlaps a rectangle or a segment crosses it.
    bool hits(const Rect& r) const;
    // True when r overlaps a rectangle (segments not considered).
    bool hits_boxes(const Rect& r) const;
    // True when the segment ab passes through a rectangle or meets any segment (dividing or
    // not): a leader line must cross nothing.
    bool hits_segment(Point a, Point b) const;
    // True when a dividing segment crosses the segment ab (a label on the other side of the
    // border from its mark).
    bool crosses(Point a, Point b) const;
    // True when a segment crosses the convex quadrilateral (corners in order): a rotated label.
    bool crosses(const std::array<Point, 4>& quad) const;
    std::size_t size() const { return m_rects.size(); }
    std::size_t segments() const { return m_segments.size(); }

private:
    template <typename F> void cells(const Rect& r, F&& f) const;
    Rect m_area;
    double m_cell;
    int m_cols;
    int m_rows;
    std::deque<Rect> m_rects; // no reallocation spikes with a million obstacles
    std::vector<std::vector<std::uint32_t>> m_grid;
    struct Segment {
        Point a, b;
        bool divides = true;
    };
    std::vector<Segment> m_segments;
    std::vector<std::vector<std::uint32_t>> m_segment_grid;
};

// The style layer that styles a class of labels ("labels-town"...).
const char* label_style_id(LabelClass cls);

LabelResult place_labels(std::vector<LabelInput> inputs, const CollisionIndex& obstacles,
                         const Rect& frame, const Style& style, double unit,
                         const TextShaper& shaper);

} // namespace sitmap::render
