#pragma once
// Internals of extraction: the rules that turn sentences and place mentions into events and
// claims. Exposed for unit tests; the public interface is geo/extract/extract.hpp.

#include "geo/dates/dates.hpp"
#include "geo/text/tokens.hpp"
#include "geo/extract/extract.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// The rules work on tokens and sentences of geo/text.
using text::gap_between;
using text::iequals;
using text::istarts_with;
using text::lower_ascii;
using text::number_at;
using text::parse_number_word;
using text::Sentence;
using text::split_sentences;
using text::Token;
using text::tokenize;

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
std::vector<TriggerHit> find_triggers(std::string_view sentence);

// The incident kind a sentence describes (the most specific weapon), if any.
std::optional<EventKind> incident_kind(std::string_view sentence);

// Killed and wounded as stated: "three soldiers were injured" -> wounded 3, "killing another"
// -> killed 1, "no casualties" -> 0 and 0. Durations ("four days ago") are not counts.
struct Casualties {
    std::optional<int> killed;
    std::optional<int> wounded;
};
Casualties find_casualties(std::string_view sentence);

// Sentences about the past rather than the reported events ("the war of the 1990s") and habitual
// statements ("clashes regularly take place").
bool is_history(std::string_view sentence, std::chrono::year_month_day published);
// The same with the sentence's dates already found.
bool is_history(std::string_view sentence, std::chrono::year_month_day published,
                const std::vector<DateMention>& dates);
bool is_habitual(std::string_view sentence);
// "will meet", "is expected", "planned for", "ahead of": weekdays read forward.
bool is_future(std::string_view sentence);
// "denied", "rejected", "baseless", "disinformation", "not true".
bool is_denial(const std::vector<Token>& tokens);

// Who says what in one sentence. `previous` is the last speaker in the article, for "it said",
// "the ministry notes", "he said". Mentions carry their roles (actors: "Baku accused").
struct Speaker {
    std::string who;
    Side side = Side::unknown;
    enum class Type { organisation, person, government, group } type = Type::organisation;
};
struct ClaimContext {
    std::optional<Speaker> last_organisation;
    std::optional<Speaker> last_person;
    std::optional<Speaker> last_any;
    std::size_t sentence = 0; // index of the sentence being read (set by caller)
    std::optional<std::size_t> last_claim_sentence; // where the last named speaker spoke
};
std::vector<Claim> find_claims(std::string_view sentence, const std::vector<PlaceMention>& mentions,
                               std::size_t sentence_begin, ClaimContext& context);

// The role of each mention in a sentence: actor ("Baku accused Yerevan"), part of a name ("the
// Ministry of Defense of Armenia"), incident or context location ("talks in Washington").
// `mentions` are those of this sentence, with offsets into the article.
void assign_roles(std::string_view article, std::size_t sentence_begin, std::string_view sentence,
                  const std::vector<TriggerHit>& triggers, bool history,
                  std::vector<PlaceMention>& mentions);

// Helpers shared by the roles, pipeline and merge files.
const Place* mention_place(const PlaceMention& m); // the resolved place, or nullptr
bool is_abroad(const Place& p);                    // outside Armenia and Azerbaijan
bool is_locative_preposition(std::string_view w);  // in, at, near, from...
bool is_locative_filler(std::string_view w);       // the, village, of, eastern...
std::size_t span_distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2);

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
std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes);

// The side a country code stands for ("AM" -> armenia).
Side side_of_country(std::string_view iso2);

// Merge priority of incident kinds: a clash reported as artillery by one side and as gunfire by the
// other is shelling (the most specific weapon).
int kind_priority(EventKind kind);

// "Shelling at Sotk; armenia reports 3-4 wounded; azerbaijan reports 1 killed (disputed)"
std::string event_summary(const Event& e);
std::vector<Event> merge_events_impl(std::vector<Event> events);

// The whole pipeline on one article whose mentions were found by the geocoder.
Extraction extract_events(const Article& article, const std::vector<TextMention>& mentions);

} // namespace sitmap::geo::detail
