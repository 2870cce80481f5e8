#pragma once
// Reading and writing events: RFC 7946 GeoJSON through GDAL, and ACLED-style CSV.

#include "geo/core/event.hpp"

#include <filesystem>
#include <vector>

namespace sitmap::geo {

enum class Overwrite : bool { no = false, yes = true };

// Writes one feature per event (claims as an array property, sources list). Writes to a temporary
// file and renames it on success. Throws sitmap::Error (output_failed) naming the path.
void write_events_geojson(const std::vector<Event>& events, const std::filesystem::path& path,
                          Overwrite overwrite = Overwrite::yes);

// Reads events written by write_events_geojson (round-trips). Throws sitmap::Error (bad_input)
// naming the file and the feature.
std::vector<Event> read_events_geojson(const std::filesystem::path& path);
// The same, restoring each event's place geometry (line, area) from the gazetteer by place_id;
// without a gazetteer (or for an unknown id) the geometry is the point `location`.
std::vector<Event> read_events_geojson(const std::filesystem::path& path,
                                       const Gazetteer* gazetteer);

// Reads an ACLED-convention CSV (event_date, event_type, sub_event_type, actor1, actor2, admin1,
// location, latitude, longitude, geo_precision, fatalities, source, notes).
std::vector<Event> read_events_acled_csv(const std::filesystem::path& path,
                                         const Gazetteer* gazetteer = nullptr);

} // namespace sitmap::geo
