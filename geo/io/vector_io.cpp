#include "geo/io/vector_io.hpp"

#include "geo/core/error.hpp"

#include <charconv>
#include <cstdio>
#include <memory>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitmap::geo {
namespace {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
struct SrsDestroyer {
    void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDestroyer>;
using TransformPtr =
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDestroyer>;

// Silences GDAL's stderr chatter while we read; errors are reported through sitmap::Error.
class QuietErrors {
public:
    QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

Path read_path(OGRGeometryH g) {
    const int n = OGR_G_GetPointCount(g);
    Path path(static_cast<std::size_t>(n));
    if (n > 0) {
        OGR_G_GetPoints(g, &path[0].lon, sizeof(LonLat), &path[0].lat, sizeof(LonLat), nullptr, 0);
    }
    return path;
}

void collect(OGRGeometryH g, std::vector<LonLat>& points, std::vector<Path>& lines,
             std::vector<std::vector<Path>>& polygons) {
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (OGR_G_IsEmpty(g) == 0) {
            points.push_back({OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)});
        }
        break;
    case wkbLineString:
        lines.push_back(read_path(g));
        break;
    case wkbPolygon: {
        std::vector<Path> rings;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            rings.push_back(read_path(OGR_G_GetGeometryRef(g, i)));
        }
        if (!rings.empty()) {
            polygons.push_back(std::move(rings));
        }
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            collect(OGR_G_GetGeometryRef(g, i), points, lines, polygons);
        }
        break;
    default:
        break;
    }
}

// Areas win over lines over points: a mixed collection is represented by its largest dimension.
bool to_geometry(OGRGeometryH g, Geometry& out) {
    // Fast path for the common case of a single point.
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
        if (OGR_G_IsEmpty(g) != 0) {
            return false;
        }
        out = PointGeom{{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)}};
        return true;
    }
    std::vector<LonLat> points;
    std::vector<Path> lines;
    std::vector<std::vector<Path>> polygons;
    collect(g, points, lines, polygons);
    if (!polygons.empty()) {
        out = AreaGeom{std::move(polygons)};
    } else if (!lines.empty()) {
        out = LinesGeom{std::move(lines)};
    } else if (!points.empty()) {
        out = PointGeom{points.front()};
    } else {
        return false;
    }
    return true;
}

// A field as text, without printf for the common types (a million features read fast); dates
// as ISO 8601 (YYYY-MM-DD), not GDAL's YYYY/MM/DD.
void field_text(OGRFeatureH f, int i, OGRFieldType type, std::string& out) {
    char buf[64];
    switch (type) {
    case OFTInteger: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsInteger(f, i));
        out.assign(buf, r.ptr);
        return;
    }
    case OFTInteger64: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsInteger64(f, i));
        out.assign(buf, r.ptr);
        return;
    }
    case OFTReal: {
        const auto r = std::to_chars(buf, buf + sizeof buf, OGR_F_GetFieldAsDouble(f, i));
        out.assign(buf, r.ptr);
        return;
    }
    case OFTDate:
    case OFTDateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hh, &mm, &ss, &tz);
        // YYYY-MM-DD[THH:MM:SS], without printf.
        auto two = [](char* p, int v) {
            p[0] = static_cast<char>('0' + (v / 10) % 10);
            p[1] = static_cast<char>('0' + v % 10);
        };
        char* p = buf;
        two(p, y / 100);
        two(p + 2, y % 100);
        p[4] = '-';
        two(p + 5, m);
        p[7] = '-';
        two(p + 8, d);
        std::size_t n = 10;
        if (type == OFTDateTime) {
            buf[10] = 'T';
            two(buf + 11, hh);
            buf[13] = ':';
            two(buf + 14, mm);
            buf[16] = ':';
            two(buf + 17, static_cast<int>(ss));
            n = 19;
        }
        out.assign(buf, n);
        return;
    }
    default:
        out.assign(OGR_F_GetFieldAsString(f, i));
    }
}

} // namespace

std::string_view VectorFeature::property(std::string_view key) const {
    for (const auto& [k, v] : properties) {
        if (k == key) {
            return v;
        }
    }
    return {};
}

bool VectorFeature::has(std::string_view key) const {
    for (const auto& kv : properties) {
        if (kv.first == key) {
            return true;
        }
    }
    return false;
}

void for_each_vector_feature(const std::filesystem::path& path,
                             const std::function<void(const VectorFeature&)>& visit,
                             const std::function<void(std::size_t)>& on_count) {
    GDALAllRegister();
    const std::string name = path.string();
    DatasetPtr ds;
    {
        QuietErrors quiet;
        ds.reset(
            GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    }
    if (!ds) {
        const char* why = CPLGetLastErrorMsg();
        throw input_error(name + ": cannot open as vector data" +
                          (why != nullptr && *why != '\0' ? std::string(" (") + why + ")" : ""));
    }
    if (GDALDatasetGetLayerCount(ds.get()) < 1) {
        throw input_error(name + ": no layer");
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int field_count = OGR_FD_GetFieldCount(defn);
    std::vector<std::string> field_names;
    std::vector<OGRFieldType> field_types;
    for (int i = 0; i < field_count; ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        field_names.emplace_back(OGR_Fld_GetNameRef(fd));
        field_types.push_back(OGR_Fld_GetType(fd));
    }

    TransformPtr to_wgs84;
    if (OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer)) {
        SrsPtr wgs84(OSRNewSpatialReference(nullptr));
        OSRSetWellKnownGeogCS(wgs84.get(), "WGS84");
        OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
        if (OSRIsSame(src, wgs84.get()) == 0) {
            SrsPtr src_copy(OSRClone(src));
            OSRSetAxisMappingStrategy(src_copy.get(), OAMS_TRADITIONAL_GIS_ORDER);
            to_wgs84.reset(OCTNewCoordinateTransformation(src_copy.get(), wgs84.get()));
            if (!to_wgs84) {
                throw input_error(name + ": cannot transform its CRS to WGS 84");
            }
        }
    }

    if (on_count) {
        const GIntBig count = OGR_L_GetFeatureCount(layer, FALSE);
        if (count >= 0) {
            on_count(static_cast<std::size_t>(count));
        }
    }
    VectorFeature feature;
    feature.properties.resize(static_cast<std::size_t>(field_count));
    std::size_t index = 0;
    OGR_L_ResetReading(layer);
    while (true) {
        FeaturePtr f;
        {
            QuietErrors quiet;
            f.reset(OGR_L_GetNextFeature(layer));
        }
        if (!f) {
            if (CPLGetLastErrorType() >= CE_Failure && index == 0) {
                throw input_error(name + ": " + CPLGetLastErrorMsg());
            }
            break;
        }
        ++index;
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (g == nullptr) {
            continue;
        }
        if (to_wgs84 && OGR_G_Transform(g, to_wgs84.get()) != OGRERR_NONE) {
            throw input_error(name + ": feature " + std::to_string(index) +
                              ": cannot transform to WGS 84");
        }
        if (!to_geometry(g, feature.geometry)) {
            continue;
        }
        std::size_t n = 0;
        for (int i = 0; i < field_count; ++i) {
            if (OGR_F_IsFieldSetAndNotNull(f.get(), i) == 0) {
                continue;
            }
            auto& kv = feature.properties[n++];
            kv.first = field_names[static_cast<std::size_t>(i)];
            field_text(f.get(), i, field_types[static_cast<std::size_t>(i)], kv.second);
        }
        feature.properties.resize(n);
        visit(feature);
        feature.properties.resize(static_cast<std::size_t>(field_count));
    }
}

std::vector<VectorFeature> read_vector_file(const std::filesystem::path& path) {
    std::vector<VectorFeature> out;
    for_each_vector_feature(path, [&out](const VectorFeature& f) { out.push_back(f); });
    return out;
}

} // namespace sitmap::geo
