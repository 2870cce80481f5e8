#pragma once
// Internal to geo/io: the first layer of a vector file read feature by feature, with geometries
// in WGS 84 lon/lat whatever the file's CRS, and fields as text. vector_io, the events readers
// and the CSV table reader all read through it.

#include "geo/io/detail/gdal.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::geo::detail {

class LayerReader {
public:
    // Opens the file read-only with any driver (or only `driver`, with GDAL's open options).
    // Throws sitmap::Error (bad_input): "<path>: cannot open as vector data (why)", or "not a
    // readable <driver> file" with a driver; "<path>: no layer"; a CRS GDAL cannot transform.
    explicit LayerReader(std::filesystem::path path, const char* driver = nullptr,
                         std::initializer_list<const char*> open_options = {});

    // Reads `layer` of a dataset opened elsewhere (a PostgreSQL store), which must outlive the
    // reader; `name` names it in errors. The layer's attribute filter, if any, is kept.
    LayerReader(std::string name, GDALDatasetH dataset, OGRLayerH layer);

    const std::filesystem::path& path() const { return m_path; }
    // GDAL's short name of the driver that opened the file ("GeoJSON", "GeoJSONSeq", "CSV"...).
    std::string driver() const;
    // True when the layer's CRS is not WGS 84, so that next() transforms every geometry.
    bool reprojects() const { return m_to_wgs84 != nullptr; }
    // The number of features if the format knows it cheaply (FlatGeobuf, GeoPackage...).
    std::optional<std::size_t> cheap_count() const;

    // Fields of the layer in order; index_of is -1 for a field the layer does not have.
    std::size_t field_count() const { return m_names.size(); }
    const std::string& field_name(std::size_t i) const { return m_names[i]; }
    int index_of(const char* name) const;

    // The next feature (its geometry, if any, already in lon/lat), or null after the last one.
    // Throws sitmap::Error (bad_input) naming the file and feature when GDAL fails.
    FeaturePtr next();
    // 1-based number of the feature next() returned last.
    std::size_t number() const { return m_number; }

    // Field i of f as text: null or unset -> nullopt; integers and reals without printf (a
    // million features read fast); dates as ISO 8601 (YYYY-MM-DD[THH:MM:SS]), not GDAL's
    // YYYY/MM/DD; JSON and lists as GDAL prints them.
    bool text(OGRFeatureH f, int i, std::string& out) const;
    std::string text(OGRFeatureH f, const char* name) const;

private:
    void read_layer_definition();

    std::filesystem::path m_path;
    DatasetPtr m_ds; // null when the dataset is borrowed
    GDALDatasetH m_dataset = nullptr;
    OGRLayerH m_layer = nullptr;
    TransformPtr m_to_wgs84;
    std::vector<std::string> m_names;
    std::vector<OGRFieldType> m_types;
    std::size_t m_number = 0;
};

} // namespace sitmap::geo::detail
