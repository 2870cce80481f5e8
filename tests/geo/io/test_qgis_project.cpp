// geo/io/qgis_project.hpp: the project and style documents parsed back with GDAL's XML reader; the
// real QGIS opens them in tests/qgis.

#include "geo/core/error.hpp"
#include "geo/io/export.hpp"
#include "geo/io/qgis_project.hpp"
#include "tests/geo/io/export_samples.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <cpl_minixml.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sitmap;
using namespace sitmap::geo;

namespace {

struct XmlDeleter {
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using XmlPtr = std::unique_ptr<CPLXMLNode, XmlDeleter>;

fs::path fresh_dir(const std::string& name) {
    return sitmap::test::fresh_temp_dir("qgis_" + name);
}

std::string slurp(const fs::path& p) {
    std::stringstream s;
    s << std::ifstream(p, std::ios::binary).rdbuf();
    return s.str();
}

fs::path exported_gpkg(const fs::path& dir) {
    test::write_sample_basemap(dir / "basemap");
    GeoPackageOptions options;
    options.basemap = find_basemap_layers(dir / "basemap");
    export_geopackage(test::export_sample_events(), dir / "events.gpkg", options);
    return dir / "events.gpkg";
}

std::vector<const CPLXMLNode*> children(const CPLXMLNode* node, const char* name) {
    std::vector<const CPLXMLNode*> out;
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext) {
        if (c->eType == CXT_Element && std::string(c->pszValue) == name) {
            out.push_back(c);
        }
    }
    return out;
}

// The value of a symbol layer's <Option name="NAME" value=...> (its options map).
std::string layer_option(const CPLXMLNode* layer, const char* name) {
    for (const CPLXMLNode* o : children(CPLGetXMLNode(layer, "Option"), "Option")) {
        if (std::string(CPLGetXMLValue(o, "name", "")) == name) {
            return CPLGetXMLValue(o, "value", "");
        }
    }
    return {};
}

// The expression of a symbol layer's data-defined size.
std::string size_expression(const CPLXMLNode* layer) {
    const auto named = [](const CPLXMLNode* map, const char* name) -> const CPLXMLNode* {
        for (const CPLXMLNode* o : children(map, "Option")) {
            if (std::string(CPLGetXMLValue(o, "name", "")) == name) {
                return o;
            }
        }
        return nullptr;
    };
    const CPLXMLNode* size =
        named(named(CPLGetXMLNode(layer, "data_defined_properties.Option"), "properties"), "size");
    const CPLXMLNode* expression = named(size, "expression");
    return expression ? CPLGetXMLValue(expression, "value", "") : "";
}

} // namespace

TEST(LayerStyleQml, EventsAreRuledByKindSizedByCasualtiesAndLabelled) {
    const std::string qml = layer_style_qml("events", LayerGeometry::point, Symbology{});
    XmlPtr doc(CPLParseXMLString(qml.c_str()));
    ASSERT_TRUE(doc) << qml.substr(0, 300);
    const CPLXMLNode* qgis = CPLGetXMLNode(doc.get(), "=qgis");
    ASSERT_NE(qgis, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(qgis, "labelsEnabled", ""), "1");
    const CPLXMLNode* r = CPLGetXMLNode(qgis, "renderer-v2");
    EXPECT_STREQ(CPLGetXMLValue(r, "type", ""), "RuleRenderer");
    // One rule per kind, then the disputed ring's.
    const auto rules = children(CPLGetXMLNode(r, "rules"), "rule");
    ASSERT_EQ(rules.size(), event_kind_count + 1);
    // Events known only to a region get no mark: the event_lines / event_areas layers draw them.
    const std::string marked =
        " AND (\"geo_precision\" IS NULL OR \"geo_precision\" < 3 OR \"layer\" = 'context')";
    EXPECT_EQ(CPLGetXMLValue(rules[0], "filter", ""), "\"kind\" = 'shelling'" + marked);
    EXPECT_STREQ(CPLGetXMLValue(rules[0], "label", ""), "Shelling (artillery)");
    EXPECT_EQ(CPLGetXMLValue(rules[10], "filter", ""), "\"kind\" = 'handover'" + marked);
    EXPECT_STREQ(CPLGetXMLValue(rules[10], "label", ""), "Hand-over of territory");
    EXPECT_EQ(CPLGetXMLValue(rules[13], "filter", ""), "\"kind\" = 'mission_deployment'" + marked);
    EXPECT_EQ(children(CPLGetXMLNode(r, "symbols"), "symbol").size(), event_kind_count + 1);
    EXPECT_NE(qml.find("killed_max"), std::string::npos);
    // Labelled by date: the places layer names the places (below).
    EXPECT_STREQ(CPLGetXMLValue(qgis, "labeling.settings.text-style.isExpression", ""), "1");
    EXPECT_NE(std::string(CPLGetXMLValue(qgis, "labeling.settings.text-style.fieldName", ""))
                  .find("format_date(\"date_begin\""),
              std::string::npos);
}

// Issue 15: the dashed ring is its own legend entry that applies to disputed events only; inside
// every kind's symbol it showed in the legend on each kind, disputed or not.
TEST(LayerStyleQml, DisputedRingIsARuleOfItsOwn) {
    Symbology symbology;
    symbology.disputed.stroke = {10, 20, 30};
    const std::string qml = layer_style_qml("events", LayerGeometry::point, symbology);
    XmlPtr doc(CPLParseXMLString(qml.c_str()));
    const CPLXMLNode* r = CPLGetXMLNode(doc.get(), "=qgis.renderer-v2");
    ASSERT_NE(r, nullptr);
    const auto rules = children(CPLGetXMLNode(r, "rules"), "rule");
    ASSERT_EQ(rules.size(), event_kind_count + 1);
    EXPECT_EQ(std::string(CPLGetXMLValue(rules[event_kind_count], "filter", "")),
              "\"disputed\""
              " AND (\"geo_precision\" IS NULL OR \"geo_precision\" < 3 OR \"layer\" = 'context')");
    EXPECT_EQ(std::string(CPLGetXMLValue(rules[event_kind_count], "label", "")),
              disputed_legend_label);
    const auto symbols = children(CPLGetXMLNode(r, "symbols"), "symbol");
    ASSERT_EQ(symbols.size(), event_kind_count + 1);
    for (std::size_t i = 0; i < event_kind_count; ++i) {
        // A kind's symbol: its mark alone, solid, drawn above every ring.
        const auto layers = children(symbols[i], "layer");
        ASSERT_EQ(layers.size(), 1u) << "symbol " << i;
        EXPECT_EQ(layer_option(layers[0], "outline_style"), "solid") << "symbol " << i;
        EXPECT_STREQ(CPLGetXMLValue(layers[0], "pass", ""), "1");
    }
    EXPECT_EQ(CPLGetXMLValue(rules[event_kind_count], "symbol", ""),
              std::to_string(event_kind_count));
    const auto ring = children(symbols[event_kind_count], "layer");
    ASSERT_EQ(ring.size(), 1u);
    EXPECT_STREQ(CPLGetXMLValue(ring[0], "pass", ""), "0");
    EXPECT_EQ(layer_option(ring[0], "outline_style"), "dash");
    EXPECT_EQ(layer_option(ring[0], "outline_color"), "10,20,30,255");
    EXPECT_EQ(layer_option(ring[0], "color"), "0,0,0,0");
    // Around each kind's mark, grown with the casualties like the incidents themselves.
    const std::string size = size_expression(ring[0]);
    EXPECT_TRUE(size.starts_with("CASE WHEN \"kind\" IN ('shelling', ")) << size;
    EXPECT_NE(size.find("killed_max"), std::string::npos) << size;
    EXPECT_NE(size.find("'checkpoint_installed'"), std::string::npos) << size;
    EXPECT_TRUE(size.ends_with(" END + 2.0")) << size;
}

TEST(LayerStyleQml, PlacesAreLabelledWithTheirNames) {
    const std::string qml = layer_style_qml("places", LayerGeometry::point, Symbology{});
    XmlPtr doc(CPLParseXMLString(qml.c_str()));
    const CPLXMLNode* qgis = CPLGetXMLNode(doc.get(), "=qgis");
    ASSERT_NE(qgis, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(qgis, "labelsEnabled", ""), "1");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "labeling.settings.text-style.fieldName", ""), "name");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "labeling.settings.text-style.isExpression", ""), "0");
}

TEST(LayerStyleQml, FireLinesAreArrowsByClaimant) {
    Symbology symbology;
    symbology.claim_armenia = {1, 2, 3};
    symbology.claim_azerbaijan = {4, 5, 6};
    symbology.fire_lines.color = {7, 8, 9};
    const std::string qml = layer_style_qml("fire_lines", LayerGeometry::line, symbology);
    XmlPtr doc(CPLParseXMLString(qml.c_str()));
    const CPLXMLNode* r = CPLGetXMLNode(doc.get(), "=qgis.renderer-v2");
    ASSERT_NE(r, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(r, "type", ""), "RuleRenderer");
    const auto rules = children(CPLGetXMLNode(r, "rules"), "rule");
    ASSERT_EQ(rules.size(), 3u);
    EXPECT_STREQ(CPLGetXMLValue(rules[0], "filter", ""), "\"claimed_by\" = 'armenia'");
    EXPECT_STREQ(CPLGetXMLValue(rules[0], "label", ""), "Direction of fire, as Armenia claims");
    EXPECT_STREQ(CPLGetXMLValue(rules[2], "filter", ""), "ELSE");
    const auto symbols = children(CPLGetXMLNode(r, "symbols"), "symbol");
    ASSERT_EQ(symbols.size(), 3u);
    // Each a line, a filled head near the target (its tip short of the end, clear of the
    // event's mark) and a dot at the origin, in its side's colour.
    for (std::size_t i = 0; i < 3; ++i) {
        const auto layers = children(symbols[i], "layer");
        ASSERT_EQ(layers.size(), 3u);
        EXPECT_STREQ(CPLGetXMLValue(layers[0], "class", ""), "SimpleLine");
        EXPECT_STREQ(CPLGetXMLValue(layers[1], "class", ""), "MarkerLine");
        EXPECT_STREQ(CPLGetXMLValue(layers[2], "class", ""), "MarkerLine");
    }
    EXPECT_NE(qml.find(R"(value="lastvertex")"), std::string::npos);
    EXPECT_NE(qml.find(R"(value="filled_arrowhead")"), std::string::npos);
    EXPECT_NE(qml.find(R"(value="1,2,3,255")"), std::string::npos);
    EXPECT_NE(qml.find(R"(value="4,5,6,255")"), std::string::npos);
    EXPECT_NE(qml.find(R"(value="7,8,9,255")"), std::string::npos);
    EXPECT_NE(qml.find(R"(value="firstvertex")"), std::string::npos);
}

TEST(LayerStyleQml, BasemapLayersGetTheirGeometrysSymbol) {
    EXPECT_NE(
        layer_style_qml("borders", LayerGeometry::line, Symbology{}).find(R"(class="SimpleLine")"),
        std::string::npos);
    EXPECT_NE(layer_style_qml("countries", LayerGeometry::polygon, Symbology{})
                  .find(R"(class="SimpleFill")"),
              std::string::npos);
    EXPECT_NE(
        layer_style_qml("someone_elses", LayerGeometry::point, Symbology{}).find("SimpleMarker"),
        std::string::npos);
}

TEST(LayerStyleQml, DrawsWithTheSymbologyItIsGiven) {
    Symbology symbology;
    MarkerSymbology& casualties = symbology.kinds[static_cast<std::size_t>(EventKind::casualties)];
    casualties = {"cross", 5.5, {215, 48, 31, 217}, {103, 0, 13}, 1.0};
    symbology.kinds[static_cast<std::size_t>(EventKind::checkpoint_closed)].shape = "barrier";
    symbology.event_labels = {{127, 15, 6}, 10.5, true};
    const std::string qml = layer_style_qml("events", LayerGeometry::point, symbology);
    // Style pixels at 96 dpi -> millimetres: 11 px across = 2.9 mm, 1 px stroke = 0.26 mm.
    EXPECT_NE(qml.find(R"(<Option name="name" value="cross_fill" type="QString" />)"),
              std::string::npos);
    EXPECT_NE(qml.find(R"(<Option name="name" value="half_square" type="QString" />)"),
              std::string::npos);
    EXPECT_NE(qml.find(R"(<Option name="color" value="215,48,31,217" type="QString" />)"),
              std::string::npos);
    EXPECT_NE(qml.find(R"(<Option name="outline_width" value="0.260000" type="QString" />)"),
              std::string::npos);
    // Incidents grow with casualties by the maps' rule (geo::casualty_scale).
    EXPECT_NE(qml.find("2.900000 * min(max(1, 0.8 * sqrt(coalesce(&quot;killed_max&quot;, 0) + "
                       "coalesce(&quot;wounded_max&quot;, 0))), 6)"),
              std::string::npos)
        << qml;
    // 10.5 px labels are 8 pt, bold.
    XmlPtr doc(CPLParseXMLString(qml.c_str()));
    const CPLXMLNode* style = CPLGetXMLNode(doc.get(), "=qgis.labeling.settings.text-style");
    EXPECT_STREQ(CPLGetXMLValue(style, "fontSize", ""), "8.000000");
    EXPECT_STREQ(CPLGetXMLValue(style, "namedStyle", ""), "Bold");
    EXPECT_STREQ(CPLGetXMLValue(style, "textColor", ""), "127,15,6,255");
}

TEST(QgisProject, QgsListsLayersTopFirstWithRelativeSourcesAndTheMapCrs) {
    const fs::path dir = fresh_dir("qgs");
    const fs::path gpkg = exported_gpkg(dir);
    QgisProjectOptions options;
    options.title = R"(Events <May> & "June")";
    options.crs = "EPSG:32638";
    write_qgis_project(dir / "events.qgs", gpkg, options);

    const std::string text = slurp(dir / "events.qgs");
    EXPECT_EQ(text.rfind("<!DOCTYPE qgis", 0), 0u);
    XmlPtr doc(CPLParseXMLString(text.c_str()));
    ASSERT_TRUE(doc);
    const CPLXMLNode* qgis = CPLGetXMLNode(doc.get(), "=qgis");
    ASSERT_NE(qgis, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(qgis, "title", ""), R"(Events <May> & "June")");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "projectCrs.spatialrefsys.authid", ""), "EPSG:32638");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "mapcanvas.units", ""), "meters");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "properties.Paths.Absolute", ""), "false");

    std::vector<std::string> names, sources, checked;
    for (const CPLXMLNode* l :
         children(CPLGetXMLNode(qgis, "layer-tree-group"), "layer-tree-layer")) {
        names.emplace_back(CPLGetXMLValue(l, "name", ""));
        sources.emplace_back(CPLGetXMLValue(l, "source", ""));
        checked.emplace_back(CPLGetXMLValue(l, "checked", ""));
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"events", "fire_lines", "claims", "places", "event_lines",
                                        "event_areas", "borders", "lakes", "countries"}));
    EXPECT_EQ(sources[0], "./events.gpkg|layername=events");
    EXPECT_EQ(checked[2], "Qt::Unchecked"); // claims duplicate the events' points
    EXPECT_EQ(checked[0], "Qt::Checked");
    EXPECT_EQ(checked[1], "Qt::Checked"); // the directions of fire, under the events

    const auto layers = children(CPLGetXMLNode(qgis, "projectlayers"), "maplayer");
    ASSERT_EQ(layers.size(), 9u);
    EXPECT_STREQ(CPLGetXMLValue(layers[0], "renderer-v2.type", ""), "RuleRenderer"); // events
    EXPECT_STREQ(CPLGetXMLValue(layers[0], "provider", ""), "ogr");
    EXPECT_STREQ(CPLGetXMLValue(layers[0], "srs.spatialrefsys.authid", ""), "EPSG:4326");
    EXPECT_STREQ(CPLGetXMLValue(layers[1], "renderer-v2.type", ""), "RuleRenderer"); // fire
    EXPECT_STREQ(CPLGetXMLValue(layers[6], "renderer-v2.type", ""), "RuleRenderer"); // borders
    EXPECT_STREQ(CPLGetXMLValue(layers[7], "renderer-v2.type", ""), "singleSymbol"); // lakes
    // Events known only to a region: a band along a sector, a district's area hatched.
    EXPECT_STREQ(CPLGetXMLValue(layers[4], "renderer-v2.symbols.symbol.type", ""), "line");
    EXPECT_STREQ(CPLGetXMLValue(layers[5], "renderer-v2.symbols.symbol.type", ""), "fill");
    EXPECT_STREQ(CPLGetXMLValue(layers[3], "labelsEnabled", ""), "1"); // places

    // The view covers the events, padded: in UTM 38N the westernmost (45.25 E, 40.25 N) lies
    // near x 521 km, y 4456 km; the easternmost (46.55 E, 39.62 N) near x 633 km, y 4386 km.
    const double xmin = CPLAtof(CPLGetXMLValue(qgis, "mapcanvas.extent.xmin", "0"));
    const double xmax = CPLAtof(CPLGetXMLValue(qgis, "mapcanvas.extent.xmax", "0"));
    const double ymin = CPLAtof(CPLGetXMLValue(qgis, "mapcanvas.extent.ymin", "0"));
    const double ymax = CPLAtof(CPLGetXMLValue(qgis, "mapcanvas.extent.ymax", "0"));
    EXPECT_LT(xmin, 521000);
    EXPECT_GT(xmin, 480000);
    EXPECT_GT(xmax, 634000);
    EXPECT_LT(ymin, 4385000);
    EXPECT_GT(ymax, 4457000);
    EXPECT_LT(xmax - xmin, 300000);
}

// The print layout: A4 landscape; title, map, legend linked to the map, scale bar in km, north
// arrow, credits with the sources and the boundary line's source and date from the GeoPackage.
TEST(QgisProject, HasAPrintLayoutWithMapLegendScaleBarTitleAndCredits) {
    const fs::path dir = fresh_dir("layout");
    // A border line with its source and date, as the bundled one has.
    fs::create_directories(dir / "basemap");
    std::ofstream(dir / "basemap" / "borders.geojson")
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"countries":"AM-AZ","source":"Test survey",)"
        << R"("source_date":"2023-09-28"},"geometry":)"
        << R"({"type":"LineString","coordinates":[[46.7,38.8],[46.7,41.3]]}}]})";
    GeoPackageOptions gpkg_options;
    gpkg_options.basemap = find_basemap_layers(dir / "basemap");
    export_geopackage(test::export_sample_events(), dir / "events.gpkg", gpkg_options);
    QgisProjectOptions options;
    options.title = "Border incidents <May>";
    options.crs = "EPSG:32638";
    options.attribution = "Map data: Natural Earth";
    write_qgis_project(dir / "events.qgs", dir / "events.gpkg", options);

    XmlPtr doc(CPLParseXMLString(slurp(dir / "events.qgs").c_str()));
    ASSERT_TRUE(doc);
    const CPLXMLNode* layout = CPLGetXMLNode(doc.get(), "=qgis.Layouts.Layout");
    ASSERT_NE(layout, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(layout, "name", ""), "sitmap map");
    EXPECT_STREQ(CPLGetXMLValue(layout, "PageCollection.LayoutItem.size", ""), "297,210,mm");
    std::map<std::string, const CPLXMLNode*> items; // by id
    std::multiset<std::string> types;
    for (const CPLXMLNode* item : children(layout, "LayoutItem")) {
        items[CPLGetXMLValue(item, "id", "")] = item;
        types.insert(CPLGetXMLValue(item, "type", ""));
    }
    // map, legend, scale bar, picture (north arrow), three labels.
    EXPECT_EQ(types, (std::multiset<std::string>{"65639", "65642", "65646", "65640", "65641",
                                                 "65641", "65641"}));
    ASSERT_TRUE(items.contains("map") && items.contains("legend") && items.contains("scale bar") &&
                items.contains("title") && items.contains("credits"));
    const std::string map_uuid = CPLGetXMLValue(items["map"], "uuid", "");
    EXPECT_EQ(CPLGetXMLValue(items["legend"], "map_uuid", ""), map_uuid);
    EXPECT_STREQ(CPLGetXMLValue(items["legend"], "legendFilterByMap", ""), "1");
    EXPECT_EQ(CPLGetXMLValue(items["scale bar"], "mapUuid", ""), map_uuid);
    EXPECT_STREQ(CPLGetXMLValue(items["scale bar"], "unitType", ""), "kilometers");
    EXPECT_STREQ(CPLGetXMLValue(items["title"], "labelText", ""), "Border incidents <May>");
    const std::string credits = CPLGetXMLValue(items["credits"], "labelText", "");
    EXPECT_NE(credits.find("Map data: Natural Earth"), std::string::npos) << credits;
    EXPECT_NE(credits.find("Armenia–Azerbaijan border: Test survey, line of 2023-09-28"),
              std::string::npos)
        << credits;
    // The map's extent has the map item's shape (205 x 150 mm) and holds the project's view.
    const CPLXMLNode* extent = CPLGetXMLNode(items["map"], "Extent");
    const double w =
        CPLAtof(CPLGetXMLValue(extent, "xmax", "0")) - CPLAtof(CPLGetXMLValue(extent, "xmin", "0"));
    const double h =
        CPLAtof(CPLGetXMLValue(extent, "ymax", "0")) - CPLAtof(CPLGetXMLValue(extent, "ymin", "0"));
    EXPECT_NEAR(w / h, 205.0 / 150.0, 1e-3);
    EXPECT_LE(CPLAtof(CPLGetXMLValue(extent, "xmin", "0")),
              CPLAtof(CPLGetXMLValue(doc.get(), "=qgis.mapcanvas.extent.xmin", "0")));
    // Readable names in the legend; the layers keep the GeoPackage's.
    EXPECT_NE(
        slurp(dir / "events.qgs").find(R"(name="legend/title-label" value="Directions of fire")"),
        std::string::npos);
    // The same input, the same bytes (fixed item ids).
    write_qgis_project(dir / "again.qgs", dir / "events.gpkg", options);
    EXPECT_EQ(slurp(dir / "events.qgs"), slurp(dir / "again.qgs"));
}

TEST(QgisProject, QgzIsAZipHoldingTheSameProject) {
    const fs::path dir = fresh_dir("qgz");
    const fs::path gpkg = exported_gpkg(dir);
    write_qgis_project(dir / "events.qgs", gpkg, {});
    write_qgis_project(dir / "events.qgz", gpkg, {});
    // Braces: GDAL does not know .qgz as a zip extension.
    const std::string zip = "/vsizip/{" + (dir / "events.qgz").string() + "}";
    char** list = VSIReadDir(zip.c_str());
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(CSLCount(list), 1);
    EXPECT_STREQ(list[0], "events.qgs");
    CSLDestroy(list);
    const std::string inner = zip + "/events.qgs";
    VSILFILE* f = VSIFOpenL(inner.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    std::string content;
    char buf[4096];
    std::size_t n = 0;
    while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) {
        content.append(buf, n);
    }
    VSIFCloseL(f);
    EXPECT_EQ(content, slurp(dir / "events.qgs"));
}

TEST(QgisProject, RefusesToReplaceWithoutOverwriteAndRejectsOtherExtensions) {
    const fs::path dir = fresh_dir("refuse");
    const fs::path gpkg = exported_gpkg(dir);
    std::ofstream(dir / "p.qgz") << "old";
    EXPECT_THROW(write_qgis_project(dir / "p.qgz", gpkg, {}), Error);
    EXPECT_EQ(slurp(dir / "p.qgz"), "old");
    try {
        write_qgis_project(dir / "p.gpkg", gpkg, {});
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
    }
    try {
        write_qgis_project(dir / "q.qgs", dir / "basemap" / "countries.geojson", {});
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        EXPECT_NE(std::string(e.what()).find("countries.geojson"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(dir / "q.qgs"));
}
