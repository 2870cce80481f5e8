// ACLED's meaning both ways (geo/io/acled.hpp): actor1 the perpetrator, `source` the speakers.

#include "geo/core/error.hpp"
#include "geo/dates/dates.hpp"
#include "geo/io/acled.hpp"
#include "geo/io/event_io.hpp"
#include "tests/geo/extract/extract_test_gazetteer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

using namespace sitmap::geo;
namespace fs = std::filesystem;

namespace {

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / ("sitmap_test_acled_" + name);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

const std::string header = "event_date,event_type,sub_event_type,actor1,actor2,admin1,location,"
                           "latitude,longitude,geo_precision,fatalities,source,notes\n";

} // namespace

TEST(Acled, SidesOfActorsAndReporters) {
    EXPECT_EQ(acled_side("Military Forces of Armenia (2018-)"), Side::armenia);
    EXPECT_EQ(acled_side("Azerbaijani Ministry of Defence"), Side::azerbaijan);
    EXPECT_EQ(acled_side("Armenian Ministry of Defence"), Side::armenia);
    EXPECT_EQ(acled_side("EUMA: European Union Mission in Armenia"), Side::eu);
    EXPECT_EQ(acled_side("European Union"), Side::eu);
    EXPECT_EQ(acled_side("Reuters"), Side::other);
    EXPECT_EQ(acled_side("  "), Side::unknown);
    EXPECT_EQ(acled_actor(Side::azerbaijan, EventLayer::incident),
              "Military Forces of Azerbaijan (2003-)");
    EXPECT_EQ(acled_actor(Side::armenia, EventLayer::context), "Government of Armenia (2018-)");
    EXPECT_EQ(acled_actor(Side::other, EventLayer::incident), "");
}

TEST(Acled, TheSourceIsTheSpeakerAndActor1TheAccused) {
    const auto claims =
        acled_claims("Military Forces of Azerbaijan (2003-)", "Military Forces of Armenia (2018-)",
                     "Armenian Ministry of Defence", 1, "A note.");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].who, "Armenian Ministry of Defence");
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(claims[0].against, Side::azerbaijan);
    EXPECT_EQ(claims[0].killed, 1);
    EXPECT_EQ(claims[0].source.article, "Armenian Ministry of Defence");
}

TEST(Acled, TwoReportersOfBothSidesBlameEachOther) {
    Event e;
    e.claims =
        acled_claims("Military Forces of Azerbaijan (2003-)", "Military Forces of Armenia (2018-)",
                     "Armenian Ministry of Defence; Azerbaijani Ministry of Defence", 0, "");
    ASSERT_EQ(e.claims.size(), 2u);
    EXPECT_EQ(e.claims[0].against, Side::azerbaijan);
    EXPECT_EQ(e.claims[1].side, Side::azerbaijan);
    EXPECT_EQ(e.claims[1].assertion, Assertion::accuses);
    EXPECT_EQ(e.claims[1].against, Side::armenia);
    EXPECT_TRUE(e.disputed());
    EXPECT_FALSE(e.claims[1].killed) << "ACLED's 0 is no figure";
}

TEST(Acled, AFigureOfSeveralReportersIsAcledsOwn) {
    const auto claims = acled_claims("Military Forces of Azerbaijan (2003-)", "",
                                     "Armenian Ministry of Defence; Reuters", 2, "");
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_FALSE(claims[0].killed);
    EXPECT_FALSE(claims[1].killed);
    EXPECT_EQ(claims[2].who, "ACLED");
    EXPECT_EQ(claims[2].killed, 2);
    // Reuters is no party: it reports, naming actor1 as the one who fired.
    EXPECT_EQ(claims[1].side, Side::other);
}

TEST(Acled, WithoutASourceTheRowIsActor1sOwnReport) {
    const auto claims =
        acled_claims("Military Forces of Armenia (2018-)", "", "", std::nullopt, "");
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_EQ(claims[0].side, Side::armenia);
    EXPECT_EQ(claims[0].assertion, Assertion::reports);
}

TEST(Acled, ReadingARowReportedByArmeniaGivesArmeniasClaim) {
    const fs::path csv = temp_path("read.csv");
    write(csv, header + "2023-05-11,Explosions/Remote violence,Shelling/artillery/missile attack,"
                        "Military Forces of Azerbaijan,Military Forces of Armenia,Gegharkunik,"
                        "Sotk,40.2031,45.8647,1,1,Armenian Ministry of Defence,Invented note.\n");
    const auto events = read_events_acled_csv(csv);
    ASSERT_EQ(events.size(), 1u);
    ASSERT_EQ(events[0].claims.size(), 1u);
    EXPECT_EQ(events[0].claims[0].side, Side::armenia);
    EXPECT_EQ(events[0].claims[0].against, Side::azerbaijan);
    EXPECT_EQ(events[0].claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(events[0].sources[0].article, "Armenian Ministry of Defence");
    fs::remove(csv);
}

TEST(Acled, BadFatalitiesNameTheRow) {
    const fs::path csv = temp_path("bad.csv");
    write(csv, header + "2023-05-11,Battles,Armed clash,A,B,X,Sotk,40.2,45.8,1,2x,S,N\n");
    try {
        read_events_acled_csv(csv);
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        EXPECT_NE(std::string(e.what()).find("row 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("fatalities '2x'"), std::string::npos) << e.what();
    }
    fs::remove(csv);
}

TEST(Acled, ExportWritesAcledsColumnsAndReadsBack) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    Event e;
    e.kind = EventKind::shelling;
    e.date = DateRange{parse_date("2023-05-11"), parse_date("2023-05-11"), DatePrecision::day};
    e.place_id = "test:sotk";
    e.place_name = "Sotk";
    e.location = LonLat{45.86471, 40.20312};
    e.geometry = PointGeom{e.location};
    e.id = "evt-1";
    e.summary = "Shelling at Sotk";
    Claim a;
    a.who = "Armenian Ministry of Defence";
    a.side = Side::armenia;
    a.assertion = Assertion::accuses;
    a.against = Side::azerbaijan;
    a.killed = 2;
    Claim b;
    b.who = "Azerbaijani Ministry of Defence";
    b.side = Side::azerbaijan;
    b.assertion = Assertion::denies;
    e.claims = {a, b};
    Event talks;
    talks.kind = EventKind::talks;
    talks.date =
        DateRange{parse_date("2023-05-01"), parse_date("2023-05-04"), DatePrecision::range};
    talks.place_name = "Washington";
    talks.location = LonLat{-77.04, 38.9};
    talks.geometry = PointGeom{talks.location};
    talks.id = "evt-2";
    const fs::path csv = temp_path("out.csv");
    fs::remove(csv);
    export_acled_csv({e, talks}, csv, &g);
    const std::string text = slurp(csv);
    std::string expected_header;
    for (std::string_view c : acled_columns()) {
        expected_header += (expected_header.empty() ? "" : ",") + std::string(c);
    }
    EXPECT_EQ(text.substr(0, text.find('\n')), expected_header);
    EXPECT_NE(text.find("evt-1,2023-05-11,2023,1,Political violence,Explosions/Remote violence,"
                        "Shelling/artillery/missile attack,Military Forces of Azerbaijan (2003-),1,"
                        "Military Forces of Armenia (2018-),1,11,"),
              std::string::npos)
        << text;
    // GDAL quotes a cell with ';', which some readers take for a separator.
    EXPECT_NE(text.find(",Sotk,40.2031,45.8647,1,\"Armenian Ministry of Defence; Azerbaijani "
                        "Ministry of Defence\","),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(",2,disputed\n"), std::string::npos) << text;
    // A range of four days is within a week (2); context events are governments' or nobody's.
    EXPECT_NE(text.find("evt-2,2023-05-01,2023,2,Strategic developments,Strategic developments,"
                        "Agreement,"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find('\r'), std::string::npos);

    // Read back: the speakers are who they were, actor1 is whom Armenia accuses.
    const auto back = read_events_acled_csv(csv);
    ASSERT_EQ(back.size(), 2u);
    const Event& sotk = back[1];
    EXPECT_EQ(sotk.kind, EventKind::shelling);
    ASSERT_EQ(sotk.claims.size(), 3u); // two speakers and ACLED's figure
    EXPECT_EQ(sotk.claims[0].side, Side::armenia);
    EXPECT_EQ(sotk.claims[0].against, Side::azerbaijan);
    EXPECT_EQ(sotk.claims[2].killed, 2);

    // Not replaced without Overwrite::yes.
    EXPECT_THROW(export_acled_csv({e}, csv, &g), sitmap::Error);
    fs::remove(csv);
}
