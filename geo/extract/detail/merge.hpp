#pragma once
// Merging what is one event: the same place (or a village inside a region-level place), the same
// class of kind, dates within a day, not begun at different times of day (see different_times);
// every claim and source kept, dates decided by vote.

#include "geo/core/event.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// A date stated for an event by one sentence (or, across articles, by one event).
struct Vote {
    DateRange date;
    // 2 for a day an incident sentence names for its events, 1 for a day it names only as the
    // day of the report ("the ministry on Thursday said") and for other evidence.
    std::size_t weight = 1;
    SourceRef where; // ties go to the date stated first (an article's lead states its news)
    // Only the day a report was made ("the ministry on Monday confirmed fire at Sotk"): it dates
    // the event when nothing else does, and gives way to any day of the events stated.
    bool report_day = false;
    // The date an extraction settled on for an event (events of articles merged again): as good
    // as a day a sentence names for its events.
    bool settled = false;
};
// Days of the events over days of reports; then a short stated range over one of its days, a day
// over a month or vague period, then the most votes, then the first stated.
DateRange best_date(const std::vector<Vote>& votes, const DateRange& fallback);
// Both name single days for their events (votes that are no report's day), none in common: within
// one article, two incidents.
bool days_apart(const std::vector<Vote>& a, const std::vector<Vote>& b);
// Dates within a day of each other (an unknown date matches any).
bool compatible(const DateRange& a, const DateRange& b);
// Merges events with the dates each was stated with (`event_votes[i]` for `events[i]`), then
// gives each merged event its id, summary and winning date.
std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes);

// Events of several targets stand at the target nearest to all the others, over the area they
// cover; at precision near when all lie within this distance of it, else region.
constexpr double near_area_radius_m = 15'000.0;

// An event's place from its targets: the one target's place when there is one; for several, the
// target nearest to all others (a real place, inside their area) as its place, the area they
// cover as its geometry, their names as its name, and a precision that says how far they spread.
void locate_at_targets(Event& e);

// The places an event is at: its targets' ids, or its place id when it has no targets.
std::vector<std::string_view> target_ids(const Event& e);
// Two reports name the same targets, or one names some of the other's: "Sotk and Norabak" and
// "Sotk" are one incident, "Sotk and Norabak" and "Sotk and Tegh" are not.
bool same_targets(const Event& a, const Event& b);
// Adds the targets and origins `e` does not have yet, and places it again.
void add_event_places(Event& e, const std::vector<EventPlace>& targets,
                      const std::vector<EventPlace>& origins);

// "Shelling at Sotk; armenia reports 3-4 wounded; azerbaijan reports 1 killed (disputed)"
std::string event_summary(const Event& e);
// Events of several articles: each event's date is one vote, weighted by its sources.
std::vector<Event> merge_events_impl(std::vector<Event> events);

} // namespace sitmap::geo::detail
