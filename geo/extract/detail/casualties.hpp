#pragma once
// Casualty figures: how many killed and wounded a sentence states, and where.

#include "geo/extract/detail/sentence.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

enum class Toll { killed, wounded };

// One figure as stated, with the tokens of its phrase [first, last]: the count, the people counted
// and the word of killing or wounding ("three Armenian soldiers were injured"), where claims look
// for whose losses they are. "No casualties" is two figures of 0, killed and wounded.
struct Figure {
    Toll toll = Toll::killed;
    int count = 0;
    std::size_t first = 0;
    std::size_t last = 0;
};

// Every figure of a sentence, in order: "three soldiers were injured", "killing another", "one
// killed and two wounded", "the soldier died", "Lieutenant A, Major B and Lieutenant C were
// killed", "the death of one soldier", "no casualties". Durations ("four days ago") and vague words
// ("hundreds", "the Armenian side has casualties") are not counts.
std::vector<Figure> find_figures(const TokenizedSentence& sentence);

// Killed and wounded as stated: the largest figure of each toll.
struct Casualties {
    std::optional<int> killed;
    std::optional<int> wounded;
};
Casualties casualties_of(const std::vector<Figure>& figures);
Casualties find_casualties(const TokenizedSentence& sentence);
Casualties find_casualties(std::string_view sentence); // tokenises it first

} // namespace sitmap::geo::detail
