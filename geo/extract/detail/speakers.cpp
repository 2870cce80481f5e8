// Speakers: the names of those who speak, read around a head noun ("ministry", "service",
// "spokesperson", "authorities") with what stands before it ("Armenia’s Defense", "the State
// Border") and after it ("of Defense of the Republic of Armenia", "in Yerevan", "Aram Torosyan").

#include "geo/extract/detail/speakers.hpp"

#include "geo/extract/detail/roles.hpp"
#include "geo/extract/detail/words.hpp"

#include <algorithm>

namespace sitmap::geo::detail {
namespace {

// Capitalised words of a name before its head ("State Border Service"), at most this many.
constexpr std::size_t max_name_words = 4;
// "Ministry of Defense (MoD) of Armenia": this many "of ..." or "(MoD)" parts after a head.
constexpr std::size_t max_tail_parts = 3;
// A title's person: "spokesperson Aram Torosyan" has at most this many name words.
constexpr std::size_t max_person_words = 4;
// "the country's Defense Ministry": the country is named at most this many tokens before.
constexpr std::size_t country_reach = 40;
// "residents of a village on Armenia's border": the witnesses' place within this many tokens.
constexpr std::size_t witness_place_reach = 6;
// An acronym ("TASS", "APA") is an agency, never a government named by its capital.
constexpr std::size_t max_acronym = 6;

const WordList& side_words() {
    static const WordList list("side_words");
    return list;
}
const WordList& speaker_nouns() {
    static const WordList list("speaker_nouns");
    return list;
}
const WordList& speaker_modifiers() {
    static const WordList list("speaker_modifiers");
    return list;
}
const WordList& ministry_types() {
    static const WordList list("ministry_types");
    return list;
}
const WordList& officials() {
    static const WordList list("officials");
    return list;
}
const WordList& report_nouns() {
    static const WordList list("report_nouns");
    return list;
}

// Function words that may be capitalised at the start of a sentence but are never part of a name.
bool is_function_word(std::string_view w) {
    return is_one_of(
        w, {"the",     "a",         "an",    "this", "that",     "these",     "its",     "their",
            "his",     "her",       "our",   "on",   "in",       "at",        "by",      "from",
            "for",     "of",        "and",   "but",  "while",    "meanwhile", "also",    "then",
            "however", "according", "after", "as",   "when",     "since",     "earlier", "later",
            "today",   "yesterday", "to",    "with", "moreover", "besides",   "in",      "it",
            "he",      "she",       "they",  "we"});
}

// The text between two tokens is a space (or nothing): they belong to one name.
bool joined(std::string_view text, const Token& a, const Token& b) {
    const std::string_view g = gap_between(text, a, b);
    return g.empty() || g == " " || g == "-" || g == "\xE2\x80\x91";
}

bool is_acronym(std::string_view w) {
    if (w.size() < 2 || w.size() > max_acronym) {
        return false;
    }
    int upper = 0;
    for (char c : w) {
        upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
    }
    return upper >= 2 && (w[0] >= 'A' && w[0] <= 'Z');
}

std::string country_name(Side s, std::string_view fallback) {
    switch (s) {
    case Side::armenia:
        return "Armenia";
    case Side::azerbaijan:
        return "Azerbaijan";
    case Side::russia:
        return "Russia";
    case Side::eu:
        return "European Union";
    default:
        return std::string(fallback);
    }
}

// "Armenian" and "Ministry of Defence" -> "Armenian Ministry of Defence".
std::string joined_words(std::string_view a, std::string_view b) {
    std::string out(a);
    out += ' ';
    out += b;
    return out;
}

// What is read around a head noun.
struct Phrase {
    std::size_t first = 0;
    std::size_t last = 0;
    std::optional<Side> side;
    std::string ministry;  // "Ministry of Defence", from "Defence" or "of Defense"
    bool relative = false; // "the country's", "its", "the ministry's": a party named elsewhere
    bool country = false;  // "the country's": the country named before in the sentence
    std::optional<Side> implied; // "the de facto authorities": a party no word of the name names
    std::string person;          // "Aram Torosyan" after a title
    std::string surname;
};

// Before the head: "Armenia’s Defense", "the State Border", "the ministry's",
// "Prosecutor-General’s".
void read_before(const TokenizedSentence& s, std::size_t k, Phrase& p) {
    const std::vector<Token>& tokens = s.tokens;
    std::size_t j = k;
    std::size_t names = 0;
    while (j > 0) {
        const std::size_t q = j - 1;
        const std::string_view w = tokens[q].text;
        if (iequals(w, "s") && q > 0 && possessive_after(s.text, tokens, q - 1)) {
            const std::string_view owner = tokens[q - 1].text;
            if (const auto side = side_word(owner)) {
                p.side = p.side ? p.side : side;
            } else if (iequals(owner, "country")) {
                p.relative = p.country = true;
            } else if (speaker_nouns().contains(owner)) {
                p.relative = true; // "the ministry's spokeswoman"
            } else if (!tokens[q - 1].capitalized()) {
                break;
            }
            j = q - 1;
            continue;
        }
        if (!joined(s.text, tokens[q], tokens[j])) {
            break;
        }
        if (const auto side = side_word(w)) {
            p.side = p.side ? p.side : side;
        } else if (const auto* type = ministry_types().find(w)) {
            p.ministry = column(type, 0);
        } else if (is_one_of(w, {"its", "their", "our"})) {
            p.relative = true;
            j = q;
            break;
        } else if (const auto* modifier = speaker_modifiers().find(w)) {
            if (const std::string_view party = column(modifier, 0); !party.empty()) {
                p.implied = side_from_string(party);
            }
        } else if (tokens[q].capitalized() && !is_function_word(w) && names++ < max_name_words) {
            // a word of the name
        } else {
            break;
        }
        j = q;
    }
    p.first = j;
}

// "of Defense", "of Foreign Affairs", "of the Republic of Armenia", "of the Human Rights
// Defender": one part after the head; false when there is none.
bool read_of_part(const TokenizedSentence& s, Phrase& p) {
    const std::vector<Token>& tokens = s.tokens;
    std::size_t m = p.last + 2;
    if (m >= tokens.size() || !iequals(tokens[p.last + 1].text, "of")) {
        return false;
    }
    if (iequals(tokens[m].text, "the") && m + 1 < tokens.size()) {
        ++m;
    }
    if (const auto* type = ministry_types().find(tokens[m].text)) {
        p.ministry = column(type, 0);
        p.last = m;
        if (m + 1 < tokens.size() && iequals(tokens[m + 1].text, "affairs")) {
            p.last = m + 1;
        }
        return true;
    }
    if (iequals(tokens[m].text, "republic") && m + 2 < tokens.size() &&
        iequals(tokens[m + 1].text, "of")) {
        m += 2;
    }
    if (const auto side = side_word(tokens[m].text)) {
        p.side = p.side ? p.side : side;
        p.last = m;
        return true;
    }
    std::size_t end = m;
    while (end < tokens.size() && end < m + max_name_words && tokens[end].capitalized() &&
           !is_function_word(tokens[end].text)) {
        ++end;
    }
    if (end == m) {
        return false;
    }
    p.last = end - 1;
    return true;
}

// After the head: "(MoD)", "of ..." parts, "in Yerevan".
void read_after(const TokenizedSentence& s, Phrase& p) {
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t part = 0; part < max_tail_parts; ++part) {
        const std::size_t n = p.last + 1;
        if (n < tokens.size() && is_acronym(tokens[n].text) &&
            gap_between(s.text, tokens[p.last], tokens[n]).find('(') != std::string_view::npos) {
            p.last = n;
            continue;
        }
        if (read_of_part(s, p)) {
            continue;
        }
        if (n + 1 < tokens.size() && iequals(tokens[n].text, "in") &&
            side_word(tokens[n + 1].text)) {
            p.side = p.side ? p.side : side_word(tokens[n + 1].text);
            p.last = n + 1;
        }
        break;
    }
}

// A title's person: "spokesperson Aram Torosyan", "Human Rights Defender, Arman Tatoyan,".
void read_person(const TokenizedSentence& s, Phrase& p) {
    const std::vector<Token>& tokens = s.tokens;
    std::size_t n = p.last + 1;
    if (n >= tokens.size()) {
        return;
    }
    const std::string_view gap = gap_between(s.text, tokens[p.last], tokens[n]);
    if (gap != " " && gap != ", ") {
        return;
    }
    std::size_t end = n;
    while (end < tokens.size() && end < n + max_person_words && tokens[end].capitalized() &&
           !is_function_word(tokens[end].text) && !side_word(tokens[end].text) &&
           (end == n || joined(s.text, tokens[end - 1], tokens[end]))) {
        ++end;
    }
    // A name is two words or more ("Aram Torosyan"), not the next sentence's "The".
    if (end < n + 2) {
        return;
    }
    for (std::size_t t = n; t < end; ++t) {
        if (t != n) {
            p.person += ' ';
        }
        p.person += tokens[t].text;
    }
    p.surname = std::string(tokens[end - 1].text);
    p.last = end - 1;
}

// The party named last before token `first` ("Two members of Armenia’s armed forces ..., the
// country's Defense Ministry said").
std::optional<Side> country_before(const TokenizedSentence& s, std::size_t first) {
    const std::size_t stop = first > country_reach ? first - country_reach : 0;
    for (std::size_t j = first; j-- > stop;) {
        if (const auto side = side_word(s.tokens[j].text); side && is_party(*side)) {
            return side;
        }
    }
    return std::nullopt;
}

// The name around a head noun of a speaker at token k, or nothing when it needs a party and names
// none ("the side", "officials").
std::optional<SpeakerCandidate> phrase_at(const TokenizedSentence& s, std::size_t k,
                                          const std::vector<std::string>* head) {
    const std::vector<Token>& tokens = s.tokens;
    const std::string_view type = column(head, 0);
    const bool ministry = is_one_of(tokens[k].text, {"ministry", "ministries", "mod"});
    Phrase p;
    p.last = k;
    if (iequals(tokens[k].text, "mod")) {
        p.ministry = "Ministry of Defence";
    }
    read_before(s, k, p);
    if (type == "person") {
        read_after(s, p);
        read_person(s, p);
    } else if (type != "witness") {
        read_after(s, p); // a witness's "of Khnatsakh" is a place, read with the mentions
    }
    if (p.country && !p.side) {
        p.side = country_before(s, p.first);
    }
    if (!p.side) {
        p.side = p.implied;
    }
    if (!p.side && column(head, 1) == "side") {
        return std::nullopt;
    }
    SpeakerCandidate c;
    c.first = p.first;
    c.last = p.last;
    c.speaker.type = type == "person"       ? Speaker::Type::person
                     : type == "group"      ? Speaker::Type::group
                     : type == "government" ? Speaker::Type::government
                     : type == "witness"    ? Speaker::Type::witness
                                            : Speaker::Type::organisation;
    c.surname = p.surname;
    std::string name;
    if (ministry) {
        name = p.ministry.empty() ? "Ministry" : p.ministry;
    } else {
        for (std::size_t t = p.first; t <= p.last; ++t) {
            const std::string_view w = tokens[t].text;
            if (side_word(w) || is_function_word(w) || iequals(w, "s") || iequals(w, "republic") ||
                iequals(w, "in") || iequals(w, "country") || is_acronym(w)) {
                continue;
            }
            if (!name.empty()) {
                name += ' ';
            }
            name += w;
        }
    }
    c.kind = name;
    if (!p.person.empty()) {
        c.speaker.who = p.person;
    } else if (p.side) {
        const std::string_view adjective = adjective_of(*p.side);
        c.speaker.who = adjective.empty() ? name : joined_words(adjective, name);
    } else {
        c.speaker.who = name;
    }
    if (p.side) {
        c.speaker.side = *p.side;
    } else {
        c.anaphor = Anaphor::organisation;
    }
    return c;
}

// "Pashinyan", "Aliyev": officials by surname (capitalised).
void add_officials(const TokenizedSentence& s, std::size_t k, std::vector<SpeakerCandidate>& out) {
    if (!s.tokens[k].capitalized()) {
        return;
    }
    const auto* v = officials().find(s.tokens[k].text);
    if (v == nullptr) {
        return;
    }
    SpeakerCandidate c;
    c.first = k >= 1 && s.tokens[k - 1].capitalized() ? k - 1 : k;
    c.last = k;
    c.speaker =
        Speaker{std::string(column(v, 0)), side_from_string(column(v, 1)), Speaker::Type::person};
    out.push_back(c);
}

bool is_stepanakert(const Place& q) {
    return q.name == "Stepanakert" ||
           std::find(q.aliases.begin(), q.aliases.end(), "Stepanakert") != q.aliases.end();
}

// Governments named by their capital or country: "Baku accused", "according to Washington".
void add_governments(const TokenizedSentence& sentence, const std::vector<PlaceMention>& mentions,
                     std::vector<SpeakerCandidate>& out) {
    for (const PlaceMention& m : mentions) {
        if (m.role != MentionRole::actor || is_acronym(m.mention.surface)) {
            continue;
        }
        const Place* p = mention_place(m);
        // A village is no government: only countries and capitals speak ("Baku said").
        if (p == nullptr || !(p->kind == PlaceKind::country || p->kind == PlaceKind::capital ||
                              p->kind == PlaceKind::city_abroad || is_stepanakert(*p))) {
            continue;
        }
        const MentionSpan span = mention_tokens(m, sentence);
        const bool named = std::any_of(out.begin(), out.end(), [&](const SpeakerCandidate& o) {
            return o.first == span.first && o.speaker.type == Speaker::Type::government;
        });
        if (named) {
            continue;
        }
        SpeakerCandidate c;
        c.first = span.first;
        c.last = span.last;
        Side side = side_of_country(p->country);
        std::string who = country_name(side, p->name);
        // Stepanakert speaks for the Karabakh Armenian authorities, not for Baku.
        if (is_stepanakert(*p)) {
            side = Side::armenia;
            who = "Nagorno-Karabakh authorities";
        }
        c.speaker = Speaker{who, side, Speaker::Type::government};
        out.push_back(c);
    }
}

// "Baku said", "according to Yerevan": a government named by its capital or country.
void add_capital(const TokenizedSentence& s, std::size_t k, std::vector<SpeakerCandidate>& out) {
    const Token& t = s.tokens[k];
    if (!t.capitalized()) {
        return;
    }
    const auto* v = side_words().find(t.text);
    const std::string_view name = column(v, 1);
    if (name.empty()) {
        return;
    }
    SpeakerCandidate c;
    c.first = c.last = k;
    c.speaker =
        Speaker{std::string(name), side_from_string(column(v, 0)), Speaker::Type::government};
    out.push_back(c);
}

// "it", "he", "she"; "the statement", "their statement" (a report noun as a subject).
void add_anaphors(const TokenizedSentence& s, std::size_t k, std::vector<SpeakerCandidate>& out) {
    const std::string_view w = s.tokens[k].text;
    SpeakerCandidate c;
    c.first = c.last = k;
    if (iequals(w, "it") || iequals(w, "they")) {
        c.anaphor = Anaphor::statement;
    } else if (is_one_of(w, {"he", "she"})) {
        c.anaphor = Anaphor::person;
        c.speaker.type = Speaker::Type::person;
    } else if (report_nouns().contains(w) && k > 0 &&
               is_one_of(s.tokens[k - 1].text, {"the", "their", "its", "this", "his", "her"})) {
        c.first = k - 1;
        c.anaphor = Anaphor::statement;
    } else {
        return;
    }
    out.push_back(c);
}

// The party of a place mentioned at token t.
std::optional<Side> place_side_at(const TokenizedSentence& sentence,
                                  const std::vector<PlaceMention>& mentions, std::size_t t,
                                  std::size_t& last) {
    for (const PlaceMention& m : mentions) {
        const Place* p = mention_place(m);
        if (p == nullptr) {
            continue;
        }
        const MentionSpan span = mention_tokens(m, sentence);
        if (span.first == t && is_party(side_of_country(p->country))) {
            last = span.last;
            return side_of_country(p->country);
        }
    }
    return std::nullopt;
}

// "Residents of Khnatsakh and Khoznavar", "Two Tegh residents", "residents of a village on
// Armenia's border": witnesses are of the party of their village.
void witnesses_of_places(const TokenizedSentence& sentence,
                         const std::vector<PlaceMention>& mentions,
                         std::vector<SpeakerCandidate>& out) {
    const std::vector<Token>& tokens = sentence.tokens;
    for (SpeakerCandidate& c : out) {
        if (c.speaker.type != Speaker::Type::witness || c.anaphor == Anaphor::none) {
            continue;
        }
        std::optional<Side> side;
        std::size_t last = c.last;
        for (std::size_t t = c.first; t < c.last && !side; ++t) {
            side = place_side_at(sentence, mentions, t, last);
        }
        last = c.last;
        const bool of =
            c.last + 1 < tokens.size() && is_one_of(tokens[c.last + 1].text, {"of", "in", "from"});
        for (std::size_t t = c.last + 2;
             of && !side && t < std::min(tokens.size(), c.last + 2 + witness_place_reach); ++t) {
            if (const auto s = place_side_at(sentence, mentions, t, last)) {
                side = s;
            } else if (const auto w = side_at(sentence, t); w && is_party(*w)) {
                side = w; // "residents of a village on Armenia's border": the head stays the end
            }
        }
        // "Residents of Khnatsakh and Khoznavar"
        std::size_t more = last;
        if (side && last + 2 < tokens.size() && iequals(tokens[last + 1].text, "and") &&
            place_side_at(sentence, mentions, last + 2, more)) {
            last = more;
        }
        if (side) {
            c.speaker.side = *side;
            c.speaker.who = joined_words(adjective_of(*side), c.speaker.who);
            c.anaphor = Anaphor::none;
            c.last = std::max(c.last, last);
        }
    }
}

} // namespace

std::optional<Side> side_word(std::string_view w) {
    const auto* v = side_words().find(w);
    if (v == nullptr) {
        return std::nullopt;
    }
    // "US" must be written in capitals to be the country.
    if (iequals(w, "us") && w != "US") {
        return std::nullopt;
    }
    return side_from_string(column(v, 0));
}

std::optional<Side> side_at(const TokenizedSentence& sentence, std::size_t j) {
    const std::vector<Token>& tokens = sentence.tokens;
    if (j >= tokens.size()) {
        return std::nullopt;
    }
    if (iequals(tokens[j].text, "s") && j >= 1 && possessive_after(sentence.text, tokens, j - 1)) {
        return side_word(tokens[j - 1].text);
    }
    return side_word(tokens[j].text);
}

std::string_view adjective_of(Side s) {
    switch (s) {
    case Side::armenia:
        return "Armenian";
    case Side::azerbaijan:
        return "Azerbaijani";
    case Side::russia:
        return "Russian";
    case Side::eu:
        return "EU";
    default:
        return "";
    }
}

Side other_party(Side side) {
    if (side == Side::armenia) {
        return Side::azerbaijan;
    }
    if (side == Side::azerbaijan) {
        return Side::armenia;
    }
    return Side::unknown;
}

bool is_party(Side side) {
    return side == Side::armenia || side == Side::azerbaijan;
}

Side side_of_country(std::string_view iso2) {
    if (iso2 == "AM") {
        return Side::armenia;
    }
    if (iso2 == "AZ") {
        return Side::azerbaijan;
    }
    if (iso2 == "RU") {
        return Side::russia;
    }
    if (iso2.empty()) {
        return Side::unknown;
    }
    return Side::other;
}

std::vector<SpeakerCandidate> find_speakers(const TokenizedSentence& sentence,
                                            const std::vector<PlaceMention>& mentions) {
    const std::vector<Token>& tokens = sentence.tokens;
    std::vector<SpeakerCandidate> out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (const auto* head = speaker_nouns().find(tokens[k].text)) {
            if (auto c = phrase_at(sentence, k, head)) {
                out.push_back(std::move(*c));
            }
        }
        add_officials(sentence, k, out);
        add_capital(sentence, k, out);
        add_anaphors(sentence, k, out);
    }
    add_governments(sentence, mentions, out);
    witnesses_of_places(sentence, mentions, out);
    std::stable_sort(
        out.begin(), out.end(),
        [](const SpeakerCandidate& a, const SpeakerCandidate& b) { return a.first < b.first; });
    return out;
}

} // namespace sitmap::geo::detail
