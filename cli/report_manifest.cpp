#include "cli/report_manifest.hpp"

#include "geo/core/error.hpp"
#include "geo/core/event.hpp"

#include <array>
#include <memory>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

namespace sitmap::cli {

namespace {

struct DatasetCloser {
    void operator()(void* h) const { GDALClose(h); }
};

} // namespace

std::vector<ReportInput> read_manifest(const std::filesystem::path& csv) {
    GDALAllRegister();
    const std::array<const char*, 2> drivers = {"CSV", nullptr};
    const std::array<const char*, 3> open_options = {"HEADERS=YES", "AUTODETECT_TYPE=NO", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<void, DatasetCloser> ds(
        GDALOpenEx(csv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers.data(),
                   open_options.data(), nullptr));
    CPLPopErrorHandler();
    if (!ds || GDALDatasetGetLayerCount(ds.get()) < 1) {
        throw input_error(csv.string() + ": cannot read the manifest as CSV");
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int file_field = OGR_FD_GetFieldIndex(defn, "file");
    const int date_field = OGR_FD_GetFieldIndex(defn, "published");
    if (file_field < 0 || date_field < 0) {
        throw input_error(csv.string() + ": the manifest needs a header line 'file,published'");
    }
    std::vector<ReportInput> out;
    const std::filesystem::path dir = csv.parent_path();
    int row = 1;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        ++row;
        const std::string file = OGR_F_GetFieldAsString(f, file_field);
        const std::string date = OGR_F_GetFieldAsString(f, date_field);
        OGR_F_Destroy(f);
        const std::string where = csv.string() + ": line " + std::to_string(row);
        if (file.empty()) {
            throw input_error(where + ": empty file name");
        }
        try {
            geo::parse_date(date);
        } catch (const Error& e) {
            throw e.with_context(where);
        }
        const std::filesystem::path p(file);
        out.push_back({p.is_absolute() ? p : dir / p, date});
    }
    if (out.empty()) {
        throw input_error(csv.string() + ": the manifest lists no articles");
    }
    return out;
}

} // namespace sitmap::cli
