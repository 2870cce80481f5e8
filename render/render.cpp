#include "render/render.hpp"

#include <cairo.h>
#include <pango/pango.h>

namespace sitmap::render {

std::string backend_versions() {
    return std::string("cairo ") + cairo_version_string() + ", pango " + pango_version_string();
}

} // namespace sitmap::render
