#include "render/style.hpp"

#include "geo/core/error.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <variant>

#include <nlohmann/json.hpp>

namespace sitmap::render {
namespace {

using nlohmann::json;

double hex_value(const std::string& s, std::size_t pos, std::size_t len) {
    return static_cast<double>(std::stoi(s.substr(pos, len), nullptr, 16)) /
           (len == 1 ? 15.0 : 255.0);
}

enum class Section { paint, layout };
enum class ValueKind { color, number, dasharray, string, fonts, visibility, shape };

// The field of StyleLayer a property sets; its type says how the JSON value is read.
using Field = std::variant<bool StyleLayer::*, double StyleLayer::*, Color StyleLayer::*,
                           std::string StyleLayer::*, std::vector<double> StyleLayer::*,
                           std::vector<std::string> StyleLayer::*, MarkerShape StyleLayer::*>;

struct PropertyDef {
    const char* name;
    Section section;
    ValueKind kind;
    std::vector<StyleType> types;
    Field field;
};

Color color_value(const json& v) {
    return parse_color(v.get<std::string>());
}

constexpr std::array<std::pair<MarkerShape, std::string_view>, 9> shape_names{{
    {MarkerShape::circle, "circle"},
    {MarkerShape::square, "square"},
    {MarkerShape::triangle, "triangle"},
    {MarkerShape::diamond, "diamond"},
    {MarkerShape::star, "star"},
    {MarkerShape::cross, "cross"},
    {MarkerShape::hexagon, "hexagon"},
    {MarkerShape::barrier, "barrier"},
    {MarkerShape::ring, "ring"},
}};

// sitmap:marker-shape: "shape", or ["match", ["get", "kind"], KIND, SHAPE, ..., DEFAULT].
void set_marker_shape(StyleLayer& l, const json& v) {
    l.marker_shape_by_kind.clear();
    if (v.is_string()) {
        l.marker_shape = marker_shape_from_string(v.get<std::string>());
        return;
    }
    for (std::size_t i = 2; i + 1 < v.size(); i += 2) {
        l.marker_shape_by_kind.emplace_back(geo::event_kind_from_string(v[i].get<std::string>()),
                                            marker_shape_from_string(v[i + 1].get<std::string>()));
    }
    l.marker_shape = marker_shape_from_string(v.back().get<std::string>());
}

std::string check_marker_shape(const json& v) {
    const std::string expected = "expected a shape (circle, square, triangle, diamond, star, "
                                 "cross, hexagon, barrier) or [\"match\", [\"get\", \"kind\"], "
                                 "KIND, SHAPE, ..., DEFAULT]";
    const auto shape_ok = [](const json& x) {
        if (!x.is_string()) {
            return false;
        }
        try {
            marker_shape_from_string(x.get<std::string>());
        } catch (const Error&) {
            return false;
        }
        return true;
    };
    if (v.is_string()) {
        return shape_ok(v) ? "" : expected;
    }
    if (!v.is_array() || v.size() < 3 || v.size() % 2 != 1 || v[0] != "match" ||
        v[1] != json::array({"get", "kind"}) || !shape_ok(v.back())) {
        return expected;
    }
    for (std::size_t i = 2; i + 1 < v.size(); i += 2) {
        if (!v[i].is_string() || !shape_ok(v[i + 1])) {
            return expected;
        }
        try {
            geo::event_kind_from_string(v[i].get<std::string>());
        } catch (const Error& e) {
            return e.what();
        }
    }
    return "";
}

// One row per supported property: name, section, value type, the layer types it applies to, and
// the StyleLayer field it sets (render/STYLE.md lists the same).
const std::vector<PropertyDef>& property_defs() {
    using T = StyleType;
    using S = Section;
    using V = ValueKind;
    using L = StyleLayer;
    static const std::vector<PropertyDef> defs = {
        {"visibility",
         S::layout,
         V::visibility,
         {T::background, T::fill, T::line, T::circle, T::symbol},
         &L::visible},
        {"background-color", S::paint, V::color, {T::background}, &L::background_color},
        {"fill-color", S::paint, V::color, {T::fill}, &L::fill_color},
        {"fill-opacity", S::paint, V::number, {T::fill}, &L::fill_opacity},
        {"fill-outline-color", S::paint, V::color, {T::fill}, &L::fill_outline_color},
        {"fill-pattern", S::paint, V::string, {T::fill}, &L::fill_pattern},
        {"line-color", S::paint, V::color, {T::line, T::fill}, &L::line_color},
        {"line-width", S::paint, V::number, {T::line, T::fill}, &L::line_width},
        {"line-opacity", S::paint, V::number, {T::line}, &L::line_opacity},
        {"line-dasharray", S::paint, V::dasharray, {T::line, T::fill}, &L::line_dasharray},
        {"circle-radius", S::paint, V::number, {T::circle}, &L::circle_radius},
        {"circle-color", S::paint, V::color, {T::circle}, &L::circle_color},
        {"circle-opacity", S::paint, V::number, {T::circle}, &L::circle_opacity},
        {"circle-stroke-color", S::paint, V::color, {T::circle}, &L::circle_stroke_color},
        {"circle-stroke-width", S::paint, V::number, {T::circle}, &L::circle_stroke_width},
        {"circle-stroke-opacity", S::paint, V::number, {T::circle}, &L::circle_stroke_opacity},
        {"sitmap:marker-shape", S::paint, V::shape, {T::circle}, &L::marker_shape},
        {"text-font", S::layout, V::fonts, {T::symbol}, &L::text_font},
        {"text-size", S::layout, V::number, {T::symbol}, &L::text_size},
        {"text-letter-spacing", S::layout, V::number, {T::symbol}, &L::text_letter_spacing},
        {"text-color", S::paint, V::color, {T::symbol}, &L::text_color},
        {"text-opacity", S::paint, V::number, {T::symbol}, &L::text_opacity},
        {"text-halo-color", S::paint, V::color, {T::symbol}, &L::text_halo_color},
        {"text-halo-width", S::paint, V::number, {T::symbol}, &L::text_halo_width},
    };
    return defs;
}

// Sets the property's field from a value check_value accepted.
void set_property(StyleLayer& l, const PropertyDef& def, const json& v) {
    struct Setter {
        StyleLayer& l;
        const json& v;
        void operator()(bool StyleLayer::*f) const { l.*f = v.get<std::string>() == "visible"; }
        void operator()(double StyleLayer::*f) const { l.*f = v.get<double>(); }
        void operator()(Color StyleLayer::*f) const { l.*f = color_value(v); }
        void operator()(std::string StyleLayer::*f) const { l.*f = v.get<std::string>(); }
        void operator()(std::vector<double> StyleLayer::*f) const {
            l.*f = v.get<std::vector<double>>();
        }
        void operator()(std::vector<std::string> StyleLayer::*f) const {
            l.*f = v.get<std::vector<std::string>>();
        }
        void operator()(MarkerShape StyleLayer::*) const { set_marker_shape(l, v); }
    };
    std::visit(Setter{l, v}, def.field);
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
    case ValueKind::shape:
        return check_marker_shape(v);
    }
    return "";
}

std::vector<double> dashes(const std::vector<double>& in, double width) {
    std::vector<double> out;
    out.reserve(in.size());
    for (double d : in) {
        out.push_back(d * std::max(width, 0.5));
    }
    return out;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw input_error(path.string() + ": cannot read style file");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json parse_document(std::string_view json_text, const std::string& origin) {
    json doc;
    try {
        doc = json::parse(json_text);
    } catch (const json::exception& e) { // parse_error, or out_of_range for 1e999
        throw input_error(origin + ": not valid JSON: " + without_library_tag(e.what()));
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
    if (doc.contains("layers") && !doc["layers"].is_array()) {
        throw input_error(origin + ": \"layers\" must be an array");
    }
    return doc;
}

StyleLayer new_layer(const json& jl, const std::string& id, const std::string& where) {
    StyleLayer layer;
    layer.id = id;
    const std::string type = jl.contains("type") && jl["type"].is_string()
                                 ? jl["type"].get<std::string>()
                                 : std::string();
    for (const StyleType t : {StyleType::background, StyleType::fill, StyleType::line,
                              StyleType::circle, StyleType::symbol}) {
        if (type == to_string(t)) {
            layer.type = t;
            return layer;
        }
    }
    throw input_error(where + ": a layer of the built-in style needs a \"type\" (background, "
                              "fill, line, circle or symbol)");
}

void apply_property(StyleLayer& layer, Section section, const std::string& key, const json& value,
                    const std::string& where) {
    const auto& defs = property_defs();
    auto def =
        std::find_if(defs.begin(), defs.end(), [&](const PropertyDef& d) { return key == d.name; });
    if (def == defs.end()) {
        throw input_error(where + ": unknown property '" + key + "'");
    }
    if (std::find(def->types.begin(), def->types.end(), layer.type) == def->types.end()) {
        throw input_error(where + ": property '" + key + "' does not apply to a " +
                          std::string(to_string(layer.type)) + " layer");
    }
    if (def->section != section) {
        throw input_error(where + ": property '" + key + "' belongs in \"" +
                          (def->section == Section::paint ? "paint" : "layout") + "\"");
    }
    if (const std::string why = check_value(def->kind, value); !why.empty()) {
        throw input_error(where + ": property '" + key + "' has the wrong type: " + why + ", got " +
                          value.dump());
    }
    set_property(layer, *def, value);
}

// Applies a style file's layer object to a layer; `where` names the file and the layer.
void apply_layer(const json& jl, StyleLayer& layer, const std::string& where) {
    for (const auto& [key, value] : jl.items()) {
        if (key == "id" || key == "paint" || key == "layout" || key == "metadata") {
            continue;
        }
        if (key == "type") {
            if (!value.is_string() || value.get<std::string>() != to_string(layer.type)) {
                throw input_error(where + ": property 'type' must be \"" +
                                  std::string(to_string(layer.type)) + "\"");
            }
            continue;
        }
        throw input_error(where + ": unknown property '" + key + "'");
    }
    for (const Section section : {Section::paint, Section::layout}) {
        const char* name = section == Section::paint ? "paint" : "layout";
        if (!jl.contains(name)) {
            continue;
        }
        const json& props = jl[name];
        if (!props.is_object()) {
            throw input_error(where + ": \"" + name + "\" must be an object");
        }
        for (const auto& [key, value] : props.items()) {
            apply_property(layer, section, key, value, where);
        }
    }
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

std::string_view to_string(MarkerShape shape) {
    for (const auto& [value, name] : shape_names) {
        if (value == shape) {
            return name;
        }
    }
    return "circle";
}

MarkerShape marker_shape_from_string(std::string_view name) {
    std::string known;
    for (const auto& [value, n] : shape_names) {
        if (n == name) {
            return value;
        }
        known += (known.empty() ? "" : ", ") + std::string(n);
    }
    throw input_error("unknown marker shape '" + std::string(name) + "' (known: " + known + ")");
}

MarkerShape StyleLayer::shape_for(geo::EventKind kind) const {
    for (const auto& [k, shape] : marker_shape_by_kind) {
        if (k == kind) {
            return shape;
        }
    }
    return marker_shape;
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

std::filesystem::path Style::builtin_path() {
    return geo::data_dir() / "styles" / "default.json";
}

Style Style::builtin() {
    // Read once per path: every map and every style file starts from it.
    static std::mutex mutex;
    static std::map<std::filesystem::path, Style> cache;
    const std::filesystem::path path = builtin_path();
    const std::lock_guard lock(mutex);
    if (auto it = cache.find(path); it != cache.end()) {
        return it->second;
    }
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error("the built-in style is missing: " + path.string() +
                          " (set SITMAP_DATA to sitmap's data directory)");
    }
    return cache.emplace(path, parse(read_text(path), path.string(), nullptr)).first->second;
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
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw input_error(path.string() + ": cannot read style file");
    }
    return from_json(read_text(path), path.string());
}

Style Style::from_json(std::string_view json_text, const std::string& origin) {
    const Style base = builtin();
    return parse(json_text, origin, &base);
}

Style Style::parse(std::string_view json_text, const std::string& origin, const Style* base) {
    const json doc = parse_document(json_text, origin);
    Style style = base != nullptr ? *base : Style{};
    if (!doc.contains("layers")) {
        return style;
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
        if (base == nullptr) {
            // Defining the built-in style: each layer once, with its type.
            if (it != style.m_layers.end()) {
                throw input_error(where + ": layer id '" + id + "' is defined twice");
            }
            style.m_layers.push_back(new_layer(jl, id, where));
            it = std::prev(style.m_layers.end());
        } else if (it == style.m_layers.end()) {
            std::string known;
            for (const auto& l : style.m_layers) {
                known += (known.empty() ? "" : ", ") + l.id;
            }
            throw input_error(where + ": unknown layer id '" + id + "' (known: " + known + ")");
        }
        apply_layer(jl, *it, origin + ": layer '" + id + "'");
    }
    return style;
}

std::string_view style_layer_for(geo::EventLayer layer) {
    switch (layer) {
    case geo::EventLayer::incident:
        return "incidents";
    case geo::EventLayer::checkpoint:
        return "checkpoints";
    case geo::EventLayer::context:
        break;
    }
    return "context";
}

} // namespace sitmap::render
