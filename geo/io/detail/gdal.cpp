#include "geo/io/detail/gdal.hpp"

#include "geo/core/error.hpp"

#include <mutex>
#include <vector>

namespace sitmap::geo::detail {

void register_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

std::string last_gdal_error() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg != nullptr && *msg != '\0') ? std::string(msg) : std::string("unknown GDAL error");
}

GDALDriverH gdal_driver(const char* name) {
    register_gdal();
    GDALDriverH d = GDALGetDriverByName(name);
    if (d == nullptr) {
        throw Error(ErrorKind::internal, std::string("GDAL has no ") + name + " driver");
    }
    return d;
}

DatasetPtr open_vector(const std::filesystem::path& path,
                       std::initializer_list<const char*> drivers,
                       std::initializer_list<const char*> open_options) {
    register_gdal();
    std::vector<const char*> allowed(drivers);
    allowed.push_back(nullptr);
    std::vector<const char*> options(open_options);
    options.push_back(nullptr);
    CPLErrorReset();
    return DatasetPtr(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                 drivers.size() == 0 ? nullptr : allowed.data(),
                                 open_options.size() == 0 ? nullptr : options.data(), nullptr));
}

DatasetPtr create_vector(const char* driver, const std::filesystem::path& path) {
    DatasetPtr ds(GDALCreate(gdal_driver(driver), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        throw output_error("cannot create: " + last_gdal_error());
    }
    return ds;
}

void close_dataset(DatasetPtr& ds) {
    CPLErrorReset();
    ds.reset(); // flushes; errors surface here
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw output_error("cannot finish writing: " + last_gdal_error());
    }
}

void add_field(OGRLayerH layer, const char* name, OGRFieldType type, OGRFieldSubType subtype,
               int width) {
    FieldPtr field(OGR_Fld_Create(name, type));
    OGR_Fld_SetSubType(field.get(), subtype);
    OGR_Fld_SetWidth(field.get(), width);
    if (OGR_L_CreateField(layer, field.get(), TRUE) != OGRERR_NONE) {
        throw output_error(std::string("cannot create field ") + name + ": " + last_gdal_error());
    }
}

void set_field(OGRFeatureH f, const char* name, const std::string& value) {
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, name), value.c_str());
}

void set_field(OGRFeatureH f, const char* name, std::optional<long long> value) {
    const int i = OGR_F_GetFieldIndex(f, name);
    if (value) {
        OGR_F_SetFieldInteger64(f, i, *value);
    } else {
        OGR_F_SetFieldNull(f, i);
    }
}

void set_real_field(OGRFeatureH f, const char* name, std::optional<double> value) {
    const int i = OGR_F_GetFieldIndex(f, name);
    if (value) {
        OGR_F_SetFieldDouble(f, i, *value);
    } else {
        OGR_F_SetFieldNull(f, i);
    }
}

void set_field(OGRFeatureH f, const char* name, std::chrono::year_month_day date) {
    if (!date.ok()) {
        set_field(f, name, std::string());
        return;
    }
    OGR_F_SetFieldDateTime(f, OGR_F_GetFieldIndex(f, name), static_cast<int>(date.year()),
                           static_cast<int>(static_cast<unsigned>(date.month())),
                           static_cast<int>(static_cast<unsigned>(date.day())), 0, 0, 0, 0);
}

OGRLayerH create_layer(GDALDatasetH ds, const std::string& name, OGRwkbGeometryType type,
                       std::initializer_list<const char*> options) {
    std::vector<const char*> list(options);
    list.push_back(nullptr);
    const SrsPtr srs = type == wkbNone ? nullptr : wgs84();
    OGRLayerH layer =
        GDALDatasetCreateLayer(ds, name.c_str(), srs.get(), type, const_cast<char**>(list.data()));
    if (layer == nullptr) {
        throw output_error("cannot create layer " + name + ": " + last_gdal_error());
    }
    return layer;
}

void create_feature(OGRLayerH layer, OGRFeatureH f, const std::string& what) {
    if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) {
        throw output_error("cannot write " + what + ": " + last_gdal_error());
    }
}

SrsPtr wgs84() {
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace sitmap::geo::detail
