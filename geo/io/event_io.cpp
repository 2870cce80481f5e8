#include "geo/io/event_io.hpp"

#include "geo/core/error.hpp"
#include "geo/dates/dates.hpp"
#include "geo/extract/extract.hpp" // merge_events
#include "geo/text/tokens.hpp"
#include "geo/io/detail/events_layer.hpp"
#include "geo/io/detail/layer_reader.hpp"
#include "geo/io/detail/ogr_geometry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include <nlohmann/json.hpp>

namespace sitmap::geo {
namespace {

using detail::LayerReader;

using json = nlohmann::json;
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

void restore_place(Event& e, const Gazetteer* gazetteer) {
    e.geometry = PointGeom{e.location};
    if (gazetteer != nullptr && !e.place_id.empty()) {
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

DatePrecision date_precision_from(const std::string& s) {
    return s == "range"     ? DatePrecision::range
           : s == "month"   ? DatePrecision::month
           : s == "unknown" ? DatePrecision::unknown
                            : DatePrecision::day;
}

GeoPrecision geo_precision_from(const std::string& s, EventsSchema schema) {
    const std::optional<int> v = to_int(s);
    if (schema == EventsSchema::lenient) {
        const int gp = v.value_or(1);
        return gp >= 3 ? GeoPrecision::region : gp == 2 ? GeoPrecision::near : GeoPrecision::exact;
    }
    const int gp = s.empty() ? 1 : v.value_or(0);
    if (gp < 1 || gp > 3) {
        throw input_error("geo_precision " + s + " is not 1, 2 or 3");
    }
    return static_cast<GeoPrecision>(gp);
}

void read_claims_and_sources(const LayerReader& r, OGRFeatureH f, Event& e) {
    for (const char* name : {"claims", "sources"}) {
        const std::string raw = r.text(f, name);
        if (raw.empty()) {
            continue;
        }
        const json arr = json::parse(raw, nullptr, false);
        if (arr.is_discarded() || !arr.is_array()) {
            throw input_error(std::string("property '") + name + "' is not a JSON array");
        }
        for (const json& j : arr) {
            if (name[0] == 'c') {
                e.claims.push_back(claim_from_json(j));
                continue;
            }
            if (!j.is_object()) {
                throw input_error("a source is not a JSON object");
            }
            e.sources.push_back(SourceRef{j.value("article", ""), j.value("begin", std::size_t{0}),
                                          j.value("end", std::size_t{0})});
        }
    }
}

// The one parser of the events format's properties (see EventsSchema for the two ways).
// Returns false for a feature the lenient schema skips (no geometry).
bool event_from_feature(const LayerReader& r, OGRFeatureH f, EventsSchema schema,
                        EventFeature& out) {
    const bool contract = schema == EventsSchema::contract;
    out = EventFeature{};
    Event& e = out.event;
    const std::string kind = r.text(f, "kind");
    const std::string begin = r.text(f, "date_begin");
    if (contract && (kind.empty() || begin.empty())) {
        throw input_error("missing property 'kind' or 'date_begin' (not a sitmap events file?)");
    }
    e.kind = event_kind_from_string(kind);
    const std::optional<Geometry> geometry = detail::from_ogr(OGR_F_GetGeometryRef(f));
    if (contract && (!geometry || !std::holds_alternative<PointGeom>(*geometry))) {
        throw input_error("the geometry is not a point");
    }
    if (!geometry) {
        return false;
    }
    e.geometry = *geometry;
    e.location = std::holds_alternative<PointGeom>(e.geometry)
                     ? std::get<PointGeom>(e.geometry).point
                     : representative_point(e.geometry);
    e.id = r.text(f, "id");
    if (!begin.empty()) {
        e.date.begin = parse_date(begin);
        const std::string end = r.text(f, "date_end");
        e.date.end = end.empty() ? e.date.begin : parse_date(end);
        e.date.precision = date_precision_from(r.text(f, "date_precision"));
    } else {
        e.date.precision = DatePrecision::unknown;
    }
    e.place_id = r.text(f, "place_id");
    e.place_name = r.text(f, "place_name");
    if (!contract && e.place_name.empty()) {
        e.place_name = r.text(f, "name");
    }
    e.precision = geo_precision_from(r.text(f, "geo_precision"), schema);
    e.summary = r.text(f, "summary");
    read_claims_and_sources(r, f, e);
    out.killed_max = to_int(r.text(f, "killed_max"));
    out.wounded_max = to_int(r.text(f, "wounded_max"));
    if (!contract && !out.killed_max && !out.wounded_max) {
        out.killed_max = to_int(r.text(f, "casualties"));
    }
    if (const std::string disputed = r.text(f, "disputed"); !disputed.empty()) {
        out.disputed = disputed == "1" || disputed == "true";
    }
    if (e.id.empty()) {
        e.id = contract ? event_id(e) : "event-" + std::to_string(r.number());
    }
    return true;
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
    if (on_count) {
        if (const auto count = reader.cheap_count()) {
            on_count(*count);
        }
    }
    EventFeature feature;
    while (const detail::FeaturePtr f = reader.next()) {
        try {
            if (!event_from_feature(reader, f.get(), schema, feature)) {
                continue;
            }
        } catch (const Error& e) {
            throw e.with_context(path.string() + ": feature " + std::to_string(reader.number()));
        }
        visit(feature);
    }
}

std::string events_geojson_text(const std::vector<Event>& events) {
    return detail::events_geojson_text(events, detail::extract_events_format());
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
            c.who = field_string("actor1");
            c.side = acled_side(c.who);
            c.against = acled_side(field_string("actor2"));
            c.assertion = Assertion::reports;
            const std::string fatalities = field_string("fatalities");
            if (!fatalities.empty()) {
                int k = 0;
                const auto r =
                    std::from_chars(fatalities.data(), fatalities.data() + fatalities.size(), k);
                if (r.ec != std::errc{} || k < 0) {
                    throw input_error("invalid fatalities '" + fatalities + "'");
                }
                c.killed = k;
            }
            c.text = field_string("notes");
            c.source = SourceRef{field_string("source"), 0, 0};
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
