#pragma once
// Trigger words: what a sentence is about (fire, a checkpoint, talks...) and where in it. The
// words are data: data/lexicon/en/triggers.tsv and trigger_cues.tsv.

#include "geo/core/event.hpp"
#include "geo/extract/detail/sentence.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// What a sentence is about, from its trigger words.
enum class Trigger {
    incident,   // a weapon, fire, clash, killing or wounding
    checkpoint, // a checkpoint installed or closed
    blockade,   // a blockade begun, a road blocked or closed
    handover,   // villages or a town handed over or taken under control (not prisoners or bodies)
    talks,      // talks, negotiations, summit, meeting
    statement,  // a speech or statement
    mission,    // a mission deployed or dispatched
};

// How an incident trigger knows its kind: it names the weapon ("mortars", "small arms", "a
// drone") or only the act ("shelled", "opened fire", "clashes"). A weapon named anywhere in a
// sentence decides its kind over any act: "shelled ... using small arms" is small-arms fire.
enum class Evidence { weapon, act };

struct TriggerHit {
    Trigger trigger = Trigger::incident;
    EventKind kind = EventKind::armed_clash; // the most specific kind for incidents
    Evidence evidence = Evidence::act;
    std::size_t begin = 0; // byte offsets into the sentence
    std::size_t end = 0;
};

// Triggers of an event that happens at a place (fire, a checkpoint, a blockade, a hand-over), as
// against the context of events (talks, statements, missions).
bool names_an_event(Trigger t);

// Every trigger in a sentence, in order. Must-not-fire cases: "ceasefire", "drone footage",
// "the laws of war".
std::vector<TriggerHit> find_triggers(const TokenizedSentence& sentence);
std::vector<TriggerHit> find_triggers(std::string_view sentence); // tokenises it first

// A checkpoint set up told in the perfect, the news of the report ("forces have set up a
// checkpoint", "has installed"), not a noun of background ("condemned the setting up of").
bool installed_in_perfect(const TokenizedSentence& sentence);

// The incident kind of a sentence's triggers: the most specific weapon named, else the most
// specific act; nothing without an incident trigger.
std::optional<EventKind> sentence_kind(const std::vector<TriggerHit>& hits);
// Whether that kind comes from a weapon named (weapon) or only from an act (act).
Evidence sentence_evidence(const std::vector<TriggerHit>& hits);
// Reports of one incident in several sentences: is kind `a` (read with evidence `ea`) more specific
// than `b`? A weapon named over an act ("They used small arms" over "shelled" the sentence
// before), then kind_priority.
bool more_specific(EventKind a, Evidence ea, EventKind b, Evidence eb);
// The incident kind a sentence describes, if any (tokenises it and finds its triggers first).
std::optional<EventKind> incident_kind(std::string_view sentence);

// Merge priority of incident kinds: a clash reported as artillery by one side and as gunfire by the
// other is shelling (the most specific weapon).
int kind_priority(EventKind kind);

// A list of phrases as the word lists write them: words separated by single spaces, a trailing '*'
// matching a prefix, a lone '?' matching any one word. Matched on tokens, case-insensitively.
class PhraseList {
public:
    PhraseList() = default;
    explicit PhraseList(const std::vector<std::string>& phrases);

    // The number of tokens of the first phrase that matches at token i, or 0.
    std::size_t match_at(const std::vector<Token>& tokens, std::size_t i) const;
    // Does any phrase match anywhere in the tokens?
    bool any_in(const std::vector<Token>& tokens) const;
    // Does any phrase match at a token that begins in [from, to) (byte offsets)?
    bool any_between(const std::vector<Token>& tokens, std::size_t from, std::size_t to) const;

private:
    std::vector<std::vector<std::string>> m_phrases;
    // The phrases that may match at a token, by the token's first byte folded: those whose first
    // word starts with that byte, and those whose first word matches any token ('?', '*'); in list
    // order, so the first that matches is the list's first.
    std::array<std::vector<std::uint32_t>, 256> m_by_first_byte;
};

// Does `token` match the list word `pattern` (a trailing '*' matches a prefix, '?' anything)?
bool word_matches(std::string_view token, std::string_view pattern);

// The phrases of the list `name` (data/lexicon/en/<name>.tsv) whose second column is `cls`.
std::vector<std::string> phrases_of_class(std::string_view name, std::string_view cls);

} // namespace sitmap::geo::detail
