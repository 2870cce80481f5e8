#pragma once
// Generic vector I/O through GDAL: any file GDAL opens (GeoJSON, GeoJSONSeq, FlatGeobuf,
// GeoPackage, Shapefile...) -> features with a geometry in WGS 84 lon/lat and string properties;
// CSV tables; features -> GeoJSON text. No GDAL type escapes this header; the renderer reads its
// basemap layers through it.

#include "geo/core/geometry.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
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

// A CSV file with a header line, read through GDAL's CSV driver: no type guessing, every cell as
// text ("" when empty).
struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows; // one cell per column; rows[i] is line i + 2

    // The index of a column, or nothing when the header lacks it.
    std::optional<std::size_t> column(std::string_view name) const;
};
// Throws sitmap::Error (bad_input) "<path>: not a readable CSV file (why)".
CsvTable read_csv_table(const std::filesystem::path& path);

// A feature to write: a geometry and typed properties, in the order they are written.
using PropertyValue = std::variant<std::string, int, double>;
struct OutputFeature {
    Geometry geometry;
    std::vector<std::pair<std::string, PropertyValue>> properties;
};

// The features as an RFC 7946 FeatureCollection named `name`, written by GDAL's GeoJSON driver
// (lines and areas handed over as MultiLineString/MultiPolygon; GDAL's RFC 7946 writer spells a
// one-part one as the single geometry). Every feature must have the properties of the first, in
// the same order. Throws sitmap::Error (output_failed).
std::string geojson_feature_collection(std::span<const OutputFeature> features,
                                       const std::string& name);

} // namespace sitmap::geo
