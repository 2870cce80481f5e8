// Trigger words: the incident vocabulary of this conflict's reporting, checkpoints, blockades and
// the context of incidents (talks, statements, missions), read from data/lexicon/en/triggers.tsv.

#include "geo/extract/detail/triggers.hpp"

#include "geo/core/error.hpp"
#include "geo/extract/detail/words.hpp"
#include "geo/text/lexicon.hpp"

#include <algorithm>
#include <array>

namespace sitmap::geo::detail {
namespace {

// An attack verb at most this many tokens before a vehicle noun is an attack on the vehicle
// ("fired at an ambulance", "targeted a civilian truck").
constexpr std::size_t vehicle_verb_window = 5;

struct TriggerPattern {
    std::vector<std::string> words; // a trailing '*' matches a prefix, '?' any one word
    Trigger trigger = Trigger::incident;
    EventKind kind = EventKind::armed_clash;
    Evidence evidence = Evidence::act;
};

std::vector<std::string> split_words(std::string_view phrase) {
    std::vector<std::string> words;
    while (!phrase.empty()) {
        const std::size_t sp = phrase.find(' ');
        if (sp != 0) {
            words.emplace_back(phrase.substr(0, sp));
        }
        phrase.remove_prefix(sp == std::string_view::npos ? phrase.size() : sp + 1);
    }
    return words;
}

Trigger trigger_from_string(std::string_view s) {
    static constexpr std::array<std::pair<std::string_view, Trigger>, 7> names{{
        {"incident", Trigger::incident},
        {"checkpoint", Trigger::checkpoint},
        {"blockade", Trigger::blockade},
        {"handover", Trigger::handover},
        {"talks", Trigger::talks},
        {"statement", Trigger::statement},
        {"mission", Trigger::mission},
    }};
    for (const auto& [name, t] : names) {
        if (s == name) {
            return t;
        }
    }
    throw Error(ErrorKind::internal, "triggers.tsv: unknown trigger '" + std::string(s) + "'");
}

// The trigger table of data/lexicon/en/triggers.tsv, in file order (the first pattern that matches
// at a token wins).
const std::vector<TriggerPattern>& trigger_patterns() {
    static const std::vector<TriggerPattern> patterns = [] {
        std::vector<TriggerPattern> all;
        for (const text::LexiconEntry& e : text::Lexicon::get("en", "triggers").entries()) {
            if (e.values.size() < 3) {
                throw Error(ErrorKind::internal, "triggers.tsv: '" + e.key +
                                                     "' needs a trigger, a kind and an evidence");
            }
            TriggerPattern p;
            p.words = split_words(e.key);
            if (p.words.empty() || p.words.front() == "?") {
                throw Error(ErrorKind::internal, "triggers.tsv: '" + e.key + "' starts with '?'");
            }
            p.trigger = trigger_from_string(e.values[0]);
            p.kind = event_kind_from_string(e.values[1]);
            p.evidence = e.values[2] == "weapon" ? Evidence::weapon : Evidence::act;
            all.push_back(std::move(p));
        }
        return all;
    }();
    return patterns;
}

// The words of trigger_cues.tsv with a given cue.
const PhraseList& cue_words(std::string_view cue) {
    struct Cues {
        PhraseList vehicle, vehicle_verb, closes, installs, begins, deploys, not_territory;
    };
    static const Cues cues{
        PhraseList(phrases_of_class("trigger_cues", "vehicle")),
        PhraseList(phrases_of_class("trigger_cues", "vehicle_verb")),
        PhraseList(phrases_of_class("trigger_cues", "closes")),
        PhraseList(phrases_of_class("trigger_cues", "installs")),
        PhraseList(phrases_of_class("trigger_cues", "begins")),
        PhraseList(phrases_of_class("trigger_cues", "deploys")),
        PhraseList(phrases_of_class("trigger_cues", "not_territory")),
    };
    if (cue == "vehicle") {
        return cues.vehicle;
    }
    if (cue == "vehicle_verb") {
        return cues.vehicle_verb;
    }
    if (cue == "closes") {
        return cues.closes;
    }
    if (cue == "installs") {
        return cues.installs;
    }
    if (cue == "begins") {
        return cues.begins;
    }
    if (cue == "not_territory") {
        return cues.not_territory;
    }
    return cues.deploys;
}

// Words inside one pattern may be separated by spaces or a hyphen only ("small-arms").
bool joins(std::string_view gap) {
    return !gap.empty() &&
           std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-'; });
}

char lower_initial(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Patterns by the first letter of their first word, in table order.
const std::array<std::vector<const TriggerPattern*>, 128>& patterns_by_letter() {
    static const auto index = [] {
        std::array<std::vector<const TriggerPattern*>, 128> idx;
        for (const TriggerPattern& p : trigger_patterns()) {
            idx[static_cast<unsigned char>(p.words.front()[0]) & 0x7F].push_back(&p);
        }
        return idx;
    }();
    return index;
}

// The words of pattern p match the tokens from i on, joined by spaces or hyphens; "fire" is never
// the second half of "cease-fire". Returns the index past the last token matched, or 0.
std::size_t words_match(const TokenizedSentence& sentence, std::size_t i, const TriggerPattern& p) {
    const std::vector<Token>& tokens = sentence.tokens;
    std::size_t j = i;
    for (const std::string& w : p.words) {
        if (j >= tokens.size() || !word_matches(tokens[j].text, w) ||
            (j > i && !joins(gap_between(sentence.text, tokens[j - 1], tokens[j])))) {
            return 0;
        }
        if (istarts_with(w, "fire") && j > 0 && iequals(tokens[j - 1].text, "cease")) {
            return 0;
        }
        ++j;
    }
    // "fire" that ends a pattern is no fire service: "the Azerbaijani fire brigade".
    if (iequals(p.words.back(), "fire") && j < tokens.size() &&
        is_one_of(tokens[j].text,
                  {"brigade", "brigades", "service", "services", "station", "department", "truck",
                   "trucks", "engine", "engines", "fighters", "fighter", "safety", "alarm"})) {
        return 0;
    }
    return j;
}

// The pattern that matches at token i, if any: the first in table order.
std::optional<TriggerHit> pattern_at(const TokenizedSentence& sentence, std::size_t i) {
    const std::vector<Token>& tokens = sentence.tokens;
    const char c0 = lower_initial(tokens[i].text[0]);
    for (const TriggerPattern* pp : patterns_by_letter()[static_cast<unsigned char>(c0) & 0x7F]) {
        const TriggerPattern& p = *pp;
        const std::string& first = p.words.front();
        // Second letter before the full comparison: most candidates fail here.
        if (first.size() > 1 && first[1] != '*') {
            if (tokens[i].text.size() < 2 || lower_initial(tokens[i].text[1]) != first[1]) {
                continue;
            }
        }
        if (const std::size_t j = words_match(sentence, i, p); j > i) {
            return TriggerHit{p.trigger, p.kind, p.evidence, tokens[i].begin, tokens[j - 1].end};
        }
    }
    return std::nullopt;
}

// An attack on a vehicle: an attack verb shortly before a vehicle noun.
void add_vehicle_attacks(const std::vector<Token>& tokens, std::vector<TriggerHit>& hits) {
    const PhraseList& vehicles = cue_words("vehicle");
    const PhraseList& verbs = cue_words("vehicle_verb");
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (vehicles.match_at(tokens, i) == 0) {
            continue;
        }
        for (std::size_t j = i >= vehicle_verb_window ? i - vehicle_verb_window : 0; j < i; ++j) {
            if (verbs.match_at(tokens, j) > 0) {
                hits.push_back(TriggerHit{Trigger::incident, EventKind::vehicle_attack,
                                          Evidence::act, tokens[j].begin, tokens[i].end});
                break;
            }
        }
    }
}

// Checkpoints are installed or closed; blockades begin; missions are deployed. Without such a
// verb the noun is only background ("the blockade", "the mission will last"): those hits are
// dropped, and a checkpoint's kind says which it was. A hand-over is of territory: not in a
// sentence of fire (troops "took control of" heights in a battle) nor of prisoners or bodies
// handed over.
std::vector<TriggerHit> without_background_nouns(const TokenizedSentence& sentence,
                                                 const std::vector<TriggerHit>& hits) {
    const std::vector<Token>& tokens = sentence.tokens;
    const bool background_nouns = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
        return h.trigger == Trigger::checkpoint || h.trigger == Trigger::blockade ||
               h.trigger == Trigger::mission;
    });
    bool closes = false;
    bool installs = false;
    bool begins = false;
    bool deploys = false;
    const bool fire = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
        return h.trigger == Trigger::incident;
    });
    const bool handover = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
        return h.trigger == Trigger::handover;
    });
    const bool not_territory = handover && cue_words("not_territory").any_in(tokens);
    if (background_nouns) {
        closes = cue_words("closes").any_in(tokens);
        installs = cue_words("installs").any_in(tokens);
        begins = cue_words("begins").any_in(tokens);
        deploys = cue_words("deploys").any_in(tokens);
    }
    std::vector<TriggerHit> kept;
    for (TriggerHit h : hits) {
        if (h.trigger == Trigger::checkpoint) {
            if (!closes && !installs) {
                continue;
            }
            h.kind = closes ? EventKind::checkpoint_closed : EventKind::checkpoint_installed;
        } else if (h.trigger == Trigger::blockade) {
            const std::string_view w = sentence.text.substr(h.begin, h.end - h.begin);
            if (iequals(w, "blockade") && !begins) {
                continue;
            }
        } else if (h.trigger == Trigger::mission && !deploys) {
            continue;
        } else if (h.trigger == Trigger::handover && (fire || not_territory)) {
            continue;
        }
        kept.push_back(h);
    }
    return kept;
}

} // namespace

bool names_an_event(Trigger t) {
    return t == Trigger::incident || t == Trigger::checkpoint || t == Trigger::blockade ||
           t == Trigger::handover;
}

bool installed_in_perfect(const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    const PhraseList& installs = cue_words("installs");
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (installs.match_at(tokens, i) > 0 &&
            is_one_of(tokens[i - 1].text, {"have", "has", "had"})) {
            return true;
        }
    }
    return false;
}

bool word_matches(std::string_view token, std::string_view pattern) {
    if (pattern == "?") {
        return true;
    }
    if (!pattern.empty() && pattern.back() == '*') {
        return istarts_with(token, pattern.substr(0, pattern.size() - 1));
    }
    return iequals(token, pattern);
}

PhraseList::PhraseList(const std::vector<std::string>& phrases) {
    for (const std::string& p : phrases) {
        if (std::vector<std::string> words = split_words(p); !words.empty()) {
            m_phrases.push_back(std::move(words));
        }
    }
    for (std::size_t k = 0; k < m_phrases.size(); ++k) {
        const std::string& first = m_phrases[k].front();
        const auto index = static_cast<std::uint32_t>(k);
        // A word that matches whatever a token starts with: any word, any prefix, or (the empty
        // word) only an empty token, which has no first byte and is matched against every phrase.
        if (first.empty() || first == "?" || first.front() == '*') {
            for (std::vector<std::uint32_t>& list : m_by_first_byte) {
                list.push_back(index);
            }
        } else {
            m_by_first_byte[static_cast<unsigned char>(fold_ascii(first.front()))].push_back(index);
        }
    }
}

std::size_t PhraseList::match_at(const std::vector<Token>& tokens, std::size_t i) const {
    const auto matches = [&](const std::vector<std::string>& words) {
        if (i + words.size() > tokens.size()) {
            return false;
        }
        std::size_t k = 0;
        while (k < words.size() && word_matches(tokens[i + k].text, words[k])) {
            ++k;
        }
        return k == words.size();
    };
    if (i < tokens.size() && !tokens[i].text.empty()) {
        const unsigned char b = static_cast<unsigned char>(fold_ascii(tokens[i].text.front()));
        for (const std::uint32_t k : m_by_first_byte[b]) {
            if (matches(m_phrases[k])) {
                return m_phrases[k].size();
            }
        }
        return 0;
    }
    for (const std::vector<std::string>& words : m_phrases) {
        if (matches(words)) {
            return words.size();
        }
    }
    return 0;
}

bool PhraseList::any_in(const std::vector<Token>& tokens) const {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (match_at(tokens, i) > 0) {
            return true;
        }
    }
    return false;
}

bool PhraseList::any_between(const std::vector<Token>& tokens, std::size_t from,
                             std::size_t to) const {
    for (std::size_t i = 0; i < tokens.size() && tokens[i].begin < to; ++i) {
        if (tokens[i].begin >= from && match_at(tokens, i) > 0) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> phrases_of_class(std::string_view name, std::string_view cls) {
    std::vector<std::string> out;
    for (const text::LexiconEntry& e : text::Lexicon::get("en", name).entries()) {
        if (std::find(e.values.begin(), e.values.end(), cls) != e.values.end()) {
            out.push_back(e.key);
        }
    }
    return out;
}

std::vector<TriggerHit> find_triggers(const TokenizedSentence& sentence) {
    std::vector<TriggerHit> hits;
    for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
        if (const auto hit = pattern_at(sentence, i)) {
            hits.push_back(*hit);
        }
    }
    add_vehicle_attacks(sentence.tokens, hits);
    std::vector<TriggerHit> kept = without_background_nouns(sentence, hits);
    std::sort(kept.begin(), kept.end(),
              [](const TriggerHit& a, const TriggerHit& b) { return a.begin < b.begin; });
    return kept;
}

std::vector<TriggerHit> find_triggers(std::string_view sentence) {
    return find_triggers(TokenizedSentence(sentence));
}

int kind_priority(EventKind k) {
    switch (k) {
    case EventKind::shelling:
        return 7;
    case EventKind::mortar_fire:
        return 6;
    case EventKind::drone_strike:
        return 5;
    case EventKind::small_arms_fire:
        return 4;
    case EventKind::vehicle_attack:
        return 3;
    case EventKind::armed_clash:
        return 2;
    case EventKind::casualties:
        return 1;
    default:
        return 0;
    }
}

namespace {

// Among acts with no weapon named, clashes and fighting say more than one side's "opened fire":
// both sides fired. Weapons named keep kind_priority.
int act_priority(EventKind k) {
    switch (k) {
    case EventKind::shelling:
        return 5;
    case EventKind::vehicle_attack:
        return 4;
    case EventKind::armed_clash:
        return 3;
    case EventKind::small_arms_fire:
        return 2;
    case EventKind::casualties:
        return 1;
    default:
        return kind_priority(k);
    }
}

} // namespace

std::optional<EventKind> sentence_kind(const std::vector<TriggerHit>& hits) {
    std::optional<EventKind> best;
    Evidence evidence = Evidence::act;
    for (const TriggerHit& h : hits) {
        if (h.trigger == Trigger::incident &&
            (!best || more_specific(h.kind, h.evidence, *best, evidence))) {
            best = h.kind;
            evidence = h.evidence;
        }
    }
    return best;
}

Evidence sentence_evidence(const std::vector<TriggerHit>& hits) {
    const bool weapon = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
        return h.trigger == Trigger::incident && h.evidence == Evidence::weapon;
    });
    return weapon ? Evidence::weapon : Evidence::act;
}

bool more_specific(EventKind a, Evidence ea, EventKind b, Evidence eb) {
    if (ea != eb) {
        return ea == Evidence::weapon;
    }
    return ea == Evidence::weapon ? kind_priority(a) > kind_priority(b)
                                  : act_priority(a) > act_priority(b);
}

std::optional<EventKind> incident_kind(std::string_view sentence) {
    return sentence_kind(find_triggers(sentence));
}

} // namespace sitmap::geo::detail
