#pragma once
// GIS export through GDAL: events as RFC 7946 GeoJSON, and a GeoPackage with the layers an analyst
// continues with in QGIS (events, claims, places, basemap) and their QGIS styles.

#include "geo/core/event.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/symbology.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

enum class GisFormat { geojson, gpkg, qgz, qgs, acled_csv };

// The format an output path asks for, by its extension (case-insensitive). Throws sitmap::Error
// (usage) naming the path and listing the known extensions.
GisFormat gis_format_for(const std::filesystem::path& path);

// A format named on the command line (`--format`): geojson, gpkg, qgz, qgs, acled. Throws
// sitmap::Error (usage) listing the names.
GisFormat gis_format_named(std::string_view name);

// A basemap layer to copy into a GeoPackage: a GeoJSON file and the layer name it gets.
struct BasemapLayer {
    std::string name;
    std::filesystem::path path;
};

// The names of the bundled basemap layers in drawing order, bottom first.
std::span<const std::string_view> basemap_layer_names();

// The bundled basemap layers (basemap_layer_names()) that exist as <dir>/<name>.geojson, bottom
// first. Missing ones are left out; the caller may warn.
std::vector<BasemapLayer> find_basemap_layers(const std::filesystem::path& dir);

// Layer names inside an exported GeoPackage.
inline constexpr std::string_view events_layer = "events";
inline constexpr std::string_view claims_layer = "claims";
inline constexpr std::string_view places_layer = "places";
// The directions of fire (geo/io/fire_lines.hpp): one line per origin, from it to the target.
inline constexpr std::string_view fire_lines_layer = "fire_lines";
// Events known only to a region: the district or province areas, the border-sector lines
// (geo/io/event_extent.hpp), each feature with its event's id.
inline constexpr std::string_view event_areas_layer = "event_areas";
inline constexpr std::string_view event_lines_layer = "event_lines";

// True when the event has coordinates to export: a valid location and a non-empty geometry.
bool has_geometry(const Event& event);

// Writes one RFC 7946 feature per event (lon/lat, 6 decimals, no crs member; GDAL's RFC7946=YES)
// with the properties of sitmap's events GeoJSON, so that sitmap reads it back: a point at the
// event's representative location; id, kind, layer, date_begin, date_end, date_precision,
// place_id, place_name, geo_precision (1 exact, 2 near, 3 region), summary, disputed, killed_max
// and wounded_max (null when no claim states a figure), claims (array), sources (array). After
// the events, each direction of fire as a line feature of its own, from the origin to the target
// (property "feature": "fire_line", the fields of the GeoPackage's fire_lines layer), then each
// event known only to a region as its line or area (property "feature": "event_extent", the
// fields of the GeoPackage's event_areas and event_lines layers); sitmap's readers of events skip
// both. Writes `path.tmp`, renames on success. Throws sitmap::Error:
// bad_input for an event without geometry, output_failed naming the path (also when it exists and
// overwrite is no).
void export_geojson(const std::vector<Event>& events, const std::filesystem::path& path,
                    Overwrite overwrite = Overwrite::no);

struct GeoPackageOptions {
    // Where the `places` rows come from (the entries the events use); without a gazetteer, one
    // row per distinct place of the events, built from the events themselves.
    const Gazetteer* gazetteer = nullptr;
    std::vector<BasemapLayer> basemap; // copied in this order
    Symbology symbology;               // of the QGIS styles in layer_styles
    Overwrite overwrite = Overwrite::no;
};

// Writes a GeoPackage: `events` (points at each event's representative location), `claims` (one
// row per claim, event_id -> events.id, point at the event), `places` (points at the anchors),
// `fire_lines` (the directions of fire, lines from origin to target, event_id -> events.id), the
// basemap layers, and a `layer_styles` table with a default QGIS style for every layer. Written to
// a temporary file next to `path` and renamed on success. Throws sitmap::Error as export_geojson.
void export_geopackage(const std::vector<Event>& events, const std::filesystem::path& path,
                       const GeoPackageOptions& options);

} // namespace sitmap::geo
