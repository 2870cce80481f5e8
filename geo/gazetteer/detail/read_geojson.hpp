#pragma once
// Internal to geo/gazetteer: the GDAL reader behind Gazetteer::load.

#include <filesystem>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"

namespace sitmap::geo::detail {

// Every feature of a gazetteer GeoJSON file as a Place, in file order, anchors set. Throws
// sitmap::Error (bad_input) naming the feature and the problem; the caller adds the path.
std::vector<Place> read_geojson_places(const std::filesystem::path& path);

} // namespace sitmap::geo::detail
