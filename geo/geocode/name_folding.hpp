#pragma once
// Folding place names so that spellings meet: case, diacritics and script (Armenian, Cyrillic,
// Azerbaijani Latin) through ICU transforms, then a phonetic "skeleton" that merges the usual
// romanisation variants (sh/š/ş, kh/x/h, dz/j, y/i...). Internal to the geocoder.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// Index of the first byte that is not valid UTF-8 (overlong, surrogate, truncated...), or npos.
std::size_t invalid_utf8_at(std::string_view s);

bool is_ascii(std::string_view s);

// Folds a name to lower-case ASCII words separated by single spaces: non-ASCII input goes through
// ICU (Any-Latin, then Latin-ASCII, then Lower); a possessive "'s" is dropped, other apostrophes
// (Armenian aspiration marks) vanish, any other punctuation separates words.
// "Shushi's" -> "shushi", "Շուշի" -> "susi", "Nagorno-Karabakh" -> "nagorno karabakh".
std::string fold(std::string_view name);

// The spelling English-language media give an Azerbaijani Latin name: schwa as "a", c as "j", x as
// "kh", q as "g" ("Vejnəli" -> "Vejnali", "Hacıalılı" -> "Hajıalılı", "Xudafərin" -> "Khudafarin");
// fold() alone writes schwa as "e" and keeps c. Empty when the name is not Azerbaijani Latin: it
// has none of ə, ı, ş, ç, ğ and `is_azerbaijani` (the gazetteer's `az` name) is false.
std::string azerbaijani_english(std::string_view name, bool is_azerbaijani);

// The words of a folded string.
std::vector<std::string> split_words(std::string_view folded);

// Phonetic skeleton of one folded word: romanisation variants merged, doubled letters collapsed.
std::string skeleton(std::string_view folded_word);

// True if the name contains letters of a non-Latin script (so a match is a transliteration).
bool has_non_latin_letters(std::string_view name);

// Byte length of the word character (letter, digit, combining mark) starting at s[i]; 0 for a
// space, punctuation, a symbol or invalid UTF-8.
std::size_t word_char_length(std::string_view s, std::size_t i);

// First code point of a word is an upper-case letter, or a letter of a caseless script.
bool starts_capitalised(std::string_view word);

} // namespace sitmap::geo::detail
