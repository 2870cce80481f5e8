#include "geo/io/event_io.hpp"

#include "geo/core/error.hpp"
#include "geo/dates/dates.hpp"
#include "geo/extract/extract.hpp" // merge_events
#include "geo/text/tokens.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <system_error>

#include "geo/io/detail/gdal.hpp"

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitmap::geo {
namespace {

using detail::DatasetPtr;
using detail::FeaturePtr;
using detail::GeometryPtr;
using detail::SrsPtr;

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json; // keeps the documented key order

void register_drivers() {
    static const bool done = [] {
        GDALAllRegister();
        return true;
    }();
    (void)done;
}

using detail::last_gdal_error;
using detail::QuietGdalErrors;

std::string_view layer_name(EventLayer l) {
    switch (l) {
    case EventLayer::incident:
        return "incident";
    case EventLayer::checkpoint:
        return "checkpoint";
    case EventLayer::context:
        break;
    }
    return "context";
}

ordered_json claim_to_json(const Claim& c) {
    ordered_json j;
    j["who"] = c.who;
    j["side"] = std::string(to_string(c.side));
    j["assertion"] = std::string(to_string(c.assertion));
    j["against"] = std::string(to_string(c.against));
    j["killed"] = c.killed ? ordered_json(*c.killed) : ordered_json(nullptr);
    j["wounded"] = c.wounded ? ordered_json(*c.wounded) : ordered_json(nullptr);
    j["text"] = c.text;
    j["article"] = c.source.article;
    j["begin"] = c.source.begin;
    j["end"] = c.source.end;
    return j;
}

Claim claim_from_json(const json& j) {
    if (!j.is_object()) {
        throw input_error("a claim is not a JSON object");
    }
    Claim c;
    c.who = j.value("who", "");
    c.side = side_from_string(j.value("side", "unknown"));
    c.assertion = assertion_from_string(j.value("assertion", "reports"));
    c.against = side_from_string(j.value("against", "unknown"));
    if (j.contains("killed") && j["killed"].is_number_integer()) {
        c.killed = j["killed"].get<int>();
    }
    if (j.contains("wounded") && j["wounded"].is_number_integer()) {
        c.wounded = j["wounded"].get<int>();
    }
    c.text = j.value("text", "");
    c.source.article = j.value("article", "");
    c.source.begin = j.value("begin", std::size_t{0});
    c.source.end = j.value("end", std::size_t{0});
    return c;
}

// A target or origin: {"place_id", "name", "lon", "lat", "geo_precision"}.
ordered_json places_to_json(const std::vector<EventPlace>& places) {
    ordered_json arr = ordered_json::array();
    for (const EventPlace& p : places) {
        ordered_json j;
        j["place_id"] = p.id;
        j["name"] = p.name;
        j["lon"] = p.location.lon;
        j["lat"] = p.location.lat;
        j["geo_precision"] = static_cast<int>(p.precision);
        arr.push_back(std::move(j));
    }
    return arr;
}

EventPlace place_from_json(const json& j) {
    if (!j.is_object() || !j.contains("lon") || !j.contains("lat") || !j["lon"].is_number() ||
        !j["lat"].is_number()) {
        throw input_error("a target or origin is not an object with numbers 'lon' and 'lat'");
    }
    EventPlace p;
    p.id = j.value("place_id", "");
    p.name = j.value("name", "");
    p.location = LonLat{j["lon"].get<double>(), j["lat"].get<double>()};
    const int gp = j.value("geo_precision", 1);
    if (gp < 1 || gp > 3) {
        throw input_error("geo_precision " + std::to_string(gp) + " is not 1, 2 or 3");
    }
    p.precision = static_cast<GeoPrecision>(gp);
    return p;
}

int max_of(const std::vector<Claim>& claims, std::optional<int> Claim::*field) {
    int m = 0;
    for (const Claim& c : claims) {
        if (c.*field) {
            m = std::max(m, *(c.*field));
        }
    }
    return m;
}

void add_field(OGRLayerH layer, const char* name, OGRFieldType type,
               OGRFieldSubType sub = OFSTNone) {
    OGRFieldDefnH f = OGR_Fld_Create(name, type);
    OGR_Fld_SetSubType(f, sub);
    const OGRErr err = OGR_L_CreateField(layer, f, TRUE);
    OGR_Fld_Destroy(f);
    if (err != OGRERR_NONE) {
        throw output_error(std::string("cannot create field '") + name + "': " + last_gdal_error());
    }
}

void write_all(const std::vector<Event>& events, const std::string& tmp) {
    register_drivers();
    GDALDriverH driver = GDALGetDriverByName("GeoJSON");
    if (driver == nullptr) {
        throw output_error("GDAL has no GeoJSON driver");
    }
    DatasetPtr ds(GDALCreate(driver, tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        throw output_error("cannot create: " + last_gdal_error());
    }
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    const char* options[] = {"RFC7946=YES", "WRITE_NAME=NO", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "events", srs.get(), wkbPoint,
                                             const_cast<char**>(options));
    if (layer == nullptr) {
        throw output_error("cannot create the layer: " + last_gdal_error());
    }
    for (const char* name : {"id", "kind", "layer", "date_begin", "date_end", "date_precision",
                             "place_id", "place_name"}) {
        add_field(layer, name, OFTString);
    }
    add_field(layer, "geo_precision", OFTInteger);
    // Where fire came from (the main origin, flat for filtering), and every target and origin.
    add_field(layer, "origin_place_id", OFTString);
    add_field(layer, "origin_name", OFTString);
    add_field(layer, "origin_lon", OFTReal);
    add_field(layer, "origin_lat", OFTReal);
    add_field(layer, "targets", OFTString, OFSTJSON);
    add_field(layer, "origins", OFTString, OFSTJSON);
    add_field(layer, "summary", OFTString);
    add_field(layer, "disputed", OFTInteger, OFSTBoolean);
    add_field(layer, "killed_max", OFTInteger);
    add_field(layer, "wounded_max", OFTInteger);
    add_field(layer, "claims", OFTString, OFSTJSON);
    add_field(layer, "sources", OFTString, OFSTJSON);

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const auto idx = [&](const char* name) { return OGR_FD_GetFieldIndex(defn, name); };
    for (const Event& e : events) {
        FeaturePtr f(OGR_F_Create(defn));
        const auto set = [&](const char* name, const std::string& v) {
            OGR_F_SetFieldString(f.get(), idx(name), v.c_str());
        };
        set("id", e.id);
        set("kind", std::string(to_string(e.kind)));
        set("layer", std::string(layer_name(layer_of(e.kind))));
        set("date_begin", format_date(e.date.begin));
        set("date_end", format_date(e.date.end));
        set("date_precision", std::string(to_string(e.date.precision)));
        set("place_id", e.place_id);
        set("place_name", e.place_name);
        OGR_F_SetFieldInteger(f.get(), idx("geo_precision"), static_cast<int>(e.precision));
        if (const EventPlace* o = e.origin()) {
            set("origin_place_id", o->id);
            set("origin_name", o->name);
            OGR_F_SetFieldDouble(f.get(), idx("origin_lon"), o->location.lon);
            OGR_F_SetFieldDouble(f.get(), idx("origin_lat"), o->location.lat);
        }
        set("targets", places_to_json(e.targets).dump());
        set("origins", places_to_json(e.origins).dump());
        set("summary", e.summary);
        OGR_F_SetFieldInteger(f.get(), idx("disputed"), e.disputed() ? 1 : 0);
        OGR_F_SetFieldInteger(f.get(), idx("killed_max"), max_of(e.claims, &Claim::killed));
        OGR_F_SetFieldInteger(f.get(), idx("wounded_max"), max_of(e.claims, &Claim::wounded));
        ordered_json claims = ordered_json::array();
        for (const Claim& c : e.claims) {
            claims.push_back(claim_to_json(c));
        }
        set("claims", claims.dump());
        ordered_json sources = ordered_json::array();
        for (const SourceRef& s : e.sources) {
            ordered_json j;
            j["article"] = s.article;
            j["begin"] = s.begin;
            j["end"] = s.end;
            sources.push_back(std::move(j));
        }
        set("sources", sources.dump());
        GeometryPtr point(OGR_G_CreateGeometry(wkbPoint));
        OGR_G_SetPoint_2D(point.get(), 0, e.location.lon, e.location.lat);
        OGR_F_SetGeometry(f.get(), point.get());
        if (OGR_L_CreateFeature(layer, f.get()) != OGRERR_NONE) {
            throw output_error("cannot write event " + e.id + ": " + last_gdal_error());
        }
    }
    CPLErrorReset();
    ds.reset(); // flushes; errors surface here
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw output_error("cannot finish writing: " + last_gdal_error());
    }
}

std::string field_string(OGRFeatureH f, const char* name) {
    const int i = OGR_F_GetFieldIndex(f, name);
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) {
        return {};
    }
    return OGR_F_GetFieldAsString(f, i);
}

std::optional<int> field_int(OGRFeatureH f, const char* name) {
    const int i = OGR_F_GetFieldIndex(f, name);
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) {
        return std::nullopt;
    }
    return OGR_F_GetFieldAsInteger(f, i);
}

DatasetPtr open_vector(const std::filesystem::path& path, const char* driver,
                       const char* const* open_options) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error(path.string() + ": no such file");
    }
    register_drivers();
    const char* drivers[] = {driver, nullptr};
    CPLErrorReset();
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, open_options,
                             nullptr));
    if (!ds) {
        const char* msg = CPLGetLastErrorMsg();
        throw input_error(
            path.string() + ": not a readable " + driver + " file" +
            ((msg != nullptr && *msg != '\0') ? std::string(" (") + msg + ")" : std::string()));
    }
    if (GDALDatasetGetLayerCount(ds.get()) < 1) {
        throw input_error(path.string() + ": no layer in the file");
    }
    return ds;
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

// Targets and origins; a file with only the flat origin_* properties has that one origin.
void read_places(OGRFeatureH f, Event& e) {
    for (const auto& [name, places] :
         {std::pair<const char*, std::vector<EventPlace>*>{"targets", &e.targets},
          std::pair<const char*, std::vector<EventPlace>*>{"origins", &e.origins}}) {
        const std::string raw = field_string(f, name);
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
    const int lon = OGR_F_GetFieldIndex(f, "origin_lon");
    const int lat = OGR_F_GetFieldIndex(f, "origin_lat");
    if (e.origins.empty() && lon >= 0 && lat >= 0 && OGR_F_IsFieldSetAndNotNull(f, lon) &&
        OGR_F_IsFieldSetAndNotNull(f, lat)) {
        e.origins.push_back(
            EventPlace{field_string(f, "origin_place_id"), field_string(f, "origin_name"),
                       LonLat{OGR_F_GetFieldAsDouble(f, lon), OGR_F_GetFieldAsDouble(f, lat)},
                       GeoPrecision::exact});
    }
}

Event event_from_feature(OGRFeatureH f, const Gazetteer* gazetteer) {
    Event e;
    e.id = field_string(f, "id");
    const std::string kind = field_string(f, "kind");
    const std::string begin = field_string(f, "date_begin");
    if (kind.empty() || begin.empty()) {
        throw input_error("missing property 'kind' or 'date_begin' (not a sitmap events file?)");
    }
    e.kind = event_kind_from_string(kind);
    e.date.begin = parse_date(begin);
    const std::string end = field_string(f, "date_end");
    e.date.end = end.empty() ? e.date.begin : parse_date(end);
    const std::string precision = field_string(f, "date_precision");
    e.date.precision = precision == "range"     ? DatePrecision::range
                       : precision == "month"   ? DatePrecision::month
                       : precision == "unknown" ? DatePrecision::unknown
                                                : DatePrecision::day;
    e.place_id = field_string(f, "place_id");
    e.place_name = field_string(f, "place_name");
    const int gp = field_int(f, "geo_precision").value_or(1);
    if (gp < 1 || gp > 3) {
        throw input_error("geo_precision " + std::to_string(gp) + " is not 1, 2 or 3");
    }
    e.precision = static_cast<GeoPrecision>(gp);
    e.summary = field_string(f, "summary");
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (g == nullptr || wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint) {
        throw input_error("the geometry is not a point");
    }
    e.location = LonLat{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)};
    read_places(f, e);
    for (const auto& [name, target] :
         {std::pair<const char*, int>{"claims", 0}, std::pair<const char*, int>{"sources", 1}}) {
        const std::string raw = field_string(f, name);
        if (raw.empty()) {
            continue;
        }
        const json arr = json::parse(raw, nullptr, false);
        if (arr.is_discarded() || !arr.is_array()) {
            throw input_error(std::string("property '") + name + "' is not a JSON array");
        }
        for (const json& j : arr) {
            if (target == 0) {
                e.claims.push_back(claim_from_json(j));
            } else {
                if (!j.is_object()) {
                    throw input_error("a source is not a JSON object");
                }
                e.sources.push_back(SourceRef{j.value("article", ""),
                                              j.value("begin", std::size_t{0}),
                                              j.value("end", std::size_t{0})});
            }
        }
    }
    if (e.id.empty()) {
        e.id = event_id(e);
    }
    restore_place(e, gazetteer);
    return e;
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

Side acled_side(const std::string& actor) {
    const std::string a = text::lower_ascii(actor);
    if (a.find("armenia") != std::string::npos) {
        return Side::armenia;
    }
    if (a.find("azerbaijan") != std::string::npos) {
        return Side::azerbaijan;
    }
    if (a.find("russia") != std::string::npos) {
        return Side::russia;
    }
    if (a.find("european union") != std::string::npos || a.find("eu ") == 0) {
        return Side::eu;
    }
    return a.empty() ? Side::unknown : Side::other;
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

} // namespace

void write_events_geojson(const std::vector<Event>& events, const std::filesystem::path& path,
                          Overwrite overwrite) {
    std::error_code ec;
    if (overwrite == Overwrite::no && std::filesystem::exists(path, ec)) {
        throw output_error(path.string() + ": exists (not overwriting)");
    }
    const std::string tmp = path.string() + ".tmp";
    std::filesystem::remove(tmp, ec);
    const QuietGdalErrors quiet;
    try {
        write_all(events, tmp);
    } catch (const Error& e) {
        std::filesystem::remove(tmp, ec);
        throw e.with_context(path.string());
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw output_error(path.string() + ": cannot move the finished file in place (" +
                           ec.message() + ")");
    }
}

std::vector<Event> read_events_geojson(const std::filesystem::path& path) {
    return read_events_geojson(path, nullptr);
}

std::vector<Event> read_events_geojson(const std::filesystem::path& path,
                                       const Gazetteer* gazetteer) {
    const QuietGdalErrors quiet;
    // Dates stay strings: GDAL would otherwise turn "2023-05-11" into a date field.
    const char* options[] = {"DATE_AS_STRING=YES", nullptr};
    DatasetPtr ds = open_vector(path, "GeoJSON", options);
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    std::vector<Event> events;
    OGR_L_ResetReading(layer);
    std::size_t n = 0;
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        try {
            events.push_back(event_from_feature(f.get(), gazetteer));
        } catch (const Error& e) {
            throw e.with_context(path.string() + ": feature " + std::to_string(n));
        }
        ++n;
    }
    return events;
}

std::vector<Event> read_events_acled_csv(const std::filesystem::path& path,
                                         const Gazetteer* gazetteer) {
    const QuietGdalErrors quiet;
    const char* options[] = {"AUTODETECT_TYPE=NO", "KEEP_SOURCE_COLUMNS=NO", nullptr};
    DatasetPtr ds = open_vector(path, "CSV", options);
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (const char* required : {"event_date", "event_type", "location", "latitude", "longitude"}) {
        if (OGR_FD_GetFieldIndex(defn, required) < 0) {
            throw input_error(path.string() + ": missing column '" + required +
                              "' (ACLED convention: event_date, event_type, sub_event_type, "
                              "actor1, actor2, admin1, location, latitude, longitude, "
                              "geo_precision, fatalities, source, notes)");
        }
    }
    std::vector<Event> events;
    OGR_L_ResetReading(layer);
    std::size_t row = 1; // the header is row 1
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        ++row;
        try {
            Event e;
            e.date = DateRange{};
            e.date.begin = e.date.end = parse_acled_date(field_string(f.get(), "event_date"));
            e.kind = acled_kind(field_string(f.get(), "event_type"),
                                field_string(f.get(), "sub_event_type"));
            e.place_name = field_string(f.get(), "location");
            e.location =
                LonLat{parse_coordinate(field_string(f.get(), "longitude"), "longitude", 180.0),
                       parse_coordinate(field_string(f.get(), "latitude"), "latitude", 90.0)};
            const std::string gp = field_string(f.get(), "geo_precision");
            const int precision = gp.empty() ? 1 : std::atoi(gp.c_str());
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
            Claim c;
            c.who = field_string(f.get(), "actor1");
            c.side = acled_side(c.who);
            c.against = acled_side(field_string(f.get(), "actor2"));
            c.assertion = Assertion::reports;
            const std::string fatalities = field_string(f.get(), "fatalities");
            if (!fatalities.empty()) {
                int k = 0;
                const auto r =
                    std::from_chars(fatalities.data(), fatalities.data() + fatalities.size(), k);
                if (r.ec != std::errc{} || k < 0) {
                    throw input_error("invalid fatalities '" + fatalities + "'");
                }
                c.killed = k;
            }
            c.text = field_string(f.get(), "notes");
            c.source = SourceRef{field_string(f.get(), "source"), 0, 0};
            e.claims.push_back(c);
            e.sources.push_back(c.source);
            events.push_back(std::move(e));
        } catch (const Error& err) {
            throw err.with_context(path.string() + ": row " + std::to_string(row));
        }
    }
    return merge_events(std::move(events));
}

} // namespace sitmap::geo
