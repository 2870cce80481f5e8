#pragma once
// Text for the rules of dates and extraction: word tokens, sentence splitting, number words. ASCII case folding only:
// the trigger words, number words and date words sitmap looks for are English.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::text {

// A run of ASCII letters and digits, or one non-ASCII UTF-8 letter sequence.
struct Token {
    std::size_t begin = 0; // byte offsets into the tokenized text
    std::size_t end = 0;
    std::string_view text;
    bool capitalized() const { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }
    bool numeric() const; // all digits
};

std::vector<Token> tokenize(std::string_view text);

// Case-insensitive (ASCII) equality. Inline: the rules call it millions of times per megabyte.
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = a[i];
        const char y = b[i];
        if (x != y && ((x | 0x20) != (y | 0x20) || ((x | 0x20) < 'a' || (x | 0x20) > 'z'))) {
            return false;
        }
    }
    return true;
}
// Case-insensitive prefix test.
inline bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
std::string lower_ascii(std::string_view s);

struct Sentence {
    std::size_t begin = 0; // byte offsets into the article, whitespace trimmed
    std::size_t end = 0;
};

// Splits at . ! ? (also inside closing quotes) followed by a capital or an opening quote, and at
// line breaks; abbreviations ("U.S.", "Mr.", "Gen.") and ellipses do not end a sentence.
std::vector<Sentence> split_sentences(std::string_view text);

// "three" -> 3, "twenty-one" -> 21, "6,500" -> 6500, "a"/"an"/"another"/"single" -> 1,
// "no"/"zero" -> 0; nullopt for anything else. Takes one token or a hyphenated compound.
std::optional<int> parse_number_word(std::string_view word);

// A number starting at token i (digits with thousands separators, number words, "twenty one");
// sets `used` to the count of tokens it spans.
std::optional<int> number_at(const std::vector<Token>& tokens, std::size_t i, std::string_view text,
                             std::size_t& used);

// The text between two tokens (separators only).
std::string_view gap_between(std::string_view text, const Token& a, const Token& b);

} // namespace sitmap::geo::text
