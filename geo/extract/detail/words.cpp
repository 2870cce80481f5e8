// Word lists and token predicates that several stages of extraction share.

#include "geo/extract/detail/words.hpp"

#include <algorithm>

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

} // namespace sitmap::geo::detail
