#pragma once
// An SVG writer behind the Canvas interface. Unlike Cairo's SVG surface it keeps labels as real
// <text> elements (selectable, searchable, editable in Inkscape), defines each marker symbol once
// in <defs> and references it with <use>, and gives every event mark its id and a <title>.
// All text is XML-escaped.

#include "render/cairo_canvas.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace sitmap::render {

std::unique_ptr<Canvas> make_svg_canvas(const std::filesystem::path& path, double width,
                                        double height, const DocumentInfo& info);

// Escapes &, <, >, " and ' for XML text and attribute values.
std::string xml_escape(std::string_view text);

} // namespace sitmap::render
