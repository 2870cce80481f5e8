#include "render/svg_canvas.hpp"

#include "render/detail/atomic_file.hpp"
#include "render/detail/marker_shape.hpp"
#include "render/text.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <numbers>

namespace sitmap::render {
namespace {

// Appends a number with at most `decimals` decimals, trailing zeros trimmed.
void append_number(std::string& out, double v, int decimals = 2) {
    if (!std::isfinite(v)) {
        v = 0.0;
    }
    char buf[40];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    char* end = res.ptr;
    if (decimals > 0) {
        while (end > buf && end[-1] == '0') {
            --end;
        }
        if (end > buf && end[-1] == '.') {
            --end;
        }
    }
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
        out += '0';
        return;
    }
    out.append(buf, end);
}

std::string num(double v, int decimals = 2) {
    std::string s;
    append_number(s, v, decimals);
    return s;
}

void append_color_attr(std::string& out, const char* name, Color c) {
    out += ' ';
    out += name;
    out += "=\"";
    if (!c.visible()) {
        out += "none\"";
        return;
    }
    Color opaque = c;
    opaque.a = 1.0;
    out += opaque.hex();
    out += '"';
    if (c.a < 1.0) {
        out += ' ';
        out += name;
        out += "-opacity=\"";
        append_number(out, c.a, 3);
        out += '"';
    }
}

void append_dash(std::string& out, const std::vector<double>& dash) {
    if (dash.empty()) {
        return;
    }
    out += " stroke-dasharray=\"";
    for (std::size_t i = 0; i < dash.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_number(out, dash[i]);
    }
    out += '"';
}

void append_path_data(std::string& out, std::span<const Ring> rings, bool close) {
    for (const auto& ring : rings) {
        if (ring.size() < 2) {
            continue;
        }
        for (std::size_t i = 0; i < ring.size(); ++i) {
            out += i == 0 ? 'M' : 'L';
            append_number(out, ring[i].x);
            out += ' ';
            append_number(out, ring[i].y);
        }
        if (close) {
            out += 'Z';
        }
    }
}

class SvgCanvas final : public Canvas {
public:
    SvgCanvas(const std::filesystem::path& path, double width, double height,
              const DocumentInfo& info)
        : m_file(path), m_width(width), m_height(height), m_links(info.mark_links) {
        m_out.reserve(1 << 20);
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                 "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"";
        m_out += num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) +
                 " " + num(height) + "\">\n";
        if (!info.title.empty()) {
            m_out += "<title>" + xml_escape(info.title) + "</title>\n";
        }
        if (!info.subject.empty()) {
            m_out += "<desc>" + xml_escape(info.subject) + "</desc>\n";
        }
        m_out += "<metadata>" + xml_escape(info.creator) +
                 (info.date.empty() ? "" : ", " + xml_escape(info.date)) + "</metadata>\n";
    }

    double width() const override { return m_width; }
    double height() const override { return m_height; }
    bool keeps_annotations() const override { return true; }

    void begin_layer(std::string_view name) override {
        m_out += "<g id=\"layer-" + xml_escape(name) + "\">\n";
    }
    void end_layer() override {
        m_out += "</g>\n";
        flush_if_large();
    }

    void push_clip(const Rect& r) override {
        const std::string id = "clip" + std::to_string(m_clip_count++);
        m_defs += "<clipPath id=\"" + id + "\"><rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) +
                  "\" width=\"" + num(r.width) + "\" height=\"" + num(r.height) +
                  "\"/></clipPath>\n";
        m_out += "<g clip-path=\"url(#" + id + ")\">\n";
    }
    void pop_clip() override { m_out += "</g>\n"; }

    void fill_rect(const Rect& r, Color fill, Color stroke, double stroke_width) override {
        m_out += "<rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" + num(r.width) +
                 "\" height=\"" + num(r.height) + "\"";
        append_color_attr(m_out, "fill", fill);
        if (stroke.visible() && stroke_width > 0.0) {
            append_color_attr(m_out, "stroke", stroke);
            m_out += " stroke-width=\"" + num(stroke_width) + "\"";
        }
        m_out += "/>\n";
    }

    void draw_area(std::span<const Ring> rings, const FillSymbol& s,
                   const MarkInfo& info) override {
        open_link(info);
        m_out += "<path";
        append_id(info);
        m_out += " d=\"";
        append_path_data(m_out, rings, true);
        m_out += "\" fill-rule=\"evenodd\"";
        if (s.fill.visible() && s.pattern == FillPattern::hatch) {
            m_out += " fill=\"url(#" + hatch_id(s) + ")\"";
        } else {
            append_color_attr(m_out, "fill", s.fill);
        }
        if (s.outline.visible() && s.outline_width > 0.0) {
            append_color_attr(m_out, "stroke", s.outline);
            m_out += " stroke-width=\"";
            append_number(m_out, s.outline_width);
            m_out += "\" stroke-linejoin=\"round\"";
            append_dash(m_out, s.outline_dash);
        }
        close_element("path", info);
        close_link(info);
        flush_if_large();
    }

    void draw_lines(std::span<const Ring> lines, const LineSymbol& s,
                    const MarkInfo& info) override {
        open_link(info);
        m_out += "<path";
        append_id(info);
        m_out += " d=\"";
        append_path_data(m_out, lines, false);
        m_out += "\" fill=\"none\"";
        append_color_attr(m_out, "stroke", s.color);
        m_out += " stroke-width=\"";
        append_number(m_out, s.width);
        m_out += s.cap == LineCap::round ? "\" stroke-linecap=\"round\"" : "\"";
        m_out += " stroke-linejoin=\"round\"";
        append_dash(m_out, s.dash);
        close_element("path", info);
        close_link(info);
        flush_if_large();
    }

    void draw_marker(Point at, const MarkerSymbol& m, const MarkInfo& info) override {
        open_link(info);
        m_out += "<use";
        if (!info.id.empty()) {
            m_out += " id=\"";
            m_out += xml_escape(info.id);
            m_out += '"';
        }
        m_out += " href=\"#"; // SVG 2 (browsers, Inkscape 1.x, librsvg): 6 bytes a mark less than
                              // xlink:href
        m_out += marker_id(m);
        m_out += "\" x=\"";
        append_number(m_out, at.x, 1);
        m_out += "\" y=\"";
        append_number(m_out, at.y, 1);
        if (info.title.empty()) {
            m_out += "\"/>\n";
        } else {
            m_out += "\"><title>";
            m_out += xml_escape(info.title);
            m_out += "</title></use>\n";
        }
        close_link(info);
        flush_if_large();
    }

    void draw_text(const TextRun& run) override {
        const TextStyle& st = run.style;
        const double x = run.origin.x;
        const double y = run.origin.y;
        m_out += "<text x=\"" + num(x) + "\" y=\"" + num(y + run.baseline) +
                 "\" font-family=\"Noto Sans, Noto Sans Armenian, sans-serif\" font-size=\"" +
                 num(st.size) + "\"";
        if (st.weight == FontWeight::bold) {
            m_out += " font-weight=\"bold\"";
        }
        if (st.style == FontStyle::italic) {
            m_out += " font-style=\"italic\"";
        }
        if (st.letter_spacing > 0.0) {
            m_out += " letter-spacing=\"" + num(st.letter_spacing) + "\"";
        }
        append_color_attr(m_out, "fill", st.color);
        if (st.halo.visible() && st.halo_width > 0.0) {
            append_color_attr(m_out, "stroke", st.halo);
            m_out += " stroke-width=\"" + num(st.halo_width * 2.0) +
                     "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
        }
        if (run.angle != 0.0) {
            m_out += " transform=\"rotate(" + num(run.angle * 180.0 / std::numbers::pi, 3) + " " +
                     num(x) + " " + num(y) + ")\"";
        }
        m_out += " xml:space=\"preserve\">" + xml_escape(run.text) + "</text>\n";
    }

    void finish() override {
        if (!m_defs.empty()) {
            m_out += "<defs>\n" + m_defs + "</defs>\n";
        }
        m_out += "</svg>\n";
        m_file.write(m_out.data(), m_out.size());
        m_out.clear();
        m_file.commit();
    }

private:
    // <a href="PREFIX+ID"> around an event's mark when the document asks for links.
    void open_link(const MarkInfo& info) {
        const std::string_view target = info.id.empty() ? info.event : info.id;
        if (!m_links.empty() && !target.empty()) {
            m_out += "<a href=\"";
            m_out += xml_escape(m_links);
            m_out += xml_escape(target);
            m_out += "\" target=\"_top\">";
        }
    }
    void close_link(const MarkInfo& info) {
        if (!m_links.empty() && (!info.id.empty() || !info.event.empty())) {
            m_out += "</a>\n";
        }
    }

    void append_id(const MarkInfo& info) {
        if (!info.id.empty()) {
            m_out += " id=\"";
            m_out += xml_escape(info.id);
            m_out += '"';
        }
        if (!info.event.empty()) {
            m_out += " data-event=\"";
            m_out += xml_escape(info.event);
            m_out += '"';
        }
    }
    // Ends an element, with a <title> child when the mark has one.
    void close_element(const char* name, const MarkInfo& info) {
        if (info.title.empty()) {
            m_out += "/>\n";
            return;
        }
        m_out += "><title>";
        m_out += xml_escape(info.title);
        m_out += "</title></";
        m_out += name;
        m_out += ">\n";
    }

    void flush_if_large() {
        if (m_out.size() > (1U << 20)) {
            m_file.write(m_out.data(), m_out.size());
            m_out.clear();
        }
    }

    const std::string& marker_id(const MarkerSymbol& m) {
        auto it = m_markers.find(m);
        if (it != m_markers.end()) {
            return it->second;
        }
        std::string id = "m" + std::to_string(m_markers.size());
        const double r = m.size / 2.0;
        std::string d = "<g id=\"" + id + "\">";
        std::string outline; // the shape without paint
        if (detail::is_round(m.shape)) {
            outline = "<circle r=\"" + num(r) + "\"";
        } else {
            std::string pts;
            for (const auto& p : detail::marker_polygon(m.shape, r)) {
                pts += (pts.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
            }
            outline = "<polygon points=\"" + pts + "\" stroke-linejoin=\"round\"";
        }
        std::string paint;
        const bool split = m.fill_right.visible() && m.shape != MarkerShape::ring;
        if (split) {
            // Each half filled through a clip path; the outline drawn once on top. The left half
            // reaches a little past the middle, under the right one (no seam).
            const double pad = r + m.stroke_width + 1.0;
            const std::string left = id + "l";
            const std::string right = id + "r";
            m_defs += "<clipPath id=\"" + left + "\"><rect x=\"" + num(-pad) + "\" y=\"" +
                      num(-pad) + "\" width=\"" + num(pad + 0.5) + "\" height=\"" + num(2 * pad) +
                      "\"/></clipPath>\n<clipPath id=\"" + right + "\"><rect x=\"0\" y=\"" +
                      num(-pad) + "\" width=\"" + num(pad) + "\" height=\"" + num(2 * pad) +
                      "\"/></clipPath>\n";
            for (const auto& [clip, colour] : {std::pair{left, m.fill}, {right, m.fill_right}}) {
                std::string fill;
                append_color_attr(fill, "fill", colour);
                d += outline + fill + " clip-path=\"url(#" + clip + ")\"/>";
            }
            append_color_attr(paint, "fill", Color{0, 0, 0, 0});
        } else {
            append_color_attr(paint, "fill",
                              m.shape == MarkerShape::ring ? Color{0, 0, 0, 0} : m.fill);
        }
        if (m.stroke.visible() && m.stroke_width > 0.0) {
            append_color_attr(paint, "stroke", m.stroke);
            paint += " stroke-width=\"" + num(m.stroke_width) + "\"";
            append_dash(paint, m.dash);
        }
        d += outline + paint + "/>";
        if (m.shape == MarkerShape::barrier) {
            const Rect bar = detail::barrier_bar(r);
            std::string fill;
            append_color_attr(fill, "fill", m.stroke.visible() ? m.stroke : Color{1, 1, 1, 1});
            d += "<rect x=\"" + num(bar.x) + "\" y=\"" + num(bar.y) + "\" width=\"" +
                 num(bar.width) + "\" height=\"" + num(bar.height) + "\"" + fill + "/>";
        }
        d += "</g>\n";
        m_defs += d;
        return m_markers.emplace(m, std::move(id)).first->second;
    }

    std::string hatch_id(const FillSymbol& s) {
        const std::string key =
            s.fill.hex() + "/" + num(s.hatch_spacing) + "/" + num(s.hatch_width);
        auto it = m_hatches.find(key);
        if (it != m_hatches.end()) {
            return it->second;
        }
        std::string id = "hatch" + std::to_string(m_hatches.size());
        std::string fill;
        append_color_attr(fill, "fill", s.fill);
        m_defs += "<pattern id=\"" + id + "\" patternUnits=\"userSpaceOnUse\" width=\"" +
                  num(s.hatch_spacing) + "\" height=\"" + num(s.hatch_spacing) +
                  "\" patternTransform=\"rotate(45)\"><rect x=\"0\" y=\"0\" width=\"" +
                  num(s.hatch_width) + "\" height=\"" + num(s.hatch_spacing) + "\"" + fill +
                  "/></pattern>\n";
        return m_hatches.emplace(key, std::move(id)).first->second;
    }

    detail::AtomicFile m_file;
    double m_width;
    double m_height;
    std::string m_links; // DocumentInfo::mark_links
    std::string m_out;
    std::string m_defs;
    std::map<MarkerSymbol, std::string> m_markers;
    std::map<std::string, std::string> m_hatches;
    int m_clip_count = 0;
};

} // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            // Control characters other than tab/newline are not allowed in XML 1.0.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out += ' ';
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::unique_ptr<Canvas> make_svg_canvas(const std::filesystem::path& path, double width,
                                        double height, const DocumentInfo& info) {
    if (!(width >= 1.0 && height >= 1.0) || width > 32767.0 || height > 32767.0) {
        throw usage_error(path.string() + ": map size " + std::to_string(std::lround(width)) + "x" +
                          std::to_string(std::lround(height)) +
                          " is out of range (1..32767 per side)");
    }
    return std::make_unique<SvgCanvas>(path, width, height, info);
}

} // namespace sitmap::render
