#include "geo/io/detail/events_layer.hpp"

#include "geo/core/error.hpp"
#include "geo/io/detail/ogr_geometry.hpp"
#include "geo/io/output_file.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <string>
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

// nlohmann::ordered_json keeps the documented key order; nlohmann::json sorts the keys.
template <typename Json> std::string claims_text(const Event& e) {
    Json out = Json::array();
    for (const Claim& c : e.claims) {
        Json j;
        j["who"] = c.who;
        j["side"] = std::string(to_string(c.side));
        j["assertion"] = std::string(to_string(c.assertion));
        j["against"] = std::string(to_string(c.against));
        j["killed"] = c.killed ? Json(*c.killed) : Json(nullptr);
        j["wounded"] = c.wounded ? Json(*c.wounded) : Json(nullptr);
        j["text"] = c.text;
        j["article"] = c.source.article;
        j["begin"] = c.source.begin;
        j["end"] = c.source.end;
        out.push_back(std::move(j));
    }
    return out.dump();
}

// Targets and origins: [{"place_id", "name", "lon", "lat", "geo_precision"}, ...].
std::string places_text(const std::vector<EventPlace>& places) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const EventPlace& p : places) {
        out.push_back({{"place_id", p.id},
                       {"name", p.name},
                       {"lon", p.location.lon},
                       {"lat", p.location.lat},
                       {"geo_precision", static_cast<int>(p.precision)}});
    }
    return out.dump();
}

std::string sources_text(const Event& e) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const SourceRef& s : e.sources) {
        out.push_back({{"article", s.article}, {"begin", s.begin}, {"end", s.end}});
    }
    return out.dump();
}

OGRLayerH create_events_layer(GDALDatasetH ds, const Format& format,
                              std::initializer_list<const char*> layer_options) {
    OGRLayerH layer = create_layer(ds, "events", wkbPoint, layer_options);
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
    set_field(f.get(), "id", e.id);
    set_field(f.get(), "kind", std::string(to_string(e.kind)));
    set_field(f.get(), "layer", std::string(to_string(layer_of(e.kind))));
    set_date(f.get(), "date_begin", e.date.begin, format.dates);
    set_date(f.get(), "date_end", e.date.end, format.dates);
    set_field(f.get(), "date_precision", std::string(to_string(e.date.precision)));
    set_field(f.get(), "place_id", e.place_id);
    set_field(f.get(), "place_name", e.place_name);
    set_field(f.get(), "geo_precision", static_cast<long long>(e.precision));
    if (const EventPlace* o = e.origin()) {
        set_field(f.get(), "origin_place_id", o->id);
        set_field(f.get(), "origin_name", o->name);
        set_real_field(f.get(), "origin_lon", o->location.lon);
        set_real_field(f.get(), "origin_lat", o->location.lat);
    }
    set_field(f.get(), "targets", places_text(e.targets));
    set_field(f.get(), "origins", places_text(e.origins));
    set_field(f.get(), "summary", e.summary);
    set_field(f.get(), "disputed", e.disputed() ? 1 : 0);
    set_field(f.get(), "killed_max", max_of(e, &Claim::killed, format.unknown_maximum));
    set_field(f.get(), "wounded_max", max_of(e, &Claim::wounded, format.unknown_maximum));
    set_field(f.get(), "claims",
              format.claim_keys == Format::ClaimKeys::documented_order
                  ? claims_text<nlohmann::ordered_json>(e)
                  : claims_text<nlohmann::json>(e));
    set_field(f.get(), "sources", sources_text(e));
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
          claims_text<nlohmann::ordered_json>(e), sources_text(e), places_text(e.targets),
          places_text(e.origins)}) {
        s += '\x1f';
        s += part;
    }
    return s;
}

namespace {

// The bytes GDAL's GeoJSON (a FeatureCollection) or GeoJSONSeq (a feature a line) driver writes.
std::string events_json_text(const std::vector<Event>& events, const EventsLayerFormat& format,
                             bool lines) {
    // GDAL writes into memory (/vsimem/, a name of this call's own); the bytes are then written
    // with every write checked, which GDAL's GeoJSON writer does not do.
    static std::atomic<unsigned long> counter{0};
    const std::string name = "/vsimem/sitmap-events-" + std::to_string(++counter) + "-" +
                             std::to_string(reinterpret_cast<std::uintptr_t>(&events)) +
                             (lines ? ".geojsonl" : ".geojson");
    const QuietGdalErrors quiet;
    struct Unlink {
        const std::string& name;
        ~Unlink() { VSIUnlink(name.c_str()); }
    } unlink{name};
    DatasetPtr ds = create_vector(lines ? "GeoJSONSeq" : "GeoJSON", name);
    // GeoJSONSeq is RFC 7946 always; its default precision is GeoJSON's RFC 7946 one (7).
    const std::string precision =
        "COORDINATE_PRECISION=" + std::to_string(format.coordinate_decimals.value_or(7));
    if (lines) {
        write_events_layer(ds.get(), events, format, {"RS=NO", precision.c_str()});
    } else if (!format.coordinate_decimals) {
        write_events_layer(ds.get(), events, format, {"RFC7946=YES", "WRITE_NAME=NO"});
    } else {
        write_events_layer(ds.get(), events, format,
                           {"RFC7946=YES", precision.c_str(), "WRITE_NAME=NO"});
    }
    close_dataset(ds);
    vsi_l_offset size = 0;
    const GByte* data = VSIGetMemFileBuffer(name.c_str(), &size, FALSE);
    if (data == nullptr) {
        if (lines && events.empty()) {
            return {}; // GeoJSONSeq writes nothing for no features
        }
        throw output_error("cannot write GeoJSON: " + last_gdal_error());
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

} // namespace

std::string events_geojson_text(const std::vector<Event>& events, const EventsLayerFormat& format) {
    return events_json_text(events, format, /*lines=*/false);
}

std::string events_geojson_lines(const std::vector<Event>& events,
                                 const EventsLayerFormat& format) {
    return events_json_text(events, format, /*lines=*/true);
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
