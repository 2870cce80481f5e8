#pragma once
// Internal: builds the Pango layout for a text run the same way for measuring and drawing.

#include "render/symbols.hpp"

#include <string_view>

#include <pango/pangocairo.h>

namespace sitmap::render::detail {

// Font options used everywhere: no hinting, so metrics do not depend on the surface.
void set_font_options(PangoContext* context);

// A new layout (caller owns it: g_object_unref) with the text, font and letter spacing of style.
PangoLayout* make_layout(PangoContext* context, std::string_view text, const TextStyle& style);

} // namespace sitmap::render::detail
