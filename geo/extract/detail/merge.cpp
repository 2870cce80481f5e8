// Merging what is one event: the same place (or a village inside a region-level place), the same
// class of kind, dates within a day; every claim and source kept, dates decided by vote.

#include "geo/extract/detail/merge.hpp"

#include "geo/extract/detail/triggers.hpp"

#include <algorithm>
#include <map>
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
// An event placed only at a region, country or border sector joins the same event at a place at
// most this far from it: a border sector or province is a few tens of kilometres across.
constexpr double region_absorb_radius_m = 30'000.0;
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

// The same place, class of kind and date: one event.
Merged merge_same_events(std::vector<Event> events, std::vector<std::vector<Vote>> event_votes) {
    Merged m;
    for (std::size_t ei = 0; ei < events.size(); ++ei) {
        Event& e = events[ei];
        std::vector<Vote>& own_votes = event_votes[ei];
        if (own_votes.empty()) {
            own_votes.push_back(Vote{e.date, 1, first_source(e)});
        }
        auto same = [&](const Event& r) {
            const bool same_places = !e.place_id.empty()
                                         ? same_targets(r, e)
                                         : (r.place_id.empty() && r.location == e.location);
            return same_places && merge_class(r.kind) == merge_class(e.kind) &&
                   compatible(r.date, e.date);
        };
        auto it = std::find_if(m.events.begin(), m.events.end(), same);
        if (it == m.events.end()) {
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
            continue;
        }
        const auto at = static_cast<std::size_t>(it - m.events.begin());
        Event& r = *it;
        m.votes[at].insert(m.votes[at].end(), own_votes.begin(), own_votes.end());
        const GeoPrecision finer = std::min(r.precision, e.precision);
        add_event(r, m.seen_sources[at], e);
        if (r.targets.size() <= 1) {
            r.precision = finer;
        }
    }
    return m;
}

// An event placed only at a region, a country or along the whole border ("on the
// Armenian-Azerbaijani border", "talks in the United States") is the same as one at a village
// or city within it on the same day: the nearest such joins it.
void absorb_region_events(Merged& m) {
    std::vector<Event>& merged = m.events;
    std::vector<bool> absorbed(merged.size(), false);
    // An area of several named places is finer than one region, whatever its precision; of two
    // areas or sectors that meet ("in Gegharkunik", "on the Gegharkunik section of the border"),
    // the one named later joins the first.
    const auto finer = [](const Event& fine, const Event& coarse) {
        if (fine.precision < coarse.precision || fine.targets.size() > 1) {
            return true;
        }
        return fine.precision == GeoPrecision::region && fine.targets.size() <= 1 &&
               !std::holds_alternative<PointGeom>(fine.geometry) &&
               earlier(first_source(fine), first_source(coarse)) &&
               std::min(distance_m(fine.location, coarse.geometry),
                        distance_m(coarse.location, fine.geometry)) <= areas_meet_m;
    };
    for (std::size_t c = 0; c < merged.size(); ++c) {
        const Event& coarse = merged[c];
        if (coarse.precision != GeoPrecision::region || coarse.targets.size() > 1) {
            continue;
        }
        std::optional<std::size_t> best;
        double best_d = 0.0;
        for (std::size_t f = 0; f < merged.size(); ++f) {
            const Event& fine = merged[f];
            if (f == c || absorbed[f] || !finer(fine, coarse) ||
                merge_class(fine.kind) != merge_class(coarse.kind) ||
                !compatible(fine.date, coarse.date)) {
                continue;
            }
            double d = distance_m(fine.location, coarse.geometry);
            for (const EventPlace& t : fine.targets) {
                d = std::min(d, distance_m(t.location, coarse.geometry));
            }
            if (d <= region_absorb_radius_m && (!best || d < best_d)) {
                best = f;
                best_d = d;
            }
        }
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
    }
    for (std::size_t i = merged.size(); i-- > 0;) {
        if (absorbed[i]) {
            merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(i));
            m.votes.erase(m.votes.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
}

} // namespace

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
    for (const Vote& v : votes) {
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
        votes.push_back(
            {Vote{e.date, std::max<std::size_t>(1, e.sources.size()), first_source(e)}});
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
