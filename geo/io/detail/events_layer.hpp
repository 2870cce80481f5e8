#pragma once
// Internal to geo/io: the one writer of sitmap's events format (an `events` layer: one point per
// event with the properties documented in export.hpp), used for the events GeoJSON of `extract`,
// the RFC 7946 GeoJSON of `export` and the events layer of the GeoPackage.

#include "geo/core/event.hpp"
#include "geo/io/detail/gdal.hpp"
#include "geo/io/event_io.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::geo::detail {

// How a file spells the format. `extract` and `export` grew their own writers before issue 12;
// the ways their files differ are named here so that both stay byte-identical.
struct EventsLayerFormat {
    enum class Dates { text, date };          // date: GeoPackage Date fields
    enum class UnknownMaximum { zero, null }; // killed_max/wounded_max without a figure
    enum class ClaimKeys { documented_order, alphabetical }; // key order in the claims JSON

    Dates dates = Dates::text;
    UnknownMaximum unknown_maximum = UnknownMaximum::null;
    ClaimKeys claim_keys = ClaimKeys::alphabetical;
    std::optional<int> coordinate_decimals; // GeoJSON; none: GDAL's default (7 for RFC 7946)
    // The directions of fire as line features of their own after the events (feature:
    // "fire_line"; see write_fire_lines): `export`'s GeoJSON, which holds one layer only.
    bool fire_lines = false;
    // With them, the line or area of each event known only to a region (feature:
    // "event_extent"; see write_event_extents).
    bool event_extents = false;
};

// The format of `sitmap extract` (write_events_geojson) and of `sitmap export` (export_geojson,
// export_geopackage).
EventsLayerFormat extract_events_format();
EventsLayerFormat export_events_format();

// Adds the `events` layer to a dataset and writes the events into it. `layer_options` are GDAL
// layer creation options (e.g. "RFC7946=YES"). Throws sitmap::Error (output_failed).
void write_events_layer(GDALDatasetH ds, const std::vector<Event>& events,
                        const EventsLayerFormat& format,
                        std::initializer_list<const char*> layer_options = {});

// The direction-of-fire lines of the events (geo/io/fire_lines.hpp), one feature per line, from
// the origin to the target: feature ("fire_line"), event_id, kind, layer, date_begin, date_end,
// place_id and place_name (the target's), origin_place_id, origin_name, origin_lon, origin_lat,
// geo_precision (the origin's), claimed_by (the side whose statement it is: armenia,
// azerbaijan... or unknown), disputed, length_km. add_fire_line_fields creates the fields a
// layer lacks.
void add_fire_line_fields(OGRLayerH layer, const EventsLayerFormat& format);
void write_fire_lines(OGRLayerH layer, const std::vector<Event>& events,
                      const EventsLayerFormat& format);

// The line or area of each event known only to a region (geo/io/event_extent.hpp), one feature
// per event: feature ("event_extent"), event_id, kind, layer, date_begin, date_end, place_id,
// place_name, geo_precision, disputed. `which` keeps only lines, only areas, or both (a GeoJSON
// layer holds any geometry; a GeoPackage layer one type). add_event_extent_fields creates the
// fields a layer lacks. Returns the number of features written.
enum class ExtentShapes { lines, areas, any };
void add_event_extent_fields(OGRLayerH layer, const EventsLayerFormat& format);
std::size_t write_event_extents(OGRLayerH layer, const std::vector<Event>& events,
                                const EventsLayerFormat& format, ExtentShapes which);

// One event as a feature of a layer that has the events fields (as write_events_layer creates
// them, or a database table of the same columns). Throws sitmap::Error (output_failed).
void write_event_feature(OGRLayerH layer, const Event& e, const EventsLayerFormat& format);

// One feature per claim of `e` in a layer with the claims fields (event_id, claim_index, kind,
// date_begin, place_name, who, side, assertion, against, killed, wounded, text, article,
// source_begin, source_end; a point at the event). Throws sitmap::Error (output_failed).
void write_claim_features(OGRLayerH layer, const Event& e);

// One place in a layer with the places fields (id, name, kind, country, admin1, name_hy, name_az,
// name_ru, population, source and, when `events` is given, events): the gazetteer's entry when
// known, else the name and point the events give. Throws sitmap::Error (output_failed).
void write_place_feature(OGRLayerH layer, const std::string& id, const Place* place,
                         const std::string& fallback_name, LonLat fallback_at,
                         std::optional<long long> events);

// What an events row stores of an event (all but the geometry, which readers restore from the
// gazetteer): equal for an event and the same event read back.
std::string event_fingerprint(const Event& e);

// A whole events GeoJSON file's bytes (RFC 7946, no name or crs member), made in memory.
// Throws sitmap::Error (output_failed).
std::string events_geojson_text(const std::vector<Event>& events, const EventsLayerFormat& format);

// The same features as GeoJSON lines (GeoJSONSeq, no record separators): one Feature a line,
// written from the same list of properties as write_event_feature without GDAL (which would parse
// every JSON field again); the coordinates as GDAL's RFC 7946 writer rounds them.
std::string events_geojson_lines(const std::vector<Event>& events, const EventsLayerFormat& format);

// A whole events GeoJSON file (RFC 7946, no name or crs member), written to a temporary file and
// renamed on success. Throws sitmap::Error (output_failed) naming the path.
void write_events_geojson_file(const std::vector<Event>& events, const std::filesystem::path& path,
                               Overwrite overwrite, const EventsLayerFormat& format);

} // namespace sitmap::geo::detail
