#pragma once
// History, habit and tense: sentences that are not about the reported events.

#include "geo/dates/dates.hpp"
#include "geo/extract/detail/sentence.hpp"

#include <chrono>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// News is what happened within about half a year before publication; a date further back is
// history ("in 2020", "in November 2021"), and an event is not dated by it.
constexpr std::chrono::days news_period{180};

// Sentences about the past rather than the reported events ("the war of the 1990s").
bool is_history(std::string_view sentence, std::chrono::year_month_day published);
// The same with the sentence tokenised and its dates already found.
bool is_history(const TokenizedSentence& sentence, std::chrono::year_month_day published,
                const std::vector<DateMention>& dates);

// Habitual statements ("clashes regularly take place").
bool is_habitual(const TokenizedSentence& sentence);
bool is_habitual(std::string_view sentence); // tokenises it first

// "will meet", "is expected", "planned for", "ahead of": weekdays read forward.
bool is_future(const TokenizedSentence& sentence);
bool is_future(std::string_view sentence); // tokenises it first

} // namespace sitmap::geo::detail
