#pragma once
// Generic vector reading through GDAL: any file GDAL opens (GeoJSON, GeoJSONSeq, FlatGeobuf,
// GeoPackage, Shapefile...) -> features with a geometry in WGS 84 lon/lat and string properties.
// No GDAL type escapes this header; the renderer reads its basemap layers through it.

#include "geo/core/geometry.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::geo {

struct VectorFeature {
    Geometry geometry;
    // Field name -> value as text (JSON text for list/object fields); null fields are absent.
    std::vector<std::pair<std::string, std::string>> properties;

    // The value of a property, or "" when it is absent.
    std::string_view property(std::string_view key) const;
    bool has(std::string_view key) const;
};

// Calls visit for every feature of the file's first layer, in file order, streaming (the feature
// object is reused between calls: copy what you keep). Features without a geometry are skipped.
// Throws sitmap::Error (bad_input) naming the file (and the feature) when it cannot be read.
// on_count, when given, is called first with the number of features if the format knows it
// cheaply (FlatGeobuf, GeoPackage...), so that callers can reserve memory.
void for_each_vector_feature(const std::filesystem::path& path,
                             const std::function<void(const VectorFeature&)>& visit,
                             const std::function<void(std::size_t)>& on_count = {});

// Reads every feature of the file's first layer.
std::vector<VectorFeature> read_vector_file(const std::filesystem::path& path);

} // namespace sitmap::geo
