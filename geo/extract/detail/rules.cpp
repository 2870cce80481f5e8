// Trigger words, casualty figures, history and tense: the sentence-level rules of extraction.

#include "geo/dates/dates.hpp"
#include "geo/extract/detail/stages.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace sitmap::geo::detail {
namespace {

using namespace std::chrono;

struct TriggerPattern {
    std::vector<std::string_view> words; // a trailing '*' matches a prefix
    Trigger trigger;
    EventKind kind;
};

// The incident vocabulary of this conflict's reporting, by kind. Generalises over weapons,
// verb forms and the wire-service phrasings of both defence ministries.
const std::vector<TriggerPattern>& trigger_patterns() {
    using K = EventKind;
    using T = Trigger;
    static const std::vector<TriggerPattern> patterns{
        // shelling (artillery, rockets)
        {{"artillery"}, T::incident, K::shelling},
        {{"shell*"}, T::incident, K::shelling},
        {{"bombard*"}, T::incident, K::shelling},
        {{"howitzer*"}, T::incident, K::shelling},
        {{"rocket*"}, T::incident, K::shelling},
        {{"missile*"}, T::incident, K::shelling},
        {{"cannon*"}, T::incident, K::shelling},
        {{"heavy", "weapon*"}, T::incident, K::shelling},
        {{"tank", "fire"}, T::incident, K::shelling},
        // mortars
        {{"mortar*"}, T::incident, K::mortar_fire},
        // small arms and large-calibre guns
        {{"gunfire"}, T::incident, K::small_arms_fire},
        {{"small", "arm*"}, T::incident, K::small_arms_fire},
        {{"light", "weapon*"}, T::incident, K::small_arms_fire},
        {{"large", "calib*"}, T::incident, K::small_arms_fire},
        {{"machine", "gun*"}, T::incident, K::small_arms_fire},
        {{"machinegun*"}, T::incident, K::small_arms_fire},
        {{"sniper*"}, T::incident, K::small_arms_fire},
        {{"rifle*"}, T::incident, K::small_arms_fire},
        {{"firearm*"}, T::incident, K::small_arms_fire},
        {{"automatic", "weapon*"}, T::incident, K::small_arms_fire},
        {{"grenade*"}, T::incident, K::small_arms_fire},
        {{"weapons", "of", "different", "calib*"}, T::incident, K::small_arms_fire},
        // drones ("drone footage" must not fire)
        {{"drone", "strike*"}, T::incident, K::drone_strike},
        {{"drone", "attack*"}, T::incident, K::drone_strike},
        {{"drones", "attack*"}, T::incident, K::drone_strike},
        {{"drone", "hit"}, T::incident, K::drone_strike},
        {{"drone", "dropped"}, T::incident, K::drone_strike},
        {{"drone", "struck"}, T::incident, K::drone_strike},
        {{"attack", "drone*"}, T::incident, K::drone_strike},
        {{"combat", "drone*"}, T::incident, K::drone_strike},
        {{"kamikaze", "drone*"}, T::incident, K::drone_strike},
        {{"by", "a", "drone"}, T::incident, K::drone_strike},
        {{"by", "drone*"}, T::incident, K::drone_strike},
        {{"using", "drone*"}, T::incident, K::drone_strike},
        {{"uav*"}, T::incident, K::drone_strike},
        {{"unmanned", "aerial"}, T::incident, K::drone_strike},
        {{"quadcopter*"}, T::incident, K::drone_strike},
        {{"loitering", "munition*"}, T::incident, K::drone_strike},
        {{"bayraktar*"}, T::incident, K::drone_strike},
        {{"drone", "to", "strike"}, T::incident, K::drone_strike},
        {{"drone", "to", "attack"}, T::incident, K::drone_strike},
        {{"drones", "to", "strike"}, T::incident, K::drone_strike},
        // killing and wounding
        {{"killed"}, T::incident, K::casualties},
        {{"killing"}, T::incident, K::casualties},
        {{"kill"}, T::incident, K::casualties},
        {{"wounded"}, T::incident, K::casualties},
        {{"wounding"}, T::incident, K::casualties},
        {{"injured"}, T::incident, K::casualties},
        {{"injuring"}, T::incident, K::casualties},
        {{"injuries"}, T::incident, K::casualties},
        {{"dead"}, T::incident, K::casualties},
        {{"died"}, T::incident, K::casualties},
        {{"casualt*"}, T::incident, K::casualties},
        {{"fatal*"}, T::incident, K::casualties},
        {{"deaths"}, T::incident, K::casualties},
        {{"lost", "their", "lives"}, T::incident, K::casualties},
        {{"lost", "his", "life"}, T::incident, K::casualties},
        {{"losses"}, T::incident, K::casualties},
        {{"martyr*"}, T::incident, K::casualties},
        {{"wound"}, T::incident, K::casualties},
        {{"wounds"}, T::incident, K::casualties},
        // generic fire and clashes
        {{"opened", "fire"}, T::incident, K::armed_clash},
        {{"open", "fire"}, T::incident, K::armed_clash},
        {{"opening", "fire"}, T::incident, K::armed_clash},
        {{"opens", "fire"}, T::incident, K::armed_clash},
        {{"exchange*", "fire"}, T::incident, K::armed_clash},
        {{"exchange*", "of", "fire"}, T::incident, K::armed_clash},
        {{"fired"}, T::incident, K::armed_clash},
        {{"firing"}, T::incident, K::armed_clash},
        {{"fire", "on"}, T::incident, K::armed_clash},
        {{"fire", "at"}, T::incident, K::armed_clash},
        {{"fire", "against"}, T::incident, K::armed_clash},
        {{"fire", "from"}, T::incident, K::armed_clash},
        {{"subjected", "to", "fire"}, T::incident, K::armed_clash},
        {{"under", "fire"}, T::incident, K::armed_clash},
        {{"incoming", "fire"}, T::incident, K::armed_clash},
        {{"by", "the", "fire"}, T::incident, K::armed_clash},
        {{"shooting"}, T::incident, K::armed_clash},
        {{"shootout*"}, T::incident, K::armed_clash},
        {{"shoot", "out"}, T::incident, K::armed_clash},
        {{"shot", "at"}, T::incident, K::armed_clash},
        {{"shot", "dead"}, T::incident, K::armed_clash},
        {{"clash*"}, T::incident, K::armed_clash},
        {{"skirmish*"}, T::incident, K::armed_clash},
        {{"gunfight*"}, T::incident, K::armed_clash},
        {{"firefight*"}, T::incident, K::armed_clash},
        {{"attack"}, T::incident, K::armed_clash},
        {{"attacked"}, T::incident, K::armed_clash},
        {{"attacks"}, T::incident, K::armed_clash},
        {{"attacking"}, T::incident, K::armed_clash},
        {{"violat*", "the", "ceasefire"}, T::incident, K::armed_clash},
        {{"violat*", "ceasefire"}, T::incident, K::armed_clash},
        {{"ceasefire", "violation*"}, T::incident, K::armed_clash},
        {{"flare", "up"}, T::incident, K::armed_clash},
        {{"hostilities"}, T::incident, K::armed_clash},
        {{"incursion*"}, T::incident, K::armed_clash},
        {{"ambush*"}, T::incident, K::armed_clash},
        {{"fighting"}, T::incident, K::armed_clash},
        {{"bombing*"}, T::incident, K::armed_clash},
        {{"break*", "the", "ceasefire"}, T::incident, K::armed_clash},
        {{"broke", "the", "ceasefire"}, T::incident, K::armed_clash},
        {{"breach*", "of", "the", "ceasefire"}, T::incident, K::armed_clash},
        {{"breach*", "the", "ceasefire"}, T::incident, K::armed_clash},
        // checkpoints, blockades
        {{"checkpoint*"}, T::checkpoint, K::checkpoint_installed},
        {{"check", "point*"}, T::checkpoint, K::checkpoint_installed},
        {{"blockade"}, T::blockade, K::blockade},
        {{"blocked"}, T::blockade, K::blockade},
        {{"blocking"}, T::blockade, K::blockade},
        // context
        {{"talks"}, T::talks, K::talks},
        {{"negotiation*"}, T::talks, K::talks},
        {{"summit*"}, T::talks, K::talks},
        {{"meeting*"}, T::talks, K::talks},
        {{"meet"}, T::talks, K::talks},
        {{"meets"}, T::talks, K::talks},
        {{"met"}, T::talks, K::talks},
        {{"discussions"}, T::talks, K::talks},
        {{"speaking"}, T::statement, K::statement},
        {{"spoke"}, T::statement, K::statement},
        {{"speech"}, T::statement, K::statement},
        {{"address*"}, T::statement, K::statement},
        {{"told", "reporters"}, T::statement, K::statement},
        {{"press", "conference"}, T::statement, K::statement},
        {{"briefing"}, T::statement, K::statement},
        {{"interview"}, T::statement, K::statement},
        {{"said"}, T::statement, K::statement},
        {{"declared"}, T::statement, K::statement},
        {{"mission"}, T::mission, K::mission_deployment},
        {{"monitors"}, T::mission, K::mission_deployment},
    };
    return patterns;
}

bool word_matches(std::string_view token, std::string_view pattern) {
    if (!pattern.empty() && pattern.back() == '*') {
        return istarts_with(token, pattern.substr(0, pattern.size() - 1));
    }
    return iequals(token, pattern);
}

// Words inside one pattern may be separated by spaces or a hyphen only ("small-arms").
bool joins(std::string_view gap) {
    return !gap.empty() &&
           std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '-'; });
}

bool any_word(const std::vector<Token>& tokens, std::initializer_list<std::string_view> words) {
    return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        return std::any_of(words.begin(), words.end(),
                           [&](std::string_view w) { return word_matches(t.text, w); });
    });
}

bool is_person_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 32> nouns{
        "soldier",   "soldiers",  "serviceman", "servicemen", "service",    "members",
        "member",    "troops",    "people",     "persons",    "person",     "civilian",
        "civilians", "man",       "men",        "woman",      "women",      "child",
        "children",  "officer",   "officers",   "conscript",  "conscripts", "residents",
        "resident",  "villagers", "guards",     "guard",      "personnel",  "servicemembers",
        "others",    "other"};
    return std::any_of(nouns.begin(), nouns.end(),
                       [&](std::string_view n) { return iequals(w, n); });
}

bool is_time_unit(std::string_view w) {
    for (std::string_view u : {"day", "days", "week", "weeks", "month", "months", "year", "years",
                               "hour", "hours", "minutes", "decades"}) {
        if (iequals(w, u)) {
            return true;
        }
    }
    return false;
}

enum class Toll { killed, wounded };

std::optional<Toll> toll_word(std::string_view w) {
    for (std::string_view k : {"killed", "killing", "kill", "dead", "died", "deaths", "death",
                               "martyred", "martyr", "martyrs"}) {
        if (iequals(w, k)) {
            return Toll::killed;
        }
    }
    for (std::string_view k :
         {"wounded", "wounding", "injured", "injuring", "injuries", "hurt", "wounds", "wound"}) {
        if (iequals(w, k)) {
            return Toll::wounded;
        }
    }
    return std::nullopt;
}

bool transitive_form(std::string_view w) {
    for (std::string_view k :
         {"killed", "killing", "kill", "wounded", "wounding", "injured", "injuring", "left"}) {
        if (iequals(w, k)) {
            return true;
        }
    }
    return false;
}

// A count that is part of a noun phrase of people, or stands alone before "were"/"dead".
std::optional<int> count_before(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t k) {
    const std::size_t stop = k >= 8 ? k - 8 : 0;
    for (std::size_t j = k; j-- > stop;) {
        if (toll_word(tokens[j].text) && j + 1 != k) {
            return std::nullopt; // another figure's word: the count belongs to it
        }
        std::size_t used = 0;
        const auto n = number_at(tokens, j, text, used);
        if (!n) {
            continue;
        }
        const std::size_t after = j + used;
        if (after < tokens.size() && is_time_unit(tokens[after].text)) {
            return std::nullopt;
        }
        // "286 dead", "30,000 deaths"
        if (after == k) {
            if (iequals(tokens[j].text, "a") || iequals(tokens[j].text, "an")) {
                continue;
            }
            return n;
        }
        for (std::size_t p = after; p < std::min(k, after + 4); ++p) {
            if (is_person_noun(tokens[p].text)) {
                return n;
            }
        }
        // "three were killed"
        if (after < k &&
            (iequals(tokens[after].text, "were") || iequals(tokens[after].text, "was"))) {
            if (!iequals(tokens[j].text, "a") && !iequals(tokens[j].text, "an")) {
                return n;
            }
        }
    }
    return std::nullopt;
}

// "killing another", "injuring one Azerbaijani soldier", "killed one person", "wounded four".
std::optional<int> count_after(const std::vector<Token>& tokens, std::string_view text,
                               std::size_t k) {
    std::size_t j = k + 1;
    // "at least", "more than", "up to"
    if (j + 1 < tokens.size() &&
        ((iequals(tokens[j].text, "at") && iequals(tokens[j + 1].text, "least")) ||
         (iequals(tokens[j].text, "more") && iequals(tokens[j + 1].text, "than")) ||
         (iequals(tokens[j].text, "up") && iequals(tokens[j + 1].text, "to")))) {
        j += 2;
    }
    std::size_t used = 0;
    const auto n = number_at(tokens, j, text, used);
    if (!n) {
        return std::nullopt;
    }
    const std::size_t after = j + used;
    // "two days ago" is a time, not a count; "a soldier" needs its noun.
    if (after < tokens.size() && is_time_unit(tokens[after].text) && after + 1 < tokens.size() &&
        (iequals(tokens[after + 1].text, "ago") || iequals(tokens[after + 1].text, "later") ||
         iequals(tokens[after + 1].text, "earlier"))) {
        return std::nullopt;
    }
    const bool article = iequals(tokens[j].text, "a") || iequals(tokens[j].text, "an");
    if (article) {
        for (std::size_t p = after; p < std::min(tokens.size(), after + 3); ++p) {
            if (is_person_noun(tokens[p].text)) {
                return n;
            }
        }
        return std::nullopt;
    }
    return n;
}

// Patterns by the first letter of their first word, in table order.
const std::array<std::vector<const TriggerPattern*>, 128>& patterns_by_letter() {
    static const auto index = [] {
        std::array<std::vector<const TriggerPattern*>, 128> idx;
        for (const TriggerPattern& p : trigger_patterns()) {
            idx[static_cast<unsigned char>(p.words.front()[0]) & 0x7F].push_back(&p);
        }
        return idx;
    }();
    return index;
}

} // namespace

std::vector<TriggerHit> find_triggers(std::string_view sentence) {
    const std::vector<Token> tokens = tokenize(sentence);
    std::vector<TriggerHit> hits;
    const auto& index = patterns_by_letter();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        char c0 = tokens[i].text[0];
        if (c0 >= 'A' && c0 <= 'Z') {
            c0 = static_cast<char>(c0 - 'A' + 'a');
        }
        for (const TriggerPattern* pp : index[static_cast<unsigned char>(c0) & 0x7F]) {
            const TriggerPattern& p = *pp;
            const std::string_view first = p.words.front();
            // Second letter before the full comparison: most candidates fail here.
            if (first.size() > 1 && first[1] != '*') {
                if (tokens[i].text.size() < 2) {
                    continue;
                }
                char c1 = tokens[i].text[1];
                if (c1 >= 'A' && c1 <= 'Z') {
                    c1 = static_cast<char>(c1 - 'A' + 'a');
                }
                if (c1 != first[1]) {
                    continue;
                }
            }
            std::size_t j = i;
            bool ok = true;
            for (std::string_view w : p.words) {
                if (j >= tokens.size() || !word_matches(tokens[j].text, w) ||
                    (j > i && !joins(gap_between(sentence, tokens[j - 1], tokens[j])))) {
                    ok = false;
                    break;
                }
                ++j;
            }
            if (!ok) {
                continue;
            }
            // "cease-fire on ..." is not fire.
            if (iequals(first, "fire") && i > 0 && iequals(tokens[i - 1].text, "cease")) {
                continue;
            }
            hits.push_back(TriggerHit{p.trigger, p.kind, tokens[i].begin, tokens[j - 1].end});
            break;
        }
    }
    // An attack on a vehicle: an attack verb shortly before a vehicle noun.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        static constexpr std::array<std::string_view, 12> vehicles{
            "ambulance", "ambulances", "vehicle", "vehicles", "truck",   "trucks",
            "car",       "cars",       "bus",     "convoy",   "minibus", "tractor"};
        if (std::none_of(vehicles.begin(), vehicles.end(),
                         [&](std::string_view v) { return iequals(tokens[i].text, v); })) {
            continue;
        }
        for (std::size_t j = i >= 5 ? i - 5 : 0; j < i; ++j) {
            for (std::string_view verb :
                 {"target*", "attack*", "fired", "shot", "hit", "struck", "shelled", "ambush*"}) {
                if (word_matches(tokens[j].text, verb)) {
                    hits.push_back(TriggerHit{Trigger::incident, EventKind::vehicle_attack,
                                              tokens[j].begin, tokens[i].end});
                    j = i;
                    break;
                }
            }
        }
    }
    // Checkpoints are installed or closed; blockades begin; missions are deployed. Without such a
    // verb the noun is only background ("the blockade", "the mission will last").
    const bool background_nouns = std::any_of(hits.begin(), hits.end(), [](const TriggerHit& h) {
        return h.trigger == Trigger::checkpoint || h.trigger == Trigger::blockade ||
               h.trigger == Trigger::mission;
    });
    bool closes = false;
    bool installs = false;
    bool begins = false;
    bool deploys = false;
    if (background_nouns) {
        closes = any_word(tokens, {"closed", "closing", "shut", "dismantled", "removed"});
        installs = any_word(tokens, {"install*", "set", "setting", "built", "build*", "erect*",
                                     "establish*", "placed", "opened", "put", "deploy*", "creat*",
                                     "new", "mount*"});
        begins = any_word(tokens, {"began", "begun", "begin*", "imposed", "impose*", "started",
                                   "launched", "since"});
        deploys = any_word(tokens, {"deploy*", "dispatch*", "send", "sent", "sending", "arriv*",
                                    "launch*", "establish*"});
    }
    std::vector<TriggerHit> kept;
    for (TriggerHit h : hits) {
        if (h.trigger == Trigger::checkpoint) {
            if (!closes && !installs) {
                continue;
            }
            h.kind = closes ? EventKind::checkpoint_closed : EventKind::checkpoint_installed;
        } else if (h.trigger == Trigger::blockade) {
            const std::string_view w = sentence.substr(h.begin, h.end - h.begin);
            if (iequals(w, "blockade") && !begins) {
                continue;
            }
        } else if (h.trigger == Trigger::mission && !deploys) {
            continue;
        }
        kept.push_back(h);
    }
    std::sort(kept.begin(), kept.end(),
              [](const TriggerHit& a, const TriggerHit& b) { return a.begin < b.begin; });
    return kept;
}

int kind_priority(EventKind k) {
    switch (k) {
    case EventKind::shelling:
        return 7;
    case EventKind::mortar_fire:
        return 6;
    case EventKind::drone_strike:
        return 5;
    case EventKind::small_arms_fire:
        return 4;
    case EventKind::vehicle_attack:
        return 3;
    case EventKind::armed_clash:
        return 2;
    case EventKind::casualties:
        return 1;
    default:
        return 0;
    }
}

std::optional<EventKind> incident_kind(std::string_view sentence) {
    std::optional<EventKind> best;
    for (const TriggerHit& h : find_triggers(sentence)) {
        if (h.trigger == Trigger::incident &&
            (!best || kind_priority(h.kind) > kind_priority(*best))) {
            best = h.kind;
        }
    }
    return best;
}

Casualties find_casualties(std::string_view sentence) {
    const std::vector<Token> tokens = tokenize(sentence);
    Casualties out;
    const auto set = [](std::optional<int>& slot, int n) { slot = std::max(slot.value_or(0), n); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string_view w = tokens[k].text;
        // "no casualties", "without (reporting) any losses", "neither side reported casualties"
        if (iequals(w, "casualties") || iequals(w, "losses") || iequals(w, "casualty")) {
            bool none = false;
            for (std::size_t j = k >= 4 ? k - 4 : 0; j < k; ++j) {
                const std::string_view p = tokens[j].text;
                none = none || iequals(p, "no") || iequals(p, "without") || iequals(p, "neither") ||
                       iequals(p, "zero") || iequals(p, "any");
            }
            if (none) {
                set(out.killed, 0);
                set(out.wounded, 0);
            }
            continue;
        }
        const auto toll = toll_word(w);
        if (!toll) {
            continue;
        }
        // "fatally wounded" is a death.
        auto slot = *toll == Toll::killed ? &out.killed : &out.wounded;
        if (*toll == Toll::wounded && k > 0 &&
            (iequals(tokens[k - 1].text, "fatally") || iequals(tokens[k - 1].text, "mortally"))) {
            slot = &out.killed;
        }
        std::optional<int> n;
        if (transitive_form(w)) {
            n = count_after(tokens, sentence, k);
        }
        if (!n) {
            n = count_before(tokens, sentence, k);
        }
        // "lost their lives" is handled by the count before "lost".
        if (n) {
            set(*slot, *n);
        }
    }
    for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (iequals(tokens[k].text, "lost") && iequals(tokens[k + 2].text, "lives")) {
            if (const auto n = count_before(tokens, sentence, k)) {
                set(out.killed, *n);
            }
        }
    }
    return out;
}

bool is_history(std::string_view sentence, year_month_day published) {
    return is_history(sentence, published, find_dates(sentence, published));
}

bool is_history(std::string_view sentence, year_month_day published,
                const std::vector<DateMention>& dates) {
    const std::vector<Token> tokens = tokenize(sentence);
    const sys_days cutoff = sys_days{published} - days{180};
    for (const DateMention& d : dates) {
        if (sys_days{d.date.end} >= cutoff) {
            continue;
        }
        // "an accord from November 2020" dates the accord, not what the sentence reports.
        bool attached = false;
        for (const Token& t : tokens) {
            if (t.end <= d.begin && t.end + 40 >= d.begin) {
                for (std::string_view n : {"accord", "agreement", "ceasefire", "deal", "statement",
                                           "declaration", "treaty", "truce", "trilateral"}) {
                    attached = attached || iequals(t.text, n);
                }
            }
        }
        if (!attached) {
            return true;
        }
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        if (iequals(w, "decades") || iequals(w, "centuries")) {
            return true;
        }
        if (!(iequals(w, "war") || iequals(w, "wars")) || i == 0) {
            continue;
        }
        if (i + 1 < tokens.size() && istarts_with(tokens[i + 1].text, "crime")) {
            continue;
        }
        const std::string_view p = tokens[i - 1].text;
        for (std::string_view q : {"first", "second", "third", "two", "both", "karabakh", "day",
                                   "previous", "last", "the", "a", "patriotic", "those"}) {
            if (iequals(p, q)) {
                return true;
            }
        }
    }
    return false;
}

bool is_habitual(std::string_view sentence) {
    const std::vector<Token> tokens = tokenize(sentence);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        for (std::string_view h : {"regularly", "repeatedly", "frequently", "often", "routinely",
                                   "periodically", "several", "numerous"}) {
            if (iequals(w, h)) {
                return true;
            }
        }
        const std::string_view n = i + 1 < tokens.size() ? tokens[i + 1].text : std::string_view{};
        if ((iequals(w, "since") && iequals(n, "then")) ||
            (iequals(w, "recent") && (iequals(n, "months") || iequals(n, "years"))) ||
            (iequals(w, "for") && (iequals(n, "months") || iequals(n, "years"))) ||
            ((iequals(w, "hundreds") || iequals(w, "thousands")) && iequals(n, "of"))) {
            return true;
        }
    }
    return false;
}

bool is_future(std::string_view sentence) {
    const std::vector<Token> tokens = tokenize(sentence);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view w = tokens[i].text;
        for (std::string_view f : {"will", "ll", "expected", "planned", "plans", "scheduled",
                                   "upcoming", "next", "ahead", "due", "would"}) {
            if (iequals(w, f)) {
                return true;
            }
        }
        const std::string_view n = i + 1 < tokens.size() ? tokens[i + 1].text : std::string_view{};
        if ((iequals(w, "is") || iequals(w, "are") || iequals(w, "set") || iequals(w, "seeks") ||
             iequals(w, "going")) &&
            iequals(n, "to")) {
            return true;
        }
    }
    return false;
}

} // namespace sitmap::geo::detail
