#include "render/events.hpp"

#include "geo/core/error.hpp"
#include "geo/io/vector_io.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include <nlohmann/json.hpp>

namespace sitmap::render {
namespace {

struct KindInfo {
    geo::EventKind kind;
    std::string_view name;
    geo::EventLayer layer;
};

constexpr std::array<KindInfo, 13> kinds = {{
    {geo::EventKind::shelling, "shelling", geo::EventLayer::incident},
    {geo::EventKind::mortar_fire, "mortar_fire", geo::EventLayer::incident},
    {geo::EventKind::small_arms_fire, "small_arms_fire", geo::EventLayer::incident},
    {geo::EventKind::drone_strike, "drone_strike", geo::EventLayer::incident},
    {geo::EventKind::vehicle_attack, "vehicle_attack", geo::EventLayer::incident},
    {geo::EventKind::casualties, "casualties", geo::EventLayer::incident},
    {geo::EventKind::armed_clash, "armed_clash", geo::EventLayer::incident},
    {geo::EventKind::checkpoint_installed, "checkpoint_installed", geo::EventLayer::checkpoint},
    {geo::EventKind::checkpoint_closed, "checkpoint_closed", geo::EventLayer::checkpoint},
    {geo::EventKind::blockade, "blockade", geo::EventLayer::checkpoint},
    {geo::EventKind::talks, "talks", geo::EventLayer::context},
    {geo::EventKind::statement, "statement", geo::EventLayer::context},
    {geo::EventKind::mission_deployment, "mission_deployment", geo::EventLayer::context},
}};

int to_int(std::string_view s, int fallback) {
    int v = fallback;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    return res.ec == std::errc() ? v : fallback;
}

std::string claims_summary(const nlohmann::json& claims) {
    std::string out;
    if (!claims.is_array()) {
        return out;
    }
    for (const auto& c : claims) {
        if (!c.is_object()) {
            continue;
        }
        std::string one = c.value("who", std::string());
        std::vector<std::string> figures;
        if (c.contains("killed") && c["killed"].is_number_integer()) {
            figures.push_back(std::to_string(c["killed"].get<int>()) + " killed");
        }
        if (c.contains("wounded") && c["wounded"].is_number_integer()) {
            figures.push_back(std::to_string(c["wounded"].get<int>()) + " wounded");
        }
        std::string what = c.value("assertion", std::string());
        if (what == "accuses" && c.contains("against") && c["against"].is_string() &&
            c["against"] != "unknown") {
            what += " " + c["against"].get<std::string>();
        }
        if (!what.empty()) {
            if (!one.empty()) {
                one += ' ';
            }
            one += '(';
            one += what;
            one += ')';
        }
        for (std::size_t i = 0; i < figures.size(); ++i) {
            one += (i == 0 ? ": " : ", ") + figures[i];
        }
        if (!one.empty()) {
            out += (out.empty() ? "" : "; ") + one;
        }
    }
    return out;
}

geo::GeoPrecision precision_from(int v) {
    if (v >= 3) {
        return geo::GeoPrecision::region;
    }
    return v == 2 ? geo::GeoPrecision::near : geo::GeoPrecision::exact;
}

std::string side_name(geo::Side s) {
    switch (s) {
    case geo::Side::armenia:
        return "armenia";
    case geo::Side::azerbaijan:
        return "azerbaijan";
    case geo::Side::russia:
        return "russia";
    case geo::Side::eu:
        return "eu";
    case geo::Side::other:
        return "other";
    case geo::Side::unknown:
        break;
    }
    return "unknown";
}

std::string assertion_name(geo::Assertion a) {
    switch (a) {
    case geo::Assertion::accuses:
        return "accuses";
    case geo::Assertion::reports_own_losses:
        return "reports own losses";
    case geo::Assertion::denies:
        return "denies";
    case geo::Assertion::reports:
        break;
    }
    return "reports";
}

std::string iso(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace

std::string_view kind_name(geo::EventKind kind) {
    for (const auto& k : kinds) {
        if (k.kind == kind) {
            return k.name;
        }
    }
    return "armed_clash";
}

geo::EventKind kind_from_name(std::string_view name) {
    for (const auto& k : kinds) {
        if (k.name == name) {
            return k.kind;
        }
    }
    std::string known;
    for (const auto& k : kinds) {
        known += (known.empty() ? "" : ", ") + std::string(k.name);
    }
    throw input_error("unknown event kind '" + std::string(name) + "' (known: " + known + ")");
}

geo::EventLayer kind_layer(geo::EventKind kind) {
    for (const auto& k : kinds) {
        if (k.kind == kind) {
            return k.layer;
        }
    }
    return geo::EventLayer::incident;
}

std::string format_date_range(std::string_view begin, std::string_view end) {
    static constexpr std::array<const char*, 12> months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct Ymd {
        int y = 0, m = 0, d = 0;
        bool ok = false;
    };
    auto parse = [](std::string_view s) {
        Ymd r;
        if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
            r.y = to_int(s.substr(0, 4), 0);
            r.m = to_int(s.substr(5, 2), 0);
            r.d = to_int(s.substr(8, 2), 0);
            r.ok = r.y > 0 && r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31;
        }
        return r;
    };
    const Ymd a = parse(begin);
    Ymd b = parse(end);
    if (!a.ok) {
        return std::string(begin);
    }
    if (!b.ok) {
        b = a;
    }
    auto full = [](const Ymd& x) {
        return std::to_string(x.d) + " " + months[static_cast<std::size_t>(x.m - 1)] + " " +
               std::to_string(x.y);
    };
    if (a.y == b.y && a.m == b.m && a.d == b.d) {
        return full(a);
    }
    if (a.y == b.y && a.m == b.m) {
        return std::to_string(a.d) + "–" + full(b);
    }
    if (a.y == b.y) {
        return std::to_string(a.d) + " " + months[static_cast<std::size_t>(a.m - 1)] + " – " +
               full(b);
    }
    return full(a) + " – " + full(b);
}

std::string event_title(const EventRecord& e) {
    std::string t = e.place_name.empty() ? std::string() : e.place_name + ", ";
    t += format_date_range(e.date_begin, e.date_end);
    std::string kind(kind_name(e.kind));
    std::replace(kind.begin(), kind.end(), '_', ' ');
    t += ": " + kind;
    if (e.disputed) {
        t += " (disputed)";
    }
    if (!e.claims.empty()) {
        t += ". Claims: " + e.claims;
    }
    return t;
}

EventSet EventSet::read(const std::filesystem::path& path, const PlaceGeometry& place_geometry) {
    EventSet set;
    std::size_t index = 0;
    geo::for_each_vector_feature(
        path,
        [&](const geo::VectorFeature& f) {
            ++index;
            EventRecord e;
            try {
                e.kind = kind_from_name(f.property("kind"));
            } catch (const Error& err) {
                throw err.with_context(path.string() + ": feature " + std::to_string(index));
            }
            e.id = std::string(f.property("id"));
            if (e.id.empty()) {
                e.id = "event-" + std::to_string(index);
            }
            e.geometry = f.geometry;
            if (const auto* pt = std::get_if<geo::PointGeom>(&f.geometry)) {
                e.location = pt->point;
            } else {
                e.location = geo::representative_point(f.geometry);
            }
            e.precision = precision_from(to_int(f.property("geo_precision"), 1));
            e.place_id = std::string(f.property("place_id"));
            if (place_geometry && e.precision == geo::GeoPrecision::region && !e.place_id.empty() &&
                std::holds_alternative<geo::PointGeom>(e.geometry)) {
                if (const geo::Geometry* g = place_geometry(e.place_id)) {
                    e.geometry = *g; // the events file stores the point; the area is the place's
                }
            }
            e.place_name = std::string(f.property("place_name"));
            if (e.place_name.empty()) {
                e.place_name = std::string(f.property("name"));
            }
            // GDAL reads ISO dates as Date fields and prints them as YYYY/MM/DD.
            std::string begin(f.property("date_begin"));
            std::string end(f.property("date_end"));
            std::replace(begin.begin(), begin.end(), '/', '-');
            std::replace(end.begin(), end.end(), '/', '-');
            e.date_begin = begin;
            e.date_end = end;
            if (e.date_end.empty()) {
                e.date_end = e.date_begin;
            }
            e.killed = to_int(f.property("killed_max"), -1);
            e.wounded = to_int(f.property("wounded_max"), -1);
            if (e.killed < 0 && e.wounded < 0 && f.has("casualties")) {
                e.killed = to_int(f.property("casualties"), -1);
            }
            const std::string_view disputed = f.property("disputed");
            e.disputed = disputed == "1" || disputed == "true";
            const std::string_view claims = f.property("claims");
            if (!claims.empty() && claims.front() == '[') {
                const auto doc = nlohmann::json::parse(claims, nullptr, false);
                if (doc.is_discarded()) {
                    throw input_error(path.string() + ": feature " + std::to_string(index) +
                                      ": property 'claims' is not a JSON array");
                }
                e.claims = claims_summary(doc);
            }
            set.events.push_back(std::move(e));
        },
        [&set](std::size_t count) { set.events.reserve(count); });
    return set;
}

EventSet EventSet::from_events(const std::vector<geo::Event>& events) {
    EventSet set;
    set.events.reserve(events.size());
    for (const auto& ev : events) {
        EventRecord e;
        e.id = ev.id;
        e.kind = ev.kind;
        e.geometry = ev.geometry;
        e.location = ev.location;
        e.precision = ev.precision;
        e.place_id = ev.place_id;
        e.place_name = ev.place_name;
        e.date_begin = iso(ev.date.begin);
        e.date_end = iso(ev.date.end);
        nlohmann::json claims = nlohmann::json::array();
        for (const auto& c : ev.claims) {
            if (c.killed) {
                e.killed = std::max(e.killed, *c.killed);
            }
            if (c.wounded) {
                e.wounded = std::max(e.wounded, *c.wounded);
            }
            nlohmann::json jc = {{"who", c.who},
                                 {"assertion", assertion_name(c.assertion)},
                                 {"against", side_name(c.against)}};
            if (c.killed) {
                jc["killed"] = *c.killed;
            }
            if (c.wounded) {
                jc["wounded"] = *c.wounded;
            }
            claims.push_back(std::move(jc));
        }
        e.disputed = ev.disputed();
        e.claims = claims_summary(claims);
        set.events.push_back(std::move(e));
    }
    return set;
}

void EventSet::append(EventSet&& other) {
    if (events.empty()) {
        events = std::move(other.events); // no second copy of a million events
        return;
    }
    events.insert(events.end(), std::make_move_iterator(other.events.begin()),
                  std::make_move_iterator(other.events.end()));
}

} // namespace sitmap::render
