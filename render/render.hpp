#pragma once
// Placeholder: the renderer module's public header (filled by the renderer issue).

#include <string>

namespace sitmap::render {

// The Cairo and Pango versions sitmap renders with, e.g. "cairo 1.16.0, pango 1.50.12".
std::string backend_versions();

} // namespace sitmap::render
