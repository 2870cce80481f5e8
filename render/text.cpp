#include "render/text.hpp"

#include "render/detail/text_layout.hpp"

#include <memory>

namespace sitmap::render {
namespace detail {

void set_font_options(PangoContext* context) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 72.0);
    // Fractional glyph positions: text measures the same at every size and on every surface.
    pango_context_set_round_glyph_positions(context, FALSE);
}

PangoLayout* make_layout(PangoContext* context, std::string_view text, const TextStyle& style) {
    PangoLayout* layout = pango_layout_new(context);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, std::string(font_family_list()).c_str());
    pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, style.weight == FontWeight::bold ? PANGO_WEIGHT_BOLD
                                                                             : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc, style.style == FontStyle::italic ? PANGO_STYLE_ITALIC
                                                                            : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    if (style.letter_spacing > 0.0) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(
                                          static_cast<int>(style.letter_spacing * PANGO_SCALE)));
        pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
    }
    return layout;
}

} // namespace detail

namespace {
struct GObjectUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
} // namespace

struct TextShaper::Impl {
    std::unique_ptr<PangoFontMap, GObjectUnref> font_map{pango_cairo_font_map_new()};
    std::unique_ptr<PangoContext, GObjectUnref> context{
        pango_font_map_create_context(font_map.get())};
};

TextShaper::TextShaper() : m_impl(std::make_unique<Impl>()) {
    detail::set_font_options(m_impl->context.get());
}

TextShaper::~TextShaper() = default;

TextMetrics TextShaper::measure(std::string_view text, const TextStyle& style) const {
    std::unique_ptr<PangoLayout, GObjectUnref> layout(
        detail::make_layout(m_impl->context.get(), text, style));
    PangoRectangle logical{};
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    TextMetrics m;
    m.width = static_cast<double>(logical.width) / PANGO_SCALE;
    m.height = static_cast<double>(logical.height) / PANGO_SCALE;
    m.baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
    m.unknown_glyphs = pango_layout_get_unknown_glyphs_count(layout.get());
    return m;
}

TextRun TextShaper::run(std::string text, const TextStyle& style, Point origin,
                        double angle) const {
    const TextMetrics m = measure(text, style);
    TextRun r;
    r.text = std::move(text);
    r.style = style;
    r.origin = origin;
    r.angle = angle;
    r.width = m.width;
    r.height = m.height;
    r.baseline = m.baseline;
    return r;
}

std::string_view font_family_list() {
    return "Noto Sans,Noto Sans Armenian";
}

} // namespace sitmap::render
