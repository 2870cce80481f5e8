#pragma once
// Roles of place mentions: actor ("Baku accused"), part of a name ("the Ministry of Defense of
// Armenia"), incident or context location ("talks in Washington"); and the helpers that read a
// mention in its sentence.

#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/detail/triggers.hpp"
#include "geo/extract/extract.hpp"

#include <cstddef>
#include <vector>

namespace sitmap::geo::detail {

// The role of each mention in a sentence: actor ("Baku accused Yerevan"), part of a name ("the
// Ministry of Defense of Armenia"), incident or context location ("talks in Washington").
// `mentions` are those of this sentence, with offsets into the article.
void assign_roles(const TokenizedSentence& sentence, const std::vector<TriggerHit>& triggers,
                  bool history, std::vector<PlaceMention>& mentions);

// The resolved place of a mention, or nullptr.
const Place* mention_place(const PlaceMention& m);

// Outside Armenia and Azerbaijan.
bool is_abroad(const Place& p);

// The distance in bytes between two spans [b1, e1) and [b2, e2) (0 when they overlap).
std::size_t span_distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2);

// The tokens of a mention in its sentence, [first, last]; a possessive "'s" is not part of the
// name ("Azerbaijan’s").
struct MentionSpan {
    std::size_t first = 0;
    std::size_t last = 0;
};
MentionSpan mention_tokens(const PlaceMention& m, const TokenizedSentence& sentence);

} // namespace sitmap::geo::detail
