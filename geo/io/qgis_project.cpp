#include "geo/io/qgis_project.hpp"

#include "geo/core/error.hpp"
#include "geo/core/event.hpp"
#include "geo/io/export.hpp"
#include "geo/io/output_file.hpp"
#include "geo/io/pg_store.hpp"
#include "geo/projection/projection.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <tuple>
#include <vector>

#include "geo/io/detail/gdal.hpp"
#include "geo/io/detail/ogr_geometry.hpp"

#include <cpl_minixml.h>

namespace sitmap::geo {

namespace fs = std::filesystem;

namespace {

using detail::CplString;
using detail::DatasetPtr;
using detail::SrsPtr;

// QGIS reads project and style documents written for 3.22 (the Debian version tests run with).
constexpr const char* qgis_version = "3.22.0-Białowieża";
constexpr const char* doctype = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n";

struct XmlDeleter {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using XmlPtr = std::unique_ptr<CPLXMLNode, XmlDeleter>;

// Element and attribute helpers over GDAL's XML tree; serialisation escapes every value.
CPLXMLNode* element(CPLXMLNode* parent, const char* name) {
    return CPLCreateXMLNode(parent, CXT_Element, name);
}

CPLXMLNode* element(CPLXMLNode* parent, const char* name, const std::string& text) {
    return CPLCreateXMLElementAndValue(parent, name, text.c_str());
}

CPLXMLNode* attr(CPLXMLNode* node, const char* name, const std::string& value) {
    CPLAddXMLAttributeAndValue(node, name, value.c_str());
    return node;
}

std::string serialize(const CPLXMLNode* root) {
    const CplString text(CPLSerializeXMLTree(root));
    return std::string(doctype) + (text ? text.get() : "");
}

// <Option type="Map"> with <Option name=.. value=.. type="QString"/> children.
CPLXMLNode* option_map(CPLXMLNode* parent, const char* name = nullptr) {
    CPLXMLNode* map = element(parent, "Option");
    if (name != nullptr) {
        attr(map, "name", name);
    }
    return attr(map, "type", "Map");
}

void option(CPLXMLNode* map, const char* name, const std::string& value,
            const char* type = "QString") {
    CPLXMLNode* o = element(map, "Option");
    attr(o, "name", name);
    attr(o, "value", value);
    attr(o, "type", type);
}

// "r,g,b,a" as QGIS writes colours.
std::string rgba_text(Rgba c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
           std::to_string(c.a);
}

// Style pixels (1/96 in, as in the map style) to QGIS units: millimetres, symbol sizes to a tenth
// and line widths to a hundredth; text sizes in whole points.
double size_mm(double px) {
    return std::round(px * 25.4 / 96.0 * 10.0) / 10.0;
}
double width_mm(double px) {
    return std::round(px * 25.4 / 96.0 * 100.0) / 100.0;
}
double points(double px) {
    return std::round(px * 0.75);
}

// The shortest decimal that reads back as v: "0.8", "6".
std::string shortest(double v) {
    std::array<char, 32> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

// An incident's size grows with the casualties claimed, as on sitmap's maps: casualty_scale
// (geo/io/symbology.hpp) written as a QGIS expression from the same constants.
std::string casualty_size_expression(double base_mm) {
    return std::to_string(base_mm) + " * min(max(1, " + shortest(casualty_scale_per_sqrt) +
           " * sqrt(coalesce(\"killed_max\", 0) + coalesce(\"wounded_max\", 0))), " +
           shortest(casualty_scale_max) + ")";
}

// QGIS's name for a shape of the style's vocabulary.
const char* qgis_shape(std::string_view shape) {
    for (const auto& [ours, theirs] :
         {std::pair{"square", "square"}, std::pair{"triangle", "triangle"},
          std::pair{"diamond", "diamond"}, std::pair{"star", "star"},
          std::pair{"cross", "cross_fill"}, std::pair{"hexagon", "hexagon"},
          std::pair{"barrier", "half_square"}}) {
        if (shape == ours) {
            return theirs;
        }
    }
    return "circle";
}

struct MarkerStyle {
    Rgba fill;
    const char* shape = "circle";
    double size_mm = 3.0;
    bool sized_by_casualties = false;
    Rgba outline{255, 255, 255};
    double outline_mm = 0.35;
    // QGIS draws a layer's lower passes first, for all features: event marks (pass 1) stay above
    // every disputed ring (pass 0).
    int pass = 0;
};
struct LineStyle {
    Rgba color;
    double width_mm = 0.3;
    const char* pattern = "solid"; // solid, dash, dot, dash dot
};
struct FillStyle {
    Rgba fill;
    Rgba outline;
    double outline_mm = 0.2;
    const char* fill_pattern = "solid"; // solid, no, b_diagonal...
    const char* outline_pattern = "solid";
};

CPLXMLNode* symbol(CPLXMLNode* parent, const std::string& name, const char* type) {
    CPLXMLNode* s = element(parent, "symbol");
    attr(s, "name", name);
    attr(s, "type", type);
    attr(s, "alpha", "1");
    attr(s, "clip_to_extent", "1");
    attr(s, "force_rhr", "0");
    return s;
}

CPLXMLNode* symbol_layer(CPLXMLNode* sym, const char* cls, int pass = 0) {
    CPLXMLNode* l = element(sym, "layer");
    attr(l, "class", cls);
    attr(l, "enabled", "1");
    attr(l, "locked", "0");
    attr(l, "pass", std::to_string(pass));
    return l;
}

// Data-defined properties of a symbol layer: property key -> QGIS expression.
void data_defined(CPLXMLNode* layer,
                  const std::vector<std::pair<const char*, std::string>>& props) {
    CPLXMLNode* dd = element(layer, "data_defined_properties");
    CPLXMLNode* map = option_map(dd);
    option(map, "name", "");
    CPLXMLNode* properties = option_map(map, "properties");
    for (const auto& [key, expression] : props) {
        CPLXMLNode* p = option_map(properties, key);
        option(p, "active", "true", "bool");
        option(p, "expression", expression);
        option(p, "type", "3", "int"); // an expression-based property
    }
    option(map, "type", "collection");
}

void simple_marker(CPLXMLNode* sym, const char* shape, Rgba fill, Rgba outline, double outline_mm,
                   const char* outline_style, double size_mm,
                   const std::vector<std::pair<const char*, std::string>>& props,
                   const char* angle = "0", int pass = 0) {
    CPLXMLNode* layer = symbol_layer(sym, "SimpleMarker", pass);
    CPLXMLNode* o = option_map(layer);
    option(o, "angle", angle);
    option(o, "color", rgba_text(fill));
    option(o, "joinstyle", "miter");
    option(o, "name", shape);
    option(o, "outline_color", rgba_text(outline));
    option(o, "outline_style", outline_style);
    option(o, "outline_width", std::to_string(outline_mm));
    option(o, "outline_width_unit", "MM");
    option(o, "scale_method", "diameter");
    option(o, "size", std::to_string(size_mm));
    option(o, "size_unit", "MM");
    option(o, "vertical_anchor_point", "1");
    option(o, "horizontal_anchor_point", "1");
    if (!props.empty()) {
        data_defined(layer, props);
    }
}

// The disputed ring's measures are QGIS's own, not derived from the map style (whose ring is
// 1.3 px = 0.34 mm wide, 3.5 px from the mark): the exported styles have always used these, and
// issue 12 kept exports unchanged.
constexpr double disputed_ring_mm = 0.35;
constexpr double disputed_ring_growth_mm = 2.0; // added to the mark's size

std::string one_decimal(double v) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.1f", v);
    return buf.data();
}

// The mark's size: fixed, or for incidents grown with the casualties claimed.
std::string size_expression(const MarkerStyle& m) {
    return m.sized_by_casualties ? casualty_size_expression(m.size_mm) : std::to_string(m.size_mm);
}

void marker_symbol(CPLXMLNode* parent, const std::string& name, const MarkerStyle& m) {
    CPLXMLNode* sym = symbol(parent, name, "marker");
    std::vector<std::pair<const char*, std::string>> props;
    if (m.sized_by_casualties) {
        props.emplace_back("size", size_expression(m));
    }
    simple_marker(sym, m.shape, m.fill, m.outline, m.outline_mm, "solid", m.size_mm, props, "0",
                  m.pass);
}

void simple_line(CPLXMLNode* sym, const LineStyle& l) {
    CPLXMLNode* layer = symbol_layer(sym, "SimpleLine");
    CPLXMLNode* o = option_map(layer);
    option(o, "capstyle", "round");
    option(o, "joinstyle", "round");
    option(o, "line_color", rgba_text(l.color));
    option(o, "line_style", l.pattern);
    option(o, "line_width", std::to_string(l.width_mm));
    option(o, "line_width_unit", "MM");
}

void line_symbol(CPLXMLNode* parent, const std::string& name, const LineStyle& l) {
    simple_line(symbol(parent, name, "line"), l);
}

// A line over a wider, translucent casing (the Armenia–Azerbaijan border on sitmap's maps).
void cased_line_symbol(CPLXMLNode* parent, const std::string& name, const LineStyle& casing,
                       const LineStyle& l) {
    CPLXMLNode* sym = symbol(parent, name, "line");
    simple_line(sym, casing);
    simple_line(sym, l);
}

void fill_symbol(CPLXMLNode* parent, const std::string& name, const FillStyle& f) {
    CPLXMLNode* layer = symbol_layer(symbol(parent, name, "fill"), "SimpleFill");
    CPLXMLNode* o = option_map(layer);
    option(o, "color", rgba_text(f.fill));
    option(o, "joinstyle", "round");
    option(o, "outline_color", rgba_text(f.outline));
    option(o, "outline_style", f.outline_pattern);
    option(o, "outline_width", std::to_string(f.outline_mm));
    option(o, "outline_width_unit", "MM");
    option(o, "style", f.fill_pattern);
}

CPLXMLNode* renderer(CPLXMLNode* parent, const char* type) {
    CPLXMLNode* r = element(parent, "renderer-v2");
    attr(r, "type", type);
    attr(r, "symbollevels", "0");
    attr(r, "enableorderby", "0");
    attr(r, "forceraster", "0");
    return r;
}

// A rule-based renderer: rules (QGIS filter expression, legend label) with symbols "0", "1"...
// written by the caller into the returned <symbols>; the filter "ELSE" catches the rest.
CPLXMLNode* rule_based(CPLXMLNode* parent,
                       const std::vector<std::pair<std::string, std::string>>& rules) {
    CPLXMLNode* r = renderer(parent, "RuleRenderer");
    CPLXMLNode* root = attr(element(r, "rules"), "key", "{sitmap-root}");
    for (std::size_t i = 0; i < rules.size(); ++i) {
        CPLXMLNode* rule = element(root, "rule");
        attr(rule, "key", "{sitmap-rule-" + std::to_string(i) + "}");
        attr(rule, "filter", rules[i].first);
        attr(rule, "label", rules[i].second);
        attr(rule, "symbol", std::to_string(i));
    }
    return element(r, "symbols");
}

struct Category {
    std::string value;
    std::string label;
    MarkerStyle marker;
};

void categorized(CPLXMLNode* parent, const char* field, const std::vector<Category>& cats) {
    CPLXMLNode* r = renderer(parent, "categorizedSymbol");
    attr(r, "attr", field);
    CPLXMLNode* list = element(r, "categories");
    for (std::size_t i = 0; i < cats.size(); ++i) {
        CPLXMLNode* c = element(list, "category");
        attr(c, "value", cats[i].value);
        attr(c, "label", cats[i].label);
        attr(c, "symbol", std::to_string(i));
        attr(c, "render", "true");
    }
    CPLXMLNode* symbols = element(r, "symbols");
    for (std::size_t i = 0; i < cats.size(); ++i) {
        marker_symbol(symbols, std::to_string(i), cats[i].marker);
    }
    element(r, "rotation");
    element(r, "sizescale");
}

// As on sitmap's maps: colour and size by layer (incidents red, checkpoints blue, context white),
// shape by kind, incidents sized by the casualties claimed; above the disputed rings.
MarkerStyle event_marker(EventKind k, const Symbology& symbology) {
    const MarkerSymbology& m = symbology.kind(k);
    return {m.fill,
            qgis_shape(m.shape),
            size_mm(2.0 * m.radius_px),
            layer_of(k) == EventLayer::incident,
            m.stroke,
            width_mm(m.stroke_px),
            1};
}

MarkerStyle marker_style(const MarkerSymbology& m) {
    return {m.fill,   qgis_shape(m.shape),  size_mm(2.0 * m.radius_px), false,
            m.stroke, width_mm(m.stroke_px)};
}

// The dashed ring around a disputed event, as on sitmap's maps: a little larger than the event's
// mark, whatever its kind and size (one CASE over the kinds that share a size). Its own size, for
// the legend, is the ring around an incident of the base size.
void disputed_ring_symbol(CPLXMLNode* parent, const std::string& name, const Symbology& symbology) {
    std::vector<std::pair<std::string, std::string>> sizes; // size expression, kinds in quotes
    double legend_mm = 0.0;
    for (const EventKindInfo& k : event_kinds()) {
        const MarkerStyle m = event_marker(k.kind, symbology);
        if (legend_mm == 0.0 && k.layer == EventLayer::incident) {
            legend_mm = m.size_mm;
        }
        const std::string size = size_expression(m);
        auto it = std::find_if(sizes.begin(), sizes.end(),
                               [&](const auto& s) { return s.first == size; });
        if (it == sizes.end()) {
            it = sizes.insert(sizes.end(), {size, ""});
        } else {
            it->second += ", ";
        }
        it->second.append("'").append(k.name).append("'");
    }
    std::string expression = "CASE";
    for (const auto& [size, kinds] : sizes) {
        expression += " WHEN \"kind\" IN (" + kinds + ") THEN " + size;
    }
    expression +=
        " ELSE " + std::to_string(legend_mm) + " END + " + one_decimal(disputed_ring_growth_mm);
    simple_marker(symbol(parent, name, "marker"), "circle", {0, 0, 0, 0}, symbology.disputed.stroke,
                  disputed_ring_mm, "dash", legend_mm + disputed_ring_growth_mm,
                  {{"size", expression}});
}

LineStyle line_style(const LineSymbology& l) {
    return {l.color, width_mm(l.width_px), l.dashed ? "dash" : "solid"};
}

FillStyle fill_style(const FillSymbology& f) {
    return {f.fill, f.outline, width_mm(f.outline_px), f.hatched ? "b_diagonal" : "solid",
            f.dashed ? "dash" : "solid"};
}

std::string label_of(std::string_view value) {
    std::string s(value);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    }
    return s;
}

enum class Weight { regular, bold };

void labeling(CPLXMLNode* parent, const std::string& field, double size_pt, Rgba color,
              const char* placement, Weight weight = Weight::regular, bool expression = false,
              int priority = 5) {
    CPLXMLNode* l = attr(element(parent, "labeling"), "type", "simple");
    CPLXMLNode* s = element(l, "settings");
    attr(s, "calloutType", "simple");
    CPLXMLNode* t = element(s, "text-style");
    attr(t, "fieldName", field);
    attr(t, "isExpression", expression ? "1" : "0");
    attr(t, "fontFamily", "Noto Sans");
    attr(t, "namedStyle", weight == Weight::bold ? "Bold" : "Regular");
    attr(t, "fontSize", std::to_string(size_pt));
    attr(t, "fontSizeUnit", "Point");
    attr(t, "textColor", rgba_text(color));
    attr(t, "textOpacity", "1");
    attr(t, "fontWeight", weight == Weight::bold ? "75" : "50");
    CPLXMLNode* b = element(t, "text-buffer");
    attr(b, "bufferDraw", "1");
    attr(b, "bufferSize", "0.7");
    attr(b, "bufferSizeUnits", "MM");
    attr(b, "bufferColor", "255,255,255,255");
    attr(b, "bufferOpacity", "0.85");
    CPLXMLNode* p = element(s, "placement");
    attr(p, "placement", placement);
    attr(p, "dist", "1.2");
    attr(p, "distUnits", "MM");
    attr(p, "priority", std::to_string(priority));
    CPLXMLNode* r = element(s, "rendering");
    attr(r, "obstacle", "1");
    attr(r, "scaleVisibility", "0");
    attr(r, "displayAll", "0");
}

Weight weight_of(const TextSymbology& t) {
    return t.bold ? Weight::bold : Weight::regular;
}

// Events by kind with the map's symbols, and as on the map's legend one entry more for the
// dashed ring that only disputed events get (a rule of its own: a ring inside each kind's symbol
// showed in the legend on every kind). Labelled by date.
// An incident or checkpoint known only to a region gets no mark, as on the maps: the event_lines
// or event_areas layer draws its sector or district (geo/io/event_extent.hpp) instead of a pin.
constexpr const char* marked_events = "(\"geo_precision\" IS NULL OR \"geo_precision\" < 3 OR "
                                      "\"layer\" = 'context')";

void append_events_style(CPLXMLNode* parent, const Symbology& symbology) {
    std::vector<std::pair<std::string, std::string>> rules;
    for (const EventKindInfo& k : event_kinds()) {
        rules.emplace_back("\"kind\" = '" + std::string(k.name) + "' AND " + marked_events,
                           std::string(k.label));
    }
    rules.emplace_back(std::string("\"disputed\" AND ") + marked_events,
                       std::string(disputed_legend_label));
    CPLXMLNode* symbols = rule_based(parent, rules);
    for (const EventKindInfo& k : event_kinds()) {
        marker_symbol(symbols, std::to_string(static_cast<std::size_t>(k.kind)),
                      event_marker(k.kind, symbology));
    }
    disputed_ring_symbol(symbols, std::to_string(event_kind_count), symbology);
    // The date ("11 May 2023"): the places layer names the place, as the maps' labels
    // ("Sotk · 11 May 2023") do together.
    const TextSymbology& text = symbology.event_labels;
    labeling(parent, "coalesce(format_date(\"date_begin\", 'd MMM yyyy'), \"date_begin\")",
             points(text.size_px), text.color, "0", weight_of(text), true);
}

// Claims categorised by the side that makes them (the maps do not draw claims: QGIS's own colours).
void append_claims_style(CPLXMLNode* parent) {
    const std::array<std::pair<Side, Rgba>, 6> sides = {{{Side::armenia, {217, 95, 2}},
                                                         {Side::azerbaijan, {27, 158, 119}},
                                                         {Side::russia, {117, 112, 179}},
                                                         {Side::eu, {31, 120, 180}},
                                                         {Side::other, {102, 102, 102}},
                                                         {Side::unknown, {170, 170, 170}}}};
    std::vector<Category> cats;
    for (const auto& [side, color] : sides) {
        cats.push_back({std::string(to_string(side)), label_of(to_string(side)),
                        MarkerStyle{color, "circle", 2.2, false, {255, 255, 255}, 0.3}});
    }
    categorized(parent, "side", cats);
}

// A direction of fire as on sitmap's maps: the line, a head whose tip stops `gap_mm` short of
// the target (the line runs on under the event's mark, the head stays visible beside it), and a
// dot at the origin.
void fire_arrow_symbol(CPLXMLNode* parent, const std::string& name, Rgba color, double width_px,
                       double gap_mm) {
    CPLXMLNode* sym = symbol(parent, name, "line");
    simple_line(sym, LineStyle{color, width_mm(width_px), "solid"});
    const auto end_marker = [&](const char* placement, int index) {
        CPLXMLNode* layer = symbol_layer(sym, "MarkerLine");
        CPLXMLNode* o = option_map(layer);
        option(o, "placement", placement);
        option(o, "rotate", "1");
        option(o, "offset", "0");
        option(o, "offset_unit", "MM");
        // At the last vertex QGIS counts the offset back along the line.
        option(o, "offset_along_line", index == 2 ? shortest(gap_mm) : "0");
        option(o, "offset_along_line_unit", "MM");
        return symbol(layer, "@" + name + "@" + std::to_string(index), "marker");
    };
    // QGIS's filled arrowhead has its tip at the anchor, is half as long as it is wide, and
    // along a line points back to its start unless turned.
    simple_marker(end_marker("lastvertex", 2), "filled_arrowhead", color, color, 0.0, "no",
                  size_mm(7.0 * width_px), {}, "180");
    simple_marker(end_marker("firstvertex", 3), "circle", color, {255, 255, 255},
                  width_mm(0.6 * width_px), "solid", size_mm(3.6 * width_px), {});
}

// The directions of fire by the side whose claim each is, in its claim colour.
void append_fire_lines_style(CPLXMLNode* parent, const Symbology& symbology) {
    CPLXMLNode* symbols = rule_based(
        parent, {{"\"claimed_by\" = 'armenia'", "Direction of fire, as Armenia claims"},
                 {"\"claimed_by\" = 'azerbaijan'", "Direction of fire, as Azerbaijan claims"},
                 {"ELSE", "Direction of fire, as reported"}});
    const LineSymbology& l = symbology.fire_lines;
    // Clear of an incident's mark of the base size (as on the maps, a little air beyond it).
    const double gap = size_mm(symbology.kind(EventKind::shelling).radius_px) + 0.6;
    fire_arrow_symbol(symbols, "0", symbology.claim_armenia, l.width_px, gap);
    fire_arrow_symbol(symbols, "1", symbology.claim_azerbaijan, l.width_px, gap);
    fire_arrow_symbol(symbols, "2", l.color, l.width_px, gap);
}

// As on sitmap's maps, the two countries stand out; the Armenia–Azerbaijan border is cased.
bool append_rule_based_style(CPLXMLNode* parent, std::string_view layer,
                             const Symbology& symbology) {
    if (layer == "countries") {
        CPLXMLNode* symbols =
            rule_based(parent, {{"\"iso_a2\" IN ('AM', 'AZ')", "Armenia, Azerbaijan"},
                                {"ELSE", "Other countries"}});
        fill_symbol(symbols, "0", fill_style(symbology.countries_focus));
        fill_symbol(symbols, "1", fill_style(symbology.countries));
        const TextSymbology& text = symbology.country_labels;
        labeling(parent, "name", points(text.size_px), text.color, "1", weight_of(text));
        return true;
    }
    CPLXMLNode* symbols =
        rule_based(parent, {{"\"countries\" IN ('AM-AZ', 'AZ-AM')", "Armenia–Azerbaijan border"},
                            {"ELSE", "International border"}});
    cased_line_symbol(symbols, "0", line_style(symbology.borders_am_az_casing),
                      line_style(symbology.borders_am_az));
    line_symbol(symbols, "1", line_style(symbology.borders));
    return false;
}

// One symbol for the whole layer: places and the other basemap layers; a neutral symbol of its
// geometry for a layer sitmap does not know.
void append_single_symbol_style(CPLXMLNode* parent, std::string_view layer, LayerGeometry geometry,
                                const Symbology& symbology) {
    CPLXMLNode* r = renderer(parent, "singleSymbol");
    CPLXMLNode* symbols = element(r, "symbols");
    element(r, "rotation");
    element(r, "sizescale");
    if (layer == places_layer) {
        marker_symbol(symbols, "0", marker_style(symbology.places));
    } else if (layer == "admin1") {
        // An outline only. Not the map's line colour (#a9a194): the exported styles have always
        // used this lighter grey, and issue 12 kept exports unchanged.
        const LineStyle line = line_style(symbology.admin1);
        fill_symbol(symbols, "0",
                    FillStyle{{0, 0, 0, 0}, {190, 190, 190}, line.width_mm, "no", line.pattern});
    } else if (layer == "nagorno_karabakh") {
        fill_symbol(symbols, "0", fill_style(symbology.nagorno_karabakh));
    } else if (layer == "lakes") {
        fill_symbol(symbols, "0", fill_style(symbology.lakes));
    } else if (layer == "rivers") {
        line_symbol(symbols, "0", line_style(symbology.rivers));
    } else if (layer == "corridor") {
        line_symbol(symbols, "0", line_style(symbology.corridor));
    } else if (layer == event_areas_layer) {
        fill_symbol(symbols, "0", fill_style(symbology.uncertainty));
    } else if (layer == event_lines_layer) {
        line_symbol(symbols, "0", line_style(symbology.uncertainty_line));
    } else if (geometry == LayerGeometry::polygon) {
        fill_symbol(symbols, "0", FillStyle{{220, 220, 220}, {150, 150, 150}, 0.2});
    } else if (geometry == LayerGeometry::line) {
        line_symbol(symbols, "0", LineStyle{{120, 120, 120}, 0.3});
    } else {
        marker_symbol(symbols, "0",
                      MarkerStyle{{120, 120, 120}, "circle", 1.6, false, {255, 255, 255}, 0.3});
    }
}

// Appends <renderer-v2> and <labeling> for a layer; returns whether labels are on.
bool append_style(CPLXMLNode* parent, std::string_view layer, LayerGeometry geometry,
                  const Symbology& symbology) {
    if (layer == events_layer) {
        append_events_style(parent, symbology);
        return true;
    }
    if (layer == claims_layer) {
        append_claims_style(parent);
        return false;
    }
    if (layer == fire_lines_layer) {
        append_fire_lines_style(parent, symbology);
        return false;
    }
    if (layer == "countries" || layer == "borders") {
        return append_rule_based_style(parent, layer, symbology);
    }
    append_single_symbol_style(parent, layer, geometry, symbology);
    if (layer == places_layer) {
        // The places' names, placed before the events' dates (QGIS: lower priority first out).
        const TextSymbology& text = symbology.place_labels;
        labeling(parent, "name", points(text.size_px), text.color, "0", weight_of(text), false, 7);
        return true;
    }
    return false;
}

// Layers of an exported GeoPackage as QGIS sees them.
struct GpkgLayer {
    std::string name;
    LayerGeometry geometry = LayerGeometry::none;
    long long features = 0;
    BBox extent;
};

// Drawing order: basemap (bottom first, in the bundled order; unknown layers lowest), places,
// claims, events on top.
int rank_of(const std::string& name) {
    const auto names = basemap_layer_names();
    if (auto it = std::find(names.begin(), names.end(), name); it != names.end()) {
        return 10 + static_cast<int>(it - names.begin());
    }
    if (name == places_layer) {
        return 100;
    }
    if (name == claims_layer) {
        return 101;
    }
    if (name == event_areas_layer) {
        return 98; // under the places' names and every mark, as the maps draw them
    }
    if (name == event_lines_layer) {
        return 99;
    }
    if (name == fire_lines_layer) {
        return 102; // under the events: an arrow's head points into the target's mark
    }
    if (name == events_layer) {
        return 103;
    }
    return 0;
}

std::vector<GpkgLayer> read_layers(const fs::path& gpkg) {
    DatasetPtr ds;
    {
        const detail::QuietGdalErrors quiet;
        ds = detail::open_vector(gpkg, {"GPKG"});
    }
    if (!ds) {
        throw input_error(gpkg.string() + ": cannot open as a GeoPackage");
    }
    std::vector<GpkgLayer> out;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.get()); ++i) {
        OGRLayerH l = GDALDatasetGetLayer(ds.get(), i);
        const OGRwkbGeometryType type = OGR_L_GetGeomType(l);
        if (type == wkbNone) {
            continue; // layer_styles and other tables
        }
        GpkgLayer layer{
            OGR_L_GetName(l), detail::layer_geometry_of(type), OGR_L_GetFeatureCount(l, TRUE), {}};
        OGREnvelope env{};
        if (layer.features > 0 && OGR_L_GetExtent(l, &env, TRUE) == OGRERR_NONE) {
            layer.extent = {env.MinX, env.MinY, env.MaxX, env.MaxY};
        } else {
            layer.extent = {1, 1, 0, 0};
        }
        out.push_back(std::move(layer));
    }
    std::stable_sort(out.begin(), out.end(), [](const GpkgLayer& a, const GpkgLayer& b) {
        return rank_of(a.name) < rank_of(b.name);
    });
    if (std::none_of(out.begin(), out.end(),
                     [](const GpkgLayer& l) { return l.name == events_layer; })) {
        throw input_error(gpkg.string() + ": no '" + std::string(events_layer) +
                          "' layer (not written by sitmap export?)");
    }
    return out;
}

struct Crs {
    SrsPtr srs;
    std::string wkt, proj4, authid, description;
    bool geographic = false;
};

Crs crs_of(const std::string& definition) {
    Crs crs;
    crs.srs.reset(OSRNewSpatialReference(nullptr));
    if (OSRSetFromUserInput(crs.srs.get(), definition.c_str()) != OGRERR_NONE) {
        throw usage_error("unknown CRS '" + definition + "'");
    }
    const std::array<const char*, 2> wkt_options = {"FORMAT=WKT2_2019", nullptr};
    char* wkt = nullptr;
    const bool has_wkt = OSRExportToWktEx(crs.srs.get(), &wkt, wkt_options.data()) == OGRERR_NONE;
    const CplString wkt_owner(wkt);
    if (has_wkt && wkt != nullptr) {
        crs.wkt = wkt;
    }
    char* proj4 = nullptr;
    const bool has_proj4 = OSRExportToProj4(crs.srs.get(), &proj4) == OGRERR_NONE;
    const CplString proj4_owner(proj4);
    if (has_proj4 && proj4 != nullptr) {
        crs.proj4 = proj4;
    }
    const char* auth = OSRGetAuthorityName(crs.srs.get(), nullptr);
    const char* code = OSRGetAuthorityCode(crs.srs.get(), nullptr);
    if (auth != nullptr && code != nullptr) {
        crs.authid = std::string(auth) + ":" + code;
    }
    const char* name = OSRGetName(crs.srs.get());
    crs.description = name != nullptr ? name : definition;
    crs.geographic = OSRIsGeographic(crs.srs.get()) != 0;
    return crs;
}

void spatialrefsys(CPLXMLNode* parent, const Crs& crs) {
    CPLXMLNode* s = element(parent, "spatialrefsys");
    attr(s, "nativeFormat", "Wkt");
    element(s, "wkt", crs.wkt);
    element(s, "proj4", crs.proj4);
    element(s, "authid", crs.authid);
    element(s, "description", crs.description);
    element(s, "geographicflag", crs.geographic ? "true" : "false");
}

const char* geometry_name(LayerGeometry g) {
    switch (g) {
    case LayerGeometry::point:
        return "Point";
    case LayerGeometry::line:
        return "Line";
    case LayerGeometry::polygon:
        return "Polygon";
    case LayerGeometry::none:
        break;
    }
    return "No geometry";
}

std::string number(double v) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.6f", v);
    return buf.data();
}

// The view in the project CRS: the extent's edges projected (PROJ), padded by a tenth.
BBox projected_extent(const BBox& lonlat, const std::string& crs) {
    const Projection projection(crs);
    BBox out{1e300, 1e300, -1e300, -1e300};
    constexpr int steps = 8;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double lon = lonlat.west + t * (lonlat.east - lonlat.west);
        const double lat = lonlat.south + t * (lonlat.north - lonlat.south);
        for (LonLat p : {LonLat{lon, lonlat.south}, LonLat{lon, lonlat.north},
                         LonLat{lonlat.west, lat}, LonLat{lonlat.east, lat}}) {
            const XY xy = projection.forward(p);
            out.west = std::min(out.west, xy.x);
            out.east = std::max(out.east, xy.x);
            out.south = std::min(out.south, xy.y);
            out.north = std::max(out.north, xy.y);
        }
    }
    const double pad = 0.1 * std::max(out.east - out.west, out.north - out.south);
    return {out.west - pad, out.south - pad, out.east + pad, out.north + pad};
}

// What the project shows when it opens (lon/lat): the given extent, else the events', else the
// region of the conflict; never narrower than 0.1 degrees.
BBox initial_view(const std::vector<GpkgLayer>& layers, const QgisProjectOptions& options) {
    BBox view = options.extent.value_or(BBox{1, 1, 0, 0});
    if (view.empty()) {
        for (const GpkgLayer& l : layers) {
            if (l.name == events_layer && !l.extent.empty()) {
                view = l.extent;
            }
        }
    }
    if (view.empty()) { // no events: the region of the conflict
        view = {43.4, 38.8, 47.0, 41.3};
    }
    if (view.east - view.west < 0.05) {
        view.west -= 0.05;
        view.east += 0.05;
    }
    if (view.north - view.south < 0.05) {
        view.south -= 0.05;
        view.north += 0.05;
    }
    return view;
}

// ---- the print layout -----------------------------------------------------------------------

// What the layout's credits say of the boundaries the GeoPackage holds: the Armenia–Azerbaijan
// line's source and date and the Nagorno-Karabakh outline's date, as sitmap's maps do.
std::vector<std::string> boundary_credits(const fs::path& gpkg) {
    std::vector<std::string> out;
    DatasetPtr ds;
    {
        const detail::QuietGdalErrors quiet;
        ds = detail::open_vector(gpkg, {"GPKG"});
    }
    if (!ds) {
        return out;
    }
    const auto text = [](OGRFeatureH f, const char* name) {
        const int i = OGR_F_GetFieldIndex(f, name);
        std::string v =
            i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
        std::replace(v.begin(), v.end(), '/', '-'); // a GeoPackage date reads "1991/11/26"
        return v;
    };
    if (OGRLayerH borders = GDALDatasetGetLayerByName(ds.get(), "borders")) {
        OGR_L_ResetReading(borders);
        while (detail::FeaturePtr f{OGR_L_GetNextFeature(borders)}) {
            const std::string countries = text(f.get(), "countries");
            const std::string source = text(f.get(), "source");
            if ((countries == "AM-AZ" || countries == "AZ-AM") && !source.empty()) {
                std::string credit = "Armenia–Azerbaijan border: " + source;
                if (const std::string date = text(f.get(), "source_date"); !date.empty()) {
                    credit += ", line of " + date;
                }
                out.push_back(credit + " (before the 2024 Tavush–Gazakh delimitation).");
                break;
            }
        }
    }
    if (OGRLayerH nk = GDALDatasetGetLayerByName(ds.get(), "nagorno_karabakh")) {
        OGR_L_ResetReading(nk);
        if (detail::FeaturePtr f{OGR_L_GetNextFeature(nk)}) {
            std::string credit = "Nagorno-Karabakh: outline of the former NKAO";
            if (const std::string date = text(f.get(), "boundary_date"); !date.empty()) {
                credit += " as of " + date;
            }
            out.push_back(credit + ", shown for reference, not as a statement on status.");
        }
    }
    return out;
}

// The legend's name for a layer of an exported GeoPackage ("" : the layer's own name).
std::string legend_title(std::string_view layer) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> titles = {{
        {"events", "Events"},
        {"fire_lines", "Directions of fire"},
        {"event_areas", "Location known only to a district"},
        {"event_lines", "Location known only to a border sector"},
        {"claims", "Claims, by side"},
        {"places", "Places named in the reports"},
        {"corridor", "Lachin corridor road"},
        {"borders", "Borders"},
        {"rivers", "Rivers"},
        {"lakes", "Lakes"},
        {"nagorno_karabakh", "Nagorno-Karabakh (shown for reference)"},
        {"admin1", "Province / district boundaries"},
        {"countries", "Countries"},
    }};
    for (const auto& [name, title] : titles) {
        if (name == layer) {
            return std::string(title);
        }
    }
    return {};
}

// A4 landscape, in millimetres.
constexpr double page_w = 297.0;
constexpr double page_h = 210.0;
constexpr double margin = 10.0;
constexpr double map_x = margin;
constexpr double map_y = 27.0;
constexpr double map_w = 205.0;
constexpr double map_h = 150.0;
constexpr double legend_x = map_x + map_w + 5.0;

// Fixed ids: the same project is written byte for byte for the same input.
constexpr const char* map_uuid = "{5174a9a0-0000-4000-8000-000000000001}";

std::string mm(double v) {
    return shortest(std::round(v * 100.0) / 100.0);
}

std::string qt_font(const char* family, int points, bool bold, bool italic = false) {
    return std::string(family) + "," + std::to_string(points) + ",-1,5," + (bold ? "75" : "50") +
           "," + (italic ? "1" : "0") + ",0,0,0,0";
}

CPLXMLNode* color_element(CPLXMLNode* parent, const char* name, Rgba c) {
    CPLXMLNode* e = element(parent, name);
    attr(e, "red", std::to_string(c.r));
    attr(e, "green", std::to_string(c.g));
    attr(e, "blue", std::to_string(c.b));
    attr(e, "alpha", std::to_string(c.a));
    return e;
}

// A layout item of a QGIS type (65639 map, 65641 label, 65642 legend, 65646 scale bar, 65640
// picture) at x, y with a size, in millimetres.
CPLXMLNode* layout_item(CPLXMLNode* layout, int type, const std::string& uuid,
                        const std::string& id, double x, double y, double w, double h,
                        bool background, bool frame, int z) {
    CPLXMLNode* item = element(layout, "LayoutItem");
    attr(item, "type", std::to_string(type));
    attr(item, "uuid", uuid);
    attr(item, "templateUuid", uuid);
    attr(item, "id", id);
    attr(item, "position", mm(x) + "," + mm(y) + ",mm");
    attr(item, "positionOnPage", mm(x) + "," + mm(y) + ",mm");
    attr(item, "size", mm(w) + "," + mm(h) + ",mm");
    attr(item, "referencePoint", "0");
    attr(item, "zValue", std::to_string(z));
    attr(item, "visibility", "1");
    attr(item, "opacity", "1");
    attr(item, "background", background ? "true" : "false");
    attr(item, "frame", frame ? "true" : "false");
    attr(item, "outlineWidthM", "0.3,mm");
    attr(item, "frameJoinStyle", "miter");
    attr(item, "itemRotation", "0");
    attr(item, "positionLock", "false");
    attr(item, "excludeFromExports", "0");
    attr(item, "blendMode", "0");
    attr(item, "groupUuid", "");
    color_element(item, "FrameColor", {90, 90, 90});
    color_element(item, "BackgroundColor", {255, 255, 255});
    return item;
}

void layout_label(CPLXMLNode* layout, const std::string& uuid, const std::string& id,
                  const std::string& text, double x, double y, double w, double h,
                  const std::string& font, Rgba color, int z) {
    CPLXMLNode* item = layout_item(layout, 65641, uuid, id, x, y, w, h, false, false, z);
    attr(item, "labelText", text);
    attr(item, "htmlState", "0");
    attr(item, "marginX", "0");
    attr(item, "marginY", "0");
    attr(item, "halign", "1");  // left
    attr(item, "valign", "32"); // top
    attr(element(item, "LabelFont"), "description", font);
    color_element(item, "FontColor", color);
}

// The layout's map item: the project's visible layers in the view widened to the item's shape
// (QGIS keeps an extent as written).
void layout_map(CPLXMLNode* layout, const BBox& view) {
    const double x = map_x, y = map_y, w = map_w, h = map_h;
    CPLXMLNode* map = layout_item(layout, 65639, map_uuid, "map", x, y, w, h, true, true, 1);
    attr(map, "keepLayerSet", "false");
    attr(map, "drawCanvasItems", "true");
    attr(map, "followPreset", "false");
    attr(map, "followPresetName", "");
    attr(map, "mapRotation", "0");
    attr(map, "mapFlags", "0");
    attr(map, "labelMargin", "0,mm");
    attr(map, "isTemporal", "0");
    BBox e = view;
    const double cx = (e.west + e.east) / 2, cy = (e.south + e.north) / 2;
    double ew = e.east - e.west, eh = e.north - e.south;
    if (ew / eh > w / h) {
        eh = ew * h / w;
    } else {
        ew = eh * w / h;
    }
    CPLXMLNode* extent = element(map, "Extent");
    attr(extent, "xmin", number(cx - ew / 2));
    attr(extent, "ymin", number(cy - eh / 2));
    attr(extent, "xmax", number(cx + ew / 2));
    attr(extent, "ymax", number(cy + eh / 2));
    element(map, "LayerSet");
    CPLXMLNode* atlas = element(map, "AtlasMap");
    attr(atlas, "atlasDriven", "0");
    attr(atlas, "scalingMode", "2");
    attr(atlas, "margin", "0.1");
}

// The legend of what the map shows (QGIS filters it by the map's content), right of the map.
void layout_legend(CPLXMLNode* layout) {
    CPLXMLNode* legend =
        layout_item(layout, 65642, "{5174a9a0-0000-4000-8000-000000000004}", "legend", legend_x,
                    map_y, page_w - margin - legend_x, map_h, true, false, 3);
    attr(legend, "map_uuid", map_uuid);
    attr(legend, "title", "Legend");
    attr(legend, "legendFilterByMap", "1");
    attr(legend, "resizeToContents", "1");
    attr(legend, "symbolWidth", "6");
    attr(legend, "symbolHeight", "3.5");
    attr(legend, "columnCount", "1");
    attr(legend, "wrapChar", "");
    attr(legend, "fontColor", "#111111");
    attr(legend, "boxSpace", "2");
    attr(legend, "titleAlignment", "1");
    CPLXMLNode* styles = element(legend, "styles");
    for (const auto& [name, points, bold] :
         {std::tuple{"title", 11, true}, std::tuple{"group", 8, true},
          std::tuple{"subgroup", 8, true}, std::tuple{"symbol", 7, false},
          std::tuple{"symbolLabel", 7, false}}) {
        CPLXMLNode* st = element(styles, "style");
        attr(st, "name", name);
        attr(st, "alignment", "1");
        attr(st, "marginTop", std::string(name) == "title" ? "0" : "1.5");
        attr(element(st, "styleFont"), "description", qt_font("Noto Sans", points, bold));
    }
}

// A scale bar in kilometres at the map's lower left.
void layout_scale_bar(CPLXMLNode* layout) {
    CPLXMLNode* bar =
        layout_item(layout, 65646, "{5174a9a0-0000-4000-8000-000000000005}", "scale bar",
                    map_x + 3.0, map_y + map_h - 16.0, 60.0, 13.0, true, false, 4);
    attr(bar, "mapUuid", map_uuid);
    attr(bar, "style", "Single Box");
    attr(bar, "unitType", "kilometers");
    attr(bar, "unitLabel", "km");
    attr(bar, "numMapUnitsPerScaleBarUnit", "1000");
    attr(bar, "numSegments", "2");
    attr(bar, "numSegmentsLeft", "0");
    attr(bar, "numSubdivisions", "1");
    attr(bar, "segmentSizeMode", "1"); // fit the segments between the widths below
    attr(bar, "minBarWidth", "30");
    attr(bar, "maxBarWidth", "50");
    attr(bar, "numUnitsPerSegment", "10");
    attr(bar, "height", "2");
    attr(bar, "labelBarSpace", "1.5");
    attr(bar, "boxContentSpace", "1.5");
    attr(bar, "alignment", "0");
    CPLXMLNode* bar_text = element(bar, "text-style");
    attr(bar_text, "fontFamily", "Noto Sans");
    attr(bar_text, "fontSize", "7");
    attr(bar_text, "fontSizeUnit", "Point");
    attr(bar_text, "textColor", "17,17,17,255");
    color_element(bar, "fillColor", {17, 17, 17});
    color_element(bar, "fillColor2", {255, 255, 255});
    color_element(bar, "strokeColor", {17, 17, 17});
}

// QGIS's default north arrow at the map's upper right.
void layout_north_arrow(CPLXMLNode* layout) {
    CPLXMLNode* north =
        layout_item(layout, 65640, "{5174a9a0-0000-4000-8000-000000000006}", "north arrow",
                    map_x + map_w - 13.0, map_y + 3.0, 10.0, 14.0, false, false, 4);
    attr(north, "file", ":/images/north_arrows/layout_default_north_arrow.svg");
    attr(north, "pictureWidth", "10");
    attr(north, "pictureHeight", "14");
    attr(north, "resizeMode", "0");
    attr(north, "anchorPoint", "0");
    attr(north, "svgFillColor", "17,17,17,255");
    attr(north, "svgBorderColor", "255,255,255,255");
    attr(north, "svgBorderWidth", "0.2");
    attr(north, "mode", "0");
    attr(north, "mapUuid", map_uuid);
    attr(north, "northMode", "0");
    attr(north, "northOffset", "0");
}

// Below the map: the sources, the boundary lines' credits and dates, and sitmap.
void layout_credits(CPLXMLNode* layout, const QgisProjectOptions& options,
                    const std::vector<std::string>& credits) {
    std::string text = "Sources: " + options.attribution + ".";
    for (const std::string& c : credits) {
        text += "\n" + c;
    }
    text += "\nMade with sitmap.";
    const double top = map_y + map_h + 3.0;
    layout_label(layout, "{5174a9a0-0000-4000-8000-000000000007}", "credits", text, margin, top,
                 page_w - 2 * margin, page_h - top - 5.0, qt_font("Noto Sans", 7, false),
                 {80, 80, 80}, 2);
}

// A print layout, item by item: the page, title and subtitle, the map (layout_map), its legend
// (only what the map shows), a scale bar in kilometres, a north arrow, and the credits with the
// boundary lines' sources and dates.
void append_layout(CPLXMLNode* q, const QgisProjectOptions& options, const BBox& view,
                   const std::vector<std::string>& credits) {
    CPLXMLNode* layouts = element(q, "Layouts");
    CPLXMLNode* layout = element(layouts, "Layout");
    attr(layout, "name", "sitmap map");
    attr(layout, "units", "mm");
    attr(layout, "printResolution", "300");
    attr(layout, "worldFileMap", "");
    CPLXMLNode* pages = element(layout, "PageCollection");
    layout_item(pages, 65638, "{5174a9a0-0000-4000-8000-000000000000}", "", 0, 0, page_w, page_h,
                true, false, 0);
    attr(element(pages, "GuideCollection"), "visible", "1");

    layout_label(layout, "{5174a9a0-0000-4000-8000-000000000002}", "title", options.title, margin,
                 8.0, page_w - 2 * margin, 10.0, qt_font("Noto Sans", 18, true), {17, 17, 17}, 2);
    layout_label(layout, "{5174a9a0-0000-4000-8000-000000000003}", "subtitle",
                 "Events as reported in the news sources; claims are attributed, not verified. "
                 "Casualty figures are the highest claimed by any side.",
                 margin, 18.5, page_w - 2 * margin, 6.0, qt_font("Noto Sans", 9, false),
                 {80, 80, 80}, 2);
    layout_map(layout, view);
    layout_legend(layout);
    layout_scale_bar(layout);
    layout_north_arrow(layout);
    layout_credits(layout, options, credits);
    // Exported to PDF with its text as text (searchable, copyable), not as outlines.
    CPLXMLNode* custom = option_map(element(layout, "customproperties"));
    option(custom, "pdfTextFormat", "1", "int");
    CPLXMLNode* atlas_settings = element(layout, "Atlas");
    attr(atlas_settings, "enabled", "0");
    attr(atlas_settings, "coverageLayer", "");
}

std::string project_xml(const std::vector<GpkgLayer>& layers, const std::string& datasource,
                        const QgisProjectOptions& options,
                        const std::vector<std::string>& credits) {
    const Crs crs = crs_of(options.crs);
    const Crs wgs84 = crs_of("EPSG:4326");

    const BBox extent = projected_extent(initial_view(layers, options), options.crs);

    XmlPtr root(CPLCreateXMLNode(nullptr, CXT_Element, "qgis"));
    CPLXMLNode* q = root.get();
    attr(q, "projectname", options.title);
    attr(q, "version", qgis_version);
    attr(element(q, "homePath"), "path", "");
    element(q, "title", options.title);
    attr(element(q, "transaction"), "mode", "Disabled");
    spatialrefsys(element(q, "projectCrs"), crs);
    CPLXMLNode* metadata = element(q, "projectMetadata");
    element(metadata, "title", options.title);
    element(metadata, "abstract",
            "Events with attributed claims exported by sitmap; the claims layer says who said "
            "what. " +
                options.attribution);
    element(metadata, "author", "sitmap");

    // The layer tree lists the top layer first.
    auto id_of = [](const GpkgLayer& l) { return "sitmap_" + l.name; };
    // Where a layer reads from: the GeoPackage, or the store's table of the same name.
    const auto live = [&](const GpkgLayer& l) {
        return !options.live_store.empty() &&
               (l.name == events_layer || l.name == claims_layer || l.name == places_layer);
    };
    const auto source_of = [&](const GpkgLayer& l) {
        return live(l) ? pg_qgis_datasource(options.live_store, l.name)
                       : datasource + "|layername=" + l.name;
    };
    const auto provider_of = [&](const GpkgLayer& l) { return live(l) ? "postgres" : "ogr"; };
    CPLXMLNode* tree = element(q, "layer-tree-group");
    element(tree, "customproperties");
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        CPLXMLNode* n = element(tree, "layer-tree-layer");
        attr(n, "id", id_of(*it));
        attr(n, "name", it->name);
        attr(n, "source", source_of(*it));
        attr(n, "providerKey", provider_of(*it));
        attr(n, "checked", it->name == claims_layer ? "Qt::Unchecked" : "Qt::Checked");
        attr(n, "expanded", it->name == events_layer ? "1" : "0");
        CPLXMLNode* custom = element(n, "customproperties");
        if (const std::string title = legend_title(it->name); !title.empty()) {
            // What the layout's legend calls the layer (its name stays the GeoPackage's).
            option(option_map(custom), "legend/title-label", title);
        }
    }

    CPLXMLNode* canvas = element(q, "mapcanvas");
    attr(canvas, "name", "theMapCanvas");
    attr(canvas, "annotationsVisible", "1");
    element(canvas, "units", crs.geographic ? "degrees" : "meters");
    CPLXMLNode* ext = element(canvas, "extent");
    element(ext, "xmin", number(extent.west));
    element(ext, "ymin", number(extent.south));
    element(ext, "xmax", number(extent.east));
    element(ext, "ymax", number(extent.north));
    element(canvas, "rotation", "0");
    spatialrefsys(element(canvas, "destinationsrs"), crs);
    element(canvas, "rendermaptile", "0");

    // What QGIS zooms to when the project opens (and what a "zoom to project" shows).
    CPLXMLNode* view_settings = element(q, "ProjectViewSettings");
    attr(view_settings, "UseProjectScales", "0");
    attr(view_settings, "rotation", "0");
    element(view_settings, "Scales");
    CPLXMLNode* default_view = element(view_settings, "DefaultViewExtent");
    attr(default_view, "xmin", number(extent.west));
    attr(default_view, "ymin", number(extent.south));
    attr(default_view, "xmax", number(extent.east));
    attr(default_view, "ymax", number(extent.north));
    spatialrefsys(default_view, crs);

    CPLXMLNode* project_layers = element(q, "projectlayers");
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        CPLXMLNode* m = element(project_layers, "maplayer");
        attr(m, "type", "vector");
        attr(m, "geometry", geometry_name(it->geometry));
        attr(m, "styleCategories", "AllStyleCategories");
        attr(m, "hasScaleBasedVisibilityFlag", "0");
        attr(m, "readOnly", "0");
        element(m, "id", id_of(*it));
        element(m, "datasource", source_of(*it));
        element(m, "layername", it->name);
        spatialrefsys(element(m, "srs"), wgs84);
        attr(element(m, "provider", provider_of(*it)), "encoding", "UTF-8");
        const bool labels = append_style(m, it->name, it->geometry, options.symbology);
        attr(m, "labelsEnabled", labels ? "1" : "0");
        element(m, "blendMode", "0");
        element(m, "featureBlendMode", "0");
        element(m, "layerOpacity", "1");
    }

    CPLXMLNode* order = element(q, "layerorder");
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        attr(element(order, "layer"), "id", id_of(*it));
    }

    append_layout(q, options, extent, credits);

    CPLXMLNode* props = element(q, "properties");
    // The map's background (sea) colour, as on sitmap's maps.
    CPLXMLNode* gui = element(props, "Gui");
    const Rgba sea = options.symbology.background;
    attr(element(gui, "CanvasColorRedPart", std::to_string(sea.r)), "type", "int");
    attr(element(gui, "CanvasColorGreenPart", std::to_string(sea.g)), "type", "int");
    attr(element(gui, "CanvasColorBluePart", std::to_string(sea.b)), "type", "int");
    // QGIS reads <projectCrs> only when this is set.
    CPLXMLNode* srs = element(props, "SpatialRefSys");
    attr(element(srs, "ProjectionsEnabled", "1"), "type", "int");
    CPLXMLNode* paths = element(props, "Paths");
    attr(element(paths, "Absolute", "false"), "type", "bool");
    return serialize(root.get());
}

struct ZipCloser {
    void operator()(void* h) const { CPLCloseZip(h); }
};

// A .qgz is a zip holding the .qgs; GDAL's zip writer (minizip) makes it.
void write_zip(const fs::path& zip, const std::string& entry, const std::string& text) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
    std::unique_ptr<void, ZipCloser> handle(CPLCreateZip(zip.c_str(), nullptr));
    bool ok = handle != nullptr;
    ok = ok && CPLCreateFileInZip(handle.get(), entry.c_str(), nullptr) == CE_None;
    ok = ok &&
         CPLWriteFileInZip(handle.get(), text.data(), static_cast<int>(text.size())) == CE_None;
    ok = ok && CPLCloseFileInZip(handle.get()) == CE_None;
    if (ok) {
        ok = CPLCloseZip(handle.release()) == CE_None;
    }
    const std::string message = CPLGetLastErrorMsg();
    CPLPopErrorHandler();
    if (!ok) {
        throw output_error("cannot write zip " + zip.string() + ": " + message);
    }
}

} // namespace

std::string layer_style_qml(std::string_view layer, LayerGeometry geometry,
                            const Symbology& symbology) {
    XmlPtr root(CPLCreateXMLNode(nullptr, CXT_Element, "qgis"));
    attr(root.get(), "version", qgis_version);
    attr(root.get(), "styleCategories", "AllStyleCategories");
    const bool labels = append_style(root.get(), layer, geometry, symbology);
    attr(root.get(), "labelsEnabled", labels ? "1" : "0");
    element(root.get(), "blendMode", "0");
    element(root.get(), "featureBlendMode", "0");
    element(root.get(), "layerGeometryType",
            std::to_string(static_cast<int>(geometry == LayerGeometry::none    ? 4
                                            : geometry == LayerGeometry::point ? 0
                                            : geometry == LayerGeometry::line  ? 1
                                                                               : 2)));
    return serialize(root.get());
}

void write_qgis_project(const fs::path& project, const fs::path& gpkg,
                        const QgisProjectOptions& options) {
    const GisFormat format = gis_format_for(project);
    if (format != GisFormat::qgs && format != GisFormat::qgz) {
        throw usage_error(project.string() + ": a QGIS project must end in .qgz or .qgs");
    }
    const std::vector<GpkgLayer> layers = read_layers(gpkg);
    const fs::path dir = fs::absolute(project).parent_path();
    const fs::path relative = fs::absolute(gpkg).lexically_normal().lexically_relative(dir);
    const std::string datasource =
        relative.empty() ? fs::absolute(gpkg).string() : "./" + relative.generic_string();
    std::string xml;
    try {
        xml = project_xml(layers, datasource, options, boundary_credits(gpkg));
    } catch (const Error& e) {
        throw e.with_context(project.string());
    }
    OutputFile out(project, options.overwrite);
    if (format == GisFormat::qgs) {
        out.write(xml);
    } else {
        write_zip(out.temp_path(), project.stem().string() + ".qgs", xml);
    }
    out.commit();
}

} // namespace sitmap::geo
