#pragma once
// One sentence as every stage of extraction reads it: its text, where it starts in the article and
// its word tokens, computed once.

#include "geo/text/tokens.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// The rules work on tokens and sentences of geo/text.
using text::gap_between;
using text::iequals;
using text::istarts_with;
using text::lower_ascii;
using text::number_at;
using text::Token;
using text::tokenize;

struct TokenizedSentence {
    explicit TokenizedSentence(std::string_view sentence, std::size_t offset = 0)
        : text(sentence), begin(offset), tokens(tokenize(sentence)) {}

    std::string_view text;     // the sentence (a view into the article)
    std::size_t begin = 0;     // its byte offset in the article
    std::vector<Token> tokens; // tokenize(text): offsets relative to the sentence

    // The token's text, or "" past the end.
    std::string_view word(std::size_t i) const {
        return i < tokens.size() ? tokens[i].text : std::string_view{};
    }
};

} // namespace sitmap::geo::detail
