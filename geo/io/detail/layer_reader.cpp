#include "geo/io/detail/layer_reader.hpp"

#include "geo/core/error.hpp"

#include <charconv>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

namespace sitmap::geo::detail {
namespace {

// Index of the first byte that is not part of valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, n, c);
        if (c < 0) {
            return static_cast<std::size_t>(at);
        }
    }
    return std::string_view::npos;
}

// YYYY-MM-DD[THH:MM:SS], without printf.
void iso_date_time(OGRFeatureH f, int i, bool with_time, std::string& out) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hh, &mm, &ss, &tz);
    char buf[24];
    auto two = [](char* p, int v) {
        p[0] = static_cast<char>('0' + (v / 10) % 10);
        p[1] = static_cast<char>('0' + v % 10);
    };
    two(buf, y / 100);
    two(buf + 2, y % 100);
    buf[4] = '-';
    two(buf + 5, m);
    buf[7] = '-';
    two(buf + 8, d);
    std::size_t n = 10;
    if (with_time) {
        buf[10] = 'T';
        two(buf + 11, hh);
        buf[13] = ':';
        two(buf + 14, mm);
        buf[16] = ':';
        two(buf + 17, static_cast<int>(ss));
        n = 19;
    }
    out.assign(buf, n);
}

} // namespace

LayerReader::LayerReader(std::filesystem::path path, const char* driver,
                         std::initializer_list<const char*> open_options)
    : m_path(std::move(path)) {
    const std::string name = m_path.string();
    {
        const QuietGdalErrors quiet;
        m_ds = driver == nullptr ? open_vector(m_path, {}, open_options)
                                 : open_vector(m_path, {driver}, open_options);
        if (!m_ds) {
            const char* why = CPLGetLastErrorMsg();
            const std::string detail =
                why != nullptr && *why != '\0' ? std::string(" (") + why + ")" : std::string();
            throw input_error(name +
                              (driver == nullptr
                                   ? std::string(": cannot open as vector data")
                                   : std::string(": not a readable ") + driver + " file") +
                              detail);
        }
    }
    if (GDALDatasetGetLayerCount(m_ds.get()) < 1) {
        throw input_error(name + ": no layer");
    }
    m_dataset = m_ds.get();
    m_layer = GDALDatasetGetLayer(m_ds.get(), 0);
    read_layer_definition();
}

LayerReader::LayerReader(std::string name, GDALDatasetH dataset, OGRLayerH layer)
    : m_path(std::move(name)), m_dataset(dataset), m_layer(layer) {
    read_layer_definition();
}

void LayerReader::read_layer_definition() {
    const std::string name = m_path.string();
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(m_layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        m_names.emplace_back(OGR_Fld_GetNameRef(fd));
        m_types.push_back(OGR_Fld_GetType(fd));
    }
    if (OGRSpatialReferenceH src = OGR_L_GetSpatialRef(m_layer)) {
        const SrsPtr lonlat = wgs84();
        if (OSRIsSame(src, lonlat.get()) == 0) {
            const SrsPtr src_copy(OSRClone(src));
            OSRSetAxisMappingStrategy(src_copy.get(), OAMS_TRADITIONAL_GIS_ORDER);
            m_to_wgs84.reset(OCTNewCoordinateTransformation(src_copy.get(), lonlat.get()));
            if (!m_to_wgs84) {
                throw input_error(name + ": cannot transform its CRS to WGS 84");
            }
        }
    }
    OGR_L_ResetReading(m_layer);
}

std::string LayerReader::driver() const {
    GDALDriverH d = GDALGetDatasetDriver(m_dataset);
    return d != nullptr ? std::string(GDALGetDriverShortName(d)) : std::string();
}

std::optional<std::size_t> LayerReader::cheap_count() const {
    const GIntBig count = OGR_L_GetFeatureCount(m_layer, FALSE);
    if (count < 0) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(count);
}

int LayerReader::index_of(const char* name) const {
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i] == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

FeaturePtr LayerReader::next() {
    FeaturePtr f;
    {
        const QuietGdalErrors quiet;
        f.reset(OGR_L_GetNextFeature(m_layer));
        if (!f) {
            if (CPLGetLastErrorType() >= CE_Failure && m_number == 0) {
                throw input_error(m_path.string() + ": " + CPLGetLastErrorMsg());
            }
            return f;
        }
    }
    ++m_number;
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f.get()); g != nullptr && m_to_wgs84) {
        if (OGR_G_Transform(g, m_to_wgs84.get()) != OGRERR_NONE) {
            throw input_error(m_path.string() + ": feature " + std::to_string(m_number) +
                              ": cannot transform to WGS 84");
        }
    }
    return f;
}

bool LayerReader::text(OGRFeatureH f, int i, std::string& out) const {
    if (i < 0 || OGR_F_IsFieldSetAndNotNull(f, i) == 0) {
        return false;
    }
    char buf[64];
    switch (m_types[static_cast<std::size_t>(i)]) {
    case OFTInteger: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsInteger(f, i));
        out.assign(buf, r.ptr);
        return true;
    }
    case OFTInteger64: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsInteger64(f, i));
        out.assign(buf, r.ptr);
        return true;
    }
    case OFTReal: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsDouble(f, i));
        out.assign(buf, r.ptr);
        return true;
    }
    case OFTDate:
        iso_date_time(f, i, false, out);
        return true;
    case OFTDateTime:
        iso_date_time(f, i, true, out);
        return true;
    default:
        out.assign(OGR_F_GetFieldAsString(f, i));
        // GDAL passes bytes through (a Latin-1 CSV, a stray byte in GeoJSON): every string sitmap
        // keeps, writes and compares is UTF-8, so other bytes are bad input here, named.
        if (const std::size_t bad = invalid_utf8_at(out); bad != std::string_view::npos) {
            throw input_error(std::string("property '") +
                              OGR_Fld_GetNameRef(OGR_F_GetFieldDefnRef(f, i)) +
                              "': not valid UTF-8 (byte " + std::to_string(bad + 1) +
                              "; save the file as UTF-8)");
        }
        return true;
    }
}

std::string LayerReader::text(OGRFeatureH f, const char* name) const {
    std::string out;
    text(f, index_of(name), out);
    return out;
}

} // namespace sitmap::geo::detail
