#pragma once
// Label placement: candidate positions around points, along lines and inside areas (at the pole
// of inaccessibility); priorities (incident places > checkpoints > capitals > areas > towns >
// water > countries); no label overlaps another label, a symbol or the map furniture; what cannot
// be placed is dropped and reported.

#include "render/canvas.hpp"
#include "render/layers.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

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
    Rect box; // axis-aligned box covering the label and its halo
    LabelClass cls = LabelClass::town;
    std::string key;
};

struct LabelResult {
    std::vector<PlacedLabel> placed;
    std::vector<std::string> dropped;        // texts that found no free position
    std::vector<std::string> missing_glyphs; // texts with characters no font can draw
};

// A uniform grid of rectangles for overlap queries.
class CollisionIndex {
public:
    CollisionIndex(const Rect& area, double cell);
    void insert(const Rect& r);
    bool hits(const Rect& r) const;
    std::size_t size() const { return m_rects.size(); }

private:
    template <typename F> void cells(const Rect& r, F&& f) const;
    Rect m_area;
    double m_cell;
    int m_cols;
    int m_rows;
    std::deque<Rect> m_rects; // no reallocation spikes with a million obstacles
    std::vector<std::vector<std::uint32_t>> m_grid;
};

// The style layer that styles a class of labels ("labels-town"...).
const char* label_style_id(LabelClass cls);

LabelResult place_labels(std::vector<LabelInput> inputs, const CollisionIndex& obstacles,
                         const Rect& frame, const Style& style, double unit,
                         const TextShaper& shaper);

} // namespace sitmap::render
