// Who says so: the speakers a sentence names as saying, accusing or denying (anchored by a speech
// verb, "according to", "citing"), the reports they deny ("the statement of the Azerbaijani MoD
// that ..."), what they assert, against whom, and the figures they give; the statement that runs
// on into sentences that name no speaker; figures nobody is named for, as the losing side's.

#include "geo/extract/detail/claims.hpp"

#include "geo/extract/detail/casualties.hpp"
#include "geo/extract/detail/words.hpp"

#include <algorithm>

namespace sitmap::geo::detail {
namespace {

// Tokens that may stand between a subject and its verb ("the ministry, in a statement on Friday,
// said"): at most this many.
constexpr std::size_t subject_gap = 6;
// "The ombudsman in the ethnic Armenian-controlled Azerbaijani region said": a phrase of this many
// tokens at most between a subject and its verb.
constexpr std::size_t subject_phrase_reach = 10;
// "said the ministry", "reads a message from the Ministry of Defense": the speaker starts at most
// this many tokens after the verb (articles, report nouns and "of"/"from" between).
constexpr std::size_t inverted_speaker_reach = 6;
// "accused the Armenian side": the accused side is named within this many tokens after the verb.
constexpr std::size_t accused_reach = 4;
// "from the direction of Armenian positions": a preposition this many tokens before a party's name
// tells whether it acts (from, by) or is hit (at, on, towards).
constexpr std::size_t preposition_reach = 8;
// "Azerbaijani armed forces units": a force noun within this many tokens after a party's name.
constexpr std::size_t force_reach = 3;
// "Baku's latest claims": a report noun this many tokens after a possessive names what it says.
constexpr std::size_t report_reach = 3;
// A sentence without a speaker continues the statement read this many sentences before at most.
constexpr std::size_t continuation_reach = 1;
// "killed and four wounded": a figure this many tokens after another may leave its side unsaid.
constexpr std::size_t ellipsis_reach = 3;

enum class VerbKind { say, accuse, deny };
enum class Order { subject, both, object };

struct Verb {
    std::size_t at = 0;
    std::size_t length = 1;
    VerbKind kind = VerbKind::say;
    Order order = Order::subject;
};

const WordList& speech_verbs() {
    static const WordList list("speech_verbs");
    return list;
}
const WordList& denial_phrases() {
    static const WordList list("denials");
    return list;
}
const WordList& force_nouns() {
    static const WordList list("force_nouns");
    return list;
}
const WordList& report_nouns() {
    static const WordList list("report_nouns");
    return list;
}

// "did not deny", "has not yet commented": the word at k is negated.
bool negated(const std::vector<Token>& tokens, std::size_t k) {
    std::size_t j = k;
    while (j > 0 && is_one_of(tokens[j - 1].text, {"yet", "also", "officially"})) {
        --j;
    }
    return j > 0 && is_one_of(tokens[j - 1].text, {"not", "never", "t"});
}

// "made the claims", "made a statement", "made similar accusations": a verb of saying.
bool made_a_statement(const std::vector<Token>& tokens, std::size_t i) {
    if (!is_one_of(tokens[i].text, {"made", "makes", "make", "issued"})) {
        return false;
    }
    for (std::size_t t = i + 1; t < std::min(tokens.size(), i + 3); ++t) {
        if (report_nouns().contains(tokens[t].text)) {
            return true;
        }
    }
    return false;
}

std::vector<Verb> verbs_in(const std::vector<Token>& tokens) {
    std::vector<Verb> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::vector<std::string>* values = nullptr;
        const std::size_t n = speech_verbs().match(tokens, i, &values);
        if (n == 0 && made_a_statement(tokens, i)) {
            out.push_back(Verb{i, 1, VerbKind::say, Order::subject});
            continue;
        }
        if (n == 0 || negated(tokens, i)) {
            continue;
        }
        const std::string_view kind = column(values, 0);
        const std::string_view order = column(values, 1);
        out.push_back(Verb{i, n,
                           kind == "accuse" ? VerbKind::accuse
                           : kind == "deny" ? VerbKind::deny
                                            : VerbKind::say,
                           order == "both"     ? Order::both
                           : order == "object" ? Order::object
                                               : Order::subject});
        i += n - 1;
    }
    return out;
}

bool is_month_or_weekday(std::string_view w) {
    return is_one_of(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday", "january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"});
}

// Adverbs, auxiliaries, dates and phrases that may stand between a subject and its verb.
bool skippable(const Token& t) {
    const std::string_view w = t.text;
    return t.numeric() || is_month_or_weekday(w) ||
           is_one_of(w, {"meanwhile", "however", "also", "initially", "later", "then", "swiftly",
                         "again", "has", "have", "had", "is", "was", "were", "are", "been", "on",
                         "in", "a", "an", "the", "statement", "its", "reportedly", "officially",
                         "earlier", "first", "further", "previously", "once", "too", "consistently",
                         "mutually", "repeatedly", "today", "yesterday", "late", "early", "night",
                         "morning", "evening", "afternoon", "strongly", "categorically", "flatly",
                         "s", "fake", "news", "also", "separately", "subsequently", "immediately",
                         // "the ministry, for its part, reported", "in its turn"
                         "for", "part", "turn", "their"}) ||
           report_nouns().contains(w);
}

// A possible speaker as claims read it, named as the source of a report that the sentence speaks
// of ("the statement of the Azerbaijani MoD", "Baku's claims") or not.
struct Candidate : SpeakerCandidate {
    bool embedded = false;
};

// A candidate that names someone ("it" and "the statement" only as subjects of a verb).
bool names_someone(const SpeakerCandidate& c) {
    return c.anaphor != Anaphor::statement;
}

// A subject ending at token `last` joins the verb at v: only skippable words between, no quote
// or semicolon ("“... the Azerbaijani armed forces”, says the statement" has no subject), and a
// comma only around words between ("the ministry, in a statement, said").
bool joins_verb(const TokenizedSentence& s, std::size_t last, std::size_t v) {
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t t = last + 1; t <= v; ++t) {
        if (t < v && !skippable(tokens[t])) {
            return false;
        }
        const std::string_view gap = gap_between(s.text, tokens[t - 1], tokens[t]);
        if (gap.find_first_of(";:\"") != std::string_view::npos ||
            gap.find("\xE2\x80\x9D") != std::string_view::npos ||
            gap.find("\xE2\x80\x9C") != std::string_view::npos ||
            (last + 1 == v && gap.find(',') != std::string_view::npos)) {
            return false;
        }
    }
    return true;
}

// "The ombudsman in the ethnic Armenian-controlled region said": a subject with a phrase of a
// preposition between it and its verb (no comma, no other verb).
std::optional<std::size_t> subject_before_phrase(const TokenizedSentence& s,
                                                 const std::vector<Candidate>& candidates,
                                                 std::size_t v) {
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = candidates.size(); i-- > 0;) {
        const Candidate& c = candidates[i];
        const bool as_well_as = c.last + 3 < v && iequals(tokens[c.last + 1].text, "as") &&
                                iequals(tokens[c.last + 2].text, "well") &&
                                iequals(tokens[c.last + 3].text, "as");
        if (c.embedded || !names_someone(c) || c.last + 2 >= v ||
            v - c.last - 1 > subject_phrase_reach ||
            !(as_well_as ||
              is_one_of(tokens[c.last + 1].text, {"in", "of", "for", "at", "from"}))) {
            continue;
        }
        bool plain = true;
        for (std::size_t t = c.last + 1; t < v && plain; ++t) {
            const std::string_view gap = gap_between(s.text, tokens[t], tokens[t + 1]);
            plain = gap.find_first_of(",;:\"") == std::string_view::npos &&
                    !speech_verbs().contains(tokens[t].text) &&
                    !is_one_of(tokens[t].text, {"that", "which", "who", "and"});
            plain = plain || (as_well_as && t <= c.last + 3 && !iequals(tokens[t].text, "and"));
        }
        if (plain) {
            return i;
        }
    }
    return std::nullopt;
}

// "a village on Armenia's border with Azerbaijan said": a country after a preposition is no
// subject.
bool after_preposition(const std::vector<Token>& tokens, const Candidate& c) {
    return c.speaker.type == Speaker::Type::government && c.first > 0 &&
           is_one_of(tokens[c.first - 1].text, {"with", "on", "in", "from", "to", "of", "by",
                                                "against", "between", "at", "for"});
}

// Where a speaker stands for a verb, and the clause it heads.
struct Anchor {
    std::size_t candidate = 0; // index into the candidates
    Verb verb;
    std::size_t begin = 0; // first token of the clause (the speaker's, or the verb's)
    bool inverted = false; // the speaker is named after the verb ("..., the ministry said")
};

// The subject of the verb at v: the candidate ending nearest before it with only skippable
// tokens between; of "A and B said", the one of a party.
std::optional<std::size_t> subject_of(const TokenizedSentence& s,
                                      const std::vector<Candidate>& candidates, std::size_t v) {
    const std::vector<Token>& tokens = s.tokens;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (c.last >= v || v - c.last - 1 > subject_gap) {
            continue;
        }
        if (c.embedded || !joins_verb(s, c.last, v) || after_preposition(tokens, c)) {
            continue;
        }
        if (!best || c.last > candidates[*best].last ||
            (c.last == candidates[*best].last && c.first < candidates[*best].first)) {
            best = i;
        }
    }
    if (!best) {
        return subject_before_phrase(s, candidates, v);
    }
    // "the Azerbaijani Defense Ministry and the Prosecutor-General's Office said"
    const SpeakerCandidate& b = candidates[*best];
    if (b.anaphor != Anaphor::none && b.first >= 2) {
        std::size_t a = b.first - 1;
        if (iequals(tokens[a].text, "the") && a > 0) {
            --a;
        }
        if (iequals(tokens[a].text, "and")) {
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                if (candidates[i].last + 1 == a && candidates[i].anaphor == Anaphor::none) {
                    return i;
                }
            }
        }
    }
    return best;
}

// The speaker named after a verb: "said the ministry", "reads a message from the Ministry of
// Defense", "according to the statement of the ministry", "citing the Defense Ministry".
std::optional<std::size_t> object_of(const std::vector<Token>& tokens,
                                     const std::vector<Candidate>& candidates, std::size_t from) {
    std::optional<std::size_t> statement;
    for (std::size_t t = from; t < std::min(tokens.size(), from + inverted_speaker_reach); ++t) {
        // The longest name that starts here: "Russia's Defense Ministry", not "Russia".
        std::optional<std::size_t> named;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (candidates[i].first != t) {
                continue;
            }
            if (!names_someone(candidates[i])) {
                statement = statement ? statement : std::optional<std::size_t>(i);
            } else if (!named || candidates[i].last > candidates[*named].last) {
                named = i;
            }
        }
        if (named) {
            return named;
        }
        const std::string_view w = tokens[t].text;
        if (!is_one_of(w, {"the", "a", "an", "by", "from", "of", "its", "their"}) &&
            !report_nouns().contains(w) && !(statement && candidates[*statement].last >= t)) {
            break;
        }
    }
    return statement;
}

// The clause a subject heads begins at the subject, or at the conjunction before it ("; and the
// Armenian MoD reported").
std::size_t clause_begin(const std::vector<Token>& tokens, std::size_t first) {
    if (first > 0 && iequals(tokens[first - 1].text, "the")) {
        --first;
    }
    if (first > 0 && is_one_of(tokens[first - 1].text, {"and", "while", "but", "whereas", "as"})) {
        return first - 1;
    }
    return first;
}

std::vector<Anchor> find_anchors(const TokenizedSentence& s, const std::vector<Verb>& verbs,
                                 const std::vector<Candidate>& candidates) {
    const std::vector<Token>& tokens = s.tokens;
    std::vector<Anchor> out;
    const auto add = [&](std::size_t i, const Verb& v, std::size_t begin, bool inverted) {
        for (const Anchor& a : out) {
            if (a.candidate == i) {
                return;
            }
        }
        out.push_back(Anchor{i, v, begin, inverted});
    };
    for (const Verb& v : verbs) {
        if (v.order != Order::object) {
            if (const auto i = subject_of(s, candidates, v.at)) {
                add(*i, v, clause_begin(tokens, candidates[*i].first), false);
                continue;
            }
        }
        if (v.order == Order::both) {
            if (const auto i = object_of(tokens, candidates, v.at + v.length)) {
                add(*i, v, v.at, true);
            }
        } else if (v.order == Order::object) {
            if (const auto i = object_of(tokens, candidates, v.at + v.length)) {
                add(*i, v, v.at, false);
            }
        }
    }
    // "“The Armenian Defense Ministry announces that ...,” reads the statement": the statement is
    // the named speaker's.
    const bool named = std::any_of(out.begin(), out.end(), [&](const Anchor& a) {
        return candidates[a.candidate].anaphor == Anaphor::none;
    });
    if (named) {
        std::erase_if(out, [&](const Anchor& a) {
            const Anaphor x = candidates[a.candidate].anaphor;
            return (x == Anaphor::statement || x == Anaphor::person) &&
                   a.verb.kind != VerbKind::deny; // "..., as it denied the allegations"
        });
    }
    return out;
}

// Speakers named as the source of a report that the sentence speaks of: "the statement of the
// Azerbaijani MoD", "similar claims by the Azerbaijani Defense Ministry", "Baku's claims", "the
// Azerbaijani military's accusations". They are not the subjects of the verbs after them ("the
// statement of the MoD claiming that ...").
void mark_embedded(const TokenizedSentence& s, std::vector<Candidate>& candidates) {
    const std::vector<Token>& tokens = s.tokens;
    for (Candidate& c : candidates) {
        if (!names_someone(c)) {
            continue;
        }
        // "<report> of/by/from/issued by (the) <speaker>"
        std::size_t j = c.first;
        if (j > 0 && iequals(tokens[j - 1].text, "the")) {
            --j;
        }
        if (j >= 2 && is_one_of(tokens[j - 1].text, {"of", "by", "from"})) {
            std::size_t r = j - 2;
            if (r >= 1 && iequals(tokens[j - 1].text, "by") &&
                is_one_of(tokens[r].text, {"issued", "made", "published", "released", "spread"})) {
                --r;
            }
            c.embedded = report_nouns().contains(tokens[r].text);
        }
        // "<speaker>'s (latest) <report>"
        if (possessive_after(s.text, tokens, c.last)) {
            for (std::size_t t = c.last + 2; t < std::min(tokens.size(), c.last + 2 + report_reach);
                 ++t) {
                c.embedded = c.embedded || report_nouns().contains(tokens[t].text);
            }
        }
    }
}

// "Armenian side".
std::string side_name(Side s) {
    std::string out(adjective_of(s));
    out += " side";
    return out;
}

// "renewed Azerbaijani allegations", "Armenian claims": a party named by its adjective as the
// source of a report, when no speaker's name covers it.
void add_party_claimants(const TokenizedSentence& s, std::vector<Candidate>& candidates) {
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t r = 1; r < tokens.size(); ++r) {
        if (!report_nouns().contains(tokens[r].text)) {
            continue;
        }
        std::size_t t = r - 1;
        if (t > 0 && is_one_of(tokens[t].text, {"new", "latest", "fresh", "similar", "recent",
                                                "renewed", "false", "baseless", "groundless"})) {
            --t;
        }
        const auto side = side_word(tokens[t].text);
        const bool covered = std::any_of(candidates.begin(), candidates.end(), [&](const auto& c) {
            return t >= c.first && t <= c.last;
        });
        if (!side || !is_party(*side) || covered || possessive_after(s.text, tokens, t)) {
            continue;
        }
        Candidate c;
        c.first = c.last = t;
        c.speaker = Speaker{side_name(*side), *side, Speaker::Type::group};
        c.embedded = true;
        candidates.push_back(c);
    }
}

// The embedded candidates that are not the speakers of the sentence.
std::vector<std::size_t> embedded_claimants(const std::vector<Candidate>& candidates,
                                            const std::vector<Anchor>& anchors) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const bool anchored = std::any_of(anchors.begin(), anchors.end(),
                                          [&](const Anchor& a) { return a.candidate == i; });
        if (candidates[i].embedded && !anchored) {
            out.push_back(i);
        }
    }
    return out;
}

// Token ranges that name speakers (their own party's name is not an actor in the incident).
struct Span {
    std::size_t first = 0;
    std::size_t last = 0;
};
bool in_spans(const std::vector<Span>& spans, std::size_t t) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const Span& s) { return t >= s.first && t <= s.last; });
}

// Who acts and who is hit, as the sentence names the parties.
struct Actors {
    std::vector<Side> agents;  // in order: firing, attacking, accused
    std::vector<Side> victims; // in order: fired at, wounded, whose positions came under fire
};

enum class Role { none, agent, victim };

// A preposition before the party's name at t, over fillers: "from the direction of Armenian
// positions" (agent), "at the positions of the Azerbaijan Army" (victim).
Role role_by_preposition(const std::vector<Token>& tokens, std::size_t t) {
    const std::size_t stop = t > preposition_reach ? t - preposition_reach : 0;
    for (std::size_t j = t; j-- > stop;) {
        const std::string_view w = tokens[j].text;
        if (is_one_of(w, {"by", "from"})) {
            return Role::agent;
        }
        // "subjected to fire the positions of the Azerbaijan Army": the object of "subjected".
        if (is_one_of(w, {"at", "on", "towards", "toward", "against", "targeting", "into",
                          "subjected"})) {
            return Role::victim;
        }
        if (!is_one_of(w, {"the",          "a",           "an",         "of",      "positions",
                           "position",     "direction",   "territory",  "units",   "unit",
                           "members",      "side",        "posts",      "post",    "areas",
                           "area",         "combat",      "military",   "army",    "border",
                           "its",          "their",       "illegal",    "armed",   "forces",
                           "troops",       "soldiers",    "servicemen", "fire",    "nearby",
                           "neighbouring", "neighboring", "adjacent",   "enemy",   "opposing",
                           "several",      "various",     "different",  "regular", "to"})) {
            return Role::none;
        }
    }
    return Role::none;
}

// "killed", "wounded", "injured": the people before it were hit ("soldiers have been killed").
bool is_toll_word(const Token& t) {
    static const WordList list("casualty_words");
    return list.contains(t.text);
}

bool is_position_noun(std::string_view w) {
    return is_one_of(w, {"positions", "position", "posts", "post", "villages", "village",
                         "territory", "civilians", "civilian", "residents", "settlements",
                         "settlement", "homes", "houses"});
}

// The role of a party named at t by what follows it: "Armenian forces opened fire" (agent),
// "Azerbaijani sniper fire" (agent), "Azerbaijani army positions came under fire" (victim),
// "three Armenian servicemen were injured" (victim).
Role role_by_noun(const std::vector<Token>& tokens, std::size_t n) {
    if (n < tokens.size() && iequals(tokens[n].text, "under")) {
        return Role::victim; // "Stepanakert under fire"
    }
    for (std::size_t j = n; j < std::min(tokens.size(), n + force_reach); ++j) {
        const std::string_view w = tokens[j].text;
        if (is_position_noun(w)) {
            return Role::victim;
        }
        const auto* kind = force_nouns().find(w);
        if (kind == nullptr) {
            continue;
        }
        if (column(kind, 0) == "fire") {
            return Role::agent;
        }
        // "army positions", "were injured", "was killed", "came under fire"
        std::size_t k = j + 1;
        while (k < tokens.size() && (force_nouns().contains(tokens[k].text) ||
                                     is_one_of(tokens[k].text, {"have", "had", "been", "has"}))) {
            ++k;
        }
        // "Azerbaijani army private John Doe was wounded": a member of the force, named, is
        // who was hit, not who fired.
        static const WordList person_nouns("person_nouns");
        if (k < tokens.size() && person_nouns.contains(tokens[k].text)) {
            std::size_t m = k + 1;
            while (m < tokens.size() && m < k + 5 && tokens[m].capitalized()) {
                ++m;
            }
            if (m < tokens.size() &&
                (is_toll_word(tokens[m]) || is_one_of(tokens[m].text, {"was", "were"}))) {
                return Role::victim;
            }
        }
        if (k < tokens.size() && (is_position_noun(tokens[k].text) || is_toll_word(tokens[k]) ||
                                  is_one_of(tokens[k].text, {"were", "was", "came", "come"}))) {
            return Role::victim;
        }
        return Role::agent;
    }
    return Role::none;
}

// "Armenia had prompted", "Azerbaijan used drones": the country as the subject of an act.
bool country_acts(const std::vector<Token>& tokens, std::size_t t) {
    return t + 1 < tokens.size() &&
           is_one_of(tokens[t].text, {"armenia", "azerbaijan", "yerevan", "baku"}) &&
           is_one_of(tokens[t + 1].text,
                     {"had",      "has",      "have",     "opened",    "fired",   "violated",
                      "attacked", "shelled",  "launched", "prompted",  "started", "provoked",
                      "used",     "targeted", "resorted", "committed", "shot",    "struck",
                      "killed",   "wounded",  "injured"});
}

// The party whose places the fire hit, when all the incident's places are of one party
// ("Azerbaijan used drones to attack the Tegh village").
std::optional<Side> party_of_places(const std::vector<PlaceMention>& mentions) {
    std::optional<Side> party;
    for (const PlaceMention& m : mentions) {
        if (m.role != MentionRole::incident_location || m.mention.resolution.candidates.empty()) {
            continue;
        }
        const Side side = side_of_country(m.mention.resolution.candidates.front().place->country);
        if (!is_party(side) || (party && *party != side)) {
            return std::nullopt;
        }
        party = side;
    }
    return party;
}

Actors actors_in(const TokenizedSentence& s, std::size_t b, std::size_t e,
                 const std::vector<Span>& skip, const std::vector<Verb>& verbs,
                 const std::vector<PlaceMention>& mentions = {}) {
    const std::vector<Token>& tokens = s.tokens;
    Actors out;
    // "accused Azerbaijan of", "condemned Armenia for"
    for (const Verb& v : verbs) {
        if (v.kind != VerbKind::accuse || v.at < b || v.at >= e) {
            continue;
        }
        for (std::size_t t = v.at + 1; t < std::min(e, v.at + accused_reach); ++t) {
            if (const auto side = side_word(tokens[t].text); side && is_party(*side)) {
                out.agents.push_back(*side);
                break;
            }
        }
    }
    for (std::size_t t = b; t < e; ++t) {
        const auto side = side_word(tokens[t].text);
        if (!side || !is_party(*side) || in_spans(skip, t)) {
            continue;
        }
        const bool possessive = possessive_after(s.text, tokens, t);
        Role role = role_by_preposition(tokens, t);
        if (role == Role::none) {
            role = role_by_noun(tokens, possessive ? t + 2 : t + 1);
        }
        if (role == Role::none && !possessive && country_acts(tokens, t)) {
            role = Role::agent;
        }
        if (role == Role::agent) {
            out.agents.push_back(*side);
        } else if (role == Role::victim) {
            out.victims.push_back(*side);
        }
    }
    if (out.victims.empty()) {
        if (const auto hit = party_of_places(mentions)) {
            out.victims.push_back(*hit);
        }
    }
    return out;
}

// The first agent that is not `own`.
std::optional<Side> agent_other_than(const Actors& a, Side own) {
    for (Side s : a.agents) {
        if (s != own) {
            return s;
        }
    }
    return std::nullopt;
}

// "trying to create a false impression", "fake tension": "false" or "fake" before a noun that is
// no report is said of something else, not of the other side's report ("false information",
// "fake news", "the claims are false" deny it).
bool false_of_something_else(const std::vector<Token>& tokens, std::size_t i) {
    if (!is_one_of(tokens[i].text, {"false", "fake"}) || i + 1 >= tokens.size()) {
        return false;
    }
    const Token& next = tokens[i + 1];
    if (next.begin != tokens[i].end + 1 || next.text.empty() || next.text[0] < 'a' ||
        next.text[0] > 'z') {
        return false; // punctuation or a capital after it: "is false.", "false, the ministry"
    }
    return !report_nouns().contains(next.text) &&
           !is_one_of(next.text, {"news",       "narrative", "narratives", "story", "stories",
                                  "video",      "videos",    "footage",    "photo", "photos",
                                  "propaganda", "and",       "or",         "as",    "to",
                                  "by",         "in",        "on",         "at",    "from"});
}

// A denial in [b, e), outside [skip_b, skip_e) (a subject's "fake news claimed").
bool denial_in(const std::vector<Token>& tokens, std::size_t b, std::size_t e, std::size_t skip_b,
               std::size_t skip_e) {
    for (std::size_t i = b; i < e; ++i) {
        if (i >= skip_b && i < skip_e) {
            continue;
        }
        if (denial_phrases().match(tokens, i) > 0 && !negated(tokens, i) &&
            !false_of_something_else(tokens, i)) {
            return true;
        }
    }
    return false;
}

// Whose losses a figure counts: a party named in its phrase ("three Armenian servicemen"), "its",
// "our", "their" (the speaker's), else unknown.
Side victim_of(const TokenizedSentence& s, const Figure& f, Side speaker) {
    // "the adversary suffered one dead", "enemy losses amount to five": the other side's.
    for (std::size_t t = f.first > 3 ? f.first - 3 : 0; t <= f.last && t < s.tokens.size(); ++t) {
        if (is_party(speaker) && is_one_of(s.tokens[t].text, {"adversary", "enemy", "opponent"})) {
            return other_party(speaker);
        }
    }
    for (std::size_t t = f.first; t <= f.last && t < s.tokens.size(); ++t) {
        if (const auto side = side_at(s, t); side && is_party(*side)) {
            return *side;
        }
        if (is_one_of(s.tokens[t].text, {"its", "our", "their"})) {
            return speaker;
        }
    }
    return Side::unknown;
}

// Whose losses each figure counts; a figure that names no one after one that does is the same
// side's ("Three Armenian soldiers have been killed and four wounded").
std::vector<Side> victims_of(const TokenizedSentence& s, const std::vector<Figure>& figures,
                             Side speaker) {
    std::vector<Side> out;
    for (std::size_t i = 0; i < figures.size(); ++i) {
        Side v = victim_of(s, figures[i], speaker);
        if (v == Side::unknown && i > 0 && out.back() != Side::unknown &&
            figures[i].first <= figures[i - 1].last + ellipsis_reach) {
            v = out.back();
        }
        out.push_back(v);
    }
    return out;
}

// Fire reported in [b, e): "shelled", "opened fire", "attack".
bool fire_in(const std::vector<Token>& tokens, std::size_t b, std::size_t e) {
    for (std::size_t t = b; t < e; ++t) {
        if (column(force_nouns().find(tokens[t].text), 0) == "fire") {
            return true;
        }
    }
    return false;
}

// What one speaker asserts over a range of the sentence.
struct Reading {
    const TokenizedSentence& sentence;
    const std::vector<PlaceMention>& mentions;
    const std::vector<Verb>& verbs;
    const std::vector<Figure>& figures;
    const std::vector<Span>& skip;
};

struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<VerbKind> verb;  // the anchoring verb's kind
    std::size_t subject_begin = 0; // the subject and its gap, where a denial word is the subject's
    std::size_t subject_end = 0;
};

// The figures of [b, e) that are the speaker's own or nobody's in particular.
Casualties own_figures(const Reading& r, const Segment& seg, Side speaker) {
    std::vector<Figure> own;
    const std::vector<Side> victims = victims_of(r.sentence, r.figures, speaker);
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
        const Figure& f = r.figures[i];
        if (f.first < seg.begin || f.first >= seg.end) {
            continue;
        }
        if (!is_party(speaker) || victims[i] == Side::unknown || victims[i] == speaker) {
            own.push_back(f);
        }
    }
    return casualties_of(own);
}

Claim speaker_claim(const Reading& r, const Segment& seg, const Speaker& speaker) {
    const std::vector<Token>& tokens = r.sentence.tokens;
    const Actors actors = actors_in(r.sentence, seg.begin, seg.end, r.skip, r.verbs);
    Claim c;
    c.who = speaker.who;
    c.side = speaker.side;
    c.text = std::string(r.sentence.text);
    const bool denial = seg.verb == VerbKind::deny ||
                        denial_in(tokens, seg.begin, seg.end, seg.subject_begin, seg.subject_end);
    const bool accusation =
        seg.verb == VerbKind::accuse ||
        std::any_of(r.verbs.begin(), r.verbs.end(), [&](const Verb& v) {
            return v.kind == VerbKind::accuse && v.at >= seg.begin && v.at < seg.end;
        });
    const std::optional<Side> agent = agent_other_than(actors, speaker.side);
    const Casualties figures = own_figures(r, seg, speaker.side);
    if (speaker.type == Speaker::Type::witness) {
        c.killed = figures.killed;
        c.wounded = figures.wounded;
        c.assertion = Assertion::reports;
        return c;
    }
    if (denial) {
        c.assertion = Assertion::denies;
        c.against = other_party(speaker.side);
        return c;
    }
    c.killed = figures.killed;
    c.wounded = figures.wounded;
    const bool own_fire =
        std::find(actors.agents.begin(), actors.agents.end(), speaker.side) != actors.agents.end();
    // A party that reports fire on it without naming who fired accuses the other party; with its
    // losses, it reports them.
    const bool unnamed_fire = is_party(speaker.side) && !own_fire && !figures.killed &&
                              !figures.wounded && fire_in(tokens, seg.begin, seg.end);
    if (accusation || (agent && is_party(*agent)) || unnamed_fire) {
        c.assertion = Assertion::accuses;
        c.against = agent ? *agent : other_party(speaker.side);
    } else if (figures.killed || figures.wounded) {
        c.assertion = Assertion::reports_own_losses;
    } else {
        c.assertion = Assertion::reports;
    }
    return c;
}

// Mutual accusations: "accused each other", "mutually accused", "both sides accusing the other".
bool is_mutual(const std::vector<Token>& tokens) {
    bool mutual = false;
    bool both = false;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        both = both || iequals(tokens[i].text, "both");
        mutual = mutual ||
                 (iequals(tokens[i].text, "each") && iequals(tokens[i + 1].text, "other")) ||
                 (iequals(tokens[i].text, "one") && iequals(tokens[i + 1].text, "another")) ||
                 (both && iequals(tokens[i].text, "the") && iequals(tokens[i + 1].text, "other")) ||
                 iequals(tokens[i].text, "mutually");
    }
    return mutual;
}

// Figures that no speaker gives, as the claims of the sides whose losses they are ("An
// Azerbaijani soldier died and three Armenian troops were wounded"); figures of nobody's losses
// in particular as one claim of nobody ("Neither side reported casualties").
std::vector<Claim> figures_by_victim(const Reading& r, const Actors& actors) {
    std::vector<Claim> out;
    std::vector<Figure> unknown;
    std::vector<std::pair<Side, std::vector<Figure>>> by_side;
    const bool both =
        std::any_of(r.sentence.tokens.begin(), r.sentence.tokens.end(), [](const Token& t) {
            return is_one_of(t.text, {"neither", "both", "either"});
        });
    const std::vector<Side> victims = victims_of(r.sentence, r.figures, Side::unknown);
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
        const Figure& f = r.figures[i];
        Side victim = victims[i];
        if (victim == Side::unknown && !both && !actors.agents.empty()) {
            victim = other_party(actors.agents.front()); // "... killed in an Azerbaijani attack"
        }
        if (victim == Side::unknown || both) {
            unknown.push_back(f);
            continue;
        }
        auto it = std::find_if(by_side.begin(), by_side.end(),
                               [&](const auto& p) { return p.first == victim; });
        if (it == by_side.end()) {
            by_side.emplace_back(victim, std::vector<Figure>{});
            it = by_side.end() - 1;
        }
        it->second.push_back(f);
    }
    for (const auto& [side, figures] : by_side) {
        Claim c;
        c.who = side_name(side);
        c.side = side;
        const Casualties n = casualties_of(figures);
        c.killed = n.killed;
        c.wounded = n.wounded;
        const auto agent = agent_other_than(actors, side);
        c.assertion = agent ? Assertion::accuses : Assertion::reports_own_losses;
        c.against = agent ? *agent : Side::unknown;
        c.text = std::string(r.sentence.text);
        out.push_back(c);
    }
    if (!unknown.empty()) {
        Claim c;
        const Casualties n = casualties_of(unknown);
        c.killed = n.killed;
        c.wounded = n.wounded;
        c.text = std::string(r.sentence.text);
        out.push_back(c);
    }
    return out;
}

// Both parties accuse each other; figures stated with it are each losing side's.
std::vector<Claim> mutual_claims(const Reading& r) {
    std::vector<Claim> out;
    for (Side s : {Side::armenia, Side::azerbaijan}) {
        Claim c;
        c.who = s == Side::armenia ? "Armenia" : "Azerbaijan";
        c.side = s;
        c.assertion = Assertion::accuses;
        c.against = other_party(s);
        c.text = std::string(r.sentence.text);
        out.push_back(c);
    }
    for (const Claim& c : figures_by_victim(r, Actors{})) {
        out.push_back(c);
    }
    return out;
}

bool icontains(std::string_view hay, std::string_view needle) {
    if (needle.empty() || needle.size() > hay.size()) {
        return false;
    }
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        if (iequals(hay.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

// The party a sentence implies for a speaker it does not name: the other party of the report it
// denies, or of the party it names as firing; the party it names as hit; the party that has been
// speaking; the other party of the one last named as firing.
Side implied_side(const Reading& r, const ClaimContext& context, std::optional<Side> claimant,
                  bool denial) {
    if (denial && claimant && is_party(*claimant)) {
        return other_party(*claimant);
    }
    const Actors a =
        actors_in(r.sentence, 0, r.sentence.tokens.size(), r.skip, r.verbs, r.mentions);
    if (!a.agents.empty()) {
        return context.peaceful_act ? a.agents.front() : other_party(a.agents.front());
    }
    if (!a.victims.empty()) {
        return a.victims.front();
    }
    if (context.last_any && is_party(context.last_any->side)) {
        return context.last_any->side; // the party that has been speaking
    }
    if (context.last_agent) {
        return other_party(*context.last_agent);
    }
    return Side::unknown;
}

// Who a candidate is: itself when named; "it", "the statement" the last speaker; "he" the last
// person; "the Defense Ministry" the last ministry of defence that spoke, else the one of the
// party the sentence implies. An empty `who` when it stands for no one.
Speaker resolve(const SpeakerCandidate& c, const ClaimContext& context, Side implied) {
    switch (c.anaphor) {
    case Anaphor::none:
        return c.speaker;
    case Anaphor::statement:
        return context.last_any ? *context.last_any : Speaker{};
    case Anaphor::person:
        if (context.last_person) {
            return *context.last_person;
        }
        return context.last_any ? *context.last_any : Speaker{};
    case Anaphor::organisation:
        break;
    }
    const bool named_person = c.speaker.type == Speaker::Type::person && !c.surname.empty();
    for (auto it = context.recent.rbegin(); it != context.recent.rend(); ++it) {
        if (it->type != Speaker::Type::person && icontains(it->who, c.kind)) {
            Speaker s = *it;
            if (named_person) {
                s.who = c.speaker.who;
                s.type = Speaker::Type::person;
            }
            return s;
        }
    }
    if (!named_person && c.kind.empty()) {
        return Speaker{};
    }
    Speaker s = c.speaker;
    s.side = implied;
    if (!named_person && is_party(implied)) {
        s.who = adjective_of(implied);
        s.who += ' ';
        s.who += c.kind;
    }
    return s;
}

// A speaker the sentence names, with where it speaks.
struct Spoken {
    Anchor anchor;
    Speaker speaker;
    std::size_t candidate = 0;
};

// Where the clause of the speaker `b` begins when `a` spoke before it in the sentence: at "; and",
// ", while" before its verb when it is named after it, else where its clause begins.
std::size_t split_point(const TokenizedSentence& s, const Spoken& a, const Spoken& b) {
    if (!b.anchor.inverted) {
        return b.anchor.begin;
    }
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t t = b.anchor.verb.at; t > a.anchor.begin + 1; --t) {
        const std::string_view gap = gap_between(s.text, tokens[t - 1], tokens[t]);
        if (gap.find(';') != std::string_view::npos ||
            (gap.find(',') != std::string_view::npos &&
             is_one_of(tokens[t].text, {"and", "while", "but", "whereas"}))) {
            return t;
        }
    }
    return b.anchor.begin;
}

void remember(ClaimContext& context, const Speaker& s, const std::string& surname) {
    if (s.who.empty()) {
        return;
    }
    context.last_claim_sentence = context.sentence;
    if (s.type == Speaker::Type::person) {
        context.last_person = s;
    } else {
        context.last_organisation = s;
    }
    if (!context.last_any || context.last_any->who != s.who) {
        context.statement_against = Side::unknown;
    }
    context.last_any = s;
    std::erase_if(context.recent, [&](const Speaker& x) { return x.who == s.who; });
    context.recent.push_back(s);
    if (!surname.empty()) {
        // Once per surname (the latest), so that a long article does not make the list, and its
        // scan in every sentence, grow with each quotation.
        std::erase_if(context.people, [&](const auto& p) { return p.first == surname; });
        context.people.emplace_back(surname, s);
    }
}

// The claims of the speakers a sentence names: one clause each when parties speak in turn
// ("According to Baku, ...; and the Armenian MoD reported that ..."), else the first speaker's.
std::vector<Claim> spoken_claims(const Reading& r, std::vector<Spoken> spoken,
                                 const std::vector<Candidate>& candidates, ClaimContext& context) {
    std::sort(spoken.begin(), spoken.end(),
              [](const Spoken& a, const Spoken& b) { return a.anchor.begin < b.anchor.begin; });
    std::vector<Spoken> turns;
    for (const Spoken& s : spoken) {
        const bool new_party = is_party(s.speaker.side) &&
                               std::none_of(turns.begin(), turns.end(), [&](const Spoken& t) {
                                   return t.speaker.side == s.speaker.side;
                               });
        // "X opened fire at the village, the ministry said, as it denied the allegations": what
        // the speaker says, then what it denies.
        const bool then_denies = s.anchor.verb.kind == VerbKind::deny && !turns.empty() &&
                                 std::none_of(turns.begin(), turns.end(), [](const Spoken& t) {
                                     return t.anchor.verb.kind == VerbKind::deny;
                                 });
        if (turns.empty() || new_party || then_denies) {
            turns.push_back(s);
        }
    }
    std::vector<Claim> out;
    const std::size_t n = r.sentence.tokens.size();
    for (std::size_t i = 0; i < turns.size(); ++i) {
        Segment seg;
        seg.begin = i == 0 ? 0 : split_point(r.sentence, turns[i - 1], turns[i]);
        seg.end = i + 1 < turns.size() ? split_point(r.sentence, turns[i], turns[i + 1]) : n;
        seg.verb = turns[i].anchor.verb.kind;
        const SpeakerCandidate& c = candidates[turns[i].candidate];
        seg.subject_begin = turns[i].anchor.inverted ? c.first : c.first;
        seg.subject_end = turns[i].anchor.inverted ? c.last + 1 : turns[i].anchor.verb.at;
        if (turns.size() == 1) {
            seg.begin = 0;
            seg.end = n;
        }
        Claim claim = speaker_claim(r, seg, turns[i].speaker);
        remember(context, turns[i].speaker, c.surname);
        if (claim.assertion == Assertion::accuses) {
            context.statement_against = claim.against;
        }
        out.push_back(std::move(claim));
    }
    return out;
}

// A sentence without a speaker: the statement read just before runs on ("One serviceman was
// wounded." after the ministry's statement is the ministry's), when it says something of the
// incident (figures, who fired, whose positions came under fire, a denial); else the figures and
// the fire it reports as the claims of the sides that suffered them.
std::vector<Claim> unspoken_claims(const Reading& r, ClaimContext& context) {
    const std::vector<Token>& tokens = r.sentence.tokens;
    const Actors actors = actors_in(r.sentence, 0, tokens.size(), r.skip, r.verbs, r.mentions);
    const bool both = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
        return is_one_of(t.text, {"neither", "both", "either"});
    });
    const bool runs_on = !both && context.last_any && context.last_claim_sentence &&
                         context.sentence > *context.last_claim_sentence &&
                         (context.quote_open ||
                          context.sentence - *context.last_claim_sentence <= continuation_reach);
    if (runs_on) {
        const Speaker& speaker = *context.last_any;
        Segment seg{0, tokens.size(), std::nullopt, 0, 0};
        Claim c = speaker_claim(r, seg, speaker);
        const bool hit = std::find(actors.victims.begin(), actors.victims.end(), speaker.side) !=
                         actors.victims.end();
        const bool content = c.killed || c.wounded || c.assertion != Assertion::reports || hit;
        if (content) {
            if ((c.assertion != Assertion::denies && hit) ||
                (c.assertion == Assertion::reports_own_losses &&
                 is_party(context.statement_against))) {
                c.assertion = Assertion::accuses;
                c.against = is_party(context.statement_against) ? context.statement_against
                                                                : other_party(speaker.side);
            }
            context.last_claim_sentence = context.sentence;
            return {c};
        }
        if (context.quote_open) {
            context.last_claim_sentence = context.sentence; // the quotation runs on
        }
        return {};
    }
    std::vector<Claim> out = figures_by_victim(r, actors);
    // Fire reported as a fact: the claim of the side it hit ("Azerbaijani forces fired at Armenian
    // positions", "Armenian positions near Sotk came under fire").
    if (!actors.victims.empty() && (!actors.agents.empty() || fire_in(tokens, 0, tokens.size()))) {
        const Side victim = actors.victims.front();
        const auto agent = agent_other_than(actors, victim);
        const bool has =
            std::any_of(out.begin(), out.end(), [&](const Claim& c) { return c.side == victim; });
        if (is_party(victim) && !has && (agent || actors.agents.empty())) {
            Claim c;
            c.who = side_name(victim);
            c.side = victim;
            c.assertion = Assertion::accuses;
            c.against = agent ? *agent : other_party(victim);
            c.text = std::string(r.sentence.text);
            out.push_back(c);
        }
    }
    return out;
}

// The claims of the speakers whose reports a sentence speaks of ("denies the statement of the
// Azerbaijani MoD that Armenian forces fired"): each accuses the other party; the figures are
// theirs when the sentence denies them.
std::vector<Claim> embedded_claims(const Reading& r, const std::vector<std::size_t>& embedded,
                                   const std::vector<Candidate>& candidates,
                                   const std::vector<Claim>& spoken) {
    std::vector<Claim> out;
    const bool denied =
        spoken.empty() || std::any_of(spoken.begin(), spoken.end(), [](const Claim& c) {
            return c.assertion == Assertion::denies;
        });
    for (std::size_t i : embedded) {
        const SpeakerCandidate& c = candidates[i];
        if (c.anaphor != Anaphor::none || !is_party(c.speaker.side)) {
            continue;
        }
        const bool said = std::any_of(spoken.begin(), spoken.end(),
                                      [&](const Claim& s) { return s.side == c.speaker.side; }) ||
                          std::any_of(out.begin(), out.end(),
                                      [&](const Claim& s) { return s.side == c.speaker.side; });
        if (said) {
            continue;
        }
        const Actors actors = actors_in(r.sentence, 0, r.sentence.tokens.size(), r.skip, r.verbs);
        Claim claim;
        claim.who = c.speaker.who;
        claim.side = c.speaker.side;
        claim.assertion = Assertion::accuses;
        claim.against =
            agent_other_than(actors, c.speaker.side).value_or(other_party(c.speaker.side));
        if (denied) {
            const Casualties n = own_figures(
                r, Segment{0, r.sentence.tokens.size(), std::nullopt, 0, 0}, c.speaker.side);
            claim.killed = n.killed;
            claim.wounded = n.wounded;
        }
        claim.text = std::string(r.sentence.text);
        out.push_back(claim);
    }
    return out;
}

// People named before with a title, named again by surname ("Tatoyan wrote").
void add_known_people(const TokenizedSentence& s, const ClaimContext& context,
                      std::vector<Candidate>& candidates) {
    if (context.people.empty()) {
        return;
    }
    bool added = false;
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
        if (!s.tokens[k].capitalized()) {
            continue;
        }
        for (const auto& [surname, speaker] : context.people) {
            if (s.tokens[k].text == surname) {
                Candidate c;
                c.first = c.last = k;
                c.speaker = speaker;
                candidates.push_back(c);
                added = true;
                break;
            }
        }
    }
    if (added) {
        std::stable_sort(
            candidates.begin(), candidates.end(),
            [](const SpeakerCandidate& a, const SpeakerCandidate& b) { return a.first < b.first; });
    }
}

// A quotation that a sentence opens and does not close runs on into the next sentences ("“The
// sabotage groups ... . As a result, clashes occurred. ...”"); an attributed statement's
// quotation is the statement's.
void update_quote(std::string_view text, ClaimContext& context) {
    int balance = context.quote_open ? 1 : 0;
    int straight = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // “ and ” are E2 80 9C and E2 80 9D.
        const bool curly = text[i] == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80';
        if (curly && text[i + 2] == '\x9C') {
            ++balance;
        } else if (curly && text[i + 2] == '\x9D') {
            --balance;
        } else if (text[i] == '"') {
            ++straight;
        }
    }
    if (straight % 2 == 1) {
        balance = balance > 0 ? 0 : 1;
    }
    const bool spoken = context.last_claim_sentence == context.sentence;
    context.quote_open = balance > 0 && (spoken || context.quote_open);
}

} // namespace

bool is_denial(const std::vector<Token>& tokens) {
    return denial_in(tokens, 0, tokens.size(), 0, 0);
}

std::vector<Claim> find_claims(const TokenizedSentence& sentence,
                               const std::vector<PlaceMention>& mentions, ClaimContext& context) {
    const std::vector<Token>& tokens = sentence.tokens;
    std::vector<Candidate> candidates;
    for (SpeakerCandidate& c : find_speakers(sentence, mentions)) {
        candidates.push_back(Candidate{std::move(c)});
    }
    add_known_people(sentence, context, candidates);
    mark_embedded(sentence, candidates);
    add_party_claimants(sentence, candidates);
    const std::vector<Verb> verbs = verbs_in(tokens);
    const std::vector<Figure> figures = find_figures(sentence);
    const std::vector<Anchor> anchors = find_anchors(sentence, verbs, candidates);
    const std::vector<std::size_t> embedded = embedded_claimants(candidates, anchors);
    std::vector<Span> skip;
    std::optional<Side> claimant;
    for (const Anchor& a : anchors) {
        skip.push_back(Span{candidates[a.candidate].first, candidates[a.candidate].last});
    }
    for (std::size_t i : embedded) {
        skip.push_back(Span{candidates[i].first, candidates[i].last});
        if (is_party(candidates[i].speaker.side)) {
            claimant = claimant ? claimant : std::optional<Side>(candidates[i].speaker.side);
        }
    }
    const Reading r{sentence, mentions, verbs, figures, skip};
    const bool accusation = std::any_of(verbs.begin(), verbs.end(),
                                        [](const Verb& v) { return v.kind == VerbKind::accuse; });
    std::vector<Claim> out;
    if (is_mutual(tokens) && accusation) {
        out = mutual_claims(r);
    } else {
        const bool denial = is_denial(tokens) ||
                            std::any_of(verbs.begin(), verbs.end(),
                                        [](const Verb& v) { return v.kind == VerbKind::deny; });
        const Side implied = implied_side(r, context, claimant, denial);
        std::vector<Spoken> spoken;
        std::optional<Speaker> named; // "the ministry said, as it denied": "it" is the ministry
        for (const Anchor& a : anchors) {
            const Candidate& c = candidates[a.candidate];
            Speaker s = named && (c.anaphor == Anaphor::statement || c.anaphor == Anaphor::person)
                            ? *named
                            : resolve(c, context, implied);
            if (c.anaphor == Anaphor::none) {
                named = s;
            }
            if (!s.who.empty() || s.side != Side::unknown) {
                spoken.push_back(Spoken{a, std::move(s), a.candidate});
            }
        }
        out = spoken.empty() ? unspoken_claims(r, context)
                             : spoken_claims(r, std::move(spoken), candidates, context);
        for (Claim& c : embedded_claims(r, embedded, candidates, out)) {
            out.push_back(std::move(c));
        }
    }
    const Actors actors = actors_in(sentence, 0, tokens.size(), skip, verbs);
    if (!actors.agents.empty()) {
        context.last_agent = actors.agents.front();
    }
    update_quote(sentence.text, context);
    return out;
}

} // namespace sitmap::geo::detail
