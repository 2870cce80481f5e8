#pragma once
// Internal to geo/: the one bridge to GDAL/OGR's C API. Owning handles released by their own
// function from the line that creates them, one driver registration, and GDAL's errors turned
// into sitmap::Error messages. Never included by a public header; geometry conversion is in
// ogr_geometry.hpp next to this file.

#include <chrono>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitmap::geo::detail {

// Registers GDAL's drivers, once per process (std::call_once). Every function here that opens
// or creates a dataset calls it; nothing else in sitmap calls GDALAllRegister.
void register_gdal();

struct DatasetCloser {
    void operator()(GDALDatasetH ds) const { GDALClose(ds); }
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

// OSRRelease, not OSRDestroySpatialReference: spatial references are reference-counted, and a
// layer, geometry field or transformation we hand one to may keep a reference of its own.
// OSRRelease drops ours and frees the object only when the count reaches zero;
// OSRDestroySpatialReference deletes it whatever the count, leaving GDAL a dangling pointer.
struct SrsReleaser {
    void operator()(OGRSpatialReferenceH s) const { OSRRelease(s); }
};
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser>;

struct FieldDeleter {
    void operator()(OGRFieldDefnH f) const { OGR_Fld_Destroy(f); }
};
using FieldPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDeleter>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};
using TransformPtr =
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDeleter>;

// Strings and buffers GDAL allocates for the caller.
struct CplFree {
    void operator()(void* p) const { CPLFree(p); }
};
using CplString = std::unique_ptr<char, CplFree>;

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

// GDAL's last error message, or "unknown GDAL error".
std::string last_gdal_error();

// The driver, or sitmap::Error (internal) when this GDAL lacks it.
GDALDriverH gdal_driver(const char* name);

// Opens a vector dataset read-only, trying only the given drivers (none: any driver), with
// GDAL's open options (e.g. "HEADERS=YES"). Null when GDAL cannot open it; last_gdal_error()
// then says why.
DatasetPtr open_vector(const std::filesystem::path& path,
                       std::initializer_list<const char*> drivers = {},
                       std::initializer_list<const char*> open_options = {});

// Creates a dataset with a vector driver ("GeoJSON", "GPKG"...). Throws sitmap::Error
// (output_failed) with GDAL's message.
DatasetPtr create_vector(const char* driver, const std::filesystem::path& path);

// Closes the dataset, which flushes it; throws sitmap::Error (output_failed) when GDAL reports a
// failure while doing so (the caller adds the path).
void close_dataset(DatasetPtr& ds);

// Adds a field to a layer being written. Throws sitmap::Error (output_failed) naming it.
void add_field(OGRLayerH layer, const char* name, OGRFieldType type,
               OGRFieldSubType subtype = OFSTNone, int width = 0);

// Sets a field by name; an empty optional sets it to null.
void set_field(OGRFeatureH f, const char* name, const std::string& value);
void set_field(OGRFeatureH f, const char* name, std::optional<long long> value);
void set_real_field(OGRFeatureH f, const char* name, std::optional<double> value);
// A Date field; an invalid date is written as "" (as the text fields of the events format).
void set_field(OGRFeatureH f, const char* name, std::chrono::year_month_day date);

// Adds a layer (no SRS for wkbNone, else WGS 84 lon/lat) with GDAL's layer creation options.
// Throws sitmap::Error (output_failed) naming it.
OGRLayerH create_layer(GDALDatasetH ds, const std::string& name, OGRwkbGeometryType type,
                       std::initializer_list<const char*> options = {});

// Writes a feature into its layer. Throws sitmap::Error (output_failed) "cannot write <what>".
void create_feature(OGRLayerH layer, OGRFeatureH f, const std::string& what);

// WGS 84 with longitude first (RFC 7946, sitmap's LonLat), whatever EPSG's axis order says.
SrsPtr wgs84();

} // namespace sitmap::geo::detail
