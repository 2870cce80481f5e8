// Curated border villages (data/curated/border_villages.csv, heights.csv): read through GDAL's CSV
// driver, checked for schema, coordinates, ids, duplicates, the villages and former names issue 8
// names, and coverage of the reference settlement list. When data/geojson/gazetteer.geojson has
// been built, also checks that the merge kept every curated entry.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include "geo/core/geometry.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/geocode/geocoder.hpp"

namespace {

namespace fs = std::filesystem;
using sitmap::geo::LonLat;

const std::vector<std::string> k_columns = {
    "id",      "name",   "name_hy", "name_hy_latn", "name_az",    "name_ru",    "aliases", "kind",
    "country", "admin1", "lat",     "lon",          "population", "accuracy_m", "source",  "note"};

struct DatasetCloser {
    void operator()(GDALDatasetH ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using Feature = std::unique_ptr<void, FeatureDestroyer>;

using Row = std::map<std::string, std::string>;

// Measured share of the reference settlements within 25 km of the border that the gazetteer has
// (data/curated/border_villages.README.md); a drop below it fails.
constexpr double k_coverage_floor = 0.86;

fs::path curated_dir() {
    return fs::path(SITMAP_SOURCE_DIR) / "data" / "curated";
}

Dataset open_vector(const fs::path& path, const char* driver) {
    GDALAllRegister();
    const char* drivers[] = {driver, nullptr};
    return Dataset(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
}

// Every row of a CSV as column -> text, in file order; fields named in `columns` (out) in order.
std::vector<Row> read_csv(const fs::path& path, std::vector<std::string>* columns = nullptr) {
    Dataset ds = open_vector(path, "CSV");
    if (!ds) {
        ADD_FAILURE() << "GDAL cannot open " << path;
        return {};
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    std::vector<std::string> names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    }
    if (columns != nullptr) {
        *columns = names;
    }
    std::vector<Row> rows;
    OGR_L_ResetReading(layer);
    while (Feature f{OGR_L_GetNextFeature(layer)}) {
        Row row;
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            row[names[static_cast<std::size_t>(i)]] = OGR_F_GetFieldAsString(f.get(), i);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// Every CSV of a folder, sorted by name (empty when the folder does not exist).
std::vector<fs::path> csv_files(const fs::path& dir) {
    std::vector<fs::path> out;
    if (fs::is_directory(dir)) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() == ".csv") {
                out.push_back(entry.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// border_villages.csv, heights.csv and the per-region tables in villages/.
std::vector<fs::path> curated_tables() {
    std::vector<fs::path> files = {curated_dir() / "border_villages.csv",
                                   curated_dir() / "heights.csv"};
    for (const fs::path& f : csv_files(curated_dir() / "villages")) {
        files.push_back(f);
    }
    return files;
}

std::vector<Row> all_curated_rows() {
    std::vector<Row> rows;
    for (const fs::path& f : curated_tables()) {
        std::vector<Row> more = read_csv(f);
        rows.insert(rows.end(), more.begin(), more.end());
    }
    return rows;
}

std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    });
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) {
        out.push_back(cur);
    }
    return out;
}

// Every name an entry answers to, lower-cased (ASCII letters only; other scripts as written).
std::set<std::string> names_of(const Row& row) {
    std::set<std::string> out;
    for (const char* field : {"name", "name_hy", "name_hy_latn", "name_az", "name_ru"}) {
        const std::string& v = row.at(field);
        if (!v.empty()) {
            out.insert(lower_ascii(v));
        }
    }
    for (const std::string& a : split(row.at("aliases"), '|')) {
        out.insert(lower_ascii(a));
    }
    return out;
}

LonLat position(const Row& row) {
    return {std::stod(row.at("lon")), std::stod(row.at("lat"))};
}

// The entry whose name or any other name equals `name` (case-insensitive), or nullptr.
const Row* find_by_any_name(const std::vector<Row>& rows, const std::string& name) {
    const std::string key = lower_ascii(name);
    for (const Row& r : rows) {
        if (names_of(r).count(key) != 0) {
            return &r;
        }
    }
    return nullptr;
}

TEST(BorderVillagesCsv, EveryTableHasTheExactSchema) {
    for (const fs::path& f : curated_tables()) {
        std::vector<std::string> columns;
        read_csv(f, &columns);
        EXPECT_EQ(columns, k_columns) << f;
    }
}

TEST(BorderVillagesCsv, GdalReadsTheExactSchema) {
    std::vector<std::string> columns;
    std::vector<Row> rows = read_csv(curated_dir() / "border_villages.csv", &columns);
    EXPECT_EQ(columns, k_columns);
    EXPECT_GE(rows.size(), 80u);
    std::vector<std::string> height_columns;
    read_csv(curated_dir() / "heights.csv", &height_columns);
    EXPECT_EQ(height_columns, k_columns);
}

TEST(BorderVillagesCsv, EveryRowHasValidRequiredFields) {
    const std::set<std::string> kinds = {"settlement", "height", "pass"};
    for (const Row& r : all_curated_rows()) {
        SCOPED_TRACE(r.at("id"));
        const double lat = std::stod(r.at("lat"));
        const double lon = std::stod(r.at("lon"));
        // Armenia, Nakhchivan and Azerbaijan west of the Kura.
        EXPECT_TRUE(lat >= 38.3 && lat <= 41.7) << lat;
        EXPECT_TRUE(lon >= 43.3 && lon <= 47.8) << lon;
        EXPECT_TRUE(r.at("country") == "AM" || r.at("country") == "AZ") << r.at("country");
        EXPECT_FALSE(r.at("admin1").empty());
        EXPECT_FALSE(r.at("source").empty());
        EXPECT_FALSE(r.at("name").empty());
        EXPECT_EQ(kinds.count(r.at("kind")), 1u) << r.at("kind");
        EXPECT_EQ(r.at("id").rfind("sitmap:" + lower_ascii(r.at("country")) + "-", 0), 0u);
        EXPECT_GT(std::stoi(r.at("accuracy_m")), 0);
    }
}

TEST(BorderVillagesCsv, IdsAreUnique) {
    std::set<std::string> seen;
    for (const Row& r : all_curated_rows()) {
        EXPECT_TRUE(seen.insert(r.at("id")).second) << "duplicate id " << r.at("id");
    }
}

TEST(BorderVillagesCsv, NoTwoEntriesWithin300mShareAName) {
    const std::vector<Row> rows = all_curated_rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::set<std::string> a = names_of(rows[i]);
        for (std::size_t j = i + 1; j < rows.size(); ++j) {
            if (sitmap::geo::distance_m(position(rows[i]), position(rows[j])) >= 300.0) {
                continue;
            }
            for (const std::string& n : names_of(rows[j])) {
                EXPECT_EQ(a.count(n), 0u) << rows[i].at("id") << " and " << rows[j].at("id")
                                          << " both answer to '" << n << "' within 300 m";
            }
        }
    }
}

TEST(BorderVillagesCsv, VillagesNamedInIncidentReportsArePresent) {
    const std::vector<Row> rows = all_curated_rows();
    // Armenia: marz each must be in.
    const std::vector<std::pair<std::string, std::string>> armenia = {
        {"Tegh", "Syunik"},          {"Norabak", "Gegharkunik"},
        {"Kut", "Gegharkunik"},      {"Sotk", "Gegharkunik"},
        {"Chinari", "Tavush"},       {"Voskepar", "Tavush"},
        {"Aygepar", "Tavush"},       {"Movses", "Tavush"},
        {"Shikahogh", "Syunik"},     {"Artsvashen", "Gegharkunik"},
        {"Yeraskh", "Ararat"},       {"Jermuk", "Vayots Dzor"},
        {"Vardenis", "Gegharkunik"}, {"Berdavan", "Tavush"},
        {"Baghanis", "Tavush"},      {"Nerkin Karmiraghbyur", "Tavush"},
        {"Shurnukh", "Syunik"},      {"Khndzoresk", "Syunik"},
        {"Kornidzor", "Syunik"},     {"Srashen", "Syunik"},
        {"Berkaber", "Tavush"},      {"Verin Shorzha", "Gegharkunik"}};
    for (const auto& [name, marz] : armenia) {
        const Row* r = find_by_any_name(rows, name);
        ASSERT_NE(r, nullptr) << name << " missing";
        EXPECT_EQ(r->at("name"), name);
        EXPECT_EQ(r->at("country"), "AM") << name;
        EXPECT_EQ(r->at("admin1"), marz) << name;
    }
    for (const char* name : {"Lachin", "Kalbajar", "Shusha", "Hadrut", "Aghdara", "Khojavend",
                             "Zangilan", "Gubadli", "Jabrayil", "Gazakh", "Tovuz", "Sadarak",
                             "Gaymagli", "Kemerli", "Sus", "Mets Shen", "Khnapat", "Aghdam"}) {
        // "Tovuz" is also an older name of the Armenian village Tavush: look in Azerbaijan only.
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const Row& r) {
            return r.at("country") == "AZ" && names_of(r).count(lower_ascii(name)) != 0;
        });
        EXPECT_NE(it, rows.end()) << name << " missing in AZ";
    }
}

TEST(BorderVillagesCsv, FormerAndOtherSideNamesLeadToThePresentPlace) {
    const std::vector<Row> rows = all_curated_rows();
    // alias as used in statements -> present name of the entry
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Basarkechar", "Vardenis"},
        {"Zod", "Sotk"},
        {"Boyuk Garagoyunlu", "Norabak"},
        {"Azizli", "Norabak"},
        {"Zarkend", "Kut"},
        {"Mosesgegh", "Movses"},
        {"Berdzor", "Lachin"},
        {"Karvachar", "Kalbajar"},
        {"Shushi", "Shusha"},
        {"Martakert", "Aghdara"},
        {"Stepanakert", "Khankendi"},
        {"Istisu", "Jermuk"},
        {"Keshishkend", "Yeghegnadzor"},
        {"Kalacha", "Berdavan"},
        {"Ordzhonikidze", "Vahan"},
        {"Vagudi", "Vaghatin"},
        {"Сотк", "Sotk"},
        {"Joghaz", "Berkaber"},
        {"Kilisakend", "Srashen"},
        {"Gerenzur", "Kornidzor"},
        {"Ashaghi Zaghali", "Tsovak"},
        {"Boyuk Galadarasi", "Mets Shen"},
        {"Khnapat", "Khanabad"},
        {"Hovtashen", "Aliaghali"},
        {"Shosh", "Shushakend"},
        {"Բերձոր", "Lachin"}};
    for (const auto& [alias, present] : cases) {
        const Row* r = find_by_any_name(rows, alias);
        ASSERT_NE(r, nullptr) << alias << " resolves to nothing";
        EXPECT_EQ(r->at("name"), present) << alias;
        // and back: the present entry lists the other name
        EXPECT_EQ(names_of(*r).count(lower_ascii(alias)), 1u) << present << " lacks " << alias;
    }
}

TEST(BorderVillagesCsv, KnownCoordinatesAreKeptExactly) {
    const std::vector<Row> rows = all_curated_rows();
    struct Known {
        const char* name;
        double lat, lon;
    };
    // From the sources named in the rows (Wikipedia infobox, GeoNames).
    for (const Known& k :
         {Known{"Sotk", 40.20306, 45.86472}, Known{"Norabak", 40.15611, 45.86111},
          Known{"Tegh", 39.55472, 46.47583}, Known{"Voskepar", 41.06472, 45.05750},
          Known{"Lachin", 39.64083, 46.54694}, Known{"Kornidzor", 39.54806, 46.53111},
          Known{"Verin Shorzha", 40.08722, 45.83250}, Known{"Gaymagli", 41.22389, 45.13861}}) {
        const Row* r = find_by_any_name(rows, k.name);
        ASSERT_NE(r, nullptr) << k.name;
        EXPECT_NEAR(std::stod(r->at("lat")), k.lat, 1e-5) << k.name;
        EXPECT_NEAR(std::stod(r->at("lon")), k.lon, 1e-5) << k.name;
    }
}

// The reference list: data/curated/border_communities_reference.csv (Armenian border marzes) and
// data/curated/reference/*.csv (Azerbaijani districts, the former NKAO).
std::vector<Row> reference_rows() {
    std::vector<Row> rows = read_csv(curated_dir() / "border_communities_reference.csv");
    for (const fs::path& f : csv_files(curated_dir() / "reference")) {
        std::vector<Row> more = read_csv(f);
        rows.insert(rows.end(), more.begin(), more.end());
    }
    return rows;
}

const sitmap::geo::Gazetteer& bundled_gazetteer() {
    static const sitmap::geo::Gazetteer g = sitmap::geo::Gazetteer::load(
        fs::path(SITMAP_SOURCE_DIR) / "data" / "geojson" / "gazetteer.geojson");
    return g;
}

const sitmap::geo::Geocoder& bundled_geocoder() {
    static const sitmap::geo::Geocoder g(bundled_gazetteer());
    return g;
}

// Every name a gazetteer entry answers to, lower-cased like names_of(Row).
std::set<std::string> names_of(const sitmap::geo::Place& p) {
    std::set<std::string> out{lower_ascii(p.name)};
    for (const auto& [lang, n] : p.names) {
        out.insert(lower_ascii(n));
    }
    for (const std::string& a : p.aliases) {
        out.insert(lower_ascii(a));
    }
    return out;
}

// The admin-1 unit a reference row names ("Kalbajar" is the region "Kalbajar District").
const sitmap::geo::Place* region_named(const std::string& country, const std::string& admin1) {
    const std::string key = lower_ascii(admin1);
    for (const sitmap::geo::Place& p : bundled_gazetteer().places()) {
        if (p.kind != sitmap::geo::PlaceKind::region || p.country != country) {
            continue;
        }
        if (lower_ascii(p.name) == key || lower_ascii(p.name) == key + " district") {
            return &p;
        }
        for (const std::string& a : p.aliases) {
            if (lower_ascii(a) == key) {
                return &p;
            }
        }
    }
    return nullptr;
}

// The gazetteer settlement a reference row means: one the geocoder finds under that name (not by
// fuzzy matching), in that country, in that district (same admin1, or within 5 km of the
// district's area, since Natural Earth's district lines are coarse). nullptr when there is none.
const sitmap::geo::Place* reference_place(const Row& ref, const sitmap::geo::Place* region) {
    using sitmap::geo::MatchKind;
    using sitmap::geo::PlaceKind;
    sitmap::geo::GeocodeContext context;
    context.country_hints = {ref.at("country")};
    const auto resolution = bundled_geocoder().resolve(ref.at("name"), context);
    for (const auto& c : resolution.candidates) {
        const sitmap::geo::Place& p = *c.place;
        if (c.match == MatchKind::fuzzy || c.match == MatchKind::phrase ||
            p.country != ref.at("country") ||
            (p.kind != PlaceKind::settlement && p.kind != PlaceKind::capital)) {
            continue;
        }
        if (p.admin1 == ref.at("admin1") ||
            (region != nullptr && sitmap::geo::distance_m(p.anchor, region->geometry) < 5000.0)) {
            return &p;
        }
    }
    return nullptr;
}

// Every vertex of a geometry.
std::vector<LonLat> vertices(const sitmap::geo::Geometry& g) {
    std::vector<LonLat> out;
    if (const auto* pt = std::get_if<sitmap::geo::PointGeom>(&g)) {
        out.push_back(pt->point);
    } else if (const auto* lines = std::get_if<sitmap::geo::LinesGeom>(&g)) {
        for (const auto& path : lines->lines) {
            out.insert(out.end(), path.begin(), path.end());
        }
    } else if (const auto* area = std::get_if<sitmap::geo::AreaGeom>(&g)) {
        for (const auto& polygon : area->polygons) {
            for (const auto& ring : polygon) {
                out.insert(out.end(), ring.begin(), ring.end());
            }
        }
    }
    return out;
}

// Shortest distance between a district's area and the border line: between two polylines it is
// reached at a vertex of one of them (and is 0 where a border vertex lies inside the area).
double distance_between_m(const sitmap::geo::Geometry& area, const sitmap::geo::Geometry& line) {
    double best = std::numeric_limits<double>::infinity();
    for (const LonLat& v : vertices(area)) {
        best = std::min(best, sitmap::geo::distance_m(v, line));
    }
    for (const LonLat& v : vertices(line)) {
        best = std::min(best, sitmap::geo::distance_m(v, area));
    }
    return best;
}

struct Tally {
    std::size_t near = 0, far = 0, missing = 0;
};

TEST(BorderVillagesCoverage, SettlementsWithin25kmOfTheBorderArePresent) {
    const std::vector<Row> reference = reference_rows();
    ASSERT_GE(reference.size(), 400u);
    const sitmap::geo::Place* border = bundled_gazetteer().find("sitmap:border-am-az");
    ASSERT_NE(border, nullptr);
    // A listed settlement counts against the 25 km target when the gazetteer places it within
    // 25 km of the border, or when it is missing (its position is then unknown, so it counts).
    std::map<std::string, Tally> per_district;
    Tally all;
    // Per district, once: its area (nullptr for Aghdara, which the admin-1 layer lacks) and
    // whether all of it lies beyond 25 km.
    struct District {
        const sitmap::geo::Place* area = nullptr;
        bool beyond_25km = false;
    };
    std::map<std::string, District> districts;
    std::vector<std::string> missing;
    for (const Row& r : reference) {
        const std::string key = r.at("country") + " " + r.at("admin1");
        Tally& t = per_district[key];
        auto [it, added] = districts.try_emplace(key);
        if (added) {
            it->second.area = region_named(r.at("country"), r.at("admin1"));
            it->second.beyond_25km =
                it->second.area != nullptr &&
                distance_between_m(it->second.area->geometry, border->geometry) > 25000.0;
        }
        const sitmap::geo::Place* p = reference_place(r, it->second.area);
        if (p == nullptr && it->second.beyond_25km) {
            ++t.far; // not located, but its whole district lies beyond 25 km
            ++all.far;
        } else if (p == nullptr) {
            ++t.missing;
            ++all.missing;
            missing.push_back(r.at("admin1") + ": " + r.at("name"));
        } else if (sitmap::geo::distance_m(p->anchor, border->geometry) <= 25000.0) {
            ++t.near;
            ++all.near;
        } else {
            ++t.far;
            ++all.far;
        }
    }
    const auto share = [](const Tally& t) {
        return static_cast<double>(t.near) /
               static_cast<double>(std::max<std::size_t>(t.near + t.missing, 1));
    };
    std::printf("reference: %zu settlements; within 25 km present %zu, beyond 25 km %zu, "
                "missing %zu\n25 km coverage: %.1f%%; whole list present: %.1f%%\n",
                reference.size(), all.near, all.far, all.missing, 100.0 * share(all),
                100.0 * static_cast<double>(all.near + all.far) /
                    static_cast<double>(reference.size()));
    for (const auto& [district, t] : per_district) {
        std::printf("  %-24s near %3zu  far %3zu  missing %3zu  (%.0f%%)\n", district.c_str(),
                    t.near, t.far, t.missing, 100.0 * share(t));
    }
    if (std::getenv("SITMAP_LIST_MISSING") != nullptr) {
        for (const std::string& m : missing) {
            std::printf("  missing: %s\n", m.c_str());
        }
    }
    // Issue 13 asks for 95%; with Who's On First the measured figure is 86.5% (27.5% before).
    // The floor is the measured figure, so that a regression fails; see
    // data/curated/border_villages.README.md for the gap.
    EXPECT_GE(share(all), k_coverage_floor);
}

TEST(BorderVillagesGeocoder, AnOtherSideNameInItsDistrictIsTheVillageThere) {
    // "Chinarli" alone is also a village in Azerbaijan; named in its district (Berd region), as
    // Azerbaijani statements do, it is Chinari in Armenia. Written for this test.
    const auto mentions = bundled_geocoder().find_mentions(
        "Units in the direction of Chinarli settlement of Berd region opened fire.");
    const auto chinarli =
        std::find_if(mentions.begin(), mentions.end(), [](const sitmap::geo::TextMention& m) {
            return m.surface.starts_with("Chinarli");
        });
    ASSERT_NE(chinarli, mentions.end());
    ASSERT_FALSE(chinarli->resolution.candidates.empty());
    EXPECT_EQ(chinarli->resolution.candidates.front().place->id, "sitmap:am-chinari");
}

TEST(BorderVillagesGeocoder, FormerAndOtherSideNamesResolveToThePresentPlace) {
    // (name used in statements, present name, country): the geocoder must answer the old or the
    // other side's name with the present entry, and the present name with the same entry.
    struct Case {
        const char* alias;
        const char* present;
        const char* country;
    };
    const std::vector<Case> cases = {{"Zod", "Sotk", "AM"},
                                     {"Basarkechar", "Vardenis", "AM"},
                                     {"Azizli", "Norabak", "AM"},
                                     {"Boyuk Garagoyunlu", "Norabak", "AM"},
                                     {"Zarkend", "Kut", "AM"},
                                     {"Mosesgegh", "Movses", "AM"},
                                     {"Kilisakend", "Srashen", "AM"},
                                     {"Gerenzur", "Kornidzor", "AM"},
                                     {"Berdzor", "Lachin", "AZ"},
                                     {"Karvachar", "Kalbajar", "AZ"},
                                     {"Shushi", "Shusha", "AZ"},
                                     {"Stepanakert", "Khankendi", "AZ"},
                                     {"Martakert", "Aghdara", "AZ"},
                                     {"Բերձոր", "Lachin", "AZ"},
                                     {"Сотк", "Sotk", "AM"},
                                     {"Khnapat", "Khanabad", "AZ"},
                                     {"Arazdeyen", "Yeraskh", "AM"},
                                     {"Sev Lich", "Sev Lake", "AM"},
                                     {"Böyük Qaragöl", "Sev Lake", "AM"},

                                     {"Musurskand", "Movses", "AM"},
                                     {"Garakils", "Sisian", "AM"}};
    for (const Case& c : cases) {
        const auto old_name = bundled_geocoder().resolve(c.alias);
        ASSERT_FALSE(old_name.candidates.empty()) << c.alias << " resolves to nothing";
        const sitmap::geo::Place* p = old_name.candidates.front().place;
        EXPECT_EQ(p->name, c.present) << c.alias;
        EXPECT_EQ(p->country, c.country) << c.alias;
        const auto present = bundled_geocoder().resolve(c.present);
        ASSERT_FALSE(present.candidates.empty()) << c.present;
        EXPECT_EQ(present.candidates.front().place, p) << c.present << " vs " << c.alias;
        const bool listed =
            std::any_of(p->aliases.begin(), p->aliases.end(),
                        [&](const auto& a) { return lower_ascii(a) == lower_ascii(c.alias); }) ||
            std::any_of(p->names.begin(), p->names.end(),
                        [&](const auto& kv) { return kv.second == c.alias; });
        EXPECT_TRUE(listed) << c.present << " does not list " << c.alias;
    }
}

// A village of one country repeated by a source a few km across the border in the other (WOF had
// Nerkin Khndzoresk of Syunik as a village of Gubadli, 4.7 km south-east) puts it on the wrong
// side: no settlement shares a name or alias with one of the other country within 10 km (nor
// does an alias of one name the other: Baghanis in Armenia is not Baghanis Ayrum in Azerbaijan).
TEST(BorderVillagesGazetteer, NoVillageIsRepeatedAcrossTheBorder) {
    using sitmap::geo::PlaceKind;
    std::vector<const sitmap::geo::Place*> points;
    for (const sitmap::geo::Place& p : bundled_gazetteer().places()) {
        if (p.kind == PlaceKind::settlement && (p.country == "AM" || p.country == "AZ")) {
            points.push_back(&p);
        }
    }
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            const sitmap::geo::Place& a = *points[i];
            const sitmap::geo::Place& b = *points[j];
            if (a.country == b.country || std::abs(a.anchor.lat - b.anchor.lat) > 0.1 ||
                sitmap::geo::distance_m(a.anchor, b.anchor) > 10'000.0) {
                continue;
            }
            const auto names_a = names_of(a);
            for (const std::string& n : names_of(b)) {
                if (names_a.count(n) != 0) {
                    ADD_FAILURE() << a.id << " (" << a.country << ") and " << b.id << " ("
                                  << b.country << ") are both '" << n << "'";
                    ++pairs;
                    break;
                }
            }
        }
    }
    EXPECT_EQ(pairs, 0u);
    const auto r = bundled_geocoder().resolve("Nerkin Khndzoresk");
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_EQ(r.candidates.front().place->country, "AM");
}

TEST(BorderVillagesGazetteer, NoTwoSettlementsWithin300mShareAName) {
    using sitmap::geo::PlaceKind;
    std::vector<const sitmap::geo::Place*> points;
    for (const sitmap::geo::Place& p : bundled_gazetteer().places()) {
        if (p.kind == PlaceKind::settlement || p.kind == PlaceKind::capital ||
            p.kind == PlaceKind::height || p.kind == PlaceKind::pass) {
            points.push_back(&p);
        }
    }
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            if (std::abs(points[i]->anchor.lat - points[j]->anchor.lat) > 0.01 ||
                sitmap::geo::distance_m(points[i]->anchor, points[j]->anchor) >= 300.0) {
                continue;
            }
            const auto a = names_of(*points[i]);
            for (const std::string& n : names_of(*points[j])) {
                if (a.count(n) != 0) {
                    ADD_FAILURE() << points[i]->id << " and " << points[j]->id << " share '" << n
                                  << "' within 300 m";
                    ++pairs;
                    break;
                }
            }
        }
    }
    EXPECT_EQ(pairs, 0u);
    EXPECT_GT(points.size(), 1000u);
}

TEST(BorderVillagesGazetteer, MergeKeepsEveryCuratedEntry) {
    const auto places = bundled_gazetteer().places();
    for (const Row& r : all_curated_rows()) {
        const std::string name = lower_ascii(r.at("name"));
        const LonLat p = position(r);
        const bool kept = std::any_of(places.begin(), places.end(), [&](const auto& g) {
            return std::abs(g.anchor.lat - p.lat) < 0.01 &&
                   sitmap::geo::distance_m(g.anchor, p) < 1000.0 && names_of(g).count(name) != 0;
        });
        EXPECT_TRUE(kept) << r.at("id") << " (" << r.at("name") << ") not in the gazetteer";
    }
}

} // namespace
