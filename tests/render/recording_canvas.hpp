#pragma once
// Test helper: a Canvas that records what the renderer asks it to draw, without Cairo.

#include "render/canvas.hpp"

#include <string>
#include <vector>

namespace sitmap::test {

struct Recorded {
    enum class Op { begin_layer, end_layer, clip, unclip, rect, area, lines, marker, text };
    Op op;
    std::string layer; // the layer open at the time
    std::string id;    // marker id / text
    std::string title; // marker title
    render::Point at;  // marker position / text origin
    render::MarkerSymbol marker;
    render::LineSymbol line; // lines: the symbol
    std::size_t rings = 0;
    std::vector<render::Ring> paths; // lines and areas: the rings as drawn
    render::FillSymbol fill;         // areas: the symbol
    std::string event;               // MarkInfo::event
};

class RecordingCanvas final : public render::Canvas {
public:
    RecordingCanvas(double w, double h) : m_w(w), m_h(h) {}
    double width() const override { return m_w; }
    double height() const override { return m_h; }
    bool keeps_annotations() const override { return true; }
    void begin_layer(std::string_view name) override {
        m_layer = std::string(name);
        add(Recorded::Op::begin_layer, m_layer);
    }
    void end_layer() override { add(Recorded::Op::end_layer, m_layer); }
    void push_clip(const render::Rect&) override { add(Recorded::Op::clip, ""); }
    void pop_clip() override { add(Recorded::Op::unclip, ""); }
    void fill_rect(const render::Rect&, render::Color, render::Color, double) override {
        add(Recorded::Op::rect, "");
    }
    void draw_area(std::span<const render::Ring> rings, const render::FillSymbol& symbol,
                   const render::MarkInfo& info) override {
        auto& r = add(Recorded::Op::area, std::string(info.id));
        r.rings = rings.size();
        r.title = std::string(info.title);
        r.paths.assign(rings.begin(), rings.end());
        r.fill = symbol;
        r.event = std::string(info.event);
    }
    void draw_lines(std::span<const render::Ring> lines, const render::LineSymbol& symbol,
                    const render::MarkInfo& info) override {
        auto& r = add(Recorded::Op::lines, std::string(info.id));
        r.line = symbol;
        r.rings = lines.size();
        r.title = std::string(info.title);
        r.paths.assign(lines.begin(), lines.end());
        r.event = std::string(info.event);
    }
    void draw_marker(render::Point at, const render::MarkerSymbol& m,
                     const render::MarkInfo& info) override {
        auto& r = add(Recorded::Op::marker, std::string(info.id));
        r.title = std::string(info.title);
        r.at = at;
        r.marker = m;
    }
    void draw_text(const render::TextRun& run) override {
        add(Recorded::Op::text, run.text).at = run.origin;
    }
    void finish() override { finished = true; }

    std::vector<Recorded> ops;
    bool finished = false;

    // Layer names in the order they were opened.
    std::vector<std::string> layer_order() const {
        std::vector<std::string> out;
        for (const auto& r : ops) {
            if (r.op == Recorded::Op::begin_layer) {
                out.push_back(r.layer);
            }
        }
        return out;
    }
    const Recorded* marker(const std::string& id) const {
        for (const auto& r : ops) {
            if (r.op == Recorded::Op::marker && r.id == id) {
                return &r;
            }
        }
        return nullptr;
    }

private:
    Recorded& add(Recorded::Op op, std::string id) {
        ops.push_back({op, m_layer, std::move(id), {}, {}, {}, {}, 0, {}, {}, {}});
        return ops.back();
    }
    double m_w;
    double m_h;
    std::string m_layer;
};

} // namespace sitmap::test
