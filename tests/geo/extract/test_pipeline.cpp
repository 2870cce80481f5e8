// The extraction pipeline (geo/extract/detail/pipeline.hpp, through Extractor::extract): incidents
// with their places, dates and claims across sentences, checkpoints and blockades, warnings.

#include "geo/extract/detail/pipeline.hpp"
#include "tests/geo/extract/extract_fixture.hpp"

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;
using sitmap::test::ExtractTest;
using sitmap::test::incidents;

TEST_F(ExtractTest, AListOfPlacesInOneReportIsOneIncident) {
    // One statement naming four places hit is one incident over the area they cover, with every
    // place listed; they lie far apart, so the precision says region.
    const auto x = run("Azerbaijani forces shelled Jermuk, Goris, Sotk and Tegh overnight.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    std::vector<std::string> ids;
    for (const EventPlace& t : e.targets) {
        ids.push_back(t.id);
    }
    EXPECT_EQ(ids,
              (std::vector<std::string>{"test:jermuk", "test:goris", "test:sotk", "test:tegh"}));
    EXPECT_EQ(e.precision, GeoPrecision::region);
    EXPECT_EQ(e.place_name, "Jermuk, Goris, Sotk and Tegh");
    EXPECT_EQ(e.place_id, "test:goris"); // the place nearest to all the others
    EXPECT_EQ(e.location, (LonLat{46.34, 39.51}));
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(e.geometry));
    for (const EventPlace& t : e.targets) {
        EXPECT_TRUE(contains(e.geometry, t.location)) << t.name;
    }
    EXPECT_EQ(e.summary, "Shelling at Jermuk, Goris, Sotk and Tegh");
}

TEST_F(ExtractTest, NeighbouringVillagesHitTogetherAreOneIncidentNearThem) {
    const auto x = run("On Monday, Azerbaijani forces fired at Sotk and Norabak, the Armenian "
                       "Defence Ministry said. Norabak came under fire again in the evening.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.targets.size(), 2u);
    EXPECT_EQ(e.precision, GeoPrecision::near); // within a few kilometres of each other
    EXPECT_EQ(e.sources.size(), 2u);            // the second sentence names one of them
}

TEST_F(ExtractTest, PlacesOnTheFiringSidesOfTheBorderAreWhereFireCameFrom) {
    // Written for this test: the accused party's units stand in a province of their own country
    // and fire at the other's positions; no "from" says which is which.
    const auto x = run("Armenian units concentrated equipment at positions in Gegharkunik province "
                       "and subjected to fire the positions of the Azerbaijani army near Kalbajar, "
                       "the Azerbaijani Defence Ministry said.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    ASSERT_EQ(e.targets.size(), 1u);
    EXPECT_EQ(e.targets[0].id, "test:kalbajar");
    ASSERT_EQ(e.origins.size(), 1u);
    EXPECT_EQ(e.origins[0].id, "test:gegharkunik");
    // Must not move: Shusha, in Azerbaijan but held by Karabakh Armenians, was where fire from
    // Azerbaijani forces landed; and with nobody accused there is no firing side.
    const auto y = run("Azerbaijani forces shelled Shusha and Goris, the Armenian Defence Ministry "
                       "said.");
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(incidents(y)[0]->targets.size(), 2u);
    EXPECT_TRUE(incidents(y)[0]->origins.empty());
    const auto z = run("An exchange of fire took place near Sotk and Kalbajar on Monday.");
    ASSERT_EQ(incidents(z).size(), 1u);
    EXPECT_EQ(incidents(z)[0]->targets.size(), 2u);
    EXPECT_TRUE(incidents(z)[0]->origins.empty());
}

TEST_F(ExtractTest, SeveralCasualtiesAreNoHabitAndKeepTheFiguresOfTheSentence) {
    // Written for this test: "several other soldiers" is a vague figure, not a habit.
    const auto x = run("Azerbaijani forces shelled Sotk on Tuesday. The Armenian Defence Ministry "
                       "reported that four soldiers were wounded and several other soldiers were "
                       "killed.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    EXPECT_TRUE(std::any_of(claims.begin(), claims.end(), [](const Claim& c) {
        return c.side == Side::armenia && c.wounded == 4;
    }));
    // Must not fire: fire "several times" over weeks is a habit, no incident.
    EXPECT_TRUE(incidents(run("Azerbaijani forces have shelled Sotk several times in recent "
                              "weeks."))
                    .empty());
}

TEST_F(ExtractTest, ForItsPartBetweenASpeakerAndItsVerbIsNotTheSpeakerBefore) {
    // Written for this test: "its" in "for its part" is no anaphor for the ministry before.
    const auto x =
        run("The Ministry of Defense of Armenia reported that on July 28 the Azerbaijani "
            "Armed Forces attacked Armenian positions near Sotk. The MoD of Azerbaijan, "
            "for its part, reported that two Azerbaijani soldiers were wounded near "
            "Sotk.",
            parse_date("2021-07-28"));
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    EXPECT_TRUE(std::any_of(claims.begin(), claims.end(), [](const Claim& c) {
        return c.side == Side::azerbaijan && c.wounded == 2;
    }));
}

TEST_F(ExtractTest, HistoryInAClosingRelativeClauseIsOfThePlaceNotOfTheReport) {
    // Written for this test: the clause after the place tells its past, not the fire's.
    const auto x = run("The ministry said Armenian forces fired at positions near Kalbajar, which "
                       "came under Azerbaijani control after the 2020 war.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:kalbajar");
    // Must not fire: the fire is itself in the clause of the past.
    EXPECT_TRUE(
        incidents(run("Residents returned to Kalbajar, which was shelled in 2020.")).empty());
}

TEST_F(ExtractTest, FireThatAPartyReportsWithoutAPlaceIsAlongTheWholeBorder) {
    // Written for this test: a party speaks of fighting and losses, naming no place.
    const auto x = run("Armenia's Defence Ministry said on Tuesday that fighting with Azerbaijani "
                       "forces had killed two of its soldiers.",
                       parse_date("2022-09-14"));
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "sitmap:border-am-az");
    EXPECT_EQ(e.precision, GeoPrecision::region);
    EXPECT_EQ(format_date(e.date.begin), "2022-09-13");
    EXPECT_TRUE(std::any_of(e.claims.begin(), e.claims.end(), [](const Claim& c) {
        return c.side == Side::armenia && c.killed == 2;
    }));
    // Must not: a placed incident takes the report; nobody of the parties speaks; history.
    const auto y = run("Armenia's Defence Ministry said fighting had killed two soldiers. "
                       "Azerbaijani forces shelled Sotk on Tuesday.",
                       parse_date("2022-09-14"));
    for (const Event* i : incidents(y)) {
        EXPECT_NE(i->place_id, "sitmap:border-am-az");
    }
    EXPECT_TRUE(incidents(run("Fighting killed two soldiers, a witness said.")).empty());
    EXPECT_TRUE(
        incidents(run("Armenia's Defence Ministry said the 2020 war killed thousands.")).empty());
}

TEST_F(ExtractTest, SeparatePlacesInSeparateReportsStaySeparate) {
    const auto x = run("Azerbaijani forces shelled Sotk on Monday. On Wednesday, Armenian units "
                       "fired at Azerbaijani positions near Kalbajar.");
    ASSERT_EQ(incidents(x).size(), 2u);
    const auto y = run("On Monday, Azerbaijani forces fired at Sotk and Norabak. They also fired "
                       "at Norabak and Verin Shorzha.");
    EXPECT_EQ(incidents(y).size(), 2u); // the second list is not within the first
}

TEST_F(ExtractTest, OnlyWhereFireCameFromIsAnIncidentThereToTheRegion) {
    // Chosen: such an incident stays at its origin, with precision region (the renderer draws an
    // uncertainty area) and the origin set; it has no target.
    const auto x = run("On Monday, Armenian units opened fire from the direction of Sotk, the "
                       "Azerbaijani Defence Ministry said.");
    EXPECT_EQ(role_of(x, "Sotk"), MentionRole::origin_location);
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:sotk");
    EXPECT_EQ(e.precision, GeoPrecision::region);
    EXPECT_TRUE(e.targets.empty());
    ASSERT_NE(e.origin(), nullptr);
    EXPECT_EQ(e.origin()->id, "test:sotk");
    // "Opened fire" with no weapon named is small-arms fire (the trigger table).
    EXPECT_EQ(e.summary.rfind("Small-arms fire from Sotk", 0), 0u) << e.summary;
}

TEST_F(ExtractTest, WhereFireCameFromSaidNextIsTheCurrentIncidents) {
    const auto x = run("Azerbaijani positions near Kalbajar came under fire on Monday. The "
                       "fire from the direction of Norabak lasted an hour, the ministry said.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:kalbajar");
    ASSERT_NE(e.origin(), nullptr);
    EXPECT_EQ(e.origin()->id, "test:norabak");
}

TEST_F(ExtractTest, AProvinceAsTheOnlyPlaceIsTheIncidentsRegion) {
    const auto x = run("Azerbaijani forces shelled positions in Gegharkunik province on Monday.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:gegharkunik");
    EXPECT_EQ(incidents(x)[0]->precision, GeoPrecision::region);
}

TEST_F(ExtractTest, AnOrganisationNamedAfterACountryIsNoPlace) {
    const auto x = run("The State Border Service of Azerbaijan said Armenian units fired at its "
                       "posts near Kalbajar on Monday. Armenia's Defence Ministry denied it.");
    EXPECT_EQ(role_of(x, "Azerbaijan"), MentionRole::name_part);
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:kalbajar");
    EXPECT_TRUE(incidents(x)[0]->disputed()); // the denial is a claim on it
}

TEST_F(ExtractTest, ArticleWithoutAPlaceGivesAWarning) {
    const auto x = run("Officials exchanged views on Thursday. Nothing else happened.");
    EXPECT_TRUE(x.events.empty());
    ASSERT_EQ(x.warnings.size(), 1u);
    EXPECT_NE(x.warnings[0].find("no place"), std::string::npos);
}

TEST_F(ExtractTest, AVillageMissingFromTheGazetteerIsReportedOnceNotDropped) {
    // A name written in a place slot ("the village of X") that no gazetteer name covers is a
    // mention left unresolved, and the warning names it once with close spellings if any.
    const auto x = run("Azerbaijani forces shelled the village of Qwertyabad and Sotk on Monday. "
                       "Qwertyabad was hit again at night.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk");
    std::size_t unresolved = 0;
    for (const PlaceMention& m : x.mentions) {
        if (m.mention.surface == "Qwertyabad") {
            EXPECT_FALSE(m.mention.resolution.resolved);
            ++unresolved;
        }
    }
    EXPECT_GE(unresolved, 1u);
    const auto said = std::count_if(x.warnings.begin(), x.warnings.end(), [](const std::string& w) {
        return w.find("'Qwertyabad' not located") != std::string::npos;
    });
    EXPECT_EQ(said, 1);
}

// Realistic sentences written for these tests (not from the seeds): other villages, weapons,
// phrasings.
TEST_F(ExtractTest, GeneralisesToOtherVillagesWeaponsAndPhrasings) {
    {
        const auto x = run("Azerbaijani forces shelled the village of Tegh on Tuesday using "
                           "mortars and a UAV, wounding two civilians, the Armenian Defence "
                           "Ministry said.");
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.place_id, "test:tegh");
        // "shelled" names the act, "mortars" the weapon: the weapon decides.
        EXPECT_EQ(e.kind, EventKind::mortar_fire);
        EXPECT_EQ(format_date(e.date.begin), "2023-05-09");
        ASSERT_EQ(e.claims.size(), 1u);
        EXPECT_EQ(e.claims[0].side, Side::armenia);
        EXPECT_EQ(e.claims[0].wounded, 2);
        EXPECT_EQ(e.claims[0].against, Side::azerbaijan);
    }
    {
        const auto x = run("A serviceman was killed by sniper fire near Verin Shorzha late on "
                           "Friday, Armenia's Defence Ministry reported.");
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.place_id, "test:verin-shorzha");
        EXPECT_EQ(e.kind, EventKind::small_arms_fire);
        EXPECT_EQ(format_date(e.date.begin), "2023-05-05");
        ASSERT_EQ(e.claims.size(), 1u);
        EXPECT_EQ(e.claims[0].killed, 1);
        EXPECT_EQ(e.claims[0].assertion, Assertion::reports_own_losses);
    }
    {
        const auto x = run("The Azerbaijani Defense Ministry said Armenian armed forces units "
                           "had opened fire on its positions near Kalbajar on May 3. Yerevan "
                           "denied the report as baseless.");
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.place_id, "test:kalbajar");
        EXPECT_EQ(format_date(e.date.begin), "2023-05-03");
        ASSERT_GE(e.claims.size(), 1u);
        EXPECT_EQ(e.claims[0].who, "Azerbaijani Ministry of Defence");
        EXPECT_EQ(e.claims[0].against, Side::armenia);
    }
    {
        const auto x = run("Armenian soldiers came under drone attack near Sotk yesterday. One "
                           "serviceman was wounded, the ministry said.");
        ASSERT_EQ(incidents(x).size(), 1u);
        const Event& e = *incidents(x)[0];
        EXPECT_EQ(e.kind, EventKind::drone_strike);
        EXPECT_EQ(format_date(e.date.begin), "2023-05-10");
        EXPECT_EQ(e.sources.size(), 2u);
    }
}

TEST_F(ExtractTest, CheckpointClosedAndRoadBlockedInOneSentence) {
    const auto x = run("Azerbaijan closed the checkpoint at the Hakari bridge on Tuesday, blocking "
                       "all traffic on the Lachin corridor.",
                       parse_date("2023-06-20"));
    std::vector<std::string> got;
    for (const Event& e : x.events) {
        got.push_back(std::string(to_string(e.kind)) + "@" + e.place_id + "@" +
                      format_date(e.date.begin));
    }
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"blockade@test:lachin-corridor@2023-06-20",
                                             "checkpoint_closed@test:hakari-bridge@2023-06-20"}));
}

TEST_F(ExtractTest, ABlockadeWithoutADayIsTheNewsOfTheReport) {
    // Written for this test: the report says what happened without naming the day.
    const auto x = run("Men in civilian clothes closed the Lachin corridor, and dozens of cars "
                       "were stranded.",
                       parse_date("2023-01-10"));
    ASSERT_EQ(x.events.size(), 1u);
    EXPECT_EQ(x.events[0].kind, EventKind::blockade);
    EXPECT_EQ(x.events[0].place_id, "test:lachin-corridor");
    EXPECT_EQ(format_date(x.events[0].date.begin), "2023-01-10");
    // Must not fire: background further down the article, undated.
    const auto late = run("Azerbaijani forces shelled Sotk on Monday. The ministry said two "
                          "soldiers were wounded. It called the attack a provocation. Yerevan "
                          "had criticised Moscow when activists closed the Lachin corridor.",
                          parse_date("2023-05-11"));
    for (const Event& e : late.events) {
        EXPECT_NE(e.kind, EventKind::blockade);
    }
    // Must not fire: a blockade as a state of things, or as history.
    for (const char* s : {"The Lachin corridor has regularly been blocked by protesters.",
                          "The Lachin corridor was blocked for decades."}) {
        EXPECT_TRUE(run(s, parse_date("2023-01-10")).events.empty()) << s;
    }
}

TEST_F(ExtractTest, VillagesTakenUnderControlAreOneHandOverOverAllOfThem) {
    // Written for this test: the lead says what happened today, undated; the ministry is unnamed.
    const auto x = run("The Azerbaijani army took control of Kalbajar and the nearby Shusha, the "
                       "Defence Ministry said. The ministry added that units were deployed there.",
                       parse_date("2022-08-26"));
    ASSERT_EQ(x.events.size(), 1u);
    const Event& e = x.events[0];
    EXPECT_EQ(e.kind, EventKind::handover);
    EXPECT_EQ(layer_of(e.kind), EventLayer::checkpoint);
    ASSERT_EQ(e.targets.size(), 2u);
    EXPECT_EQ(e.targets[0].id, "test:kalbajar");
    EXPECT_EQ(e.targets[1].id, "test:shusha");
    EXPECT_EQ(format_date(e.date.begin), "2022-08-26");
    // The army's own ministry reports it; nobody is accused of a hand-over.
    ASSERT_EQ(e.claims.size(), 1u);
    EXPECT_EQ(e.claims[0].side, Side::azerbaijan);
    EXPECT_EQ(e.claims[0].assertion, Assertion::reports);
    EXPECT_EQ(e.claims[0].against, Side::unknown);
    // A day named in the sentence dates it.
    const auto y = run("On Tuesday, Azerbaijani border guards took control of Kalbajar.",
                       parse_date("2022-08-26"));
    ASSERT_EQ(y.events.size(), 1u);
    EXPECT_EQ(format_date(y.events[0].date.begin), "2022-08-23");
    // Must not fire: a plan, background further down, bodies handed over, a battle for a place.
    for (const char* s :
         {"Kalbajar is to be handed over to Azerbaijan by the end of the month.",
          "Sotk was shelled on Monday. The ministry said two soldiers were wounded. It called the "
          "attack a provocation. Kalbajar had been handed over to Azerbaijan in 2020.",
          "On Monday, the bodies of two soldiers were handed over near Kalbajar."}) {
        for (const Event& other : run(s, parse_date("2022-08-26")).events) {
            EXPECT_NE(other.kind, EventKind::handover) << s;
        }
    }
    const auto z = run("On Monday, Azerbaijani units shelled Kalbajar and took control of it.",
                       parse_date("2022-08-26"));
    ASSERT_FALSE(z.events.empty());
    for (const Event& other : z.events) {
        EXPECT_NE(other.kind, EventKind::handover);
    }
}

TEST_F(ExtractTest, TheDayOfTheEventsOutweighsTheDayOfTheReport) {
    // Written for this test: a dateline and "on Thursday said" date the report; the quoted
    // statement names the day of the fire.
    const auto x = run("YEREVAN, May 11. The Defence Ministry on Thursday said its positions near "
                       "Sotk came under fire. \"Late on May 10, Azerbaijani units opened fire at "
                       "positions near Sotk,\" the ministry said.",
                       parse_date("2023-05-11"));
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(format_date(incidents(x)[0]->date.begin), "2023-05-10");
    // With only the day of the report, the report dates the incident.
    const auto y = run("The Defence Ministry on Thursday said its positions near Sotk came under "
                       "fire.",
                       parse_date("2023-05-11"));
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(format_date(incidents(y)[0]->date.begin), "2023-05-11");
}

TEST_F(ExtractTest, AnAreaHoldingAnotherTargetOnlySaysWhereItIs) {
    const auto x = run("On Monday, Armenian forces shelled positions in Upland and in Lowdale "
                       "District.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:lowdale");
    EXPECT_EQ(incidents(x)[0]->targets.size(), 1u);
    // Both are read as places of the fire; the outer one gives way to the inner.
    EXPECT_EQ(role_of(x, "Upland"), MentionRole::incident_location);
    EXPECT_EQ(role_of(x, "Lowdale District"), MentionRole::incident_location);
}

TEST_F(ExtractTest, ACheckpointSetUpInTheLeadIsTheNewsOfTheReportUntilItsDayIsNamed) {
    // Written for this test: the lead tells it in the perfect, without a day.
    const auto x = run("Azerbaijani forces have set up a checkpoint at the Hakari bridge.",
                       parse_date("2023-04-25"));
    ASSERT_EQ(x.events.size(), 1u);
    EXPECT_EQ(x.events[0].kind, EventKind::checkpoint_installed);
    EXPECT_EQ(format_date(x.events[0].date.begin), "2023-04-25");
    // A later sentence names the day: one checkpoint, of that day.
    const auto y = run("Azerbaijani forces have set up a checkpoint at the Hakari bridge. The "
                       "checkpoint was installed on April 23 at the Hakari bridge.",
                       parse_date("2023-04-25"));
    ASSERT_EQ(y.events.size(), 1u);
    EXPECT_EQ(format_date(y.events[0].date.begin), "2023-04-23");
    // Must not fire: the checkpoint only spoken of.
    EXPECT_TRUE(run("A senator condemned the setting up of a checkpoint at the Hakari bridge.",
                    parse_date("2023-04-25"))
                    .events.empty());
}

TEST_F(ExtractTest, CheckpointOnTheCorridorByAnaphora) {
    const auto x = run("Azerbaijani activists blocked the Lachin corridor last year. On April "
                       "23, Baku said it had set up a checkpoint at the entrance of the "
                       "corridor.");
    const auto cp = std::find_if(x.events.begin(), x.events.end(), [](const Event& e) {
        return e.kind == EventKind::checkpoint_installed;
    });
    ASSERT_NE(cp, x.events.end());
    EXPECT_EQ(cp->place_id, "test:lachin-corridor");
    EXPECT_EQ(format_date(cp->date.begin), "2023-04-23");
}

TEST(Pipeline, MentionsBetweenSentencesAndTheRulesOnMentionsFoundOnce) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    const Geocoder geocoder(g);
    const Article a = sitmap::test::article("Azerbaijani forces shelled Sotk on Tuesday. "
                                            "Two soldiers were wounded, the ministry said.");
    const Extraction x = detail::extract_events(a, geocoder.find_mentions(a.text));
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->sources.size(), 2u);
    ASSERT_EQ(x.mentions.size(), 1u);
    EXPECT_EQ(x.mentions[0].sentence, 0u);
}

// Claims across sentences (sentences written for these tests).
TEST_F(ExtractTest, ADenialNamingAnotherPlaceIsNoNewIncident) {
    const auto x = run("Azerbaijan's Defence Ministry said Armenian forces fired on its positions "
                       "near Kalbajar on Tuesday. The Armenian Defence Ministry said its units did "
                       "not open fire in the direction of Kalbajar or Jermuk.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const Event& e = *incidents(x)[0];
    EXPECT_EQ(e.place_id, "test:kalbajar");
    ASSERT_EQ(e.claims.size(), 2u);
    EXPECT_EQ(e.claims[0].side, Side::azerbaijan);
    EXPECT_EQ(e.claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(e.claims[1].side, Side::armenia);
    EXPECT_EQ(e.claims[1].assertion, Assertion::denies);
}

TEST_F(ExtractTest, AStatementAfterTheIncidentIsItsClaim) {
    const auto x = run("On Tuesday, Armenian armed forces units fired at Azerbaijani positions "
                       "near Kalbajar. This is reported in the information of the Ministry of "
                       "Defense of Azerbaijan.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    const bool accused = std::any_of(claims.begin(), claims.end(), [](const Claim& c) {
        return c.side == Side::azerbaijan && c.assertion == Assertion::accuses &&
               c.against == Side::armenia;
    });
    EXPECT_TRUE(accused);
}

TEST_F(ExtractTest, FiguresRunOnWithTheStatement) {
    const auto x = run("The Armenian Defence Ministry said Azerbaijani forces fired at positions "
                       "near Sotk on Tuesday. One serviceman was wounded.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[1].who, "Armenian Ministry of Defence");
    EXPECT_EQ(claims[1].assertion, Assertion::accuses);
    EXPECT_EQ(claims[1].wounded, 1);
}

TEST_F(ExtractTest, NoCasualtiesSpeaksForEveryIncidentOfTheStatement) {
    const auto x = run("On Tuesday, Armenian units fired at Azerbaijani positions near Kalbajar, "
                       "the Azerbaijani Defence Ministry said. Armenian forces also shelled "
                       "positions near Shusha, the ministry said. The ministry ruled out any "
                       "casualties among the personnel.");
    ASSERT_EQ(incidents(x).size(), 2u);
    for (const Event* e : incidents(x)) {
        const bool none = std::any_of(e->claims.begin(), e->claims.end(), [](const Claim& c) {
            return c.side == Side::azerbaijan && c.killed == 0 && c.wounded == 0;
        });
        EXPECT_TRUE(none) << e->place_id;
    }
}

TEST_F(ExtractTest, WitnessesReportWhatTheySaw) {
    const auto x = run("Residents said Azerbaijani forces fired at houses in Tegh on Tuesday "
                       "night.");
    ASSERT_EQ(incidents(x).size(), 1u);
    const auto& claims = incidents(x)[0]->claims;
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::reports);
}

// Fire at several places reported in one sentence is one incident at all of them; a denial after
// it is a claim on that incident.
TEST_F(ExtractTest, ADenialIsOfEveryPlaceOfTheReport) {
    const auto x = run("The Armenian Defence Ministry said Azerbaijani forces shelled Jermuk, "
                       "Goris and Sotk on Tuesday. The Azerbaijani Defence Ministry called the "
                       "report disinformation.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->targets.size(), 3u);
    EXPECT_EQ(incidents(x)[0]->precision, GeoPrecision::region);
    for (const Event* e : incidents(x)) {
        const bool denied = std::any_of(e->claims.begin(), e->claims.end(), [](const Claim& c) {
            return c.side == Side::azerbaijan && c.assertion == Assertion::denies;
        });
        EXPECT_TRUE(denied) << e->place_id;
    }
}

// A village is no government: "Residents of Tegh said" is not Armenia speaking.
TEST_F(ExtractTest, AVillageIsNoGovernment) {
    const auto x = run("Residents of Tegh said Azerbaijani forces fired at the village on "
                       "Tuesday night.");
    for (const Event* e : incidents(x)) {
        for (const Claim& c : e->claims) {
            EXPECT_NE(c.who, "Armenia");
        }
    }
}

TEST_F(ExtractTest, FireAtTheVillageIsAtTheVillageLastNamed) {
    // Written sentences: "the village" that troops fired at is the settlement named just before.
    const auto x = run("Residents of Tegh said Azerbaijani troops fired at the village on Monday.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:tegh");
    const auto y = run("Tegh lies on the border. On Monday the village came under fire again.");
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(incidents(y)[0]->place_id, "test:tegh");
    // Must not fire: a village left after attacks, a village named with its name, or one named
    // too long before.
    EXPECT_TRUE(incidents(run("Families left Tegh. They abandoned the village after the attacks "
                              "on Monday."))
                    .empty());
    const auto z =
        run("Residents of Tegh said troops fired at the village of Kornidzor on Monday.");
    ASSERT_EQ(incidents(z).size(), 1u);
    EXPECT_EQ(incidents(z)[0]->place_id, "test:kornidzor");
    EXPECT_TRUE(incidents(run("Tegh lies on the border. The weather was cold. Farmers worked. "
                              "Nobody came. On Monday troops fired at the village."))
                    .empty());
}

TEST_F(ExtractTest, ASentenceSayingWhereTheIncidentTookPlaceLocatesIt) {
    // Written sentences: the report names no place; the next sentence says where it was.
    const auto x =
        run("Azerbaijan said on Monday an Armenian sniper had killed one of its soldiers. "
            "The ministry said the incident took place near Kalbajar, a town it "
            "regained in November 2020.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:kalbajar");
    EXPECT_EQ(incidents(x)[0]->kind, EventKind::small_arms_fire);
    // Must not fire: with no incident waiting for a place, such a sentence reports none.
    EXPECT_TRUE(incidents(run("The ministry said the incident took place near Kalbajar.")).empty());
}

TEST_F(ExtractTest, ASentenceSayingWhereNarrowsAnIncidentKnownOnlyToARegion) {
    // Written sentences: reported on the eastern sector, then placed at a village.
    const auto x =
        run("Azerbaijani units opened fire on the eastern sector of the Armenia-Azerbaijan "
            "border on Monday. The incident occurred near the village of Sotk.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_EQ(incidents(x)[0]->place_id, "test:sotk");
    // Must not fire: an incident already at a village is not moved by such a sentence.
    const auto y = run("Azerbaijani units opened fire on Tegh on Monday. The incident occurred "
                       "near the village of Sotk, the ministry said.");
    ASSERT_FALSE(incidents(y).empty());
    EXPECT_EQ(incidents(y)[0]->place_id, "test:tegh");
}

TEST_F(ExtractTest, ReportsOfOneDayBegunAtDifferentTimesAreTwoIncidents) {
    // Written sentences: a village at 17:00, then the border sector it lies on at 13:45 that day.
    const auto text = [](const std::string& earlier) {
        return "Armenian positions near Sotk came under fire between 17:00 and 17:30 on Monday, "
               "the ministry said. Earlier on Monday, " +
               earlier + ", positions on the eastern sector of the border had come under fire.";
    };
    const auto x = run(text("starting at 13:45"));
    ASSERT_EQ(incidents(x).size(), 2u);
    const auto at = [](const Extraction& e, std::string_view id) -> const Event* {
        for (const Event* i : incidents(e)) {
            if (i->place_id == id) {
                return i;
            }
        }
        return nullptr;
    };
    ASSERT_NE(at(x, "test:sotk"), nullptr);
    EXPECT_EQ(at(x, "test:sotk")->times, std::vector<int>{17 * 60});
    ASSERT_NE(at(x, "test:eastern-sector"), nullptr);
    EXPECT_EQ(at(x, "test:eastern-sector")->times, std::vector<int>{13 * 60 + 45});
    // Must not fire: within half an hour, or with no time in one report, it is one incident, at
    // the village.
    for (const char* earlier : {"starting at 16:50", "in the afternoon"}) {
        const auto y = run(text(earlier));
        ASSERT_EQ(incidents(y).size(), 1u) << earlier;
        EXPECT_EQ(incidents(y)[0]->place_id, "test:sotk") << earlier;
    }
    // Must not fire: a time in a sentence without a place may be of another episode; the sector's
    // report still joins the village's.
    const auto z = run("Positions on the eastern sector of the border came under fire on Monday. "
                       "Shooting also took place around 2 p.m. Armenian positions near Sotk came "
                       "under fire on Monday at 9:40.");
    ASSERT_EQ(incidents(z).size(), 1u);
    EXPECT_EQ(incidents(z)[0]->place_id, "test:sotk");
}

TEST_F(ExtractTest, ReportsOfOneArticleOnDifferentDaysAreDifferentIncidents) {
    // Written sentences: Sotk on Monday, Sotk and Norabak on Tuesday.
    const auto x = run("On Monday, Azerbaijani forces shelled Sotk. On Tuesday, Azerbaijani forces "
                       "shelled Sotk and Norabak.");
    ASSERT_EQ(incidents(x).size(), 2u);
    EXPECT_EQ(format_date(incidents(x)[0]->date.begin), "2023-05-08");
    EXPECT_EQ(incidents(x)[0]->targets.size(), 1u);
    EXPECT_EQ(format_date(incidents(x)[1]->date.begin), "2023-05-09");
    EXPECT_EQ(incidents(x)[1]->targets.size(), 2u);
    // Must not fire: a day that is only the day of the report does not part them.
    const auto y = run("On Monday, Azerbaijani forces shelled Sotk. The ministry said on Tuesday "
                       "that Sotk and Norabak had come under fire.");
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(format_date(incidents(y)[0]->date.begin), "2023-05-08");
}

TEST_F(ExtractTest, ADayAfterPublicationNeverDatesFire) {
    // Written sentence: the date is a deadline for the residents, not when fire was opened.
    const auto x = run("The attacks on Sotk forced residents to leave their homes by May 25, the "
                       "ministry said.");
    ASSERT_EQ(incidents(x).size(), 1u);
    EXPECT_LE(incidents(x)[0]->date.begin, parse_date("2023-05-12"));
    // Must not fire: talks in such a sentence may lie ahead.
    const auto y = run("Azerbaijan shelled Sotk on Monday, two weeks before the talks due in "
                       "Brussels on May 25.");
    ASSERT_EQ(incidents(y).size(), 1u);
    EXPECT_EQ(format_date(incidents(y)[0]->date.begin), "2023-05-08");
    const auto talks = std::find_if(y.events.begin(), y.events.end(),
                                    [](const Event& e) { return e.kind == EventKind::talks; });
    ASSERT_NE(talks, y.events.end());
    EXPECT_EQ(format_date(talks->date.begin), "2023-05-25");
}
