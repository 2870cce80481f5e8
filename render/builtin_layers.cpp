// The built-in layers: the basemap read from data/geojson through GDAL (geo/vector_io) and the
// event layers. Each one turns features into marks with typed symbols from the style.

#include "geo/core/error.hpp"
#include "geo/io/event_extent.hpp"
#include "geo/io/fire_lines.hpp"
#include "geo/io/symbology.hpp"
#include "geo/io/vector_io.hpp"
#include "geo/projection/projection.hpp"
#include "render/layers.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace sitmap::render {
namespace {

bool overlaps(const geo::BBox& a, const geo::BBox& b) {
    return !a.empty() && !b.empty() && a.west <= b.east && b.west <= a.east && a.south <= b.north &&
           b.south <= a.north;
}

bool inside(const geo::BBox& b, geo::LonLat p) {
    return p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north;
}

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

constexpr geo::BBox no_extent{0, 0, -1, -1};

// The marker of a circle style layer in its own shape (sitmap:marker-shape).
MarkerSymbol marker_of(const Style& style, std::string_view id, double unit) {
    const StyleLayer& layer = style.layer(id);
    return layer.marker_symbol(layer.marker_shape, unit);
}

// The name in the map's language: name_<lang>, then names{lang}, then name.
std::string localized(const geo::VectorFeature& f, std::string_view lang) {
    if (lang != "en") {
        const std::string key = "name_" + std::string(lang);
        if (f.has(key) && !f.property(key).empty()) {
            return std::string(f.property(key));
        }
    }
    const std::string_view names = f.property("names");
    if (!names.empty() && names.front() == '{') {
        const auto doc = nlohmann::json::parse(names, nullptr, false);
        if (doc.is_object() && doc.contains(lang) && doc[std::string(lang)].is_string()) {
            std::string v = doc[std::string(lang)].get<std::string>();
            if (!v.empty()) {
                return v;
            }
        }
    }
    return std::string(f.property("name"));
}

// A basemap file read once per map: a missing file is a warning, not a failure.
struct LoadedFile {
    std::vector<geo::VectorFeature> features;
    std::string missing; // the path, when the file is not there
};
using SharedFile = std::shared_ptr<const LoadedFile>;

// Files shared between the layers that read them (the gazetteer serves settlements and event
// labels); owned by the factories of one registry, not global.
class FileCache {
public:
    SharedFile get(const std::filesystem::path& data_dir, const char* file) {
        const std::filesystem::path path = data_dir / (std::string(file) + ".geojson");
        auto it = m_files.find(path);
        if (it != m_files.end()) {
            return it->second;
        }
        auto loaded = std::make_shared<LoadedFile>();
        if (std::filesystem::exists(path)) {
            loaded->features = geo::read_vector_file(path);
        } else {
            loaded->missing = path.string();
        }
        return m_files.emplace(path, std::move(loaded)).first->second;
    }

private:
    std::map<std::filesystem::path, SharedFile> m_files;
};

class BasemapLayer : public LayerSource {
public:
    BasemapLayer(std::string name, SharedFile data)
        : m_name(std::move(name)), m_data(std::move(data)), m_features(m_data->features) {
        if (!m_data->missing.empty()) {
            m_warning = "basemap layer '" + m_name + "' skipped: " + m_data->missing + " not found";
        }
        m_boxes.reserve(m_features.size());
        for (const auto& f : m_features) {
            m_boxes.push_back(geo::bbox(f.geometry));
            m_extent = merge(m_extent, m_boxes.back());
        }
    }

    std::string name() const override { return m_name; }
    geo::BBox extent() const override { return m_extent; }
    std::vector<std::string> warnings() const override {
        return m_warning.empty() ? std::vector<std::string>{} : std::vector<std::string>{m_warning};
    }
    std::vector<std::string> attribution() const override {
        if (m_features.empty()) {
            return {};
        }
        return {"Basemap: Natural Earth (public domain)"};
    }

protected:
    template <typename F> void each_in(const geo::BBox& bbox, F&& f) const {
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            if (overlaps(m_boxes[i], bbox)) {
                f(m_features[i]);
            }
        }
    }

    std::string m_name;
    SharedFile m_data;
    const std::vector<geo::VectorFeature>& m_features;
    std::vector<geo::BBox> m_boxes;
    geo::BBox m_extent = no_extent;
    std::string m_warning;
};

class CountriesLayer final : public BasemapLayer {
public:
    explicit CountriesLayer(SharedFile data) : BasemapLayer("countries", std::move(data)) {
        for (const auto& f : m_features) {
            m_anchors.push_back(geo::representative_point(f.geometry));
        }
    }
    void features(const Query& q, const MarkSink& sink) const override {
        const FillSymbol other = q.style->layer("countries").fill_symbol(q.unit);
        const FillSymbol focus = q.style->layer("countries-focus").fill_symbol(q.unit);
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            const auto& f = m_features[i];
            if (!overlaps(m_boxes[i], q.bbox)) {
                continue;
            }
            const std::string_view iso = f.property("iso_a2");
            Mark m;
            m.geometry = &f.geometry;
            m.symbol = (iso == "AM" || iso == "AZ") ? focus : other;
            LabelRequest label;
            label.text = localized(f, q.lang);
            label.cls = LabelClass::country;
            label.placement = LabelPlacement::inside_area;
            label.key = "country:" + std::string(iso);
            label.rank =
                (m_boxes[i].east - m_boxes[i].west) * (m_boxes[i].north - m_boxes[i].south);
            if (!label.text.empty() && inside(q.bbox, m_anchors[i])) {
                m.label = &label;
            }
            sink(m);
        }
    }

private:
    std::vector<geo::LonLat> m_anchors;
};

// Polygon outlines drawn as lines.
class Admin1Layer final : public BasemapLayer {
public:
    Admin1Layer(SharedFile data) : BasemapLayer("admin1", std::move(data)) {
        for (const auto& f : m_features) {
            geo::LinesGeom lines;
            if (const auto* area = std::get_if<geo::AreaGeom>(&f.geometry)) {
                for (const auto& poly : area->polygons) {
                    lines.lines.insert(lines.lines.end(), poly.begin(), poly.end());
                }
            } else if (const auto* l = std::get_if<geo::LinesGeom>(&f.geometry)) {
                lines = *l;
            }
            m_outlines.push_back(std::move(lines));
        }
    }
    void features(const Query& q, const MarkSink& sink) const override {
        const LineSymbol sym = q.style->layer("admin1").line_symbol(q.unit);
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            if (!overlaps(m_boxes[i], q.bbox)) {
                continue;
            }
            Mark m;
            m.geometry = &m_outlines[i];
            m.symbol = sym;
            m.legend = "admin1";
            sink(m);
        }
    }
    std::vector<LegendEntry> legend(const Query& q) const override {
        return {{"admin1",
                 "Province / district boundary",
                 {q.style->layer("admin1").line_symbol(q.unit)}}};
    }

private:
    std::vector<geo::Geometry> m_outlines;
};

class NagornoKarabakhLayer final : public BasemapLayer {
public:
    NagornoKarabakhLayer(SharedFile data) : BasemapLayer("nagorno-karabakh", std::move(data)) {}
    void features(const Query& q, const MarkSink& sink) const override {
        const FillSymbol sym = q.style->layer("nagorno-karabakh").fill_symbol(q.unit);
        each_in(q.bbox, [&](const geo::VectorFeature& f) {
            Mark m;
            m.geometry = &f.geometry;
            m.symbol = sym;
            m.legend = "nagorno-karabakh";
            LabelRequest label;
            label.text = localized(f, q.lang);
            label.cls = LabelClass::area;
            label.placement = LabelPlacement::inside_area;
            label.key = "area:nagorno-karabakh";
            if (!label.text.empty()) {
                m.label = &label;
            }
            sink(m);
        });
    }
    std::vector<LegendEntry> legend(const Query& q) const override {
        std::string label = "Nagorno-Karabakh";
        if (!m_features.empty() && !m_features.front().property("boundary_date").empty()) {
            label += " (boundary as of " +
                     std::string(m_features.front().property("boundary_date")) + ")";
        }
        return {
            {"nagorno-karabakh", label, {q.style->layer("nagorno-karabakh").fill_symbol(q.unit)}}};
    }
    std::vector<std::string> attribution() const override {
        if (m_features.empty()) {
            return {};
        }
        const auto& f = m_features.front();
        // The first sentence of the note: the attribution stays short.
        std::string_view text = f.property("boundary_note");
        if (const auto stop = text.find(". "); stop != std::string_view::npos) {
            text = text.substr(0, stop);
        }
        if (text.size() > 120) {
            // Still long: up to the last clause that ends before 120 characters.
            const auto comma = text.substr(0, 120).rfind(", ");
            if (comma != std::string_view::npos && comma > 40) {
                text = text.substr(0, comma);
            }
        }
        if (!text.empty() && text.back() == '.') {
            text.remove_suffix(1);
        }
        std::string note =
            "Nagorno-Karabakh: " +
            (text.empty() ? std::string("outline of the former NKAO") : std::string(text));
        if (!f.property("boundary_date").empty()) {
            note += " (" + std::string(f.property("boundary_date")) + ")";
        }
        note += "; shown for reference, not as a statement on status";
        return {note};
    }
};

// A water feature (lake or river) with its name as a label, placed inside or along it.
template <typename Symbol>
void emit_named_water(const geo::VectorFeature& f, const Symbol& sym, const Query& q,
                      LabelPlacement placement, const std::string& key_prefix,
                      const MarkSink& sink) {
    Mark m;
    m.geometry = &f.geometry;
    m.symbol = sym;
    LabelRequest label;
    label.text = localized(f, q.lang);
    label.cls = LabelClass::water;
    label.placement = placement;
    label.key = key_prefix + label.text;
    if (!label.text.empty()) {
        m.label = &label;
    }
    sink(m);
}

class LakesLayer final : public BasemapLayer {
public:
    LakesLayer(SharedFile data) : BasemapLayer("lakes", std::move(data)) {}
    void features(const Query& q, const MarkSink& sink) const override {
        const FillSymbol sym = q.style->layer("lakes").fill_symbol(q.unit);
        each_in(q.bbox, [&](const geo::VectorFeature& f) {
            emit_named_water(f, sym, q, LabelPlacement::inside_area, "lake:", sink);
        });
    }
};

class RiversLayer final : public BasemapLayer {
public:
    RiversLayer(SharedFile data) : BasemapLayer("rivers", std::move(data)) {}
    void features(const Query& q, const MarkSink& sink) const override {
        const LineSymbol sym = q.style->layer("rivers").line_symbol(q.unit);
        each_in(q.bbox, [&](const geo::VectorFeature& f) {
            emit_named_water(f, sym, q, LabelPlacement::along_line, "river:", sink);
        });
    }
};

class BordersLayer final : public BasemapLayer {
public:
    BordersLayer(SharedFile data) : BasemapLayer("borders", std::move(data)) {}
    void features(const Query& q, const MarkSink& sink) const override {
        const LineSymbol plain = q.style->layer("borders").line_symbol(q.unit);
        const LineSymbol casing = q.style->layer("borders-am-az-casing").line_symbol(q.unit);
        const LineSymbol amaz = q.style->layer("borders-am-az").line_symbol(q.unit);
        // Other borders first, then the Armenia-Azerbaijan border on top of them.
        for (const bool emphasised : {false, true}) {
            each_in(q.bbox, [&](const geo::VectorFeature& f) {
                const bool is_amaz = is_am_az(f);
                if (is_amaz != emphasised) {
                    return;
                }
                Mark m;
                m.geometry = &f.geometry;
                if (is_amaz) {
                    m.symbol = casing;
                    sink(m);
                    m.symbol = amaz;
                    m.legend = "border-am-az";
                    m.barrier = true; // no label crosses it or stands across it from its mark
                    m.divides = true;
                } else {
                    m.symbol = plain;
                    m.legend = "border";
                }
                sink(m);
            });
        }
    }
    // The line's source and date: a map states which boundary line it shows.
    std::vector<std::string> attribution() const override {
        for (const auto& f : m_features) {
            const std::string_view source = f.property("source");
            if (is_am_az(f) && !source.empty()) {
                std::string credit = "Armenia–Azerbaijan border: " + std::string(source);
                if (const std::string_view date = f.property("source_date"); !date.empty()) {
                    credit += ", line of " + std::string(date);
                }
                return {credit + " (before the 2024 Tavush–Gazakh delimitation)"};
            }
        }
        return {};
    }
    std::vector<LegendEntry> legend(const Query& q) const override {
        return {
            {"border-am-az",
             "Armenia–Azerbaijan border",
             {q.style->layer("borders-am-az-casing").line_symbol(q.unit),
              q.style->layer("borders-am-az").line_symbol(q.unit)}},
            {"border", "International border", {q.style->layer("borders").line_symbol(q.unit)}}};
    }

private:
    static bool is_am_az(const geo::VectorFeature& f) {
        const std::string_view c = f.property("countries");
        return c == "AM-AZ" || c == "AZ-AM";
    }
};

class CorridorLayer final : public BasemapLayer {
public:
    CorridorLayer(SharedFile data) : BasemapLayer("corridor", std::move(data)) {}
    void features(const Query& q, const MarkSink& sink) const override {
        const LineSymbol sym = q.style->layer("corridor").line_symbol(q.unit);
        each_in(q.bbox, [&](const geo::VectorFeature& f) {
            Mark m;
            m.geometry = &f.geometry;
            m.symbol = sym;
            const std::string_view schematic = f.property("schematic");
            m.legend =
                (schematic == "true" || schematic == "1") ? "corridor-schematic" : "corridor";
            m.barrier = true; // labels keep off the road
            LabelRequest label;
            label.text = localized(f, q.lang);
            label.cls = LabelClass::water; // a line label, placed after places
            label.placement = LabelPlacement::along_line;
            label.key = "corridor:" + label.text;
            if (!label.text.empty()) {
                m.label = &label;
            }
            sink(m);
        });
    }
    std::vector<LegendEntry> legend(const Query& q) const override {
        const LineSymbol sym = q.style->layer("corridor").line_symbol(q.unit);
        return {{"corridor-schematic", "Lachin corridor road (schematic)", {sym}},
                {"corridor", "Lachin corridor road", {sym}}};
    }
};

class SettlementsLayer final : public BasemapLayer {
public:
    SettlementsLayer(const LayerContext& ctx, SharedFile data)
        : BasemapLayer("settlements", std::move(data)) {
        // Curated village positions and names come from Wikipedia articles (CC BY-SA 4.0), which
        // then need a credit of their own (data/curated/border_villages.README.md).
        m_wikipedia = std::any_of(m_features.begin(), m_features.end(), [](const auto& f) {
            return f.property("source").find("Wikipedia") != std::string_view::npos;
        });
        m_wof = std::any_of(m_features.begin(), m_features.end(), [](const auto& f) {
            return f.property("source").find("Who's On First") != std::string_view::npos;
        });
        if (ctx.events) {
            for (const auto& e : ctx.events->events) {
                if (!e.place_id.empty()) {
                    m_event_places.insert(e.place_id);
                }
            }
        }
    }
    void features(const Query& q, const MarkSink& sink) const override {
        struct Candidate {
            const geo::VectorFeature* f;
            double population;
            bool capital;
            bool forced;
        };
        std::vector<Candidate> candidates;
        for (std::size_t i = 0; i < m_features.size(); ++i) {
            const auto& f = m_features[i];
            const auto* pt = std::get_if<geo::PointGeom>(&f.geometry);
            if (pt == nullptr || !inside(q.bbox, pt->point)) {
                continue;
            }
            const std::string_view kind = f.property("kind");
            if (kind != "settlement" && kind != "capital" && kind != "city_abroad") {
                continue;
            }
            const double pop = std::atof(std::string(f.property("population")).c_str());
            candidates.push_back({&f, pop, kind == "capital",
                                  m_event_places.contains(std::string(f.property("id")))});
        }
        // Capitals first, then by population: about one settlement per 20,000 square units.
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) {
                             if (a.capital != b.capital) {
                                 return a.capital;
                             }
                             return a.population > b.population;
                         });
        const std::size_t budget =
            static_cast<std::size_t>(std::clamp(q.map_area / 20000.0, 8.0, 80.0));
        const MarkerSymbol town = marker_of(*q.style, "settlements", q.unit);
        const MarkerSymbol capital = marker_of(*q.style, "capitals", q.unit);
        std::size_t shown = 0;
        for (const auto& c : candidates) {
            if (shown >= budget && !c.capital && !c.forced) {
                continue;
            }
            ++shown;
            Mark m;
            m.geometry = &c.f->geometry;
            m.symbol = c.capital ? capital : town;
            m.legend = c.capital ? "capital" : "town";
            m.obstacle = true;
            LabelRequest label;
            label.text = localized(*c.f, q.lang);
            label.cls = c.capital ? LabelClass::capital : LabelClass::town;
            label.symbol_radius = (c.capital ? capital.size : town.size) / 2.0;
            label.rank = c.population;
            label.key = std::string(c.f->property("id"));
            if (!label.text.empty()) {
                m.label = &label;
            }
            sink(m);
        }
    }
    std::vector<LegendEntry> legend(const Query& q) const override {
        return {{"capital", "Capital", {marker_of(*q.style, "capitals", q.unit)}},
                {"town", "Town or village", {marker_of(*q.style, "settlements", q.unit)}}};
    }
    std::vector<std::string> attribution() const override {
        if (m_features.empty()) {
            return {};
        }
        std::string credit = "Places: GeoNames (CC-BY 4.0)";
        if (m_wof) {
            credit += ", Who's On First (CC0; GeoNames-derived parts CC-BY 4.0)";
        }
        if (m_wikipedia) {
            credit += ", Wikipedia (CC BY-SA 4.0)";
        }
        return {credit};
    }

private:
    std::set<std::string> m_event_places;
    bool m_wikipedia = false;
    bool m_wof = false;
};

std::string place_key(const EventRecord& e) {
    return e.place_id.empty() ? "name:" + e.place_name : e.place_id;
}

// Names of the event places in each language, from the gazetteer (by place id).
class PlaceNames {
public:
    PlaceNames(const SharedFile& gazetteer, const EventSet* events) {
        if (!gazetteer || events == nullptr) {
            return;
        }
        std::set<std::string_view> wanted;
        for (const auto& e : events->events) {
            if (!e.place_id.empty()) {
                wanted.insert(e.place_id);
            }
            for (const geo::EventPlace& o : e.origins) {
                if (!o.id.empty()) {
                    wanted.insert(o.id);
                }
            }
        }
        for (const auto& f : gazetteer->features) {
            if (wanted.contains(f.property("id"))) {
                m_features.emplace(std::string(f.property("id")), &f);
            }
        }
        m_gazetteer = gazetteer;
    }
    // The place's name in lang, or the event's own place name.
    std::string name(const EventRecord& e, std::string_view lang) const {
        return name(e.place_id, e.place_name, lang);
    }
    // The name in lang of the place with this id, or `fallback`.
    std::string name(std::string_view id, const std::string& fallback,
                     std::string_view lang) const {
        if (lang != "en") {
            auto it = m_features.find(id);
            if (it != m_features.end()) {
                std::string n = localized(*it->second, lang);
                if (!n.empty()) {
                    return n;
                }
            }
        }
        return fallback;
    }

private:
    SharedFile m_gazetteer;
    std::map<std::string, const geo::VectorFeature*, std::less<>> m_features;
};

// Labels of event places: one per place, with the date or the number of events.
struct PlaceLabels {
    PlaceNames names;

    struct Info {
        std::size_t first = 0;
        std::size_t count = 0;
        std::string begin, end;
    };
    std::map<std::string, Info> places;

    void add(const EventRecord& e, std::size_t index) {
        if (e.place_name.empty()) {
            return;
        }
        auto [it, fresh] = places.try_emplace(place_key(e));
        Info& info = it->second;
        if (fresh) {
            info.first = index;
            info.begin = e.date_begin.str();
            info.end = e.date_end.str();
        }
        ++info.count;
        info.begin = std::min(info.begin, e.date_begin.str());
        info.end = std::max(info.end, e.date_end.str());
    }

    // Fills `label` for the first event of a place; false for the others.
    bool label_for(const EventRecord& e, std::size_t index, LabelClass cls, std::string_view lang,
                   LabelRequest& label) const {
        if (e.place_name.empty()) {
            return false;
        }
        auto it = places.find(place_key(e));
        if (it == places.end() || it->second.first != index) {
            return false;
        }
        const Info& info = it->second;
        const std::string name =
            e.place_name.size() > 28 ? std::string(geo::legend_label(e.kind)) : names.name(e, lang);
        label.text = name + " · " +
                     (info.count == 1 ? format_date_range(info.begin, info.end)
                                      : std::to_string(info.count) + " events, " +
                                            format_date_range(info.begin, info.end));
        if (e.disputed && e.precision == geo::GeoPrecision::region) {
            label.text += " · disputed"; // no split symbol on an area: say it
        }
        // Each side's claim under the name, for a disputed event alone at its place.
        label.detail = e.disputed && info.count == 1 ? side_claims_text(e) : std::string();
        label.cls = cls;
        label.key = e.place_id.empty() ? "name:" + e.place_name : e.place_id;
        return true;
    }
};

// The style layer that colours a side's half of a split symbol.
std::string_view claim_style_layer(geo::Side side) {
    switch (side) {
    case geo::Side::armenia:
        return "claim-armenia";
    case geo::Side::azerbaijan:
        return "claim-azerbaijan";
    default:
        break;
    }
    return "claim-other";
}

// A disputed event whose claims name two sides is drawn as a split symbol: the first side's claim
// on the left half, the second's on the right (sides in the order of geo::Side).
// (Sides are sorted, so the unattributed one, if any, is last and never shown.)
bool is_split(const EventRecord& e) {
    return e.disputed && e.sides.size() >= 2 && e.sides[1].side != geo::Side::unknown;
}
using SidePair = std::pair<geo::Side, geo::Side>;
SidePair split_pair(const EventRecord& e) {
    return {e.sides[0].side, e.sides[1].side};
}

// The shape drawn most often for these kind counts (ties: the shape first in MarkerShape).
MarkerShape most_used_shape(const StyleLayer& st,
                            const std::array<std::size_t, geo::event_kind_count>& kinds) {
    std::map<MarkerShape, std::size_t> shapes;
    for (const geo::EventKindInfo& k : geo::event_kinds()) {
        if (const std::size_t n = kinds[static_cast<std::size_t>(k.kind)]; n > 0) {
            shapes[st.shape_for(k.kind)] += n;
        }
    }
    MarkerShape best = MarkerShape::circle;
    std::size_t most = 0;
    for (const auto& [shape, n] : shapes) {
        if (n > most) {
            best = shape;
            most = n;
        }
    }
    return best;
}

// The split symbol of a pair of sides, in the outline of the disputed style layer.
MarkerSymbol split_symbol(const Style& style, MarkerSymbol sym, SidePair sides, double unit) {
    const StyleLayer& d = style.layer("disputed");
    const StyleLayer& left = style.layer(claim_style_layer(sides.first));
    const StyleLayer& right = style.layer(claim_style_layer(sides.second));
    sym.fill = left.circle_color.with_alpha(left.circle_color.a * left.circle_opacity);
    sym.fill_right = right.circle_color.with_alpha(right.circle_color.a * right.circle_opacity);
    sym.stroke =
        d.circle_stroke_color.with_alpha(d.circle_stroke_color.a * d.circle_stroke_opacity);
    sym.stroke_width = std::max(sym.stroke_width, d.circle_stroke_width * unit);
    return sym;
}

// Thousands of marks: smaller symbols, so that the pattern stays readable.
double mark_density(std::size_t marks) {
    return std::clamp(std::sqrt(2000.0 / std::max<double>(static_cast<double>(marks), 1.0)), 0.3,
                      1.0);
}

// Whether an event is drawn as a mark of its layer (not as an area of the uncertainty layer).
bool drawn_as_mark(const EventRecord& e) {
    return !geo::stands_for_extent(e.precision, e.kind);
}

// Checkpoints, context events or incidents located to a place (precision exact or near).
class EventPointsLayer final : public LayerSource {
public:
    EventPointsLayer(std::string name, geo::EventLayer which, const LayerContext& ctx,
                     const SharedFile& gazetteer)
        : m_name(std::move(name)), m_which(which),
          m_events(ctx.events), m_labels{PlaceNames(gazetteer, ctx.events.get()), {}} {
        if (!m_events) {
            return;
        }
        for (std::size_t i = 0; i < m_events->events.size(); ++i) {
            const auto& e = m_events->events[i];
            // Incidents and checkpoints known only to a region are drawn as areas (uncertainty
            // layer); context events (talks, statements) keep a mark, dashed.
            if (geo::layer_of(e.kind) != m_which || !drawn_as_mark(e)) {
                continue;
            }
            m_indices.push_back(i);
            m_labels.add(e, i);
            m_extent =
                merge(m_extent, {e.location.lon, e.location.lat, e.location.lon, e.location.lat});
            const auto kind = static_cast<std::size_t>(e.kind);
            if (e.casualties() > 0) {
                ++m_casualty_kinds[kind];
            }
            if (is_split(e)) {
                const SidePair pair = split_pair(e);
                auto [it, fresh] = m_split_keys.try_emplace(pair);
                if (fresh) {
                    it->second.key = "disputed-" + std::string(geo::to_string(pair.first)) + "-" +
                                     std::string(geo::to_string(pair.second));
                }
                ++it->second.kinds[kind];
            }
        }
        // Big marks first so that small ones stay visible on top (up to 20,000 marks; beyond,
        // the input order: the symbols are small then).
        if (m_which == geo::EventLayer::incident && m_indices.size() <= 20000) {
            std::stable_sort(
                m_indices.begin(), m_indices.end(), [this](std::size_t a, std::size_t b) {
                    return m_events->events[a].casualties() > m_events->events[b].casualties();
                });
        }
    }

    std::string name() const override { return m_name; }
    geo::BBox extent() const override { return m_extent; }

    void features(const Query& q, const MarkSink& sink) const override {
        const StyleLayer& st = q.style->layer(style_layer_for(m_which));
        const StyleLayer& disputed = q.style->layer("disputed");
        const double density = density_factor();
        const double base = st.circle_radius * q.unit * density;
        const LabelClass cls = m_which == geo::EventLayer::incident     ? LabelClass::incident
                               : m_which == geo::EventLayer::checkpoint ? LabelClass::checkpoint
                                                                        : LabelClass::context;
        std::array<MarkerSymbol, geo::event_kind_count> by_kind;
        for (const geo::EventKindInfo& k : geo::event_kinds()) {
            MarkerSymbol& sym = by_kind[static_cast<std::size_t>(k.kind)];
            sym = st.marker_symbol(st.shape_for(k.kind), q.unit, base);
            sym.stroke_width *= std::max(density, 0.5);
        }
        geo::Geometry point = geo::PointGeom{};
        std::string title;
        LabelRequest label;
        for (const std::size_t i : m_indices) {
            const EventRecord& e = m_events->events[i];
            if (!inside(q.bbox, e.location)) {
                continue;
            }
            std::get<geo::PointGeom>(point).point = e.location;
            MarkerSymbol sym = by_kind[static_cast<std::size_t>(e.kind)];
            double r = base;
            if (m_which == geo::EventLayer::incident && e.casualties() > 0) {
                r = base * geo::casualty_scale(e.casualties());
                sym.size = 2.0 * r;
            }
            const bool split = is_split(e);
            if (split) {
                sym = split_symbol(*q.style, sym, split_pair(e), q.unit);
            }
            Mark m;
            m.geometry = &point;
            m.obstacle = true;
            if (e.precision != geo::GeoPrecision::exact) {
                // Known only to be near the place: a dashed outline says "approximately here".
                sym.dash = {2.0 * q.unit, 1.5 * q.unit};
            }
            m.symbol = sym;
            m.legend = geo::to_string(e.kind); // the shape says the kind
            if (split) {
                m.legend_claims = m_split_keys.at(split_pair(e)).key; // the halves, whose claim
            }
            if (m_which == geo::EventLayer::incident && e.casualties() > 0) {
                m.legend_extra = "casualty-scale";
            }
            if (q.annotate) {
                title = event_title(e);
                m.info = {e.id, title, {}};
            }
            const bool ring = e.disputed && !split; // disputed, but the sides are not named
            label.symbol_radius = r + (ring ? disputed.circle_radius * q.unit + 2 * q.unit : 0);
            label.rank = e.casualties();
            m.label = m_labels.label_for(e, i, cls, q.lang, label) ? &label : nullptr;
            sink(m);
            if (ring) {
                Mark rm;
                rm.geometry = &point;
                MarkerSymbol rs = disputed.marker_symbol(MarkerShape::ring, q.unit,
                                                         r + disputed.circle_radius * q.unit);
                rs.dash = {2.5 * q.unit, 1.8 * q.unit};
                rm.symbol = rs;
                rm.legend = "disputed";
                sink(rm);
            }
        }
    }

    std::vector<LegendEntry> legend(const Query& q) const override {
        const StyleLayer& st = q.style->layer(style_layer_for(m_which));
        const double density = density_factor();
        std::vector<LegendEntry> out;
        for (const geo::EventKindInfo& k : geo::event_kinds()) {
            if (k.layer == m_which) {
                out.push_back({std::string(k.name),
                               std::string(k.label),
                               {st.marker_symbol(st.shape_for(k.kind), q.unit)}});
            }
        }
        for (auto& entry : out) {
            std::get<MarkerSymbol>(entry.samples.front()).size *= density;
        }
        // A disputed event with both sides named: the split symbol, in the shape drawn most.
        for (const auto& [pair, split] : m_split_keys) {
            MarkerSymbol sample = st.marker_symbol(most_used_shape(st, split.kinds), q.unit,
                                                   st.circle_radius * q.unit * density * 1.3);
            out.push_back({split.key,
                           "Disputed: left " + std::string(side_label(pair.first)) +
                               "'s claim, right " + std::string(side_label(pair.second)) + "'s",
                           {split_symbol(*q.style, sample, pair, q.unit)}});
        }
        if (m_which == geo::EventLayer::incident) {
            const StyleLayer& d = q.style->layer("disputed");
            MarkerSymbol inner = st.marker_symbol(MarkerShape::circle, q.unit);
            MarkerSymbol ring = d.marker_symbol(
                MarkerShape::ring, q.unit, st.circle_radius * q.unit + d.circle_radius * q.unit);
            ring.dash = {2.5 * q.unit, 1.8 * q.unit};
            out.push_back({"disputed", std::string(geo::disputed_legend_label), {inner, ring}});
            // The size key in the shape most of the marks with casualties have.
            const MarkerShape shape = most_used_shape(st, m_casualty_kinds);
            LegendEntry scale{"casualty-scale", "Killed and wounded (highest claim): 1, 5, 20", {}};
            for (const int n : {1, 5, 20}) {
                const double r = st.circle_radius * q.unit * density * geo::casualty_scale(n);
                scale.samples.push_back(st.marker_symbol(shape, q.unit, r));
            }
            scale.layout = SampleLayout::row;
            out.push_back(std::move(scale));
        }
        return out;
    }

private:
    double density_factor() const { return mark_density(m_indices.size()); }

    struct SplitKey {
        std::string key; // legend key, "disputed-armenia-azerbaijan"
        std::array<std::size_t, geo::event_kind_count> kinds{};
    };

    std::string m_name;
    geo::EventLayer m_which;
    std::shared_ptr<const EventSet> m_events;
    std::vector<std::size_t> m_indices;
    PlaceLabels m_labels;
    geo::BBox m_extent = no_extent;
    std::array<std::size_t, geo::event_kind_count> m_casualty_kinds{};
    std::map<SidePair, SplitKey> m_split_keys;
};

// Events known only to a region or a border sector: the area (or a band along the sector)
// instead of a pin.
class UncertaintyLayer final : public LayerSource {
public:
    UncertaintyLayer(const LayerContext& ctx, const SharedFile& gazetteer)
        : m_events(ctx.events), m_labels{PlaceNames(gazetteer, ctx.events.get()), {}} {
        if (!m_events) {
            return;
        }
        for (std::size_t i = 0; i < m_events->events.size(); ++i) {
            const auto& e = m_events->events[i];
            // The same line or area as the GIS exports write (geo/io/event_extent.hpp).
            std::optional<geo::Geometry> extent =
                geo::event_extent(e.precision, e.kind, e.geometry, e.location);
            if (!extent) {
                continue;
            }
            m_indices.push_back(i);
            m_labels.add(e, i);
            m_shapes.push_back(std::move(*extent));
            m_boxes.push_back(geo::bbox(m_shapes.back()));
            m_extent = merge(m_extent, m_boxes.back());
        }
    }

    std::string name() const override { return "uncertainty"; }
    geo::BBox extent() const override { return m_extent; }

    void features(const Query& q, const MarkSink& sink) const override {
        const FillSymbol area = q.style->layer("uncertainty").fill_symbol(q.unit);
        const LineSymbol band = band_symbol(q);
        std::string title;
        for (std::size_t n = 0; n < m_indices.size(); ++n) {
            if (!overlaps(m_boxes[n], q.bbox)) {
                continue;
            }
            const EventRecord& e = m_events->events[m_indices[n]];
            const geo::Geometry& g = m_shapes[n];
            LabelRequest label;
            const bool labelled = m_labels.label_for(
                e, m_indices[n],
                geo::layer_of(e.kind) == geo::EventLayer::incident ? LabelClass::incident
                                                                   : LabelClass::checkpoint,
                q.lang, label);
            Mark m;
            m.geometry = &g;
            m.legend = "uncertain-region";
            if (q.annotate) {
                title = event_title(e);
                m.info = {e.id, title, {}};
            }
            if (std::holds_alternative<geo::LinesGeom>(g)) {
                // A band along the sector, drawn as its legend swatch is: no centre line, which
                // would lie on the border itself.
                m.symbol = band;
                m.legend = "uncertain-sector";
                label.placement = LabelPlacement::along_line;
                label.symbol_radius = band.width / 2;
            } else {
                m.symbol = area;
                label.placement = LabelPlacement::inside_area;
            }
            m.label = labelled ? &label : nullptr;
            sink(m);
        }
    }

    std::vector<LegendEntry> legend(const Query& q) const override {
        return {{"uncertain-sector", "Location known only to a border sector", {band_symbol(q)}},
                {"uncertain-region",
                 "Location known only to a district",
                 {q.style->layer("uncertainty").fill_symbol(q.unit)}}};
    }

private:
    static LineSymbol band_symbol(const Query& q) {
        LineSymbol band = q.style->layer("uncertainty-line").line_symbol(q.unit);
        band.cap = LineCap::round;
        return band;
    }

    std::shared_ptr<const EventSet> m_events;
    std::vector<std::size_t> m_indices;
    std::vector<geo::Geometry> m_shapes;
    std::vector<geo::BBox> m_boxes;
    PlaceLabels m_labels;
    geo::BBox m_extent = no_extent;
};

// Direction of fire: an arrow from each place fire is said to have come from to where it landed
// (geo::fire_lines: only origins located to a place, never a country or a district, and not when
// origin and target are one place), in the colour of the side whose statement it is, under the
// event marks; its head stops at the edge of the target's mark. The origin gets a dot and its name.
class FireLinesLayer final : public LayerSource {
public:
    FireLinesLayer(const LayerContext& ctx, const SharedFile& gazetteer)
        : m_events(ctx.events), m_names(gazetteer, ctx.events.get()) {
        if (!m_events) {
            return;
        }
        std::array<std::size_t, 3> marks{}; // by geo::EventLayer, as the mark layers count them
        for (const auto& e : m_events->events) {
            if (drawn_as_mark(e)) {
                ++marks[static_cast<std::size_t>(geo::layer_of(e.kind))];
            }
        }
        for (std::size_t i = 0; i < m_events->events.size(); ++i) {
            const EventRecord& e = m_events->events[i];
            if (e.origins.empty() || geo::layer_of(e.kind) == geo::EventLayer::context) {
                continue;
            }
            const double density =
                drawn_as_mark(e)
                    ? mark_density(marks[static_cast<std::size_t>(geo::layer_of(e.kind))])
                    : 0.0;
            for (const geo::FireLine& l :
                 geo::fire_lines(e.origins, e.place_id, e.geometry, e.location, e.precision)) {
                Item item;
                item.event = i;
                item.origin = *l.origin;
                item.line = geo::LinesGeom{{{l.from, l.to}}};
                item.density = density;
                item.box = geo::bbox(item.line);
                m_extent = merge(m_extent, item.box);
                m_items.push_back(std::move(item));
            }
        }
    }

    std::string name() const override { return "fire-lines"; }
    geo::BBox extent() const override { return m_extent; }

    void features(const Query& q, const MarkSink& sink) const override {
        std::string title;
        LabelRequest label;
        for (const Item& item : m_items) {
            if (!overlaps(item.box, q.bbox)) {
                continue;
            }
            const EventRecord& e = m_events->events[item.event];
            LineSymbol sym = arrow_symbol(q, e.fire_claimant);
            sym.arrow.gap = item.density > 0.0 ? target_radius(q, e, item.density) : 0.0;
            Mark m;
            m.geometry = &item.line;
            m.symbol = sym;
            m.legend = legend_key(e.fire_claimant);
            m.barrier = true; // labels do not cross an arrow
            m.info.event = e.id;
            if (q.annotate) {
                title = "Fire from " + item.origin.name + " towards " +
                        (e.place_name.empty() ? std::string("the target") : e.place_name) + " (" +
                        (claimant_key(e.fire_claimant) == "reported"
                             ? std::string("as reported")
                             : "as " + std::string(side_label(e.fire_claimant)) + " claims") +
                        "), " + format_date_range(e.date_begin, e.date_end);
                m.info.title = title;
            }
            label = LabelRequest{};
            label.text = m_names.name(item.origin.id, item.origin.name, q.lang);
            label.cls = LabelClass::town;
            label.key = item.origin.id.empty() ? "name:" + item.origin.name : item.origin.id;
            label.rank = 1e12; // before the towns of the basemap: it says where fire came from
            label.symbol_radius = sym.arrow.tail_dot / 2;
            // The origin's name at the dot (the renderer anchors an arrow's label at its start).
            m.label = label.text.empty() ? nullptr : &label;
            sink(m);
        }
    }

    std::vector<LegendEntry> legend(const Query& q) const override {
        std::vector<LegendEntry> out;
        for (const geo::Side side :
             {geo::Side::armenia, geo::Side::azerbaijan, geo::Side::unknown}) {
            LineSymbol sample = arrow_symbol(q, side);
            sample.arrow.gap = 0.0;
            const std::string label =
                side == geo::Side::unknown
                    ? "Direction of fire, as reported"
                    : "Direction of fire, as " + std::string(side_label(side)) + " claims";
            out.push_back({std::string(legend_key(side)), label, {sample}});
        }
        return out;
    }

private:
    struct Item {
        std::size_t event = 0;
        geo::EventPlace origin;
        geo::Geometry line;
        double density = 0.0; // of the target's mark layer; 0: the target is an area or a band
        geo::BBox box;
    };

    // Armenia's and Azerbaijan's claims in their claim colours (those of the split symbols);
    // any other or no attribution in the neutral colour of the style layer.
    static std::string_view claimant_key(geo::Side side) {
        switch (side) {
        case geo::Side::armenia:
            return "armenia";
        case geo::Side::azerbaijan:
            return "azerbaijan";
        default:
            break;
        }
        return "reported";
    }
    static std::string_view legend_key(geo::Side side) {
        const std::string_view key = claimant_key(side);
        return key == "armenia"      ? "fire-armenia"
               : key == "azerbaijan" ? "fire-azerbaijan"
                                     : "fire-reported";
    }

    static LineSymbol arrow_symbol(const Query& q, geo::Side side) {
        const StyleLayer& st = q.style->layer("fire-lines");
        LineSymbol sym = st.line_symbol(q.unit);
        if (claimant_key(side) != "reported") {
            const StyleLayer& claim = q.style->layer(claim_style_layer(side));
            sym.color = claim.circle_color.with_alpha(sym.color.a);
        }
        sym.cap = LineCap::round;
        sym.arrow.head_length = std::max(6.5 * sym.width, 5.0 * q.unit);
        sym.arrow.head_width = 0.72 * sym.arrow.head_length;
        sym.arrow.tail_dot = std::max(3.6 * sym.width, 3.0 * q.unit);
        sym.arrow.tail_stroke = {1, 1, 1, 1};
        return sym;
    }

    // How far from the target point the head's tip stays: the radius of the event's mark as the
    // mark layers draw it (its size from the casualties, a disputed ring), and a little air.
    static double target_radius(const Query& q, const EventRecord& e, double density) {
        const StyleLayer& st = q.style->layer(style_layer_for(geo::layer_of(e.kind)));
        double r = st.circle_radius * q.unit * density;
        if (geo::layer_of(e.kind) == geo::EventLayer::incident && e.casualties() > 0) {
            r *= geo::casualty_scale(e.casualties());
        }
        r += st.circle_stroke_width * q.unit * std::max(density, 0.5) / 2;
        if (e.disputed && !is_split(e)) {
            const StyleLayer& d = q.style->layer("disputed");
            r += d.circle_radius * q.unit + d.circle_stroke_width * q.unit / 2;
        }
        return r + 1.5 * q.unit;
    }

    std::shared_ptr<const EventSet> m_events;
    PlaceNames m_names;
    std::vector<Item> m_items;
    geo::BBox m_extent = no_extent;
};
} // namespace

void register_builtin_layers(LayerRegistry& registry) {
    auto files = std::make_shared<FileCache>();
    auto basemap = [&registry, files]<typename L>(const char* name, const char* file) {
        registry.add(name, [files, file](const LayerContext& c) -> std::unique_ptr<LayerSource> {
            return std::make_unique<L>(files->get(c.data_dir, file));
        });
    };
    basemap.operator()<CountriesLayer>("countries", "countries");
    basemap.operator()<Admin1Layer>("admin1", "admin1");
    basemap.operator()<NagornoKarabakhLayer>("nagorno-karabakh", "nagorno_karabakh");
    basemap.operator()<LakesLayer>("lakes", "lakes");
    basemap.operator()<RiversLayer>("rivers", "rivers");
    basemap.operator()<BordersLayer>("borders", "borders");
    basemap.operator()<CorridorLayer>("corridor", "corridor");
    registry.add("settlements", [files](const LayerContext& c) -> std::unique_ptr<LayerSource> {
        return std::make_unique<SettlementsLayer>(c, files->get(c.data_dir, "gazetteer"));
    });
    registry.add("uncertainty", [files](const LayerContext& c) -> std::unique_ptr<LayerSource> {
        return std::make_unique<UncertaintyLayer>(c, files->get(c.data_dir, "gazetteer"));
    });
    registry.add("fire-lines", [files](const LayerContext& c) -> std::unique_ptr<LayerSource> {
        return std::make_unique<FireLinesLayer>(c, files->get(c.data_dir, "gazetteer"));
    });
    const std::pair<const char*, geo::EventLayer> event_layers[] = {
        {"checkpoints", geo::EventLayer::checkpoint},
        {"context", geo::EventLayer::context},
        {"incidents", geo::EventLayer::incident}};
    for (const auto& [name, which] : event_layers) {
        registry.add(name,
                     [files, name = std::string(name),
                      which = which](const LayerContext& c) -> std::unique_ptr<LayerSource> {
                         return std::make_unique<EventPointsLayer>(
                             name, which, c, files->get(c.data_dir, "gazetteer"));
                     });
    }
}

} // namespace sitmap::render
