// Word lists and token predicates that several stages of extraction share.

#include "geo/extract/detail/words.hpp"

#include "geo/text/lexicon.hpp"

#include <algorithm>
#include <array>

namespace sitmap::geo::detail {

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return iequals(w, x); });
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos) {
    return static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), pos,
                         [](const Token& t, std::size_t p) { return t.begin < p; }) -
        tokens.begin());
}

bool possessive_after(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 1 >= tokens.size() || !iequals(tokens[i + 1].text, "s")) {
        return false;
    }
    const std::string_view g = gap_between(text, tokens[i], tokens[i + 1]);
    return g == "'" || g == "\xE2\x80\x99";
}

bool is_locative_preposition(std::string_view w) {
    return is_one_of(w,
                     {"in",      "at",     "near",   "from",   "to",    "into", "toward", "towards",
                      "outside", "around", "inside", "across", "along", "on",   "within", "via",
                      "through", "beside", "nearby", "off",    "over",  "for"});
}

bool is_locative_filler(std::string_view w) {
    return is_one_of(w, {"the",          "a",
                         "an",           "of",
                         "eastern",      "western",
                         "northern",     "southern",
                         "east",         "west",
                         "north",        "south",
                         "northeast",    "northwest",
                         "southeast",    "southwest",
                         "central",      "village",
                         "villages",     "town",
                         "city",         "region",
                         "district",     "province",
                         "area",         "areas",
                         "settlement",   "community",
                         "outskirts",    "vicinity",
                         "direction",    "part",
                         "parts",        "border",
                         "occupied",     "capital",
                         "northeastern", "southeastern",
                         "northwestern", "southwestern",
                         "entrance"});
}

namespace {

// Longer words are in no list (a lookup of one returns nothing, as it always has).
constexpr std::size_t max_word_bytes = 40;

} // namespace

WordList::WordList(std::string_view name) {
    const text::Lexicon& lexicon = text::Lexicon::get("en", name);
    for (const text::LexiconEntry& e : lexicon.entries()) {
        const std::vector<Token> words = tokenize(e.key);
        if (words.size() == 1 && words[0].text == e.key) {
            Word& w = m_words[e.key];
            if (w.values == nullptr) { // the first entry of a word stands
                w.values = &e.values;
            }
            continue;
        }
        if (words.empty()) {
            continue;
        }
        Phrase p;
        for (const Token& t : words) {
            p.words.emplace_back(t.text);
        }
        p.values = &e.values;
        m_words[p.words.front()].phrases.push_back(std::move(p));
    }
}

const WordList::Word* WordList::word(std::string_view w) const {
    // Longer words are in no list.
    return w.size() > max_word_bytes ? nullptr : m_words.find(w);
}

const std::vector<std::string>* WordList::find(std::string_view w) const {
    const Word* entry = word(w);
    return entry == nullptr ? nullptr : entry->values;
}

std::size_t WordList::match(const std::vector<Token>& tokens, std::size_t i,
                            const std::vector<std::string>** values) const {
    if (i >= tokens.size()) {
        return 0;
    }
    const Word* entry = word(tokens[i].text);
    if (entry == nullptr) {
        return 0;
    }
    std::size_t best = 0;
    if (entry->values != nullptr) {
        best = 1;
        if (values != nullptr) {
            *values = entry->values;
        }
    }
    for (const Phrase& p : entry->phrases) {
        if (p.words.size() <= best || i + p.words.size() > tokens.size()) {
            continue;
        }
        bool all = true;
        for (std::size_t k = 1; k < p.words.size() && all; ++k) {
            all = iequals(tokens[i + k].text, p.words[k]);
        }
        if (all) {
            best = p.words.size();
            if (values != nullptr) {
                *values = p.values;
            }
        }
    }
    return best;
}

std::string_view column(const std::vector<std::string>* values, std::size_t col) {
    if (values == nullptr || col >= values->size()) {
        return {};
    }
    return (*values)[col];
}

} // namespace sitmap::geo::detail
