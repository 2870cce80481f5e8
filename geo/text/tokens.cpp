#include "geo/text/tokens.hpp"

#include "geo/text/lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

namespace sitmap::geo::text {
namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

constexpr std::size_t max_sentence_bytes = 4000;

// Multi-byte punctuation that may close a sentence after its full stop, or open the next one.
constexpr std::array<std::string_view, 5> closing_quotes{"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB",
                                                         "\"", "'"};
constexpr std::array<std::string_view, 4> opening_quotes{"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB",
                                                         "\""};

constexpr std::array<std::string_view, 22> abbreviations{
    "mr",  "mrs", "ms",  "dr",  "gen",  "col", "lt",  "sgt", "st", "capt", "maj",
    "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",   "etc"};

bool is_abbreviation(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && (is_alnum(text[b - 1]) || text[b - 1] == '.')) {
        --b;
    }
    const std::string_view word = text.substr(b, dot - b);
    if (word.empty()) {
        return false;
    }
    // "U.S." / "E.U." / an initial "A."
    if (word.find('.') != std::string_view::npos ||
        (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z')) {
        return true;
    }
    const std::string low = lower_ascii(word);
    return std::find(abbreviations.begin(), abbreviations.end(), low) != abbreviations.end();
}

// data/lexicon/en/number_words.tsv, read once into a map from the folded word.
std::optional<int> simple_number_word(std::string_view w) {
    static const std::unordered_map<std::string, int> words = [] {
        std::unordered_map<std::string, int> out;
        for (const LexiconEntry& e : Lexicon::get("en", "number_words").entries()) {
            if (!e.values.empty()) {
                out.emplace(e.key, std::stoi(e.values.front()));
            }
        }
        return out;
    }();
    if (w.size() > 12) {
        return std::nullopt;
    }
    const auto it = words.find(lower_ascii(w));
    if (it == words.end()) {
        return std::nullopt;
    }
    return it->second;
}

bool is_tens(int v) {
    return v >= 20 && v <= 90 && v % 10 == 0;
}

} // namespace

bool Token::numeric() const {
    return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_alnum(text[i])) {
            ++i;
            continue;
        }
        const std::size_t b = i;
        while (i < text.size() && is_alnum(text[i])) {
            ++i;
        }
        tokens.push_back(Token{b, i, text.substr(b, i - b)});
    }
    return tokens;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = lower(c);
    }
    return out;
}

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    std::size_t start = 0;
    const auto emit = [&](std::size_t end) {
        std::size_t b = start;
        std::size_t e = end;
        while (b < e && is_space(text[b])) {
            ++b;
        }
        while (e > b && is_space(text[e - 1])) {
            --e;
        }
        if (e > b) {
            out.push_back(Sentence{b, e});
        }
        start = end;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            emit(i);
            ++i;
            continue;
        }
        // Text without full stops (lists, scraped tables) is cut at a space every few thousand
        // bytes, so the per-sentence rules stay linear.
        if (i - start >= max_sentence_bytes &&
            (is_space(c) || (static_cast<unsigned char>(c) < 0x80 && !is_alnum(c)))) {
            emit(i);
            ++i;
            continue;
        }
        if (c != '.' && c != '!' && c != '?') {
            ++i;
            continue;
        }
        // Ellipsis "..." and decimals "6.5" stay inside the sentence.
        if (c == '.' && ((i + 1 < text.size() && (text[i + 1] == '.' || is_digit(text[i + 1]))) ||
                         (i > 0 && text[i - 1] == '.'))) {
            ++i;
            continue;
        }
        if (c == '.' && is_abbreviation(text, i)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        // Closing quotes and brackets belong to the sentence that ends here.
        for (bool more = true; more && j < text.size();) {
            more = false;
            if (text[j] == ')') {
                ++j;
                more = true;
                continue;
            }
            for (std::string_view q : closing_quotes) {
                if (text.substr(j, q.size()) == q) {
                    j += q.size();
                    more = true;
                    break;
                }
            }
        }
        if (j < text.size() && !is_space(text[j])) {
            i = j;
            continue;
        }
        std::size_t k = j;
        while (k < text.size() && is_space(text[k]) && text[k] != '\n') {
            ++k;
        }
        bool starts_new = k >= text.size() || text[k] == '\n';
        if (!starts_new) {
            const char n = text[k];
            starts_new = (n >= 'A' && n <= 'Z') || is_digit(n) ||
                         (static_cast<unsigned char>(n) >= 0x80) || n == '(' || n == '[';
            for (std::string_view q : opening_quotes) {
                starts_new = starts_new || text.substr(k, q.size()) == q;
            }
        }
        if (starts_new) {
            emit(j);
        }
        i = j;
    }
    emit(text.size());
    return out;
}

std::optional<int> parse_number_word(std::string_view word) {
    if (word.empty()) {
        return std::nullopt;
    }
    if (is_digit(word[0])) {
        int value = 0;
        for (char c : word) {
            if (c == ',') {
                continue;
            }
            if (!is_digit(c) || value > 100'000'000) {
                return std::nullopt;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
    if (const auto dash = word.find('-'); dash != std::string_view::npos) {
        const auto tens = simple_number_word(word.substr(0, dash));
        const auto unit = simple_number_word(word.substr(dash + 1));
        if (tens && unit && is_tens(*tens) && *unit >= 1 && *unit <= 9) {
            return *tens + *unit;
        }
        return std::nullopt;
    }
    return simple_number_word(word);
}

std::optional<int> number_at(const std::vector<Token>& tokens, std::size_t i, std::string_view text,
                             std::size_t& used) {
    used = 0;
    if (i >= tokens.size()) {
        return std::nullopt;
    }
    const Token& t = tokens[i];
    if (t.numeric()) {
        // The last group of "1,324" read leftwards is no number of its own.
        if (i > 0 && t.text.size() == 3 && tokens[i - 1].numeric() &&
            gap_between(text, tokens[i - 1], t) == ",") {
            return std::nullopt;
        }
        int value = 0;
        std::from_chars(t.text.data(), t.text.data() + t.text.size(), value);
        std::size_t j = i + 1;
        // Thousands groups: "30,000".
        while (j < tokens.size() && tokens[j].numeric() && tokens[j].text.size() == 3 &&
               gap_between(text, tokens[j - 1], tokens[j]) == "," && value < 1'000'000) {
            int group = 0;
            std::from_chars(tokens[j].text.data(), tokens[j].text.data() + 3, group);
            value = value * 1000 + group;
            ++j;
        }
        used = j - i;
        return value;
    }
    auto first = simple_number_word(t.text);
    if (!first) {
        return std::nullopt;
    }
    used = 1;
    // "twenty-one" / "twenty one"
    if (is_tens(*first) && i + 1 < tokens.size()) {
        const std::string_view gap = gap_between(text, t, tokens[i + 1]);
        const auto unit = simple_number_word(tokens[i + 1].text);
        if ((gap == "-" || gap == " ") && unit && *unit >= 1 && *unit <= 9 &&
            !iequals(tokens[i + 1].text, "a") && !iequals(tokens[i + 1].text, "an")) {
            used = 2;
            return *first + *unit;
        }
    }
    // "a dozen"
    if ((*first == 1) && i + 1 < tokens.size() && iequals(tokens[i + 1].text, "dozen")) {
        used = 2;
        return 12;
    }
    return first;
}

std::string_view gap_between(std::string_view text, const Token& a, const Token& b) {
    if (b.begin < a.end) {
        return {};
    }
    return text.substr(a.end, b.begin - a.end);
}

} // namespace sitmap::geo::text
