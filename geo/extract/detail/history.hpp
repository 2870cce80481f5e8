#pragma once
// History, habit and tense: sentences that are not about the reported events, and which of a
// sentence's dates is the date of its events. The words are data: data/lexicon/en/history_cues.tsv.

#include "geo/dates/dates.hpp"
#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/detail/triggers.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::geo::detail {

// News is what happened within about half a year before publication; a date further back is
// history ("in 2020", "in November 2021"), and an event is not dated by it.
constexpr std::chrono::days news_period{180};

// Sentences about the past rather than the reported events: an old date ("in 2020", "last year",
// "since the 1990s", "last month"), a past war ("the 44-day war"), decades. A sentence that also
// names a recent day for its events ("killed on Friday, the worst since the 2020 war") is news.
bool is_history(std::string_view sentence, std::chrono::year_month_day published);
// The same with the sentence tokenised and its dates already found.
bool is_history(const TokenizedSentence& sentence, std::chrono::year_month_day published,
                const std::vector<DateMention>& dates);

// Where a closing relative clause begins: the last ", which", ", where", ", when" or ", whose"
// after which the sentence has no other comma ("... in the direction of the Kelbajar district,
// which passed under Azerbaijani control at the end of the 2020 war."): byte offset of its comma.
std::optional<std::size_t> closing_relative_clause(const TokenizedSentence& sentence);

// The clause "since ... <date>" recalling an earlier event that a comparison starts from ("the
// worst escalation since troops crossed into Syunik on May 12"): its byte range in the sentence,
// from "since" to the end of the date; nullopt when `d` is not such a date, or is within two days
// of publication ("fighting has gone on since Monday" dates what goes on).
std::optional<std::pair<std::size_t, std::size_t>>
recalled_since_clause(const TokenizedSentence& sentence, const DateMention& d,
                      std::chrono::year_month_day published);

// A picture's caption with its credit ("Homes behind a barricade in Yeraskh (Photo: Office of
// the Ombudsman)", "... Photo: A. Name.", "(photo credit: AGENCY)"): it describes a photograph,
// not the reported events.
bool is_photo_caption(std::string_view sentence);

// Habitual statements ("clashes regularly take place", "nightly gunfire for almost a month"),
// unless the sentence names the day of its events ("periodically fired at 13:05 on 16 December").
bool is_habitual(const TokenizedSentence& sentence, const std::vector<DateMention>& dates);
bool is_habitual(const TokenizedSentence& sentence);
bool is_habitual(std::string_view sentence); // tokenises it first

// "will meet", "is expected", "planned for", "ahead of": weekdays read forward.
bool is_future(const TokenizedSentence& sentence);
bool is_future(std::string_view sentence); // tokenises it first

// Date `d` of the sentence dates the report rather than its events: right after a speech verb
// ("said on Monday", "said in a statement on 14 September"), right before one ("Baku on Friday
// said"), or opening a sentence whose main verb is one, before any incident trigger ("On
// Wednesday, Baku accused ...", "Earlier today, the ministry reported that ...").
bool is_report_date(const TokenizedSentence& sentence, const DateMention& d,
                    const std::vector<TriggerHit>& triggers);

// The date of a sentence's incident among its recent dates: a date of the events over the report's
// own, a day or a short run of days over a vaguer week or month, then the nearest to an incident
// trigger; a run of days ("from 22:20 on 11 August to 00:05 on 12 August") over a day it holds.
// nullptr when the sentence has no date.
const DateMention* incident_date(const TokenizedSentence& sentence,
                                 const std::vector<DateMention>& dates,
                                 const std::vector<TriggerHit>& triggers);

} // namespace sitmap::geo::detail
