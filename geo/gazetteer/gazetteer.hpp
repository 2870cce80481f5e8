#pragma once
// The gazetteer: named places (points, lines, areas) loaded through GDAL from a GeoJSON file with
// sitmap's schema (data/geojson/gazetteer.geojson, or a user's own file), and kept in a binary
// cache so that the next load of the same file is a single read.

#include "geo/core/geometry.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::geo {

enum class PlaceKind {
    settlement,
    capital,
    region,
    country,
    border_sector,
    corridor,
    checkpoint,
    bridge,
    lake,
    river,
    city_abroad,
    height,
    pass,
};

std::string_view to_string(PlaceKind kind);
// Throws sitmap::Error (bad_input) naming the unknown value.
PlaceKind place_kind_from_string(std::string_view s);

// Where an event is known to be: the place itself, near it or along a line/area, or only the
// region (district, province, border sector).
enum class GeoPrecision : int { exact = 1, near = 2, region = 3 };

struct Place {
    std::string id;                           // stable, e.g. "geonames:616799" or "sitmap:sotk"
    std::string name;                         // English display name
    std::map<std::string, std::string> names; // language code (en, hy, az, ru) -> name
    std::vector<std::string> aliases;         // other spellings, former names
    PlaceKind kind = PlaceKind::settlement;
    std::string country; // ISO 3166-1 alpha-2, "" if none (a border sector)
    std::string admin1;  // province / district name
    std::int64_t population = 0;
    std::string source;    // e.g. "GeoNames cities500 (CC-BY 4.0)"
    std::string source_id; // e.g. GeoNames id
    double accuracy_m = 0.0;
    std::string note; // renamings with years, sources that disagree
    Geometry geometry;
    LonLat anchor; // representative point (for labels, distances)

    // Name in a language, falling back to the English name.
    const std::string& name_in(std::string_view lang) const;
};

// Whether Gazetteer::load may read and write its cache (UseCache::no: always through GDAL).
enum class UseCache : bool { no, yes };

class Gazetteer {
public:
    // Loads a gazetteer file through GDAL. Throws sitmap::Error (bad_input) naming the file and
    // the problem: missing file, not GeoJSON, feature without id/name/kind, duplicate id.
    // With UseCache::yes the places come from the file's cache when it matches the file's bytes
    // (the same places, field for field), and a load through GDAL writes that cache: in
    // $SITMAP_CACHE_DIR if set, else the build tree's cache/ or $XDG_CACHE_HOME/sitmap
    // (~/.cache/sitmap); where none can be written, nothing is cached.
    static Gazetteer load(const std::filesystem::path& path, UseCache cache = UseCache::yes);

    // The bundled gazetteer: $SITMAP_DATA/geojson/gazetteer.geojson, else the build's data dir.
    static Gazetteer load_default();

    explicit Gazetteer(std::vector<Place> places);

    std::span<const Place> places() const { return m_places; }
    const Place* find(std::string_view id) const;
    std::size_t size() const { return m_places.size(); }

private:
    std::vector<Place> m_places;
    std::unordered_map<std::string, std::size_t> m_by_id;
};

// The bundled data directory: $SITMAP_DATA if set, else the one compiled in.
std::filesystem::path data_dir();

} // namespace sitmap::geo
