// Roles of place mentions: actor ("Baku accused"), part of a name ("the Ministry of Defense of
// Armenia"), incident or context location ("talks in Washington").

#include "geo/extract/detail/roles.hpp"

#include "geo/core/error.hpp"
#include "geo/extract/detail/words.hpp"
#include "geo/text/lexicon.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace sitmap::geo::detail {

namespace {

// A preposition introduces a name over at most this many fillers ("in the eastern part of the
// village of Sotk").
constexpr int preposition_reach = 6;
// A name is the subject of a verb at most this many words after it, over adverbs and other
// names ("Baku and Yerevan however put out").
constexpr int subject_reach = 6;
// Background clauses ("at odds for 30 years over Nagorno-Karabakh") stand further than this many
// bytes from the incident's trigger word; a name there is no incident location.
constexpr std::size_t incident_reach = 100;

// The walk from a name to the word that says which way fire went stops after this many words
// ("from the positions near the Arazdeyen village of the Vedi region").
constexpr int direction_reach = 16;

// What a word or phrase says of the way fire went (data/lexicon/en/place_direction.tsv).
enum class Cue {
    origin,
    target,
    fire_verb,
    agent,
    by,
    passive,
    neutral,
    posted,
    unit,
    skip,
    home,
    topic
};

struct CuePhrase {
    std::vector<std::string> words; // lower case, in text order
    Cue cue = Cue::skip;
};

// The phrases of place_direction.tsv by their last word (for the walk leftwards) and by their
// first word (for the scan rightwards).
class CueTable {
public:
    CueTable() {
        for (const text::LexiconEntry& e : text::Lexicon::get("en", "place_direction").entries()) {
            CuePhrase p;
            p.cue = cue_named(e.values.empty() ? "" : e.values.front(), e.key);
            for (std::size_t b = 0; b < e.key.size();) {
                const std::size_t sp = std::min(e.key.find(' ', b), e.key.size());
                p.words.push_back(e.key.substr(b, sp - b));
                b = sp + 1;
            }
            m_by_last[p.words.back()].push_back(p);
            m_by_first[p.words.front()].push_back(std::move(p));
        }
    }
    static const CueTable& get() {
        static const CueTable table;
        return table;
    }
    // The longest phrase whose last word is token `j` (its length in `len`), or nullptr.
    const CuePhrase* ending_at(const std::vector<Token>& tokens, std::size_t j,
                               std::size_t& len) const {
        return longest(m_by_last, tokens, j, len, true);
    }
    // The longest phrase whose first word is token `j`, or nullptr.
    const CuePhrase* starting_at(const std::vector<Token>& tokens, std::size_t j,
                                 std::size_t& len) const {
        return longest(m_by_first, tokens, j, len, false);
    }

private:
    using Index = std::unordered_map<std::string, std::vector<CuePhrase>>;

    static Cue cue_named(std::string_view c, std::string_view key) {
        static const std::pair<std::string_view, Cue> names[] = {
            {"origin", Cue::origin},   {"target", Cue::target}, {"fire_verb", Cue::fire_verb},
            {"agent", Cue::agent},     {"by", Cue::by},         {"passive", Cue::passive},
            {"neutral", Cue::neutral}, {"posted", Cue::posted}, {"unit", Cue::unit},
            {"skip", Cue::skip},       {"home", Cue::home},     {"topic", Cue::topic}};
        for (const auto& [name, cue] : names) {
            if (c == name) {
                return cue;
            }
        }
        throw Error(ErrorKind::internal, "place_direction.tsv: '" + std::string(key) +
                                             "' has an unknown class '" + std::string(c) + "'");
    }

    static const CuePhrase* longest(const Index& index, const std::vector<Token>& tokens,
                                    std::size_t j, std::size_t& len, bool backwards) {
        const auto it = index.find(lower_ascii(tokens[j].text));
        if (it == index.end()) {
            return nullptr;
        }
        const CuePhrase* best = nullptr;
        for (const CuePhrase& p : it->second) {
            const std::size_t n = p.words.size();
            if ((backwards ? j + 1 < n : j + n > tokens.size()) ||
                (best != nullptr && n <= best->words.size())) {
                continue;
            }
            const std::size_t first = backwards ? j + 1 - n : j;
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) {
                match = iequals(tokens[first + k].text, p.words[k]);
            }
            if (match) {
                best = &p;
            }
        }
        len = best != nullptr ? best->words.size() : 0;
        return best;
    }

    Index m_by_last;
    Index m_by_first;
};

// Capitals, countries and cities abroad may stand for their governments ("Baku accused").
bool metonymy_kind(const Place& p) {
    return p.kind == PlaceKind::capital || p.kind == PlaceKind::country ||
           p.kind == PlaceKind::city_abroad;
}

// Words of an organisation's name: "the Ministry of Defense of Armenia".
bool org_word(std::string_view w) {
    return is_one_of(w, {"ministry",   "ministries",   "defense",  "defence", "affairs",
                         "government", "president",    "minister", "embassy", "parliament",
                         "army",       "forces",       "service",  "office",  "committee",
                         "council",    "university",   "bank",     "church",  "ombudsman",
                         "prosecutor", "commissioner", "security", "guard",   "guards",
                         "assembly",   "republic",     "health",   "interior"});
}

// Verbs of saying or acting whose subject a capital or country stands for its government
// ("Baku put out", "Armenia has demanded").
bool subject_verb(std::string_view w) {
    return is_one_of(
        w,
        {"accused",    "accuses",   "accuse",    "blamed",    "blames",     "said",     "says",
         "say",        "announced", "announces", "claimed",   "claims",     "reported", "reports",
         "denied",     "denies",    "stated",    "insisted",  "insists",    "warned",   "demanded",
         "demands",    "condemned", "pledged",   "agreed",    "urged",      "urges",    "considers",
         "considered", "rejected",  "responded", "put",       "sent",       "called",   "calls",
         "expects",    "wants",     "refused",   "relied",    "relies",     "grown",    "launched",
         "noted",      "notes",     "added",     "confirmed", "threatened", "argued",   "has",
         "have",       "had",       "is",        "was",       "were",       "are",      "will",
         "would",      "mutually",  "exchange",  "exchanged", "blamed",     "traded",   "continues",
         "continued",  "seeks",     "sought",    "hopes",     "believes",   "took"});
}

// Verbs of saying: any other place is a subject only of these ("Stepanakert said").
bool speech_verb(std::string_view w) {
    return is_one_of(w, {"said",      "says",      "say",      "accused", "accuses", "claimed",
                         "claims",    "announced", "reported", "reports", "denied",  "denies",
                         "stated",    "insisted",  "warned",   "noted",   "notes",   "added",
                         "confirmed", "blamed",    "told"});
}

// Adverbs, days and auxiliaries between a subject and its verb.
bool subject_filler(std::string_view w) {
    return is_one_of(
        w, {"meanwhile",    "however",       "also",       "initially",  "later",   "then",
            "swiftly",      "again",         "reportedly", "officially", "earlier", "too",
            "consistently", "traditionally", "repeatedly", "first",      "further", "on",
            "monday",       "tuesday",       "wednesday",  "thursday",   "friday",  "saturday",
            "sunday",       "today",         "yesterday",  "and",        "both",    "now",
            "already",      "has",           "have",       "had"});
}

// One mention as the role rules read it.
struct MentionView {
    const TokenizedSentence& sentence;
    const std::vector<PlaceMention>& mentions; // of this sentence; those before have their roles
    const std::vector<MentionSpan>& spans;     // their tokens
    std::size_t index = 0;                     // of this mention
    const Place& place;

    MentionSpan span() const { return spans[index]; }
    const std::vector<Token>& tokens() const { return sentence.tokens; }
    std::string_view word(std::size_t i) const { return sentence.word(i); }
    // The token before the name (tokens().size() if none) and the token after it.
    std::size_t before() const { return span().first > 0 ? span().first - 1 : tokens().size(); }
    std::size_t after() const { return span().last + 1; }
    // The text between the name and the token after it.
    std::string_view gap_after() const {
        return gap_between(sentence.text, tokens()[span().last], tokens()[after()]);
    }
};

// Which way a place stands to the sentence's act of fire; `home` is where a person is from ("a
// soldier from the village of X"), `topic` what a war or dispute is about ("the war over X"): no
// place of the act.
enum class Direction { unknown, origin, target, home, topic };

// A gap between two words that ends a phrase ("said: “", "; ", " — ").
bool hard_break(std::string_view gap) {
    for (const std::string_view stop :
         {":", ";", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\x93", " - "}) {
        if (gap.find(stop) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

// Place words that end an item of a list of places ("Zamanli, Garavallar settlements, Kalbajar
// region's Zaylik settlement").
bool place_noun(std::string_view w) {
    return is_one_of(w, {"village", "villages", "settlement", "settlements", "region", "regions",
                         "district", "districts", "province", "provinces", "town", "towns", "city",
                         "area", "areas", "direction", "directions", "section", "sections"});
}

// A capitalised word that may be part of a name the gazetteer does not know ("Yukhary" of
// "Yukhary Shorzha"), not a day or month ("On Tuesday, units near X").
bool unknown_name_word(const Token& t) {
    return t.capitalized() &&
           !is_one_of(t.text, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                               "sunday", "january", "february", "march", "april", "may", "june",
                               "july", "august", "september", "october", "november", "december"});
}

// The mention of this sentence whose tokens end at token `j` (`before` only those before
// `index`), or nullopt.
std::optional<std::size_t> mention_ending_at(const std::vector<MentionSpan>& spans,
                                             std::size_t index, std::size_t j) {
    for (std::size_t k = 0; k < index; ++k) {
        if (spans[k].last == j) {
            return k;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> mention_starting_at(const std::vector<MentionSpan>& spans,
                                               std::size_t index, std::size_t j) {
    for (std::size_t k = index + 1; k < spans.size(); ++k) {
        if (spans[k].first == j) {
            return k;
        }
    }
    return std::nullopt;
}

// "Anna Petrosyan from Khnatsakh": a bare "from" (token `from`) right after a name that is no
// place, no day or month and no word for troops ("the Armenian Army from"), is where a person is
// from, not where fire came from.
bool from_after_a_name(const TokenizedSentence& s, const std::vector<MentionSpan>& spans,
                       std::size_t index, std::size_t from, const CuePhrase& cue) {
    static const WordList force_nouns("force_nouns");
    if (cue.words.size() != 1 || from == 0 || mention_ending_at(spans, index, from - 1)) {
        return false;
    }
    const Token& before = s.tokens[from - 1];
    return !hard_break(gap_between(s.text, before, s.tokens[from])) && unknown_name_word(before) &&
           !force_nouns.contains(before.text);
}

// Reads leftwards from a name to the word that governs it: "from the direction of X" (origin),
// "fired at Azerbaijani positions near X" (target), "by units deployed near X" (origin), over
// words of place and position, other names and lists of them; unknown when another word comes
// first. `unit` tells whether a word for a party's units or positions was passed.
Direction walk_left(const TokenizedSentence& s, const std::vector<MentionSpan>& spans,
                    std::size_t index, bool& unit) {
    const CueTable& table = CueTable::get();
    const std::vector<Token>& tokens = s.tokens;
    std::size_t j = spans[index].first; // the walk reads token j - 1
    bool posted = false;                // passed "stationed", "deployed in"...
    for (int steps = 0; j > 0 && steps < direction_reach; ++steps) {
        const std::string_view gap = gap_between(s.text, tokens[j - 1], tokens[j]);
        if (hard_break(gap)) {
            return Direction::unknown;
        }
        const std::optional<std::size_t> other = mention_ending_at(spans, index, j - 1);
        // A comma goes on only inside a list of places ("Zamanli, Garavallar settlements").
        if (gap.find(',') != std::string_view::npos && !other && !place_noun(tokens[j - 1].text) &&
            !unknown_name_word(tokens[j - 1])) {
            return Direction::unknown;
        }
        if (other) {
            j = spans[*other].first;
            continue;
        }
        std::size_t len = 0;
        const CuePhrase* p = table.ending_at(tokens, j - 1, len);
        if (p == nullptr) {
            // A capitalised word is a name the gazetteer does not know ("Yukhary" of "Yukhary
            // Shorzha", "Musurskand of Tovuzgala region"): part of the list of places.
            const Token& w = tokens[j - 1];
            if (!is_locative_filler(w.text) && !place_noun(w.text) && !unknown_name_word(w)) {
                return Direction::unknown;
            }
            --j;
            continue;
        }
        switch (p->cue) {
        case Cue::origin:
            return from_after_a_name(s, spans, index, j - len, *p) ? Direction::home
                                                                   : Direction::origin;
        case Cue::target:
        case Cue::fire_verb:
            return Direction::target;
        case Cue::agent:
            return unit ? Direction::origin : Direction::unknown;
        case Cue::by:
            return unit && posted ? Direction::origin : Direction::unknown;
        case Cue::passive:
            return Direction::unknown;
        case Cue::home:
            return Direction::home;
        case Cue::topic:
            return Direction::topic;
        case Cue::unit:
            unit = true;
            break;
        case Cue::posted:
            posted = true;
            break;
        case Cue::neutral:
        case Cue::skip:
            break;
        }
        j -= len;
    }
    return Direction::unknown;
}

// Reads rightwards from a name over the rest of its phrase to the verb: "units near X fired"
// (X is where fire came from), "positions near X came under fire" (where it landed).
Direction scan_right(const TokenizedSentence& s, const std::vector<MentionSpan>& spans,
                     std::size_t index) {
    const CueTable& table = CueTable::get();
    const std::vector<Token>& tokens = s.tokens;
    std::size_t j = spans[index].last + 1;
    for (int steps = 0; j < tokens.size() && steps < direction_reach; ++steps) {
        const std::string_view gap = gap_between(s.text, tokens[j - 1], tokens[j]);
        const std::optional<std::size_t> other = mention_starting_at(spans, index, j);
        if (hard_break(gap) || (gap.find(',') != std::string_view::npos && !other)) {
            return Direction::unknown;
        }
        if (other) {
            j = spans[*other].last + 1;
            continue;
        }
        const std::string_view w = tokens[j].text;
        std::size_t len = 0;
        const CuePhrase* p = table.starting_at(tokens, j, len);
        if (p != nullptr && p->cue == Cue::fire_verb) {
            return Direction::origin;
        }
        if (p != nullptr && p->cue == Cue::passive) {
            return Direction::target;
        }
        const bool passes = p != nullptr ? (p->cue == Cue::neutral || p->cue == Cue::posted ||
                                            p->cue == Cue::unit || p->cue == Cue::skip)
                                         : (is_locative_filler(w) || place_noun(w) ||
                                            (w.size() > 3 && w.ends_with("ly"))); // adverbs
        if (!passes) {
            return Direction::unknown;
        }
        j += std::max<std::size_t>(len, 1);
    }
    return Direction::unknown;
}

struct Locative {
    bool locative = false;                  // introduced by a preposition or an act of fire
    bool coordinated_with_previous = false; // "in Brussels and Moscow": Moscow
};

// Locative: a preposition before the name, over fillers ("in the village of"), or the
// coordinated partner of a locative mention ("in Brussels and Moscow").
Locative locative_reading(const MentionView& v, const std::vector<bool>& locative) {
    const std::vector<Token>& tokens = v.tokens();
    Locative out;
    std::size_t j = v.span().first;
    int steps = 0;
    while (j > 0 && steps < preposition_reach) {
        --j;
        ++steps;
        const std::string_view w = tokens[j].text;
        // "officials in Baku said": the capital names the government.
        if (iequals(w, "in") && j > 0 &&
            is_one_of(tokens[j - 1].text,
                      {"ministry", "officials", "authorities", "government", "sources", "diplomats",
                       "leadership", "spokesman", "spokeswoman", "embassy"})) {
            break;
        }
        // "in the village of X", and objects of fire: "shells hit the outskirts of X".
        if (is_locative_preposition(w) ||
            is_one_of(w, {"hit", "struck", "shelled", "targeted", "attacked", "bombarded",
                          "shelling", "attacking"})) {
            out.locative = true;
            break;
        }
        if ((iequals(w, "and") || iequals(w, "or")) && v.index > 0 &&
            v.spans[v.index - 1].last + 1 == j) {
            out.coordinated_with_previous = true;
            out.locative = locative[v.index - 1];
            break;
        }
        if (!is_locative_filler(w)) {
            break;
        }
    }
    return out;
}

// Part of a name: "the Ministry of Defense of Armenia", "Armenia's Defence Ministry",
// "the Second Nagorno-Karabakh War", "Foreign Minister Ararat Mirzoyan", "the Azerbaijan Army",
// "Azerbaijani border guards".
bool is_name_part(const MentionView& v) {
    const std::vector<Token>& tokens = v.tokens();
    const std::size_t before = v.before();
    const std::size_t after = v.after();
    const MentionSpan s = v.span();
    const auto word = [&](std::size_t i) { return v.word(i); };
    const bool of_org = before < tokens.size() && iequals(word(before), "of") && before >= 1 &&
                        (org_word(word(before - 1)) || (iequals(word(before - 1), "the") &&
                                                        before >= 2 && org_word(word(before - 2))));
    const bool possessive_org =
        possessive_after(v.sentence.text, tokens, s.last) &&
        is_one_of(word(after + 1),
                  {"ministry",  "defense",   "defence", "foreign",    "health",     "interior",
                   "president", "prime",     "pm",      "government", "parliament", "ombudsman",
                   "security",  "emergency", "state",   "human",      "armed",      "army",
                   "military",  "leader",    "leaders"});
    const bool named_war = after < tokens.size() && v.gap_after() == " " && word(after) == "War";
    // A first name that is also a place: "Foreign Minister Ararat Mirzoyan".
    const bool person_name =
        before < tokens.size() &&
        is_one_of(word(before), {"minister", "president", "secretary", "spokesman", "spokeswoman",
                                 "spokesperson", "pm", "ambassador", "general", "envoy", "chairman",
                                 "commander", "mr", "ms", "mrs"}) &&
        after < tokens.size() && tokens[after].capitalized() && v.gap_after() == " ";
    // "the Azerbaijan Army", "Armenia Defense Ministry"
    const bool direct_org =
        after < tokens.size() && v.gap_after() == " " && tokens[after].capitalized() &&
        is_one_of(word(after), {"army", "armed", "ministry", "government", "defense", "defence",
                                "president", "parliament", "embassy", "state", "foreign"});
    // A unit named after a place: "Azerbaijani border guards", "the Armenian border troops".
    const bool unit = after < tokens.size() && v.gap_after() == " " &&
                      is_one_of(word(after), {"guards", "guard", "service", "troops", "police",
                                              "forces", "units", "posts", "outposts"});
    return of_org || possessive_org || named_war || person_name || direct_org || unit;
}

// Adjectival use: "Moscow-sponsored", "EU-hosted", "Russia-brokered".
bool is_adjectival(const MentionView& v) {
    const std::size_t after = v.after();
    return after < v.tokens().size() && v.gap_after() == "-" &&
           is_one_of(v.word(after), {"sponsored", "brokered", "negotiated", "hosted", "backed",
                                     "led", "mediated", "friendly", "aligned", "based", "allied"});
}

// Subject of a verb of saying or acting: "Baku accused", "Armenia has consistently demanded",
// "Baku and Yerevan however put out".
bool is_subject(const MentionView& v) {
    const std::vector<Token>& tokens = v.tokens();
    std::size_t j = v.after();
    if (j < tokens.size() && possessive_after(v.sentence.text, tokens, v.span().last)) {
        j = tokens.size(); // "Baku's" is not a subject
    }
    int steps = 0;
    while (j < tokens.size() && steps < subject_reach) {
        const std::string_view w = tokens[j].text;
        bool is_other_mention = false;
        for (std::size_t k = v.index + 1; k < v.mentions.size(); ++k) {
            if (v.spans[k].first == j) {
                j = v.spans[k].last + 1;
                is_other_mention = true;
                break;
            }
        }
        if (is_other_mention) {
            ++steps;
            continue;
        }
        if (metonymy_kind(v.place) ? subject_verb(w) : speech_verb(w)) {
            // "..., Jermuk and Sotk, reports the ministry's spokesperson": a speech verb after a
            // comma introduces the speaker after it, not this name.
            return j == 0 || gap_between(v.sentence.text, tokens[j - 1], tokens[j]).find(',') ==
                                 std::string_view::npos;
        }
        if (!subject_filler(w)) {
            break;
        }
        ++j;
        ++steps;
    }
    return false;
}

// A capital or country that is not introduced as a location stands for its government: "accused
// Baku", "according to Washington", "called on Baku to", "Moscow's", "Baku and Yerevan".
bool is_metonymic_actor(const MentionView& v, const Locative& loc) {
    const std::size_t before = v.before();
    const bool agency =
        before < v.tokens().size() &&
        (is_one_of(v.word(before),
                   {"accused", "accuses",  "accusing", "blamed",   "blames", "urged",
                    "urges",   "urge",     "urging",   "asked",    "asks",   "warned",
                    "warns",   "told",     "tells",    "demanded", "with",   "against",
                    "by",      "pressure", "called"}) ||
         (iequals(v.word(before), "to") && before >= 1 &&
          iequals(v.word(before - 1), "according")) ||
         // "called on Baku to investigate": the addressee of an appeal
         (iequals(v.word(before), "on") && before >= 1 &&
          is_one_of(v.word(before - 1), {"called", "calls", "call", "calling"})));
    return agency || possessive_after(v.sentence.text, v.tokens(), v.span().last) ||
           (!loc.locative && !loc.coordinated_with_previous) ||
           (loc.coordinated_with_previous && v.index > 0 &&
            v.mentions[v.index - 1].role == MentionRole::actor);
}

// "Verin Shorzha in Gegharkunik", "Sotk, Gegharkunik province", "Havush settlement of the Sharur
// region of the Nakhchivan Autonomous Republic": the second name only says where the first one is.
bool is_qualifier(const MentionView& v) {
    const MentionSpan s = v.span();
    if (v.index == 0 || s.first < 1 || !mention_place(v.mentions[v.index - 1])) {
        return false;
    }
    // "at the border in the Gegharkunik Province": the province says where more closely than a
    // border hundreds of kilometres long (border_narrowed_by_area).
    if (mention_place(v.mentions[v.index - 1])->kind == PlaceKind::border_sector &&
        v.place.kind == PlaceKind::region) {
        return false;
    }
    // A place cannot say where a larger one is: "on the border with Armenia in the Kalbajar
    // District" names where the fire was, not where Armenia is.
    const PlaceKind prev_kind = mention_place(v.mentions[v.index - 1])->kind;
    if (prev_kind == PlaceKind::country && v.place.kind != PlaceKind::country) {
        return false;
    }
    const std::size_t prev_end = v.spans[v.index - 1].last;
    if (prev_end >= s.first) {
        return false;
    }
    const std::vector<Token>& tokens = v.tokens();
    const auto word = [&](std::size_t i) { return v.word(i); };
    // Only words of place between the two names, joined by "in", "of" or a comma.
    bool in = false;
    bool of = false;
    for (std::size_t j = prev_end + 1; j < s.first; ++j) {
        in = in || iequals(word(j), "in");
        of = of || iequals(word(j), "of");
        if (!is_one_of(word(j), {"in", "of", "the", "eastern", "western", "northern", "southern",
                                 "east", "west", "north", "south"}) &&
            !place_noun(word(j))) {
            return false;
        }
    }
    const bool comma =
        gap_between(v.sentence.text, tokens[prev_end], tokens[prev_end + 1]).find(',') !=
        std::string_view::npos;
    // After a comma or "of" only an area qualifies ("Sotk, Gegharkunik province", "the village of
    // Sotk of Vardenis district"); otherwise it is a list ("Jermuk, Goris and Kapan").
    const bool region_like =
        v.place.kind == PlaceKind::region || v.place.kind == PlaceKind::country ||
        is_one_of(word(s.last + 1),
                  {"province", "region", "district", "marz", "rayon", "autonomous"}) ||
        is_one_of(tokens[s.last].text, {"province", "region", "district", "marz", "rayon"});
    // An area with an outline qualifies only a place inside it (give or take coarse outlines):
    // "Aghdam, Khojavand and Khojaly regions" is a list of three districts.
    constexpr double outline_slack_m = 5000.0;
    const Place* prev = mention_place(v.mentions[v.index - 1]);
    if (comma && !in && !of && std::holds_alternative<AreaGeom>(v.place.geometry) &&
        distance_m(prev->anchor, v.place.geometry) > outline_slack_m) {
        return false;
    }
    return in || ((of || (comma && prev_end + 1 == s.first)) && region_like);
}

// "some 300 kilometers from Karabakh": a place named only to say how far away something was is
// no place of it (within far_km it still locates it: "shells landed two km from Goris").
bool named_as_far_away(const MentionView& v) {
    constexpr double far_km = 25.0;
    std::size_t j = v.span().first;
    // Over "the" and a word or two of description ("from the mountainous Karabakh").
    for (int n = 0; n < 3 && j > 0 && !iequals(v.word(j - 1), "from"); ++n) {
        const std::string_view w = v.word(j - 1);
        if (w.empty() || !(w.front() >= 'a' && w.front() <= 'z')) {
            return false;
        }
        --j;
    }
    if (j < 3 || !iequals(v.word(j - 1), "from")) {
        return false;
    }
    const std::string_view unit = v.word(j - 2);
    const double per_unit = is_one_of(unit, {"km", "kilometers", "kilometres"}) ? 1.0
                            : is_one_of(unit, {"miles", "mi"})                  ? 1.609
                                                                                : 0.0;
    std::string digits;
    for (const char c : v.word(j - 3)) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ',') {
            return false;
        }
    }
    return per_unit > 0.0 && !digits.empty() && digits.size() < 7 &&
           std::stod(digits) * per_unit > far_km;
}

// "the border in the Gegharkunik Province", "the eastern section of the border in Tavush": a
// border or sector narrowed by the area named right after it with "in"; the area is where.
bool border_narrowed_by_area(const MentionView& v) {
    if (v.place.kind != PlaceKind::border_sector || v.index + 1 >= v.mentions.size()) {
        return false;
    }
    const Place* next = mention_place(v.mentions[v.index + 1]);
    if (next == nullptr || next->kind != PlaceKind::region) {
        return false;
    }
    const std::size_t from = v.span().last + 1;
    const std::size_t to = v.spans[v.index + 1].first;
    bool in = false;
    for (std::size_t j = from; j < to; ++j) {
        in = in || iequals(v.word(j), "in");
        if (!is_one_of(v.word(j), {"in", "the"})) {
            return false;
        }
    }
    return in;
}

// "Nakhchivan's Sadarak region", "Gadabay region's Zamanli": the first name only says where the
// next one is.
bool is_possessive_qualifier(const MentionView& v) {
    std::size_t j = v.span().last;
    if (place_noun(v.word(j + 1)) && possessive_after(v.sentence.text, v.tokens(), j + 1)) {
        ++j;
    } else if (!possessive_after(v.sentence.text, v.tokens(), j)) {
        return false;
    }
    return mention_starting_at(v.spans, v.index, j + 2).has_value();
}

// A location: of an incident when the nearest trigger is one, else context.
MentionRole location_role(const MentionView& v, const std::vector<TriggerHit>& triggers) {
    const PlaceMention& m = v.mentions[v.index];
    const std::size_t b = m.mention.begin - v.sentence.begin;
    const std::size_t e = m.mention.end - v.sentence.begin;
    const TriggerHit* nearest = nullptr;
    std::size_t best = 0;
    const bool incident_sentence =
        std::any_of(triggers.begin(), triggers.end(),
                    [](const TriggerHit& t) { return names_an_event(t.trigger); });
    for (const TriggerHit& t : triggers) {
        // "..., the ministry said" does not make the place of the shelling (or of a checkpoint, a
        // blockade, a hand-over) a context.
        if (incident_sentence && t.trigger == Trigger::statement) {
            continue;
        }
        const std::size_t d = span_distance(b, e, t.begin, t.end);
        if (nearest == nullptr || d < best) {
            nearest = &t;
            best = d;
        }
    }
    if (nearest != nullptr && nearest->trigger == Trigger::incident && best > incident_reach) {
        nearest = nullptr;
    }
    const bool event_place = nearest != nullptr && names_an_event(nearest->trigger);
    return event_place ? MentionRole::incident_location : MentionRole::context_location;
}

// The role of one resolved mention, the rules in order: part of a name, actor, then location.
MentionRole role_of(const MentionView& v, const Locative& loc,
                    const std::vector<TriggerHit>& triggers, bool history) {
    if (is_name_part(v)) {
        return MentionRole::name_part;
    }
    if (is_adjectival(v)) {
        return MentionRole::actor;
    }
    if (is_subject(v) && !loc.locative) {
        return MentionRole::actor;
    }
    if (metonymy_kind(v.place) && is_metonymic_actor(v, loc)) {
        return MentionRole::actor;
    }
    if (v.place.kind == PlaceKind::country || is_abroad(v.place) || history || is_qualifier(v) ||
        is_possessive_qualifier(v) || border_narrowed_by_area(v) || named_as_far_away(v)) {
        return MentionRole::context_location;
    }
    // "the Washington talks", "the Moscow format"
    if (v.after() < v.tokens().size() &&
        is_one_of(v.word(v.after()), {"talks", "summit", "meeting", "format", "process",
                                      "negotiations", "declaration", "statement", "agreement"})) {
        return MentionRole::context_location;
    }
    // "their war over the disputed X": what the war is about, in any sentence.
    bool unit_before = false;
    const Direction left = walk_left(v.sentence, v.spans, v.index, unit_before);
    if (left == Direction::topic) {
        return MentionRole::context_location;
    }
    const MentionRole where = location_role(v, triggers);
    // In a sentence about fire, the place fire came from is its origin, not where it happened,
    // however near the trigger word it stands.
    const bool fire = std::any_of(triggers.begin(), triggers.end(), [](const TriggerHit& t) {
        return t.trigger == Trigger::incident;
    });
    if (!fire) {
        return where;
    }
    // Read from the right, an active verb of fire makes the name the attacker's place only
    // after a unit word ("units near X fired"); a headline's "Villages in X shelled" is passive.
    Direction right = Direction::unknown;
    if (left == Direction::unknown) {
        right = scan_right(v.sentence, v.spans, v.index);
        if (right == Direction::origin && !unit_before) {
            right = Direction::unknown;
        }
    }
    switch (left != Direction::unknown ? left : right) {
    case Direction::origin:
        return MentionRole::origin_location;
    case Direction::home:
    case Direction::topic:
        return MentionRole::context_location;
    case Direction::target:
        // "fired ... on the positions in X": governed by the act, however far from its word.
        return left == Direction::target ? MentionRole::incident_location : where;
    case Direction::unknown:
        break;
    }
    return where;
}

} // namespace

const Place* mention_place(const PlaceMention& m) {
    if (!m.mention.resolution.resolved || m.mention.resolution.candidates.empty()) {
        return nullptr;
    }
    return m.mention.resolution.candidates.front().place;
}

bool is_abroad(const Place& p) {
    return p.kind == PlaceKind::city_abroad ||
           !(p.country.empty() || p.country == "AM" || p.country == "AZ");
}

std::size_t span_distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    if (e1 <= b2) {
        return b2 - e1;
    }
    if (e2 <= b1) {
        return b1 - e2;
    }
    return 0;
}

MentionSpan mention_tokens(const PlaceMention& m, const TokenizedSentence& sentence) {
    const std::vector<Token>& tokens = sentence.tokens;
    const std::size_t b = m.mention.begin - sentence.begin;
    const std::size_t e = m.mention.end - sentence.begin;
    MentionSpan s;
    s.first = token_at(tokens, b);
    const std::size_t after = token_at(tokens, e);
    s.last = after == 0 ? 0 : after - 1;
    if (s.last < s.first) {
        s.last = s.first;
    }
    // "Azerbaijan’s": the name ends before the possessive.
    if (s.last > s.first && iequals(tokens[s.last].text, "s")) {
        --s.last;
    }
    return s;
}

void assign_roles(const TokenizedSentence& sentence, const std::vector<TriggerHit>& triggers,
                  bool history, std::vector<PlaceMention>& mentions) {
    std::vector<bool> locative(mentions.size(), false);
    std::vector<MentionSpan> spans;
    spans.reserve(mentions.size());
    for (const PlaceMention& m : mentions) {
        spans.push_back(mention_tokens(m, sentence));
    }
    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
        PlaceMention& m = mentions[mi];
        const Place* place = mention_place(m);
        if (place == nullptr || sentence.tokens.empty() ||
            spans[mi].first >= sentence.tokens.size()) {
            m.role = MentionRole::context_location;
            continue;
        }
        const MentionView v{sentence, mentions, spans, mi, *place};
        const Locative loc = locative_reading(v, locative);
        locative[mi] = loc.locative;
        m.role = role_of(v, loc, triggers, history);
    }
}

} // namespace sitmap::geo::detail
