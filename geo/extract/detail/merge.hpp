#pragma once
// Merging what is one event: the same place (or a village inside a region-level place), the same
// class of kind, dates within a day; every claim and source kept, dates decided by vote.

#include "geo/core/event.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sitmap::geo::detail {

// A date stated for an event by one sentence (or, across articles, by one event).
struct Vote {
    DateRange date;
    std::size_t weight = 1;
    SourceRef where; // ties go to the date stated first (an article's lead states its news)
};
// A short stated range over one of its days, a day over a month or vague period, then the most
// votes, then the first stated.
DateRange best_date(const std::vector<Vote>& votes, const DateRange& fallback);
// Dates within a day of each other (an unknown date matches any).
bool compatible(const DateRange& a, const DateRange& b);
// Merges events with the dates each was stated with (`event_votes[i]` for `events[i]`), then
// gives each merged event its id, summary and winning date.
std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes);

// "Shelling at Sotk; armenia reports 3-4 wounded; azerbaijan reports 1 killed (disputed)"
std::string event_summary(const Event& e);
// Events of several articles: each event's date is one vote, weighted by its sources.
std::vector<Event> merge_events_impl(std::vector<Event> events);

} // namespace sitmap::geo::detail
