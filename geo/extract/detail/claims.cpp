// Who says so: speakers (ministries, officials, governments named by their capitals), what they
// assert, against whom, and the figures they give.

#include "geo/extract/detail/claims.hpp"

#include "geo/extract/detail/casualties.hpp"
#include "geo/extract/detail/roles.hpp"
#include "geo/extract/detail/words.hpp"

#include <algorithm>
#include <array>

namespace sitmap::geo::detail {
namespace {

// "according to the Armenian Defence Ministry": the speaker starts this many tokens after
// "according" ("to", and perhaps "the", between).
constexpr std::size_t according_to_min = 2;
constexpr std::size_t according_to_max = 3;
// "notes the ministry", "said Armenia's Defence Ministry": a speaker named after the verb starts
// at most this many tokens after it.
constexpr std::size_t inverted_speaker_reach = 3;
// "accused the Armenian side": the accused side is named within this many tokens after the verb.
constexpr std::size_t accused_reach = 4;

struct SideWord {
    std::string_view word;
    Side side;
};

// Adjectives and names that say which party a speaker or a unit belongs to.
constexpr std::array<SideWord, 22> side_words{{
    {"armenian", Side::armenia},
    {"armenia", Side::armenia},
    {"armenians", Side::armenia},
    {"yerevan", Side::armenia},
    {"azerbaijani", Side::azerbaijan},
    {"azerbaijan", Side::azerbaijan},
    {"azeri", Side::azerbaijan},
    {"azerbaijanis", Side::azerbaijan},
    {"baku", Side::azerbaijan},
    {"russian", Side::russia},
    {"russia", Side::russia},
    {"kremlin", Side::russia},
    {"moscow", Side::russia},
    {"eu", Side::eu},
    {"european", Side::eu},
    {"american", Side::other},
    {"us", Side::other},
    {"turkish", Side::other},
    {"french", Side::other},
    {"iranian", Side::other},
    {"georgian", Side::other},
    {"karabakh", Side::armenia},
}};

std::optional<Side> side_word(std::string_view w) {
    for (const auto& s : side_words) {
        if (iequals(w, s.word)) {
            // "US" must be written in capitals to be the country.
            if (s.word == "us" && w != "US") {
                return std::nullopt;
            }
            return s.side;
        }
    }
    return std::nullopt;
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

struct Official {
    std::string_view surname;
    std::string_view name;
    Side side;
};

// Officials who speak for the parties in this conflict's reporting (spellings vary by agency).
constexpr std::array<Official, 24> officials{{
    {"Pashinyan", "Nikol Pashinyan", Side::armenia},
    {"Pashinian", "Nikol Pashinyan", Side::armenia},
    {"Mirzoyan", "Ararat Mirzoyan", Side::armenia},
    {"Papikyan", "Suren Papikyan", Side::armenia},
    {"Torosyan", "Aram Torosyan", Side::armenia},
    {"Grigoryan", "Armen Grigoryan", Side::armenia},
    {"Aliyev", "Ilham Aliyev", Side::azerbaijan},
    {"Aliev", "Ilham Aliyev", Side::azerbaijan},
    {"Bayramov", "Jeyhun Bayramov", Side::azerbaijan},
    {"Hajiyev", "Hikmet Hajiyev", Side::azerbaijan},
    {"Hasanov", "Zakir Hasanov", Side::azerbaijan},
    {"Eyvazov", "Anar Eyvazov", Side::azerbaijan},
    {"Peskov", "Dmitry Peskov", Side::russia},
    {"Zakharova", "Maria Zakharova", Side::russia},
    {"Lavrov", "Sergei Lavrov", Side::russia},
    {"Putin", "Vladimir Putin", Side::russia},
    {"Michel", "Charles Michel", Side::eu},
    {"Borrell", "Josep Borrell", Side::eu},
    {"Klaar", "Toivo Klaar", Side::eu},
    {"Blinken", "Antony Blinken", Side::other},
    {"Erdogan", "Recep Tayyip Erdogan", Side::other},
    {"Macron", "Emmanuel Macron", Side::other},
    {"Scholz", "Olaf Scholz", Side::other},
    {"Guterres", "Antonio Guterres", Side::other},
}};

bool is_speech_verb(std::string_view w) {
    return is_one_of(
        w,
        {"said",      "says",     "say",      "stated",    "states",    "noted",     "notes",
         "note",      "added",    "adds",     "reported",  "reports",   "report",    "announced",
         "announces", "claimed",  "claims",   "claim",     "accused",   "accuses",   "accusing",
         "accuse",    "blamed",   "blames",   "blame",     "denied",    "denies",    "deny",
         "rejected",  "rejects",  "insisted", "insists",   "alleged",   "alleges",   "told",
         "confirmed", "confirms", "warned",   "condemned", "condemns",  "denounced", "denouncing",
         "described", "issued",   "stating",  "claiming",  "adding",    "noting",    "reporting",
         "according", "informed", "wrote",    "declared",  "announcing"});
}

bool is_accusation_verb(std::string_view w) {
    return is_one_of(w, {"accused", "accuses", "accusing", "accuse", "blamed", "blames", "blaming",
                         "blame", "condemned", "condemns", "denounced", "denouncing", "denounces"});
}

bool is_force_noun(std::string_view w) {
    return is_one_of(w, {"forces", "troops", "army", "units", "unit", "soldiers", "soldier", "side",
                         "military", "snipers", "servicemen", "armed", "sabotage", "border",
                         "militants"});
}

// A possible speaker in a sentence and its tokens.
struct SpeakerCandidate {
    std::size_t first = 0; // token indices
    std::size_t last = 0;
    Speaker speaker;
    bool anaphor = false;
};

std::string ministry_name(std::string_view type) {
    if (is_one_of(type, {"defense", "defence"})) {
        return "Ministry of Defence";
    }
    if (iequals(type, "foreign")) {
        return "Ministry of Foreign Affairs";
    }
    if (iequals(type, "health")) {
        return "Ministry of Health";
    }
    if (iequals(type, "interior")) {
        return "Ministry of Internal Affairs";
    }
    if (is_one_of(type, {"emergency", "emergencies"})) {
        return "Ministry of Emergency Situations";
    }
    return "Ministry";
}

// A side adjective ending at token j ("Armenian", "Armenia's", "Azerbaijan’s").
std::optional<Side> side_before(std::string_view text, const std::vector<Token>& tokens,
                                std::size_t j) {
    if (j < tokens.size() && iequals(tokens[j].text, "s") && j >= 1 &&
        possessive_after(text, tokens, j - 1)) {
        return side_word(tokens[j - 1].text);
    }
    if (j < tokens.size()) {
        return side_word(tokens[j].text);
    }
    return std::nullopt;
}

// "<Armenian> <Defense> Ministry", "Armenia's Defence Ministry", "counterpart ministry", "Ministry
// of Defense (of Armenia)", "the ministry in Yerevan"; "the ministry" alone is an anaphor.
SpeakerCandidate ministry_at(std::string_view text, const std::vector<Token>& tokens,
                             std::size_t k) {
    std::string_view type;
    std::optional<Side> side;
    std::size_t first = k;
    std::size_t last = k;
    std::size_t j = k;
    if (j >= 1 && is_one_of(tokens[j - 1].text, {"defense", "defence", "foreign", "health",
                                                 "interior", "emergency", "emergencies"})) {
        type = tokens[j - 1].text;
        --j;
        first = j;
    }
    if (j >= 1 && iequals(tokens[j - 1].text, "counterpart")) {
        --j;
    }
    if (j >= 1) {
        side = side_before(text, tokens, j - 1);
        if (side) {
            first = iequals(tokens[j - 1].text, "s") ? j - 2 : j - 1;
        }
    }
    // "Ministry of Defense (of Armenia)"
    if (k + 2 < tokens.size() && iequals(tokens[k + 1].text, "of")) {
        if (is_one_of(tokens[k + 2].text, {"defense", "defence", "health", "interior"})) {
            type = tokens[k + 2].text;
            last = k + 2;
        } else if (iequals(tokens[k + 2].text, "foreign")) {
            type = "foreign";
            last = k + 3 < tokens.size() ? k + 3 : k + 2;
        }
        if (last + 2 < tokens.size() && iequals(tokens[last + 1].text, "of")) {
            if (auto s = side_word(tokens[last + 2].text)) {
                side = s;
                last += 2;
            }
        }
    }
    SpeakerCandidate c;
    c.first = first;
    c.last = last;
    c.speaker.type = Speaker::Type::organisation;
    if (side) {
        c.speaker.side = *side;
        c.speaker.who = std::string(adjective_of(*side)) + " " + ministry_name(type);
        if (adjective_of(*side).empty()) {
            c.speaker.who = ministry_name(type);
        }
    } else if (k + 2 < tokens.size() && iequals(tokens[k + 1].text, "in") &&
               side_word(tokens[k + 2].text)) {
        // "the ministry in Yerevan"
        const Side s = *side_word(tokens[k + 2].text);
        c.last = k + 2;
        c.speaker.side = s;
        c.speaker.who = adjective_of(s).empty()
                            ? ministry_name(type)
                            : std::string(adjective_of(s)) + " " + ministry_name(type);
    } else {
        c.anaphor = true; // "the ministry", "notes the ministry"
    }
    return c;
}

// "the Armenian side", "the Azerbaijani army", "Armenian forces", "Armenia's border guards".
std::optional<SpeakerCandidate> group_at(std::string_view text, const std::vector<Token>& tokens,
                                         std::size_t k) {
    const auto side = side_word(tokens[k].text);
    if (!side || k + 1 >= tokens.size()) {
        return std::nullopt;
    }
    std::size_t n = k + 1;
    if (iequals(tokens[n].text, "s") && possessive_after(text, tokens, k)) {
        ++n;
    }
    if (n >= tokens.size() ||
        !is_one_of(tokens[n].text, {"side", "army", "military", "government", "authorities",
                                    "forces", "officials", "border", "state"})) {
        return std::nullopt;
    }
    std::size_t last = n;
    if (n + 1 < tokens.size() &&
        is_one_of(tokens[n + 1].text, {"guards", "service", "forces", "committee"})) {
        ++last;
    }
    SpeakerCandidate c;
    c.first = k;
    c.last = last;
    std::string who = std::string(adjective_of(*side));
    for (std::size_t t = n; t <= last; ++t) {
        who += " ";
        who += lower_ascii(tokens[t].text);
    }
    c.speaker = Speaker{who, *side, Speaker::Type::group};
    return c;
}

// Governments named by their capital or country: "Baku accused", "according to Washington".
void add_governments(const TokenizedSentence& sentence, const std::vector<PlaceMention>& mentions,
                     std::vector<SpeakerCandidate>& out) {
    for (const PlaceMention& m : mentions) {
        if (m.role != MentionRole::actor) {
            continue;
        }
        const Place* p = mention_place(m);
        if (p == nullptr) {
            continue;
        }
        const MentionSpan span = mention_tokens(m, sentence);
        SpeakerCandidate c;
        c.first = span.first;
        c.last = span.last;
        Side side = side_of_country(p->country);
        std::string who = country_name(side, p->name);
        // Stepanakert speaks for the Karabakh Armenian authorities, not for Baku.
        const auto is_stepanakert = [](const Place& q) {
            if (q.name == "Stepanakert") {
                return true;
            }
            return std::find(q.aliases.begin(), q.aliases.end(), "Stepanakert") != q.aliases.end();
        };
        if (is_stepanakert(*p)) {
            side = Side::armenia;
            who = "Nagorno-Karabakh authorities";
        }
        c.speaker = Speaker{who, side, Speaker::Type::government};
        out.push_back(c);
    }
}

// Every possible speaker in a sentence, in order: ministries, officials, groups, pronouns and
// governments named by their capitals.
std::vector<SpeakerCandidate> speakers_in(const TokenizedSentence& sentence,
                                          const std::vector<PlaceMention>& mentions) {
    const std::vector<Token>& tokens = sentence.tokens;
    std::vector<SpeakerCandidate> out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view w = tokens[k].text;
        if (iequals(w, "ministry") || iequals(w, "ministries")) {
            out.push_back(ministry_at(sentence.text, tokens, k));
            continue;
        }
        for (const Official& o : officials) {
            if (w == o.surname) {
                SpeakerCandidate c;
                c.first = k >= 1 && tokens[k - 1].capitalized() ? k - 1 : k;
                c.last = k;
                c.speaker = Speaker{std::string(o.name), o.side, Speaker::Type::person};
                out.push_back(c);
            }
        }
        if (auto group = group_at(sentence.text, tokens, k)) {
            out.push_back(*group);
        }
        if (is_one_of(w, {"it", "he", "she"})) {
            SpeakerCandidate c;
            c.first = c.last = k;
            c.anaphor = true;
            c.speaker.type = iequals(w, "it") ? Speaker::Type::organisation : Speaker::Type::person;
            out.push_back(c);
        }
    }
    add_governments(sentence, mentions, out);
    std::sort(out.begin(), out.end(), [](const SpeakerCandidate& a, const SpeakerCandidate& b) {
        return a.first < b.first;
    });
    return out;
}

Speaker resolve_anaphor(const SpeakerCandidate& c, const ClaimContext& ctx) {
    if (c.speaker.type == Speaker::Type::person && ctx.last_person) {
        return *ctx.last_person;
    }
    if (c.speaker.type == Speaker::Type::organisation) {
        if (ctx.last_organisation) {
            return *ctx.last_organisation;
        }
        if (ctx.last_any) {
            return *ctx.last_any;
        }
    }
    return Speaker{};
}

// Adverbs and phrases that may stand between a subject and its verb.
bool skippable(std::string_view w) {
    return is_one_of(w, {"meanwhile",    "however",    "also",       "initially", "later",
                         "then",         "swiftly",    "again",      "has",       "have",
                         "had",          "on",         "in",         "a",         "statement",
                         "reportedly",   "officially", "earlier",    "first",     "had",
                         "further",      "later",      "previously", "once",      "too",
                         "consistently", "mutually",   "repeatedly", "Monday",    "Tuesday",
                         "Wednesday",    "Thursday",   "Friday",     "Saturday",  "Sunday",
                         "today",        "yesterday"});
}

// Mutual accusations: "accused each other", "mutually accused", "both sides accusing".
bool is_mutual(const std::vector<Token>& tokens) {
    bool mutual = false;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        mutual = mutual ||
                 (iequals(tokens[i].text, "each") && iequals(tokens[i + 1].text, "other")) ||
                 (iequals(tokens[i].text, "one") && iequals(tokens[i + 1].text, "another")) ||
                 iequals(tokens[i].text, "mutually");
    }
    return mutual;
}

// Both parties accuse each other; figures stated with it are nobody's in particular.
std::vector<Claim> mutual_claims(std::string_view sentence, const Casualties& figures) {
    std::vector<Claim> out;
    for (Side s : {Side::armenia, Side::azerbaijan}) {
        Claim c;
        c.who = country_name(s, "");
        c.side = s;
        c.assertion = Assertion::accuses;
        c.against = s == Side::armenia ? Side::azerbaijan : Side::armenia;
        c.text = std::string(sentence);
        out.push_back(c);
    }
    if (figures.killed || figures.wounded) {
        Claim c;
        c.assertion = Assertion::reports;
        c.killed = figures.killed;
        c.wounded = figures.wounded;
        c.text = std::string(sentence);
        out.push_back(c);
    }
    return out;
}

// The speaker: the subject of a speech verb, the one named after it ("notes the ministry"), or
// the one after "according to".
std::optional<SpeakerCandidate> choose_speaker(const std::vector<Token>& tokens,
                                               const std::vector<SpeakerCandidate>& candidates) {
    std::optional<SpeakerCandidate> chosen;
    for (std::size_t v = 0; v < tokens.size() && !chosen; ++v) {
        if (!is_speech_verb(tokens[v].text)) {
            continue;
        }
        if (iequals(tokens[v].text, "according")) {
            for (const SpeakerCandidate& c : candidates) {
                if (c.first >= v + according_to_min && c.first <= v + according_to_max) {
                    chosen = c;
                    break;
                }
            }
            continue;
        }
        // Subject: the candidate ending nearest before the verb with only adverbs between
        // ("Azerbaijan’s Defense Ministry accused": the ministry, not the country inside it).
        for (const SpeakerCandidate& c : candidates) {
            if (c.last >= v || (chosen && chosen->last >= c.last)) {
                continue;
            }
            bool adjacent = true;
            for (std::size_t t = c.last + 1; t < v; ++t) {
                adjacent = adjacent && skippable(tokens[t].text);
            }
            if (adjacent) {
                chosen = c;
            }
        }
        if (chosen) {
            break;
        }
        if (is_one_of(tokens[v].text, {"said", "says", "notes", "noted", "added", "adds", "stated",
                                       "told", "wrote"})) {
            for (const SpeakerCandidate& c : candidates) {
                if (c.first > v && c.first <= v + inverted_speaker_reach) {
                    chosen = c;
                    break;
                }
            }
        }
    }
    return chosen;
}

// Figures without a named speaker. Reported speech runs on: "There were no casualties on the
// Armenian side." right after the ministry's statement is still the ministry's; but "Neither
// side reported casualties" speaks for both.
std::vector<Claim> unattributed_figures(const TokenizedSentence& sentence,
                                        const Casualties& figures, ClaimContext& context) {
    std::vector<Claim> out;
    if (!figures.killed && !figures.wounded) {
        return out;
    }
    Claim c;
    bool both = false;
    for (const Token& t : sentence.tokens) {
        both = both || is_one_of(t.text, {"neither", "both", "either"});
    }
    if (!both && context.last_any && context.last_claim_sentence &&
        *context.last_claim_sentence + 1 == context.sentence) {
        c.who = context.last_any->who;
        c.side = context.last_any->side;
        c.assertion = Assertion::reports_own_losses;
        context.last_claim_sentence = context.sentence;
    } else {
        c.assertion = Assertion::reports;
    }
    c.killed = figures.killed;
    c.wounded = figures.wounded;
    c.text = std::string(sentence.text);
    out.push_back(c);
    return out;
}

// The chosen speaker, an anaphor resolved ("it said"); a named one becomes the last speaker.
Speaker speaker_of(const SpeakerCandidate& chosen, ClaimContext& context) {
    Speaker speaker = chosen.anaphor ? resolve_anaphor(chosen, context) : chosen.speaker;
    if (!speaker.who.empty()) {
        context.last_claim_sentence = context.sentence;
    }
    if (!chosen.anaphor) {
        if (speaker.type == Speaker::Type::person) {
            context.last_person = speaker;
        } else {
            context.last_organisation = speaker;
        }
        context.last_any = speaker;
    }
    return speaker;
}

// Against whom: the object of an accusation, else the other party's forces named as acting.
Side accused_side(const TokenizedSentence& sentence, const Speaker& speaker,
                  const SpeakerCandidate& chosen) {
    const std::vector<Token>& tokens = sentence.tokens;
    for (std::size_t v = 0; v < tokens.size(); ++v) {
        if (!is_accusation_verb(tokens[v].text)) {
            continue;
        }
        for (std::size_t t = v + 1; t < std::min(tokens.size(), v + accused_reach); ++t) {
            if (auto s = side_word(tokens[t].text); s && *s != speaker.side) {
                return *s;
            }
        }
    }
    for (std::size_t t = 0; t + 1 < tokens.size(); ++t) {
        const auto s = side_word(tokens[t].text);
        if (!s || *s == speaker.side || (*s != Side::armenia && *s != Side::azerbaijan)) {
            continue;
        }
        if (t >= chosen.first && t <= chosen.last) {
            continue;
        }
        const bool possessive = possessive_after(sentence.text, tokens, t);
        const std::size_t n = possessive ? t + 2 : t + 1;
        if (n < tokens.size() && is_force_noun(tokens[n].text)) {
            return *s;
        }
        // The other party as the subject of an act: "claimed that Armenia had prompted".
        const bool noun = is_one_of(tokens[t].text, {"armenia", "azerbaijan", "yerevan", "baku"});
        if (noun && !possessive &&
            is_one_of(tokens[t + 1].text,
                      {"had", "has", "have", "opened", "fired", "violated", "attacked", "shelled",
                       "launched", "prompted", "started", "provoked", "used", "targeted",
                       "resorted", "committed"})) {
            return *s;
        }
    }
    return Side::unknown;
}

} // namespace

bool is_denial(const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        if (is_one_of(w, {"denied", "denies", "deny", "denying", "rejected", "rejects", "refuted",
                          "refutes", "baseless", "disinformation", "groundless", "untrue",
                          "fabricated", "fake"})) {
            return true;
        }
        if (iequals(w, "not") && i + 1 < tokens.size() && iequals(tokens[i + 1].text, "true")) {
            return true;
        }
    }
    return false;
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

std::vector<Claim> find_claims(const TokenizedSentence& sentence,
                               const std::vector<PlaceMention>& mentions, ClaimContext& context) {
    const std::vector<Token>& tokens = sentence.tokens;
    const std::vector<SpeakerCandidate> candidates = speakers_in(sentence, mentions);
    const Casualties figures = find_casualties(sentence);
    const bool accusation = std::any_of(tokens.begin(), tokens.end(),
                                        [](const Token& t) { return is_accusation_verb(t.text); });
    if (is_mutual(tokens) && accusation) {
        return mutual_claims(sentence.text, figures);
    }
    const std::optional<SpeakerCandidate> chosen = choose_speaker(tokens, candidates);
    if (!chosen) {
        return unattributed_figures(sentence, figures, context);
    }
    const Speaker speaker = speaker_of(*chosen, context);
    const Side against = accused_side(sentence, speaker, *chosen);
    Claim c;
    c.who = speaker.who;
    c.side = speaker.side;
    c.against = against;
    c.killed = figures.killed;
    c.wounded = figures.wounded;
    c.text = std::string(sentence.text);
    if (is_denial(tokens)) {
        c.assertion = Assertion::denies;
    } else if (accusation || (against != Side::unknown && against != speaker.side)) {
        c.assertion = Assertion::accuses;
        if (c.against == Side::unknown && speaker.side == Side::armenia) {
            c.against = Side::azerbaijan;
        } else if (c.against == Side::unknown && speaker.side == Side::azerbaijan) {
            c.against = Side::armenia;
        }
    } else if (figures.killed || figures.wounded) {
        c.assertion = Assertion::reports_own_losses;
    } else {
        c.assertion = Assertion::reports;
    }
    return {c};
}

} // namespace sitmap::geo::detail
