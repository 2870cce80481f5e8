#pragma once
// A small hand-made gazetteer for extraction tests: the places of the seed articles and a few
// others, with approximate coordinates. Independent of the bundled data, so rule tests stay stable.

#include "geo/gazetteer/gazetteer.hpp"

#include <string>
#include <vector>

namespace sitmap::test {

inline geo::Place test_place(std::string id, std::string name, geo::PlaceKind kind,
                             std::string country, double lon, double lat,
                             std::vector<std::string> aliases = {}) {
    geo::Place p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.kind = kind;
    p.country = std::move(country);
    p.aliases = std::move(aliases);
    p.anchor = geo::LonLat{lon, lat};
    p.geometry = geo::PointGeom{p.anchor};
    p.source = "test";
    return p;
}

inline geo::Gazetteer extract_test_gazetteer() {
    using geo::PlaceKind;
    std::vector<geo::Place> places{
        test_place("test:sotk", "Sotk", PlaceKind::settlement, "AM", 45.8647, 40.2031,
                   {"Zod", "Sotka"}),
        test_place("test:verin-shorzha", "Verin Shorzha", PlaceKind::settlement, "AM", 45.75,
                   40.25),
        test_place("test:norabak", "Norabak", PlaceKind::settlement, "AM", 45.83, 40.12),
        test_place("test:tegh", "Tegh", PlaceKind::settlement, "AM", 46.47, 39.55),
        test_place("test:jermuk", "Jermuk", PlaceKind::settlement, "AM", 45.67, 39.84),
        test_place("test:goris", "Goris", PlaceKind::settlement, "AM", 46.34, 39.51),
        test_place("test:kornidzor", "Kornidzor", PlaceKind::settlement, "AM", 46.45, 39.48),
        test_place("test:gegharkunik", "Gegharkunik", PlaceKind::region, "AM", 45.3, 40.2,
                   {"Gegharkunik province"}),
        test_place("test:kalbajar", "Kalbajar", PlaceKind::settlement, "AZ", 46.04, 40.1,
                   {"Kelbajar"}),
        [] {
            geo::Place p = test_place("test:shusha", "Shusha", PlaceKind::settlement, "AZ", 46.75,
                                      39.76, {"Shushi"});
            p.admin1 = "Shusha"; // in Nagorno-Karabakh
            return p;
        }(),
        test_place("test:lachin-corridor", "Lachin corridor", PlaceKind::corridor, "", 46.5, 39.6,
                   {"Lachin Corridor"}),
        test_place("test:hakari-bridge", "Hakari bridge", PlaceKind::checkpoint, "AZ", 46.52, 39.47,
                   {"Hakari bridge checkpoint"}),
        // The id the extraction puts fire without a place at (geo/extract/extract.cpp).
        test_place("sitmap:border-am-az", "Armenia–Azerbaijan border", PlaceKind::border_sector, "",
                   45.8, 40.0, {"Armenia-Azerbaijan border"}),
        test_place("test:eastern-sector", "Eastern sector of the Armenia-Azerbaijan border",
                   PlaceKind::border_sector, "", 45.9, 40.15,
                   {"eastern sector of the border", "eastern part of the border"}),
        test_place("test:nagorno-karabakh", "Nagorno-Karabakh", PlaceKind::region, "AZ", 46.7,
                   39.8),
        test_place("test:yerevan", "Yerevan", PlaceKind::capital, "AM", 44.51, 40.18),
        test_place("test:baku", "Baku", PlaceKind::capital, "AZ", 49.87, 40.41),
        test_place("test:armenia", "Armenia", PlaceKind::country, "AM", 45.0, 40.1),
        test_place("test:azerbaijan", "Azerbaijan", PlaceKind::country, "AZ", 47.5, 40.3),
        test_place("test:russia", "Russia", PlaceKind::country, "RU", 44.0, 45.0),
        test_place("test:moldova", "Moldova", PlaceKind::country, "MD", 28.5, 47.0),
        test_place("test:washington", "Washington", PlaceKind::city_abroad, "US", -77.04, 38.9),
        test_place("test:brussels", "Brussels", PlaceKind::city_abroad, "BE", 4.35, 50.85),
        test_place("test:moscow", "Moscow", PlaceKind::city_abroad, "RU", 37.62, 55.75),
        test_place("test:chisinau", "Chisinau", PlaceKind::city_abroad, "MD", 28.86, 47.01),
        test_place("test:sochi", "Sochi", PlaceKind::city_abroad, "RU", 39.72, 43.6),
        test_place("test:prague", "Prague", PlaceKind::city_abroad, "CZ", 14.42, 50.09),
    };
    // Invented areas, one inside the other (outlines, not points).
    const auto area = [](std::string id, std::string name, geo::LonLat sw, geo::LonLat ne) {
        geo::Place p = test_place(std::move(id), std::move(name), geo::PlaceKind::region, "AZ",
                                  (sw.lon + ne.lon) / 2, (sw.lat + ne.lat) / 2);
        p.geometry = geo::AreaGeom{{{geo::Path{sw, {ne.lon, sw.lat}, ne, {sw.lon, ne.lat}, sw}}}};
        return p;
    };
    places.push_back(area("test:upland", "Upland", {47.0, 39.4}, {47.6, 40.0}));
    places.push_back(area("test:lowdale", "Lowdale District", {47.1, 39.5}, {47.3, 39.7}));
    places.push_back(area("test:highmoor", "Highmoor District", {47.7, 39.5}, {47.9, 39.7}));
    // The province of the Gegharkunik villages, as the real gazetteer's admin1 gives it.
    for (geo::Place& p : places) {
        if (p.id == "test:sotk" || p.id == "test:verin-shorzha" || p.id == "test:norabak") {
            p.admin1 = "Gegharkunik";
        }
    }
    return geo::Gazetteer(std::move(places));
}

} // namespace sitmap::test
