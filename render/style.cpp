#include "render/style.hpp"

#include "geo/core/error.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

namespace sitmap::render {
namespace {

using nlohmann::json;

double hex_value(const std::string& s, std::size_t pos, std::size_t len) {
    return static_cast<double>(std::stoi(s.substr(pos, len), nullptr, 16)) /
           (len == 1 ? 15.0 : 255.0);
}

Color rgb(unsigned hex, double a = 1.0) {
    return {static_cast<double>((hex >> 16) & 0xffU) / 255.0,
            static_cast<double>((hex >> 8) & 0xffU) / 255.0,
            static_cast<double>(hex & 0xffU) / 255.0, a};
}

enum class Section { paint, layout };
enum class ValueKind { color, number, dasharray, string, fonts, visibility };

struct PropertyDef {
    const char* name;
    Section section;
    ValueKind kind;
    std::vector<StyleType> types;
    std::function<void(StyleLayer&, const json&)> set;
};

Color color_value(const json& v) {
    return parse_color(v.get<std::string>());
}

const std::vector<PropertyDef>& property_defs() {
    using T = StyleType;
    static const std::vector<PropertyDef> defs = {
        {"visibility",
         Section::layout,
         ValueKind::visibility,
         {T::background, T::fill, T::line, T::circle, T::symbol},
         [](StyleLayer& l, const json& v) { l.visible = v.get<std::string>() == "visible"; }},
        {"background-color",
         Section::paint,
         ValueKind::color,
         {T::background},
         [](StyleLayer& l, const json& v) { l.background_color = color_value(v); }},
        {"fill-color",
         Section::paint,
         ValueKind::color,
         {T::fill},
         [](StyleLayer& l, const json& v) { l.fill_color = color_value(v); }},
        {"fill-opacity",
         Section::paint,
         ValueKind::number,
         {T::fill},
         [](StyleLayer& l, const json& v) { l.fill_opacity = v.get<double>(); }},
        {"fill-outline-color",
         Section::paint,
         ValueKind::color,
         {T::fill},
         [](StyleLayer& l, const json& v) { l.fill_outline_color = color_value(v); }},
        {"fill-pattern",
         Section::paint,
         ValueKind::string,
         {T::fill},
         [](StyleLayer& l, const json& v) { l.fill_pattern = v.get<std::string>(); }},
        {"line-color",
         Section::paint,
         ValueKind::color,
         {T::line, T::fill},
         [](StyleLayer& l, const json& v) { l.line_color = color_value(v); }},
        {"line-width",
         Section::paint,
         ValueKind::number,
         {T::line, T::fill},
         [](StyleLayer& l, const json& v) { l.line_width = v.get<double>(); }},
        {"line-opacity",
         Section::paint,
         ValueKind::number,
         {T::line},
         [](StyleLayer& l, const json& v) { l.line_opacity = v.get<double>(); }},
        {"line-dasharray",
         Section::paint,
         ValueKind::dasharray,
         {T::line, T::fill},
         [](StyleLayer& l, const json& v) { l.line_dasharray = v.get<std::vector<double>>(); }},
        {"circle-radius",
         Section::paint,
         ValueKind::number,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_radius = v.get<double>(); }},
        {"circle-color",
         Section::paint,
         ValueKind::color,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_color = color_value(v); }},
        {"circle-opacity",
         Section::paint,
         ValueKind::number,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_opacity = v.get<double>(); }},
        {"circle-stroke-color",
         Section::paint,
         ValueKind::color,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_stroke_color = color_value(v); }},
        {"circle-stroke-width",
         Section::paint,
         ValueKind::number,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_stroke_width = v.get<double>(); }},
        {"circle-stroke-opacity",
         Section::paint,
         ValueKind::number,
         {T::circle},
         [](StyleLayer& l, const json& v) { l.circle_stroke_opacity = v.get<double>(); }},
        {"text-font",
         Section::layout,
         ValueKind::fonts,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_font = v.get<std::vector<std::string>>(); }},
        {"text-size",
         Section::layout,
         ValueKind::number,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_size = v.get<double>(); }},
        {"text-letter-spacing",
         Section::layout,
         ValueKind::number,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_letter_spacing = v.get<double>(); }},
        {"text-color",
         Section::paint,
         ValueKind::color,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_color = color_value(v); }},
        {"text-opacity",
         Section::paint,
         ValueKind::number,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_opacity = v.get<double>(); }},
        {"text-halo-color",
         Section::paint,
         ValueKind::color,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_halo_color = color_value(v); }},
        {"text-halo-width",
         Section::paint,
         ValueKind::number,
         {T::symbol},
         [](StyleLayer& l, const json& v) { l.text_halo_width = v.get<double>(); }},
    };
    return defs;
}

// Checks that a JSON value has the type a property wants; returns "" or what is wrong.
std::string check_value(ValueKind kind, const json& v) {
    switch (kind) {
    case ValueKind::color:
        if (!v.is_string()) {
            return "expected a colour string such as \"#d7301f\"";
        }
        try {
            parse_color(v.get<std::string>());
        } catch (const Error& e) {
            return e.what();
        }
        return "";
    case ValueKind::number:
        if (!v.is_number()) {
            return "expected a number";
        }
        if (v.get<double>() < 0.0) {
            return "expected a number >= 0";
        }
        return "";
    case ValueKind::dasharray:
        if (!v.is_array() || v.empty() || !std::all_of(v.begin(), v.end(), [](const json& x) {
                return x.is_number() && x.get<double>() >= 0.0;
            })) {
            return "expected an array of numbers >= 0";
        }
        return "";
    case ValueKind::string:
        if (!v.is_string()) {
            return "expected a string";
        }
        if (v.get<std::string>() != "hatch" && !v.get<std::string>().empty()) {
            return "the only supported pattern is \"hatch\"";
        }
        return "";
    case ValueKind::fonts:
        if (!v.is_array() || v.empty() ||
            !std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
            return "expected an array of font names";
        }
        return "";
    case ValueKind::visibility:
        if (!v.is_string() || (v != "visible" && v != "none")) {
            return "expected \"visible\" or \"none\"";
        }
        return "";
    }
    return "";
}

StyleLayer make(std::string id, StyleType type, const std::function<void(StyleLayer&)>& init) {
    StyleLayer l;
    l.id = std::move(id);
    l.type = type;
    init(l);
    return l;
}

std::vector<double> dashes(const std::vector<double>& in, double width) {
    std::vector<double> out;
    out.reserve(in.size());
    for (double d : in) {
        out.push_back(d * std::max(width, 0.5));
    }
    return out;
}

} // namespace

std::string Color::hex() const {
    auto byte = [](double v) {
        return static_cast<unsigned>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5);
    };
    char buf[16];
    if (a >= 1.0) {
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    } else {
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(r), byte(g), byte(b), byte(a));
    }
    return buf;
}

Color parse_color(const std::string& text) {
    const auto bad = [&text] { return input_error("invalid colour '" + text + "'"); };
    if (text == "transparent") {
        return {0, 0, 0, 0};
    }
    if (!text.empty() && text[0] == '#') {
        if (!std::all_of(text.begin() + 1, text.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            })) {
            throw bad();
        }
        if (text.size() == 4) {
            return {hex_value(text, 1, 1), hex_value(text, 2, 1), hex_value(text, 3, 1), 1.0};
        }
        if (text.size() == 7 || text.size() == 9) {
            return {hex_value(text, 1, 2), hex_value(text, 3, 2), hex_value(text, 5, 2),
                    text.size() == 9 ? hex_value(text, 7, 2) : 1.0};
        }
        throw bad();
    }
    double r = 0, g = 0, b = 0, a = 1.0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "rgba(%lf,%lf,%lf,%lf%c", &r, &g, &b, &a, &tail) == 5 ||
        std::sscanf(text.c_str(), "rgb(%lf,%lf,%lf%c", &r, &g, &b, &tail) == 4) {
        if (tail == ')' && r >= 0 && r <= 255 && g >= 0 && g <= 255 && b >= 0 && b <= 255 &&
            a >= 0 && a <= 1) {
            return {r / 255.0, g / 255.0, b / 255.0, a};
        }
    }
    throw bad();
}

std::string_view to_string(StyleType type) {
    switch (type) {
    case StyleType::background:
        return "background";
    case StyleType::fill:
        return "fill";
    case StyleType::line:
        return "line";
    case StyleType::circle:
        return "circle";
    case StyleType::symbol:
        return "symbol";
    }
    return "fill";
}

LineSymbol StyleLayer::line_symbol(double unit) const {
    LineSymbol s;
    s.color = line_color.with_alpha(line_color.a * line_opacity);
    s.width = line_width * unit;
    s.dash = dashes(line_dasharray, s.width);
    return s;
}

FillSymbol StyleLayer::fill_symbol(double unit) const {
    FillSymbol s;
    s.fill = fill_color.with_alpha(fill_color.a * fill_opacity);
    s.pattern = fill_pattern == "hatch" ? FillPattern::hatch : FillPattern::solid;
    s.hatch_spacing = 7.0 * unit;
    s.hatch_width = 1.1 * unit;
    s.outline = fill_outline_color;
    s.outline_width = fill_outline_color.visible() ? line_width * unit : 0.0;
    s.outline_dash = dashes(line_dasharray, s.outline_width);
    return s;
}

MarkerSymbol StyleLayer::marker_symbol(MarkerShape shape, double unit, double radius) const {
    MarkerSymbol m;
    m.shape = shape;
    m.size = 2.0 * (radius > 0.0 ? radius : circle_radius * unit);
    m.fill = circle_color.with_alpha(circle_color.a * circle_opacity);
    m.stroke = circle_stroke_color.with_alpha(circle_stroke_color.a * circle_stroke_opacity);
    m.stroke_width = circle_stroke_width * unit;
    return m;
}

TextStyle StyleLayer::text_style(double unit) const {
    TextStyle t;
    const std::string& font = text_font.empty() ? std::string("Noto Sans Regular") : text_font[0];
    t.family = "Noto Sans";
    if (font.find("Bold") != std::string::npos) {
        t.weight = FontWeight::bold;
    }
    if (font.find("Italic") != std::string::npos) {
        t.style = FontStyle::italic;
    }
    t.size = text_size * unit;
    t.color = text_color.with_alpha(text_color.a * text_opacity);
    t.halo = text_halo_color;
    t.halo_width = text_halo_width * unit;
    t.letter_spacing = text_letter_spacing * t.size;
    return t;
}

Style Style::builtin() {
    using T = StyleType;
    Style s;
    auto& L = s.m_layers;
    L.push_back(make("background", T::background,
                     [](StyleLayer& l) { l.background_color = rgb(0xcfe1ec); }));
    L.push_back(make("countries", T::fill, [](StyleLayer& l) {
        l.fill_color = rgb(0xe9e6df);
        l.fill_outline_color = rgb(0xb3ada3);
        l.line_width = 0.6;
    }));
    L.push_back(make("countries-focus", T::fill, [](StyleLayer& l) {
        l.fill_color = rgb(0xfbfaf6);
        l.fill_outline_color = rgb(0xb3ada3);
        l.line_width = 0.6;
    }));
    L.push_back(make("admin1", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0xa9a194);
        l.line_width = 0.55;
        l.line_dasharray = {4, 3};
    }));
    L.push_back(make("nagorno-karabakh", T::fill, [](StyleLayer& l) {
        l.fill_color = rgb(0xb07a3c, 0.55);
        l.fill_pattern = "hatch";
        l.fill_outline_color = rgb(0x8c5a24);
        l.line_width = 0.9;
        l.line_dasharray = {4, 2.5};
    }));
    L.push_back(make("lakes", T::fill, [](StyleLayer& l) {
        l.fill_color = rgb(0xb4d2e7);
        l.fill_outline_color = rgb(0x7fa9c9);
        l.line_width = 0.5;
    }));
    L.push_back(make("rivers", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0x7fa9c9);
        l.line_width = 0.9;
    }));
    L.push_back(make("borders", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0x77716a);
        l.line_width = 1.0;
    }));
    L.push_back(make("borders-am-az-casing", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0xe7a39b, 0.75);
        l.line_width = 5.0;
    }));
    L.push_back(make("borders-am-az", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0x5a1d16);
        l.line_width = 1.7;
    }));
    L.push_back(make("corridor", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0xd9730d);
        l.line_width = 2.2;
        l.line_dasharray = {2.5, 1.5};
    }));
    L.push_back(make("settlements", T::circle, [](StyleLayer& l) {
        l.circle_radius = 2.4;
        l.circle_color = rgb(0xffffff);
        l.circle_stroke_color = rgb(0x3a3a3a);
        l.circle_stroke_width = 1.0;
    }));
    L.push_back(make("capitals", T::circle, [](StyleLayer& l) {
        l.circle_radius = 4.2;
        l.circle_color = rgb(0x222222);
        l.circle_stroke_color = rgb(0xffffff);
        l.circle_stroke_width = 1.2;
    }));
    L.push_back(make("uncertainty", T::fill, [](StyleLayer& l) {
        l.fill_color = rgb(0xc8102e, 0.45);
        l.fill_pattern = "hatch";
        l.fill_outline_color = rgb(0xc8102e);
        l.line_width = 1.0;
        l.line_dasharray = {3, 2};
    }));
    L.push_back(make("uncertainty-line", T::line, [](StyleLayer& l) {
        l.line_color = rgb(0xc8102e, 0.22);
        l.line_width = 16.0;
    }));
    L.push_back(make("checkpoints", T::circle, [](StyleLayer& l) {
        l.circle_radius = 6.5;
        l.circle_color = rgb(0x1f5fbf);
        l.circle_stroke_color = rgb(0xffffff);
        l.circle_stroke_width = 1.3;
    }));
    L.push_back(make("context", T::circle, [](StyleLayer& l) {
        l.circle_radius = 5.0;
        l.circle_color = rgb(0xffffff);
        l.circle_stroke_color = rgb(0x4d4d4d);
        l.circle_stroke_width = 1.5;
    }));
    L.push_back(make("incidents", T::circle, [](StyleLayer& l) {
        l.circle_radius = 5.5;
        l.circle_color = rgb(0xd7301f);
        l.circle_opacity = 0.85;
        l.circle_stroke_color = rgb(0x67000d);
        l.circle_stroke_width = 1.0;
    }));
    L.push_back(make("disputed", T::circle, [](StyleLayer& l) {
        l.circle_radius = 3.5; // gap between the mark and the dashed ring
        l.circle_color = rgb(0, 0);
        l.circle_stroke_color = rgb(0x111111);
        l.circle_stroke_width = 1.3;
    }));
    auto text = [&L](const char* id, double size, const char* font, unsigned color,
                     double spacing = 0.0) {
        L.push_back(make(id, T::symbol, [&](StyleLayer& l) {
            l.text_font = {font};
            l.text_size = size;
            l.text_color = rgb(color);
            l.text_letter_spacing = spacing;
        }));
    };
    text("labels-country", 13.0, "Noto Sans Regular", 0x8f877c, 0.18);
    text("labels-area", 11.0, "Noto Sans Italic", 0x7a4a1c, 0.05);
    text("labels-water", 9.5, "Noto Sans Italic", 0x3f6f96);
    text("labels-town", 9.5, "Noto Sans Regular", 0x2b2b2b);
    text("labels-capital", 11.5, "Noto Sans Bold", 0x111111);
    text("labels-checkpoint", 10.0, "Noto Sans Bold", 0x173f80);
    text("labels-context", 9.5, "Noto Sans Italic", 0x3d3d3d);
    text("labels-incident", 10.5, "Noto Sans Bold", 0x7f0f06);
    return s;
}

const StyleLayer& Style::layer(std::string_view id) const {
    for (const auto& l : m_layers) {
        if (l.id == id) {
            return l;
        }
    }
    throw Error(ErrorKind::internal, "style has no layer '" + std::string(id) + "'");
}

bool Style::visible(std::string_view id) const {
    for (const auto& l : m_layers) {
        if (l.id == id) {
            return l.visible;
        }
    }
    return true;
}

Style Style::load(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw input_error(path.string() + ": cannot read style file");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return from_json(ss.str(), path.string());
}

Style Style::from_json(std::string_view json_text, const std::string& origin) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw input_error(origin + ": not valid JSON: " + e.what());
    }
    if (!doc.is_object()) {
        throw input_error(origin + ": a style must be a JSON object with a \"layers\" array");
    }
    for (const auto& [key, value] : doc.items()) {
        if (key != "version" && key != "name" && key != "metadata" && key != "layers") {
            throw input_error(origin + ": unknown top-level property '" + key +
                              "' (supported: version, name, metadata, layers)");
        }
    }
    Style style = builtin();
    if (!doc.contains("layers")) {
        return style;
    }
    if (!doc["layers"].is_array()) {
        throw input_error(origin + ": \"layers\" must be an array");
    }
    std::size_t index = 0;
    for (const auto& jl : doc["layers"]) {
        const std::string where = origin + ": layers[" + std::to_string(index++) + "]";
        if (!jl.is_object() || !jl.contains("id") || !jl["id"].is_string()) {
            throw input_error(where + ": a layer needs a string \"id\"");
        }
        const std::string id = jl["id"].get<std::string>();
        auto it = std::find_if(style.m_layers.begin(), style.m_layers.end(),
                               [&id](const StyleLayer& l) { return l.id == id; });
        if (it == style.m_layers.end()) {
            std::string known;
            for (const auto& l : style.m_layers) {
                known += (known.empty() ? "" : ", ") + l.id;
            }
            throw input_error(where + ": unknown layer id '" + id + "' (known: " + known + ")");
        }
        StyleLayer& layer = *it;
        const std::string lwhere = origin + ": layer '" + id + "'";
        for (const auto& [key, value] : jl.items()) {
            if (key == "id" || key == "paint" || key == "layout" || key == "metadata") {
                continue;
            }
            if (key == "type") {
                if (!value.is_string() || value.get<std::string>() != to_string(layer.type)) {
                    throw input_error(lwhere + ": property 'type' must be \"" +
                                      std::string(to_string(layer.type)) + "\"");
                }
                continue;
            }
            throw input_error(lwhere + ": unknown property '" + key + "'");
        }
        for (const Section section : {Section::paint, Section::layout}) {
            const char* sname = section == Section::paint ? "paint" : "layout";
            if (!jl.contains(sname)) {
                continue;
            }
            const json& props = jl[sname];
            if (!props.is_object()) {
                throw input_error(lwhere + ": \"" + sname + "\" must be an object");
            }
            for (const auto& [key, value] : props.items()) {
                const auto& defs = property_defs();
                auto def = std::find_if(defs.begin(), defs.end(),
                                        [&](const PropertyDef& d) { return key == d.name; });
                if (def == defs.end()) {
                    throw input_error(lwhere + ": unknown property '" + key + "'");
                }
                if (std::find(def->types.begin(), def->types.end(), layer.type) ==
                    def->types.end()) {
                    throw input_error(lwhere + ": property '" + key + "' does not apply to a " +
                                      std::string(to_string(layer.type)) + " layer");
                }
                if (def->section != section) {
                    throw input_error(lwhere + ": property '" + key + "' belongs in \"" +
                                      (def->section == Section::paint ? "paint" : "layout") + "\"");
                }
                if (const std::string why = check_value(def->kind, value); !why.empty()) {
                    throw input_error(lwhere + ": property '" + key +
                                      "' has the wrong type: " + why + ", got " + value.dump());
                }
                def->set(layer, value);
            }
        }
    }
    return style;
}

} // namespace sitmap::render
