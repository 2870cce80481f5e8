#pragma once
// Casualty figures: how many killed and wounded a sentence states.

#include "geo/extract/detail/sentence.hpp"

#include <optional>
#include <string_view>

namespace sitmap::geo::detail {

// Killed and wounded as stated: "three soldiers were injured" -> wounded 3, "killing another"
// -> killed 1, "no casualties" -> 0 and 0. Durations ("four days ago") are not counts.
struct Casualties {
    std::optional<int> killed;
    std::optional<int> wounded;
};
Casualties find_casualties(const TokenizedSentence& sentence);
Casualties find_casualties(std::string_view sentence); // tokenises it first

} // namespace sitmap::geo::detail
