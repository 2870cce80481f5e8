// The geocoder: spellings in four scripts, inflections, phrases, misspellings, context, negatives,
// bad input, reverse geocoding and mentions in running text.

#include "geo/core/error.hpp"
#include "geo/geocode/geocoder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>

using namespace sitmap;
using namespace sitmap::geo;

namespace {

const Gazetteer& gazetteer() {
    static const Gazetteer g =
        Gazetteer::load(std::filesystem::path(SITMAP_FIXTURES_DIR) / "gazetteer_small.geojson");
    return g;
}

const Geocoder& geocoder() {
    static const Geocoder g(gazetteer());
    return g;
}

// Coordinates from public sources (Wikipedia infoboxes, GeoNames), independent of the fixture.
const std::map<std::string, LonLat>& known_coordinates() {
    static const std::map<std::string, LonLat> m{
        {"sitmap:sotk", {45.86472, 40.20306}},        {"sitmap:shusha", {46.7483, 39.7583}},
        {"sitmap:lachin", {46.54694, 39.64083}},      {"sitmap:stepanakert", {46.75194, 39.81528}},
        {"sitmap:goris", {46.3383, 39.5108}},         {"sitmap:kornidzor", {46.5311, 39.5481}},
        {"sitmap:yerevan", {44.4991, 40.1792}},       {"sitmap:baku", {49.8671, 40.4093}},
        {"sitmap:martuni-am", {45.3045, 40.1377}},    {"sitmap:martuni-nk", {47.11306, 39.79528}},
        {"sitmap:aghdam", {46.93056, 39.99306}},      {"sitmap:aghdam-tovuz", {45.55639, 40.90528}},
        {"sitmap:jermuk", {45.67222, 39.84167}},      {"sitmap:kapan", {46.4093, 39.2064}},
        {"sitmap:vardenis", {45.7333, 40.1833}},      {"sitmap:brussels", {4.34878, 50.85045}},
        {"sitmap:washington", {-77.03637, 38.89511}}, {"sitmap:moscow", {37.61556, 55.75222}},
        {"sitmap:sochi", {39.72569, 43.59917}},       {"sitmap:prague", {14.42076, 50.08804}},
        {"sitmap:chisinau", {28.8575, 47.00556}},     {"sitmap:tbilisi", {44.8271, 41.7151}},
    };
    return m;
}

struct Spelling {
    const char* query;
    const char* id;
    const char* country_hint = nullptr;
};

const Spelling spellings[] = {
    // Sotk: Latin, case, possessive (ASCII and typographic apostrophe), Russian genitive, former
    // Azerbaijani name, Cyrillic, Armenian, Armenian locative.
    {"Sotk", "sitmap:sotk"},
    {"sotk", "sitmap:sotk"},
    {"SOTK", "sitmap:sotk"},
    {"Sotk's", "sitmap:sotk"},
    {"Sotk’s", "sitmap:sotk"},
    {"Sotka", "sitmap:sotk"},
    {"Zod", "sitmap:sotk"},
    {"Zot", "sitmap:sotk"},
    {"Сотк", "sitmap:sotk"},
    {"Սոթք", "sitmap:sotk"},
    {"Sotkum", "sitmap:sotk"},
    {"Սոթքում", "sitmap:sotk"},
    {"the village of Sotk", "sitmap:sotk"},
    // Shusha / Shushi
    {"Shusha", "sitmap:shusha"},
    {"Shushi", "sitmap:shusha"},
    {"Shushi's", "sitmap:shusha"},
    {"Şuşa", "sitmap:shusha"},
    {"S\xCC\xA7us\xCC\xA7"
     "a",
     "sitmap:shusha"}, // Şuşa decomposed (NFD)
    {"Susa", "sitmap:shusha"},
    {"Шуша", "sitmap:shusha"},
    {"Շուշի", "sitmap:shusha"},
    {"SHUSHA", "sitmap:shusha"},
    {"Şuşada", "sitmap:shusha"},
    {"Шуше", "sitmap:shusha"},
    {"Shusha (Shushi)", "sitmap:shusha"},
    // Lachin / Berdzor
    {"Lachin", "sitmap:lachin"},
    {"Laçın", "sitmap:lachin"},
    {"Lacin", "sitmap:lachin"},
    {"Berdzor", "sitmap:lachin"},
    {"Лачин", "sitmap:lachin"},
    {"Բերձոր", "sitmap:lachin"},
    {"Լաչին", "sitmap:lachin"},
    {"Lachin's", "sitmap:lachin"},
    // Stepanakert / Khankendi
    {"Stepanakert", "sitmap:stepanakert"},
    {"Khankendi", "sitmap:stepanakert"},
    {"Xankəndi", "sitmap:stepanakert"},
    {"Xankendi", "sitmap:stepanakert"},
    {"Khankandi", "sitmap:stepanakert"},
    {"Ханкенди", "sitmap:stepanakert"},
    {"Степанакерт", "sitmap:stepanakert"},
    {"Ստեփանակերտ", "sitmap:stepanakert"},
    {"Stepanakret", "sitmap:stepanakert"},
    {"Stepanakertum", "sitmap:stepanakert"},
    // Syunik, Gegharkunik, Vayots Dzor
    {"Goris", "sitmap:goris"},
    {"Горис", "sitmap:goris"},
    {"Գորիս", "sitmap:goris"},
    {"Gorsi", "sitmap:goris"},
    {"Kornidzor", "sitmap:kornidzor"},
    {"Корнидзор", "sitmap:kornidzor"},
    {"Կոռնիձոր", "sitmap:kornidzor"},
    {"Kornidsor", "sitmap:kornidzor"},
    {"Kapan", "sitmap:kapan"},
    {"Qafan", "sitmap:kapan"},
    {"Vardenis", "sitmap:vardenis"},
    {"Варденис", "sitmap:vardenis"},
    {"Jermuk", "sitmap:jermuk"},
    {"Джермук", "sitmap:jermuk"},
    {"Ջերմուկ", "sitmap:jermuk"},
    // Capitals
    {"Yerevan", "sitmap:yerevan"},
    {"Erevan", "sitmap:yerevan"},
    {"Yerewan", "sitmap:yerevan"},
    {"Ереван", "sitmap:yerevan"},
    {"Երևան", "sitmap:yerevan"},
    {"Երեւան", "sitmap:yerevan"},
    {"Baku", "sitmap:baku"},
    {"Bakı", "sitmap:baku"},
    {"Баку", "sitmap:baku"},
    // Martuni / Khojavend
    {"Martuni", "sitmap:martuni-nk", "AZ"},
    {"Martuni", "sitmap:martuni-am", "AM"},
    {"Xocavənd", "sitmap:martuni-nk"},
    {"Khojavend", "sitmap:martuni-nk"},
    {"Мартуни", "sitmap:martuni-am"},
    // Aghdam
    {"Ağdam", "sitmap:aghdam"},
    {"Aghdam district", "sitmap:aghdam-district"},
    {"Agdam District", "sitmap:aghdam-district"},
    // Corridor and border sectors (multiword names and phrases)
    {"Lachin corridor", "sitmap:lachin-corridor"},
    {"the Lachin corridor", "sitmap:lachin-corridor"},
    {"Lachin Corridor", "sitmap:lachin-corridor"},
    {"Berdzor corridor", "sitmap:lachin-corridor"},
    {"Лачинский коридор", "sitmap:lachin-corridor"},
    {"Laçın dəhlizi", "sitmap:lachin-corridor"},
    {"the eastern sector of the border", "sitmap:border-east"},
    {"the eastern part of the state border", "sitmap:border-east"},
    {"eastern section of the Armenian-Azerbaijani border", "sitmap:border-east"},
    {"Eastern border", "sitmap:border-east"},
    {"the northern sector of the border", "sitmap:border-north"},
    // Abroad
    {"Brussels", "sitmap:brussels"},
    {"Bruxelles", "sitmap:brussels"},
    {"Брюссель", "sitmap:brussels"},
    {"Washington", "sitmap:washington"},
    {"Moscow", "sitmap:moscow"},
    {"Москва", "sitmap:moscow"},
    {"Sochi", "sitmap:sochi"},
    {"Prague", "sitmap:prague"},
    {"Praha", "sitmap:prague"},
    {"Chisinau", "sitmap:chisinau"},
    {"Chișinău", "sitmap:chisinau"},
    {"Kishinev", "sitmap:chisinau"},
    {"Tbilisi", "sitmap:tbilisi"},
    // Regions, lake, countries
    {"Nagorno-Karabakh", "sitmap:nagorno-karabakh"},
    {"Nagorno Karabakh", "sitmap:nagorno-karabakh"},
    {"Нагорный Карабах", "sitmap:nagorno-karabakh"},
    {"Artsakh", "sitmap:nagorno-karabakh"},
    {"Lake Sevan", "sitmap:lake-sevan"},
    {"Vayots Dzor", "sitmap:vayots-dzor"},
    {"Armenia", "country:AM"},
    {"Armenia's", "country:AM"},
    {"Հայաստան", "country:AM"},
    {"Azerbaijan", "country:AZ"},
    {"Azərbaycan", "country:AZ"},
    {"Russia", "country:RU"},
};

Resolution resolve(const char* query, const char* hint = nullptr) {
    GeocodeContext ctx;
    if (hint != nullptr) {
        ctx.country_hints.push_back(hint);
    }
    return geocoder().resolve(query, ctx);
}

std::string top_id(const Resolution& r) {
    return r.resolved && !r.candidates.empty() ? r.candidates.front().place->id : "(unresolved)";
}

std::string read_seed(const std::string& name) {
    std::ifstream in(std::filesystem::path(SITMAP_SEEDS_DIR) / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const TextMention* find_surface(const std::vector<TextMention>& mentions, std::string_view s) {
    for (const auto& m : mentions) {
        if (m.surface == s) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

TEST(Geocoder, SpellingTableHasAtLeastSixtyEntries) {
    EXPECT_GE(std::size(spellings), 60u);
}

TEST(Geocoder, EverySpellingResolvesToItsPlaceWithKnownCoordinates) {
    for (const Spelling& s : spellings) {
        const Resolution r = resolve(s.query, s.country_hint);
        ASSERT_EQ(top_id(r), s.id)
            << "query: " << s.query
            << (r.candidates.empty() ? "" : " reason: " + r.candidates.front().reason);
        const Candidate& c = r.candidates.front();
        EXPECT_GE(c.score, 0.5) << s.query;
        EXPECT_LE(c.score, 1.0) << s.query;
        EXPECT_FALSE(c.reason.empty()) << s.query;
        EXPECT_FALSE(c.matched.empty()) << s.query;
        const auto known = known_coordinates().find(s.id);
        if (known != known_coordinates().end()) {
            EXPECT_NEAR(c.place->anchor.lon, known->second.lon, 1e-4) << s.query;
            EXPECT_NEAR(c.place->anchor.lat, known->second.lat, 1e-4) << s.query;
        }
    }
}

TEST(Geocoder, MatchKindsAndScoresAreOrdered) {
    const Resolution exact = resolve("Sotk");
    const Resolution alias = resolve("Zot");
    const Resolution folded = resolve("sotk");
    const Resolution translit = resolve("Шуше");
    const Resolution fuzzy = resolve("Stepanakret");
    EXPECT_EQ(exact.candidates.front().match, MatchKind::exact);
    EXPECT_EQ(alias.candidates.front().match, MatchKind::alias);
    EXPECT_EQ(folded.candidates.front().match, MatchKind::folded);
    EXPECT_EQ(resolve("Шуша").candidates.front().match, MatchKind::exact);
    EXPECT_EQ(resolve("Xankendi").candidates.front().match, MatchKind::folded);
    EXPECT_EQ(resolve("Sotkum").candidates.front().match, MatchKind::folded);
    EXPECT_EQ(resolve("Yerewan").candidates.front().match, MatchKind::transliterated);
    EXPECT_EQ(fuzzy.candidates.front().match, MatchKind::fuzzy);
    EXPECT_EQ(resolve("the eastern sector of the border").candidates.front().match,
              MatchKind::phrase);
    EXPECT_DOUBLE_EQ(exact.candidates.front().score, 1.0);
    EXPECT_GT(exact.candidates.front().score, alias.candidates.front().score);
    EXPECT_GT(alias.candidates.front().score, folded.candidates.front().score);
    EXPECT_GT(folded.candidates.front().score, translit.candidates.front().score);
    EXPECT_GT(translit.candidates.front().score, fuzzy.candidates.front().score);
    EXPECT_EQ(fuzzy.candidates.front().matched, "Stepanakert");
    EXPECT_NE(fuzzy.candidates.front().reason.find("1 edit from 'Stepanakert'"), std::string::npos)
        << fuzzy.candidates.front().reason;
}

TEST(Geocoder, CyrillicTransliterationSaysSo) {
    const Resolution r = resolve("Шуши"); // Russian genitive, transliterates like Armenian Շուշի
    ASSERT_EQ(top_id(r), "sitmap:shusha");
    EXPECT_EQ(r.candidates.front().match, MatchKind::transliterated);
    EXPECT_NE(r.candidates.front().reason.find("transliteration"), std::string::npos);
}

TEST(Geocoder, AzerbaijaniNamesAsEnglishMediaSpellThem) {
    // Schwa as "a" and c as "j" (\u0130r\u0259van, Az\u0259rbaycan, Erm\u0259nistan are the
    // fixture's `az` names); fold() alone gives "irevan", "azerbaycan", "ermenistan".
    for (const auto& [query, id] :
         {std::pair{"Iravan", "sitmap:yerevan"}, std::pair{"Azarbayjan", "country:AZ"},
          std::pair{"Ermanistan", "country:AM"}}) {
        const Resolution r = resolve(query);
        ASSERT_EQ(top_id(r), id) << query;
        EXPECT_EQ(r.candidates.front().match, MatchKind::folded) << query;
        EXPECT_NE(r.candidates.front().reason.find("\u0259"), std::string::npos)
            << query
            << ": the reason names the Azerbaijani spelling: " << r.candidates.front().reason;
    }
}

TEST(Geocoder, PrecisionFollowsKindAndDescriptors) {
    EXPECT_EQ(resolve("Sotk").candidates.front().precision, GeoPrecision::exact);
    EXPECT_EQ(resolve("Brussels").candidates.front().precision, GeoPrecision::exact);
    EXPECT_EQ(resolve("Lachin corridor").candidates.front().precision, GeoPrecision::near);
    EXPECT_EQ(resolve("Lake Sevan").candidates.front().precision, GeoPrecision::near);
    EXPECT_EQ(resolve("eastern sector of the border").candidates.front().precision,
              GeoPrecision::region);
    EXPECT_EQ(resolve("Armenia").candidates.front().precision, GeoPrecision::region);
    EXPECT_EQ(resolve("Aghdam district").candidates.front().precision, GeoPrecision::region);
    const Resolution around = resolve("Sotk region");
    ASSERT_EQ(top_id(around), "sitmap:sotk");
    EXPECT_EQ(around.candidates.front().precision, GeoPrecision::near);
    EXPECT_NE(around.candidates.front().reason.find("'region'"), std::string::npos);
    EXPECT_EQ(resolve("near Goris").candidates.front().precision, GeoPrecision::near);
}

TEST(Geocoder, CommonWordsAndInventedNamesStayUnresolved) {
    for (const char* q : {"Sunday", "Ministry", "Defense", "Defence", "Thursday", "President",
                          "Ministry of Defense", "Blorptown", "Zzyzx", "Qwertyuiop", "Mordor",
                          "Foreign Ministry", "the"}) {
        const Resolution r = resolve(q);
        EXPECT_FALSE(r.resolved) << q << " -> " << top_id(r);
        EXPECT_LE(r.candidates.size(), 3u) << q;
    }
}

TEST(Geocoder, UnresolvedNamesGetAtMostThreeSuggestions) {
    const Resolution r = resolve("Sotq");
    EXPECT_FALSE(r.resolved);
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_LE(r.candidates.size(), 3u);
    EXPECT_EQ(r.candidates.front().place->id, "sitmap:sotk");
    EXPECT_LT(r.candidates.front().score, 0.5);
    EXPECT_NE(r.candidates.front().reason.find("suggestion"), std::string::npos);
    EXPECT_EQ(r.query, "Sotq");
}

TEST(Geocoder, MartuniWithoutContextIsTheLargerTownAndSaysItWasAmbiguous) {
    const Resolution r = resolve("Martuni");
    ASSERT_EQ(top_id(r), "sitmap:martuni-am");
    ASSERT_EQ(r.candidates.size(), 2u);
    EXPECT_EQ(r.candidates[1].place->id, "sitmap:martuni-nk");
    EXPECT_LT(r.candidates.front().score, 0.8);
    EXPECT_LT(r.candidates[1].score, r.candidates.front().score);
    EXPECT_NE(r.candidates.front().reason.find("2 places match"), std::string::npos);
    EXPECT_NE(r.candidates.front().reason.find("population"), std::string::npos);
}

TEST(Geocoder, MartuniDecidedByCountryHintBothWays) {
    const Resolution az = resolve("Martuni", "AZ");
    const Resolution am = resolve("Martuni", "am");
    EXPECT_EQ(top_id(az), "sitmap:martuni-nk");
    EXPECT_EQ(top_id(am), "sitmap:martuni-am");
    EXPECT_GT(az.candidates.front().score, 0.9);
    EXPECT_NE(az.candidates.front().reason.find("country hint"), std::string::npos);
    EXPECT_EQ(top_id(geocoder().resolve("Martuni, Azerbaijan")), "sitmap:martuni-nk");
    EXPECT_EQ(top_id(geocoder().resolve("Martuni (Armenia)")), "sitmap:martuni-am");
}

TEST(Geocoder, MartuniDecidedByNearbyPlacesBothWays) {
    GeocodeContext karabakh;
    karabakh.nearby_place_ids = {"sitmap:stepanakert"};
    const Resolution nk = geocoder().resolve("Martuni", karabakh);
    EXPECT_EQ(top_id(nk), "sitmap:martuni-nk");
    EXPECT_NE(nk.candidates.front().reason.find("from Stepanakert"), std::string::npos)
        << nk.candidates.front().reason;
    GeocodeContext sevan;
    sevan.nearby_place_ids = {"sitmap:vardenis"};
    EXPECT_EQ(top_id(geocoder().resolve("Martuni", sevan)), "sitmap:martuni-am");
}

TEST(Geocoder, AghdamTownVillageAndDistrict) {
    EXPECT_EQ(top_id(resolve("Aghdam")), "sitmap:aghdam");
    EXPECT_EQ(resolve("Aghdam").candidates.size(), 3u);
    GeocodeContext tovuz;
    tovuz.nearby_place_ids = {"sitmap:tovuz"};
    const Resolution village = geocoder().resolve("Aghdam", tovuz);
    EXPECT_EQ(top_id(village), "sitmap:aghdam-tovuz");
    EXPECT_NE(village.candidates.front().reason.find("nearby"), std::string::npos);
    EXPECT_EQ(top_id(geocoder().resolve("Aghdam (Tovuz)")), "sitmap:aghdam-tovuz");
    const Resolution district = resolve("Aghdam district");
    EXPECT_EQ(top_id(district), "sitmap:aghdam-district");
}

TEST(Geocoder, CountryHintOutsideLowersButKeepsTheOnlyMatch) {
    const Resolution r = resolve("Sotk", "AZ");
    EXPECT_EQ(top_id(r), "sitmap:sotk");
    EXPECT_LT(r.candidates.front().score, 0.9);
    EXPECT_NE(r.candidates.front().reason.find("outside the hinted countries"), std::string::npos);
}

TEST(Geocoder, BadInputIsAClearError) {
    auto error_of = [](std::string_view q) -> std::string {
        try {
            geocoder().resolve(q);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::bad_input);
            return e.what();
        }
        return {};
    };
    EXPECT_NE(error_of("").find("empty place name"), std::string::npos);
    EXPECT_NE(error_of("   \t").find("empty place name"), std::string::npos);
    const std::string long_name(10000, 'a');
    const std::string too_long = error_of(long_name);
    EXPECT_NE(too_long.find("10000 bytes"), std::string::npos) << too_long;
    EXPECT_NE(too_long.find("limit is 1000"), std::string::npos) << too_long;
    const std::string bad = error_of("Sot\xC3k");
    EXPECT_NE(bad.find("not valid UTF-8"), std::string::npos) << bad;
    EXPECT_NE(bad.find("offset 3"), std::string::npos) << bad;
    EXPECT_NE(error_of("\xFF\xFE").find("UTF-8"), std::string::npos);
    EXPECT_NE(error_of("\xED\xA0\x80").find("UTF-8"), std::string::npos); // a surrogate
}

TEST(Geocoder, MatchKindNames) {
    EXPECT_EQ(to_string(MatchKind::transliterated), "transliterated");
    EXPECT_EQ(to_string(MatchKind::phrase), "phrase");
    EXPECT_EQ(to_string(MatchKind::fuzzy), "fuzzy");
}

TEST(GeocoderReverse, PointOnSotkIsInSotk) {
    const ReverseResult r = geocoder().reverse({45.86472, 40.20306});
    ASSERT_NE(r.place, nullptr);
    EXPECT_EQ(r.place->id, "sitmap:sotk");
    EXPECT_LT(r.distance_m, 1.0);
    EXPECT_EQ(r.description, "in Sotk, Armenia");
}

TEST(GeocoderReverse, DescribesDistanceAndDirection) {
    const LonLat p{45.93, 40.24};
    const ReverseResult r = geocoder().reverse(p);
    ASSERT_EQ(r.place->id, "sitmap:sotk");
    const double d = distance_m(p, LonLat{45.86472, 40.20306});
    EXPECT_NEAR(r.distance_m, d, 1.0);
    EXPECT_NEAR(d, 6900.0, 100.0);
    EXPECT_EQ(r.description, "6.9 km NE of Sotk, Armenia");
    const ReverseResult west = geocoder().reverse({46.20, 39.52});
    EXPECT_EQ(west.place->id, "sitmap:goris");
    EXPECT_TRUE(
        std::regex_match(west.description, std::regex(R"(1[0-9]\.?[0-9]? km W of Goris, Armenia)")))
        << west.description;
}

TEST(GeocoderReverse, OutOfRangeThrows) {
    EXPECT_THROW(geocoder().reverse({200.0, 40.0}), Error);
    EXPECT_THROW(geocoder().reverse({45.0, -91.0}), Error);
    EXPECT_THROW(geocoder().reverse({std::nan(""), 40.0}), Error);
}

TEST(GeocoderMentions, FindsNamesSkipsCommonWordsAndKeepsOffsets) {
    const std::string text =
        "On Thursday, Azerbaijani forces fired at positions near Sotk’s school and in the Sotk "
        "region, the Defense Ministry said on Sunday. Talks in Brussels follow.";
    const auto mentions = geocoder().find_mentions(text);
    ASSERT_EQ(mentions.size(), 3u);
    EXPECT_EQ(mentions[0].surface, "Sotk’s");
    EXPECT_EQ(mentions[1].surface, "Sotk region");
    EXPECT_EQ(mentions[2].surface, "Brussels");
    EXPECT_EQ(top_id(mentions[0].resolution), "sitmap:sotk");
    EXPECT_EQ(top_id(mentions[1].resolution), "sitmap:sotk");
    EXPECT_EQ(mentions[1].resolution.candidates.front().precision, GeoPrecision::near);
    EXPECT_EQ(top_id(mentions[2].resolution), "sitmap:brussels");
    for (const auto& m : mentions) {
        EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
    }
}

TEST(GeocoderMentions, LongestMatchWins) {
    const std::string text = "a checkpoint on the Lachin Corridor road, not in Lachin itself";
    const auto mentions = geocoder().find_mentions(text);
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0].surface, "Lachin Corridor");
    EXPECT_EQ(top_id(mentions[0].resolution), "sitmap:lachin-corridor");
    EXPECT_EQ(mentions[1].surface, "Lachin");
    EXPECT_EQ(top_id(mentions[1].resolution), "sitmap:lachin");
}

TEST(GeocoderMentions, BorderSectorPhrases) {
    const std::string text = "units opened fire on positions located in the eastern sector of the "
                             "border, and later on the eastern part of the state border.";
    const auto mentions = geocoder().find_mentions(text);
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0].surface, "eastern sector of the border");
    EXPECT_EQ(mentions[1].surface, "eastern part of the state border");
    for (const auto& m : mentions) {
        EXPECT_EQ(top_id(m.resolution), "sitmap:border-east");
        EXPECT_EQ(m.resolution.candidates.front().precision, GeoPrecision::region);
    }
}

TEST(GeocoderMentions, ArmenianAndRussianInflections) {
    const std::string text = "Обстрел Шуши и Степанакерта. Սոթքում կրակոցներ.";
    const auto mentions = geocoder().find_mentions(text);
    ASSERT_EQ(mentions.size(), 3u);
    EXPECT_EQ(top_id(mentions[0].resolution), "sitmap:shusha");
    EXPECT_EQ(mentions[0].surface, "Шуши");
    EXPECT_EQ(top_id(mentions[1].resolution), "sitmap:stepanakert");
    EXPECT_EQ(top_id(mentions[2].resolution), "sitmap:sotk");
    EXPECT_EQ(mentions[2].surface, "Սոթքում");
}

TEST(GeocoderMentions, OtherPlacesInTheTextDecideAmbiguityBothWays) {
    const auto nk = geocoder().find_mentions("Shelling was reported in Stepanakert and Martuni.");
    ASSERT_EQ(nk.size(), 2u);
    EXPECT_EQ(top_id(nk[1].resolution), "sitmap:martuni-nk");
    const auto am = geocoder().find_mentions("Shelling was reported in Vardenis and Martuni.");
    ASSERT_EQ(am.size(), 2u);
    EXPECT_EQ(top_id(am[1].resolution), "sitmap:martuni-am");
}

TEST(GeocoderMentions, SurvivesInvalidUtf8AndEmptyText) {
    EXPECT_TRUE(geocoder().find_mentions("").empty());
    const std::string text = "bad \xFF\xFE bytes, then Goris.";
    const auto mentions = geocoder().find_mentions(text);
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].surface, "Goris");
}

TEST(GeocoderMentions, SeedArticleAboutSotk) {
    const std::string text = read_seed("000_5910880eccc6c8c0.txt");
    ASSERT_FALSE(text.empty());
    const auto mentions = geocoder().find_mentions(text);
    std::size_t previous_end = 0;
    for (const auto& m : mentions) {
        EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
        EXPECT_GE(m.begin, previous_end) << "overlap at " << m.surface;
        previous_end = m.end;
        for (const char* word : {"Sunday", "Thursday", "Defense", "Ministry", "Azerbaijani"}) {
            EXPECT_NE(m.surface, word);
        }
    }
    const TextMention* sotk = find_surface(mentions, "Sotk region");
    ASSERT_NE(sotk, nullptr);
    EXPECT_EQ(top_id(sotk->resolution), "sitmap:sotk");
    const TextMention* corridor = find_surface(mentions, "Lachin Corridor");
    ASSERT_NE(corridor, nullptr);
    EXPECT_EQ(top_id(corridor->resolution), "sitmap:lachin-corridor");
    ASSERT_NE(find_surface(mentions, "Brussels"), nullptr);
    ASSERT_NE(find_surface(mentions, "Washington"), nullptr);
    ASSERT_NE(find_surface(mentions, "Baku"), nullptr);
}

TEST(GeocoderMentions, SeedArticlesAboutShushaAndTheEasternSector) {
    const auto shusha = geocoder().find_mentions(read_seed("001_19f7addab04ee640.txt"));
    const TextMention* a = find_surface(shusha, "Shusha");
    const TextMention* b = find_surface(shusha, "Shushi");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(top_id(a->resolution), "sitmap:shusha");
    EXPECT_EQ(top_id(b->resolution), "sitmap:shusha");
    const auto east = geocoder().find_mentions(read_seed("002_d157015bd8b7b8f1.txt"));
    const TextMention* sector = find_surface(east, "eastern sector of the border");
    ASSERT_NE(sector, nullptr);
    EXPECT_EQ(top_id(sector->resolution), "sitmap:border-east");
}

TEST(GeocoderMentions, ACapitalisedWordWrittenInLowerCaseElsewhereIsNotAName) {
    const auto skipped =
        geocoder().find_mentions("Goris was quiet. Here goris is just a word in lower case.");
    EXPECT_TRUE(skipped.empty());
    const auto found = geocoder().find_mentions("Goris was quiet, and so was Kapan.");
    EXPECT_EQ(found.size(), 2u);
}

namespace {

// The bundled gazetteer (data/geojson/gazetteer.geojson), if this checkout has it.
const Gazetteer* bundled() {
    static const std::unique_ptr<Gazetteer> g = []() -> std::unique_ptr<Gazetteer> {
        const auto path = data_dir() / "geojson" / "gazetteer.geojson";
        if (!std::filesystem::exists(path)) {
            return nullptr;
        }
        return std::make_unique<Gazetteer>(Gazetteer::load(path));
    }();
    return g.get();
}

struct SeedPlace {
    const char* query;
    PlaceKind kind;
    LonLat where; // from public sources; the bundled feature must lie within 2 km
    const char* country_hint = nullptr;
};

} // namespace

TEST(GeocoderBundled, SeedPlacesResolveInTheBundledGazetteer) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    const SeedPlace places[] = {
        {"Sotk", PlaceKind::settlement, {45.86472, 40.20306}},
        {"Zod", PlaceKind::settlement, {45.86472, 40.20306}},
        {"Սոթք", PlaceKind::settlement, {45.86472, 40.20306}},
        {"Sotk's", PlaceKind::settlement, {45.86472, 40.20306}},
        {"Shusha", PlaceKind::settlement, {46.7483, 39.7583}},
        {"Shushi", PlaceKind::settlement, {46.7483, 39.7583}},
        {"Şuşa", PlaceKind::settlement, {46.7483, 39.7583}},
        {"Шуша", PlaceKind::settlement, {46.7483, 39.7583}},
        {"Lachin", PlaceKind::settlement, {46.54694, 39.64083}},
        {"Berdzor", PlaceKind::settlement, {46.54694, 39.64083}},
        {"Stepanakert", PlaceKind::settlement, {46.75194, 39.81528}},
        {"Khankendi", PlaceKind::settlement, {46.75194, 39.81528}},
        {"Xankəndi", PlaceKind::settlement, {46.75194, 39.81528}},
        {"Goris", PlaceKind::settlement, {46.3383, 39.5108}},
        {"Kornidzor", PlaceKind::settlement, {46.5311, 39.5481}},
        {"Martuni", PlaceKind::settlement, {47.11306, 39.79528}, "AZ"},
        {"Martuni", PlaceKind::settlement, {45.3045, 40.1377}, "AM"},
        {"Aghdam", PlaceKind::settlement, {46.93056, 39.99306}},
        {"Brussels", PlaceKind::city_abroad, {4.34878, 50.85045}},
        {"Washington", PlaceKind::city_abroad, {-77.03637, 38.89511}},
        {"Chisinau", PlaceKind::city_abroad, {28.8575, 47.00556}},
    };
    for (const SeedPlace& p : places) {
        GeocodeContext ctx;
        if (p.country_hint != nullptr) {
            ctx.country_hints.push_back(p.country_hint);
        }
        const Resolution r = g.resolve(p.query, ctx);
        ASSERT_TRUE(r.resolved) << p.query;
        const Candidate& c = r.candidates.front();
        EXPECT_EQ(c.place->kind, p.kind) << p.query << " -> " << c.place->id;
        EXPECT_LT(distance_m(c.place->anchor, p.where), 2000.0) << p.query << " -> " << c.place->id;
    }
    for (const char* phrase : {"Lachin corridor", "the Lachin corridor"}) {
        const Resolution r = g.resolve(phrase);
        ASSERT_TRUE(r.resolved) << phrase;
        EXPECT_EQ(r.candidates.front().place->kind, PlaceKind::corridor) << phrase;
    }
    for (const char* phrase :
         {"the eastern sector of the border", "the eastern part of the state border"}) {
        const Resolution r = g.resolve(phrase);
        ASSERT_TRUE(r.resolved) << phrase;
        EXPECT_EQ(r.candidates.front().place->kind, PlaceKind::border_sector) << phrase;
        // The eastern sector runs past Sotk.
        EXPECT_LT(distance_m(LonLat{45.86472, 40.20306}, r.candidates.front().place->geometry),
                  20000.0)
            << phrase;
    }
    for (const char* word : {"Sunday", "Ministry", "Defense", "Thursday", "Blorptown"}) {
        EXPECT_FALSE(g.resolve(word).resolved) << word;
    }
}

TEST(GeocoderBundled, VillagesOfKarabakhAsEnglishMediaSpellThem) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    // (spelling of Azerbaijani English-language media, district): the gazetteer has these under
    // GeoNames' romanisation (Vezhnali, Hartis, Dashveysalli) and their Azerbaijani names.
    for (const auto& [query, district] :
         {std::pair{"Vejnali", "Zangilan"}, std::pair{"Hartiz", "Gubadli"},
          std::pair{"Dash Veysalli", "Jabrayil"}, std::pair{"Shahvalli", "Jabrayil"},
          std::pair{"Kohnakend", "Lachin"}}) {
        const Resolution r = g.resolve(query);
        ASSERT_TRUE(r.resolved) << query;
        const Place& p = *r.candidates.front().place;
        EXPECT_EQ(p.country, "AZ") << query << " -> " << p.id;
        EXPECT_EQ(p.admin1, district) << query << " -> " << p.id;
        EXPECT_NE(r.candidates.front().match, MatchKind::fuzzy) << query << " -> " << p.id;
    }
    // "Jul" would otherwise meet the English spelling of the Azerbaijani name "Cul" of Artavan.
    const auto mentions = g.find_mentions("Jul 28 (news) - Shelling was reported in Sotk.");
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].surface, "Sotk");
}

TEST(GeocoderBundled, APhraseRunningPastANameWins) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    // Not "Armenia's border" and a pin at the city of Nakhchivan: the Nakhchivan sector.
    const auto mentions = g.find_mentions("Shots were fired along Armenia's border with "
                                          "Nakhichevan on Monday.");
    ASSERT_FALSE(mentions.empty());
    EXPECT_EQ(mentions.back().surface, "border with Nakhichevan");
    EXPECT_EQ(top_id(mentions.back().resolution), "sitmap:border-am-az-nakhchivan");
    for (const auto& m : mentions) {
        EXPECT_NE(top_id(m.resolution), "geonames:147429") << m.surface;
    }
}

TEST(GeocoderBundled, BareNakhchivanIsTheAutonomousRepublicNotItsCapital) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    for (const char* q : {"Nakhchivan", "Nakhichevan", "Nakhchivan Autonomous Republic"}) {
        const Resolution r = g.resolve(q);
        ASSERT_TRUE(r.resolved) << q;
        EXPECT_EQ(r.candidates.front().place->kind, PlaceKind::region) << q;
        EXPECT_EQ(r.candidates.front().precision, GeoPrecision::region) << q;
    }
    // The word of a settlement names the city; a district named after its town stays the town.
    for (const char* q : {"Nakhchivan city", "the city of Nakhchivan", "Shusha"}) {
        const Resolution r = g.resolve(q);
        ASSERT_TRUE(r.resolved) << q;
        EXPECT_EQ(r.candidates.front().place->kind, PlaceKind::settlement) << q;
    }
}

TEST(GeocoderBundled, SeedArticlesFindTheirPlacesInTheBundledGazetteer) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    const auto mentions = g.find_mentions(read_seed("003_1ae35c016cd00801.txt"));
    const TextMention* sotk = find_surface(mentions, "Sotk region");
    ASSERT_NE(sotk, nullptr);
    ASSERT_TRUE(sotk->resolution.resolved);
    EXPECT_LT(
        distance_m(sotk->resolution.candidates.front().place->anchor, LonLat{45.86472, 40.20306}),
        2000.0);
    EXPECT_EQ(sotk->resolution.candidates.front().precision, GeoPrecision::near);
    for (const auto& m : mentions) {
        for (const char* word : {"Sunday", "Thursday", "Defense", "Ministry", "Azerbaijani",
                                 "Armenian", "Russian", "European"}) {
            EXPECT_NE(m.surface, word);
        }
    }
    const auto east = g.find_mentions(read_seed("004_3605db3ac4ed118d.txt"));
    const TextMention* sector = find_surface(east, "eastern sector of the border");
    ASSERT_NE(sector, nullptr);
    EXPECT_EQ(sector->resolution.candidates.front().place->kind, PlaceKind::border_sector);
}

TEST(GeocoderMentions, AOneWordPlaceFollowedByASurnameIsAPerson) {
    const auto mentions =
        geocoder().find_mentions("Foreign Minister Goris Petrosyan spoke in Kapan on Friday.");
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions[0].surface, "Kapan");
}

TEST(GeocoderMentions, TheClosestCertainPlacesDecideFirst) {
    const std::string filler(800, ' ');
    const auto am = geocoder().find_mentions("Talks were held in Stepanakert." + filler +
                                             "Later, shots were fired near Vardenis and Martuni.");
    ASSERT_EQ(am.size(), 3u);
    EXPECT_EQ(top_id(am[2].resolution), "sitmap:martuni-am");
    const auto nk =
        geocoder().find_mentions("Talks were held in Vardenis." + filler +
                                 "Later, shots were fired near Stepanakert and Martuni.");
    ASSERT_EQ(nk.size(), 3u);
    EXPECT_EQ(top_id(nk[2].resolution), "sitmap:martuni-nk");
}

TEST(Geocoder, APlacesOwnNameBeatsAnotherPlacesAliasWhenPopulationIsUnknown) {
    // As in GeoNames, where a neighbouring village lists the town's name as an alternate name
    // and carries the town's population, while the town itself has none.
    auto place = [](std::string id, std::string name, std::vector<std::string> aliases,
                    std::int64_t population, LonLat where) {
        Place p;
        p.id = std::move(id);
        p.name = std::move(name);
        p.aliases = std::move(aliases);
        p.population = population;
        p.country = "AM";
        p.geometry = PointGeom{where};
        p.anchor = where;
        return p;
    };
    const Gazetteer g({place("t:sisian", "Sisian", {}, 0, {46.027, 39.522}),
                       place("t:hatsavan", "Hatsavan", {"Sisian"}, 15208, {45.970, 39.464})});
    const Geocoder geo(g);
    const Resolution r = geo.resolve("Sisian");
    ASSERT_EQ(top_id(r), "t:sisian");
    EXPECT_NE(r.candidates.front().reason.find("its own name"), std::string::npos)
        << r.candidates.front().reason;
}

namespace {

// A small invented world for the rules around names: two villages called Varzan in different
// districts, districts and a province as areas, a border with sectors.
Place invented(std::string id, std::string name, PlaceKind kind, std::string country,
               std::string admin1, std::int64_t population, LonLat where,
               std::vector<std::string> aliases = {}) {
    Place p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.kind = kind;
    p.country = std::move(country);
    p.admin1 = std::move(admin1);
    p.population = population;
    p.aliases = std::move(aliases);
    p.geometry = PointGeom{where};
    p.anchor = where;
    return p;
}

Place invented_area(std::string id, std::string name, std::string country, LonLat sw, LonLat ne,
                    std::vector<std::string> aliases = {}) {
    Place p = invented(std::move(id), std::move(name), PlaceKind::region, std::move(country), "", 0,
                       {(sw.lon + ne.lon) / 2, (sw.lat + ne.lat) / 2}, std::move(aliases));
    p.geometry = AreaGeom{{{Path{sw, {ne.lon, sw.lat}, ne, {sw.lon, ne.lat}, sw}}}};
    return p;
}

const Geocoder& invented_geocoder() {
    static const Gazetteer g({
        invented("t:varzan-north", "Varzan", PlaceKind::settlement, "AZ", "Dorud", 4000,
                 {45.50, 40.90}),
        invented("t:varzan-south", "Varzan", PlaceKind::settlement, "AZ", "Kelmar", 900,
                 {46.10, 39.90}),
        invented("t:dorud-town", "Dorud", PlaceKind::settlement, "AZ", "Dorud", 30000,
                 {45.60, 40.95}, {"Dorood"}),
        invented_area("t:dorud", "Dorud District", "AZ", {45.3, 40.7}, {45.9, 41.1}, {"Dorud"}),
        invented_area("t:kelmar", "Kelmar", "AZ", {45.9, 39.7}, {46.4, 40.2}),
        invented("t:kelmar-village", "Kelmar", PlaceKind::settlement, "AZ", "Kelmar", 1200,
                 {46.20, 40.00}),
        invented("t:tsaghik", "Tsaghik", PlaceKind::settlement, "AM", "Lernavan", 800,
                 {45.40, 40.85}, {"Chichekli"}),
        invented_area("t:lernavan", "Lernavan", "AM", {45.0, 40.6}, {45.45, 41.2}),
        invented("t:lernavan-village", "Lernavan", PlaceKind::settlement, "AM", "Lernavan", 600,
                 {45.20, 40.80}),
        invented("t:ostan", "Ostan", PlaceKind::settlement, "AM", "Lernavan", 300, {45.30, 40.75}),
        invented("t:gel", "Gel", PlaceKind::settlement, "AM", "Lernavan", 200, {45.10, 40.70}),
        invented("t:tashgrad", "Tashgrad", PlaceKind::city_abroad, "UZ", "", 2000000, {69.2, 41.3},
                 {"TAS"}),
        invented("t:zorak", "Zorak", PlaceKind::settlement, "AZ", "Kelmar", 500, {46.05, 39.95}),
        invented("t:verin-tsaghik", "Verin Tsaghik", PlaceKind::settlement, "AM", "Lernavan", 150,
                 {45.42, 40.88}, {"Yukhari Chichekli"}),
        invented("t:border", "Armenia–Azerbaijan border", PlaceKind::border_sector, "", "", 0,
                 {45.5, 40.5}, {"Armenian-Azerbaijani border", "Armenian border"}),
        invented("t:border-north", "northern sector of the border", PlaceKind::border_sector, "",
                 "", 0, {45.4, 40.9}, {"northern sector of the border"}),
        invented("t:corridor", "Ostan corridor", PlaceKind::corridor, "AZ", "", 0, {46.0, 39.6},
                 {"Tsaghik corridor"}),
        invented("country:AM", "Armenia", PlaceKind::country, "AM", "", 0, {45.0, 40.3}),
        invented("country:AZ", "Azerbaijan", PlaceKind::country, "AZ", "", 0, {47.5, 40.3}),
    });
    static const Geocoder geo(g);
    return geo;
}

std::string mention_id(const std::vector<TextMention>& mentions, std::string_view surface) {
    const TextMention* m = find_surface(mentions, surface);
    if (m == nullptr) {
        return "(no mention)";
    }
    return top_id(m->resolution);
}

} // namespace

TEST(GeocoderAreas, NamesakesWithoutContextAreFlaggedAmbiguousWithTheirReason) {
    const Resolution r = invented_geocoder().resolve("Varzan");
    ASSERT_EQ(top_id(r), "t:varzan-north");
    EXPECT_TRUE(r.ambiguous);
    EXPECT_LT(r.candidates.front().score, 0.8);
    EXPECT_NE(r.candidates.front().reason.find("ambiguous without context"), std::string::npos)
        << r.candidates.front().reason;
    // The only place of its name is not ambiguous.
    EXPECT_FALSE(invented_geocoder().resolve("Ostan").ambiguous);
}

TEST(GeocoderAreas, AQualifierNamingTheDistrictResolvesInsideIt) {
    for (const char* q : {"Varzan, Kelmar", "Varzan (Kelmar)", "Varzan in Kelmar district",
                          "Varzan, Kelmar District", "Varzan in Azerbaijan's Kelmar district"}) {
        const Resolution r = invented_geocoder().resolve(q);
        ASSERT_EQ(top_id(r), "t:varzan-south") << q;
        EXPECT_FALSE(r.ambiguous) << q;
        EXPECT_NE(r.candidates.front().reason.find("in Kelmar"), std::string::npos)
            << r.candidates.front().reason;
    }
    EXPECT_EQ(top_id(invented_geocoder().resolve("Varzan in Dorud District")), "t:varzan-north");
}

TEST(GeocoderAreas, NoPlaceOfTheNameInTheNamedAreaStaysUnresolvedWithANote) {
    const Resolution r = invented_geocoder().resolve("Ostan in Kelmar district");
    EXPECT_FALSE(r.resolved);
    EXPECT_NE(r.note.find("no place named 'Ostan' in Kelmar"), std::string::npos) << r.note;
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_LT(r.candidates.front().score, 0.5);
}

TEST(GeocoderAreas, ABareProvinceNameIsTheProvinceNotItsVillage) {
    const Resolution r = invented_geocoder().resolve("Lernavan");
    ASSERT_EQ(top_id(r), "t:lernavan");
    EXPECT_EQ(r.candidates.front().precision, GeoPrecision::region);
    EXPECT_EQ(top_id(invented_geocoder().resolve("Lernavan province")), "t:lernavan");
    EXPECT_EQ(top_id(invented_geocoder().resolve("the Kelmar region")), "t:kelmar");
    // A town a district is named after keeps its name.
    EXPECT_EQ(top_id(invented_geocoder().resolve("Dorud")), "t:dorud-town");
    EXPECT_EQ(top_id(invented_geocoder().resolve("Dorud district")), "t:dorud");
}

TEST(GeocoderAreas, RunningTextPlacesANameInTheDistrictWrittenWithIt) {
    const Geocoder& g = invented_geocoder();
    const char* sentences[] = {
        "Enemy units fired at the Varzan settlement of Kelmar district on Monday.",
        "Enemy units fired at Varzan village of the Kelmar region on Monday.",
        "Positions in Kelmar district's Varzan village came under fire.",
        "Positions near Varzan in Azerbaijan's Kelmar district came under fire.",
        "Positions near Varzan (Kelmar) came under fire.",
        "Positions near Varzan, Kelmar came under fire.",
        "Positions near the Varzan settlement of the Kelmar Autonomous Republic were shelled.",
    };
    for (const char* s : sentences) {
        const auto mentions = g.find_mentions(s);
        const TextMention* v = nullptr;
        for (const auto& m : mentions) {
            if (m.surface.starts_with("Varzan")) {
                v = &m;
            }
        }
        ASSERT_NE(v, nullptr) << s;
        EXPECT_EQ(top_id(v->resolution), "t:varzan-south") << s;
        EXPECT_FALSE(v->resolution.ambiguous) << s;
    }
    const auto republic = g.find_mentions("Fire hit the Kelmar Autonomous Republic.");
    EXPECT_EQ(mention_id(republic, "Kelmar Autonomous Republic"), "t:kelmar");
    const auto north = g.find_mentions("Shots were fired at Varzan settlement of Dorud district.");
    EXPECT_EQ(mention_id(north, "Varzan settlement"), "t:varzan-north");
}

TEST(GeocoderAreas, ANameInAnAreaWhereNoSuchPlaceIsStaysUnresolvedInText) {
    const auto mentions = invented_geocoder().find_mentions(
        "The enemy shelled the Ostan settlement of Kelmar district at night.");
    const TextMention* m = find_surface(mentions, "Ostan settlement");
    ASSERT_NE(m, nullptr);
    EXPECT_FALSE(m->resolution.resolved);
    EXPECT_NE(m->resolution.note.find("Kelmar"), std::string::npos) << m->resolution.note;
}

TEST(GeocoderAreas, ACloseSpellingOfANamesakeOutsideTheAreaNamedIsNotLocated) {
    // "Tsaghiq" is one letter from Tsaghik of Lernavan: written as a village of Kelmar, it is a
    // village the gazetteer lacks, not a false pin in another province.
    const Geocoder& g = invented_geocoder();
    const auto slot = [&](const std::string& s) -> std::optional<TextMention> {
        for (const auto& m : g.find_place_slots(s, g.find_mentions(s))) {
            if (m.surface.starts_with("Tsaghiq")) {
                return m;
            }
        }
        return std::nullopt;
    };
    for (const char* s : {"A herder from Kelmar district's Tsaghiq village was wounded.",
                          "A herder from the village of Tsaghiq in Kelmar was wounded."}) {
        const auto m = slot(s);
        ASSERT_TRUE(m.has_value()) << s;
        EXPECT_FALSE(m->resolution.resolved) << s << " -> " << top_id(m->resolution);
    }
    const auto m = slot("A herder from the village of Tsaghiq in Lernavan was wounded.");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(top_id(m->resolution), "t:tsaghik");
}

TEST(GeocoderAreas, APossessiveAreaQualifiesTheNameAfterIt) {
    const auto mentions = invented_geocoder().find_mentions(
        "Fire came from the Ostan settlement, Kelmar region's Varzan settlement and from "
        "Azerbaijan's Kelmar region.");
    EXPECT_EQ(mention_id(mentions, "Ostan settlement"), "t:ostan");
    EXPECT_EQ(mention_id(mentions, "Varzan settlement"), "t:varzan-south");
    EXPECT_EQ(mention_id(mentions, "Kelmar region"), "t:kelmar");
}

TEST(GeocoderAreas, AListOfProvincesIsNotOneInsideTheOther) {
    const auto mentions =
        invented_geocoder().find_mentions("Shelling was reported in Lernavan, Kelmar and Dorud.");
    EXPECT_EQ(mention_id(mentions, "Lernavan"), "t:lernavan");
    EXPECT_EQ(mention_id(mentions, "Kelmar"), "t:kelmar");
}

TEST(GeocoderAreas, ABracketedAliasResolvesBothNamesToOnePlace) {
    const Geocoder& g = invented_geocoder();
    const auto pair = g.find_mentions("Residents of Chichekli (Tsaghik) reported gunfire.");
    EXPECT_EQ(mention_id(pair, "Chichekli"), "t:tsaghik");
    EXPECT_EQ(mention_id(pair, "Tsaghik"), "t:tsaghik");
    const auto corridor = g.find_mentions("Traffic on the Tsaghik (Ostan) corridor stopped.");
    ASSERT_EQ(corridor.size(), 1u);
    EXPECT_EQ(corridor[0].surface, "Tsaghik (Ostan) corridor");
    EXPECT_EQ(top_id(corridor[0].resolution), "t:corridor");
}

TEST(GeocoderNotPlaces, NamesAfterARankOrBeforeAPatronymicArePersons) {
    const Geocoder& g = invented_geocoder();
    const char* sentences[] = {
        "As a result, junior sergeant Ostan Varzan Ali was wounded near Kelmar.",
        "The wounded serviceman Gel Ostan was taken to hospital in Kelmar.",
        "Varzan Ostan Rauf oglu, a resident, was injured in Kelmar.",
        "The soldier, Ostan Tsaghikyan, died in Kelmar.",
    };
    for (const char* s : sentences) {
        const auto mentions = g.find_mentions(s);
        ASSERT_EQ(mentions.size(), 1u) << s << ": " << mentions.front().surface;
        EXPECT_EQ(mentions[0].surface, "Kelmar") << s;
    }
}

TEST(GeocoderNotPlaces, AcronymsThatSpellAVillageAreNotPlaces) {
    const auto mentions =
        invented_geocoder().find_mentions("KELMAR, May 3 /GEL/. Fire was opened at Gel village.");
    ASSERT_EQ(mentions.size(), 2u);
    EXPECT_EQ(mentions[0].surface, "KELMAR");
    EXPECT_EQ(mentions[1].surface, "Gel village");
}

TEST(GeocoderNotPlaces, CapitalsMatchOnlyAsWritten) {
    // A news agency's name is no respelling of a city's code.
    const auto m = invented_geocoder().find_mentions("KELMAR, May 3 /TASS/. Fire hit Gel.");
    for (const auto& x : m) {
        EXPECT_NE(x.surface, "TASS");
    }
    const auto code = invented_geocoder().find_mentions("Flights from TAS resumed.");
    ASSERT_EQ(code.size(), 1u);
    EXPECT_EQ(top_id(code[0].resolution), "t:tashgrad");
}

TEST(GeocoderNotPlaces, AGenericBorderPhraseModifyingANounIsNotTheBorder) {
    const Geocoder& g = invented_geocoder();
    for (const char* s : {"The Armenian border guards said all was calm.",
                          "Troops were moved to the Armenian-Azerbaijani border area.",
                          "A shell hit an Armenian Border Village on Sunday."}) {
        const auto mentions = g.find_mentions(s);
        for (const auto& m : mentions) {
            EXPECT_NE(top_id(m.resolution), "t:border") << s << ": " << m.surface;
        }
    }
    const auto kept = g.find_mentions("Shots were fired along the Armenian-Azerbaijani border.");
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(top_id(kept[0].resolution), "t:border");
}

TEST(GeocoderPlaceSlots, NamesWrittenAsPlacesButUnknownAreReportedNotDropped) {
    const Geocoder& g = invented_geocoder();
    const std::string text = "Fire was opened from the village of Blorvank and from Zimrud "
                             "settlement in the direction of Ostan village and of Ostan.";
    const auto found = g.find_mentions(text);
    const auto slots = g.find_place_slots(text, found);
    ASSERT_EQ(slots.size(), 2u);
    EXPECT_EQ(slots[0].surface, "Blorvank");
    EXPECT_EQ(slots[1].surface, "Zimrud");
    for (const auto& s : slots) {
        EXPECT_FALSE(s.resolution.resolved) << s.surface;
        EXPECT_NE(s.resolution.note.find("not in the gazetteer"), std::string::npos)
            << s.resolution.note;
        EXPECT_EQ(text.substr(s.begin, s.end - s.begin), s.surface);
    }
    // One letter off a known village: resolved by spelling, and said so.
    const std::string typo = "Shots hit the village of Tsaghig on Tuesday.";
    const auto fixed = g.find_place_slots(typo, g.find_mentions(typo));
    ASSERT_EQ(fixed.size(), 1u);
    EXPECT_EQ(top_id(fixed[0].resolution), "t:tsaghik");
    EXPECT_NE(fixed[0].resolution.candidates.front().reason.find("written as a place"),
              std::string::npos);
}

TEST(GeocoderPlaceSlots, MentionsAndSlotsAtOnceAreWhatTheTwoCallsFind) {
    const Geocoder& g = invented_geocoder();
    const std::string text = "Fire was opened from the village of Blorvank and from Zimrud "
                             "settlement at Tsaghik. Shots hit the village of Tsaghig. Verin "
                             "Tsaghik was quiet.";
    const auto found = g.find_mentions(text);
    const auto slots = g.find_place_slots(text, found);
    const auto both = g.find_mentions_and_slots(text);
    const auto same = [](const std::vector<TextMention>& a, const std::vector<TextMention>& b) {
        ASSERT_EQ(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].surface, b[i].surface);
            EXPECT_EQ(a[i].begin, b[i].begin);
            EXPECT_EQ(a[i].end, b[i].end);
            EXPECT_EQ(top_id(a[i].resolution), top_id(b[i].resolution)) << a[i].surface;
            EXPECT_EQ(a[i].resolution.note, b[i].resolution.note);
        }
    };
    EXPECT_FALSE(found.empty());
    EXPECT_FALSE(slots.empty());
    same(both.mentions, found);
    same(both.slots, slots);
}

TEST(GeocoderMentions, AWordOfPositionMakesAnotherVillageNeverTheBareName) {
    const Geocoder& g = invented_geocoder();
    // Written as the gazetteer has it, and one letter off its Azerbaijani alias.
    EXPECT_EQ(mention_id(g.find_mentions("Shots came from Verin Tsaghik."), "Verin Tsaghik"),
              "t:verin-tsaghik");
    const auto close = g.find_mentions("Shots came from Yukhary Chichekli settlement.");
    EXPECT_EQ(mention_id(close, "Yukhary Chichekli settlement"), "t:verin-tsaghik");
    // A lower or upper village the gazetteer lacks is not the bare name's village.
    for (const char* s : {"Shots came from Nerkin Tsaghik.", "Shots came from Ashagi Chichekli.",
                          "Shots came from Nizhniy Ostan."}) {
        for (const auto& m : g.find_mentions(s)) {
            EXPECT_NE(top_id(m.resolution), "t:tsaghik") << s;
            EXPECT_NE(top_id(m.resolution), "t:ostan") << s;
        }
    }
    // The bare name is still its own village.
    EXPECT_EQ(mention_id(g.find_mentions("Shots came from Tsaghik."), "Tsaghik"), "t:tsaghik");
}

TEST(GeocoderMentions, APersonsHomeVillageIsNoClueToWhereOtherPlacesAre) {
    const Geocoder& g = invented_geocoder();
    // Zorak lies beside the smaller Varzan: named as a place of the news, it decides.
    EXPECT_EQ(mention_id(g.find_mentions("Shots hit Varzan and Zorak on Monday."), "Varzan"),
              "t:varzan-south");
    // Named as where a soldier is from, it says nothing of which Varzan was hit.
    for (const char* s : {"Shots hit Varzan on Monday; a 19-year-old from the village of Zorak "
                          "was wounded.",
                          "Shots hit Varzan on Monday. The wounded soldier, a native of Zorak, "
                          "is in hospital."}) {
        EXPECT_EQ(mention_id(g.find_mentions(s), "Varzan"), "t:varzan-north") << s;
    }
}

TEST(GeocoderMentions, APluralDescriptorAfterAListDescribesEachName) {
    const Geocoder& g = invented_geocoder();
    // Kelmar is a district and a village; "districts" after the list makes both areas.
    const auto areas = g.find_mentions("Fire hit positions in the Dorud and Kelmar districts.");
    EXPECT_EQ(mention_id(areas, "Dorud"), "t:dorud");
    EXPECT_EQ(mention_id(areas, "Kelmar districts"), "t:kelmar");
    // After a list, "settlements" names each place itself.
    const auto places = g.find_mentions("Fire came from the Ostan, Gel settlements.");
    EXPECT_EQ(mention_id(places, "Ostan"), "t:ostan");
    EXPECT_EQ(mention_id(places, "Gel settlements"), "t:gel");
    // Must not spread over a sentence break or other words.
    const auto apart = g.find_mentions("Dorud was calm. Fire hit the Kelmar districts.");
    EXPECT_EQ(mention_id(apart, "Dorud"), "t:dorud-town");
}

TEST(GeocoderBundled, ASectorPhraseTakesAnySpellingOfItsPlace) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    for (const char* s : {"A soldier was killed on the Nakhichevan border.",
                          "A soldier was killed on the Nakhijevan border.",
                          "A soldier was killed on the Nakhchivan border."}) {
        const auto m = g.find_mentions(s);
        ASSERT_EQ(m.size(), 1u) << s;
        EXPECT_EQ(top_id(m[0].resolution), "sitmap:border-am-az-nakhchivan") << s;
    }
}

TEST(GeocoderMentions, ADistrictTakesTheSpellingsOfTheTownItIsNamedAfter) {
    const Geocoder& g = invented_geocoder();
    // Only the town lists "Dorood"; with "district" the name is its district.
    const auto m = g.find_mentions("Fire hit positions in the Dorood district on Monday.");
    EXPECT_EQ(mention_id(m, "Dorood district"), "t:dorud");
    EXPECT_EQ(mention_id(g.find_mentions("Fire hit Dorood on Monday."), "Dorood"), "t:dorud-town");
}

TEST(GeocoderBundled, SameNameVillagesResolveInTheDistrictNamedWithThem) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    struct Case {
        const char* with_district;
        const char* expected;
    };
    const Case cases[] = {
        {"Aghdam in Azerbaijan's Tovuz district", "sitmap:az-aghdam-tovuz"},
        {"Aghdam, Tovuz district", "sitmap:az-aghdam-tovuz"},
        {"Zar, Kalbajar district", "sitmap:az-zar"},
        {"Zar, Kotayk", "geonames:616046"},
        {"Chinarli, Shamkir district", "geonames:az-51-chinarli"},
        {"Chinarli (Qakh)", "geonames:586845"},
        {"Martuni, Khojavend district", "sitmap:az-khojavend"},
    };
    for (const Case& c : cases) {
        const Resolution r = g.resolve(c.with_district);
        EXPECT_EQ(top_id(r), c.expected) << c.with_district;
        EXPECT_FALSE(r.ambiguous) << c.with_district;
    }
    // Alone: the best-known place, its reason, and the flag.
    for (const char* alone : {"Aghdam", "Chinarli", "Martuni", "Zar"}) {
        const Resolution r = g.resolve(alone);
        ASSERT_TRUE(r.resolved) << alone;
        EXPECT_TRUE(r.ambiguous) << alone;
        EXPECT_NE(r.candidates.front().reason.find("places match"), std::string::npos)
            << r.candidates.front().reason;
    }
    EXPECT_EQ(top_id(g.resolve("Aghdam")), "sitmap:az-aghdam");
    const auto text = g.find_mentions("Armenian units fired at the Aghdam settlement of Tovuz "
                                      "district and at Zar village of Kalbajar district.");
    EXPECT_EQ(mention_id(text, "Aghdam settlement"), "sitmap:az-aghdam-tovuz");
    EXPECT_EQ(mention_id(text, "Zar village"), "sitmap:az-zar");
}

TEST(GeocoderBundled, ProvincesAndBracketedAliasesInTheBundledGazetteer) {
    if (bundled() == nullptr) {
        GTEST_SKIP() << "no bundled gazetteer in " << data_dir();
    }
    const Geocoder g(*bundled());
    for (const char* province : {"Gegharkunik", "Tavush", "Gegharkunik province"}) {
        const Resolution r = g.resolve(province);
        ASSERT_TRUE(r.resolved) << province;
        EXPECT_EQ(r.candidates.front().place->kind, PlaceKind::region) << province;
    }
    const auto corridor = g.find_mentions("Traffic along the Berdzor (Lachin) corridor resumed.");
    ASSERT_EQ(corridor.size(), 1u);
    EXPECT_EQ(corridor[0].resolution.candidates.front().place->kind, PlaceKind::corridor);
    const auto pair = g.find_mentions("Sirens sounded in Khankendi (Stepanakert) and in Zod "
                                      "(Sotk).");
    EXPECT_EQ(mention_id(pair, "Khankendi"), mention_id(pair, "Stepanakert"));
    EXPECT_EQ(mention_id(pair, "Zod"), "sitmap:sotk");
    EXPECT_EQ(mention_id(pair, "Sotk"), "sitmap:sotk");
    const auto person =
        g.find_mentions("As a result, first lieutenant Badalli Ramal Bahlul was wounded.");
    EXPECT_TRUE(person.empty()) << person.front().surface;
    const auto service =
        g.find_mentions("The State Border Service of Azerbaijan and the Armenian border "
                        "guards reported calm in the border area.");
    for (const auto& m : service) {
        EXPECT_NE(m.resolution.candidates.front().place->kind, PlaceKind::border_sector)
            << m.surface;
    }
}

// A curated name that opens with a common word is found in running text; such a name of any
// other source (a romanisation) is not.
TEST(GeocoderMentions, CuratedNamesOpeningWithACommonWord) {
    std::vector<Place> places;
    const auto point = [](std::string id, std::string name, std::string source, double lon,
                          std::vector<std::string> aliases) {
        Place p;
        p.id = std::move(id);
        p.name = std::move(name);
        p.kind = PlaceKind::checkpoint;
        p.country = "AZ";
        p.source = std::move(source);
        p.aliases = std::move(aliases);
        p.anchor = LonLat{lon, 39.55};
        p.geometry = PointGeom{p.anchor};
        return p;
    };
    places.push_back(point("sitmap:post", "Upper Post", "sitmap curated: written for this test",
                           46.55, {"checkpoint on the Upper road"}));
    places.push_back(
        point("geonames:1", "Lower Post", "GeoNames cities500", 46.60, {"gate of the Lower road"}));
    const Gazetteer g(std::move(places));
    const Geocoder coder(g);
    const std::string text = "Troops at the checkpoint on the Upper road and the gate of the Lower "
                             "road were on alert.";
    const auto found = coder.find_mentions(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].surface, "checkpoint on the Upper road");
    EXPECT_EQ(top_id(found[0].resolution), "sitmap:post");
}
