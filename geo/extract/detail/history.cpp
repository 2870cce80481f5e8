// History, habit and tense: old dates and wars ("the war of the 1990s"), habits ("clashes
// regularly take place") and the future ("will meet on Sunday").

#include "geo/extract/detail/history.hpp"

namespace sitmap::geo::detail {
namespace {

using namespace std::chrono;

// An old date with one of these nouns at most this many bytes before it dates the noun, not
// the sentence ("an accord from November 2020").
constexpr std::size_t attached_date_reach = 40;

// An old date not attached to an agreement ("in 2020", but not "the accord of November 2020").
bool has_old_date(const TokenizedSentence& sentence, year_month_day published,
                  const std::vector<DateMention>& dates) {
    const sys_days cutoff = sys_days{published} - news_period;
    for (const DateMention& d : dates) {
        if (sys_days{d.date.end} >= cutoff) {
            continue;
        }
        bool attached = false;
        for (const Token& t : sentence.tokens) {
            if (t.end <= d.begin && t.end + attached_date_reach >= d.begin) {
                for (std::string_view n : {"accord", "agreement", "ceasefire", "deal", "statement",
                                           "declaration", "treaty", "truce", "trilateral"}) {
                    attached = attached || iequals(t.text, n);
                }
            }
        }
        if (!attached) {
            return true;
        }
    }
    return false;
}

// "decades", "centuries", and a past war: "the first war", "the war of the 1990s" (not "war
// crimes").
bool names_past_wars(const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        if (iequals(w, "decades") || iequals(w, "centuries")) {
            return true;
        }
        if (!(iequals(w, "war") || iequals(w, "wars")) || i == 0) {
            continue;
        }
        if (i + 1 < tokens.size() && istarts_with(tokens[i + 1].text, "crime")) {
            continue;
        }
        const std::string_view p = tokens[i - 1].text;
        for (std::string_view q : {"first", "second", "third", "two", "both", "karabakh", "day",
                                   "previous", "last", "the", "a", "patriotic", "those"}) {
            if (iequals(p, q)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

bool is_history(std::string_view sentence, year_month_day published) {
    return is_history(TokenizedSentence(sentence), published, find_dates(sentence, published));
}

bool is_history(const TokenizedSentence& sentence, year_month_day published,
                const std::vector<DateMention>& dates) {
    return has_old_date(sentence, published, dates) || names_past_wars(sentence.tokens);
}

bool is_habitual(const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        for (std::string_view h : {"regularly", "repeatedly", "frequently", "often", "routinely",
                                   "periodically", "several", "numerous"}) {
            if (iequals(w, h)) {
                return true;
            }
        }
        const std::string_view n = i + 1 < tokens.size() ? tokens[i + 1].text : std::string_view{};
        if ((iequals(w, "since") && iequals(n, "then")) ||
            (iequals(w, "recent") && (iequals(n, "months") || iequals(n, "years"))) ||
            (iequals(w, "for") && (iequals(n, "months") || iequals(n, "years"))) ||
            ((iequals(w, "hundreds") || iequals(w, "thousands")) && iequals(n, "of"))) {
            return true;
        }
    }
    return false;
}

bool is_habitual(std::string_view sentence) {
    return is_habitual(TokenizedSentence(sentence));
}

bool is_future(const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        for (std::string_view f : {"will", "ll", "expected", "planned", "plans", "scheduled",
                                   "upcoming", "next", "ahead", "due", "would"}) {
            if (iequals(w, f)) {
                return true;
            }
        }
        const std::string_view n = i + 1 < tokens.size() ? tokens[i + 1].text : std::string_view{};
        if ((iequals(w, "is") || iequals(w, "are") || iequals(w, "set") || iequals(w, "seeks") ||
             iequals(w, "going")) &&
            iequals(n, "to")) {
            return true;
        }
    }
    return false;
}

bool is_future(std::string_view sentence) {
    return is_future(TokenizedSentence(sentence));
}

} // namespace sitmap::geo::detail
