#include "render/furniture.hpp"

#include "render/arrow.hpp"

#include "geo/core/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace sitmap::render {
namespace {

constexpr Color ink{0.07, 0.07, 0.07, 1.0};
constexpr Color grey{0.33, 0.33, 0.33, 1.0};
constexpr Color no_halo{1, 1, 1, 0};

TextStyle text(double size, FontWeight weight = FontWeight::normal, Color color = ink) {
    TextStyle t;
    t.size = size;
    t.weight = weight;
    t.color = color;
    t.halo = no_halo;
    t.halo_width = 0.0;
    return t;
}

TextStyle attribution_style(double unit) {
    return text(8.0 * unit, FontWeight::normal, grey);
}

double legend_row_height(const LegendEntry& e, double unit) {
    double h = 15.0 * unit;
    for (const auto& s : e.samples) {
        if (const auto* m = std::get_if<MarkerSymbol>(&s)) {
            h = std::max(h, m->size + m->stroke_width + 4.0 * unit);
        }
    }
    return h;
}

double sample_width(const LegendEntry& e, double unit) {
    if (e.layout == SampleLayout::row) {
        double w = 0.0;
        for (const auto& s : e.samples) {
            if (const auto* m = std::get_if<MarkerSymbol>(&s)) {
                w += m->size + m->stroke_width + 4.0 * unit;
            }
        }
        return std::max(w, 26.0 * unit);
    }
    double w = 26.0 * unit;
    for (const auto& s : e.samples) {
        if (const auto* m = std::get_if<MarkerSymbol>(&s)) {
            w = std::max(w, m->size + m->stroke_width + 2.0 * unit);
        }
    }
    return w;
}

void draw_sample(Canvas& canvas, const Symbol& s, Point c, double width, double unit) {
    std::visit(
        [&](const auto& sym) {
            using T = std::decay_t<decltype(sym)>;
            if constexpr (std::is_same_v<T, MarkerSymbol>) {
                canvas.draw_marker(c, sym, MarkInfo{});
            } else if constexpr (std::is_same_v<T, LineSymbol>) {
                // Round caps of a wide line (a border-sector band) stay inside the sample.
                const double inset =
                    2 * unit + (sym.cap == LineCap::round ? std::min(sym.width / 2, width / 4) : 0);
                const Ring line = {{c.x - width / 2 + inset, c.y}, {c.x + width / 2 - inset, c.y}};
                canvas.draw_lines(std::span<const Ring>(&line, 1), sym, MarkInfo{});
                ArrowTip tip;
                if (sym.arrow.head_length > 0.0 && arrow_tip(line, sym.arrow, tip)) {
                    // A direction arrow: its head and its dot, as on the map.
                    const Ring head = arrow_head(tip, sym.arrow);
                    FillSymbol fill;
                    fill.fill = sym.color;
                    canvas.draw_area(std::span<const Ring>(&head, 1), fill, MarkInfo{});
                    if (sym.arrow.tail_dot > 0.0) {
                        canvas.draw_marker(line.front(), arrow_tail(sym), MarkInfo{});
                    }
                }
            } else {
                const double w = std::min(width - 4 * unit, 22.0 * unit);
                const double h = 12.0 * unit;
                const Ring ring = {{c.x - w / 2, c.y - h / 2},
                                   {c.x + w / 2, c.y - h / 2},
                                   {c.x + w / 2, c.y + h / 2},
                                   {c.x - w / 2, c.y + h / 2},
                                   {c.x - w / 2, c.y - h / 2}};
                canvas.draw_area(std::span<const Ring>(&ring, 1), sym, MarkInfo{});
            }
        },
        s);
}

double nice_km(double target) {
    if (target <= 0.0) {
        return 1.0;
    }
    const double p = std::pow(10.0, std::floor(std::log10(target)));
    for (const double m : {5.0, 2.0, 1.0}) {
        if (m * p <= target) {
            return m * p;
        }
    }
    return p;
}

std::string km_text(double km) {
    std::ostringstream ss;
    ss << km;
    return ss.str();
}

void project_geometry(const MapView& view, const geo::Geometry& g, std::vector<Ring>& rings,
                      double tol) {
    rings.clear();
    auto add = [&](const geo::Path& p) {
        Ring r;
        view.project(p, r, tol);
        if (r.size() >= 2) {
            rings.push_back(std::move(r));
        }
    };
    if (const auto* a = std::get_if<geo::AreaGeom>(&g)) {
        for (const auto& poly : a->polygons) {
            for (const auto& ring : poly) {
                add(ring);
            }
        }
    } else if (const auto* l = std::get_if<geo::LinesGeom>(&g)) {
        for (const auto& line : l->lines) {
            add(line);
        }
    }
}

} // namespace

PageLayout layout_page(double width, double height, double unit, std::size_t attribution_lines) {
    PageLayout l;
    l.page = {0, 0, width, height};
    const double margin = 14.0 * unit;
    const double title_h = margin + 21.0 * unit * 1.35 + 12.0 * unit * 1.4 + 6.0 * unit;
    const double attr_h =
        8.0 * unit + static_cast<double>(attribution_lines) * 8.0 * unit * 1.45 + 6.0 * unit;
    l.title_band = {margin, margin * 0.8, width - 2 * margin, title_h - margin * 0.8};
    l.frame = {margin, title_h, width - 2 * margin, std::max(height - title_h - attr_h, 10.0)};
    l.attribution_band = {margin, l.frame.bottom() + 5.0 * unit, width - 2 * margin,
                          attr_h - 5.0 * unit};
    return l;
}

void draw_title(Canvas& canvas, const TextShaper& shaper, const Rect& band,
                const std::string& title, const std::string& subtitle, double unit) {
    canvas.begin_layer("title");
    const TextRun t = shaper.run(title, text(21.0 * unit, FontWeight::bold), {band.x, band.y});
    canvas.draw_text(t);
    if (!subtitle.empty()) {
        canvas.draw_text(shaper.run(subtitle, text(12.0 * unit, FontWeight::normal, grey),
                                    {band.x, band.y + t.height + 1.0 * unit}));
    }
    canvas.end_layer();
}

Rect legend_box(const TextShaper& shaper, const std::vector<LegendEntry>& entries,
                const Rect& frame, double unit) {
    if (entries.empty()) {
        return {frame.x, frame.bottom(), 0, 0};
    }
    const double pad = 8.0 * unit;
    double stacked_w = 26.0 * unit;
    for (const auto& e : entries) {
        if (e.layout == SampleLayout::stacked) {
            stacked_w = std::max(stacked_w, sample_width(e, unit));
        }
    }
    double content_w = shaper.measure("Legend", text(10.5 * unit, FontWeight::bold)).width;
    double h = pad + 10.5 * unit * 1.5;
    for (const auto& e : entries) {
        const double samples =
            e.layout == SampleLayout::row ? std::max(sample_width(e, unit), stacked_w) : stacked_w;
        content_w = std::max(content_w, samples + 6.0 * unit +
                                            shaper.measure(e.label, text(9.5 * unit)).width);
        h += legend_row_height(e, unit);
    }
    h += pad * 0.7;
    const double w = pad + content_w + pad;
    return {frame.x + 10.0 * unit, frame.bottom() - 10.0 * unit - h, w, h};
}

void draw_legend(Canvas& canvas, const TextShaper& shaper, const std::vector<LegendEntry>& entries,
                 const Rect& box, double unit) {
    if (entries.empty()) {
        return;
    }
    canvas.begin_layer("legend");
    canvas.fill_rect(box, {1, 1, 1, 0.93}, {0.55, 0.55, 0.55, 1}, 0.6 * unit);
    const double pad = 8.0 * unit;
    canvas.draw_text(shaper.run("Legend", text(10.5 * unit, FontWeight::bold),
                                {box.x + pad, box.y + pad * 0.7}));
    double sample_w = 26.0 * unit;
    for (const auto& e : entries) {
        if (e.layout == SampleLayout::stacked) {
            sample_w = std::max(sample_w, sample_width(e, unit));
        }
    }
    double y = box.y + pad + 10.5 * unit * 1.5;
    for (const auto& e : entries) {
        const double row = legend_row_height(e, unit);
        const double cy = y + row / 2;
        if (e.layout == SampleLayout::row) {
            double x = box.x + pad;
            for (const auto& s : e.samples) {
                if (const auto* m = std::get_if<MarkerSymbol>(&s)) {
                    const double w = m->size + m->stroke_width + 4.0 * unit;
                    draw_sample(canvas, s, {x + w / 2, cy}, w, unit);
                    x += w;
                }
            }
        } else {
            for (const auto& s : e.samples) {
                draw_sample(canvas, s, {box.x + pad + sample_w / 2, cy}, sample_w, unit);
            }
        }
        const double samples =
            e.layout == SampleLayout::row ? std::max(sample_width(e, unit), sample_w) : sample_w;
        const TextRun label = shaper.run(e.label, text(9.5 * unit), {0, 0});
        canvas.draw_text(shaper.run(e.label, text(9.5 * unit),
                                    {box.x + pad + samples + 6.0 * unit, cy - label.height / 2}));
        y += row;
    }
    canvas.end_layer();
}

ScaleBar scale_bar(const MapView& view, double unit) {
    const Rect& f = view.frame();
    const Point c{f.x + f.width / 2, f.y + f.height / 2};
    const double probe = 50.0 * unit;
    const geo::LonLat a = view.to_lonlat({c.x - probe, c.y});
    const geo::LonLat b = view.to_lonlat({c.x + probe, c.y});
    const double metres_per_unit = geo::distance_m(a, b) / (2.0 * probe);
    ScaleBar bar;
    const double target = f.width * 0.16;
    bar.km = nice_km(target * metres_per_unit / 1000.0);
    bar.length = bar.km * 1000.0 / metres_per_unit;
    const double w = bar.length + 34.0 * unit;
    const double h = 38.0 * unit;
    bar.box = {f.right() - 10.0 * unit - w, f.bottom() - 10.0 * unit - h, w, h};
    return bar;
}

void draw_scale_bar(Canvas& canvas, const TextShaper& shaper, const ScaleBar& bar, double unit) {
    canvas.begin_layer("scale-bar");
    canvas.fill_rect(bar.box, {1, 1, 1, 0.9}, {0.55, 0.55, 0.55, 1}, 0.6 * unit);
    const double x0 = bar.box.x + 17.0 * unit;
    const double y0 = bar.box.y + 17.0 * unit;
    const double h = 5.0 * unit;
    for (int i = 0; i < 4; ++i) {
        const double seg = bar.length / 4;
        canvas.fill_rect({x0 + i * seg, y0, seg, h}, i % 2 == 0 ? ink : Color{1, 1, 1, 1}, ink,
                         0.6 * unit);
    }
    const TextStyle ts = text(8.5 * unit);
    for (const double f : {0.0, 0.5, 1.0}) {
        const std::string label = f == 1.0 ? km_text(bar.km) + " km" : km_text(bar.km * f);
        const TextRun r = shaper.run(label, ts, {0, 0});
        const double anchor = f == 1.0
                                  ? x0 + bar.length - shaper.measure(km_text(bar.km), ts).width / 2
                                  : x0 + f * bar.length - r.width / 2;
        canvas.draw_text(shaper.run(label, ts, {anchor, y0 - r.height - 1.0 * unit}));
    }
    const TextStyle small = text(7.0 * unit, FontWeight::normal, grey);
    canvas.draw_text(shaper.run("true at the map centre", small, {x0, y0 + h + 2.0 * unit}));
    canvas.end_layer();
}

double true_north_angle(const MapView& view, Point p) {
    const geo::LonLat ll = view.to_lonlat(p);
    const Point q = view.to_canvas(geo::LonLat{ll.lon, std::min(ll.lat + 0.05, 89.9)});
    return std::atan2(q.x - p.x, -(q.y - p.y));
}

Rect north_arrow_box(const ScaleBar& bar, double unit) {
    const double w = 30.0 * unit;
    const double h = 46.0 * unit;
    return {bar.box.right() - w, bar.box.y - 6.0 * unit - h, w, h};
}

void draw_north_arrow(Canvas& canvas, const TextShaper& shaper, const MapView& view,
                      const Rect& box, double unit) {
    canvas.begin_layer("north-arrow");
    canvas.fill_rect(box, {1, 1, 1, 0.9}, {0.55, 0.55, 0.55, 1}, 0.6 * unit);
    const Point c{box.x + box.width / 2, box.y + box.height * 0.6};
    const double a = true_north_angle(view, c);
    const double len = 14.0 * unit;
    const double half = 5.5 * unit;
    auto rot = [&](double x, double y) {
        // (x, y) in arrow coordinates, y up along north.
        return Point{c.x + x * std::cos(a) + y * std::sin(a),
                     c.y + x * std::sin(a) - y * std::cos(a)};
    };
    const Ring left = {rot(0, len), rot(-half, -len * 0.75), rot(0, -len * 0.4), rot(0, len)};
    const Ring right = {rot(0, len), rot(half, -len * 0.75), rot(0, -len * 0.4), rot(0, len)};
    FillSymbol dark;
    dark.fill = ink;
    dark.outline = ink;
    dark.outline_width = 0.7 * unit;
    FillSymbol light = dark;
    light.fill = {1, 1, 1, 1};
    canvas.draw_area(std::span<const Ring>(&left, 1), dark, MarkInfo{});
    canvas.draw_area(std::span<const Ring>(&right, 1), light, MarkInfo{});
    const TextStyle ts = text(10.0 * unit, FontWeight::bold);
    const TextMetrics m = shaper.measure("N", ts);
    const Point tip = rot(0, len + 2.0 * unit + m.height / 2);
    canvas.draw_text(shaper.run("N", ts, {tip.x - m.width / 2, tip.y - m.height / 2}));
    canvas.end_layer();
}

Rect inset_box(const Rect& frame, double unit) {
    const double w = std::max(frame.width * 0.2, 90.0 * unit);
    const double h = w * 0.78;
    return {frame.right() - 10.0 * unit - w, frame.y + 10.0 * unit, w, h};
}

void draw_inset(Canvas& canvas, const MapView& main, const LayerSource& countries,
                const Style& style, const Rect& box, double unit) {
    const geo::BBox mb = main.lonlat_bounds();
    const double cx = (mb.west + mb.east) / 2;
    const double cy = (mb.south + mb.north) / 2;
    const double span_x = std::max((mb.east - mb.west) * 3.5, 9.0);
    const double span_y = std::max((mb.north - mb.south) * 3.5, 6.0);
    geo::BBox target{cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2};
    const geo::BBox data = countries.extent();
    if (!data.empty()) {
        // Do not show more than the basemap covers, but always keep the main map inside.
        target.west = std::min(std::max(target.west, data.west), mb.west);
        target.east = std::max(std::min(target.east, data.east), mb.east);
        target.south = std::min(std::max(target.south, data.south), mb.south);
        target.north = std::max(std::min(target.north, data.north), mb.north);
    }
    const geo::Projection& proj = main.projection();
    geo::XY lo{1e300, 1e300};
    geo::XY hi{-1e300, -1e300};
    for (int i = 0; i <= 16; ++i) {
        const double t = i / 16.0;
        for (const geo::LonLat p :
             {geo::LonLat{target.west + t * (target.east - target.west), target.south},
              geo::LonLat{target.west + t * (target.east - target.west), target.north},
              geo::LonLat{target.west, target.south + t * (target.north - target.south)},
              geo::LonLat{target.east, target.south + t * (target.north - target.south)}}) {
            const geo::XY xy = proj.forward(p);
            if (std::isfinite(xy.x)) {
                lo = {std::min(lo.x, xy.x), std::min(lo.y, xy.y)};
                hi = {std::max(hi.x, xy.x), std::max(hi.y, xy.y)};
            }
        }
    }
    const Rect inner = box.inflated(-1.0 * unit);
    const MapView inset(proj, inner, lo, hi);

    canvas.begin_layer("inset");
    canvas.fill_rect(box, style.layer("background").background_color);
    canvas.push_clip(inner);
    Query q;
    q.bbox = inset.lonlat_bounds();
    q.unit = unit * 0.5;
    q.style = &style;
    std::vector<Ring> rings;
    countries.features(q, [&](const Mark& m) {
        const auto* fill = std::get_if<FillSymbol>(&m.symbol);
        if (fill == nullptr || m.geometry == nullptr) {
            return;
        }
        FillSymbol s = *fill;
        s.outline_width = 0.5 * unit;
        project_geometry(inset, *m.geometry, rings, 0.4 * unit);
        canvas.draw_area(rings, s, MarkInfo{});
    });
    // The main map's frame.
    Ring outline;
    const Rect& f = main.frame();
    for (int i = 0; i <= 40; ++i) {
        const double t = i / 40.0;
        Point p;
        if (t <= 0.25) {
            p = {f.x + t * 4 * f.width, f.y};
        } else if (t <= 0.5) {
            p = {f.right(), f.y + (t - 0.25) * 4 * f.height};
        } else if (t <= 0.75) {
            p = {f.right() - (t - 0.5) * 4 * f.width, f.bottom()};
        } else {
            p = {f.x, f.bottom() - (t - 0.75) * 4 * f.height};
        }
        const geo::LonLat ll = main.to_lonlat(p);
        if (std::isfinite(ll.lon)) {
            outline.push_back(inset.to_canvas(ll));
        }
    }
    LineSymbol frame_line;
    frame_line.color = {0.78, 0.06, 0.18, 1};
    frame_line.width = 1.6 * unit;
    frame_line.cap = LineCap::butt;
    canvas.draw_lines(std::span<const Ring>(&outline, 1), frame_line, MarkInfo{});
    canvas.pop_clip();
    canvas.fill_rect(box, {0, 0, 0, 0}, {0.35, 0.35, 0.35, 1}, 0.8 * unit);
    canvas.end_layer();
}

std::vector<std::string> wrap_attribution(const TextShaper& shaper,
                                          const std::vector<std::string>& lines, double width,
                                          double unit) {
    const TextStyle ts = attribution_style(unit);
    std::vector<std::string> out;
    for (const auto& line : lines) {
        std::istringstream words(line);
        std::string word;
        std::string current;
        while (words >> word) {
            const std::string candidate = current.empty() ? word : current + " " + word;
            if (!current.empty() && shaper.measure(candidate, ts).width > width) {
                out.push_back(current);
                current = word;
            } else {
                current = candidate;
            }
        }
        if (!current.empty()) {
            out.push_back(current);
        }
    }
    return out;
}

void draw_attribution(Canvas& canvas, const TextShaper& shaper, const Rect& band,
                      const std::vector<std::string>& lines, double unit) {
    canvas.begin_layer("attribution");
    const TextStyle ts = attribution_style(unit);
    double y = band.y;
    for (const auto& line : lines) {
        const TextRun r = shaper.run(line, ts, {band.x, y});
        canvas.draw_text(r);
        y += r.height * 1.05;
    }
    canvas.end_layer();
}

} // namespace sitmap::render
