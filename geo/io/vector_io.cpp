#include "geo/io/vector_io.hpp"

#include "geo/core/error.hpp"
#include "geo/io/detail/layer_reader.hpp"
#include "geo/io/detail/ogr_geometry.hpp"

#include <atomic>

#include <cpl_vsi.h>

namespace sitmap::geo {

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
    detail::LayerReader reader(path);
    if (on_count) {
        if (const auto count = reader.cheap_count()) {
            on_count(*count);
        }
    }
    const std::size_t field_count = reader.field_count();
    VectorFeature feature;
    feature.properties.resize(field_count);
    while (const detail::FeaturePtr f = reader.next()) {
        std::optional<Geometry> geometry = detail::from_ogr(OGR_F_GetGeometryRef(f.get()));
        if (!geometry) {
            continue;
        }
        feature.geometry = std::move(*geometry);
        std::size_t n = 0;
        for (std::size_t i = 0; i < field_count; ++i) {
            auto& kv = feature.properties[n];
            if (reader.text(f.get(), static_cast<int>(i), kv.second)) {
                kv.first = reader.field_name(i);
                ++n;
            }
        }
        feature.properties.resize(n);
        visit(feature);
        feature.properties.resize(field_count);
    }
}

std::vector<VectorFeature> read_vector_file(const std::filesystem::path& path) {
    std::vector<VectorFeature> out;
    for_each_vector_feature(path, [&out](const VectorFeature& f) { out.push_back(f); });
    return out;
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

CsvTable read_csv_table(const std::filesystem::path& path) {
    detail::LayerReader reader(path, "CSV",
                               {"HEADERS=YES", "AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO"});
    CsvTable table;
    for (std::size_t i = 0; i < reader.field_count(); ++i) {
        table.columns.push_back(reader.field_name(i));
    }
    while (const detail::FeaturePtr f = reader.next()) {
        auto& row = table.rows.emplace_back(table.columns.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
            reader.text(f.get(), static_cast<int>(i), row[i]);
        }
    }
    return table;
}

namespace {

OGRFieldType field_type_of(const PropertyValue& v) {
    return std::holds_alternative<int>(v)      ? OFTInteger
           : std::holds_alternative<double>(v) ? OFTReal
                                               : OFTString;
}

void set_property(OGRFeatureH f, int i, const PropertyValue& v) {
    if (const auto* n = std::get_if<int>(&v)) {
        OGR_F_SetFieldInteger(f, i, *n);
    } else if (const auto* x = std::get_if<double>(&v)) {
        OGR_F_SetFieldDouble(f, i, *x);
    } else {
        OGR_F_SetFieldString(f, i, std::get<std::string>(v).c_str());
    }
}

// A private in-memory file for GDAL to write into.
class MemoryFile {
public:
    MemoryFile() {
        static std::atomic<unsigned> counter{0};
        m_name = "/vsimem/sitmap-" + std::to_string(counter++) + ".geojson";
    }
    ~MemoryFile() { VSIUnlink(m_name.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    const std::string& name() const { return m_name; }
    std::string text() const {
        vsi_l_offset size = 0;
        const GByte* data = VSIGetMemFileBuffer(m_name.c_str(), &size, FALSE);
        return data == nullptr ? std::string()
                               : std::string(reinterpret_cast<const char*>(data), size);
    }

private:
    std::string m_name;
};

} // namespace

std::string geojson_feature_collection(std::span<const OutputFeature> features,
                                       const std::string& name) {
    const MemoryFile file;
    const detail::QuietGdalErrors quiet;
    detail::DatasetPtr ds = detail::create_vector("GeoJSON", file.name());
    OGRLayerH layer = detail::create_layer(ds.get(), name, wkbUnknown, {"RFC7946=YES"});
    if (!features.empty()) {
        for (const auto& [key, value] : features.front().properties) {
            detail::add_field(layer, key.c_str(), field_type_of(value));
        }
    }
    for (const OutputFeature& feature : features) {
        detail::FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        for (std::size_t i = 0; i < feature.properties.size(); ++i) {
            set_property(f.get(), static_cast<int>(i), feature.properties[i].second);
        }
        OGR_F_SetGeometryDirectly(
            f.get(), detail::to_ogr(feature.geometry, detail::MultiParts::always).release());
        detail::create_feature(layer, f.get(), "a GeoJSON feature");
    }
    detail::close_dataset(ds);
    return file.text();
}

} // namespace sitmap::geo
