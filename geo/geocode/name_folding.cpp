#include "geo/geocode/name_folding.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <utility>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "geo/core/error.hpp"

namespace sitmap::geo::detail {
namespace {

// Azerbaijani schwa has no Latin-ASCII mapping in ICU 72; everything else is ICU's own transforms.
// The filters keep each transform to the characters it changes (twice as fast as unfiltered);
// lower-casing is left to normalise_ascii() since the result is ASCII.
constexpr const char* fold_rules = ":: [[:^Latin:]&[:Letter:]] Any-Latin ;\n"
                                   "ə > e ; Ə > E ;\n"
                                   ":: NFD ;\n"
                                   ":: [^\\u0000-\\u007f] Latin-ASCII ;\n";

// ICU transliterators are not safe to share between threads; one per thread, built on first use.
icu::Transliterator& folder() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UParseError parse_error{};
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createFromRules(
            "sitmap-fold", icu::UnicodeString::fromUTF8(fold_rules), UTRANS_FORWARD, parse_error,
            status));
        if (U_FAILURE(status) || !made) {
            throw Error(ErrorKind::internal,
                        std::string("ICU could not build the name folding transform: ") +
                            u_errorName(status));
        }
        return made;
    }();
    return *t;
}

bool is_alnum_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

char lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_apostrophe(char c) {
    return c == '\'' || c == '`';
}

// ASCII text -> lower-case words separated by single spaces, possessive "'s" dropped.
std::string normalise_ascii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = lower_ascii(s[i]);
        if (is_alnum_ascii(c)) {
            if (pending_space && !out.empty()) {
                out.push_back(' ');
            }
            pending_space = false;
            out.push_back(c);
        } else if (is_apostrophe(c)) {
            // "Sotk's" -> "sotk"; "Sot'k'" (Armenian aspiration) -> "sotk".
            const bool possessive = i + 1 < s.size() && lower_ascii(s[i + 1]) == 's' &&
                                    (i + 2 >= s.size() || !is_alnum_ascii(lower_ascii(s[i + 2])));
            if (possessive && !out.empty()) {
                ++i;
            }
        } else {
            pending_space = true;
        }
    }
    return out;
}

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

} // namespace

std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    while (i < s.size()) {
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        auto offset = static_cast<int32_t>(i);
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c < 0) {
            return i;
        }
        i = static_cast<std::size_t>(offset);
    }
    return std::string_view::npos;
}

bool is_ascii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

std::string fold(std::string_view name) {
    if (is_ascii(name)) {
        return normalise_ascii(name);
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    // Typographic apostrophes become ASCII ones first so that "Sotk’s" folds like "Sotk's".
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
    folder().transliterate(u);
    std::string ascii;
    u.toUTF8String(ascii);
    return normalise_ascii(ascii);
}

std::string azerbaijani_english(std::string_view name, bool is_azerbaijani) {
    // Letters only Azerbaijani (and Turkish) Latin has, as UTF-8.
    static constexpr std::string_view marks[] = {"\u0259", "\u018F", "\u0131", "\u015F",
                                                 "\u015E", "\u00E7", "\u00C7", "\u011F"};
    bool azerbaijani = is_azerbaijani;
    for (const std::string_view m : marks) {
        azerbaijani = azerbaijani || name.find(m) != std::string_view::npos;
    }
    if (!azerbaijani || invalid_utf8_at(name) != std::string_view::npos) {
        return {};
    }
    // Two-byte letters and their English spellings.
    static constexpr std::pair<std::string_view, std::string_view> letters[] = {
        {"\u0259", "a"},  {"\u018F", "A"},  {"\u0131", "i"},  {"\u0130", "I"},  {"\u015F", "sh"},
        {"\u015E", "Sh"}, {"\u00E7", "ch"}, {"\u00C7", "Ch"}, {"\u011F", "gh"}, {"\u011E", "Gh"},
        {"\u00F6", "o"},  {"\u00D6", "O"},  {"\u00FC", "u"},  {"\u00DC", "U"}};
    std::string out;
    out.reserve(name.size() + 4);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const std::string_view rest = name.substr(i);
        const auto* two = std::find_if(std::begin(letters), std::end(letters),
                                       [&](const auto& l) { return rest.starts_with(l.first); });
        if (two != std::end(letters)) {
            out += two->second;
            i += two->first.size() - 1;
        } else if (c == 'c' || c == 'C') {
            out.push_back(c == 'c' ? 'j' : 'J');
        } else if (c == 'x' || c == 'X') {
            out += c == 'x' ? "kh" : "Kh";
        } else if (c == 'q' || c == 'Q') {
            out.push_back(c == 'q' ? 'g' : 'G');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) {
            end = folded.size();
        }
        if (end > start) {
            words.emplace_back(folded.substr(start, end - start));
        }
        start = end + 1;
    }
    return words;
}

std::string skeleton(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    auto next_is = [&w](std::size_t i, char c) { return i + 1 < w.size() && w[i + 1] == c; };
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char c = w[i];
        char mapped = c;
        if (i == 0 && c == 'y' && w.size() > 1 && is_vowel(w[1])) {
            continue; // Yerevan / Erevan, Yeghegnadzor / Eghegnadzor
        }
        if (c == 'd' && next_is(i, 'z') && i + 2 < w.size() && w[i + 2] == 'h') {
            mapped = 'j'; // Russian dzh: Dzhanyatag / Janyatag, Yellidzhe / Yellija
            i += 2;
        } else if ((c == 's' || c == 'c' || c == 'z' || c == 'k' || c == 'g') && next_is(i, 'h')) {
            mapped = c == 'k' ? 'h' : c; // sh->s, ch->c, zh->z, kh->h, gh->g
            ++i;
        } else if (c == 'd' && (next_is(i, 'z') || next_is(i, 'j'))) {
            mapped = 'j'; // Berdzor / Berjor, Kornidzor / Kornijor
            ++i;
        } else if ((c == 't') && (next_is(i, 's') || next_is(i, 'z'))) {
            mapped = 'c'; // Tsovak / Covak
            ++i;
        } else if (c == 'o' && next_is(i, 'u')) {
            mapped = 'u';
            ++i;
        } else if (c == 'x') {
            mapped = 'h'; // Xankendi / Khankendi / Hankendi
        } else if (c == 'q') {
            mapped = 'g'; // Qazax / Gazakh
        } else if (c == 'w') {
            mapped = 'v';
        } else if (c == 'y') {
            mapped = 'i';
        }
        if (!out.empty() && out.back() == mapped) {
            continue; // doubled letters: Shushi / Shushii, Gazakh / Qazax
        }
        out.push_back(mapped);
    }
    // Russian adjective endings: Nagornyj / Nagorny / Nagorniy
    if (out.size() > 3 && out.ends_with("ij")) {
        out.pop_back();
    }
    return out;
}

bool has_non_latin_letters(std::string_view name) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
    const auto length = static_cast<int32_t>(name.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0x80 || !u_isalpha(c)) {
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) != USCRIPT_LATIN) {
            return true;
        }
    }
    return false;
}

std::size_t word_char_length(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        return ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) ? 1 : 0;
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto offset = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, offset, static_cast<int32_t>(s.size()), c);
    if (c < 0) {
        return 0;
    }
    const auto type = u_charType(c);
    const bool word =
        u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
    return word ? static_cast<std::size_t>(offset) - i : 0;
}

bool starts_capitalised(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    const auto b = static_cast<unsigned char>(word.front());
    if (b < 0x80) {
        return b >= 'A' && b <= 'Z';
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(bytes, i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isalpha(c)) {
        return false;
    }
    return u_isupper(c) || u_istitle(c) || !u_hasBinaryProperty(c, UCHAR_CASED);
}

} // namespace sitmap::geo::detail
