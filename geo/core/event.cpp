#include "geo/core/event.hpp"

#include "geo/core/error.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <utility>

namespace sitmap::geo {
namespace {

constexpr std::array<EventKindInfo, event_kind_count> kind_table = [] {
    using enum EventKind;
    using enum EventLayer;
    constexpr std::string_view battles = "Battles";
    constexpr std::string_view remote = "Explosions/Remote violence";
    constexpr std::string_view strategic = "Strategic developments";
    return std::array<EventKindInfo, event_kind_count>{{
        {shelling, "shelling", "Shelling (artillery)", "Shelling", incident, remote,
         "Shelling/artillery/missile attack"},
        {mortar_fire, "mortar_fire", "Mortar fire", "Mortar fire", incident, remote,
         "Shelling/artillery/missile attack"},
        {small_arms_fire, "small_arms_fire", "Small-arms fire", "Small-arms fire", incident,
         battles, "Armed clash"},
        {drone_strike, "drone_strike", "Drone strike", "Drone strike", incident, remote,
         "Air/drone strike"},
        {vehicle_attack, "vehicle_attack", "Attack on a vehicle", "Attack on a vehicle", incident,
         "Violence against civilians", "Attack"},
        {casualties, "casualties", "Killing or wounding (weapon not stated)",
         "Soldiers killed or wounded", incident, battles, "Armed clash"},
        {armed_clash, "armed_clash", "Armed clash", "Exchange of fire", incident, battles,
         "Armed clash"},
        {checkpoint_installed, "checkpoint_installed", "Checkpoint installed",
         "Checkpoint installed", checkpoint, strategic, "Headquarters or base established"},
        {checkpoint_closed, "checkpoint_closed", "Checkpoint closed", "Checkpoint closed",
         checkpoint, strategic, "Other"},
        {blockade, "blockade", "Blockade", "Blockade", checkpoint, strategic, "Other"},
        {handover, "handover", "Hand-over of territory", "Hand-over", checkpoint, strategic,
         "Non-violent transfer of territory"},
        {talks, "talks", "Talks or summit", "Talks", context, strategic, "Agreement"},
        {statement, "statement", "Statement or speech", "Statement", context, strategic, "Other"},
        {mission_deployment, "mission_deployment", "Mission deployment", "Mission deployed",
         context, strategic, "Change to group/activity"},
    }};
}();

// The table is indexed by the enum: a row out of place is a compile error, not a wrong label.
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < kind_table.size(); ++i) {
        if (static_cast<std::size_t>(kind_table[i].kind) != i) {
            return false;
        }
    }
    return true;
}
static_assert(in_enum_order(), "kind_table rows must follow the order of EventKind");
static_assert(static_cast<std::size_t>(EventKind::mission_deployment) + 1 == event_kind_count);

constexpr std::array<std::pair<Side, std::string_view>, 6> side_names{{
    {Side::armenia, "armenia"},
    {Side::azerbaijan, "azerbaijan"},
    {Side::russia, "russia"},
    {Side::eu, "eu"},
    {Side::other, "other"},
    {Side::unknown, "unknown"},
}};

constexpr std::array<std::pair<Assertion, std::string_view>, 4> assertion_names{{
    {Assertion::accuses, "accuses"},
    {Assertion::reports_own_losses, "reports_own_losses"},
    {Assertion::denies, "denies"},
    {Assertion::reports, "reports"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e) {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view s,
              const char* what) {
    for (const auto& [value, name] : table) {
        if (name == s) {
            return value;
        }
    }
    std::string known;
    for (const auto& entry : table) {
        known += known.empty() ? "" : ", ";
        known += entry.second;
    }
    throw input_error("unknown " + std::string(what) + " '" + std::string(s) +
                      "' (known: " + known + ")");
}

// The side whose losses a claim's figures describe: a party reporting figures speaks of its own
// losses unless it is an outside observer.
bool has_figures(const Claim& c) {
    return c.killed.has_value() || c.wounded.has_value();
}

// Lower-case letters and digits, anything else one hyphen: "test:sotk" -> "test-sotk".
std::string slug(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (keep) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

// FNV-1a of the sorted target ids, 8 hex digits: the same for the same set of places.
std::string targets_hash(const std::vector<EventPlace>& targets) {
    std::vector<std::string> ids;
    for (const EventPlace& t : targets) {
        ids.push_back(t.id.empty() ? t.name : t.id);
    }
    std::sort(ids.begin(), ids.end());
    std::uint32_t h = 2166136261u;
    for (const std::string& id : ids) {
        for (const char c : id + '\x1f') {
            h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        }
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(h));
    return buf;
}

} // namespace

std::span<const EventKindInfo, event_kind_count> event_kinds() {
    return kind_table;
}

const EventKindInfo& kind_info(EventKind kind) {
    return kind_table.at(static_cast<std::size_t>(kind));
}

std::string_view to_string(EventKind kind) {
    return kind_info(kind).name;
}

EventKind event_kind_from_string(std::string_view s) {
    for (const EventKindInfo& k : kind_table) {
        if (k.name == s) {
            return k.kind;
        }
    }
    std::string known;
    for (const EventKindInfo& k : kind_table) {
        known += known.empty() ? "" : ", ";
        known += k.name;
    }
    throw input_error("unknown event kind '" + std::string(s) + "' (known: " + known + ")");
}

std::string_view legend_label(EventKind kind) {
    return kind_info(kind).label;
}

std::string_view summary_headline(EventKind kind) {
    return kind_info(kind).headline;
}

EventLayer layer_of(EventKind kind) {
    return kind_info(kind).layer;
}

std::string_view to_string(EventLayer layer) {
    switch (layer) {
    case EventLayer::incident:
        return "incident";
    case EventLayer::checkpoint:
        return "checkpoint";
    case EventLayer::context:
        break;
    }
    return "context";
}

std::string_view to_string(Side side) {
    return name_of(side_names, side);
}
Side side_from_string(std::string_view s) {
    return value_of(side_names, s, "side");
}
std::string_view to_string(Assertion a) {
    return name_of(assertion_names, a);
}
Assertion assertion_from_string(std::string_view s) {
    return value_of(assertion_names, s, "assertion");
}

std::string_view to_string(DatePrecision p) {
    switch (p) {
    case DatePrecision::day:
        return "day";
    case DatePrecision::range:
        return "range";
    case DatePrecision::month:
        return "month";
    case DatePrecision::unknown:
        break;
    }
    return "unknown";
}

std::string format_date(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::chrono::year_month_day parse_date(std::string_view iso) {
    const auto bad = [&] {
        return input_error("invalid date '" + std::string(iso) + "' (expected YYYY-MM-DD)");
    };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
        throw bad();
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto num = [&](std::size_t pos, std::size_t len, auto& out) {
        const char* first = iso.data() + pos;
        const char* last = first + len;
        if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) {
            throw bad();
        }
        std::from_chars(first, last, out);
    };
    num(0, 4, y);
    num(5, 2, m);
    num(8, 2, d);
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok() || y < 1900) {
        throw bad();
    }
    return ymd;
}

bool Event::disputed() const {
    for (const Claim& c : claims) {
        if (c.assertion == Assertion::denies) {
            return true;
        }
    }
    // Each party blames the other.
    const auto accuses = [&](Side who, Side whom) {
        return std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
            return c.side == who && c.assertion == Assertion::accuses && c.against == whom;
        });
    };
    if (accuses(Side::armenia, Side::azerbaijan) && accuses(Side::azerbaijan, Side::armenia)) {
        return true;
    }
    // The same party's losses stated with different figures by different sources.
    for (std::size_t i = 0; i < claims.size(); ++i) {
        for (std::size_t j = i + 1; j < claims.size(); ++j) {
            const Claim& a = claims[i];
            const Claim& b = claims[j];
            if (a.side != b.side || a.side == Side::unknown || !has_figures(a) || !has_figures(b)) {
                continue;
            }
            const bool killed_differ = a.killed && b.killed && *a.killed != *b.killed;
            const bool wounded_differ = a.wounded && b.wounded && *a.wounded != *b.wounded;
            if (killed_differ || wounded_differ) {
                return true;
            }
        }
    }
    return false;
}

std::string event_id(const Event& e) {
    std::string place = slug(e.place_id);
    if (place.empty()) {
        // Only coordinates (an ACLED row): two places of one name stay two ids.
        char where[64];
        std::snprintf(where, sizeof where, " %.3f %.3f", e.location.lat, e.location.lon);
        place = slug(e.place_name + where);
    }
    if (e.targets.size() > 1) {
        place += "-t" + targets_hash(e.targets);
    }
    return "evt-" + format_date(e.date.begin) + "-" + std::string(to_string(e.kind)) + "-" + place;
}

Geometry covering_area(const std::vector<EventPlace>& places, double margin_m) {
    // Groups of places linked by steps of at most covering_area_link_m (single linkage).
    std::vector<std::size_t> group(places.size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        group[i] = i;
    }
    const auto root = [&group](std::size_t i) {
        while (group[i] != i) {
            i = group[i];
        }
        return i;
    };
    for (std::size_t i = 0; i < places.size(); ++i) {
        for (std::size_t j = i + 1; j < places.size(); ++j) {
            if (distance_m(places[i].location, places[j].location) <= covering_area_link_m) {
                group[std::max(root(i), root(j))] = std::min(root(i), root(j));
            }
        }
    }
    AreaGeom area;
    for (std::size_t g = 0; g < places.size(); ++g) {
        std::vector<LonLat> points;
        for (std::size_t i = 0; i < places.size(); ++i) {
            if (root(i) == g) {
                points.push_back(places[i].location);
            }
        }
        if (!points.empty()) {
            AreaGeom part = buffered_hull(points, margin_m);
            area.polygons.insert(area.polygons.end(), part.polygons.begin(), part.polygons.end());
        }
    }
    return area;
}

bool different_times(const Event& a, const Event& b) {
    if (a.times.empty() || b.times.empty()) {
        return false;
    }
    return std::none_of(a.times.begin(), a.times.end(), [&](int t) {
        return std::any_of(b.times.begin(), b.times.end(),
                           [&](int u) { return std::abs(t - u) < distinct_times_min; });
    });
}

} // namespace sitmap::geo
