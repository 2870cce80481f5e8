#pragma once
// Trigger words: what a sentence is about (fire, a checkpoint, talks...) and where in it.

#include "geo/core/event.hpp"
#include "geo/extract/detail/sentence.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// What a sentence is about, from its trigger words.
enum class Trigger {
    incident,   // a weapon, fire, clash, killing or wounding
    checkpoint, // a checkpoint installed or closed
    blockade,   // a blockade begun, a road blocked
    talks,      // talks, negotiations, summit, meeting
    statement,  // a speech or statement
    mission,    // a mission deployed or dispatched
};

struct TriggerHit {
    Trigger trigger = Trigger::incident;
    EventKind kind = EventKind::armed_clash; // the most specific kind for incidents
    std::size_t begin = 0;                   // byte offsets into the sentence
    std::size_t end = 0;
};

// Every trigger in a sentence, in order. Must-not-fire cases: "ceasefire", "drone footage",
// "the laws of war".
std::vector<TriggerHit> find_triggers(const TokenizedSentence& sentence);
std::vector<TriggerHit> find_triggers(std::string_view sentence); // tokenises it first

// The incident kind a sentence describes (the most specific weapon), if any.
std::optional<EventKind> incident_kind(std::string_view sentence);

// Merge priority of incident kinds: a clash reported as artillery by one side and as gunfire by the
// other is shelling (the most specific weapon).
int kind_priority(EventKind kind);

} // namespace sitmap::geo::detail
