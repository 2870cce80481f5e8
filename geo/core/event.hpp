#pragma once
// The event model: what happened, where, when, and who says so. Contradicting claims stay side by
// side on one event; nothing is averaged away.

#include "geo/core/geometry.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

enum class EventKind {
    // incidents
    shelling, // artillery
    mortar_fire,
    small_arms_fire, // gunfire, large-calibre weapons
    drone_strike,
    vehicle_attack, // e.g. an ambulance
    casualties,     // killing/wounding with no weapon stated
    armed_clash,    // generic exchange of fire
    // checkpoints and blockades
    checkpoint_installed,
    checkpoint_closed,
    blockade,
    handover, // villages or a town handed over, taken under control without fighting
    // context
    talks,     // talks or summit
    statement, // statement or speech
    mission_deployment,
};

enum class EventLayer { incident, checkpoint, context };

// One row per event kind, in the order of the enum: the one table that the extractor, the events
// readers and writers, the renderer's legend and the QGIS styles read (as Mapnik's
// symbolizer_keys.cpp keeps one key_meta table). How a kind is drawn (shape, colour) is the
// style's: data/styles/default.json.
struct EventKindInfo {
    EventKind kind;
    std::string_view name;     // snake_case, as in the events files: "small_arms_fire"
    std::string_view label;    // in legends (maps, QGIS): "Small-arms fire"
    std::string_view headline; // how an event summary starts: "Shelling" at Sotk
    EventLayer layer;          // the map layer it is drawn on
    // ACLED's codebook: the event type and sub-event type sitmap writes for this kind.
    std::string_view acled_event_type;
    std::string_view acled_sub_event_type;
};

inline constexpr std::size_t event_kind_count = 14;

// The legend entry of the dashed ring around a disputed event (whose sides are not shown apart),
// on the maps and in QGIS.
inline constexpr std::string_view disputed_legend_label = "Disputed: the claims contradict";

// All kinds in the order of the enum (event_kinds()[static_cast<std::size_t>(k)].kind == k).
std::span<const EventKindInfo, event_kind_count> event_kinds();
const EventKindInfo& kind_info(EventKind kind);

std::string_view to_string(EventKind kind);           // kind_info(kind).name
EventKind event_kind_from_string(std::string_view s); // throws sitmap::Error (bad_input)
std::string_view legend_label(EventKind kind);        // kind_info(kind).label
std::string_view summary_headline(EventKind kind);    // kind_info(kind).headline
EventLayer layer_of(EventKind kind);                  // kind_info(kind).layer
std::string_view to_string(EventLayer layer);         // "incident", "checkpoint", "context"

enum class Side { armenia, azerbaijan, russia, eu, other, unknown };
std::string_view to_string(Side side);
Side side_from_string(std::string_view s);

enum class Assertion { accuses, reports_own_losses, denies, reports };
std::string_view to_string(Assertion a);
Assertion assertion_from_string(std::string_view s);

enum class DatePrecision { day, range, month, unknown };
std::string_view to_string(DatePrecision p);

struct DateRange {
    std::chrono::year_month_day begin{};
    std::chrono::year_month_day end{}; // == begin for a single day
    DatePrecision precision = DatePrecision::day;
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

// "2023-05-11"; parse throws sitmap::Error (bad_input) for anything else or an invalid date.
std::string format_date(std::chrono::year_month_day d);
std::chrono::year_month_day parse_date(std::string_view iso);

struct SourceRef {
    std::string article;   // article id (file stem) or source name
    std::size_t begin = 0; // byte offsets of the sentence in the article
    std::size_t end = 0;
    friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

struct Claim {
    std::string who;           // e.g. "Armenian Ministry of Defence"
    Side side = Side::unknown; // whose claim it is
    Assertion assertion = Assertion::reports;
    Side against = Side::unknown; // whom it accuses, if anyone
    std::optional<int> killed;    // as stated
    std::optional<int> wounded;
    std::string text; // the sentence it came from
    SourceRef source;
    friend bool operator==(const Claim&, const Claim&) = default;
};

// A place an event is at or comes from, as resolved when the event was read.
struct EventPlace {
    std::string id; // gazetteer id ("" if only coordinates are known)
    std::string name;
    LonLat location;
    GeoPrecision precision = GeoPrecision::exact;
    friend bool operator==(const EventPlace&, const EventPlace&) = default;
};

struct Event {
    std::string id; // stable: derived from kind, date and place(s)
    EventKind kind = EventKind::armed_clash;
    DateRange date;
    std::string place_id; // gazetteer id ("" if the event has only coordinates)
    std::string place_name;
    Geometry geometry; // the place's geometry (point, line or area)
    LonLat location;   // representative point
    GeoPrecision precision = GeoPrecision::exact;
    std::string summary;
    std::vector<Claim> claims;
    std::vector<SourceRef> sources;
    // Where fire landed, every place the reports name, in the order first named; the event's place
    // stands for them all (one of them, or the area they cover when there are several). Empty
    // when the event is known only by where fire came from.
    std::vector<EventPlace> targets;
    // Where fire came from ("from the direction of X"), finest first; never the event's place
    // unless nothing else is known.
    std::vector<EventPlace> origins;
    // The times of day its reports say it began, in minutes after midnight ("at 13:45" is 825),
    // in the order first stated: one day's reports that begin at different times are of different
    // incidents. Read from text; not written to files.
    std::vector<int> times;

    // True when claims of different sides contradict (different figures or a denial).
    bool disputed() const;
    // The main origin, or nullptr.
    const EventPlace* origin() const { return origins.empty() ? nullptr : &origins.front(); }
};

// Two reports of a day began this many minutes apart or more: they are of two incidents ("at 13:45"
// and "between 17:00 and 17:30" on the same day), unless another time of theirs is nearer.
inline constexpr int distinct_times_min = 30;

// Both events have begin times and none of one lies within distinct_times_min of one of the other.
bool different_times(const Event& a, const Event& b);

// How far the area of an event's several targets reaches beyond them.
inline constexpr double covering_area_margin_m = 2'000.0;

// Places further apart than this are not joined into one area: Goris and Jermuk, 66 km apart,
// are two areas, not a band across the mountains (and across the border) between them.
inline constexpr double covering_area_link_m = 25'000.0;

// The area several places cover: the convex hull of each group of places linked by steps of at
// most covering_area_link_m, widened by `margin_m` on every side (two places make a band, one a
// disc); one polygon per group. An empty area for no places.
Geometry covering_area(const std::vector<EventPlace>& places,
                       double margin_m = covering_area_margin_m);

// "evt-2023-05-11-shelling-sitmap-sotk": derived from date, kind and place, so stable across runs
// and the same for one event read back from a file. An event at several targets adds a short hash
// of their ids ("...-sitmap-sotk-t3f2a9c1b"): two such events may share their main place.
std::string event_id(const Event& e);

} // namespace sitmap::geo
