// Casualty figures: counts before or after a word of killing or wounding ("three soldiers were
// injured", "killing another"), "no casualties", and what is not a count ("two days ago").

#include "geo/extract/detail/casualties.hpp"

#include <algorithm>
#include <array>

namespace sitmap::geo::detail {
namespace {

// A count stands at most this many tokens before its word ("three Armenian contract soldiers
// were injured"); further back it belongs to something else.
constexpr std::size_t count_reach_before = 8;
// A person noun within this many tokens after a count makes it a count of people ("two of its
// soldiers").
constexpr std::size_t person_noun_reach = 4;
// "a soldier", "an Armenian serviceman": "a" counts only with a person noun this close after it.
constexpr std::size_t article_noun_reach = 3;
// "no casualties", "without reporting any losses": a negation this many tokens before the noun.
constexpr std::size_t negation_reach = 4;

bool is_person_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 32> nouns{
        "soldier",   "soldiers",  "serviceman", "servicemen", "service",    "members",
        "member",    "troops",    "people",     "persons",    "person",     "civilian",
        "civilians", "man",       "men",        "woman",      "women",      "child",
        "children",  "officer",   "officers",   "conscript",  "conscripts", "residents",
        "resident",  "villagers", "guards",     "guard",      "personnel",  "servicemembers",
        "others",    "other"};
    return std::any_of(nouns.begin(), nouns.end(),
                       [&](std::string_view n) { return iequals(w, n); });
}

bool is_time_unit(std::string_view w) {
    for (std::string_view u : {"day", "days", "week", "weeks", "month", "months", "year", "years",
                               "hour", "hours", "minutes", "decades"}) {
        if (iequals(w, u)) {
            return true;
        }
    }
    return false;
}

enum class Toll { killed, wounded };

std::optional<Toll> toll_word(std::string_view w) {
    for (std::string_view k : {"killed", "killing", "kill", "dead", "died", "deaths", "death",
                               "martyred", "martyr", "martyrs"}) {
        if (iequals(w, k)) {
            return Toll::killed;
        }
    }
    for (std::string_view k :
         {"wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", "wound"}) {
        if (iequals(w, k)) {
            return Toll::wounded;
        }
    }
    return std::nullopt;
}

bool transitive_form(std::string_view w) {
    for (std::string_view k :
         {"killed", "killing", "kill", "wounded", "wounding", "injured", "injuring", "left"}) {
        if (iequals(w, k)) {
            return true;
        }
    }
    return false;
}

// A count that is part of a noun phrase of people, or stands alone before "were"/"dead".
std::optional<int> count_before(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t k) {
    const std::size_t stop = k >= count_reach_before ? k - count_reach_before : 0;
    for (std::size_t j = k; j-- > stop;) {
        if (toll_word(tokens[j].text) && j + 1 != k) {
            return std::nullopt; // another figure's word: the count belongs to it
        }
        std::size_t used = 0;
        const auto n = number_at(tokens, j, text, used);
        if (!n) {
            continue;
        }
        const std::size_t after = j + used;
        if (after < tokens.size() && is_time_unit(tokens[after].text)) {
            return std::nullopt;
        }
        // "286 dead", "30,000 deaths"
        if (after == k) {
            if (iequals(tokens[j].text, "a") || iequals(tokens[j].text, "an")) {
                continue;
            }
            return n;
        }
        for (std::size_t p = after; p < std::min(k, after + person_noun_reach); ++p) {
            if (is_person_noun(tokens[p].text)) {
                return n;
            }
        }
        // "three were killed"
        if (after < k &&
            (iequals(tokens[after].text, "were") || iequals(tokens[after].text, "was"))) {
            if (!iequals(tokens[j].text, "a") && !iequals(tokens[j].text, "an")) {
                return n;
            }
        }
    }
    return std::nullopt;
}

// "killing another", "injuring one Azerbaijani soldier", "killed one person", "wounded four".
std::optional<int> count_after(const std::vector<Token>& tokens, std::string_view text,
                               std::size_t k) {
    std::size_t j = k + 1;
    // "at least", "more than", "up to"
    if (j + 1 < tokens.size() &&
        ((iequals(tokens[j].text, "at") && iequals(tokens[j + 1].text, "least")) ||
         (iequals(tokens[j].text, "more") && iequals(tokens[j + 1].text, "than")) ||
         (iequals(tokens[j].text, "up") && iequals(tokens[j + 1].text, "to")))) {
        j += 2;
    }
    std::size_t used = 0;
    const auto n = number_at(tokens, j, text, used);
    if (!n) {
        return std::nullopt;
    }
    const std::size_t after = j + used;
    // "two days ago" is a time, not a count; "a soldier" needs its noun.
    if (after < tokens.size() && is_time_unit(tokens[after].text) && after + 1 < tokens.size() &&
        (iequals(tokens[after + 1].text, "ago") || iequals(tokens[after + 1].text, "later") ||
         iequals(tokens[after + 1].text, "earlier"))) {
        return std::nullopt;
    }
    const bool article = iequals(tokens[j].text, "a") || iequals(tokens[j].text, "an");
    if (article) {
        for (std::size_t p = after; p < std::min(tokens.size(), after + article_noun_reach); ++p) {
            if (is_person_noun(tokens[p].text)) {
                return n;
            }
        }
        return std::nullopt;
    }
    return n;
}

} // namespace

Casualties find_casualties(const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    Casualties out;
    const auto set = [](std::optional<int>& slot, int n) { slot = std::max(slot.value_or(0), n); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view w = tokens[k].text;
        // "no casualties", "without (reporting) any losses", "neither side reported casualties"
        if (iequals(w, "casualties") || iequals(w, "losses") || iequals(w, "casualty")) {
            bool none = false;
            for (std::size_t j = k >= negation_reach ? k - negation_reach : 0; j < k; ++j) {
                const std::string_view p = tokens[j].text;
                none = none || iequals(p, "no") || iequals(p, "without") || iequals(p, "neither") ||
                       iequals(p, "zero") || iequals(p, "any");
            }
            if (none) {
                set(out.killed, 0);
                set(out.wounded, 0);
            }
            continue;
        }
        const auto toll = toll_word(w);
        if (!toll) {
            continue;
        }
        // "fatally wounded" is a death.
        auto slot = *toll == Toll::killed ? &out.killed : &out.wounded;
        if (*toll == Toll::wounded && k > 0 &&
            (iequals(tokens[k - 1].text, "fatally") || iequals(tokens[k - 1].text, "mortally"))) {
            slot = &out.killed;
        }
        std::optional<int> n;
        if (transitive_form(w)) {
            n = count_after(tokens, sentence.text, k);
        }
        if (!n) {
            n = count_before(tokens, sentence.text, k);
        }
        // "lost their lives" is handled by the count before "lost".
        if (n) {
            set(*slot, *n);
        }
    }
    for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (iequals(tokens[k].text, "lost") && iequals(tokens[k + 2].text, "lives")) {
            if (const auto n = count_before(tokens, sentence.text, k)) {
                set(out.killed, *n);
            }
        }
    }
    return out;
}

Casualties find_casualties(std::string_view sentence) {
    return find_casualties(TokenizedSentence(sentence));
}

} // namespace sitmap::geo::detail
