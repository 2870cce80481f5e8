#include "geo/io/base64.hpp"

#include "geo/io/detail/gdal.hpp"

#include <cpl_string.h>

namespace sitmap::geo {

std::string base64_encode(std::string_view bytes) {
    const detail::CplString encoded(CPLBase64Encode(static_cast<int>(bytes.size()),
                                                    reinterpret_cast<const GByte*>(bytes.data())));
    return encoded ? std::string(encoded.get()) : std::string();
}

} // namespace sitmap::geo
