#include "render/map.hpp"

#include "geo/core/error.hpp"
#include "geo/projection/projection.hpp"
#include "render/arrow.hpp"
#include "render/furniture.hpp"
#include "render/map_view.hpp"
#include "render/svg_canvas.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <cairo.h>
#include <pango/pango.h>

namespace sitmap::render {
namespace {

constexpr geo::BBox default_region{43.4, 38.3, 50.6, 42.0}; // the South Caucasus

geo::BBox merge(geo::BBox a, const geo::BBox& b) {
    if (b.empty()) {
        return a;
    }
    if (a.empty()) {
        return b;
    }
    return {std::min(a.west, b.west), std::min(a.south, b.south), std::max(a.east, b.east),
            std::max(a.north, b.north)};
}

geo::BBox point_box(geo::LonLat p) {
    return {p.lon, p.lat, p.lon, p.lat};
}

bool inside(const geo::BBox& b, geo::LonLat p) {
    return p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) {
            break;
        }
        start = pos + 1;
    }
    return out;
}

std::optional<double> to_number(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    double v = 0.0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

// auto: every incident and checkpoint (and context events near them), padded, never smaller
// than a readable regional context.
geo::BBox auto_extent(const EventSet* events) {
    geo::BBox core{0, 0, -1, -1};
    if (events != nullptr) {
        for (const auto& e : events->events) {
            if (geo::layer_of(e.kind) != geo::EventLayer::context) {
                core = merge(core, point_box(e.location));
                if (e.precision == geo::GeoPrecision::region) {
                    core = merge(core, geo::bbox(e.geometry));
                }
            }
        }
        const geo::BBox near = core.empty() ? default_region
                                            : geo::BBox{core.west - 1.5, core.south - 1.2,
                                                        core.east + 1.5, core.north + 1.2};
        for (const auto& e : events->events) {
            if (geo::layer_of(e.kind) == geo::EventLayer::context && inside(near, e.location)) {
                core = merge(core, point_box(e.location));
            }
        }
    }
    if (core.empty()) {
        return default_region;
    }
    const double cx = (core.west + core.east) / 2;
    const double cy = (core.south + core.north) / 2;
    const double w = std::max((core.east - core.west) * 1.4, 2.6);
    const double h = std::max((core.north - core.south) * 1.4, 1.8);
    return {cx - w / 2, std::max(cy - h / 2, -85.0), cx + w / 2, std::min(cy + h / 2, 85.0)};
}

geo::BBox resolve_extent(const MapOptions& opt, const EventSet* events) {
    const std::string& spec = opt.extent;
    if (spec.empty() || spec == "auto") {
        return auto_extent(events);
    }
    const auto parts = split(spec, ',');
    if (parts.size() == 4) {
        std::array<double, 4> v{};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto n = to_number(parts[i]);
            if (!n) {
                throw usage_error("--extent '" + spec + "': '" + parts[i] + "' is not a number");
            }
            v[i] = *n;
        }
        const geo::BBox b{v[0], v[1], v[2], v[3]};
        if (b.west < -180 || b.east > 180 || b.south < -90 || b.north > 90) {
            throw usage_error("--extent '" + spec + "': out of range (W,S,E,N in degrees)");
        }
        if (b.west >= b.east || b.south >= b.north) {
            throw usage_error(
                "--extent '" + spec +
                "': inverted or empty extent (expected W,S,E,N with W < E and S < N)");
        }
        return b;
    }
    // PLACE[:RADIUS_KM]
    std::string place = spec;
    double radius_km = 40.0;
    if (const auto colon = spec.rfind(':'); colon != std::string::npos) {
        const auto r = to_number(std::string_view(spec).substr(colon + 1));
        if (!r || *r <= 0.0 || *r > 5000.0) {
            throw usage_error("--extent '" + spec +
                              "': radius must be a number of km in (0, 5000]");
        }
        radius_km = *r;
        place = spec.substr(0, colon);
    }
    std::optional<geo::LonLat> where;
    if (opt.find_place) {
        where = opt.find_place(place);
    }
    if (!where) {
        throw usage_error("--extent '" + spec + "': unknown place '" + place +
                          "' (expected auto, W,S,E,N or PLACE[:RADIUS_KM])");
    }
    return geo::bbox(geo::AreaGeom{{{geo::geodesic_circle(*where, radius_km * 1000.0)}}});
}

std::string kind_phrase(const EventRecord& e) {
    std::string k(geo::to_string(e.kind));
    std::replace(k.begin(), k.end(), '_', ' ');
    return k;
}

// "79,877 incidents".
std::string count_text(std::size_t n, const char* one, const char* many) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    out.push_back(' ');
    out.append(n == 1 ? one : many);
    return out;
}

// The period of the events inside the extent and how many of each layer there are.
std::string subtitle_for(const EventSet* events, const geo::BBox& extent) {
    std::string begin;
    std::string end;
    std::array<std::size_t, 3> counts{}; // by geo::EventLayer
    if (events != nullptr) {
        for (const auto& e : events->events) {
            if (!inside(extent, e.location)) {
                continue;
            }
            if (begin.empty() || e.date_begin.view() < begin) {
                begin = e.date_begin.str();
            }
            if (end.empty() || e.date_end.view() > end) {
                end = e.date_end.str();
            }
            ++counts[static_cast<std::size_t>(geo::layer_of(e.kind))];
        }
    }
    std::string subtitle =
        begin.empty() ? std::string("No dated events on this map") : format_date_range(begin, end);
    if (counts[0] > 0) {
        subtitle += " · " + count_text(counts[0], "incident", "incidents");
    }
    if (counts[1] > 0) {
        subtitle += " · " + count_text(counts[1], "checkpoint or blockade event",
                                       "checkpoint or blockade events");
    }
    if (counts[2] > 0) {
        subtitle += " · " + count_text(counts[2], "other event", "other events");
    }
    return subtitle;
}

} // namespace

struct MapRenderer::Impl {
    MapOptions opt;
    std::vector<std::unique_ptr<LayerSource>> layers;
    std::shared_ptr<const EventSet> events;
    geo::BBox extent;
    std::string crs;
    std::unique_ptr<geo::Projection> projection;
    double unit = 1.0;
    TextShaper shaper;
    PageLayout layout;
    std::unique_ptr<MapView> view;
    std::vector<std::string> attribution;
    std::vector<std::string> outside;

    class Pass;
};

MapRenderer::MapRenderer(MapOptions options, std::vector<std::unique_ptr<LayerSource>> layers,
                         std::shared_ptr<const EventSet> events)
    : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.opt = std::move(options);
    d.layers = std::move(layers);
    d.events = std::move(events);
    const auto& lang = d.opt.lang;
    if (lang != "en" && lang != "hy" && lang != "az" && lang != "ru") {
        throw usage_error("--lang '" + lang + "': expected en, hy, az or ru");
    }
    const PageSize& size = d.opt.size;
    if (!(size.width >= 1 && size.height >= 1) || size.width * size.pixel_scale > 20000 ||
        size.height * size.pixel_scale > 20000) {
        throw usage_error("map size " + std::to_string(std::lround(size.width * size.pixel_scale)) +
                          "x" + std::to_string(std::lround(size.height * size.pixel_scale)) +
                          " is out of range (1 to 20000 pixels a side)");
    }
    d.extent = resolve_extent(d.opt, d.events.get());
    d.crs = d.opt.crs.empty() ? geo::Projection::suggest_for(d.extent) : d.opt.crs;
    d.projection = std::make_unique<geo::Projection>(d.crs);
    d.unit = std::clamp(std::sqrt(size.width * size.height / (1200.0 * 800.0)), 0.35, 6.0);

    // The projected box of the extent (edges densified: parallels are curves).
    geo::XY lo{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    geo::XY hi{-lo.x, -lo.y};
    const geo::BBox& e = d.extent;
    for (int i = 0; i <= 32; ++i) {
        const double t = i / 32.0;
        for (const geo::LonLat p : {geo::LonLat{e.west + t * (e.east - e.west), e.south},
                                    geo::LonLat{e.west + t * (e.east - e.west), e.north},
                                    geo::LonLat{e.west, e.south + t * (e.north - e.south)},
                                    geo::LonLat{e.east, e.south + t * (e.north - e.south)}}) {
            const geo::XY xy = d.projection->forward(p);
            if (std::isfinite(xy.x) && std::isfinite(xy.y)) {
                lo = {std::min(lo.x, xy.x), std::min(lo.y, xy.y)};
                hi = {std::max(hi.x, xy.x), std::max(hi.y, xy.y)};
            }
        }
    }
    if (!(hi.x > lo.x && hi.y > lo.y)) {
        throw usage_error("CRS '" + d.crs + "' cannot show the extent " + std::to_string(e.west) +
                          "," + std::to_string(e.south) + "," + std::to_string(e.east) + "," +
                          std::to_string(e.north));
    }

    // Attribution: what the data is, where it comes from, how it is projected.
    std::vector<std::string> lines;
    lines.push_back("Events as reported in the news sources; casualty figures are the highest "
                    "claimed by any side; claims are attributed, not verified.");
    std::string sources;
    std::set<std::string> seen;
    for (const auto& layer : d.layers) {
        for (const auto& a : layer->attribution()) {
            if (seen.insert(a).second) {
                sources += (sources.empty() ? "" : " · ") + a;
            }
        }
    }
    if (!sources.empty()) {
        lines.push_back(sources + ".");
    }
    lines.push_back("Projection: " + d.projection->name() +
                    (d.opt.crs.empty() ? " (conformal, chosen for this extent)" : "") +
                    ". Made with sitmap.");
    // A first layout to know the frame, then the events that fall outside it.
    d.layout = layout_page(size.width, size.height, d.unit, lines.size() + 1);
    d.view = std::make_unique<MapView>(*d.projection, d.layout.frame, lo, hi);
    if (d.events) {
        const geo::BBox shown = d.view->lonlat_bounds();
        std::string outside;
        std::size_t count = 0;
        for (const auto& ev : d.events->events) {
            if (inside(shown, ev.location)) {
                continue;
            }
            ++count;
            if (count <= 4) {
                d.outside.push_back(kind_phrase(ev) +
                                    (ev.place_name.empty() ? "" : " at " + ev.place_name) + " (" +
                                    format_date_range(ev.date_begin, ev.date_end) + ")");
                outside += (outside.empty() ? "" : "; ") + d.outside.back();
            }
        }
        if (count > 4) {
            outside += "; and " + std::to_string(count - 4) + " more";
        }
        if (count > 0) {
            lines.push_back("Not on this map (outside the extent): " + outside + ".");
        }
    }
    if (!d.opt.not_located.empty()) {
        constexpr std::size_t listed = 6;
        std::string names;
        for (std::size_t i = 0; i < d.opt.not_located.size() && i < listed; ++i) {
            names += (i == 0 ? "" : ", ") + d.opt.not_located[i];
        }
        if (d.opt.not_located.size() > listed) {
            names += " and " + std::to_string(d.opt.not_located.size() - listed) + " more";
        }
        lines.push_back(
            "Not located (named as places in the sources, not in the gazetteer): " + names + ".");
    }
    d.attribution = wrap_attribution(d.shaper, lines, d.layout.attribution_band.width, d.unit);
    d.layout = layout_page(size.width, size.height, d.unit, d.attribution.size());
    d.view = std::make_unique<MapView>(*d.projection, d.layout.frame, lo, hi);
}

MapRenderer::~MapRenderer() = default;

const geo::BBox& MapRenderer::requested_extent() const {
    return m_impl->extent;
}
const std::string& MapRenderer::crs() const {
    return m_impl->crs;
}
const MapOptions& MapRenderer::options() const {
    return m_impl->opt;
}
Point MapRenderer::to_canvas(geo::LonLat p) const {
    return m_impl->view->to_canvas(p);
}

// One render call, in the phases of Mapnik's feature_style_processor: apply() walks the layers
// (apply_to_layer), each feature's symbol is drawn as it arrives (render_mark), then the labels
// are placed around what was drawn, then the furniture and the title. The state the phases share
// lives here, for one call.
class MapRenderer::Impl::Pass {
public:
    Pass(const Impl& d, Canvas& canvas)
        : m_d(d), m_canvas(canvas), m_view(*d.view), m_frame(m_view.frame()), m_unit(d.unit),
          m_style(d.opt.style), m_obstacles(m_frame, 32.0 * d.unit),
          m_visible(m_frame.inflated(20.0 * d.unit)) {
        m_report.crs = d.crs;
        m_report.projection = d.projection->name();
        m_report.extent = m_view.lonlat_bounds();
        m_report.events_outside = d.outside;
    }

    RenderReport apply() {
        begin_page();
        for (const auto& layer : m_d.layers) {
            apply_to_layer(*layer);
        }
        std::vector<LegendEntry> legend = legend_on_map();
        collect_warnings();
        const Furniture furniture = place_furniture(legend);
        render_labels();
        render_furniture(legend, furniture);
        render_title();
        return std::move(m_report);
    }

private:
    struct Furniture {
        Rect legend;
        ScaleBar bar;
        Rect arrow;
        Rect inset;
        const LayerSource* countries = nullptr; // the inset's outlines; null: no inset
    };

    // The page, the map frame clipped, the background (sea) inside it; the query every layer is
    // asked with: the shown extent and a margin, so that marks at the edge are not cut off.
    void begin_page() {
        m_canvas.fill_rect(m_d.layout.page, {1, 1, 1, 1});
        m_canvas.push_clip(m_frame);
        m_canvas.fill_rect(m_frame, m_style.layer("background").background_color);
        const geo::BBox b = m_report.extent;
        const double mx = (b.east - b.west) * 0.03;
        const double my = (b.north - b.south) * 0.03;
        m_query.bbox = {b.west - mx, b.south - my, b.east + mx, b.north + my};
        m_query.unit = m_unit;
        m_query.map_area = m_frame.width * m_frame.height;
        m_query.lang = m_d.opt.lang;
        m_query.style = &m_style;
        m_query.annotate = m_canvas.keeps_annotations();
    }

    void apply_to_layer(const LayerSource& layer) {
        if (!m_style.visible(layer.name())) {
            return; // layout.visibility "none"
        }
        m_canvas.begin_layer(layer.name());
        layer.features(m_query, [this](const Mark& m) { render_mark(m); });
        m_canvas.end_layer();
    }

    void render_mark(const Mark& m) {
        if (m.geometry == nullptr) {
            return;
        }
        if (const auto* marker = std::get_if<MarkerSymbol>(&m.symbol)) {
            render_marker(m, *marker);
        } else if (!std::holds_alternative<geo::PointGeom>(*m.geometry)) {
            render_path(m); // a line or fill symbol on a point: nothing to draw
        }
    }

    void render_marker(const Mark& m, const MarkerSymbol& marker) {
        const geo::Geometry& g = *m.geometry;
        const geo::LonLat ll = std::holds_alternative<geo::PointGeom>(g)
                                   ? std::get<geo::PointGeom>(g).point
                                   : geo::representative_point(g);
        const Point p = m_view.to_canvas(ll);
        if (!std::isfinite(p.x) || !m_visible.contains(p)) {
            return;
        }
        m_canvas.draw_marker(p, marker, m.info);
        ++m_report.marks;
        if (m_frame.contains(p)) {
            note_legend(m);
        }
        const double r = marker.size / 2 + marker.stroke_width / 2;
        if (m.obstacle) {
            m_obstacles.insert({p.x - r, p.y - r, 2 * r, 2 * r});
        }
        if (m.label != nullptr && m_frame.contains(p)) {
            m_labels.push_back({*m.label, p, {}});
        }
    }

    void render_path(const Mark& m) {
        const geo::Geometry& g = *m.geometry;
        if (!project_rings(g)) {
            return;
        }
        const auto* line = std::get_if<LineSymbol>(&m.symbol);
        const bool arrow = line != nullptr && line->arrow.head_length > 0.0;
        if (const auto* fill = std::get_if<FillSymbol>(&m.symbol);
            fill != nullptr && std::holds_alternative<geo::AreaGeom>(g)) {
            m_canvas.draw_area(m_rings, *fill, m.info);
        } else if (line != nullptr) {
            if (!arrow) {
                m_canvas.draw_lines(m_rings, *line, m.info);
            } else if (!draw_arrow(*line, m.info)) {
                return; // too short on this map to read as an arrow
            }
        } else if (fill != nullptr) {
            LineSymbol as_line;
            as_line.color = fill->outline;
            as_line.width = fill->outline_width;
            as_line.dash = fill->outline_dash;
            m_canvas.draw_lines(m_rings, as_line, m.info);
        }
        ++m_report.marks;
        if (m.barrier) {
            for (const auto& r : m_rings) {
                for (std::size_t i = 1; i < r.size(); ++i) {
                    m_obstacles.insert_segment(r[i - 1], r[i], m.divides);
                }
            }
        }
        if (!any_visible()) {
            return;
        }
        note_legend(m);
        if (arrow) {
            // No label covers the dot; an arrow's label names where it starts (the place fire
            // came from), beside its dot.
            const Point from = m_rings.front().front();
            const double r = line->arrow.tail_dot / 2 + line->width;
            m_obstacles.insert({from.x - r, from.y - r, 2 * r, 2 * r});
            if (m.label != nullptr && m_frame.contains(from)) {
                m_labels.push_back({*m.label, from, {}});
            }
            return;
        }
        if (m.label == nullptr) {
            return;
        }
        if (m.label->placement == LabelPlacement::along_line) {
            add_line_label(*m.label);
        } else {
            add_area_label(*m.label, g);
        }
    }

    // A direction arrow (one line from the origin to the target): the line, the head at the
    // target end, the dot at the origin. False, and nothing drawn, when it is too short.
    bool draw_arrow(const LineSymbol& line, const MarkInfo& info) {
        const ArrowEnds& a = line.arrow;
        ArrowTip tip;
        if (m_rings.size() != 1 || !arrow_tip(m_rings.front(), a, tip)) {
            return false;
        }
        m_canvas.draw_lines(m_rings, line, info);
        const Ring head = arrow_head(tip, a);
        FillSymbol fill;
        fill.fill = line.color;
        m_canvas.draw_area(std::span<const Ring>(&head, 1), fill, MarkInfo{});
        if (a.tail_dot > 0.0) {
            m_canvas.draw_marker(m_rings.front().front(), arrow_tail(line), MarkInfo{});
        }
        m_report.arrows.push_back(
            {m_rings.front().front(), m_rings.front().back(), tip.tip, std::string(info.event)});
        return true;
    }

    // Projects a line or area into m_rings; false when nothing of it is left.
    bool project_rings(const geo::Geometry& g) {
        m_rings.clear();
        auto add = [&](const geo::Path& p) {
            m_path.clear();
            m_view.project(p, m_path, 0.3 * m_unit);
            if (m_path.size() >= 2) {
                m_rings.push_back(m_path);
            }
        };
        if (const auto* a = std::get_if<geo::AreaGeom>(&g)) {
            for (const auto& poly : a->polygons) {
                for (const auto& r : poly) {
                    add(r);
                }
            }
        } else if (const auto* l = std::get_if<geo::LinesGeom>(&g)) {
            for (const auto& line : l->lines) {
                add(line);
            }
        }
        return !m_rings.empty();
    }

    bool any_visible() const {
        for (const auto& r : m_rings) {
            for (const auto& p : r) {
                if (m_frame.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    void note_legend(const Mark& m) {
        if (!m.legend.empty() && !m_used_legend.contains(m.legend)) {
            m_used_legend.emplace(m.legend);
        }
        for (const std::string_view key : {m.legend_extra, m.legend_claims}) {
            if (!key.empty() && !m_used_legend.contains(key)) {
                m_used_legend.emplace(key);
            }
        }
    }

    // A label along the longest stretch of the projected line inside the frame.
    void add_line_label(const LabelRequest& request) {
        Ring best;
        double best_len = 0.0;
        for (const auto& r : m_rings) {
            Ring run;
            double len = 0.0;
            for (std::size_t i = 0; i <= r.size(); ++i) {
                if (i < r.size() && m_frame.contains(r[i])) {
                    if (!run.empty()) {
                        len += std::hypot(r[i].x - run.back().x, r[i].y - run.back().y);
                    }
                    run.push_back(r[i]);
                    continue;
                }
                if (len > best_len) {
                    best_len = len;
                    best = run;
                }
                run.clear();
                len = 0.0;
            }
        }
        LabelRequest rq = request;
        rq.rank = std::max(rq.rank, best_len);
        m_labels.push_back({std::move(rq), {}, std::move(best)});
    }

    // A label at the area's representative point; its outer ring keeps shifted labels inside.
    void add_area_label(const LabelRequest& request, const geo::Geometry& g) {
        const Point p = m_view.to_canvas(geo::representative_point(g));
        if (!std::isfinite(p.x) || !m_frame.contains(p)) {
            return;
        }
        Ring outline;
        for (const auto& r : m_rings) {
            if (r.size() >= 3 && outline.size() < r.size()) {
                outline = r;
            }
        }
        m_labels.push_back({request, p, std::move(outline)});
    }

    // Legend: only what is on the map; events first (top layers first).
    std::vector<LegendEntry> legend_on_map() {
        std::vector<LegendEntry> legend;
        std::set<std::string> listed;
        for (auto it = m_d.layers.rbegin(); it != m_d.layers.rend(); ++it) {
            for (auto& entry : (*it)->legend(m_query)) {
                if (!listed.insert(entry.key).second) {
                    continue;
                }
                if (m_used_legend.contains(entry.key)) {
                    m_report.legend.push_back(entry.key);
                    m_report.legend_entries.push_back(entry);
                    legend.push_back(std::move(entry));
                } else {
                    m_report.legend_unused.push_back(entry.key);
                }
            }
        }
        return legend;
    }

    void collect_warnings() {
        for (const auto& layer : m_d.layers) {
            for (const auto& w : layer->warnings()) {
                m_report.warnings.push_back(w);
            }
        }
    }

    // Where the legend, scale bar, north arrow and inset go; labels keep clear of them.
    Furniture place_furniture(const std::vector<LegendEntry>& legend) {
        Furniture f{legend_box(m_d.shaper, legend, m_frame, m_unit),
                    scale_bar(m_view, m_unit),
                    {},
                    inset_box(m_frame, m_unit),
                    nullptr};
        f.arrow = north_arrow_box(f.bar, m_unit);
        for (const auto& layer : m_d.layers) {
            if (layer->name() == "countries") {
                f.countries = layer.get();
            }
        }
        if (f.countries != nullptr && f.countries->extent().empty()) {
            f.countries = nullptr;
        }
        for (const Rect& r : {f.legend, f.bar.box, f.arrow}) {
            m_obstacles.insert(r.inflated(2.0 * m_unit));
        }
        if (f.countries != nullptr) {
            m_obstacles.insert(f.inset.inflated(2.0 * m_unit));
        }
        return f;
    }

    // Labels placed around everything drawn, inside the clip; then the frame's border.
    void render_labels() {
        LabelResult labels =
            place_labels(std::move(m_labels), m_obstacles, m_frame, m_style, m_unit, m_d.shaper);
        m_canvas.begin_layer("labels");
        LineSymbol leader_line;
        leader_line.color = {0.25, 0.25, 0.25, 1.0};
        leader_line.width = 0.7 * m_unit;
        leader_line.cap = LineCap::butt;
        for (const auto& l : labels.placed) {
            if (l.leader.size() >= 2) {
                const Ring leader(l.leader.begin(), l.leader.end());
                m_canvas.draw_lines(std::span<const Ring>(&leader, 1), leader_line, {});
            }
            m_canvas.draw_text(l.run);
            for (const TextRun& d : l.details) {
                m_canvas.draw_text(d);
            }
        }
        m_canvas.end_layer();
        m_canvas.pop_clip();
        m_canvas.fill_rect(m_frame, {0, 0, 0, 0}, {0.3, 0.3, 0.3, 1}, 0.8 * m_unit);
        m_report.labels = std::move(labels.placed);
        m_report.dropped_labels = std::move(labels.dropped);
        for (const std::string& t : labels.details_dropped) {
            m_report.warnings.push_back("no room for each side's claims under the label \"" + t +
                                        "\" (a larger --size or a smaller extent shows them)");
        }
        m_report.missing_glyphs = std::move(labels.missing_glyphs);
    }

    void render_furniture(const std::vector<LegendEntry>& legend, const Furniture& f) {
        draw_legend(m_canvas, m_d.shaper, legend, f.legend, m_unit);
        draw_north_arrow(m_canvas, m_d.shaper, m_view, f.arrow, m_unit);
        draw_scale_bar(m_canvas, m_d.shaper, f.bar, m_unit);
        if (f.countries != nullptr) {
            draw_inset(m_canvas, m_view, *f.countries, m_style, f.inset, m_unit);
        }
    }

    // The title, the period and counts of the events on the map, and the attribution.
    void render_title() {
        const std::string title =
            m_d.opt.title.empty()
                ? std::string("Reported incidents on the Armenia–Azerbaijan border")
                : m_d.opt.title;
        draw_title(m_canvas, m_d.shaper, m_d.layout.title_band, title,
                   subtitle_for(m_d.events.get(), m_report.extent), m_unit);
        draw_attribution(m_canvas, m_d.shaper, m_d.layout.attribution_band, m_d.attribution,
                         m_unit);
    }

    const Impl& m_d;
    Canvas& m_canvas;
    const MapView& m_view;
    const Rect m_frame;
    const double m_unit;
    const Style& m_style;
    RenderReport m_report;
    Query m_query;
    std::set<std::string, std::less<>> m_used_legend;
    std::vector<LabelInput> m_labels;
    CollisionIndex m_obstacles;
    std::vector<Ring> m_rings;
    Ring m_path;
    const Rect m_visible;
};

RenderReport MapRenderer::render(Canvas& canvas) const {
    return Impl::Pass(*m_impl, canvas).apply();
}

OutputFormat output_format_for(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".png") {
        return OutputFormat::png;
    }
    if (ext == ".svg") {
        return OutputFormat::svg;
    }
    if (ext == ".pdf") {
        return OutputFormat::pdf;
    }
    throw usage_error(path.string() + ": unknown output format '" + ext +
                      "' (expected .png, .svg or .pdf)");
}

PageSize parse_size(std::string_view text) {
    const auto x = text.find('x');
    const auto bad = [&] {
        return usage_error("--size '" + std::string(text) +
                           "': expected WIDTHxHEIGHT in pixels, each 1 to 20000, e.g. 1600x1000");
    };
    if (x == std::string_view::npos) {
        throw bad();
    }
    const auto w = to_number(text.substr(0, x));
    const auto h = to_number(text.substr(x + 1));
    if (!w || !h || *w < 1 || *h < 1 || *w > 20000 || *h > 20000 || std::floor(*w) != *w ||
        std::floor(*h) != *h) {
        throw bad();
    }
    return {*w, *h, 1.0};
}

PageSize paper_size(std::string_view paper, double dpi) {
    struct Paper {
        const char* name;
        double w_mm, h_mm;
    };
    static constexpr Paper papers[] = {{"a5", 148, 210},         {"a4", 210, 297},
                                       {"a3", 297, 420},         {"a2", 420, 594},
                                       {"letter", 215.9, 279.4}, {"legal", 215.9, 355.6}};
    if (!(dpi >= 36 && dpi <= 1200)) {
        throw usage_error("--dpi " + std::to_string(dpi) + ": expected 36 to 1200");
    }
    const auto dash = paper.find('-');
    const std::string_view name = paper.substr(0, dash);
    const std::string_view orientation =
        dash == std::string_view::npos ? std::string_view("portrait") : paper.substr(dash + 1);
    for (const auto& p : papers) {
        if (name == p.name && (orientation == "portrait" || orientation == "landscape")) {
            const double w = (orientation == "landscape" ? p.h_mm : p.w_mm) / 25.4 * 72.0;
            const double h = (orientation == "landscape" ? p.w_mm : p.h_mm) / 25.4 * 72.0;
            return {w, h, dpi / 72.0};
        }
    }
    throw usage_error("--paper '" + std::string(paper) +
                      "': expected a5|a4|a3|a2|letter|legal, -portrait or -landscape");
}

PageSize default_page_size(OutputFormat format) {
    if (format == OutputFormat::pdf) {
        return paper_size("a4-landscape", 300.0);
    }
    return PageSize{};
}

RenderReport render_map_file(const MapRenderer& renderer, const std::filesystem::path& path,
                             const DocumentInfo& info) {
    const OutputFormat format = output_format_for(path);
    const PageSize& size = renderer.options().size;
    std::unique_ptr<Canvas> canvas;
    switch (format) {
    case OutputFormat::png:
        canvas = make_png_canvas(path, size.width, size.height, size.pixel_scale);
        break;
    case OutputFormat::svg:
        canvas = make_svg_canvas(path, size.width, size.height, info);
        break;
    case OutputFormat::pdf:
        canvas = make_pdf_canvas(path, size.width, size.height, info);
        break;
    }
    RenderReport report = renderer.render(*canvas);
    canvas->finish();
    return report;
}

std::string describe_symbols(const RenderReport& report) {
    // Event entries: the uncertainty band and area, the kinds and the disputed pairs; the
    // basemap's are not.
    std::string out;
    bool scale = false;
    for (const LegendEntry& e : report.legend_entries) {
        if (e.key == "casualty-scale") {
            scale = true;
            continue;
        }
        if (e.key == "uncertain-sector" || e.key == "uncertain-region") {
            out += out.empty() ? "" : "; ";
            out += (e.key == "uncertain-sector" ? "band along the border: " : "hatched area: ") +
                   e.label;
            continue;
        }
        bool is_kind = e.key.starts_with("disputed");
        for (const geo::EventKindInfo& k : geo::event_kinds()) {
            is_kind = is_kind || k.name == e.key;
        }
        if (!is_kind || e.samples.empty()) {
            continue;
        }
        const auto* m = std::get_if<MarkerSymbol>(&e.samples.front());
        if (m == nullptr) {
            continue;
        }
        std::string shape(to_string(m->shape));
        if (m->fill_right.visible()) {
            shape = "split " + shape;
        } else if (e.samples.size() > 1) {
            shape += " in a dashed ring";
        }
        out += out.empty() ? "" : "; ";
        out += shape + ": " + e.label;
    }
    if (out.empty()) {
        return out;
    }
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    out += ".";
    if (scale) {
        out += " Larger symbols: more killed and wounded claimed.";
    }
    return out;
}

std::string backend_versions() {
    return std::string("cairo ") + cairo_version_string() + ", pango " + pango_version_string();
}

} // namespace sitmap::render
