// Roles of place mentions (geo/extract/detail/roles.hpp): capitals as governments, names inside
// names, locations of incidents and of context, and the helpers that read a mention in its
// sentence.

#include "geo/extract/detail/roles.hpp"
#include "tests/geo/extract/extract_fixture.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;
using sitmap::test::ExtractTest;
using sitmap::test::incidents;

TEST_F(ExtractTest, CapitalsAsGovernments) {
    const auto x = run("Baku accused Yerevan of shelling Sotk on Tuesday.");
    EXPECT_EQ(role_of(x, "Baku"), MentionRole::actor);
    EXPECT_EQ(role_of(x, "Yerevan"), MentionRole::actor);
    EXPECT_EQ(role_of(x, "Sotk"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:sotk");
    EXPECT_EQ(format_date(e.date.begin), "2023-05-09");
    ASSERT_EQ(e.claims.size(), 1u);
    EXPECT_EQ(e.claims[0].who, "Azerbaijan");
    EXPECT_EQ(e.claims[0].side, Side::azerbaijan);
    EXPECT_EQ(e.claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(e.claims[0].against, Side::armenia);
}

TEST_F(ExtractTest, CapitalWithAPrepositionIsAPlace) {
    // Must not fire: a capital introduced as a location is not a government.
    const auto x = run("Shells hit the outskirts of Yerevan on Monday, officials said.");
    EXPECT_EQ(role_of(x, "Yerevan"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:yerevan");
}

TEST_F(ExtractTest, MinistryOfDefenseOfArmeniaIsAName) {
    const auto x = run("The Ministry of Defense of Armenia said Azerbaijani forces shelled "
                       "Norabak on Monday. Armenia's Defence Ministry later added details.");
    EXPECT_EQ(role_of(x, "Armenia", 0), MentionRole::name_part);
    EXPECT_EQ(role_of(x, "Armenia's"), MentionRole::name_part);
    const auto y = run("One serviceman of the Azerbaijan Army was killed near Kalbajar on "
                       "Monday.");
    EXPECT_EQ(role_of(y, "Azerbaijan"), MentionRole::name_part);
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:norabak");
    ASSERT_FALSE(e.claims.empty());
    EXPECT_EQ(e.claims[0].who, "Armenian Ministry of Defence");
    EXPECT_EQ(e.claims[0].against, Side::azerbaijan);
}

TEST_F(ExtractTest, TalksAbroadAreContextNotIncidents) {
    const auto x = run("The sides exchanged fire near Sotk on Thursday, days before talks in "
                       "Washington. Foreign ministers will meet in Brussels on Sunday.");
    EXPECT_EQ(role_of(x, "Washington"), MentionRole::context_location);
    EXPECT_EQ(role_of(x, "Brussels"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk");
    const auto talks = std::find_if(x.events.begin(), x.events.end(),
                                    [](const Event& e) { return e.kind == EventKind::talks; });
    ASSERT_NE(talks, x.events.end());
    EXPECT_EQ(talks->place_id, "test:brussels");
    EXPECT_EQ(format_date(talks->date.begin), "2023-05-14"); // the coming Sunday
}

TEST_F(ExtractTest, APlaceNamedToSayWhereAnotherIsIsNotASecondIncident) {
    const auto x = run("Azerbaijani forces opened fire on positions in Verin Shorzha in "
                       "Gegharkunik on Monday. Mortar fire also hit Sotk, Gegharkunik province.");
    EXPECT_EQ(role_of(x, "Gegharkunik"), MentionRole::context_location);
    const auto found = incidents(x);
    ASSERT_EQ(found.size(), 2u);
    std::vector<std::string> ids{found[0]->place_id, found[1]->place_id};
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"test:sotk", "test:verin-shorzha"}));
}

TEST(MentionHelpers, SpanDistanceIsZeroWhenSpansOverlap) {
    EXPECT_EQ(detail::span_distance(0, 4, 10, 12), 6u);
    EXPECT_EQ(detail::span_distance(10, 12, 0, 4), 6u);
    EXPECT_EQ(detail::span_distance(0, 10, 5, 12), 0u);
    EXPECT_EQ(detail::span_distance(0, 5, 5, 8), 0u);
}

TEST(MentionHelpers, AbroadIsOutsideArmeniaAndAzerbaijan) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    EXPECT_FALSE(detail::is_abroad(*g.find("test:sotk")));
    EXPECT_FALSE(detail::is_abroad(*g.find("test:kalbajar")));
    EXPECT_FALSE(detail::is_abroad(*g.find("test:lachin-corridor"))); // no country: on the border
    EXPECT_TRUE(detail::is_abroad(*g.find("test:brussels")));
}

TEST_F(ExtractTest, AMentionsTokensLeaveOutThePossessive) {
    const std::string text = "Earlier, Azerbaijan\u2019s army fired at Sotk.";
    const auto x = run(text);
    const detail::TokenizedSentence s(text, 0);
    const auto it = std::find_if(x.mentions.begin(), x.mentions.end(),
                                 [](const PlaceMention& m) { return m.mention.surface != "Sotk"; });
    ASSERT_NE(it, x.mentions.end());
    const detail::MentionSpan span = detail::mention_tokens(*it, s);
    EXPECT_EQ(span.first, span.last);
    EXPECT_EQ(s.tokens[span.first].text, "Azerbaijan");
    EXPECT_EQ(detail::mention_place(*it)->id, "test:azerbaijan");
}

// Where fire came from and where it landed (data/lexicon/en/place_direction.tsv): sentences in the
// style of ministry statements, written for these tests.
TEST_F(ExtractTest, FromThePositionsNearAVillageIsWhereFireCameFrom) {
    const auto x = run("Armenian units, from positions near the village of Norabak in the "
                       "Gegharkunik province, fired at Azerbaijani positions in the direction of "
                       "Kalbajar on Monday.");
    EXPECT_EQ(role_of(x, "Norabak"), MentionRole::origin_location);
    EXPECT_EQ(role_of(x, "Gegharkunik province"), MentionRole::context_location);
    EXPECT_EQ(role_of(x, "Kalbajar"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:kalbajar");
    ASSERT_NE(e.origin(), nullptr);
    EXPECT_EQ(e.origin()->id, "test:norabak");
    EXPECT_EQ(e.origin()->name, "Norabak");
    EXPECT_NEAR(e.origin()->location.lon, 45.83, 1e-9);
}

TEST_F(ExtractTest, ADroneFromTheDirectionOfOnePlaceStruckAnother) {
    const auto x = run("An attack drone launched from the direction of Goris struck a post near "
                       "Kornidzor on Monday, the ministry said.");
    EXPECT_EQ(role_of(x, "Goris"), MentionRole::origin_location);
    EXPECT_EQ(role_of(x, "Kornidzor"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:kornidzor");
    EXPECT_EQ(incidents(x)[0]->kind, EventKind::drone_strike);
    ASSERT_NE(incidents(x)[0]->origin(), nullptr);
    EXPECT_EQ(incidents(x)[0]->origin()->id, "test:goris");
}

TEST_F(ExtractTest, UnitsStationedNearAPlaceFireFromIt) {
    // The subject's place, by the voice of the verb after it: active fires, passive is hit.
    const auto x = run("On Tuesday, the Armenian armed forces units stationed near the Sotk "
                       "settlement fired small arms towards Azerbaijani positions near Kalbajar.");
    EXPECT_EQ(role_of(x, "Sotk settlement"), MentionRole::origin_location);
    EXPECT_EQ(role_of(x, "Kalbajar"), MentionRole::incident_location);
    const auto y = run("On Tuesday, Azerbaijani positions near Kalbajar came under fire from "
                       "Armenian positions near the village of Sotk.");
    EXPECT_EQ(role_of(y, "Kalbajar"), MentionRole::incident_location);
    EXPECT_EQ(role_of(y, "Sotk"), MentionRole::origin_location);
    const auto z = run("On Tuesday, the positions of the Azerbaijan Army in Kalbajar were "
                       "subjected to fire by the Armenian units deployed in the direction of the "
                       "settlements of Sotk and Norabak.");
    EXPECT_EQ(role_of(z, "Kalbajar"), MentionRole::incident_location);
    EXPECT_EQ(role_of(z, "Sotk"), MentionRole::origin_location);
    EXPECT_EQ(role_of(z, "Norabak"), MentionRole::origin_location);
    for (const auto* ex : {&x, &y, &z}) {
        ASSERT_EQ(incidents(*ex).size(), 1u);
        EXPECT_EQ(incidents(*ex)[0]->place_id, "test:kalbajar");
        ASSERT_NE(incidents(*ex)[0]->origin(), nullptr);
        EXPECT_EQ(incidents(*ex)[0]->origin()->id, "test:sotk");
    }
}

TEST_F(ExtractTest, FireByTroopsInAPlaceIsFireThere) {
    // Must not fire: a bare "by" names the attacker, not where it stood.
    const auto x = run("Azerbaijani positions came under fire by Armenian troops in Kalbajar on "
                       "Monday.");
    EXPECT_EQ(role_of(x, "Kalbajar"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->origin(), nullptr);
}

TEST_F(ExtractTest, NotEveryFromIsAnOrigin) {
    // Must not fire: a person's home village, a distance.
    const auto x = run("A soldier from the village of Tegh was killed by sniper fire near Verin "
                       "Shorzha on Monday.");
    EXPECT_EQ(role_of(x, "Tegh"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:verin-shorzha");
    EXPECT_EQ(incidents(x)[0]->origin(), nullptr);
    const auto y = run("Shells landed two km from Goris on Monday.");
    EXPECT_EQ(role_of(y, "Goris"), MentionRole::incident_location);
}

TEST_F(ExtractTest, APersonFromAPlaceIsNoOrigin) {
    // Written sentences: a named person "from" a village lives there; fire did not come from it.
    const auto x =
        run("Troops fired at Tegh overnight. According to Anna Petrosyan from Kornidzor, "
            "shots were heard until dawn on Monday.");
    EXPECT_EQ(role_of(x, "Kornidzor"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:tegh");
    EXPECT_EQ(incidents(x)[0]->origin(), nullptr);
    // Must not fire: troops (capitalised or not) "from" a place fire from it.
    const auto y = run("The Azerbaijani Army from Kalbajar fired at Sotk on Monday.");
    ASSERT_EQ(incidents(y).size(), 1u);
    ASSERT_NE(incidents(y)[0]->origin(), nullptr);
    EXPECT_EQ(incidents(y)[0]->origin()->id, "test:kalbajar");
    const auto z = run("On Monday from Kalbajar, shells were fired at Sotk.");
    ASSERT_EQ(incidents(z).size(), 1u);
    ASSERT_NE(incidents(z)[0]->origin(), nullptr);
}

TEST_F(ExtractTest, WhatAWarIsOverIsNoPlaceOfTheIncident) {
    // A written sentence: the region is what the war was about; the village is where fire fell.
    const auto x = run("A soldier was wounded on Monday in the first shooting since the war over "
                       "the disputed Nagorno-Karabakh region, when troops fired at Sotk.");
    EXPECT_EQ(role_of(x, "Nagorno-Karabakh region"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk");
    // Must not fire: fire "over" a place is no war over it.
    const auto y = run("A drone flew over Sotk and dropped a grenade on Monday.");
    EXPECT_EQ(role_of(y, "Sotk"), MentionRole::incident_location);
}

TEST_F(ExtractTest, ABorderNarrowedByAProvinceIsPlacedInTheProvince) {
    const auto x = run("On Monday, Azerbaijani units opened fire at positions on the eastern part "
                       "of the border in the Gegharkunik province.");
    EXPECT_EQ(role_of(x, "Gegharkunik province"), MentionRole::incident_location);
    EXPECT_EQ(role_of(x, "eastern part of the border"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:gegharkunik");
    // Must not fire: a village in the province is still the place, the province its qualifier.
    const auto y = run("On Monday, Azerbaijani units opened fire at Sotk in the Gegharkunik "
                       "province.");
    EXPECT_EQ(role_of(y, "Gegharkunik province"), MentionRole::context_location);
}

TEST_F(ExtractTest, APlaceNamedOnlyForHowFarAwayIsNoPlaceOfTheIncident) {
    const auto x = run("Azerbaijani forces shelled Sotk on Monday, some 120 kilometers from the "
                       "disputed Nagorno-Karabakh.");
    EXPECT_EQ(role_of(x, "Nagorno-Karabakh"), MentionRole::context_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk");
    // Must not fire: close by, the place still locates it.
    const auto y = run("Azerbaijani forces shelled positions 3 km from Goris on Monday.");
    EXPECT_EQ(role_of(y, "Goris"), MentionRole::incident_location);
}

TEST_F(ExtractTest, AHeadlinesPassiveWithoutItsVerbIsWhereFireLanded) {
    // "Villages in X shelled": no unit fires from X.
    const auto x = run("Villages in Kalbajar shelled on Monday");
    EXPECT_EQ(role_of(x, "Kalbajar"), MentionRole::incident_location);
    // Must not fire: units at a place that fired are where fire came from.
    const auto y = run("Armenian units near Norabak fired at Azerbaijani positions on Monday.");
    EXPECT_EQ(role_of(y, "Norabak"), MentionRole::origin_location);
}

TEST_F(ExtractTest, AnAreaAfterACommaQualifiesOnlyAPlaceInsideIt) {
    const auto x = run("On Monday, Armenian forces shelled Lowdale District, Highmoor District.");
    EXPECT_EQ(role_of(x, "Highmoor District"), MentionRole::incident_location);
    const auto y = run("On Monday, Armenian forces shelled Lowdale District, Upland.");
    EXPECT_EQ(role_of(y, "Upland"), MentionRole::context_location);
}

TEST_F(ExtractTest, ACapitalAppealedToIsItsGovernmentNotWhereFireWas) {
    // Written sentences: the capital is asked to investigate fire elsewhere.
    for (const char* text : {"The ministry called on Baku to investigate the shooting at Sotk.",
                             "Yerevan urged Baku to stop the shooting at Sotk on Monday."}) {
        const auto x = run(text);
        EXPECT_EQ(role_of(x, "Baku"), MentionRole::actor) << text;
        ASSERT_EQ(incidents(x).size(), 1u) << text;
        EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk") << text;
    }
    // Must not fire: "on" after another verb still locates ("fire on Baku" is fire at the city).
    const auto y = run("Drones fired on Baku on Monday, the ministry said.");
    EXPECT_EQ(role_of(y, "Baku"), MentionRole::incident_location);
}

TEST_F(ExtractTest, ASpeechVerbAfterACommaIntroducesTheSpeakerNotTheName) {
    const auto x = run("On Monday, Azerbaijani forces began firing towards the towns of Goris and "
                       "Sotk, reports the ministry's spokesperson.");
    EXPECT_EQ(role_of(x, "Goris"), MentionRole::incident_location);
    EXPECT_EQ(role_of(x, "Sotk"), MentionRole::incident_location);
    // Must not fire: a capital before its verb speaks for its government.
    const auto y = run("Baku said Armenian units fired at Kalbajar on Monday.");
    EXPECT_EQ(role_of(y, "Baku"), MentionRole::actor);
}

TEST_F(ExtractTest, AnAreaNamedBeforeAVillageOnlySaysWhereItIs) {
    const auto x = run("On Monday, Armenian forces shelled Gegharkunik province's Sotk and "
                       "Norabak settlements.");
    EXPECT_EQ(role_of(x, "Gegharkunik province's"), MentionRole::context_location);
    EXPECT_EQ(role_of(x, "Sotk"), MentionRole::incident_location);
    const auto y = run("On Monday, Armenian forces fired at the Norabak settlement of the "
                       "Gegharkunik province.");
    EXPECT_EQ(role_of(y, "Gegharkunik province"), MentionRole::context_location);
}

TEST_F(ExtractTest, ADistrictAfterACountryIsNotWhereTheCountryIs) {
    // "Armenia in Upland" is no place qualified by another: Upland is where the fire was.
    const auto x = run("Azerbaijani positions came under fire on the border with Armenia in "
                       "Upland on Tuesday, the ministry said.");
    EXPECT_EQ(role_of(x, "Upland"), MentionRole::incident_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:upland");
}
