// Trigger words: the incident vocabulary of this conflict's reporting, checkpoints, blockades and
// the context of incidents (talks, statements, missions).

#include "geo/extract/detail/triggers.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

namespace sitmap::geo::detail {
namespace {

// An attack verb at most this many tokens before a vehicle noun is an attack on the vehicle
// ("fired at an ambulance", "targeted a civilian truck").
constexpr std::size_t vehicle_verb_window = 5;

struct TriggerPattern {
    std::vector<std::string_view> words; // a trailing '*' matches a prefix
    Trigger trigger;
    EventKind kind;
};

// Weapons: artillery, mortars, small arms, drones (the most specific kinds).
std::vector<TriggerPattern> weapon_patterns() {
    using K = EventKind;
    using T = Trigger;
    return {
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
    };
}

// Killing and wounding with no weapon stated.
std::vector<TriggerPattern> casualty_patterns() {
    using K = EventKind;
    using T = Trigger;
    return {
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
    };
}

// Fire and clashes with no weapon stated.
std::vector<TriggerPattern> clash_patterns() {
    using K = EventKind;
    using T = Trigger;
    return {
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
    };
}

// Checkpoints and blockades, then the context of incidents: talks, statements, missions.
std::vector<TriggerPattern> checkpoint_and_context_patterns() {
    using K = EventKind;
    using T = Trigger;
    return {
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
}
// The incident vocabulary of this conflict's reporting, by kind. Generalises over weapons,
// verb forms and the wire-service phrasings of both defence ministries. Order matters: the first
// pattern that matches at a token wins.
const std::vector<TriggerPattern>& trigger_patterns() {
    static const std::vector<TriggerPattern> patterns = [] {
        std::vector<TriggerPattern> all;
        for (const auto& group : {weapon_patterns(), casualty_patterns(), clash_patterns(),
                                  checkpoint_and_context_patterns()}) {
            all.insert(all.end(), group.begin(), group.end());
        }
        return all;
    }();
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

char lower_initial(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The pattern that matches at token i, if any: the first in table order.
std::optional<TriggerHit> pattern_at(const TokenizedSentence& sentence, std::size_t i) {
    const std::vector<Token>& tokens = sentence.tokens;
    const char c0 = lower_initial(tokens[i].text[0]);
    for (const TriggerPattern* pp : patterns_by_letter()[static_cast<unsigned char>(c0) & 0x7F]) {
        const TriggerPattern& p = *pp;
        const std::string_view first = p.words.front();
        // Second letter before the full comparison: most candidates fail here.
        if (first.size() > 1 && first[1] != '*') {
            if (tokens[i].text.size() < 2) {
                continue;
            }
            if (lower_initial(tokens[i].text[1]) != first[1]) {
                continue;
            }
        }
        std::size_t j = i;
        bool ok = true;
        for (std::string_view w : p.words) {
            if (j >= tokens.size() || !word_matches(tokens[j].text, w) ||
                (j > i && !joins(gap_between(sentence.text, tokens[j - 1], tokens[j])))) {
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
        return TriggerHit{p.trigger, p.kind, tokens[i].begin, tokens[j - 1].end};
    }
    return std::nullopt;
}

// An attack on a vehicle: an attack verb shortly before a vehicle noun.
void add_vehicle_attacks(const std::vector<Token>& tokens, std::vector<TriggerHit>& hits) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        static constexpr std::array<std::string_view, 12> vehicles{
            "ambulance", "ambulances", "vehicle", "vehicles", "truck",   "trucks",
            "car",       "cars",       "bus",     "convoy",   "minibus", "tractor"};
        if (std::none_of(vehicles.begin(), vehicles.end(),
                         [&](std::string_view v) { return iequals(tokens[i].text, v); })) {
            continue;
        }
        for (std::size_t j = i >= vehicle_verb_window ? i - vehicle_verb_window : 0; j < i; ++j) {
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
}

// Checkpoints are installed or closed; blockades begin; missions are deployed. Without such a
// verb the noun is only background ("the blockade", "the mission will last"): those hits are
// dropped, and a checkpoint's kind says which it was.
std::vector<TriggerHit> without_background_nouns(const TokenizedSentence& sentence,
                                                 const std::vector<TriggerHit>& hits) {
    const std::vector<Token>& tokens = sentence.tokens;
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
            const std::string_view w = sentence.text.substr(h.begin, h.end - h.begin);
            if (iequals(w, "blockade") && !begins) {
                continue;
            }
        } else if (h.trigger == Trigger::mission && !deploys) {
            continue;
        }
        kept.push_back(h);
    }
    return kept;
}

} // namespace

std::vector<TriggerHit> find_triggers(const TokenizedSentence& sentence) {
    std::vector<TriggerHit> hits;
    for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
        if (const auto hit = pattern_at(sentence, i)) {
            hits.push_back(*hit);
        }
    }
    add_vehicle_attacks(sentence.tokens, hits);
    std::vector<TriggerHit> kept = without_background_nouns(sentence, hits);
    std::sort(kept.begin(), kept.end(),
              [](const TriggerHit& a, const TriggerHit& b) { return a.begin < b.begin; });
    return kept;
}

std::vector<TriggerHit> find_triggers(std::string_view sentence) {
    return find_triggers(TokenizedSentence(sentence));
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

} // namespace sitmap::geo::detail
