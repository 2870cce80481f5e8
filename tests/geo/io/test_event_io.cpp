// Events in and out (geo/io/event_io.hpp): RFC 7946 GeoJSON through GDAL, round trips, ACLED CSV.

#include "geo/core/error.hpp"
#include "geo/io/event_io.hpp"
#include "tests/geo/extract/extract_test_gazetteer.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace sitmap::geo;
namespace fs = std::filesystem;

namespace {

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / ("sitmap_test_event_io_" + name);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Event sample_event() {
    Event e;
    e.kind = EventKind::shelling;
    e.date = DateRange{parse_date("2023-05-11"), parse_date("2023-05-11"), DatePrecision::day};
    e.place_id = "test:sotk";
    e.place_name = "Sotk";
    e.location = LonLat{45.8647, 40.2031};
    e.geometry = PointGeom{e.location};
    e.precision = GeoPrecision::exact;
    e.id = "evt-2023-05-11-shelling-test-sotk";
    e.summary = "Shelling at Sotk";
    Claim a;
    a.who = "Armenian Ministry of Defence";
    a.side = Side::armenia;
    a.assertion = Assertion::accuses;
    a.against = Side::azerbaijan;
    a.wounded = 3;
    a.text = "Quoted “text” with Սոթք and a \"quote\".";
    a.source = SourceRef{"000_x", 10, 120};
    Claim b;
    b.who = "Azerbaijan";
    b.side = Side::azerbaijan;
    b.assertion = Assertion::reports_own_losses;
    b.killed = 1;
    b.wounded = 1;
    b.text = "Another sentence.";
    b.source = SourceRef{"001_y", 5, 60};
    e.claims = {a, b};
    e.sources = {a.source, b.source};
    return e;
}

Event sample_range_event() {
    Event e;
    e.kind = EventKind::small_arms_fire;
    e.date = DateRange{parse_date("2022-11-06"), parse_date("2022-11-07"), DatePrecision::range};
    e.place_id = "test:eastern-sector";
    e.place_name = "Eastern sector";
    e.location = LonLat{45.9, 40.15};
    e.geometry = PointGeom{e.location};
    e.precision = GeoPrecision::region;
    e.id = "evt-2022-11-06-small_arms_fire-test-eastern-sector";
    e.sources = {SourceRef{"002_z", 0, 5}};
    return e;
}

// The events GeoJSON of sample_event(), as written.
std::string write_and_read_text() {
    return events_geojson_text({sample_event()});
}

} // namespace

TEST(EventIo, GeoJsonRoundTrips) {
    const fs::path p = temp_path("roundtrip.geojson");
    const std::vector<Event> events{sample_event(), sample_range_event()};
    write_events_geojson(events, p);
    const auto back = read_events_geojson(p);
    ASSERT_EQ(back.size(), 2u);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& a = events[i];
        const Event& b = back[i];
        EXPECT_EQ(b.id, a.id);
        EXPECT_EQ(b.kind, a.kind);
        EXPECT_EQ(b.date, a.date);
        EXPECT_EQ(b.place_id, a.place_id);
        EXPECT_EQ(b.place_name, a.place_name);
        EXPECT_EQ(b.precision, a.precision);
        EXPECT_EQ(b.summary, a.summary);
        EXPECT_NEAR(b.location.lon, a.location.lon, 1e-7);
        EXPECT_NEAR(b.location.lat, a.location.lat, 1e-7);
        EXPECT_EQ(b.claims, a.claims);
        EXPECT_EQ(b.sources, a.sources);
        EXPECT_TRUE(std::holds_alternative<PointGeom>(b.geometry));
    }
    fs::remove(p);
}

TEST(EventIo, GeoJsonPropertiesFollowTheContract) {
    const fs::path p = temp_path("contract.geojson");
    write_events_geojson({sample_event()}, p);
    const auto doc = nlohmann::json::parse(slurp(p));
    EXPECT_EQ(doc["type"], "FeatureCollection");
    EXPECT_FALSE(doc.contains("crs")); // RFC 7946: WGS 84 lon/lat, no crs member
    const auto& f = doc["features"][0];
    EXPECT_EQ(f["geometry"]["type"], "Point");
    EXPECT_NEAR(f["geometry"]["coordinates"][0].get<double>(), 45.8647, 1e-9); // lon first
    EXPECT_NEAR(f["geometry"]["coordinates"][1].get<double>(), 40.2031, 1e-9);
    const auto& props = f["properties"];
    EXPECT_EQ(props["id"], "evt-2023-05-11-shelling-test-sotk");
    EXPECT_EQ(props["kind"], "shelling");
    EXPECT_EQ(props["layer"], "incident");
    EXPECT_EQ(props["date_begin"], "2023-05-11");
    EXPECT_EQ(props["date_end"], "2023-05-11");
    EXPECT_EQ(props["date_precision"], "day");
    EXPECT_EQ(props["place_id"], "test:sotk");
    EXPECT_EQ(props["geo_precision"], 1);
    EXPECT_EQ(props["disputed"], false); // figures of different parties' own losses
    EXPECT_EQ(props["killed_max"], 1);
    EXPECT_EQ(props["wounded_max"], 3);
    ASSERT_TRUE(props["claims"].is_array());
    ASSERT_EQ(props["claims"].size(), 2u);
    const auto& c = props["claims"][0];
    EXPECT_EQ(c["who"], "Armenian Ministry of Defence");
    EXPECT_EQ(c["side"], "armenia");
    EXPECT_EQ(c["assertion"], "accuses");
    EXPECT_EQ(c["against"], "azerbaijan");
    EXPECT_TRUE(c["killed"].is_null());
    EXPECT_EQ(c["wounded"], 3);
    EXPECT_EQ(c["article"], "000_x");
    EXPECT_EQ(c["begin"], 10);
    EXPECT_EQ(c["end"], 120);
    ASSERT_TRUE(props["sources"].is_array());
    EXPECT_EQ(props["sources"][1]["article"], "001_y");
    fs::remove(p);
}

TEST(EventIo, OutputIsByteIdenticalRunToRun) {
    const fs::path a = temp_path("a.geojson");
    const fs::path b = temp_path("b.geojson");
    write_events_geojson({sample_event(), sample_range_event()}, a);
    write_events_geojson({sample_event(), sample_range_event()}, b);
    EXPECT_EQ(slurp(a), slurp(b));
    EXPECT_FALSE(slurp(a).empty());
    fs::remove(a);
    fs::remove(b);
}

TEST(EventIo, TargetsAndOriginsRoundTrip) {
    // An incident at two villages, fire from a third: the flat origin_* properties name the main
    // origin, `targets` and `origins` list them all, and reading restores the area they cover.
    Event e = sample_event();
    e.targets = {EventPlace{"test:sotk", "Sotk", LonLat{45.8647, 40.2031}, GeoPrecision::exact},
                 EventPlace{"test:norabak", "Norabak", LonLat{45.83, 40.12}, GeoPrecision::near}};
    e.origins = {EventPlace{"test:kalbajar", "Kalbajar", LonLat{46.04, 40.1}, GeoPrecision::exact},
                 EventPlace{"", "Unnamed post", LonLat{46.1, 40.0}, GeoPrecision::region}};
    e.geometry = covering_area(e.targets);
    e.precision = GeoPrecision::near;
    e.id = event_id(e);
    const fs::path p = temp_path("places.geojson");
    write_events_geojson({e, sample_range_event()}, p);
    const auto doc = nlohmann::json::parse(slurp(p));
    const auto& props = doc["features"][0]["properties"];
    EXPECT_EQ(doc["features"][0]["geometry"]["type"], "Point"); // the representative point
    EXPECT_EQ(props["origin_place_id"], "test:kalbajar");
    EXPECT_EQ(props["origin_name"], "Kalbajar");
    EXPECT_NEAR(props["origin_lon"].get<double>(), 46.04, 1e-9);
    EXPECT_NEAR(props["origin_lat"].get<double>(), 40.1, 1e-9);
    ASSERT_EQ(props["targets"].size(), 2u);
    EXPECT_EQ(props["targets"][1]["place_id"], "test:norabak");
    EXPECT_EQ(props["targets"][1]["name"], "Norabak");
    EXPECT_EQ(props["targets"][1]["geo_precision"], 2);
    ASSERT_EQ(props["origins"].size(), 2u);
    const auto& none = doc["features"][1]["properties"];
    EXPECT_TRUE(!none.contains("origin_lon") || none["origin_lon"].is_null());
    EXPECT_TRUE(none["targets"].empty());

    const auto back = read_events_geojson(p);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].targets, e.targets);
    EXPECT_EQ(back[0].origins, e.origins);
    EXPECT_EQ(back[0].id, e.id);
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(back[0].geometry));
    EXPECT_EQ(bbox(back[0].geometry), bbox(e.geometry));
    EXPECT_TRUE(back[1].targets.empty());
    EXPECT_EQ(back[1].origin(), nullptr);
    fs::remove(p);
}

TEST(EventIo, AFlatOriginAloneIsRead) {
    const fs::path p = temp_path("flat_origin.geojson");
    std::ofstream(p) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "geometry": {"type": "Point", "coordinates": [45.86, 40.2]},
        "properties": {"kind": "shelling", "date_begin": "2023-05-11", "origin_name": "Kut",
                       "origin_lon": 45.9, "origin_lat": 40.1}}]})";
    const auto back = read_events_geojson(p);
    ASSERT_EQ(back.size(), 1u);
    ASSERT_NE(back[0].origin(), nullptr);
    EXPECT_EQ(back[0].origin()->name, "Kut");
    EXPECT_EQ(back[0].origin()->location, (LonLat{45.9, 40.1}));
    fs::remove(p);
}

TEST(EventIo, GazetteerRestoresThePlaceGeometry) {
    std::vector<Place> places{sitmap::test::test_place("test:sotk", "Sotk", PlaceKind::settlement,
                                                       "AM", 45.8647, 40.2031)};
    const Path ring{{45.8, 40.1}, {45.9, 40.1}, {45.9, 40.3}, {45.8, 40.1}};
    AreaGeom area;
    area.polygons.push_back({ring});
    places[0].geometry = area;
    const Gazetteer g(std::move(places));
    const fs::path p = temp_path("restore.geojson");
    write_events_geojson({sample_event()}, p);
    const auto back = read_events_geojson(p, &g);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<AreaGeom>(back[0].geometry));
    fs::remove(p);
}

TEST(EventIo, WriteFailuresLeaveNothingBehind) {
    const fs::path missing_dir = temp_path("no_such_dir") / "out.geojson";
    try {
        write_events_geojson({sample_event()}, missing_dir);
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        EXPECT_EQ(e.kind(), sitmap::ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find(missing_dir.string()), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(missing_dir));
    EXPECT_FALSE(fs::exists(missing_dir.string() + ".tmp"));

    const fs::path existing = temp_path("existing.geojson");
    std::ofstream(existing) << "keep";
    EXPECT_THROW(write_events_geojson({sample_event()}, existing, Overwrite::no), sitmap::Error);
    EXPECT_EQ(slurp(existing), "keep");
    fs::remove(existing);
}

TEST(EventIo, BadGeoJsonIsAClearError) {
    EXPECT_THROW(read_events_geojson(temp_path("nope.geojson")), sitmap::Error);
    const fs::path notjson = temp_path("notjson.geojson");
    std::ofstream(notjson) << "this is not json";
    EXPECT_THROW(read_events_geojson(notjson), sitmap::Error);
    const fs::path nokind = temp_path("nokind.geojson");
    std::ofstream(nokind) << R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                          << R"("properties":{"id":"x"},"geometry":{"type":"Point",)"
                          << R"("coordinates":[45,40]}}]})";
    try {
        read_events_geojson(nokind);
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("feature 1"), std::string::npos) << msg; // numbered from 1
        EXPECT_NE(msg.find("kind"), std::string::npos) << msg;
        EXPECT_NE(msg.find(nokind.string()), std::string::npos) << msg;
    }
    fs::remove(notjson);
    fs::remove(nokind);
}

// Every field of the wrong type or out of range is bad input naming the file, the feature, the
// property and what was expected (never a JSON library exception), in both schemas.
TEST(EventIo, WrongTypesAndRangesNameTheFeatureAndProperty) {
    nlohmann::json good = nlohmann::json::parse(write_and_read_text());
    const fs::path p = temp_path("typed.geojson");
    const auto error_with = [&](const std::function<void(nlohmann::json&)>& change,
                                EventsSchema schema) {
        nlohmann::json doc = good;
        change(doc["features"][0]);
        std::ofstream(p) << doc.dump();
        try {
            for_each_event(p, schema, [](EventFeature&) {});
        } catch (const sitmap::Error& e) {
            EXPECT_EQ(e.kind(), sitmap::ErrorKind::bad_input);
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    const std::string at = p.string() + ": feature 1: ";
    for (const EventsSchema schema : {EventsSchema::contract, EventsSchema::lenient}) {
        const auto claim = [&](const char* key, nlohmann::json v) {
            return error_with([&](nlohmann::json& f) { f["properties"]["claims"][0][key] = v; },
                              schema);
        };
        const auto property = [&](const char* key, nlohmann::json v) {
            return error_with([&](nlohmann::json& f) { f["properties"][key] = v; }, schema);
        };
        const auto coordinates = [&](double lon, double lat) {
            return error_with(
                [&](nlohmann::json& f) {
                    f["geometry"]["coordinates"] = nlohmann::json::array({lon, lat});
                },
                schema);
        };
        EXPECT_EQ(claim("who", 42),
                  at + "property 'claims[0].who': expected a string, got a number");
        EXPECT_EQ(claim("begin", "12"), at + "property 'claims[0].begin': expected a whole "
                                             "number 0..9007199254740992, got a string");
        EXPECT_EQ(claim("killed", -1), at + "property 'claims[0].killed': expected a whole "
                                            "number 0..1000000000, got -1");
        EXPECT_EQ(claim("killed", nlohmann::json::parse(R"({"type":"Point"})")),
                  at + "property 'claims[0].killed': expected a whole number 0..1000000000, got "
                       "an object");
        EXPECT_EQ(claim("side", "martians")
                      .rfind(at + "property 'claims[0].side': unknown side "
                                  "'martians'",
                             0),
                  0u);
        EXPECT_EQ(property("date_begin", "2023-02-30"),
                  at + "property 'date_begin': invalid date '2023-02-30' (expected YYYY-MM-DD)");
        EXPECT_EQ(property("date_end", "2023-05-01"),
                  at + "property 'date_end': '2023-05-01' is before date_begin '2023-05-11'");
        EXPECT_EQ(property("geo_precision", 99999999999LL),
                  at + "property 'geo_precision': expected 1, 2 or 3, got '99999999999'");
        EXPECT_EQ(property("geo_precision", 0),
                  at + "property 'geo_precision': expected 1, 2 or 3, got '0'");
        EXPECT_EQ(property("killed_max", "many"),
                  at + "property 'killed_max': expected a whole number >= 0, got 'many'");
        EXPECT_EQ(property("kind", "picnic").rfind(at + "unknown event kind 'picnic' (known: ", 0),
                  0u);
        EXPECT_EQ(coordinates(500, 40), at + "geometry: coordinates (500, 40) out of range "
                                             "(expected longitude -180..180, latitude -90..90)");
        EXPECT_EQ(coordinates(45, -90.5), at + "geometry: coordinates (45, -90.5) out of range "
                                               "(expected longitude -180..180, latitude -90..90)");
        EXPECT_EQ(error_with([](nlohmann::json& f) { f["geometry"] = nullptr; }, schema),
                  at + "geometry: missing or empty (expected a point)");
        EXPECT_EQ(property("geo_precision", 3), "(no error)"); // the base case reads
    }
    fs::remove(p);
}

TEST(EventIo, AGeoJsonCrsOtherThanWgs84IsRefused) {
    nlohmann::json doc = nlohmann::json::parse(write_and_read_text());
    doc["crs"] = {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::3857"}}}};
    const fs::path p = temp_path("crs.geojson");
    std::ofstream(p) << doc.dump();
    try {
        read_events_geojson(p);
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(p.string() + ": a 'crs' member other than WGS 84", 0),
                  0u)
            << e.what();
    }
    doc["crs"]["properties"]["name"] = "urn:ogc:def:crs:OGC:1.3:CRS84";
    std::ofstream(p) << doc.dump();
    EXPECT_EQ(read_events_geojson(p).size(), 1u);
    fs::remove(p);
}

TEST(EventIo, AcledCsvConvertsToEvents) {
    const auto events = read_events_acled_csv(fs::path(SITMAP_FIXTURES_DIR) / "acled_sample.csv");
    ASSERT_EQ(events.size(), 3u);
    // Sorted by date.
    EXPECT_EQ(events[0].kind, EventKind::talks);
    EXPECT_EQ(format_date(events[0].date.begin), "2022-11-07");
    EXPECT_EQ(events[0].place_name, "Washington");
    EXPECT_FALSE(events[0].claims[0].killed);
    EXPECT_EQ(events[1].kind, EventKind::armed_clash);
    EXPECT_EQ(events[1].precision, GeoPrecision::near);
    EXPECT_EQ(events[1].claims[0].killed, 1);
    // ACLED's source is the speaker (no party here), actor1 whom it names as firing.
    EXPECT_EQ(events[1].claims[0].who, "Test source B");
    EXPECT_EQ(events[1].claims[0].side, Side::other);
    EXPECT_EQ(events[1].claims[0].assertion, Assertion::accuses);
    EXPECT_EQ(events[1].claims[0].against, Side::armenia);
    EXPECT_EQ(events[1].claims[0].text, "Invented test row, with a comma: one soldier killed.");
    const Event& sotk = events[2];
    EXPECT_EQ(sotk.kind, EventKind::shelling);
    EXPECT_EQ(format_date(sotk.date.begin), "2023-05-11");
    EXPECT_NEAR(sotk.location.lon, 45.8647, 1e-9);
    EXPECT_NEAR(sotk.location.lat, 40.2031, 1e-9);
    EXPECT_EQ(sotk.claims[0].side, Side::other);
    EXPECT_EQ(sotk.claims[0].against, Side::azerbaijan);
    EXPECT_EQ(sotk.sources[0].article, "Test source A");
    EXPECT_EQ(sotk.place_id, ""); // no gazetteer given
    EXPECT_EQ(sotk.id, "evt-2023-05-11-shelling-sotk-40-203-45-865");
}

TEST(EventIo, AcledCsvWithAGazetteerFindsThePlace) {
    const Gazetteer g = sitmap::test::extract_test_gazetteer();
    const auto events =
        read_events_acled_csv(fs::path(SITMAP_FIXTURES_DIR) / "acled_sample.csv", &g);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[2].place_id, "test:sotk");
    EXPECT_EQ(events[2].id, "evt-2023-05-11-shelling-test-sotk");
}

TEST(EventIo, BadAcledCsvNamesTheRowOrColumn) {
    try {
        read_events_acled_csv(fs::path(SITMAP_FIXTURES_DIR) / "acled_bad_latitude.csv");
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("row 3"), std::string::npos) << msg;
        EXPECT_NE(msg.find("latitude"), std::string::npos) << msg;
    }
    try {
        read_events_acled_csv(fs::path(SITMAP_FIXTURES_DIR) / "acled_missing_column.csv");
        FAIL() << "no error";
    } catch (const sitmap::Error& e) {
        EXPECT_NE(std::string(e.what()).find("longitude"), std::string::npos) << e.what();
    }
}
