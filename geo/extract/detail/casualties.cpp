// Casualty figures: counts before or after a word of killing or wounding ("three soldiers were
// injured", "killing another"), the person a singular subject names ("the soldier died"), lists
// of named soldiers, "no casualties", and what is not a count ("two days ago").

#include "geo/extract/detail/casualties.hpp"

#include "geo/extract/detail/words.hpp"

#include <algorithm>

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
// "the soldier, Vanik Ghazarian, died", "a soldier of the State Border Service serving at the
// exit point ... was injured": the subject's noun is looked for this many tokens back.
constexpr std::size_t subject_reach = 20;
// "suffered a gunshot wound": the verb of receiving stands this many tokens before the noun.
constexpr std::size_t receive_reach = 4;
// "no losses among the military personnel and equipment of the Azerbaijan Army": whose
// losses a negated figure speaks of is said this many tokens after it.
constexpr std::size_t among_reach = 10;

enum class Form { verb, state, noun };

struct TollWord {
    Toll toll = Toll::killed;
    Form form = Form::verb;
};

std::optional<TollWord> toll_word(std::string_view w) {
    static const WordList list("casualty_words");
    const auto* v = list.find(w);
    if (v == nullptr) {
        return std::nullopt;
    }
    TollWord t;
    t.toll = column(v, 0) == "wounded" ? Toll::wounded : Toll::killed;
    const std::string_view form = column(v, 1);
    t.form = form == "noun" ? Form::noun : form == "state" ? Form::state : Form::verb;
    return t;
}

enum class Number { singular, plural };
enum class PersonKind { person, counted, rank };

struct PersonNoun {
    Number number = Number::singular;
    PersonKind kind = PersonKind::person;
};

// A noun of people at token j: "soldiers", "Sergeant"; "private" and "major" only as titles
// before a capitalised name.
std::optional<PersonNoun> person_noun(const std::vector<Token>& tokens, std::size_t j) {
    static const WordList list("person_nouns");
    const auto* v = list.find(tokens[j].text);
    if (v == nullptr) {
        return std::nullopt;
    }
    PersonNoun p;
    p.number = column(v, 0) == "plural" ? Number::plural : Number::singular;
    const std::string_view kind = column(v, 1);
    if (kind == "rank-name") {
        if (j + 1 >= tokens.size() || !tokens[j + 1].capitalized()) {
            return std::nullopt;
        }
        p.kind = PersonKind::rank;
    } else {
        p.kind = kind == "rank"      ? PersonKind::rank
                 : kind == "counted" ? PersonKind::counted
                                     : PersonKind::person;
    }
    return p;
}

bool is_person_noun(const std::vector<Token>& tokens, std::size_t j) {
    return person_noun(tokens, j).has_value();
}

bool is_time_unit(std::string_view w) {
    return is_one_of(w, {"day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
                         "hours", "minutes", "decades"});
}

bool is_article(std::string_view w) {
    return iequals(w, "a") || iequals(w, "an");
}

// A count that is part of a noun phrase of people, or stands alone before "were"/"dead"; `first`
// is set to its token.
std::optional<int> count_before(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t k, std::size_t& first) {
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
        // "three soldiers aged 20 were wounded": an age, not a count
        if (j > 0 && is_one_of(tokens[j - 1].text, {"aged", "age"})) {
            continue;
        }
        first = j;
        const std::size_t after = j + used;
        if (after < tokens.size() && is_time_unit(tokens[after].text)) {
            // "two 20-year-old soldiers": an age inside the noun phrase, the count before it
            if (after + 1 < tokens.size() && iequals(tokens[after + 1].text, "old")) {
                continue;
            }
            return std::nullopt;
        }
        // "286 dead", "30,000 deaths"
        if (after == k) {
            if (is_article(tokens[j].text)) {
                continue;
            }
            return n;
        }
        for (std::size_t p = after; p < std::min(k, after + person_noun_reach); ++p) {
            if (is_person_noun(tokens, p)) {
                return n;
            }
        }
        // "three were killed"
        if (after < k && is_one_of(tokens[after].text, {"were", "was"}) &&
            !is_article(tokens[j].text)) {
            return n;
        }
    }
    return std::nullopt;
}

// "killing another", "injuring one Azerbaijani soldier", "killed one person", "wounded four", "the
// death of one soldier"; `last` is set to the end of the counted phrase.
std::optional<int> count_after(const std::vector<Token>& tokens, std::string_view text,
                               std::size_t k, std::size_t& last) {
    std::size_t j = k + 1;
    // "One soldier killed, another wounded": a count after a comma is not the word's object.
    if (j < tokens.size() && gap_between(text, tokens[k], tokens[j]) != " ") {
        return std::nullopt;
    }
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
        is_one_of(tokens[after + 1].text, {"ago", "later", "earlier"})) {
        return std::nullopt;
    }
    last = std::min(tokens.size() - 1, after + article_noun_reach - 1);
    if (is_article(tokens[j].text)) {
        for (std::size_t p = after; p < std::min(tokens.size(), after + article_noun_reach); ++p) {
            if (is_person_noun(tokens, p)) {
                last = p;
                return n;
            }
        }
        return std::nullopt;
    }
    return n;
}

// "the death of one soldier", "the deaths of two servicemen", "the death of the soldier".
std::optional<int> count_after_of(const std::vector<Token>& tokens, std::string_view text,
                                  std::size_t k, std::size_t& last) {
    if (k + 2 >= tokens.size() || !iequals(tokens[k + 1].text, "of")) {
        return std::nullopt;
    }
    if (auto n = count_after(tokens, text, k + 1, last)) {
        return n;
    }
    if (iequals(tokens[k + 2].text, "the")) {
        for (std::size_t p = k + 3; p < std::min(tokens.size(), k + 3 + article_noun_reach); ++p) {
            if (const auto noun = person_noun(tokens, p);
                noun && noun->kind != PersonKind::counted) {
                last = p;
                return noun->number == Number::singular ? std::optional<int>(1) : std::nullopt;
            }
        }
    }
    return std::nullopt;
}

// The grammatical number of the verb before token k: "was injured" singular, "were killed"
// plural, "had been wounded" either; nullopt without an auxiliary. Adverbs between are skipped.
struct Auxiliary {
    std::size_t at = 0;
    std::optional<Number> number;
};
std::optional<Auxiliary> auxiliary_before(const std::vector<Token>& tokens, std::size_t k) {
    std::size_t j = k;
    while (j > 0 && is_one_of(tokens[j - 1].text,
                              {"seriously", "severely", "fatally", "mortally", "lightly",
                               "slightly", "critically", "gravely", "reportedly", "allegedly",
                               "also", "then", "later", "been", "being", "not"})) {
        --j;
    }
    if (j == 0) {
        return std::nullopt;
    }
    const std::string_view a = tokens[j - 1].text;
    if (is_one_of(a, {"was", "is", "has", "gets", "got"})) {
        return Auxiliary{j - 1, Number::singular};
    }
    if (is_one_of(a, {"were", "are", "have"})) {
        return Auxiliary{j - 1, Number::plural};
    }
    if (iequals(a, "had") || (j < k && iequals(tokens[j].text, "been"))) {
        return Auxiliary{j - 1, std::nullopt};
    }
    return std::nullopt;
}

bool ends_subject_search(std::string_view w) {
    return is_one_of(w, {"that", "which", "who", "when", "after", "as", "while", "because", "since",
                         "said", "says", "reported", "whom", "where", "if"});
}

// The people a subject names when it has no count: "the soldier was wounded" -> 1, "Sergeant
// Manaseryan died" -> 1, "Lieutenant A, Major B and Lieutenant C were killed" -> 3, "the soldiers
// died" -> none. `v` is the verb (or auxiliary) the subject stands before; `first` is set to the
// subject's noun.
std::optional<int> subject_count(const std::vector<Token>& tokens, std::size_t v,
                                 std::optional<Number> number, std::size_t& first) {
    const std::size_t stop = v > subject_reach ? v - subject_reach : 0;
    int ranks = 0;
    std::optional<PersonNoun> head; // the leftmost person noun: "a soldier of the border troops"
    for (std::size_t j = v; j-- > stop;) {
        const std::string_view w = tokens[j].text;
        if (ends_subject_search(w) || toll_word(w) || tokens[j].numeric()) {
            break;
        }
        const auto noun = person_noun(tokens, j);
        if (number == Number::plural) {
            // A list of named people: only names, titles and "and" back to its start.
            if (noun && noun->kind == PersonKind::rank) {
                ++ranks;
                first = j;
            } else if (!tokens[j].capitalized() && !iequals(w, "and")) {
                break;
            }
            continue;
        }
        if (is_one_of(w, {"and", "but", "or"})) {
            break;
        }
        // "20-year-old Nver Gevorgyan was wounded": an age names one person.
        if (iequals(w, "old") && j >= 2 && iequals(tokens[j - 1].text, "year") &&
            tokens[j - 2].numeric()) {
            head = PersonNoun{Number::singular, PersonKind::person};
            first = j - 2;
            break;
        }
        if (noun && noun->kind != PersonKind::counted) {
            head = noun;
            first = j;
        }
    }
    if (head) {
        return head->number == Number::singular ? std::optional<int>(1) : std::nullopt;
    }
    if (ranks >= 2) {
        return ranks;
    }
    return std::nullopt;
}

// "suffered a gunshot wound", "sustained shrapnel wounds": the verb of receiving before the noun.
std::optional<std::size_t> receiving_verb(const std::vector<Token>& tokens, std::size_t k) {
    const std::size_t stop = k > receive_reach ? k - receive_reach : 0;
    for (std::size_t j = k; j-- > stop;) {
        if (is_one_of(tokens[j].text,
                      {"suffered", "sustained", "received", "suffers", "sustains", "receives"})) {
            return j;
        }
    }
    return std::nullopt;
}

// The figure of a word of killing or wounding at token k, if it states one.
std::optional<Figure> figure_at(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t k, const TollWord& word) {
    Figure f;
    f.toll = word.toll;
    // "fatally wounded" is a death.
    if (word.toll == Toll::wounded && k > 0 &&
        is_one_of(tokens[k - 1].text, {"fatally", "mortally"})) {
        f.toll = Toll::killed;
    }
    f.first = k;
    f.last = k;
    std::optional<int> n;
    if (word.form == Form::verb) {
        n = count_after(tokens, text, k, f.last);
    } else if (word.form == Form::noun) {
        n = count_after_of(tokens, text, k, f.last);
    }
    if (!n) {
        f.last = k;
        n = count_before(tokens, text, k, f.first);
    }
    if (!n) {
        f.first = k;
        if (word.form == Form::state && !iequals(tokens[k].text, "dead")) {
            n = subject_count(tokens, k, std::nullopt, f.first);
        } else if (word.form == Form::verb) {
            if (const auto aux = auxiliary_before(tokens, k)) {
                n = subject_count(tokens, aux->at, aux->number, f.first);
            }
        } else if (const auto v = receiving_verb(tokens, k)) {
            n = subject_count(tokens, *v, Number::singular, f.first);
        }
    }
    if (!n) {
        return std::nullopt;
    }
    f.count = *n;
    return f;
}

// "no casualties", "without (reporting) any losses", "ruled out any casualties among the
// personnel": a figure of 0 killed and 0 wounded, its phrase running on to whose losses they are.
bool negated_losses(const std::vector<Token>& tokens, std::size_t k, std::vector<Figure>& out) {
    bool none = false;
    std::size_t first = k;
    for (std::size_t j = k >= negation_reach ? k - negation_reach : 0; j < k; ++j) {
        if (is_one_of(tokens[j].text, {"no", "without", "neither", "zero", "any"})) {
            none = true;
            first = std::min(first, j);
        }
    }
    // "no report of casualties", "no information on losses": nothing is known, not none.
    for (std::size_t j = first + 1; none && j < k; ++j) {
        if (is_one_of(tokens[j].text, {"report", "reports", "information", "word", "details",
                                       "data", "confirmation", "news", "mention"})) {
            none = false;
        }
    }
    if (!none) {
        return false;
    }
    std::size_t last = k;
    if (k + 1 < tokens.size() && is_one_of(tokens[k + 1].text, {"among", "on", "in", "of", "to"})) {
        last = std::min(tokens.size() - 1, k + among_reach);
    }
    out.push_back(Figure{Toll::killed, 0, first, last});
    out.push_back(Figure{Toll::wounded, 0, first, last});
    return true;
}

// "Nobody was hurt", "no one was killed": none hurt is no casualties; none killed, no deaths.
bool nobody(const std::vector<Token>& tokens, std::size_t k, const TollWord& word,
            std::vector<Figure>& out) {
    std::size_t j = k;
    while (j > 0 && is_one_of(tokens[j - 1].text, {"was", "were", "got", "been", "has", "have",
                                                   "had", "reportedly", "seriously"})) {
        --j;
    }
    const bool none = (j >= 1 && iequals(tokens[j - 1].text, "nobody")) ||
                      (j >= 2 && iequals(tokens[j - 2].text, "no") &&
                       is_one_of(tokens[j - 1].text, {"one", "casualties"}));
    if (!none || j == k) {
        return false;
    }
    const std::size_t first = iequals(tokens[j - 1].text, "nobody") ? j - 1 : j - 2;
    out.push_back(Figure{Toll::killed, 0, first, k});
    if (word.toll == Toll::wounded) {
        out.push_back(Figure{Toll::wounded, 0, first, k});
    }
    return true;
}

// "sustained 50 military losses": a counted loss is a death.
void counted_losses(const std::vector<Token>& tokens, std::string_view text, std::size_t k,
                    std::vector<Figure>& out) {
    std::size_t j = k;
    if (j > 0 && is_one_of(tokens[j - 1].text, {"military", "personnel", "human", "combat"})) {
        --j;
    }
    for (std::size_t b = j >= 2 ? j - 2 : 0; b < j; ++b) {
        std::size_t used = 0;
        const auto n = number_at(tokens, b, text, used);
        if (n && b + used == j && !is_article(tokens[b].text)) {
            out.push_back(Figure{Toll::killed, *n, b, k});
            return;
        }
    }
}

} // namespace

std::vector<Figure> find_figures(const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    std::vector<Figure> out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view w = tokens[k].text;
        if (is_one_of(w, {"casualties", "losses", "casualty", "loss"})) {
            if (!negated_losses(tokens, k, out) && iequals(w, "losses")) {
                counted_losses(tokens, sentence.text, k, out);
            }
            continue;
        }
        // "two servicemen lost their lives", "the soldier lost his life"
        if (iequals(w, "lost") && k + 2 < tokens.size() &&
            is_one_of(tokens[k + 2].text, {"lives", "life"})) {
            std::size_t first = k;
            auto n = count_before(tokens, sentence.text, k, first);
            if (!n && iequals(tokens[k + 2].text, "life")) {
                n = subject_count(tokens, k, Number::singular, first);
            }
            if (n) {
                out.push_back(Figure{Toll::killed, *n, first, k + 2});
            }
            continue;
        }
        if (const auto word = toll_word(w)) {
            if (nobody(tokens, k, *word, out)) {
                continue;
            }
            if (auto f = figure_at(tokens, sentence.text, k, *word)) {
                out.push_back(*f);
            }
        }
    }
    return out;
}

Casualties casualties_of(const std::vector<Figure>& figures) {
    Casualties out;
    for (const Figure& f : figures) {
        std::optional<int>& slot = f.toll == Toll::killed ? out.killed : out.wounded;
        slot = std::max(slot.value_or(0), f.count);
    }
    return out;
}

Casualties find_casualties(const TokenizedSentence& sentence) {
    return casualties_of(find_figures(sentence));
}

Casualties find_casualties(std::string_view sentence) {
    return find_casualties(TokenizedSentence(sentence));
}

} // namespace sitmap::geo::detail
