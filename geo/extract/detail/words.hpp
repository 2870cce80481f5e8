#pragma once
// Word lists and token predicates that several stages of extraction share.

#include "geo/extract/detail/sentence.hpp"

#include <cstddef>
#include <initializer_list>
#include <string_view>
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

} // namespace sitmap::geo::detail
