// Roles of place mentions: actor ("Baku accused"), part of a name ("the Ministry of Defense of
// Armenia"), incident or context location ("talks in Washington").

#include "geo/extract/detail/roles.hpp"

#include "geo/extract/detail/words.hpp"

#include <algorithm>

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
            return true;
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
// Baku", "according to Washington", "Moscow's", "Baku and Yerevan".
bool is_metonymic_actor(const MentionView& v, const Locative& loc) {
    const std::size_t before = v.before();
    const bool agency =
        before < v.tokens().size() &&
        (is_one_of(v.word(before), {"accused", "accuses", "accusing", "blamed", "blames", "urged",
                                    "urging", "with", "against", "by", "pressure", "called"}) ||
         (iequals(v.word(before), "to") && before >= 1 &&
          iequals(v.word(before - 1), "according")));
    return agency || possessive_after(v.sentence.text, v.tokens(), v.span().last) ||
           (!loc.locative && !loc.coordinated_with_previous) ||
           (loc.coordinated_with_previous && v.index > 0 &&
            v.mentions[v.index - 1].role == MentionRole::actor);
}

// "Verin Shorzha in Gegharkunik", "Sotk, Gegharkunik province": the second name only says where
// the first one is.
bool is_qualifier(const MentionView& v) {
    const MentionSpan s = v.span();
    if (v.index == 0 || s.first < 1) {
        return false;
    }
    const std::vector<Token>& tokens = v.tokens();
    const auto word = [&](std::size_t i) { return v.word(i); };
    std::size_t j = s.first - 1;
    while (j > 0 &&
           is_one_of(word(j), {"the", "province", "region", "district", "of", "eastern", "western",
                               "northern", "southern", "east", "west", "north", "south"})) {
        --j;
    }
    // After a comma only a region qualifies ("Sotk, Gegharkunik province"); otherwise it is a
    // list ("Jermuk, Goris and Kapan").
    const bool region_like =
        v.place.kind == PlaceKind::region || v.place.kind == PlaceKind::country ||
        is_one_of(word(s.last + 1), {"province", "region", "district", "marz", "rayon"});
    const bool joined = is_one_of(word(j), {"in"}) ||
                        (region_like && j + 1 == s.first &&
                         gap_between(v.sentence.text, tokens[j], tokens[s.first]).find(',') !=
                             std::string_view::npos);
    const std::size_t prev_end = is_one_of(word(j), {"in"}) && j > 0 ? j - 1 : j;
    return joined && v.spans[v.index - 1].last == prev_end &&
           mention_place(v.mentions[v.index - 1]);
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
                    [](const TriggerHit& t) { return t.trigger == Trigger::incident; });
    for (const TriggerHit& t : triggers) {
        // "..., the ministry said" does not make the place of the shelling a context.
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
    const bool event_place = nearest != nullptr && (nearest->trigger == Trigger::incident ||
                                                    nearest->trigger == Trigger::checkpoint ||
                                                    nearest->trigger == Trigger::blockade);
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
    if (v.place.kind == PlaceKind::country || is_abroad(v.place) || history || is_qualifier(v)) {
        return MentionRole::context_location;
    }
    // "the Washington talks", "the Moscow format"
    if (v.after() < v.tokens().size() &&
        is_one_of(v.word(v.after()), {"talks", "summit", "meeting", "format", "process",
                                      "negotiations", "declaration", "statement", "agreement"})) {
        return MentionRole::context_location;
    }
    return location_role(v, triggers);
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
