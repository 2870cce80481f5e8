// Checks the committed data files (data/geojson/*.geojson) through GDAL directly: they open, every
// geometry is valid, ids are unique, every feature names its source, and the places the seed
// articles name are there with the right kind, country and position.
#include "geo/core/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

using namespace sitmap::geo;
namespace fs = std::filesystem;

namespace {

const fs::path data_dir = fs::path(SITMAP_SOURCE_DIR) / "data" / "geojson";

const std::vector<std::string> basemap_files = {
    "countries.geojson", "admin1.geojson", "borders.geojson", "nagorno_karabakh.geojson",
    "lakes.geojson",     "rivers.geojson", "corridor.geojson"};

GDALDatasetUniquePtr open_vector(const fs::path& path) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, nullptr, nullptr));
}

Path to_path(const OGRSimpleCurve& curve) {
    Path out;
    for (const auto& p : curve) {
        out.push_back({p.getX(), p.getY()});
    }
    return out;
}

std::vector<Path> to_rings(const OGRPolygon& poly) {
    std::vector<Path> rings;
    for (const auto* ring : poly) {
        rings.push_back(to_path(*ring));
    }
    return rings;
}

// OGR geometry -> sitmap's plain geometry, so the tests measure with geo/core/geometry.cpp.
Geometry to_geometry(const OGRGeometry& g) {
    switch (OGR_GT_Flatten(g.getGeometryType())) {
    case wkbPoint:
        return PointGeom{{g.toPoint()->getX(), g.toPoint()->getY()}};
    case wkbLineString:
        return LinesGeom{{to_path(*g.toLineString())}};
    case wkbMultiLineString: {
        LinesGeom lines;
        for (const auto* l : g.toMultiLineString()) {
            lines.lines.push_back(to_path(*l));
        }
        return lines;
    }
    case wkbPolygon:
        return AreaGeom{{to_rings(*g.toPolygon())}};
    case wkbMultiPolygon: {
        AreaGeom area;
        for (const auto* p : g.toMultiPolygon()) {
            area.polygons.push_back(to_rings(*p));
        }
        return area;
    }
    default:
        ADD_FAILURE() << "unexpected geometry type " << g.getGeometryName();
        return PointGeom{};
    }
}

struct Entry {
    std::string name;
    std::string kind;
    std::string country;
    std::string admin1;
    std::string source;
    std::vector<std::string> aliases;
    Geometry geometry;
    std::optional<LonLat> anchor; // anchor_lon/anchor_lat, areas only
};

// The gazetteer, read once for all tests.
const std::map<std::string, Entry>& gazetteer() {
    static const std::map<std::string, Entry> entries = [] {
        std::map<std::string, Entry> out;
        auto ds = open_vector(data_dir / "gazetteer.geojson");
        if (!ds) {
            ADD_FAILURE() << "cannot open gazetteer.geojson";
            return out;
        }
        for (auto& f : *ds->GetLayer(0)) {
            Entry e;
            e.name = f->GetFieldAsString("name");
            e.kind = f->GetFieldAsString("kind");
            e.country = f->GetFieldAsString("country");
            e.admin1 = f->GetFieldAsString("admin1");
            e.source = f->GetFieldAsString("source");
            if (char** list = f->GetFieldAsStringList("aliases")) {
                for (; *list != nullptr; ++list) {
                    e.aliases.emplace_back(*list);
                }
            }
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                e.geometry = to_geometry(*g);
            }
            const int lon = f->GetFieldIndex("anchor_lon");
            const int lat = f->GetFieldIndex("anchor_lat");
            if (lon >= 0 && lat >= 0 && f->IsFieldSetAndNotNull(lon)) {
                e.anchor = LonLat{f->GetFieldAsDouble(lon), f->GetFieldAsDouble(lat)};
            }
            out.emplace(f->GetFieldAsString("id"), std::move(e));
        }
        return out;
    }();
    return entries;
}

const Entry& entry(const std::string& id) {
    static const Entry missing{};
    const auto it = gazetteer().find(id);
    if (it == gazetteer().end()) {
        ADD_FAILURE() << "no gazetteer entry " << id;
        return missing;
    }
    return it->second;
}

bool has_name(const Entry& e, const std::string& name) {
    return e.name == name || std::find(e.aliases.begin(), e.aliases.end(), name) != e.aliases.end();
}

// The id of the place (settlement, capital or city abroad) of a country called `name`, by its
// name or an alias: seed places are looked up this way because a curated entry (the villages
// table) may replace a GeoNames one and bring its own id. Real namesakes exist (a village Vardenis
// in Aragatsotn besides the town in Gegharkunik, a Lachin in Kalbajar besides the town): the
// curated entry is the one the seeds mean; two candidates that are both curated, or neither, fail.
std::string place(const std::string& name, const std::string& country) {
    std::vector<std::string> by_name, by_alias;
    for (const auto& [id, e] : gazetteer()) {
        if ((e.kind != "settlement" && e.kind != "capital" && e.kind != "city_abroad") ||
            e.country != country) {
            continue;
        }
        if (e.name == name) {
            by_name.push_back(id);
        } else if (has_name(e, name)) {
            by_alias.push_back(id);
        }
    }
    auto found = by_name.empty() ? by_alias : by_name;
    const auto curated = [](const std::string& id) { return id.rfind("sitmap:", 0) == 0; };
    if (found.size() > 1 && std::count_if(found.begin(), found.end(), curated) == 1) {
        found = {*std::find_if(found.begin(), found.end(), curated)};
    }
    if (found.size() != 1) {
        ADD_FAILURE() << found.size() << " places called " << name << " in " << country;
        return found.empty() ? std::string() : found.front();
    }
    return found.front();
}

LonLat anchor(const std::string& id) {
    const Entry& e = entry(id);
    if (const auto* p = std::get_if<PointGeom>(&e.geometry)) {
        return p->point;
    }
    return representative_point(e.geometry);
}

} // namespace

TEST(DataFiles, EveryFileOpensAndEveryGeometryIsValid) {
    std::vector<std::string> files = basemap_files;
    files.emplace_back("gazetteer.geojson");
    for (const auto& name : files) {
        SCOPED_TRACE(name);
        auto ds = open_vector(data_dir / name);
        ASSERT_TRUE(ds) << "cannot open " << (data_dir / name);
        ASSERT_EQ(ds->GetLayerCount(), 1);
        OGRLayer* layer = ds->GetLayer(0);
        EXPECT_GT(layer->GetFeatureCount(), 0);
        for (auto& f : *layer) {
            const OGRGeometry* g = f->GetGeometryRef();
            ASSERT_NE(g, nullptr) << "feature " << f->GetFID() << " has no geometry";
            EXPECT_FALSE(g->IsEmpty()) << "feature " << f->GetFID();
            EXPECT_TRUE(g->IsValid()) << "feature " << f->GetFID() << " invalid";
            OGREnvelope env;
            g->getEnvelope(&env);
            EXPECT_GE(env.MinX, -180.0);
            EXPECT_LE(env.MaxX, 180.0);
            EXPECT_GE(env.MinY, -90.0);
            EXPECT_LE(env.MaxY, 90.0);
        }
    }
}

TEST(DataFiles, BasemapLayersAreClippedAndSmall) {
    std::uintmax_t total = 0;
    for (const auto& name : basemap_files) {
        SCOPED_TRACE(name);
        total += fs::file_size(data_dir / name);
        auto ds = open_vector(data_dir / name);
        ASSERT_TRUE(ds);
        OGREnvelope env;
        ASSERT_EQ(ds->GetLayer(0)->GetExtent(&env), OGRERR_NONE);
        const bool inset = name == "countries.geojson";
        EXPECT_GE(env.MinX, inset ? 26.0 : 37.0);
        EXPECT_LE(env.MaxX, inset ? 60.0 : 53.0);
        EXPECT_GE(env.MinY, inset ? 30.0 : 36.5);
        EXPECT_LE(env.MaxY, inset ? 50.0 : 45.0);
    }
    EXPECT_LT(total, 1'500'000u);
    EXPECT_LT(fs::file_size(data_dir / "gazetteer.geojson"), 3'000'000u);
}

TEST(DataFiles, GazetteerIdsAreUniqueAndEveryFeatureHasASource) {
    auto ds = open_vector(data_dir / "gazetteer.geojson");
    ASSERT_TRUE(ds);
    const std::set<std::string> kinds = {"settlement",    "capital",     "region",     "country",
                                         "border_sector", "corridor",    "checkpoint", "bridge",
                                         "lake",          "city_abroad", "height",     "pass",
                                         "river"};
    std::set<std::string> ids;
    std::string previous;
    for (auto& f : *ds->GetLayer(0)) {
        const std::string id = f->GetFieldAsString("id");
        SCOPED_TRACE(id);
        EXPECT_TRUE(ids.insert(id).second) << "duplicate id";
        EXPECT_LT(previous, id) << "features are not sorted by id";
        previous = id;
        EXPECT_FALSE(std::string(f->GetFieldAsString("name")).empty());
        EXPECT_FALSE(std::string(f->GetFieldAsString("source")).empty());
        EXPECT_EQ(kinds.count(f->GetFieldAsString("kind")), 1u) << f->GetFieldAsString("kind");
        const std::string country = f->GetFieldAsString("country");
        const std::string kind = f->GetFieldAsString("kind");
        if (kind == "border_sector" || kind == "river") {
            EXPECT_TRUE(country.empty());
        } else {
            EXPECT_EQ(country.size(), 2u);
        }
    }
    EXPECT_GT(ids.size(), 1000u);
}

TEST(DataFiles, FeaturesInOtherLayersHaveIdsOrNamesAndTheirSchema) {
    struct Schema {
        std::string file;
        std::vector<std::string> fields;
    };
    const std::vector<Schema> schemas = {
        {"countries.geojson", {"iso_a2", "name"}},
        {"admin1.geojson",
         {"id", "iso_3166_2", "name", "name_hy", "name_ru", "name_az", "country"}},
        {"borders.geojson", {"id", "name", "countries", "sector"}},
        {"nagorno_karabakh.geojson", {"id", "name", "boundary_note", "boundary_date"}},
        {"lakes.geojson", {"name"}},
        {"rivers.geojson", {"name"}},
        {"corridor.geojson", {"id", "name", "schematic"}}};
    for (const auto& s : schemas) {
        SCOPED_TRACE(s.file);
        auto ds = open_vector(data_dir / s.file);
        ASSERT_TRUE(ds);
        OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
        for (const auto& field : s.fields) {
            EXPECT_GE(defn->GetFieldIndex(field.c_str()), 0) << "missing field " << field;
        }
        if (s.fields.front() == "id") {
            std::set<std::string> ids;
            for (auto& f : *ds->GetLayer(0)) {
                EXPECT_TRUE(ids.insert(f->GetFieldAsString("id")).second)
                    << "duplicate id " << f->GetFieldAsString("id");
            }
        }
    }
}

// Seed places. Positions: Sotk and Lachin from Wikipedia (cited in data/README.md); the others
// are the GeoNames coordinates the entries were built from.
TEST(DataFiles, SeedPlacesResolveWithKindCountryAndPosition) {
    struct Seed {
        std::string name, kind, country;
        LonLat at;
    };
    const std::vector<Seed> seeds = {
        {"Sotk", "settlement", "AM", {45.86472, 40.20306}},
        {"Shusha", "settlement", "AZ", {46.74989, 39.76006}},
        {"Lachin", "settlement", "AZ", {46.54694, 39.64083}},
        {"Stepanakert", "settlement", "AZ", {46.75280, 39.81770}},
        {"Goris", "settlement", "AM", {46.34168, 39.51111}},
        {"Kornidzor", "settlement", "AM", {46.53046, 39.54763}},
        {"Tegh", "settlement", "AM", {46.48054, 39.55826}},
        {"Yerevan", "capital", "AM", {44.51361, 40.18111}},
        {"Baku", "capital", "AZ", {49.89201, 40.37767}},
        {"Vardenis", "settlement", "AM", {45.73053, 40.18329}},
        {"Jermuk", "settlement", "AM", {45.66949, 39.84168}},
        {"Brussels", "city_abroad", "BE", {4.34878, 50.85045}},
        {"Washington", "city_abroad", "US", {-77.03637, 38.89511}},
        {"Moscow", "city_abroad", "RU", {37.61556, 55.75222}},
        {"Sochi", "city_abroad", "RU", {39.72569, 43.59917}},
        {"Chisinau", "city_abroad", "MD", {28.8575, 47.00556}},
        {"Prague", "city_abroad", "CZ", {14.42076, 50.08804}},
    };
    for (const auto& s : seeds) {
        SCOPED_TRACE(s.name);
        const std::string id = place(s.name, s.country);
        EXPECT_TRUE(id.rfind("geonames:", 0) == 0 || id.rfind("sitmap:", 0) == 0) << id;
        const Entry& e = entry(id);
        EXPECT_EQ(e.kind, s.kind);
        ASSERT_TRUE(std::holds_alternative<PointGeom>(e.geometry));
        EXPECT_LT(distance_m(anchor(id), s.at), 1000.0);
    }
    // The project's own stable ids.
    EXPECT_EQ(place("Sotk", "AM"), "sitmap:sotk");
    const Entry& checkpoint = entry("sitmap:hakari-checkpoint");
    EXPECT_EQ(checkpoint.kind, "checkpoint");
    EXPECT_EQ(checkpoint.country, "AZ");
    EXPECT_LT(distance_m(anchor("sitmap:hakari-checkpoint"), {46.5530, 39.5490}), 1.0);
    EXPECT_EQ(entry("sitmap:hakari-bridge").kind, "bridge");
}

// The curated Latin alias table: each side's name reaches the same place.
TEST(DataFiles, ConflictNamesAreAliasesOfOnePlace) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> same = {
        {"Shusha", {"Shushi", "Şuşa"}},
        {"Lachin", {"Berdzor", "Laçın"}},
        {"Stepanakert", {"Khankendi", "Xankəndi"}},
        {"Kalbajar", {"Kəlbəcər", "Karvachar"}},
        {"Sotk", {"Zod"}}};
    for (const auto& [name, others] : same) {
        const std::string country = name == "Sotk" ? "AM" : "AZ";
        const Entry& e = entry(place(name, country));
        for (const auto& other : others) {
            EXPECT_TRUE(has_name(e, other)) << name << " lacks " << other;
        }
    }
    EXPECT_TRUE(has_name(entry(place("Vardenis", "AM")), "Basarkechar"));
}

TEST(DataFiles, AreasAndLinesNamedInTheSeedsExist) {
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"sitmap:nagorno-karabakh", "region"},
        {"sitmap:lachin-corridor", "corridor"},
        {"sitmap:border-am-az", "border_sector"},
        {"sitmap:border-am-az-eastern", "border_sector"},
        {"sitmap:border-am-az-northern", "border_sector"},
        {"sitmap:border-am-az-vayots-dzor", "border_sector"},
        {"sitmap:border-am-az-southern", "border_sector"},
        {"sitmap:border-am-az-nakhchivan", "border_sector"},
        {"country:AM", "country"},
        {"country:AZ", "country"},
        {"country:RU", "country"},
        {"country:US", "country"},
        {"country:BE", "country"},
        {"country:MD", "country"},
        {"country:CZ", "country"},
        {"country:TR", "country"},
        {"country:FR", "country"},
        {"country:DE", "country"},
        {"country:UA", "country"},
        {"ne:AM-GR", "region"},
        {"ne:AZ-LAC", "region"},

        {"ne:AZ-KAL", "region"}};
    for (const auto& [id, kind] : expected) {
        EXPECT_EQ(entry(id).kind, kind) << id;
    }
    EXPECT_TRUE(std::holds_alternative<AreaGeom>(entry("sitmap:nagorno-karabakh").geometry));
    EXPECT_TRUE(std::holds_alternative<LinesGeom>(entry("sitmap:lachin-corridor").geometry));
    EXPECT_TRUE(std::holds_alternative<AreaGeom>(entry("country:AM").geometry));
}

TEST(DataFiles, CorridorPassesKornidzorAndLachin) {
    const Geometry& corridor = entry("sitmap:lachin-corridor").geometry;
    EXPECT_LT(distance_m(anchor(place("Kornidzor", "AM")), corridor), 2000.0);
    EXPECT_LT(distance_m(anchor(place("Lachin", "AZ")), corridor), 2000.0);
    EXPECT_LT(distance_m(anchor(place("Goris", "AM")), corridor), 2000.0);       // Goris
    EXPECT_LT(distance_m(anchor(place("Stepanakert", "AZ")), corridor), 2000.0); // Stepanakert
    EXPECT_LT(distance_m(anchor("sitmap:hakari-checkpoint"), corridor), 2000.0);
    EXPECT_GT(distance_m(anchor(place("Yerevan", "AM")), corridor), 100000.0); // not near Yerevan
}

TEST(DataFiles, BorderSectorsLieWhereReportsPutThem) {
    const std::vector<std::string> sectors = {"northern", "eastern", "vayots-dzor", "southern",
                                              "nakhchivan"};
    auto nearest_sector = [&](const LonLat& p) {
        std::string best;
        double best_d = 1e12;
        for (const auto& s : sectors) {
            const double d = distance_m(p, entry("sitmap:border-am-az-" + s).geometry);
            if (d < best_d) {
                best_d = d;
                best = s;
            }
        }
        return best;
    };
    const LonLat sotk = anchor("sitmap:sotk");
    EXPECT_LT(distance_m(sotk, entry("sitmap:border-am-az-eastern").geometry), 15000.0);
    EXPECT_EQ(nearest_sector(sotk), "eastern");
    EXPECT_EQ(nearest_sector(anchor(place("Vardenis", "AM"))), "eastern");   // Vardenis
    EXPECT_EQ(nearest_sector(anchor(place("Jermuk", "AM"))), "vayots-dzor"); // Jermuk
    EXPECT_EQ(nearest_sector(anchor(place("Goris", "AM"))), "southern");     // Goris
    EXPECT_EQ(nearest_sector(anchor(place("Kornidzor", "AM"))), "southern");
    EXPECT_EQ(nearest_sector(anchor(place("Nakhchivan", "AZ"))), "nakhchivan"); // Nakhchivan city
    EXPECT_EQ(nearest_sector(anchor(place("Ijevan", "AM"))), "northern");       // Ijevan
    const Entry& eastern = entry("sitmap:border-am-az-eastern");
    bool has_alias = false;
    for (const auto& a : eastern.aliases) {
        has_alias = has_alias || a == "eastern sector of the border";
    }
    EXPECT_TRUE(has_alias);
    EXPECT_TRUE(eastern.country.empty());
}

TEST(DataFiles, BordersLayerHasEveryNeighbourPairAndTheFiveSectors) {
    auto ds = open_vector(data_dir / "borders.geojson");
    ASSERT_TRUE(ds);
    std::set<std::string> pairs, sectors;
    for (auto& f : *ds->GetLayer(0)) {
        const std::string pair = f->GetFieldAsString("countries");
        ASSERT_EQ(pair.size(), 5u) << pair;
        EXPECT_LT(pair.substr(0, 2), pair.substr(3, 2)) << "pair not sorted: " << pair;
        pairs.insert(pair);
        const std::string sector = f->GetFieldAsString("sector");
        if (pair == "AM-AZ") {
            EXPECT_TRUE(sectors.insert(sector).second) << "sector twice: " << sector;
        } else {
            EXPECT_TRUE(sector.empty()) << pair;
        }
    }
    for (const char* p : {"AM-AZ", "AM-GE", "AM-IR", "AM-TR", "AZ-GE", "AZ-IR", "AZ-RU", "AZ-TR",
                          "GE-RU", "GE-TR", "IR-TR"}) {
        EXPECT_EQ(pairs.count(p), 1u) << p;
    }
    EXPECT_EQ(sectors, (std::set<std::string>{"eastern", "nakhchivan", "northern", "southern",
                                              "vayots-dzor"}));
}

TEST(DataFiles, NagornoKarabakhHoldsShushaAndStepanakertButNotLachinOrGoris) {
    const Geometry& nk = entry("sitmap:nagorno-karabakh").geometry;
    EXPECT_TRUE(contains(nk, anchor(place("Shusha", "AZ"))));      // Shusha
    EXPECT_TRUE(contains(nk, anchor(place("Stepanakert", "AZ")))); // Stepanakert
    EXPECT_FALSE(contains(nk, anchor(place("Lachin", "AZ"))));     // Lachin
    EXPECT_FALSE(contains(nk, anchor(place("Goris", "AM"))));      // Goris
    EXPECT_FALSE(contains(nk, anchor(place("Baku", "AZ"))));       // Baku
    EXPECT_FALSE(contains(nk, LonLat{46.93056, 39.99306}));        // Aghdam town (GeoNames 148619)
    EXPECT_TRUE(contains(nk, LonLat{47.0319, 39.52003}));          // Hadrut (GeoNames 148105)
}

TEST(DataFiles, CountryAndProvinceAreStoredNotDerived) {
    // At Natural Earth 10m Kornidzor falls 0.3 km inside Azerbaijan; its stored country wins.
    const Entry& kornidzor = entry(place("Kornidzor", "AM"));
    EXPECT_EQ(kornidzor.country, "AM");
    EXPECT_EQ(kornidzor.admin1, "Syunik");
    EXPECT_EQ(entry("sitmap:sotk").admin1, "Gegharkunik");
}

TEST(DataFiles, SourceDefectsAreFixed) {
    // NE admin-1 calls the Lachin district "Lankaran" (AZ-LAN); the Kura is "Kr"; Sevan unnamed.
    EXPECT_EQ(entry("ne:AZ-LAC").name, "Lachin District");
    EXPECT_TRUE(contains(entry("ne:AZ-LAC").geometry, LonLat{46.30, 39.70}));
    EXPECT_EQ(entry("ne:AZ-LAN").name, "Lankaran District");
    EXPECT_EQ(entry("ne:river-kura").name, "Kura");
    // NE's name_alt holds capitals: a region must not answer to another place's name.
    EXPECT_FALSE(has_name(entry("ne:GE-AJ"), "Batumi"));
    EXPECT_FALSE(has_name(entry("ne:AZ-XA"), "Khojali"));
    EXPECT_FALSE(has_name(entry("ne:AZ-LAC"), "Lankaran"));
    EXPECT_TRUE(contains(entry("ne:lake-lake-sevan").geometry, LonLat{45.30, 40.35}));
    auto ds = open_vector(data_dir / "rivers.geojson");
    ASSERT_TRUE(ds);
    for (auto& f : *ds->GetLayer(0)) {
        EXPECT_STRNE(f->GetFieldAsString("name"), "Kr");
    }
}

TEST(DataFiles, CoverageOfTheRegion) {
    std::map<std::string, int> settlements, regions;
    for (const auto& [id, e] : gazetteer()) {
        if (e.kind == "settlement" || e.kind == "capital") {
            ++settlements[e.country];
        }
        if (e.kind == "region" && id.rfind("ne:", 0) == 0) {
            ++regions[e.country];
        }
    }
    EXPECT_GT(settlements["AM"], 450);
    EXPECT_GT(settlements["AZ"], 220); // 187 from cities500, the rest from the 2025 snapshot
    EXPECT_GT(settlements["GE"], 150);
    EXPECT_GT(settlements["TR"], 20);
    EXPECT_GT(settlements["IR"], 10);
    EXPECT_EQ(regions["AM"], 11);
    EXPECT_EQ(regions["GE"], 12);
    EXPECT_GT(regions["AZ"], 60);
}

TEST(DataFiles, EveryAreaHasAnAnchorInsideIt) {
    int areas = 0;
    for (const auto& [id, e] : gazetteer()) {
        if (!std::holds_alternative<AreaGeom>(e.geometry)) {
            EXPECT_FALSE(e.anchor) << id << ": anchors are for areas";
            continue;
        }
        ++areas;
        ASSERT_TRUE(e.anchor) << id << " has no anchor_lon/anchor_lat";
        EXPECT_TRUE(contains(e.geometry, *e.anchor)) << id;
    }
    EXPECT_GT(areas, 250);
    // A label point well inside, not on the edge: Armenia's is over 20 km from its border.
    const Entry& am = entry("country:AM");
    EXPECT_GT(distance_m(*am.anchor, entry("sitmap:border-am-az").geometry), 20000.0);
}

TEST(DataFiles, PointCoordinatesHaveFiveDecimals) {
    int checked = 0;
    for (const auto& [id, e] : gazetteer()) {
        if (const auto* p = std::get_if<PointGeom>(&e.geometry)) {
            for (const double v : {p->point.lon, p->point.lat}) {
                EXPECT_NEAR(v * 1e5, std::round(v * 1e5), 1e-6) << id;
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 1000);
}
