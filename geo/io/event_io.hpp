#pragma once
// Reading and writing events: RFC 7946 GeoJSON through GDAL, and ACLED-style CSV.

#include "geo/core/event.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::geo {

enum class Overwrite : bool { no = false, yes = true };

// Writes one feature per event (claims as an array property, sources list). Writes to a temporary
// file and renames it on success. Throws sitmap::Error (output_failed) naming the path.
void write_events_geojson(const std::vector<Event>& events, const std::filesystem::path& path,
                          Overwrite overwrite = Overwrite::yes);

// The bytes write_events_geojson writes (for standard output).
std::string events_geojson_text(const std::vector<Event>& events);

// The same features as GeoJSON lines (GeoJSONSeq without record separators): one Feature a line,
// each ending in a newline; "" for no events. What `sitmap extract --jsonl` writes.
std::string events_geojson_lines(const std::vector<Event>& events);

// Reads events written by write_events_geojson (round-trips; EventsSchema::contract). Throws
// sitmap::Error (bad_input) naming the file and the feature.
std::vector<Event> read_events_geojson(const std::filesystem::path& path);
// The same, restoring each event's place geometry (line, area) from the gazetteer by place_id;
// without a gazetteer (or for an unknown id) the geometry is the point `location`.
std::vector<Event> read_events_geojson(const std::filesystem::path& path,
                                       const Gazetteer* gazetteer);

// How strictly an events file is read.
enum class EventsSchema {
    // sitmap's own events GeoJSON: `kind` and `date_begin` required, a point per feature,
    // geo_precision 1, 2 or 3; a missing id is derived from kind, date and place.
    contract,
    // Any vector file with the events properties (GeoJSONSeq, FlatGeobuf, GeoPackage, also from
    // other tools): only `kind` and a geometry are required; any geometry (the location is its
    // representative point); a missing id is "event-<feature number>", a missing place_name the
    // `name` property; `casualties` stands for killed_max when neither maximum is given.
    lenient,
};

// One feature of an events file: the event, and what the file states beside its claims (files
// written by other tools state figures without listing claims).
struct EventFeature {
    Event event; // geometry: the feature's own (the gazetteer's is not looked up)
    std::optional<int> killed_max;
    std::optional<int> wounded_max;
    std::optional<bool> disputed;
};

// Reads an events file feature by feature, streaming (the feature object is reused between
// calls: move out what you keep). on_count, when given, is called first with the number of
// features if the format knows it cheaply. Both schemas validate every feature the same way:
// known kind, sides and assertions; dates that exist (YYYY-MM-DD, end not before begin);
// geo_precision 1, 2 or 3; coordinates finite, longitude -180..180, latitude -90..90; claims and
// sources members of the right JSON type; counts whole and not negative. A GeoJSON `crs` member
// other than WGS 84 is refused. Throws sitmap::Error (bad_input) "<file>: feature <n>: property
// '<name>': <what was expected>" (features numbered from 1).
void for_each_event(const std::filesystem::path& path, EventsSchema schema,
                    const std::function<void(EventFeature&)>& visit,
                    const std::function<void(std::size_t)>& on_count = {});

// Reads an ACLED-convention CSV (event_date, event_type, sub_event_type, actor1, actor2, admin1,
// location, latitude, longitude, geo_precision, fatalities, source, notes).
std::vector<Event> read_events_acled_csv(const std::filesystem::path& path,
                                         const Gazetteer* gazetteer = nullptr);

} // namespace sitmap::geo
