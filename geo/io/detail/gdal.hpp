#pragma once
// Internal to geo/: owning handles for GDAL/OGR C objects, each released by its own function from
// the line that creates it. Never included by a public header.

#include <memory>
#include <string>
#include <type_traits>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitmap::geo::detail {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

struct GeometryDeleter {
    void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

// OSRRelease, not OSRDestroySpatialReference: GDAL may hold references of its own.
struct SrsDeleter {
    void operator()(OGRSpatialReferenceH s) const { OSRRelease(s); }
};
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDeleter>;

struct FieldDeleter {
    void operator()(OGRFieldDefnH f) const { OGR_Fld_Destroy(f); }
};
using FieldPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDeleter>;

// While alive, GDAL reports through sitmap::Error (via last_gdal_error), not by printing
// "ERROR 4: ..." to stderr itself.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

inline std::string last_gdal_error() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg != nullptr && *msg != '\0') ? std::string(msg) : std::string("unknown GDAL error");
}

} // namespace sitmap::geo::detail
