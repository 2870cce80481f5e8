#include "geo/io/detail/events_layer.hpp"

#include "geo/core/error.hpp"
#include "geo/io/detail/ogr_geometry.hpp"
#include "geo/io/event_extent.hpp"
#include "geo/io/fire_lines.hpp"
#include "geo/io/output_file.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sitmap::geo::detail {
namespace {

using Format = EventsLayerFormat;

void set_date(OGRFeatureH f, const char* name, std::chrono::year_month_day d, Format::Dates dates) {
    if (dates == Format::Dates::date) {
        set_field(f, name, d);
    } else {
        set_field(f, name, d.ok() ? format_date(d) : std::string());
    }
}

std::optional<long long> max_of(const Event& e, std::optional<int> Claim::*member,
                                Format::UnknownMaximum unknown) {
    std::optional<long long> best;
    for (const Claim& c : e.claims) {
        if (const auto& v = c.*member; v && (!best || *v > *best)) {
            best = *v;
        }
    }
    if (!best && unknown == Format::UnknownMaximum::zero) {
        return 0;
    }
    return best;
}

using Json = nlohmann::ordered_json; // members in the order written

// Claims as written: the documented key order, or sorted (the order nlohmann::json prints).
Json claims_json(const Event& e, Format::ClaimKeys keys) {
    Json out = Json::array();
    for (const Claim& c : e.claims) {
        const Json killed = c.killed ? Json(*c.killed) : Json(nullptr);
        const Json wounded = c.wounded ? Json(*c.wounded) : Json(nullptr);
        const std::string side(to_string(c.side)), assertion(to_string(c.assertion)),
            against(to_string(c.against));
        if (keys == Format::ClaimKeys::documented_order) {
            out.push_back({{"who", c.who},
                           {"side", side},
                           {"assertion", assertion},
                           {"against", against},
                           {"killed", killed},
                           {"wounded", wounded},
                           {"text", c.text},
                           {"article", c.source.article},
                           {"begin", c.source.begin},
                           {"end", c.source.end}});
        } else {
            out.push_back({{"against", against},
                           {"article", c.source.article},
                           {"assertion", assertion},
                           {"begin", c.source.begin},
                           {"end", c.source.end},
                           {"killed", killed},
                           {"side", side},
                           {"text", c.text},
                           {"who", c.who},
                           {"wounded", wounded}});
        }
    }
    return out;
}

// Targets and origins: [{"place_id", "name", "lon", "lat", "geo_precision"}, ...].
Json places_json(const std::vector<EventPlace>& places) {
    Json out = Json::array();
    for (const EventPlace& p : places) {
        out.push_back({{"place_id", p.id},
                       {"name", p.name},
                       {"lon", p.location.lon},
                       {"lat", p.location.lat},
                       {"geo_precision", static_cast<int>(p.precision)}});
    }
    return out;
}

Json sources_json(const Event& e) {
    Json out = Json::array();
    for (const SourceRef& s : e.sources) {
        out.push_back({{"article", s.article}, {"begin", s.begin}, {"end", s.end}});
    }
    return out;
}

// The one list of an event's properties in the events format, in order, handed to a sink that
// writes them: as fields of a GDAL feature, or as members of a GeoJSON object.
template <typename Sink> void event_properties(const Event& e, const Format& format, Sink& sink) {
    sink.text("id", e.id);
    sink.text("kind", std::string(to_string(e.kind)));
    sink.text("layer", std::string(to_string(layer_of(e.kind))));
    sink.date("date_begin", e.date.begin);
    sink.date("date_end", e.date.end);
    sink.text("date_precision", std::string(to_string(e.date.precision)));
    sink.text("place_id", e.place_id);
    sink.text("place_name", e.place_name);
    sink.integer("geo_precision", static_cast<long long>(e.precision));
    if (const EventPlace* o = e.origin()) {
        sink.text("origin_place_id", o->id);
        sink.text("origin_name", o->name);
        sink.real("origin_lon", o->location.lon);
        sink.real("origin_lat", o->location.lat);
    }
    sink.json("targets", places_json(e.targets));
    sink.json("origins", places_json(e.origins));
    sink.text("summary", e.summary);
    sink.boolean("disputed", e.disputed());
    sink.integer("killed_max", max_of(e, &Claim::killed, format.unknown_maximum));
    sink.integer("wounded_max", max_of(e, &Claim::wounded, format.unknown_maximum));
    sink.json("claims", claims_json(e, format.claim_keys));
    sink.json("sources", sources_json(e));
}

// The properties as fields of a GDAL feature.
struct FeatureSink {
    OGRFeatureH f;
    Format::Dates dates;
    void text(const char* name, const std::string& v) { set_field(f, name, v); }
    void integer(const char* name, std::optional<long long> v) { set_field(f, name, v); }
    void real(const char* name, double v) { set_real_field(f, name, v); }
    void boolean(const char* name, bool v) { set_field(f, name, v ? 1 : 0); }
    void json(const char* name, const Json& v) { set_field(f, name, v.dump()); }
    void date(const char* name, std::chrono::year_month_day d) { set_date(f, name, d, dates); }
};

// The properties as members of a GeoJSON object, as GDAL's GeoJSON drivers write the fields
// (JSON fields as JSON, dates as text, the boolean as true/false).
struct JsonSink {
    Json& out;
    void text(const char* name, const std::string& v) { out[name] = v; }
    void integer(const char* name, std::optional<long long> v) {
        out[name] = v ? Json(*v) : Json(nullptr);
    }
    void real(const char* name, double v) { out[name] = v; }
    void boolean(const char* name, bool v) { out[name] = v; }
    void json(const char* name, Json v) { out[name] = std::move(v); }
    void date(const char* name, std::chrono::year_month_day d) {
        out[name] = d.ok() ? format_date(d) : std::string();
    }
};

// A coordinate as GDAL's RFC 7946 writer prints it: `decimals` digits, trailing zeros dropped.
void append_coordinate(std::string& out, double v, int decimals) {
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string_view s(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    if (s.find('.') != std::string_view::npos) {
        while (!s.empty() && s.back() == '0') {
            s.remove_suffix(1);
        }
        if (!s.empty() && s.back() == '.') {
            s.remove_suffix(1);
        }
    }
    if (s == "-0") {
        s = "0";
    }
    out += s;
}

OGRLayerH create_events_layer(GDALDatasetH ds, const Format& format,
                              std::initializer_list<const char*> layer_options) {
    // With the directions of fire (lines) or the events' extents in the same layer, the layer has
    // no one geometry type.
    OGRLayerH layer = create_layer(
        ds, "events", format.fire_lines || format.event_extents ? wkbUnknown : wkbPoint,
        layer_options);
    const OGRFieldType date_type = format.dates == Format::Dates::date ? OFTDate : OFTString;
    add_field(layer, "id", OFTString);
    add_field(layer, "kind", OFTString);
    add_field(layer, "layer", OFTString);
    add_field(layer, "date_begin", date_type);
    add_field(layer, "date_end", date_type);
    add_field(layer, "date_precision", OFTString);
    add_field(layer, "place_id", OFTString);
    add_field(layer, "place_name", OFTString);
    add_field(layer, "geo_precision", OFTInteger);  // 1 exact, 2 near, 3 region (ACLED's scale)
    add_field(layer, "origin_place_id", OFTString); // where fire came from (the main origin)
    add_field(layer, "origin_name", OFTString);
    add_field(layer, "origin_lon", OFTReal);
    add_field(layer, "origin_lat", OFTReal);
    add_field(layer, "targets", OFTString, OFSTJSON); // every place fire landed
    add_field(layer, "origins", OFTString, OFSTJSON); // every place fire came from
    add_field(layer, "summary", OFTString);
    add_field(layer, "disputed", OFTInteger, OFSTBoolean);
    add_field(layer, "killed_max", OFTInteger);
    add_field(layer, "wounded_max", OFTInteger);
    add_field(layer, "claims", OFTString, OFSTJSON);
    add_field(layer, "sources", OFTString, OFSTJSON);
    if (format.fire_lines) {
        add_fire_line_fields(layer, format);
    }
    if (format.event_extents) {
        add_event_extent_fields(layer, format);
    }
    return layer;
}

} // namespace

EventsLayerFormat extract_events_format() {
    EventsLayerFormat f;
    f.unknown_maximum = Format::UnknownMaximum::zero;
    f.claim_keys = Format::ClaimKeys::documented_order;
    return f;
}

EventsLayerFormat export_events_format() {
    EventsLayerFormat f;
    f.coordinate_decimals = 6;
    return f;
}

void write_event_feature(OGRLayerH layer, const Event& e, const EventsLayerFormat& format) {
    FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
    FeatureSink sink{f.get(), format.dates};
    event_properties(e, format, sink);
    if (GeometryPtr point = to_ogr(e.location)) {
        OGR_F_SetGeometryDirectly(f.get(), point.release());
    }
    create_feature(layer, f.get(), "event " + e.id);
}

void write_events_layer(GDALDatasetH ds, const std::vector<Event>& events,
                        const EventsLayerFormat& format,
                        std::initializer_list<const char*> layer_options) {
    // Events are points at their representative location; the place's own line or area is the
    // gazetteer's (readers restore it by place_id).
    OGRLayerH layer = create_events_layer(ds, format, layer_options);
    for (const Event& e : events) {
        write_event_feature(layer, e, format);
    }
    if (format.fire_lines) {
        write_fire_lines(layer, events, format);
    }
    if (format.event_extents) {
        write_event_extents(layer, events, format, ExtentShapes::any);
    }
}

namespace {

// Adds a field a layer lacks (a layer may already hold it as one of the events fields).
void add_missing_field(OGRLayerH layer, const char* name, OGRFieldType type,
                       OGRFieldSubType subtype = OFSTNone) {
    if (OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), name) < 0) {
        add_field(layer, name, type, subtype);
    }
}

// The fields that key a feature written beside the events to its event: feature, event_id, kind,
// layer, date_begin, date_end, place_id, place_name.
void add_event_key_fields(OGRLayerH layer, const EventsLayerFormat& format) {
    const OGRFieldType date_type = format.dates == Format::Dates::date ? OFTDate : OFTString;
    add_missing_field(layer, "feature", OFTString);
    add_missing_field(layer, "event_id", OFTString);
    add_missing_field(layer, "kind", OFTString);
    add_missing_field(layer, "layer", OFTString);
    add_missing_field(layer, "date_begin", date_type);
    add_missing_field(layer, "date_end", date_type);
    add_missing_field(layer, "place_id", OFTString);
    add_missing_field(layer, "place_name", OFTString);
}

void set_event_key_fields(OGRFeatureH f, const char* feature, const Event& e,
                          const EventsLayerFormat& format) {
    set_field(f, "feature", feature);
    set_field(f, "event_id", e.id);
    set_field(f, "kind", std::string(to_string(e.kind)));
    set_field(f, "layer", std::string(to_string(layer_of(e.kind))));
    set_date(f, "date_begin", e.date.begin, format.dates);
    set_date(f, "date_end", e.date.end, format.dates);
    set_field(f, "place_id", e.place_id);
    set_field(f, "place_name", e.place_name);
}

} // namespace

void add_event_extent_fields(OGRLayerH layer, const EventsLayerFormat& format) {
    add_event_key_fields(layer, format);
    add_missing_field(layer, "geo_precision", OFTInteger);
    add_missing_field(layer, "disputed", OFTInteger, OFSTBoolean);
}

std::size_t write_event_extents(OGRLayerH layer, const std::vector<Event>& events,
                                const EventsLayerFormat& format, ExtentShapes which) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::size_t written = 0;
    for (const Event& e : events) {
        const std::optional<Geometry> extent = event_extent(e);
        if (!extent) {
            continue;
        }
        const bool line = std::holds_alternative<LinesGeom>(*extent);
        if ((which == ExtentShapes::lines && !line) || (which == ExtentShapes::areas && line)) {
            continue;
        }
        // A GeoPackage layer holds one type: its lines and areas are always multi-part.
        GeometryPtr g = to_ogr(*extent, which == ExtentShapes::any ? MultiParts::when_needed
                                                                   : MultiParts::always);
        if (!g) {
            continue;
        }
        FeaturePtr f(OGR_F_Create(defn));
        set_event_key_fields(f.get(), "event_extent", e, format);
        set_field(f.get(), "geo_precision", static_cast<long long>(e.precision));
        set_field(f.get(), "disputed", e.disputed() ? 1 : 0);
        OGR_F_SetGeometryDirectly(f.get(), g.release());
        create_feature(layer, f.get(), "extent of event " + e.id);
        ++written;
    }
    return written;
}

void add_fire_line_fields(OGRLayerH layer, const EventsLayerFormat& format) {
    add_event_key_fields(layer, format);
    const auto add = [&](const char* name, OGRFieldType type, OGRFieldSubType subtype = OFSTNone) {
        add_missing_field(layer, name, type, subtype);
    };
    add("origin_place_id", OFTString);
    add("origin_name", OFTString);
    add("origin_lon", OFTReal);
    add("origin_lat", OFTReal);
    add("geo_precision", OFTInteger);
    add("claimed_by", OFTString);
    add("disputed", OFTInteger, OFSTBoolean);
    add("length_km", OFTReal);
}

void write_fire_lines(OGRLayerH layer, const std::vector<Event>& events,
                      const EventsLayerFormat& format) {
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (const Event& e : events) {
        const std::vector<FireLine> lines = fire_lines(e);
        if (lines.empty()) {
            continue;
        }
        const Side claimant = fire_claimant(e.claims);
        for (const FireLine& l : lines) {
            FeaturePtr f(OGR_F_Create(defn));
            set_event_key_fields(f.get(), "fire_line", e, format);
            set_field(f.get(), "origin_place_id", l.origin->id);
            set_field(f.get(), "origin_name", l.origin->name);
            set_real_field(f.get(), "origin_lon", l.origin->location.lon);
            set_real_field(f.get(), "origin_lat", l.origin->location.lat);
            set_field(f.get(), "geo_precision", static_cast<long long>(l.origin->precision));
            set_field(f.get(), "claimed_by", std::string(to_string(claimant)));
            set_field(f.get(), "disputed", e.disputed() ? 1 : 0);
            // To the metre: the same input gives the same bytes.
            set_real_field(f.get(), "length_km", std::round(l.length_m) / 1000.0);
            GeometryPtr line(OGR_G_CreateGeometry(wkbLineString));
            OGR_G_AddPoint_2D(line.get(), l.from.lon, l.from.lat);
            OGR_G_AddPoint_2D(line.get(), l.to.lon, l.to.lat);
            OGR_F_SetGeometryDirectly(f.get(), line.release());
            create_feature(layer, f.get(), "direction of fire of event " + e.id);
        }
    }
}

void write_claim_features(OGRLayerH layer, const Event& e) {
    for (std::size_t i = 0; i < e.claims.size(); ++i) {
        const Claim& c = e.claims[i];
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        set_field(f.get(), "event_id", e.id);
        set_field(f.get(), "claim_index", static_cast<long long>(i));
        set_field(f.get(), "kind", std::string(to_string(e.kind)));
        set_field(f.get(), "date_begin", e.date.begin);
        set_field(f.get(), "place_name", e.place_name);
        set_field(f.get(), "who", c.who);
        set_field(f.get(), "side", std::string(to_string(c.side)));
        set_field(f.get(), "assertion", std::string(to_string(c.assertion)));
        set_field(f.get(), "against", std::string(to_string(c.against)));
        set_field(f.get(), "killed", c.killed ? std::optional<long long>(*c.killed) : std::nullopt);
        set_field(f.get(), "wounded",
                  c.wounded ? std::optional<long long>(*c.wounded) : std::nullopt);
        set_field(f.get(), "text", c.text);
        set_field(f.get(), "article", c.source.article);
        set_field(f.get(), "source_begin", static_cast<long long>(c.source.begin));
        set_field(f.get(), "source_end", static_cast<long long>(c.source.end));
        OGR_F_SetGeometryDirectly(f.get(), to_ogr(e.location).release());
        create_feature(layer, f.get(), "claim of event " + e.id);
    }
}

void write_place_feature(OGRLayerH layer, const std::string& id, const Place* place,
                         const std::string& fallback_name, LonLat fallback_at,
                         std::optional<long long> events) {
    FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
    set_field(f.get(), "id", id);
    if (events) {
        set_field(f.get(), "events", events);
    }
    LonLat at = fallback_at;
    if (place != nullptr) {
        set_field(f.get(), "name", place->name);
        set_field(f.get(), "kind", std::string(to_string(place->kind)));
        set_field(f.get(), "country", place->country);
        set_field(f.get(), "admin1", place->admin1);
        for (const char* lang : {"hy", "az", "ru"}) {
            if (auto it = place->names.find(lang); it != place->names.end()) {
                set_field(f.get(), (std::string("name_") + lang).c_str(), it->second);
            }
        }
        set_field(f.get(), "population", place->population);
        set_field(f.get(), "source", place->source);
        if (to_ogr(place->anchor) != nullptr) { // a valid lon/lat
            at = place->anchor;
        }
    } else {
        set_field(f.get(), "name", fallback_name);
        set_field(f.get(), "source", "events");
    }
    OGR_F_SetGeometryDirectly(f.get(), to_ogr(at).release());
    create_feature(layer, f.get(), "place " + id);
}

std::string event_fingerprint(const Event& e) {
    // Every stored member but the geometry, which readers restore from the gazetteer; locations
    // to 1e-9 degrees (a database keeps the doubles, JSON prints them shortest).
    const auto coord = [](double v) { return std::to_string(std::llround(v * 1e9)); };
    std::string s = e.id;
    for (const std::string& part :
         {std::string(to_string(e.kind)), e.date.begin.ok() ? format_date(e.date.begin) : "",
          e.date.end.ok() ? format_date(e.date.end) : "", std::string(to_string(e.date.precision)),
          e.place_id, e.place_name, std::to_string(static_cast<int>(e.precision)),
          coord(e.location.lon), coord(e.location.lat), e.summary,
          claims_json(e, Format::ClaimKeys::documented_order).dump(), sources_json(e).dump(),
          places_json(e.targets).dump(), places_json(e.origins).dump()}) {
        s += '\x1f';
        s += part;
    }
    return s;
}

namespace {

// The bytes GDAL's GeoJSON driver writes: a FeatureCollection.
std::string events_json_text(const std::vector<Event>& events, const EventsLayerFormat& format) {
    // GDAL writes into memory (/vsimem/, a name of this call's own); the bytes are then written
    // with every write checked, which GDAL's GeoJSON writer does not do.
    static std::atomic<unsigned long> counter{0};
    const std::string name = "/vsimem/sitmap-events-" + std::to_string(++counter) + "-" +
                             std::to_string(reinterpret_cast<std::uintptr_t>(&events)) + ".geojson";
    const QuietGdalErrors quiet;
    struct Unlink {
        const std::string& name;
        ~Unlink() { VSIUnlink(name.c_str()); }
    } unlink{name};
    DatasetPtr ds = create_vector("GeoJSON", name);
    if (!format.coordinate_decimals) {
        write_events_layer(ds.get(), events, format, {"RFC7946=YES", "WRITE_NAME=NO"});
    } else {
        const std::string precision =
            "COORDINATE_PRECISION=" + std::to_string(*format.coordinate_decimals);
        write_events_layer(ds.get(), events, format,
                           {"RFC7946=YES", precision.c_str(), "WRITE_NAME=NO"});
    }
    close_dataset(ds);
    vsi_l_offset size = 0;
    const GByte* data = VSIGetMemFileBuffer(name.c_str(), &size, FALSE);
    if (data == nullptr) {
        throw output_error("cannot write GeoJSON: " + last_gdal_error());
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

} // namespace

std::string events_geojson_text(const std::vector<Event>& events, const EventsLayerFormat& format) {
    return events_json_text(events, format);
}

std::string events_geojson_lines(const std::vector<Event>& events,
                                 const EventsLayerFormat& format) {
    // Written here rather than by GDAL's GeoJSONSeq driver, which parses every JSON field again
    // (a third of `extract --jsonl`'s time); the test of --jsonl holds the two to the same
    // features.
    const int decimals = format.coordinate_decimals.value_or(7);
    std::string out;
    for (const Event& e : events) {
        Json properties = Json::object();
        JsonSink sink{properties};
        event_properties(e, format, sink);
        out += R"({"type": "Feature", "properties": )";
        out += properties.dump();
        if (to_ogr(e.location) != nullptr) {
            out += R"(, "geometry": {"type": "Point", "coordinates": [)";
            append_coordinate(out, e.location.lon, decimals);
            out += ", ";
            append_coordinate(out, e.location.lat, decimals);
            out += "]}}\n";
        } else {
            out += ", \"geometry\": null}\n";
        }
    }
    return out;
}

void write_events_geojson_file(const std::vector<Event>& events, const std::filesystem::path& path,
                               Overwrite overwrite, const EventsLayerFormat& format) {
    OutputFile out(path, overwrite);
    std::string text;
    try {
        text = events_geojson_text(events, format);
    } catch (const Error& e) {
        throw e.with_context(path.string());
    }
    out.write(text);
    out.commit();
}

} // namespace sitmap::geo::detail
