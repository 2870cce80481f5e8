#pragma once
// Word lists and token predicates that several stages of extraction share.

#include "geo/extract/detail/sentence.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::geo::detail {

// Is `w` one of `words` (ASCII case-insensitive)?
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words);

// Index of the first token that begins at or after byte offset `pos`.
std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos);

// Token i is followed by a possessive "'s" or "’s" ("Azerbaijan’s").
bool possessive_after(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

// A preposition that introduces a location: in, at, near, from...
bool is_locative_preposition(std::string_view w);

// Words between a preposition and a place name: "in the village of", "near eastern".
bool is_locative_filler(std::string_view w);

// A word list of the rules, data/lexicon/en/<name>.tsv, ready for lookups of single tokens (no
// allocation) and of phrases that start at a token ("does not correspond to reality"). Phrases are
// tokenised as sentences are, so "prosecutor-general's" is the tokens prosecutor, general, s.
class WordList {
public:
    explicit WordList(std::string_view name);

    // The further columns of the one-word entry `w`, or nullptr.
    const std::vector<std::string>* find(std::string_view w) const;
    bool contains(std::string_view w) const { return find(w) != nullptr; }
    // The longest entry (of one or more words) that starts at token i: its length in tokens, 0 if
    // none; `values` (if given) is set to its further columns.
    std::size_t match(const std::vector<Token>& tokens, std::size_t i,
                      const std::vector<std::string>** values = nullptr) const;

private:
    struct Phrase {
        std::vector<std::string> words; // lower case
        const std::vector<std::string>* values = nullptr;
    };
    std::unordered_map<std::string, const std::vector<std::string>*> m_words;
    std::unordered_map<std::string, std::vector<Phrase>> m_phrases; // by first word
};

// The value in column `col` of an entry's further columns, or "".
std::string_view column(const std::vector<std::string>* values, std::size_t col);

} // namespace sitmap::geo::detail
