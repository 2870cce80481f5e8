#pragma once
// Base64 (RFC 4648, with padding, no line breaks) for data: URIs, e.g. maps embedded in a report.

#include <string>
#include <string_view>

namespace sitmap::geo {

std::string base64_encode(std::string_view bytes);

} // namespace sitmap::geo
