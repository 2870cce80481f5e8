// Roles of place mentions: actor ("Baku accused"), part of a name ("the Ministry of Defense of
// Armenia"), incident or context location ("talks in Washington").

#include "geo/extract/detail/stages.hpp"

#include <algorithm>

namespace sitmap::geo::detail {

namespace {

using namespace std::chrono;

bool in(std::string_view w, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return iequals(w, x); });
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos) {
    return static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), pos,
                         [](const Token& t, std::size_t p) { return t.begin < p; }) -
        tokens.begin());
}

const Place* place_of(const PlaceMention& m) {
    if (!m.mention.resolution.resolved || m.mention.resolution.candidates.empty()) {
        return nullptr;
    }
    return m.mention.resolution.candidates.front().place;
}

bool metonymy_kind(const Place& p) {
    return p.kind == PlaceKind::capital || p.kind == PlaceKind::country ||
           p.kind == PlaceKind::city_abroad;
}

bool abroad(const Place& p) {
    return p.kind == PlaceKind::city_abroad ||
           !(p.country.empty() || p.country == "AM" || p.country == "AZ");
}

bool locative_preposition(std::string_view w) {
    return in(w, {"in",      "at",     "near",   "from",   "to",    "into", "toward", "towards",
                  "outside", "around", "inside", "across", "along", "on",   "within", "via",
                  "through", "beside", "nearby", "off",    "over",  "for"});
}

// Words between a preposition and a place name: "in the village of", "near eastern".
bool locative_filler(std::string_view w) {
    return in(w, {"the",          "a",
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

bool org_word(std::string_view w) {
    return in(w,
              {"ministry",  "ministries", "defense",    "defence",      "affairs",    "government",
               "president", "minister",   "embassy",    "parliament",   "army",       "forces",
               "service",   "office",     "committee",  "council",      "university", "bank",
               "church",    "ombudsman",  "prosecutor", "commissioner", "security",   "guard",
               "guards",    "assembly",   "republic",   "health",       "interior"});
}

bool possessive(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (i + 1 >= tokens.size() || !iequals(tokens[i + 1].text, "s")) {
        return false;
    }
    const std::string_view g = gap_between(text, tokens[i], tokens[i + 1]);
    return g == "'" || g == "\xE2\x80\x99";
}

bool subject_verb(std::string_view w) {
    return in(w, {"accused",   "accuses",  "accuse",    "blamed",    "blames",     "said",
                  "says",      "say",      "announced", "announces", "claimed",    "claims",
                  "reported",  "reports",  "denied",    "denies",    "stated",     "insisted",
                  "insists",   "warned",   "demanded",  "demands",   "condemned",  "pledged",
                  "agreed",    "urged",    "urges",     "considers", "considered", "rejected",
                  "responded", "put",      "sent",      "called",    "calls",      "expects",
                  "wants",     "refused",  "relied",    "relies",    "grown",      "launched",
                  "noted",     "notes",    "added",     "confirmed", "threatened", "argued",
                  "has",       "have",     "had",       "is",        "was",        "were",
                  "are",       "will",     "would",     "mutually",  "exchange",   "exchanged",
                  "blamed",    "traded",   "continues", "continued", "seeks",      "sought",
                  "hopes",     "believes", "took"});
}

bool speech_verb(std::string_view w) {
    return in(w, {"said",      "says",     "say",     "accused", "accuses",   "claimed", "claims",
                  "announced", "reported", "reports", "denied",  "denies",    "stated",  "insisted",
                  "warned",    "noted",    "notes",   "added",   "confirmed", "blamed",  "told"});
}

bool subject_filler(std::string_view w) {
    return in(w,
              {"meanwhile",    "however",       "also",       "initially",  "later",   "then",
               "swiftly",      "again",         "reportedly", "officially", "earlier", "too",
               "consistently", "traditionally", "repeatedly", "first",      "further", "on",
               "monday",       "tuesday",       "wednesday",  "thursday",   "friday",  "saturday",
               "sunday",       "today",         "yesterday",  "and",        "both",    "now",
               "already",      "has",           "have",       "had"});
}

struct MentionSpan {
    std::size_t first = 0; // token indices in the sentence
    std::size_t last = 0;
};

MentionSpan span_of(const PlaceMention& m, std::size_t sentence_begin,
                    const std::vector<Token>& tokens) {
    const std::size_t b = m.mention.begin - sentence_begin;
    const std::size_t e = m.mention.end - sentence_begin;
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

// The range distance between two byte spans (0 when they overlap).
std::size_t distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    if (e1 <= b2) {
        return b2 - e1;
    }
    if (e2 <= b1) {
        return b1 - e2;
    }
    return 0;
}

} // namespace

const Place* mention_place(const PlaceMention& m) {
    return place_of(m);
}
bool is_abroad(const Place& p) {
    return abroad(p);
}
bool is_locative_preposition(std::string_view w) {
    return locative_preposition(w);
}
bool is_locative_filler(std::string_view w) {
    return locative_filler(w);
}
std::size_t span_distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    return distance(b1, e1, b2, e2);
}

void assign_roles(std::string_view /*article*/, std::size_t sentence_begin,
                  std::string_view sentence, const std::vector<TriggerHit>& triggers, bool history,
                  std::vector<PlaceMention>& mentions) {
    const std::vector<Token> tokens = tokenize(sentence);
    std::vector<bool> locative(mentions.size(), false);
    std::vector<MentionSpan> spans;
    spans.reserve(mentions.size());
    for (const PlaceMention& m : mentions) {
        spans.push_back(span_of(m, sentence_begin, tokens));
    }
    const auto word = [&](std::size_t i) {
        return i < tokens.size() ? tokens[i].text : std::string_view{};
    };
    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
        PlaceMention& m = mentions[mi];
        const Place* place = place_of(m);
        const MentionSpan s = spans[mi];
        if (place == nullptr || tokens.empty() || s.first >= tokens.size()) {
            m.role = MentionRole::context_location;
            continue;
        }
        // Locative: a preposition before the name, over fillers ("in the village of"), or the
        // coordinated partner of a locative mention ("in Brussels and Moscow").
        bool loc = false;
        bool coordinated_with_previous = false;
        {
            std::size_t j = s.first;
            int steps = 0;
            while (j > 0 && steps < 6) {
                --j;
                ++steps;
                const std::string_view w = tokens[j].text;
                // "officials in Baku said": the capital names the government.
                if (iequals(w, "in") && j > 0 &&
                    in(tokens[j - 1].text,
                       {"ministry", "officials", "authorities", "government", "sources",
                        "diplomats", "leadership", "spokesman", "spokeswoman", "embassy"})) {
                    break;
                }
                // "in the village of X", and objects of fire: "shells hit the outskirts of X".
                if (locative_preposition(w) ||
                    in(w, {"hit", "struck", "shelled", "targeted", "attacked", "bombarded",
                           "shelling", "attacking"})) {
                    loc = true;
                    break;
                }
                if ((iequals(w, "and") || iequals(w, "or")) && mi > 0 &&
                    spans[mi - 1].last + 1 == j) {
                    coordinated_with_previous = true;
                    loc = locative[mi - 1];
                    break;
                }
                if (!locative_filler(w)) {
                    break;
                }
            }
        }
        locative[mi] = loc;

        const std::size_t before = s.first > 0 ? s.first - 1 : tokens.size();
        const std::size_t after = s.last + 1;
        // Part of a name: "the Ministry of Defense of Armenia", "Armenia's Defence Ministry",
        // "the Second Nagorno-Karabakh War".
        const bool of_org =
            before < tokens.size() && iequals(word(before), "of") && before >= 1 &&
            (org_word(word(before - 1)) ||
             (iequals(word(before - 1), "the") && before >= 2 && org_word(word(before - 2))));
        const bool possessive_org =
            possessive(sentence, tokens, s.last) &&
            in(word(after + 1),
               {"ministry",  "defense",   "defence", "foreign",    "health",     "interior",
                "president", "prime",     "pm",      "government", "parliament", "ombudsman",
                "security",  "emergency", "state",   "human",      "armed",      "army",
                "military",  "leader",    "leaders"});
        const bool named_war = after < tokens.size() &&
                               gap_between(sentence, tokens[s.last], tokens[after]) == " " &&
                               word(after) == "War";
        // A first name that is also a place: "Foreign Minister Ararat Mirzoyan".
        const bool person_name =
            before < tokens.size() &&
            in(word(before), {"minister", "president", "secretary", "spokesman", "spokeswoman",
                              "spokesperson", "pm", "ambassador", "general", "envoy", "chairman",
                              "commander", "mr", "ms", "mrs"}) &&
            after < tokens.size() && tokens[after].capitalized() &&
            gap_between(sentence, tokens[s.last], tokens[after]) == " ";
        // "the Azerbaijan Army", "Armenia Defense Ministry"
        const bool direct_org =
            after < tokens.size() && gap_between(sentence, tokens[s.last], tokens[after]) == " " &&
            tokens[after].capitalized() &&
            in(word(after), {"army", "armed", "ministry", "government", "defense", "defence",
                             "president", "parliament", "embassy", "state", "foreign"});
        // A unit named after a place: "Azerbaijani border guards", "the Armenian border troops".
        const bool unit = after < tokens.size() &&
                          gap_between(sentence, tokens[s.last], tokens[after]) == " " &&
                          in(word(after), {"guards", "guard", "service", "troops", "police",
                                           "forces", "units", "posts", "outposts"});
        if (of_org || possessive_org || named_war || person_name || direct_org || unit) {
            m.role = MentionRole::name_part;
            continue;
        }
        // Adjectival use: "Moscow-sponsored", "EU-hosted", "Russia-brokered".
        if (after < tokens.size() && gap_between(sentence, tokens[s.last], tokens[after]) == "-" &&
            in(word(after), {"sponsored", "brokered", "negotiated", "hosted", "backed", "led",
                             "mediated", "friendly", "aligned", "based", "allied"})) {
            m.role = MentionRole::actor;
            continue;
        }
        // Subject of a verb of saying or acting: "Baku accused", "Armenia has consistently
        // demanded", "Baku and Yerevan however put out".
        bool subject = false;
        {
            std::size_t j = after;
            if (j < tokens.size() && possessive(sentence, tokens, s.last)) {
                j = tokens.size(); // "Baku's" is not a subject
            }
            int steps = 0;
            while (j < tokens.size() && steps < 6) {
                const std::string_view w = tokens[j].text;
                bool is_other_mention = false;
                for (std::size_t k = mi + 1; k < mentions.size(); ++k) {
                    if (spans[k].first == j) {
                        j = spans[k].last + 1;
                        is_other_mention = true;
                        break;
                    }
                }
                if (is_other_mention) {
                    ++steps;
                    continue;
                }
                if (metonymy_kind(*place) ? subject_verb(w) : speech_verb(w)) {
                    subject = true;
                    break;
                }
                if (!subject_filler(w)) {
                    break;
                }
                ++j;
                ++steps;
            }
        }
        if (subject && !loc) {
            m.role = MentionRole::actor;
            continue;
        }
        if (metonymy_kind(*place)) {
            const bool agency =
                before < tokens.size() &&
                (in(word(before), {"accused", "accuses", "accusing", "blamed", "blames", "urged",
                                   "urging", "with", "against", "by", "pressure", "called"}) ||
                 (iequals(word(before), "to") && before >= 1 &&
                  iequals(word(before - 1), "according")));
            if (agency || possessive(sentence, tokens, s.last) ||
                (!loc && !coordinated_with_previous) ||
                (coordinated_with_previous && mi > 0 &&
                 mentions[mi - 1].role == MentionRole::actor)) {
                m.role = MentionRole::actor;
                continue;
            }
        }
        // "Verin Shorzha in Gegharkunik", "Sotk, Gegharkunik province": the second name only
        // says where the first one is.
        bool qualifier = false;
        if (mi > 0 && s.first >= 1) {
            std::size_t j = s.first - 1;
            while (j > 0 &&
                   in(word(j), {"the", "province", "region", "district", "of", "eastern", "western",
                                "northern", "southern", "east", "west", "north", "south"})) {
                --j;
            }
            // After a comma only a region qualifies ("Sotk, Gegharkunik province"); otherwise
            // it is a list ("Jermuk, Goris and Kapan").
            const bool region_like =
                place->kind == PlaceKind::region || place->kind == PlaceKind::country ||
                in(word(s.last + 1), {"province", "region", "district", "marz", "rayon"});
            const bool joined = in(word(j), {"in"}) ||
                                (region_like && j + 1 == s.first &&
                                 gap_between(sentence, tokens[j], tokens[s.first]).find(',') !=
                                     std::string_view::npos);
            const std::size_t prev_end = in(word(j), {"in"}) && j > 0 ? j - 1 : j;
            qualifier = joined && spans[mi - 1].last == prev_end && place_of(mentions[mi - 1]);
        }
        // A location: of an incident when the nearest trigger is one, else context.
        if (place->kind == PlaceKind::country || abroad(*place) || history || qualifier) {
            m.role = MentionRole::context_location;
            continue;
        }
        if (after < tokens.size() &&
            in(word(after), {"talks", "summit", "meeting", "format", "process", "negotiations",
                             "declaration", "statement", "agreement"})) {
            m.role = MentionRole::context_location;
            continue;
        }
        const std::size_t b = m.mention.begin - sentence_begin;
        const std::size_t e = m.mention.end - sentence_begin;
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
            const std::size_t d = distance(b, e, t.begin, t.end);
            if (nearest == nullptr || d < best) {
                nearest = &t;
                best = d;
            }
        }
        // Background clauses ("at odds for 30 years over Nagorno-Karabakh") are far from the verb.
        if (nearest != nullptr && nearest->trigger == Trigger::incident && best > 100) {
            nearest = nullptr;
        }
        const bool event_place = nearest != nullptr && (nearest->trigger == Trigger::incident ||
                                                        nearest->trigger == Trigger::checkpoint ||
                                                        nearest->trigger == Trigger::blockade);
        m.role = event_place ? MentionRole::incident_location : MentionRole::context_location;
    }
}

} // namespace sitmap::geo::detail
