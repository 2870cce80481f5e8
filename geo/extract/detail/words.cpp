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

// Longer words are in no list; lookups fold case into this buffer instead of a new string.
constexpr std::size_t max_word_bytes = 40;

} // namespace

WordList::WordList(std::string_view name) {
    const text::Lexicon& lexicon = text::Lexicon::get("en", name);
    for (const text::LexiconEntry& e : lexicon.entries()) {
        const std::vector<Token> words = tokenize(e.key);
        if (words.size() == 1 && words[0].text == e.key) {
            m_words.emplace(e.key, &e.values);
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
        m_phrases[p.words.front()].push_back(std::move(p));
    }
}

const std::vector<std::string>* WordList::find(std::string_view w) const {
    if (w.size() > max_word_bytes) {
        return nullptr;
    }
    std::array<char, max_word_bytes> folded{};
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        folded[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    // One short string per lookup: within the small-string buffer for every word of the lists.
    const auto it = m_words.find(std::string(folded.data(), w.size()));
    return it == m_words.end() ? nullptr : it->second;
}

std::size_t WordList::match(const std::vector<Token>& tokens, std::size_t i,
                            const std::vector<std::string>** values) const {
    if (i >= tokens.size()) {
        return 0;
    }
    std::size_t best = 0;
    if (const auto* v = find(tokens[i].text)) {
        best = 1;
        if (values != nullptr) {
            *values = v;
        }
    }
    if (m_phrases.empty() || tokens[i].text.size() > max_word_bytes) {
        return best;
    }
    const auto it = m_phrases.find(lower_ascii(tokens[i].text));
    if (it == m_phrases.end()) {
        return best;
    }
    for (const Phrase& p : it->second) {
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
