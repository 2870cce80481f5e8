#include "geo/io/event_io.hpp"

#include "geo/core/error.hpp"
#include "geo/dates/dates.hpp"
#include "geo/extract/extract.hpp" // merge_events
#include "geo/io/acled.hpp"
#include "geo/io/detail/events_layer.hpp"
#include "geo/io/detail/events_reader.hpp"
#include "geo/io/detail/layer_reader.hpp"
#include "geo/io/detail/ogr_geometry.hpp"
#include "geo/text/tokens.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace sitmap::geo {
namespace {

using detail::LayerReader;

using json = nlohmann::json;

// "a string", "a number"...: what a JSON value is, for messages.
std::string json_kind(const json& v) {
    const std::string t = v.type_name();
    return (t == "array" || t == "object" ? "an " : "a ") + t;
}

// A member of a claim or source object, typed: a member of the wrong type is bad input naming
// the member ("claims[2].who: expected a string, got a number"). Missing or null: the fallback.
std::string string_member(const json& j, const char* key, const std::string& where,
                          const char* fallback) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_string()) {
        throw input_error("property '" + where + "." + key + "': expected a string, got " +
                          json_kind(*it));
    }
    return it->get<std::string>();
}

// A whole number 0..max (negative numbers and fractions refused); missing or null: nullopt.
std::optional<std::uint64_t> count_member(const json& j, const char* key, const std::string& where,
                                          std::uint64_t max) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() > max) {
        throw input_error("property '" + where + "." + key + "': expected a whole number 0.." +
                          std::to_string(max) + ", got " +
                          (it->is_number() ? it->dump() : json_kind(*it)));
    }
    return it->get<std::uint64_t>();
}

constexpr std::uint64_t max_count = 1'000'000'000; // casualties (fits an int)
constexpr std::uint64_t max_offset = std::uint64_t{1} << 53;

template <typename Enum, typename Parse>
Enum enum_member(const json& j, const char* key, const std::string& where, const char* fallback,
                 Parse parse) {
    const std::string s = string_member(j, key, where, fallback);
    try {
        return parse(s);
    } catch (const Error& e) {
        throw e.with_context("property '" + where + "." + key + "'");
    }
}

Claim claim_from_json(const json& j, const std::string& where) {
    if (!j.is_object()) {
        throw input_error("property '" + where + "': expected a claim object, got " + json_kind(j));
    }
    Claim c;
    c.who = string_member(j, "who", where, "");
    c.side = enum_member<Side>(j, "side", where, "unknown", side_from_string);
    c.assertion = enum_member<Assertion>(j, "assertion", where, "reports", assertion_from_string);
    c.against = enum_member<Side>(j, "against", where, "unknown", side_from_string);
    if (const auto k = count_member(j, "killed", where, max_count)) {
        c.killed = static_cast<int>(*k);
    }
    if (const auto w = count_member(j, "wounded", where, max_count)) {
        c.wounded = static_cast<int>(*w);
    }
    c.text = string_member(j, "text", where, "");
    c.source.article = string_member(j, "article", where, "");
    c.source.begin = count_member(j, "begin", where, max_offset).value_or(0);
    c.source.end = count_member(j, "end", where, max_offset).value_or(0);
    return c;
}

// A target or origin: {"place_id", "name", "lon", "lat", "geo_precision"}.
EventPlace place_from_json(const json& j) {
    if (!j.is_object() || !j.contains("lon") || !j.contains("lat") || !j["lon"].is_number() ||
        !j["lat"].is_number()) {
        throw input_error("a target or origin is not an object with numbers 'lon' and 'lat'");
    }
    EventPlace p;
    const auto text = [&](const char* key) {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            return std::string();
        }
        if (!it->is_string()) {
            throw input_error(std::string("a target or origin's '") + key + "' is not a string");
        }
        return it->get<std::string>();
    };
    p.id = text("place_id");
    p.name = text("name");
    p.location = LonLat{j["lon"].get<double>(), j["lat"].get<double>()};
    if (!std::isfinite(p.location.lon) || !std::isfinite(p.location.lat) ||
        std::abs(p.location.lon) > 180.0 || std::abs(p.location.lat) > 90.0) {
        throw input_error("a target or origin is not at a longitude and latitude");
    }
    const auto gp_it = j.find("geo_precision");
    const int gp = gp_it == j.end() ? 1 : gp_it->is_number_integer() ? gp_it->get<int>() : 0;
    if (gp < 1 || gp > 3) {
        throw input_error("a target or origin's geo_precision is not 1, 2 or 3");
    }
    p.precision = static_cast<GeoPrecision>(gp);
    return p;
}

// Targets and origins; a file with only the flat origin_* properties has that one origin.
void read_places(const LayerReader& r, OGRFeatureH f, Event& e) {
    for (const auto& [name, places] :
         {std::pair<const char*, std::vector<EventPlace>*>{"targets", &e.targets},
          std::pair<const char*, std::vector<EventPlace>*>{"origins", &e.origins}}) {
        const std::string raw = r.text(f, name);
        if (raw.empty()) {
            continue;
        }
        const json arr = json::parse(raw, nullptr, false);
        if (arr.is_discarded() || !arr.is_array()) {
            throw input_error(std::string("property '") + name + "' is not a JSON array");
        }
        for (const json& j : arr) {
            places->push_back(place_from_json(j));
        }
    }
    const std::string lon = r.text(f, "origin_lon");
    const std::string lat = r.text(f, "origin_lat");
    if (e.origins.empty() && !lon.empty() && !lat.empty()) {
        json j = {{"lon", json::parse(lon, nullptr, false)},
                  {"lat", json::parse(lat, nullptr, false)}};
        EventPlace o = place_from_json(j);
        o.id = r.text(f, "origin_place_id");
        o.name = r.text(f, "origin_name");
        e.origins.push_back(std::move(o));
    }
}

SourceRef source_from_json(const json& j, const std::string& where) {
    if (!j.is_object()) {
        throw input_error("property '" + where + "': expected a source object, got " +
                          json_kind(j));
    }
    return SourceRef{string_member(j, "article", where, ""),
                     count_member(j, "begin", where, max_offset).value_or(0),
                     count_member(j, "end", where, max_offset).value_or(0)};
}

void restore_place(Event& e, const Gazetteer* gazetteer) {
    e.geometry = PointGeom{e.location};
    if (e.targets.size() > 1) {
        e.geometry = covering_area(e.targets); // the area of several targets, as extracted
    } else if (gazetteer != nullptr && !e.place_id.empty()) {
        if (const Place* p = gazetteer->find(e.place_id)) {
            e.geometry = p->geometry;
        }
    }
}

std::optional<int> to_int(const std::string& s) {
    int v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

// Every property's problem names the property: "property 'date_begin': invalid date ...".
Error property_error(const char* name, const std::string& what) {
    return input_error(std::string("property '") + name + "': " + what);
}

DatePrecision date_precision_from(const std::string& s) {
    if (s.empty() || s == "day") {
        return DatePrecision::day;
    }
    if (s == "range" || s == "month" || s == "unknown") {
        return s == "range"   ? DatePrecision::range
               : s == "month" ? DatePrecision::month
                              : DatePrecision::unknown;
    }
    throw property_error("date_precision",
                         "expected day, range, month or unknown, got '" + s + "'");
}

// 1 exact, 2 near, 3 region; nothing else, in either schema (empty: 1).
GeoPrecision geo_precision_from(const std::string& s) {
    const int gp = s.empty() ? 1 : to_int(s).value_or(0);
    if (gp < 1 || gp > 3) {
        throw property_error("geo_precision", "expected 1, 2 or 3, got '" + s + "'");
    }
    return static_cast<GeoPrecision>(gp);
}

std::chrono::year_month_day date_property(const char* name, const std::string& s) {
    try {
        return parse_date(s);
    } catch (const Error& e) {
        throw e.with_context(std::string("property '") + name + "'");
    }
}

// A casualty figure or boolean the file states beside its claims: empty -> nullopt.
std::optional<int> count_property(const char* name, const std::string& s) {
    if (s.empty()) {
        return std::nullopt;
    }
    const std::optional<int> v = to_int(s);
    if (!v || *v < 0) {
        throw property_error(name, "expected a whole number >= 0, got '" + s + "'");
    }
    return v;
}

std::optional<bool> bool_property(const char* name, const std::string& s) {
    if (s.empty()) {
        return std::nullopt;
    }
    if (s == "1" || s == "true" || s == "0" || s == "false") {
        return s == "1" || s == "true";
    }
    throw property_error(name, "expected true, false, 1 or 0, got '" + s + "'");
}

// Coordinates: finite, longitude -180..180, latitude -90..90.
void check_lon_lat(LonLat p) {
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat) || std::fabs(p.lon) > 180.0 ||
        std::fabs(p.lat) > 90.0) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%g, %g", p.lon, p.lat);
        throw input_error(std::string("geometry: coordinates (") + buf +
                          ") out of range (expected longitude -180..180, latitude -90..90)");
    }
}

void check_coordinates(const Geometry& g) {
    const auto path = [](const Path& p) {
        for (const LonLat& q : p) {
            check_lon_lat(q);
        }
    };
    if (const auto* pt = std::get_if<PointGeom>(&g)) {
        check_lon_lat(pt->point);
    } else if (const auto* lines = std::get_if<LinesGeom>(&g)) {
        for (const Path& p : lines->lines) {
            path(p);
        }
    } else {
        for (const auto& polygon : std::get<AreaGeom>(g).polygons) {
            for (const Path& ring : polygon) {
                path(ring);
            }
        }
    }
}

void read_claims_and_sources(const LayerReader& r, OGRFeatureH f, Event& e) {
    for (const char* name : {"claims", "sources"}) {
        const std::string raw = r.text(f, name);
        if (raw.empty()) {
            continue;
        }
        const json arr = json::parse(raw, nullptr, false);
        if (arr.is_discarded() || !arr.is_array()) {
            throw property_error(name, "expected a JSON array");
        }
        for (std::size_t i = 0; i < arr.size(); ++i) {
            const std::string where = std::string(name) + "[" + std::to_string(i) + "]";
            if (name[0] == 'c') {
                e.claims.push_back(claim_from_json(arr[i], where));
            } else {
                e.sources.push_back(source_from_json(arr[i], where));
            }
        }
    }
}

// The one parser of the events format's properties (see EventsSchema for the two ways), and the
// one validation: types, ranges, dates that exist, known kinds and sides, precision 1..3.
void event_from_feature(const LayerReader& r, OGRFeatureH f, EventsSchema schema,
                        EventFeature& out) {
    const bool contract = schema == EventsSchema::contract;
    out = EventFeature{};
    Event& e = out.event;
    const std::string kind = r.text(f, "kind");
    const std::string begin = r.text(f, "date_begin");
    if (kind.empty()) {
        throw property_error("kind", "missing (not a sitmap events file?)");
    }
    if (contract && begin.empty()) {
        throw property_error("date_begin", "missing (not a sitmap events file?)");
    }
    e.kind = event_kind_from_string(kind); // "unknown event kind 'x' (known: ...)"
    const std::optional<Geometry> geometry = detail::from_ogr(OGR_F_GetGeometryRef(f));
    if (!geometry) {
        throw input_error("geometry: missing or empty (expected a point)");
    }
    if (contract && !std::holds_alternative<PointGeom>(*geometry)) {
        throw input_error("geometry: expected a point");
    }
    check_coordinates(*geometry);
    e.geometry = *geometry;
    e.location = std::holds_alternative<PointGeom>(e.geometry)
                     ? std::get<PointGeom>(e.geometry).point
                     : representative_point(e.geometry);
    e.id = r.text(f, "id");
    if (!begin.empty()) {
        e.date.begin = date_property("date_begin", begin);
        const std::string end = r.text(f, "date_end");
        e.date.end = end.empty() ? e.date.begin : date_property("date_end", end);
        if (e.date.end < e.date.begin) {
            throw property_error("date_end", "'" + end + "' is before date_begin '" + begin + "'");
        }
        e.date.precision = date_precision_from(r.text(f, "date_precision"));
    } else {
        e.date.precision = DatePrecision::unknown;
    }
    e.place_id = r.text(f, "place_id");
    e.place_name = r.text(f, "place_name");
    if (!contract && e.place_name.empty()) {
        e.place_name = r.text(f, "name");
    }
    e.precision = geo_precision_from(r.text(f, "geo_precision"));
    e.summary = r.text(f, "summary");
    read_places(r, f, e);
    read_claims_and_sources(r, f, e);
    out.killed_max = count_property("killed_max", r.text(f, "killed_max"));
    out.wounded_max = count_property("wounded_max", r.text(f, "wounded_max"));
    if (!contract && !out.killed_max && !out.wounded_max) {
        out.killed_max = count_property("casualties", r.text(f, "casualties"));
    }
    out.disputed = bool_property("disputed", r.text(f, "disputed"));
    if (e.id.empty()) {
        e.id = contract ? event_id(e) : "event-" + std::to_string(r.number());
    }
}

// ACLED's event types, mapped to sitmap's kinds (sub-event type first, then event type).
EventKind acled_kind(const std::string& type, const std::string& sub) {
    const std::string t = text::lower_ascii(type);
    const std::string s = text::lower_ascii(sub);
    try {
        return event_kind_from_string(s.empty() ? t : s);
    } catch (const Error&) {
    }
    if (s.find("shelling") != std::string::npos || s.find("artillery") != std::string::npos ||
        s.find("missile") != std::string::npos) {
        return EventKind::shelling;
    }
    if (s.find("drone") != std::string::npos || s.find("air") != std::string::npos) {
        return EventKind::drone_strike;
    }
    if (s.find("grenade") != std::string::npos) {
        return EventKind::small_arms_fire;
    }
    if (s.find("armed clash") != std::string::npos || s.find("attack") != std::string::npos) {
        return EventKind::armed_clash;
    }
    if (s.find("transfer of territory") != std::string::npos) {
        return EventKind::handover;
    }
    if (s.find("agreement") != std::string::npos) {
        return EventKind::talks;
    }
    if (s.find("headquarters") != std::string::npos ||
        s.find("base established") != std::string::npos) {
        return EventKind::checkpoint_installed;
    }
    if (t.find("battles") != std::string::npos) {
        return EventKind::armed_clash;
    }
    if (t.find("explosions") != std::string::npos ||
        t.find("remote violence") != std::string::npos) {
        return EventKind::shelling;
    }
    if (t.find("violence against civilians") != std::string::npos) {
        return EventKind::casualties;
    }
    if (t.find("strategic") != std::string::npos || t.find("protest") != std::string::npos ||
        t.find("riot") != std::string::npos) {
        return EventKind::statement;
    }
    throw input_error("unknown event_type '" + type + "' / sub_event_type '" + sub + "'");
}

double parse_coordinate(const std::string& s, const char* what, double limit) {
    double v = 0.0;
    const char* b = s.data();
    const char* e = s.data() + s.size();
    while (b < e && *b == ' ') {
        ++b;
    }
    const auto r = std::from_chars(b, e, v);
    if (s.empty() || r.ec != std::errc{} || r.ptr != e || !std::isfinite(v) ||
        std::fabs(v) > limit) {
        throw input_error(std::string("invalid ") + what + " '" + s + "'");
    }
    return v;
}

std::chrono::year_month_day parse_acled_date(const std::string& s) {
    try {
        return parse_date(s);
    } catch (const Error&) {
    }
    // "11 May 2023", "May 11, 2023": the year is explicit, so any reference date works.
    const auto found =
        find_dates(s, std::chrono::year_month_day{std::chrono::year{2000}, std::chrono::January,
                                                  std::chrono::day{1}});
    for (const DateMention& d : found) {
        if (d.form == DateForm::calendar && d.begin == 0 && d.end == s.size()) {
            return d.date.begin;
        }
    }
    throw input_error("invalid event_date '" + s + "' (expected YYYY-MM-DD or '11 May 2023')");
}

const Place* find_acled_place(const Gazetteer& gazetteer, const std::string& name, LonLat at) {
    const Place* best = nullptr;
    double best_d = 0.0;
    for (const Place& p : gazetteer.places()) {
        bool named = text::iequals(p.name, name);
        for (const std::string& a : p.aliases) {
            named = named || text::iequals(a, name);
        }
        if (!named) {
            continue;
        }
        const double d = distance_m(at, p.anchor);
        if (d < 25'000.0 && (best == nullptr || d < best_d)) {
            best = &p;
            best_d = d;
        }
    }
    return best;
}

// GDAL's CSV reader takes an unclosed quote as a field running to the end of the file, which then
// surfaces as an empty longitude: find it first, by the row where the quote opened.
void check_csv_quotes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return; // the reader says why
    }
    bool quoted = false;
    std::size_t row = 1;
    std::size_t opened = 0;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        const std::streamsize n = in.gcount();
        for (std::streamsize i = 0; i < n; ++i) {
            if (buf[i] == '"') {
                quoted = !quoted; // "" inside a quoted field toggles twice
                if (quoted) {
                    opened = row;
                }
            } else if (buf[i] == '\n' && !quoted) {
                ++row;
            }
        }
    }
    if (quoted) {
        throw input_error(path.string() + ": row " + std::to_string(opened) +
                          ": unbalanced quote (a field opened with \" is never closed)");
    }
}

} // namespace

void write_events_geojson(const std::vector<Event>& events, const std::filesystem::path& path,
                          Overwrite overwrite) {
    detail::write_events_geojson_file(events, path, overwrite, detail::extract_events_format());
}

void for_each_event(const std::filesystem::path& path, EventsSchema schema,
                    const std::function<void(EventFeature&)>& visit,
                    const std::function<void(std::size_t)>& on_count) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error(path.string() + ": no such file");
    }
    // sitmap's own files are GeoJSON, dates kept as written; other tools' files any format.
    const bool contract = schema == EventsSchema::contract;
    LayerReader reader =
        contract ? LayerReader(path, "GeoJSON", {"DATE_AS_STRING=YES"}) : LayerReader(path);
    // RFC 7946: GeoJSON is WGS 84 lon/lat. A `crs` member naming another CRS is an obsolete
    // draft's, and its coordinates are almost certainly not what the file claims elsewhere.
    if (reader.reprojects() && reader.driver().rfind("GeoJSON", 0) == 0) {
        throw input_error(path.string() +
                          ": a 'crs' member other than WGS 84 (RFC 7946 GeoJSON is WGS 84 "
                          "longitude, latitude; reproject the file first)");
    }
    if (on_count) {
        if (const auto count = reader.cheap_count()) {
            on_count(*count);
        }
    }
    EventFeature feature;
    const bool has_feature_role = reader.index_of("feature") >= 0;
    while (const detail::FeaturePtr f = reader.next()) {
        try {
            // A direction of fire or an event's line or area, written beside the events
            // (export's GeoJSON).
            if (has_feature_role) {
                const std::string role = reader.text(f.get(), "feature");
                if (role == "fire_line" || role == "event_extent") {
                    continue;
                }
            }
            event_from_feature(reader, f.get(), schema, feature);
        } catch (const Error& e) {
            throw e.with_context(path.string() + ": feature " + std::to_string(reader.number()));
        }
        visit(feature);
    }
}

std::string events_geojson_text(const std::vector<Event>& events) {
    return detail::events_geojson_text(events, detail::extract_events_format());
}

void detail::read_events(LayerReader& reader, const Gazetteer* gazetteer,
                         const std::function<void(Event&, GIntBig)>& visit) {
    EventFeature feature;
    while (const detail::FeaturePtr f = reader.next()) {
        try {
            event_from_feature(reader, f.get(), EventsSchema::contract, feature);
        } catch (const Error& e) {
            throw e.with_context(reader.path().string() + ": feature " +
                                 std::to_string(reader.number()));
        }
        restore_place(feature.event, gazetteer);
        visit(feature.event, OGR_F_GetFID(f.get()));
    }
}

std::string events_geojson_lines(const std::vector<Event>& events) {
    return detail::events_geojson_lines(events, detail::extract_events_format());
}

std::vector<Event> read_events_geojson(const std::filesystem::path& path) {
    return read_events_geojson(path, nullptr);
}

std::vector<Event> read_events_geojson(const std::filesystem::path& path,
                                       const Gazetteer* gazetteer) {
    std::vector<Event> events;
    for_each_event(path, EventsSchema::contract, [&](EventFeature& f) {
        restore_place(f.event, gazetteer);
        events.push_back(std::move(f.event));
    });
    return events;
}

std::vector<Event> read_events_acled_csv(const std::filesystem::path& path,
                                         const Gazetteer* gazetteer) {
    check_csv_quotes(path);
    LayerReader reader(path, "CSV", {"AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO"});
    for (const char* required : {"event_date", "event_type", "location", "latitude", "longitude"}) {
        if (reader.index_of(required) < 0) {
            throw input_error(path.string() + ": missing column '" + required +
                              "' (ACLED convention: event_date, event_type, sub_event_type, "
                              "actor1, actor2, admin1, location, latitude, longitude, "
                              "geo_precision, fatalities, source, notes)");
        }
    }
    std::vector<Event> events;
    while (const detail::FeaturePtr f = reader.next()) {
        const std::size_t row = reader.number() + 1; // the header is row 1
        const auto field_string = [&](const char* name) { return reader.text(f.get(), name); };
        try {
            Event e;
            e.date = DateRange{};
            e.date.begin = e.date.end = parse_acled_date(field_string("event_date"));
            e.kind = acled_kind(field_string("event_type"), field_string("sub_event_type"));
            e.place_name = field_string("location");
            e.location = LonLat{parse_coordinate(field_string("longitude"), "longitude", 180.0),
                                parse_coordinate(field_string("latitude"), "latitude", 90.0)};
            const std::string gp = field_string("geo_precision");
            const int precision = gp.empty() ? 1 : to_int(gp).value_or(0); // "2x" is not 2
            if (precision < 1 || precision > 3) {
                throw input_error("geo_precision '" + gp + "' is not 1, 2 or 3");
            }
            e.precision = static_cast<GeoPrecision>(precision);
            e.geometry = PointGeom{e.location};
            if (gazetteer != nullptr) {
                if (const Place* p = find_acled_place(*gazetteer, e.place_name, e.location)) {
                    e.place_id = p->id;
                    e.geometry = p->geometry;
                }
            }
            const std::string fatalities = field_string("fatalities");
            std::optional<int> killed;
            if (!fatalities.empty()) {
                int k = 0;
                const auto r =
                    std::from_chars(fatalities.data(), fatalities.data() + fatalities.size(), k);
                if (r.ec != std::errc{} || r.ptr != fatalities.data() + fatalities.size() ||
                    k < 0) {
                    throw input_error("invalid fatalities '" + fatalities + "'");
                }
                killed = k;
            }
            // ACLED's actor1 is the perpetrator, `source` who reports it: the speakers.
            e.claims = acled_claims(field_string("actor1"), field_string("actor2"),
                                    field_string("source"), killed, field_string("notes"));
            for (const Claim& c : e.claims) {
                e.sources.push_back(c.source);
            }
            events.push_back(std::move(e));
        } catch (const Error& err) {
            throw err.with_context(path.string() + ": row " + std::to_string(row));
        }
    }
    return merge_events(std::move(events));
}

} // namespace sitmap::geo
