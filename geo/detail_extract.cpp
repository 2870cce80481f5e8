// The extraction pipeline: sentences -> triggers, dates and roles -> proto-events with claims ->
// merged events.

#include "geo/detail_extract.hpp"

#include "geo/dates.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_set>

namespace sitmap::geo::detail {

int kind_priority(EventKind k); // detail_rules.cpp

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
        if (of_org || possessive_org || named_war || person_name || direct_org) {
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
        // A location: of an incident when the nearest trigger is one, else context.
        if (place->kind == PlaceKind::country || abroad(*place) || history) {
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

namespace {

struct Vote {
    DateRange date;
    std::size_t weight = 1;
    SourceRef where; // ties go to the date stated first (an article's lead states its news)
};

SourceRef first_source(const Event& e);
std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes);

bool earlier(const SourceRef& a, const SourceRef& b) {
    return a.article != b.article ? a.article < b.article : a.begin < b.begin;
}

// Which of several dates for one event to keep: a short stated range ("overnight from Sunday to
// Monday") over one of its days, a day over a month or a vague period; then the most sources;
// then the first.
int date_rank(const DateRange& d) {
    const auto span_days = (sys_days{d.end} - sys_days{d.begin}).count();
    if (d.precision == DatePrecision::range && span_days <= 2) {
        return 0;
    }
    if (d.precision == DatePrecision::day) {
        return 1;
    }
    if (d.precision == DatePrecision::unknown) {
        return 3;
    }
    return 2;
}

DateRange best_date(const std::vector<Vote>& votes, const DateRange& fallback) {
    if (votes.empty()) {
        return fallback;
    }
    struct Tally {
        DateRange date;
        std::size_t weight = 0;
        SourceRef first;
    };
    std::vector<Tally> tally;
    for (const Vote& v : votes) {
        auto it = std::find_if(tally.begin(), tally.end(),
                               [&](const Tally& t) { return t.date == v.date; });
        if (it == tally.end()) {
            tally.push_back(Tally{v.date, v.weight, v.where});
        } else {
            it->weight += v.weight;
            if (earlier(v.where, it->first)) {
                it->first = v.where;
            }
        }
    }
    const auto better = [](const Tally& a, const Tally& b) {
        if (date_rank(a.date) != date_rank(b.date)) {
            return date_rank(a.date) < date_rank(b.date);
        }
        if (a.weight != b.weight) {
            return a.weight > b.weight;
        }
        return earlier(a.first, b.first);
    };
    auto best = tally.begin();
    for (auto it = tally.begin(); it != tally.end(); ++it) {
        if (better(*it, *best)) {
            best = it;
        }
    }
    return best->date;
}

long gap_days(const DateRange& a, const DateRange& b) {
    const long ab = (sys_days{b.begin} - sys_days{a.end}).count();
    const long ba = (sys_days{a.begin} - sys_days{b.end}).count();
    return std::max({0L, ab, ba});
}

bool compatible(const DateRange& a, const DateRange& b) {
    if (a.precision == DatePrecision::unknown || b.precision == DatePrecision::unknown) {
        return true;
    }
    return gap_days(a, b) <= 1;
}

std::string slug(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (keep) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

std::string_view kind_label(EventKind k) {
    switch (k) {
    case EventKind::shelling:
        return "Shelling";
    case EventKind::mortar_fire:
        return "Mortar fire";
    case EventKind::small_arms_fire:
        return "Small-arms fire";
    case EventKind::drone_strike:
        return "Drone strike";
    case EventKind::vehicle_attack:
        return "Attack on a vehicle";
    case EventKind::casualties:
        return "Soldiers killed or wounded";
    case EventKind::armed_clash:
        return "Exchange of fire";
    case EventKind::checkpoint_installed:
        return "Checkpoint installed";
    case EventKind::checkpoint_closed:
        return "Checkpoint closed";
    case EventKind::blockade:
        return "Blockade";
    case EventKind::talks:
        return "Talks";
    case EventKind::statement:
        return "Statement";
    case EventKind::mission_deployment:
        return "Mission deployed";
    }
    return "Event";
}

} // namespace

std::string event_id(const Event& e) {
    std::string place = slug(e.place_id);
    if (place.empty()) {
        // Only coordinates (an ACLED row): two places of one name stay two ids.
        char where[64];
        std::snprintf(where, sizeof where, " %.3f %.3f", e.location.lat, e.location.lon);
        place = slug(e.place_name + where);
    }
    return "evt-" + format_date(e.date.begin) + "-" + std::string(to_string(e.kind)) + "-" + place;
}

std::string event_summary(const Event& e) {
    std::string s = std::string(kind_label(e.kind)) + " at " + e.place_name;
    // Figures per side, as stated, never averaged: "Armenia: 3-4 wounded".
    std::map<Side, std::pair<std::vector<int>, std::vector<int>>> figures;
    for (const Claim& c : e.claims) {
        if (c.side == Side::unknown) {
            continue;
        }
        if (c.killed) {
            figures[c.side].first.push_back(*c.killed);
        }
        if (c.wounded) {
            figures[c.side].second.push_back(*c.wounded);
        }
    }
    const auto range = [](std::vector<int> v) {
        std::sort(v.begin(), v.end());
        return v.front() == v.back() ? std::to_string(v.front())
                                     : std::to_string(v.front()) + "-" + std::to_string(v.back());
    };
    for (const auto& [side, f] : figures) {
        std::string part;
        if (!f.first.empty()) {
            part += range(f.first) + " killed";
        }
        if (!f.second.empty()) {
            part += (part.empty() ? "" : ", ") + range(f.second) + " wounded";
        }
        if (!part.empty()) {
            static constexpr const char* names[] = {"Armenia", "Azerbaijan",    "Russia",
                                                    "EU",      "other sources", "unattributed"};
            s += "; " + std::string(names[static_cast<int>(side)]) + " reports " + part;
        }
    }
    if (e.disputed()) {
        s += " (disputed)";
    }
    return s;
}

namespace {

struct Proto {
    Event event;
    std::vector<Vote> votes;
    std::size_t last_sentence = 0;
};

// Claims of one sentence arrive together, so a duplicate can only be among the claims with the
// same source: scanning back over those keeps this linear for long inputs.
bool has_claim(const std::vector<Claim>& claims, const Claim& c) {
    for (auto it = claims.rbegin(); it != claims.rend() && it->source == c.source; ++it) {
        if (*it == c) {
            return true;
        }
    }
    return false;
}

void add_claims(Event& e, const std::vector<Claim>& claims, const SourceRef& source) {
    for (Claim c : claims) {
        c.source = source;
        if (!has_claim(e.claims, c)) {
            e.claims.push_back(std::move(c));
        }
    }
    if (e.sources.empty() || !(e.sources.back() == source)) {
        if (std::find(e.sources.begin(), e.sources.end(), source) == e.sources.end()) {
            e.sources.push_back(source);
        }
    }
}

Event make_event(EventKind kind, const DateRange& date, const PlaceMention& m) {
    const Candidate& c = m.mention.resolution.candidates.front();
    Event e;
    e.kind = kind;
    e.date = date;
    e.place_id = c.place->id;
    e.place_name = c.place->name;
    e.geometry = c.place->geometry;
    e.location = c.place->anchor;
    e.precision = c.precision;
    return e;
}

struct Pending {
    std::vector<Claim> claims;
    SourceRef source;
    std::optional<DateRange> date;
    EventKind kind = EventKind::armed_clash;
};

} // namespace

Extraction extract_events(const Article& article, const std::vector<TextMention>& found) {
    Extraction out;
    const std::string_view text = article.text;
    const year_month_day pub = article.published;
    const sys_days recent_cutoff = sys_days{pub} - days{180};
    const std::vector<Sentence> sentences = split_sentences(text);

    std::vector<PlaceMention> all;
    all.reserve(found.size());
    std::size_t next_mention = 0;
    std::vector<TextMention> sorted = found;
    std::sort(sorted.begin(), sorted.end(),
              [](const TextMention& a, const TextMention& b) { return a.begin < b.begin; });

    ClaimContext claims_context;
    std::vector<Proto> protos;
    std::optional<std::size_t> current;
    std::vector<Pending> pending;
    std::optional<DateRange> incident_date;
    std::optional<PlaceMention> last_corridor;
    std::size_t placeless_incidents = 0;

    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Sentence& sent = sentences[si];
        const std::string_view s = text.substr(sent.begin, sent.end - sent.begin);
        std::vector<PlaceMention> here;
        while (next_mention < sorted.size() && sorted[next_mention].begin < sent.end) {
            if (sorted[next_mention].begin >= sent.begin) {
                here.push_back(
                    PlaceMention{sorted[next_mention], MentionRole::context_location, si});
            }
            ++next_mention;
        }
        const std::vector<TriggerHit> triggers = find_triggers(s);
        const bool has_incident = std::any_of(triggers.begin(), triggers.end(), [](const auto& t) {
            return t.trigger == Trigger::incident;
        });
        std::vector<DateMention> all_dates;
        if (!triggers.empty() || !here.empty()) {
            all_dates = find_dates(s, pub);
        }
        const bool history = (has_incident || !here.empty()) && is_history(s, pub, all_dates);
        assign_roles(text, sent.begin, s, triggers, history, here);

        const SourceRef source{article.id, sent.begin, sent.end};
        claims_context.sentence = si;
        std::vector<DateMention> dates;
        if (!triggers.empty()) {
            for (const DateMention& d : all_dates) {
                if (d.form != DateForm::year && sys_days{d.date.end} >= recent_cutoff) {
                    dates.push_back(d);
                }
            }
        }
        const auto nearest_date = [&](std::size_t b, std::size_t e,
                                      std::size_t max_distance) -> const DateMention* {
            const DateMention* best = nullptr;
            std::size_t best_d = 0;
            for (const DateMention& d : dates) {
                const std::size_t dist = distance(b, e, d.begin, d.end);
                if (dist <= max_distance && (best == nullptr || dist < best_d)) {
                    best = &d;
                    best_d = dist;
                }
            }
            return best;
        };

        // Incidents.
        std::optional<std::size_t> own_date_begin;
        if (has_incident && !history && !is_habitual(s)) {
            EventKind kind = EventKind::casualties;
            const DateMention* own = nullptr;
            std::size_t own_d = 0;
            for (const TriggerHit& t : triggers) {
                if (t.trigger != Trigger::incident) {
                    continue;
                }
                if (kind_priority(t.kind) > kind_priority(kind)) {
                    kind = t.kind;
                }
                if (const DateMention* d = nearest_date(t.begin, t.end, s.size())) {
                    const std::size_t dist = distance(t.begin, t.end, d->begin, d->end);
                    if (own == nullptr || dist < own_d) {
                        own = d;
                        own_d = dist;
                    }
                }
            }
            if (own != nullptr) {
                incident_date = own->date;
                own_date_begin = own->begin;
            }
            const DateRange date = own             ? own->date
                                   : incident_date ? *incident_date
                                                   : DateRange{pub, pub, DatePrecision::unknown};
            std::vector<const PlaceMention*> places;
            for (const PlaceMention& m : here) {
                if (m.role == MentionRole::incident_location) {
                    places.push_back(&m);
                }
            }
            // Only the finest places: "Sotk, in Gegharkunik province" is one incident at Sotk.
            if (!places.empty()) {
                const auto finest =
                    std::min_element(places.begin(), places.end(), [](auto a, auto b) {
                        return a->mention.resolution.candidates.front().precision <
                               b->mention.resolution.candidates.front().precision;
                    });
                const GeoPrecision p = (*finest)->mention.resolution.candidates.front().precision;
                std::erase_if(places, [&](const PlaceMention* m) {
                    return m->mention.resolution.candidates.front().precision != p;
                });
            }
            const std::vector<Claim> claims = find_claims(s, here, sent.begin, claims_context);
            const bool same_as_current =
                !places.empty() && current &&
                places.front()->mention.resolution.candidates.front().place->id ==
                    protos[*current].event.place_id &&
                compatible(date, protos[*current].event.date) &&
                layer_of(protos[*current].event.kind) == EventLayer::incident;
            if (same_as_current) {
                Proto& p = protos[*current];
                add_claims(p.event, claims, source);
                if (own != nullptr) {
                    p.votes.push_back(Vote{own->date, 1, source});
                }
                if (kind_priority(kind) > kind_priority(p.event.kind)) {
                    p.event.kind = kind;
                }
                p.last_sentence = si;
                places.erase(places.begin());
            }
            if (!places.empty()) {
                std::optional<std::size_t> first_new;
                std::vector<std::string> seen;
                for (const PlaceMention* m : places) {
                    const std::string& id = m->mention.resolution.candidates.front().place->id;
                    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
                        continue;
                    }
                    seen.push_back(id);
                    Proto p;
                    p.event = make_event(kind, date, *m);
                    p.last_sentence = si;
                    for (const Pending& q : pending) {
                        if (!q.date || compatible(*q.date, date)) {
                            add_claims(p.event, q.claims, q.source);
                            if (q.date) {
                                p.votes.push_back(Vote{*q.date, 1, q.source});
                            }
                            if (kind_priority(q.kind) > kind_priority(p.event.kind)) {
                                p.event.kind = q.kind;
                            }
                        }
                    }
                    add_claims(p.event, claims, source);
                    if (own != nullptr) {
                        p.votes.push_back(Vote{own->date, 1, source});
                    }
                    protos.push_back(std::move(p));
                    if (!first_new) {
                        first_new = protos.size() - 1;
                    }
                }
                pending.clear();
                current = first_new;
            } else if (!same_as_current) {
                ++placeless_incidents;
                const bool attachable =
                    current && si <= protos[*current].last_sentence + 2 &&
                    (own == nullptr || compatible(own->date, protos[*current].event.date));
                if (attachable) {
                    Proto& p = protos[*current];
                    // Outsiders quoted in a sentence without a place speak of something else
                    // (the talks), not of this incident.
                    std::vector<Claim> kept;
                    for (const Claim& c : claims) {
                        const bool party = c.side == Side::armenia || c.side == Side::azerbaijan;
                        if (party || c.killed || c.wounded) {
                            kept.push_back(c);
                        }
                    }
                    add_claims(p.event, kept, source);
                    if (own != nullptr) {
                        p.votes.push_back(Vote{own->date, 1, source});
                    }
                    if (kind_priority(kind) > kind_priority(p.event.kind)) {
                        p.event.kind = kind;
                    }
                    p.last_sentence = si;
                } else if (!current) {
                    pending.push_back(
                        Pending{claims, source,
                                own ? std::optional<DateRange>(own->date) : std::nullopt, kind});
                }
            }
        }

        // A denial right after an incident belongs to it even without a trigger word: "The
        // Armenian Defence Ministry denied the claim as disinformation."
        if (!has_incident && current && si <= protos[*current].last_sentence + 2 &&
            is_denial(tokenize(s))) {
            std::vector<Claim> denials;
            for (const Claim& c : find_claims(s, here, sent.begin, claims_context)) {
                if (c.assertion == Assertion::denies &&
                    (c.side == Side::armenia || c.side == Side::azerbaijan)) {
                    denials.push_back(c);
                }
            }
            if (!denials.empty()) {
                add_claims(protos[*current].event, denials, source);
                protos[*current].last_sentence = si;
            }
        }

        // Checkpoints and blockades: dated, at a corridor, road, bridge or settlement.
        for (const TriggerHit& t : triggers) {
            if (t.trigger != Trigger::checkpoint && t.trigger != Trigger::blockade) {
                continue;
            }
            const DateMention* d = nearest_date(t.begin, t.end, s.size());
            if (d == nullptr || history) {
                continue;
            }
            PlaceMention* where = nullptr;
            std::size_t best = 0;
            for (PlaceMention& m : here) {
                const Place* p = place_of(m);
                if (p == nullptr || m.role == MentionRole::actor ||
                    m.role == MentionRole::name_part || abroad(*p) ||
                    p->kind == PlaceKind::country) {
                    continue;
                }
                const std::size_t dist = distance(t.begin, t.end, m.mention.begin - sent.begin,
                                                  m.mention.end - sent.begin);
                if (where == nullptr || dist < best) {
                    where = &m;
                    best = dist;
                }
            }
            std::optional<PlaceMention> anaphor;
            if (where == nullptr && last_corridor) {
                // "the corridor", "the road": the corridor named last.
                const std::string low = lower_ascii(s);
                if (low.find("the corridor") != std::string::npos ||
                    low.find("the road") != std::string::npos) {
                    anaphor = *last_corridor;
                }
            }
            if (where == nullptr && !anaphor) {
                continue;
            }
            if (where != nullptr) {
                where->role = MentionRole::incident_location;
            }
            Proto p;
            p.event = make_event(t.kind, d->date, where ? *where : *anaphor);
            p.votes.push_back(Vote{d->date, 1, source});
            p.last_sentence = si;
            add_claims(p.event, find_claims(s, here, sent.begin, claims_context), source);
            protos.push_back(std::move(p));
            break;
        }

        // Context events: talks, statements, missions, each at a place named next to its date
        // ("will meet on Sunday in Brussels", "speaking on 10 May from Shusha").
        const bool has_context = std::any_of(triggers.begin(), triggers.end(), [](const auto& t) {
            return t.trigger == Trigger::talks || t.trigger == Trigger::statement ||
                   t.trigger == Trigger::mission;
        });
        if (has_context && !dates.empty()) {
            const bool future = is_future(s);
            std::vector<bool> used(here.size(), false);
            // A date that opens the sentence ("On October 7, the EU announced...") dates its
            // main clause; any other date only the place named next to it.
            std::string opening;
            for (const DateMention& d : dates) {
                std::optional<std::size_t> pick;
                if (has_incident && own_date_begin && d.begin == *own_date_begin) {
                    continue; // the date of the fire, not of the talks
                }
                opening = lower_ascii(s.substr(0, d.begin));
                while (!opening.empty() && opening.back() == ' ') {
                    opening.pop_back();
                }
                const bool fronted = opening.empty() || opening == "on" || opening == "in" ||
                                     opening == "at" || opening == "since" || opening == "by";
                const std::size_t reach = fronted ? s.size() : 60;
                std::size_t best = 0;
                for (std::size_t k = 0; k < here.size(); ++k) {
                    const PlaceMention& m = here[k];
                    const Place* p = place_of(m);
                    if (p == nullptr || used[k] || m.role != MentionRole::context_location) {
                        continue;
                    }
                    // In a sentence about fire, only talks abroad or in a city are context
                    // events ("ahead of talks in Washington on Monday").
                    if (has_incident && p->kind == PlaceKind::country) {
                        continue;
                    }
                    const std::size_t mb = m.mention.begin - sent.begin;
                    const std::size_t me = m.mention.end - sent.begin;
                    // The name must be introduced by a preposition: "in Washington", not
                    // "the Washington talks".
                    const std::string_view before = s.substr(0, mb);
                    bool locative = false;
                    const std::vector<Token> prev =
                        tokenize(before.substr(before.size() > 40 ? before.size() - 40 : 0));
                    for (auto it = prev.rbegin(); it != prev.rend(); ++it) {
                        if (locative_preposition(it->text)) {
                            locative = true;
                            break;
                        }
                        if (!locative_filler(it->text)) {
                            break;
                        }
                    }
                    const std::size_t dist = distance(mb, me, d.begin, d.end);
                    if (!locative || dist > reach) {
                        continue;
                    }
                    if (!pick || dist < best) {
                        pick = k;
                        best = dist;
                    }
                }
                if (!pick) {
                    continue;
                }
                used[*pick] = true;
                const PlaceMention& m = here[*pick];
                const std::size_t mb = m.mention.begin - sent.begin;
                const std::size_t me = m.mention.end - sent.begin;
                const TriggerHit* nearest = nullptr;
                std::size_t nd = 0;
                for (const TriggerHit& t : triggers) {
                    if (t.trigger != Trigger::talks && t.trigger != Trigger::statement &&
                        t.trigger != Trigger::mission) {
                        continue;
                    }
                    const std::size_t dist = distance(mb, me, t.begin, t.end);
                    if (nearest == nullptr || dist < nd) {
                        nearest = &t;
                        nd = dist;
                    }
                }
                if (has_incident && nearest->kind != EventKind::talks) {
                    continue;
                }
                const DateRange date = future ? d.upcoming : d.date;
                Proto p;
                p.event = make_event(nearest->kind, date, m);
                p.votes.push_back(Vote{date, 1, source});
                p.last_sentence = si;
                std::vector<Claim> claims;
                if (nearest->kind == EventKind::statement) {
                    claims = find_claims(s, here, sent.begin, claims_context);
                }
                add_claims(p.event, claims, source);
                protos.push_back(std::move(p));
            }
        }

        for (PlaceMention& m : here) {
            if (const Place* p = place_of(m); p != nullptr && p->kind == PlaceKind::corridor) {
                last_corridor = m;
            }
            all.push_back(std::move(m));
        }
    }

    out.mentions = std::move(all);
    std::vector<Event> events;
    std::vector<std::vector<Vote>> votes;
    for (Proto& p : protos) {
        p.event.date = best_date(p.votes, p.event.date);
        events.push_back(std::move(p.event));
        votes.push_back(std::move(p.votes));
    }
    // Every sentence's date stays a vote through the merge, not only each proto-event's winner.
    out.events = merge_with_votes(std::move(events), std::move(votes));
    const bool any_place =
        std::any_of(out.mentions.begin(), out.mentions.end(),
                    [](const PlaceMention& m) { return place_of(m) != nullptr; });
    if (!any_place) {
        out.warnings.push_back(article.id + ": no place found in the article; no events");
    } else if (out.events.empty() && placeless_incidents > 0) {
        out.warnings.push_back(article.id + ": incidents reported without a place that sitmap "
                                            "knows; no events");
    }
    return out;
}

namespace {

int merge_class(EventKind k) {
    return layer_of(k) == EventLayer::incident ? -1 : static_cast<int>(k);
}

} // namespace

namespace {

SourceRef first_source(const Event& e) {
    SourceRef best;
    for (const SourceRef& s : e.sources) {
        if (best.article.empty() || earlier(s, best)) {
            best = s;
        }
    }
    return best;
}

} // namespace

std::vector<Event> merge_events_impl(std::vector<Event> events) {
    std::vector<std::vector<Vote>> votes;
    for (const Event& e : events) {
        votes.push_back(
            {Vote{e.date, std::max<std::size_t>(1, e.sources.size()), first_source(e)}});
    }
    return merge_with_votes(std::move(events), std::move(votes));
}

namespace {

std::vector<Event> merge_with_votes(std::vector<Event> events,
                                    std::vector<std::vector<Vote>> event_votes) {
    std::vector<Event> merged;
    std::vector<std::vector<Vote>> votes;
    std::vector<std::unordered_set<std::string>> seen_sources;
    const auto source_key = [](const SourceRef& s) {
        return s.article + '\x1f' + std::to_string(s.begin) + '\x1f' + std::to_string(s.end);
    };
    for (std::size_t ei = 0; ei < events.size(); ++ei) {
        Event& e = events[ei];
        std::vector<Vote>& own_votes = event_votes[ei];
        if (own_votes.empty()) {
            own_votes.push_back(Vote{e.date, 1, first_source(e)});
        }
        auto same = [&](const Event& r) {
            const bool same_place = !e.place_id.empty()
                                        ? r.place_id == e.place_id
                                        : (r.place_id.empty() && r.location == e.location);
            return same_place && merge_class(r.kind) == merge_class(e.kind) &&
                   compatible(r.date, e.date);
        };
        auto it = std::find_if(merged.begin(), merged.end(), same);
        if (it == merged.end()) {
            std::unordered_set<std::string> keys;
            for (const SourceRef& s : e.sources) {
                keys.insert(source_key(s));
            }
            for (const Claim& c : e.claims) {
                keys.insert(source_key(c.source));
            }
            seen_sources.push_back(std::move(keys));
            votes.push_back(std::move(own_votes));
            merged.push_back(std::move(e));
            continue;
        }
        Event& r = *it;
        auto& into = votes[static_cast<std::size_t>(it - merged.begin())];
        into.insert(into.end(), own_votes.begin(), own_votes.end());
        if (kind_priority(e.kind) > kind_priority(r.kind)) {
            r.kind = e.kind;
        }
        auto& seen = seen_sources[static_cast<std::size_t>(it - merged.begin())];
        for (Claim& c : e.claims) {
            // A claim already present came in with its source.
            if (seen.count(source_key(c.source)) == 0) {
                r.claims.push_back(std::move(c));
            }
        }
        for (SourceRef& s : e.sources) {
            if (seen.insert(source_key(s)).second) {
                r.sources.push_back(std::move(s));
            }
        }
        if (r.precision > e.precision) {
            r.precision = e.precision;
        }
    }
    // An event placed only at a region, a country or along the whole border ("on the
    // Armenian-Azerbaijani border", "talks in the United States") is the same as one at a village
    // or city within it on the same day.
    std::vector<bool> absorbed(merged.size(), false);
    for (std::size_t c = 0; c < merged.size(); ++c) {
        const Event& coarse = merged[c];
        if (coarse.precision != GeoPrecision::region) {
            continue;
        }
        std::optional<std::size_t> best;
        double best_d = 0.0;
        for (std::size_t f = 0; f < merged.size(); ++f) {
            const Event& fine = merged[f];
            if (f == c || absorbed[f] || fine.precision >= coarse.precision ||
                merge_class(fine.kind) != merge_class(coarse.kind) ||
                !compatible(fine.date, coarse.date)) {
                continue;
            }
            const double d = distance_m(fine.location, coarse.geometry);
            if (d <= 30'000.0 && (!best || d < best_d)) {
                best = f;
                best_d = d;
            }
        }
        if (!best) {
            continue;
        }
        Event& fine = merged[*best];
        for (Claim& cl : merged[c].claims) {
            if (seen_sources[*best].count(source_key(cl.source)) == 0) {
                fine.claims.push_back(std::move(cl));
            }
        }
        for (SourceRef& s : merged[c].sources) {
            if (seen_sources[*best].insert(source_key(s)).second) {
                fine.sources.push_back(std::move(s));
            }
        }
        if (kind_priority(coarse.kind) > kind_priority(fine.kind)) {
            fine.kind = coarse.kind;
        }
        for (const Vote& v : votes[c]) {
            votes[*best].push_back(v);
        }
        absorbed[c] = true;
    }
    for (std::size_t i = merged.size(); i-- > 0;) {
        if (absorbed[i]) {
            merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(i));
            votes.erase(votes.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }
    for (std::size_t i = 0; i < merged.size(); ++i) {
        merged[i].date = best_date(votes[i], merged[i].date);
        merged[i].id = event_id(merged[i]);
        merged[i].summary = event_summary(merged[i]);
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Event& a, const Event& b) {
        if (a.date.begin != b.date.begin) {
            return a.date.begin < b.date.begin;
        }
        return a.id < b.id;
    });
    return merged;
}

} // namespace

} // namespace sitmap::geo::detail
