// Merging what is one event: the same place (or a village inside a region-level place), the same
// class of kind, dates within a day; every claim and source kept, dates decided by vote.

#include "geo/extract/detail/merge.hpp"

#include "geo/extract/detail/triggers.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <numbers>
#include <optional>
#include <unordered_set>

namespace sitmap::geo::detail {
namespace {

using std::chrono::sys_days;

// Reports of one incident date it to within a day of each other ("overnight", "on Monday" in an
// article of the next day, time zones).
constexpr long same_event_max_gap_days = 1;
// A stated range this short ("overnight from Sunday to Monday") is more exact than any one of
// its days.
constexpr long short_range_max_days = 2;
// A report an article dates only by the day it was made ("the ministry on Monday confirmed fire at
// Sotk") is of the incident there that a later sentence dates up to this many days earlier ("the
// soldier was wounded in Sotk on Saturday evening").
constexpr long report_lag_days = 3;
// An event placed only at a region, country or border sector joins the same event at a place at
// most this far from it: a border sector or province is a few tens of kilometres across.
constexpr double region_absorb_radius_m = 30'000.0;
// An event placed only along a line (a corridor, a road: "a checkpoint in the corridor") joins the
// same event at a place at most this far from the line ("the checkpoint at the Hakari bridge").
constexpr double line_absorb_radius_m = 3'000.0;
// Two areas or border sectors this close (one's point from the other's outline) are one place.
constexpr double areas_meet_m = 5'000.0;

bool earlier(const SourceRef& a, const SourceRef& b) {
    return a.article != b.article ? a.article < b.article : a.begin < b.begin;
}

// Which of several dates for one event to keep: a short stated range ("overnight from Sunday to
// Monday") over one of its days, a day over a month or a vague period; then the most sources;
// then the first.
int date_rank(const DateRange& d) {
    const auto span_days = (sys_days{d.end} - sys_days{d.begin}).count();
    if (d.precision == DatePrecision::range && span_days <= short_range_max_days) {
        return 0;
    }
    if (d.precision == DatePrecision::day) {
        return 1;
    }
    if (d.precision == DatePrecision::unknown) {
        return 3;
    }
    return 2;
}

long gap_days(const DateRange& a, const DateRange& b) {
    const long ab = (sys_days{b.begin} - sys_days{a.end}).count();
    const long ba = (sys_days{a.begin} - sys_days{b.end}).count();
    return std::max({0L, ab, ba});
}

int merge_class(EventKind k) {
    return layer_of(k) == EventLayer::incident ? -1 : static_cast<int>(k);
}

SourceRef first_source(const Event& e) {
    SourceRef best;
    for (const SourceRef& s : e.sources) {
        if (best.article.empty() || earlier(s, best)) {
            best = s;
        }
    }
    return best;
}

std::string source_key(const SourceRef& s) {
    return s.article + '\x1f' + std::to_string(s.begin) + '\x1f' + std::to_string(s.end);
}

// Where to look for the events an event may merge with, instead of scanning all of them (which
// made merging quadratic in the number of events). Each event is filed under keys (a place id, a
// location, a grid cell) together with its date: each day of a short date, or as undated, or as a
// long (or malformed) range; a query returns every event filed under a key whose date may be
// compatible (within a day). Keys are hashed and events may be returned more than once, so the
// candidates are a superset: callers test each one exactly as a scan would, and pick among them
// as a scan would (the lowest index), so the result is the scan's.
class DateKeyIndex {
public:
    void add(std::uint64_t key, std::uint32_t item, const DateRange& date) {
        file(slot(key, any_date), item);
        if (date.precision == DatePrecision::unknown) {
            file(slot(key, undated), item);
            return;
        }
        const auto [first, last] = days(date);
        if (last < first || last - first > max_filed_span_days) {
            file(slot(key, long_range), item);
            return;
        }
        for (long d = first; d <= last; ++d) {
            file(slot(key, day_slot(d)), item);
        }
    }

    // Calls f(item) for every item filed under `key` whose date may be compatible with `date`.
    template <typename F> void for_each(std::uint64_t key, const DateRange& date, F&& f) const {
        const auto each = [&](std::uint64_t s) {
            for (std::uint32_t e = head(s); e != none; e = m_entries[e].next) {
                f(m_entries[e].item);
            }
        };
        const auto [first, last] = days(date);
        if (date.precision == DatePrecision::unknown || last < first ||
            last - first > max_filed_span_days) {
            each(slot(key, any_date)); // compatible with any date, or too long to look up by day
            return;
        }
        each(slot(key, undated));
        each(slot(key, long_range));
        // Compatible: a day of the other event's date within a day of this one's.
        for (long d = first - same_event_max_gap_days; d <= last + same_event_max_gap_days; ++d) {
            each(slot(key, day_slot(d)));
        }
    }

private:
    // Dates longer than this (a month is shorter) are filed once, as a long range.
    static constexpr long max_filed_span_days = 62;
    static constexpr std::uint64_t any_date = 1;
    static constexpr std::uint64_t undated = 2;
    static constexpr std::uint64_t long_range = 3;
    static std::uint64_t day_slot(long day) { return static_cast<std::uint64_t>(day) + 16; }

    static std::pair<long, long> days(const DateRange& d) {
        return {static_cast<long>(sys_days{d.begin}.time_since_epoch().count()),
                static_cast<long>(sys_days{d.end}.time_since_epoch().count())};
    }
    static std::uint64_t slot(std::uint64_t key, std::uint64_t date_slot) {
        return mix(key ^ mix(date_slot + 0x9e3779b97f4a7c15ull));
    }

public:
    // splitmix64's finaliser: spreads the bits of a key.
    static std::uint64_t mix(std::uint64_t x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ull;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebull;
        x ^= x >> 31;
        return x;
    }

private:
    // Each slot heads a list of entries, newest first, in one vector (no allocation per slot); the
    // slots are an open-addressing table of their hashes (0 marks a free place).
    struct Entry {
        std::uint32_t item;
        std::uint32_t next;
    };
    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    std::size_t place_of(std::uint64_t s) const {
        std::size_t i = static_cast<std::size_t>(s) & (m_slots.size() - 1);
        while (m_slots[i] != 0 && m_slots[i] != s) {
            i = (i + 1) & (m_slots.size() - 1);
        }
        return i;
    }
    std::uint32_t head(std::uint64_t s) const {
        if (m_slots.empty()) {
            return none;
        }
        const std::size_t i = place_of(s == 0 ? 1 : s);
        return m_slots[i] == 0 ? none : m_heads[i];
    }
    void file(std::uint64_t s, std::uint32_t item) {
        s = s == 0 ? 1 : s;
        if ((m_used + 1) * 2 > m_slots.size()) {
            grow();
        }
        const std::size_t i = place_of(s);
        if (m_slots[i] == 0) {
            m_slots[i] = s;
            m_heads[i] = none;
            ++m_used;
        }
        m_entries.push_back(Entry{item, m_heads[i]});
        m_heads[i] = static_cast<std::uint32_t>(m_entries.size() - 1);
    }
    void grow() {
        std::vector<std::uint64_t> slots = std::move(m_slots);
        std::vector<std::uint32_t> heads = std::move(m_heads);
        m_slots.assign(slots.empty() ? 1024 : slots.size() * 2, 0);
        m_heads.assign(m_slots.size(), none);
        for (std::size_t k = 0; k < slots.size(); ++k) {
            if (slots[k] != 0) {
                const std::size_t i = place_of(slots[k]);
                m_slots[i] = slots[k];
                m_heads[i] = heads[k];
            }
        }
    }

    std::vector<std::uint64_t> m_slots;
    std::vector<std::uint32_t> m_heads;
    std::size_t m_used = 0;
    std::vector<Entry> m_entries;
};

// Keys of the index: a place id, or an exact location (for events known only by coordinates),
// within one class of kind.
std::uint64_t place_key(std::string_view id, int kind_class) {
    return DateKeyIndex::mix(std::hash<std::string_view>{}(id) ^
                             (static_cast<std::uint64_t>(kind_class + 2) << 56));
}

std::uint64_t location_key(LonLat p, int kind_class) {
    // + 0.0 makes -0.0 the same key as 0.0, as it is the same location.
    const auto lon = std::bit_cast<std::uint64_t>(p.lon + 0.0);
    const auto lat = std::bit_cast<std::uint64_t>(p.lat + 0.0);
    return DateKeyIndex::mix(DateKeyIndex::mix(lon) ^ lat ^ 0x5bd1e9955bd1e995ull ^
                             static_cast<std::uint64_t>(kind_class + 2));
}

// Merged events with, for each, its date votes and the keys of the sources it already has.
struct Merged {
    std::vector<Event> events;
    std::vector<std::vector<Vote>> votes;
    std::vector<std::unordered_set<std::string>> seen_sources;
};

bool same_place(const EventPlace& a, const EventPlace& b) {
    return a.id.empty() ? (b.id.empty() && a.name == b.name && a.location == b.location)
                        : a.id == b.id;
}

// Appends the places of `from` that `into` does not have.
void add_new_places(std::vector<EventPlace>& into, const std::vector<EventPlace>& from) {
    for (const EventPlace& p : from) {
        if (std::none_of(into.begin(), into.end(),
                         [&](const EventPlace& q) { return same_place(p, q); })) {
            into.push_back(p);
        }
    }
}

// Only the places named most exactly: a report of fire at Sotk and a report of fire in
// Gegharkunik province are one incident at Sotk, not an area from Sotk to the province's centre.
void keep_finest(std::vector<EventPlace>& places) {
    if (places.empty()) {
        return;
    }
    const GeoPrecision finest =
        std::min_element(places.begin(), places.end(), [](const auto& a, const auto& b) {
            return a.precision < b.precision;
        })->precision;
    std::erase_if(places, [&](const EventPlace& p) { return p.precision != finest; });
}

// "Sotk", "Sotk and Goris", "Sotk, Goris and Kapan".
std::string joined_names(const std::vector<EventPlace>& places) {
    std::vector<std::string_view> names;
    for (const EventPlace& p : places) {
        if (std::find(names.begin(), names.end(), p.name) == names.end()) {
            names.push_back(p.name);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ");
        out += names[i];
    }
    return out;
}

// The claims and sources of `from` that `into` does not have yet (by source), its places, and its
// kind if it is more specific.
void add_event(Event& into, std::unordered_set<std::string>& seen, Event& from) {
    if (kind_priority(from.kind) > kind_priority(into.kind)) {
        into.kind = from.kind;
    }
    add_event_places(into, from.targets, from.origins);
    for (const int t : from.times) {
        if (std::find(into.times.begin(), into.times.end(), t) == into.times.end()) {
            into.times.push_back(t);
        }
    }
    for (Claim& c : from.claims) {
        // A claim already present came in with its source.
        if (seen.count(source_key(c.source)) == 0) {
            into.claims.push_back(std::move(c));
        }
    }
    for (SourceRef& s : from.sources) {
        if (seen.insert(source_key(s)).second) {
            into.sources.push_back(std::move(s));
        }
    }
}

// Whether `earlier_report`, dated by its `votes` only as the day it was made, is of `e`, which a
// later sentence of the same article dates up to report_lag_days before that day.
bool reported_later(const std::vector<Vote>& votes, const Event& earlier_report, const Event& e) {
    const bool only_report_days =
        !votes.empty() &&
        std::all_of(votes.begin(), votes.end(), [](const Vote& v) { return v.report_day; });
    if (!only_report_days || e.date.precision == DatePrecision::unknown ||
        earlier_report.date.precision == DatePrecision::unknown ||
        first_source(e).article != first_source(earlier_report).article ||
        sys_days{e.date.end} > sys_days{earlier_report.date.begin}) {
        return false;
    }
    return gap_days(e.date, earlier_report.date) <= report_lag_days;
}

// Two reports of one article that each name the day of their events, and no day in common ("on
// Thursday ... shelled Sotk", "on Friday ... shelled Sotk and Norabak"), are of two incidents:
// the day either side that reports of different articles may be off by is no slack within one.
bool different_days(const std::vector<Vote>& a_votes, const Event& a,
                    const std::vector<Vote>& b_votes, const Event& b) {
    if (first_source(a).article != first_source(b).article) {
        return false;
    }
    return days_apart(a_votes, b_votes);
}

// The same place, class of kind and date: one event. An event merges into the first merged event
// (in input order) with the same places, class of kind and a compatible date, found through an
// index of the merged events by place id (or location) and date.
Merged merge_same_events(std::vector<Event> events, std::vector<std::vector<Vote>> event_votes) {
    Merged m;
    // At most one merged event per event: no copy of the growing list while both are held.
    m.events.reserve(events.size());
    m.votes.reserve(events.size());
    m.seen_sources.reserve(events.size());
    DateKeyIndex index;
    std::vector<std::vector<std::uint64_t>> filed; // the keys each merged event is filed under
    // Files merged event `at` under its current places (those it has gained by merging too;
    // entries for places it no longer has only add candidates).
    const auto file = [&](std::size_t at) {
        const Event& r = m.events[at];
        const int cls = merge_class(r.kind);
        const auto add = [&](std::uint64_t key) {
            if (std::find(filed[at].begin(), filed[at].end(), key) == filed[at].end()) {
                filed[at].push_back(key);
                index.add(key, static_cast<std::uint32_t>(at), r.date);
            }
        };
        for (const std::string_view id : target_ids(r)) {
            add(place_key(id, cls));
        }
        add(location_key(r.location, cls));
    };
    for (std::size_t ei = 0; ei < events.size(); ++ei) {
        Event& e = events[ei];
        std::vector<Vote>& own_votes = event_votes[ei];
        if (own_votes.empty()) {
            own_votes.push_back(Vote{e.date, 1, first_source(e)});
        }
        auto same = [&](std::size_t at) {
            const Event& r = m.events[at];
            const bool same_places = !e.place_id.empty()
                                         ? same_targets(r, e)
                                         : (r.place_id.empty() && r.location == e.location);
            return same_places && merge_class(r.kind) == merge_class(e.kind) &&
                   (compatible(r.date, e.date) || reported_later(m.votes[at], r, e)) &&
                   !different_times(r, e) && !different_days(m.votes[at], r, own_votes, e);
        };
        // Same targets share a place id (target_ids is never empty); the same location is one key.
        std::optional<std::size_t> found;
        const auto consider = [&](std::uint32_t at) {
            if ((!found || at < *found) && same(at)) {
                found = at;
            }
        };
        const int cls = merge_class(e.kind);
        // Also the days a report of this event may have been made on (see reported_later).
        DateRange reach = e.date;
        if (reach.precision != DatePrecision::unknown) {
            reach.end = std::chrono::year_month_day{sys_days{reach.end} +
                                                    std::chrono::days{report_lag_days}};
        }
        if (!e.place_id.empty()) {
            for (const std::string_view id : target_ids(e)) {
                index.for_each(place_key(id, cls), reach, consider);
            }
        } else {
            index.for_each(location_key(e.location, cls), reach, consider);
        }
        if (!found) {
            std::unordered_set<std::string> keys;
            for (const SourceRef& s : e.sources) {
                keys.insert(source_key(s));
            }
            for (const Claim& c : e.claims) {
                keys.insert(source_key(c.source));
            }
            m.seen_sources.push_back(std::move(keys));
            m.votes.push_back(std::move(own_votes));
            m.events.push_back(std::move(e));
            filed.emplace_back();
            file(m.events.size() - 1);
            continue;
        }
        const std::size_t at = *found;
        Event& r = m.events[at];
        m.votes[at].insert(m.votes[at].end(), own_votes.begin(), own_votes.end());
        const GeoPrecision finer = std::min(r.precision, e.precision);
        add_event(r, m.seen_sources[at], e);
        if (r.targets.size() <= 1) {
            r.precision = finer;
        }
        file(at);
    }
    events = {}; // what was not merged away was moved into m: its shells go now
    event_votes = {};
    return m;
}

// Grid cells for absorb_region_events: every event is filed under the cells of its location and
// of its targets (the points its distance to a region is measured from), and a region looks in the
// cells of its bounding box widened by the absorb radius.
constexpr double cell_deg = 0.5;
constexpr long cell_columns = 720; // 360 / cell_deg
constexpr long cell_rows = 360;    // 180 / cell_deg
// More cells than this and a region looks at every event of its class instead (a country).
constexpr long max_query_cells = 2048;
// region_absorb_radius_m in degrees of latitude (at least 110.57 km each), rounded up.
constexpr double absorb_radius_deg = 0.3;

long cell_row(double lat) {
    return std::clamp(static_cast<long>(std::floor((lat + 90.0) / cell_deg)), 0L, cell_rows - 1);
}

long cell_column(double lon) {
    // Wrapped, as geodesic distances are: 179.9 and -179.9 are neighbours.
    const long c = static_cast<long>(std::floor((lon + 180.0) / cell_deg)) % cell_columns;
    return c < 0 ? c + cell_columns : c;
}

std::uint64_t cell_key(long column, long row, int kind_class) {
    return DateKeyIndex::mix(
        (static_cast<std::uint64_t>(row) << 32) ^ static_cast<std::uint64_t>(column) ^
        (static_cast<std::uint64_t>(kind_class + 2) << 48) ^ 0x2545f4914f6cdd1dull);
}

// All events of a class, for regions too large to look up by cell.
std::uint64_t everywhere_key(int kind_class) {
    return DateKeyIndex::mix(0x7f4a7c159e3779b9ull ^ static_cast<std::uint64_t>(kind_class + 2));
}

bool finite(LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat);
}

// Calls f(key) for the cells within region_absorb_radius_m of a geometry with bounding box `box`
// (a superset: the box widened by more than the radius), or f(everywhere_key) for a large box.
template <typename F> void cells_near(const BBox& box, int kind_class, F&& f) {
    if (box.empty() || !std::isfinite(box.west) || !std::isfinite(box.east) ||
        !std::isfinite(box.south) || !std::isfinite(box.north)) {
        return; // no geometry: no distance to it is finite
    }
    const double south = box.south - absorb_radius_deg;
    const double north = box.north + absorb_radius_deg;
    const double max_lat = std::max(std::abs(south), std::abs(north)) + 0.5;
    constexpr double pi = std::numbers::pi;
    const double lon_margin =
        max_lat >= 89.0 ? 360.0 : absorb_radius_deg / std::cos(max_lat * pi / 180.0);
    const double west = box.west - lon_margin;
    const double east = box.east + lon_margin;
    const long r0 = cell_row(south);
    const long r1 = cell_row(north);
    const bool all_columns = east - west >= 360.0 - cell_deg;
    const long columns = all_columns
                             ? cell_columns
                             : static_cast<long>(std::floor((east + 180.0) / cell_deg)) -
                                   static_cast<long>(std::floor((west + 180.0) / cell_deg)) + 1;
    if (columns * (r1 - r0 + 1) > max_query_cells) {
        f(everywhere_key(kind_class));
        return;
    }
    const long c0 = all_columns ? 0 : cell_column(west);
    for (long row = r0; row <= r1; ++row) {
        for (long i = 0; i < columns; ++i) {
            f(cell_key((c0 + i) % cell_columns, row, kind_class));
        }
    }
}

// An event placed only at a region, a country or along the whole border ("on the
// Armenian-Azerbaijani border", "talks in the United States") is the same as one at a village
// or city within it on the same day: the nearest such joins it. The candidates come from an index
// by grid cell and date (see cells_near); each is tested, and the nearest picked, as a scan of all
// events in order would.
// Whether `fine` says where more exactly than `coarse`: an area of several named places is finer
// than one region, whatever its precision; of two areas or sectors that meet ("in Gegharkunik",
// "on the Gegharkunik section of the border"), the one named later joins the first.
bool finer(const Event& fine, const Event& coarse) {
    if (fine.precision < coarse.precision || fine.targets.size() > 1) {
        return true;
    }
    return fine.precision == GeoPrecision::region && fine.targets.size() <= 1 &&
           !std::holds_alternative<PointGeom>(fine.geometry) &&
           earlier(first_source(fine), first_source(coarse)) &&
           std::min(distance_m(fine.location, coarse.geometry),
                    distance_m(coarse.location, fine.geometry)) <= areas_meet_m;
}

void absorb_region_events(Merged& m) {
    std::vector<Event>& merged = m.events;
    std::vector<bool> absorbed(merged.size(), false);
    DateKeyIndex index;
    std::vector<std::vector<std::uint64_t>> filed(merged.size());
    // Files event i under the cells of its points (again after it has gained targets).
    const auto file = [&](std::size_t i) {
        const Event& e = merged[i];
        const int cls = merge_class(e.kind);
        const auto add = [&](std::uint64_t key) {
            if (std::find(filed[i].begin(), filed[i].end(), key) == filed[i].end()) {
                filed[i].push_back(key);
                index.add(key, static_cast<std::uint32_t>(i), e.date);
            }
        };
        add(everywhere_key(cls));
        const auto add_point = [&](LonLat p) {
            if (finite(p)) { // a distance from a point that is not is never within the radius
                add(cell_key(cell_column(p.lon), cell_row(p.lat), cls));
            }
        };
        add_point(e.location);
        for (const EventPlace& t : e.targets) {
            add_point(t.location);
        }
    };
    for (std::size_t i = 0; i < merged.size(); ++i) {
        file(i);
    }
    std::vector<std::size_t> seen(merged.size(), 0); // the region that last considered an event
    for (std::size_t c = 0; c < merged.size(); ++c) {
        const Event& coarse = merged[c];
        const bool along_line = std::holds_alternative<LinesGeom>(coarse.geometry);
        if ((coarse.precision != GeoPrecision::region && !along_line) ||
            coarse.targets.size() > 1) {
            continue;
        }
        const double radius = along_line && coarse.precision != GeoPrecision::region
                                  ? line_absorb_radius_m
                                  : region_absorb_radius_m;
        std::optional<std::size_t> best;
        double best_d = 0.0;
        long best_gap = 0;
        const auto consider = [&](std::uint32_t f) {
            if (seen[f] == c + 1) {
                return;
            }
            seen[f] = c + 1;
            const Event& fine = merged[f];
            if (f == c || absorbed[f] || !finer(fine, coarse) ||
                merge_class(fine.kind) != merge_class(coarse.kind) ||
                !compatible(fine.date, coarse.date) || different_times(fine, coarse)) {
                return;
            }
            double d = distance_m(fine.location, coarse.geometry);
            for (const EventPlace& t : fine.targets) {
                d = std::min(d, distance_m(t.location, coarse.geometry));
            }
            // One on the same days before one a day off ("an Armenian soldier was wounded on the
            // border" of Tuesday's article is Tuesday's incident, not Monday's); then the nearest;
            // of equally near ones the first, as a scan in order finds.
            const long gap = gap_days(fine.date, coarse.date);
            if (d <= radius && (!best || gap < best_gap ||
                                (gap == best_gap && (d < best_d || (d == best_d && f < *best))))) {
                best = f;
                best_d = d;
                best_gap = gap;
            }
        };
        cells_near(bbox(coarse.geometry), merge_class(coarse.kind),
                   [&](std::uint64_t key) { index.for_each(key, coarse.date, consider); });
        if (!best) {
            continue;
        }
        // The finer report says where fire came from better than a report of the whole region.
        if (!merged[*best].origins.empty()) {
            merged[c].origins.clear();
        }
        // A region that holds every target of the finer event says where only more coarsely: it
        // is no further target ("Sadarak and Shahbuz", not "Sadarak, Shahbuz and Nakhchivan").
        // Two areas that only meet stay two targets.
        const Event& fine = merged[*best];
        const auto inside = [&](LonLat p) { return distance_m(p, merged[c].geometry) == 0.0; };
        if (fine.targets.empty()
                ? inside(fine.location)
                : std::all_of(fine.targets.begin(), fine.targets.end(),
                              [&](const EventPlace& t) { return inside(t.location); })) {
            merged[c].targets.clear();
        }
        add_event(merged[*best], m.seen_sources[*best], merged[c]);
        for (const Vote& v : m.votes[c]) {
            m.votes[*best].push_back(v);
        }
        absorbed[c] = true;
        file(*best);
    }
    // Drop the absorbed events in one pass, keeping the order.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        if (absorbed[i]) {
            continue;
        }
        if (kept != i) {
            merged[kept] = std::move(merged[i]);
            m.votes[kept] = std::move(m.votes[i]);
        }
        ++kept;
    }
    merged.resize(kept);
    m.votes.resize(kept);
}

} // namespace

// The single days a sentence names for its events (not the days of reports).
std::vector<std::chrono::year_month_day> event_days_of(const std::vector<Vote>& votes) {
    std::vector<std::chrono::year_month_day> days;
    for (const Vote& v : votes) {
        if (!v.report_day && (v.weight > 1 || v.settled) &&
            v.date.precision == DatePrecision::day && v.date.begin == v.date.end) {
            days.push_back(v.date.begin);
        }
    }
    return days;
}

bool days_apart(const std::vector<Vote>& a, const std::vector<Vote>& b) {
    const auto x = event_days_of(a);
    const auto y = event_days_of(b);
    return !x.empty() && !y.empty() && std::none_of(x.begin(), x.end(), [&](const auto& d) {
        return std::find(y.begin(), y.end(), d) != y.end();
    });
}

DateRange best_date(const std::vector<Vote>& votes, const DateRange& fallback) {
    if (votes.empty()) {
        return fallback;
    }
    struct Tally {
        DateRange date;
        std::size_t weight = 0;
        SourceRef first;
    };
    std::vector<Tally> tally;
    const bool events_dated =
        std::any_of(votes.begin(), votes.end(), [](const Vote& v) { return !v.report_day; });
    for (const Vote& v : votes) {
        if (events_dated && v.report_day) {
            continue;
        }
        auto it = std::find_if(tally.begin(), tally.end(),
                               [&](const Tally& t) { return t.date == v.date; });
        if (it == tally.end()) {
            tally.push_back(Tally{v.date, v.weight, v.where});
        } else {
            it->weight += v.weight;
            if (earlier(v.where, it->first)) {
                it->first = v.where;
            }
        }
    }
    const auto better = [](const Tally& a, const Tally& b) {
        if (date_rank(a.date) != date_rank(b.date)) {
            return date_rank(a.date) < date_rank(b.date);
        }
        if (a.weight != b.weight) {
            return a.weight > b.weight;
        }
        return earlier(a.first, b.first);
    };
    auto best = tally.begin();
    for (auto it = tally.begin(); it != tally.end(); ++it) {
        if (better(*it, *best)) {
            best = it;
        }
    }
    return best->date;
}

bool compatible(const DateRange& a, const DateRange& b) {
    if (a.precision == DatePrecision::unknown || b.precision == DatePrecision::unknown) {
        return true;
    }
    return gap_days(a, b) <= same_event_max_gap_days;
}

void locate_at_targets(Event& e) {
    if (e.targets.size() < 2) {
        return;
    }
    // The target nearest to all others: a real place, inside the area.
    std::size_t centre = 0;
    double best_sum = 0.0;
    for (std::size_t i = 0; i < e.targets.size(); ++i) {
        double sum = 0.0;
        for (const EventPlace& t : e.targets) {
            sum += distance_m(e.targets[i].location, t.location);
        }
        if (i == 0 || sum < best_sum) {
            centre = i;
            best_sum = sum;
        }
    }
    const EventPlace& c = e.targets[centre];
    GeoPrecision precision = GeoPrecision::near;
    for (const EventPlace& t : e.targets) {
        precision = std::max(precision, t.precision);
        if (distance_m(c.location, t.location) > near_area_radius_m) {
            precision = GeoPrecision::region;
        }
    }
    e.place_id = c.id;
    e.location = c.location;
    e.place_name = joined_names(e.targets);
    e.geometry = covering_area(e.targets);
    e.precision = precision;
}

std::vector<std::string_view> target_ids(const Event& e) {
    std::vector<std::string_view> ids;
    for (const EventPlace& t : e.targets) {
        ids.push_back(t.id);
    }
    if (ids.empty()) {
        ids.push_back(e.place_id);
    }
    return ids;
}

bool same_targets(const Event& a, const Event& b) {
    const std::vector<std::string_view> x = target_ids(a);
    const std::vector<std::string_view> y = target_ids(b);
    const auto within = [](const auto& small, const auto& big) {
        return std::all_of(small.begin(), small.end(), [&](std::string_view id) {
            return std::find(big.begin(), big.end(), id) != big.end();
        });
    };
    return within(x, y) || within(y, x);
}

void add_event_places(Event& e, const std::vector<EventPlace>& targets,
                      const std::vector<EventPlace>& origins) {
    add_new_places(e.origins, origins);
    keep_finest(e.origins);
    const bool had_targets = !e.targets.empty();
    const std::vector<EventPlace> before = e.targets;
    add_new_places(e.targets, targets);
    keep_finest(e.targets);
    if (e.targets == before) {
        return;
    }
    if (!had_targets || e.targets.size() == 1) {
        // Known so far only by where fire came from, or more exactly now: at the target.
        const EventPlace& t = e.targets.front();
        e.place_id = t.id;
        e.place_name = t.name;
        e.location = t.location;
        e.geometry = PointGeom{t.location};
        e.precision = t.precision;
    }
    locate_at_targets(e);
}

std::string event_summary(const Event& e) {
    // "Shelling at Heydarabad from Arazdeyen"; known only by its origin, "Shelling from Kut".
    std::string s = std::string(summary_headline(e.kind));
    if (!e.targets.empty() || e.origins.empty()) {
        s += " at " + e.place_name;
    }
    if (!e.origins.empty()) {
        s += " from " + joined_names(e.origins);
    }
    // Figures per side, as stated, never averaged: "Armenia: 3-4 wounded".
    std::map<Side, std::pair<std::vector<int>, std::vector<int>>> figures;
    for (const Claim& c : e.claims) {
        if (c.side == Side::unknown) {
            continue;
        }
        if (c.killed) {
            figures[c.side].first.push_back(*c.killed);
        }
        if (c.wounded) {
            figures[c.side].second.push_back(*c.wounded);
        }
    }
    const auto range = [](std::vector<int> v) {
        std::sort(v.begin(), v.end());
        return v.front() == v.back() ? std::to_string(v.front())
                                     : std::to_string(v.front()) + "-" + std::to_string(v.back());
    };
    for (const auto& [side, f] : figures) {
        std::string part;
        if (!f.first.empty()) {
            part += range(f.first) + " killed";
        }
        if (!f.second.empty()) {
            part += (part.empty() ? "" : ", ") + range(f.second) + " wounded";
        }
        if (!part.empty()) {
            static constexpr const char* names[] = {"Armenia", "Azerbaijan",    "Russia",
                                                    "EU",      "other sources", "unattributed"};
            s += "; " + std::string(names[static_cast<int>(side)]) + " reports " + part;
        }
    }
    if (e.disputed()) {
        s += " (disputed)";
    }
    return s;
}

std::vector<Event> merge_events_impl(std::vector<Event> events) {
    std::vector<std::vector<Vote>> votes;
    for (const Event& e : events) {
        votes.push_back({Vote{e.date, std::max<std::size_t>(1, e.sources.size()), first_source(e),
                              false, true}});
    }
    return merge_with_votes(std::move(events), std::move(votes));
}

std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes) {
    Merged m = merge_same_events(std::move(events), std::move(event_votes));
    absorb_region_events(m);
    std::vector<Event>& merged = m.events;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        merged[i].date = best_date(m.votes[i], merged[i].date);
        merged[i].id = event_id(merged[i]);
        merged[i].summary = event_summary(merged[i]);
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Event& a, const Event& b) {
        if (a.date.begin != b.date.begin) {
            return a.date.begin < b.date.begin;
        }
        return a.id < b.id;
    });
    return std::move(m.events);
}

} // namespace sitmap::geo::detail
