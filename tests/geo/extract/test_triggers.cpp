// Trigger words (geo/extract/detail/triggers.hpp): incident kinds from weapons and verbs, what must
// not fire, checkpoints and blockades only with a verb, merge priority of kinds.

#include "geo/extract/detail/triggers.hpp"
#include "geo/text/lexicon.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Triggers, KindsFromWeaponsAndVerbs) {
    using detail::incident_kind;
    EXPECT_EQ(incident_kind("Azerbaijani units shelled the village"), EventKind::shelling);
    EXPECT_EQ(incident_kind("artillery and mortar fire on positions"), EventKind::shelling);
    EXPECT_EQ(incident_kind("mortars were used against the outpost"), EventKind::mortar_fire);
    EXPECT_EQ(incident_kind("killed by sniper fire"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("fired with large-caliber weapons"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("a UAV struck a truck"), EventKind::drone_strike);
    EXPECT_EQ(incident_kind("the post was hit by a drone"), EventKind::drone_strike);
    EXPECT_EQ(incident_kind("accused Baku of targeting an ambulance"), EventKind::vehicle_attack);
    EXPECT_EQ(incident_kind("units opened fire on positions"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("an exchange of fire along the border"), EventKind::armed_clash);
    EXPECT_EQ(incident_kind("a serviceman was killed"), EventKind::casualties);
    EXPECT_EQ(incident_kind("positions were subjected to fire"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("the fire opened from positions near the village"),
              EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("fire was opened on the outpost"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("an Azerbaijani drone struck a car"), EventKind::drone_strike);
    // Fire named by whose it is.
    EXPECT_EQ(incident_kind("the school was damaged as a result of Azerbaijani fire"),
              EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("the patrol came to harm from enemy fire"), EventKind::small_arms_fire);
}

TEST(Triggers, MustNotFire) {
    using detail::incident_kind;
    for (const char* s :
         {"Drone footage released by pro-government media", "the ceasefire brokered in 2020",
          "a cease-fire on November 10", "talks in Brussels on Sunday", "the laws of war",
          "the minister fire-proofed nothing", "a fire in the Armenian capital's market",
          "the Azerbaijani fire brigade"}) {
        EXPECT_FALSE(incident_kind(s)) << s;
    }
    // A checkpoint or blockade noun alone is background, not an event.
    for (const auto& hit : detail::find_triggers("the checkpoint and the blockade continue")) {
        EXPECT_NE(hit.trigger, detail::Trigger::checkpoint);
        EXPECT_NE(hit.trigger, detail::Trigger::blockade);
    }
}

TEST(Triggers, HitsAreInOrderWithOffsetsIntoTheSentence) {
    const std::string s = "Azerbaijani units opened fire and shelled the village";
    const auto hits = detail::find_triggers(s);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(s.substr(hits[0].begin, hits[0].end - hits[0].begin), "opened fire");
    EXPECT_EQ(hits[0].kind, EventKind::small_arms_fire);
    EXPECT_EQ(s.substr(hits[1].begin, hits[1].end - hits[1].begin), "shelled");
    EXPECT_EQ(hits[1].kind, EventKind::shelling);
}

TEST(Triggers, AnAttackVerbShortlyBeforeAVehicleIsAnAttackOnIt) {
    const std::string s = "soldiers fired at an ambulance";
    bool vehicle = false;
    for (const auto& hit : detail::find_triggers(s)) {
        if (hit.kind == EventKind::vehicle_attack) {
            vehicle = true;
            EXPECT_EQ(s.substr(hit.begin, hit.end - hit.begin), "fired at an ambulance");
        }
    }
    EXPECT_TRUE(vehicle);
    // Too far from the verb: no attack on the vehicle.
    for (const auto& hit :
         detail::find_triggers("they fired in the morning and in the evening the ambulance came")) {
        EXPECT_NE(hit.kind, EventKind::vehicle_attack);
    }
}

TEST(Triggers, CheckpointsAreInstalledOrClosedBlockadesBegin) {
    const auto kind_of = [](std::string_view s, detail::Trigger trigger) {
        for (const auto& hit : detail::find_triggers(s)) {
            if (hit.trigger == trigger) {
                return std::optional<EventKind>(hit.kind);
            }
        }
        return std::optional<EventKind>();
    };
    EXPECT_EQ(kind_of("Azerbaijan installed a checkpoint on the road", detail::Trigger::checkpoint),
              EventKind::checkpoint_installed);
    EXPECT_EQ(kind_of("Azerbaijan closed the checkpoint", detail::Trigger::checkpoint),
              EventKind::checkpoint_closed);
    EXPECT_EQ(kind_of("activists began a blockade of the road", detail::Trigger::blockade),
              EventKind::blockade);
    EXPECT_FALSE(kind_of("the blockade continues", detail::Trigger::blockade));
    EXPECT_EQ(kind_of("the road was blocked", detail::Trigger::blockade), EventKind::blockade);
    EXPECT_FALSE(kind_of("the mission will last two years", detail::Trigger::mission));
    EXPECT_EQ(kind_of("the EU deployed a mission", detail::Trigger::mission),
              EventKind::mission_deployment);
}

TEST(Triggers, TheMostSpecificWeaponHasTheHighestPriority) {
    using detail::kind_priority;
    EXPECT_GT(kind_priority(EventKind::shelling), kind_priority(EventKind::mortar_fire));
    EXPECT_GT(kind_priority(EventKind::mortar_fire), kind_priority(EventKind::drone_strike));
    EXPECT_GT(kind_priority(EventKind::drone_strike), kind_priority(EventKind::small_arms_fire));
    EXPECT_GT(kind_priority(EventKind::small_arms_fire), kind_priority(EventKind::vehicle_attack));
    EXPECT_GT(kind_priority(EventKind::vehicle_attack), kind_priority(EventKind::armed_clash));
    EXPECT_GT(kind_priority(EventKind::armed_clash), kind_priority(EventKind::casualties));
    EXPECT_GT(kind_priority(EventKind::casualties), kind_priority(EventKind::talks));
}

TEST(Triggers, FireWithNoWeaponNamedIsSmallArmsFireActiveOrPassive) {
    using detail::incident_kind;
    for (const char* s : {"the enemy opened fire at our positions near the village",
                          "units opened intensive fire towards the outpost",
                          "the positions came under fire from the opposite side",
                          "the positions came under heavy fire at dawn",
                          "shots were fired at the farm from across the border",
                          "soldiers fired towards the positions of the other side",
                          "the outpost was subjected to intense fire", "units fired on the road"}) {
        EXPECT_EQ(incident_kind(s), EventKind::small_arms_fire) << s;
    }
}

TEST(Triggers, AWeaponNamedDecidesTheKindOverTheAct) {
    using detail::incident_kind;
    // "shelled" is written for any fire: the weapon named says which.
    EXPECT_EQ(incident_kind("units shelled the positions using small arms"),
              EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("the village was shelled from mortars"), EventKind::mortar_fire);
    EXPECT_EQ(incident_kind("mortar shelling of the outpost"), EventKind::mortar_fire);
    EXPECT_EQ(incident_kind("the positions were shelled"), EventKind::shelling);
    EXPECT_EQ(incident_kind("heavy shelling of the town"), EventKind::shelling);
    EXPECT_EQ(incident_kind("using artillery and mortars, units opened fire"), EventKind::shelling);
    EXPECT_EQ(incident_kind("fired with weapons of various calibres"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("using large-calibre machine guns"), EventKind::small_arms_fire);
    EXPECT_EQ(incident_kind("a sniper killed a conscript"), EventKind::small_arms_fire);
}

TEST(Triggers, ClashesAndExchangesAreArmedClashesEvenWithFireOpened) {
    using detail::incident_kind;
    EXPECT_EQ(incident_kind("an exchange of fire took place"), EventKind::armed_clash);
    EXPECT_EQ(incident_kind("units exchanged heavy fire overnight"), EventKind::armed_clash);
    EXPECT_EQ(incident_kind("clashes broke out after troops opened fire"), EventKind::armed_clash);
    EXPECT_EQ(incident_kind("Baku reported ceasefire violations near the village"),
              EventKind::armed_clash);
    // The noun with "of": "a violation of the ceasefire", "violations of the truce".
    for (const char* s : {"there had been a violation of the ceasefire in the district",
                          "the monitors recorded violations of the truce near the village",
                          "the side reported a truce violation on Sunday"}) {
        EXPECT_EQ(incident_kind(s), EventKind::armed_clash) << s;
    }
}

TEST(Triggers, DronePhrasings) {
    using detail::incident_kind;
    for (const char* s :
         {"a drone attack on the village", "the truck was struck by a kamikaze drone",
          "a quadcopter dropped a grenade on the trench", "the enemy used a drone near the pass",
          "units launched attack UAVs against the positions", "an FPV drone hit the post"}) {
        EXPECT_EQ(incident_kind(s), EventKind::drone_strike) << s;
    }
}

TEST(Triggers, RoadClosuresAreBlockades) {
    const auto blockade = [](std::string_view s) {
        for (const auto& hit : detail::find_triggers(s)) {
            if (hit.trigger == detail::Trigger::blockade) {
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(blockade("Azerbaijan closed the Lachin road to all vehicles"));
    EXPECT_TRUE(blockade("the authorities closed the corridor on Monday"));
    EXPECT_TRUE(blockade("protesters blocked the mountain road"));
    EXPECT_TRUE(blockade("there was no traffic on the highway"));
    EXPECT_FALSE(blockade("the road was reopened"));
}

TEST(Triggers, VillagesTakenUnderControlAreAHandOver) {
    const auto handover = [](std::string_view s) {
        for (const auto& hit : detail::find_triggers(s)) {
            if (hit.trigger == detail::Trigger::handover) {
                EXPECT_EQ(hit.kind, EventKind::handover) << s;
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(handover("border guards took control of three villages on Friday"));
    EXPECT_TRUE(handover("the army has taken full control of the town"));
    EXPECT_TRUE(handover("the hamlets were handed over to the other side"));
    EXPECT_TRUE(handover("two villages returned to Azerbaijan after the delimitation"));
    // Must not fire: a battle for heights, and what is handed over is no land.
    EXPECT_FALSE(handover("troops shelled the ridge and took control of two heights"));
    EXPECT_FALSE(handover("the bodies of two soldiers were handed over on Monday"));
    EXPECT_FALSE(handover("five prisoners returned to Armenia"));
    EXPECT_FALSE(handover("the handing of the keys"));
}

TEST(Triggers, TroopsCrossingIntoTheOtherSidesLandAreAnArmedClash) {
    using detail::incident_kind;
    for (const char* s :
         {"soldiers violated the border of the republic near the lake",
          "units were trying to advance near two villages",
          "a company advanced 2 kilometres at dawn", "troops advancing into Armenian territory"}) {
        EXPECT_EQ(incident_kind(s), EventKind::armed_clash) << s;
    }
    // Must not fire: an advance in diplomacy, a border only named.
    for (const char* s :
         {"the envoys tried to advance the peace process",
          "both sides seek to advance towards a treaty", "the talks advanced into a new phase",
          "the border of the republic runs along the lake"}) {
        EXPECT_FALSE(incident_kind(s)) << s;
    }
}

TEST(Triggers, FireThatIsNoWeaponMustNotFire) {
    using detail::incident_kind;
    for (const char* s :
         {"a raging fire spread through the pastures", "fire officials worked through the night",
          "the villages were under a cease-fire regime", "the cease-fire from November held"}) {
        EXPECT_FALSE(incident_kind(s)) << s;
    }
}

TEST(Triggers, AcrossSentencesAWeaponNamedIsMoreSpecificThanAnAct) {
    using detail::Evidence;
    using detail::more_specific;
    // "Units shelled the village. They used small arms."
    EXPECT_TRUE(more_specific(EventKind::small_arms_fire, Evidence::weapon, EventKind::shelling,
                              Evidence::act));
    EXPECT_FALSE(more_specific(EventKind::shelling, Evidence::act, EventKind::small_arms_fire,
                               Evidence::weapon));
    // Weapons among themselves: artillery over mortars over small arms.
    EXPECT_TRUE(more_specific(EventKind::shelling, Evidence::weapon, EventKind::mortar_fire,
                              Evidence::weapon));
    EXPECT_TRUE(more_specific(EventKind::mortar_fire, Evidence::weapon, EventKind::small_arms_fire,
                              Evidence::weapon));
    // Acts among themselves: a clash says more than one side's "opened fire".
    EXPECT_TRUE(more_specific(EventKind::armed_clash, Evidence::act, EventKind::small_arms_fire,
                              Evidence::act));
}

TEST(Triggers, TheTriggerWordsAreAWordList) {
    const auto& list = sitmap::geo::text::Lexicon::get("en", "triggers");
    EXPECT_GT(list.size(), 100u);
    ASSERT_NE(list.find("opened fire"), nullptr);
    EXPECT_EQ(list.find("opened fire")->at(1), "small_arms_fire");
    EXPECT_FALSE(detail::phrases_of_class("trigger_cues", "vehicle").empty());
}

TEST(Triggers, APhraseListMatchesTheFirstPhraseInListOrder) {
    using detail::PhraseList;
    const std::vector<detail::Token> tokens = detail::tokenize("They Opened fire now");
    // A first word that matches any token ('?', a bare prefix) is tried in its place in the list.
    EXPECT_EQ(PhraseList({"? fire", "opened fire now"}).match_at(tokens, 1), 2u);
    EXPECT_EQ(PhraseList({"opened fire now", "? fire"}).match_at(tokens, 1), 3u);
    EXPECT_EQ(PhraseList({"open* fire", "? fire now"}).match_at(tokens, 1), 2u);
    EXPECT_EQ(PhraseList({"* fire now", "open* fire"}).match_at(tokens, 1), 3u);
    EXPECT_EQ(PhraseList({"closed fire", "fire"}).match_at(tokens, 1), 0u);
    EXPECT_EQ(PhraseList({"FIRE"}).match_at(tokens, 2), 1u);
    EXPECT_EQ(PhraseList({"fire now later"}).match_at(tokens, 2), 0u); // past the end
    EXPECT_TRUE(PhraseList({"now"}).any_in(tokens));
    EXPECT_FALSE(PhraseList({"now"}).any_between(tokens, 0, tokens[3].begin));
    EXPECT_TRUE(PhraseList({"now"}).any_between(tokens, tokens[3].begin, 100));
}
