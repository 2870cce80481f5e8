#include "geo/io/vector_io.hpp"

#include "geo/core/error.hpp"
#include "geo/io/detail/layer_reader.hpp"
#include "geo/io/detail/ogr_geometry.hpp"

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

} // namespace sitmap::geo
