// The renderer: draw order, projected positions, labels, legend, errors, the three outputs.

#include "render/map.hpp"

#include "geo/core/error.hpp"
#include "geo/io/vector_io.hpp"
#include "tests/render/map_fixture.hpp"
#include "tests/render/recording_canvas.hpp"
#include "tests/support/process.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <proj.h>

namespace sitmap {
namespace {

using test::Recorded;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("sitmap_test_render_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(MapRenderer, WalksLayersBottomToTopThenLabelsThenFurniture) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    map->render(canvas);
    const std::vector<std::string> expected = {
        "countries", "admin1",      "nagorno-karabakh", "lakes",       "rivers",      "borders",
        "corridor",  "settlements", "uncertainty",      "fire-lines",  "checkpoints", "context",
        "incidents", "labels",      "legend",           "north-arrow", "scale-bar",   "inset",
        "title",     "attribution"};
    EXPECT_EQ(canvas.layer_order(), expected);
    // Every incident mark comes after every country area.
    std::size_t last_country = 0;
    std::size_t first_incident = canvas.ops.size();
    for (std::size_t i = 0; i < canvas.ops.size(); ++i) {
        const auto& r = canvas.ops[i];
        if (r.layer == "countries" && r.op == Recorded::Op::area) {
            last_country = i;
        }
        if (r.layer == "incidents" && r.op == Recorded::Op::marker) {
            first_incident = std::min(first_incident, i);
        }
    }
    EXPECT_LT(last_country, first_incident);
}

// Sotk, Shusha and the checkpoint land where PROJ, called directly here, puts them: the canvas
// is the projected plane scaled (same factor on both axes, y flipped) and shifted.
TEST(MapRenderer, EventsLandAtCoordinatesProjectedIndependentlyWithProj) {
    test::MapFixture fx;
    auto map = fx.make();
    ASSERT_EQ(map->crs(), "EPSG:32638");
    test::RecordingCanvas canvas(1600, 1000);
    map->render(canvas);

    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", "EPSG:32638", nullptr);
    PJ* p = proj_normalize_for_visualization(ctx, raw);
    struct Expect {
        std::string id;
        double lon, lat;
        double x = 0, y = 0;
    };
    std::vector<Expect> pts = {{"shelling-2023-05-11-sotk", 45.86472, 40.20306},
                               {"statement-2023-05-10-shusha", 46.74989, 39.76006},
                               {"checkpoint_installed-2023-04-23-hakari-bridge", 46.553, 39.549}};
    for (auto& e : pts) {
        PJ_COORD c = proj_trans(p, PJ_FWD, proj_coord(e.lon, e.lat, 0, 0));
        e.x = c.xy.x;
        e.y = c.xy.y;
    }
    proj_destroy(p);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    // Sotk in UTM 38N (checked against the USGS formulas in
    // tests/geo/projection/test_projection.cpp).
    EXPECT_NEAR(pts[0].x, 573593.6, 1.0);
    EXPECT_NEAR(pts[0].y, 4450653.8, 1.0);

    std::vector<render::Point> at;
    for (const auto& e : pts) {
        const Recorded* r = canvas.marker(e.id);
        ASSERT_NE(r, nullptr) << e.id;
        at.push_back(r->at);
    }
    const double s = (at[0].x - at[1].x) / (pts[0].x - pts[1].x);
    EXPECT_GT(s, 0.0);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        for (std::size_t j = i + 1; j < pts.size(); ++j) {
            EXPECT_NEAR(at[i].x - at[j].x, s * (pts[i].x - pts[j].x), 0.05) << i << "," << j;
            EXPECT_NEAR(at[i].y - at[j].y, -s * (pts[i].y - pts[j].y), 0.05) << i << "," << j;
        }
    }
}

TEST(MapRenderer, NoTwoPlacedLabelsIntersectAndNoneCoversAnEventMark) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    ASSERT_GE(report.labels.size(), 10U);
    for (std::size_t i = 0; i < report.labels.size(); ++i) {
        for (std::size_t j = i + 1; j < report.labels.size(); ++j) {
            EXPECT_FALSE(report.labels[i].box.intersects(report.labels[j].box))
                << report.labels[i].run.text << " / " << report.labels[j].run.text;
        }
    }
    for (const auto& r : canvas.ops) {
        if (r.op != Recorded::Op::marker || r.id.empty()) {
            continue;
        }
        const double h = r.marker.size / 2;
        const render::Rect mark{r.at.x - h, r.at.y - h, 2 * h, 2 * h};
        for (const auto& l : report.labels) {
            EXPECT_FALSE(l.box.intersects(mark)) << l.run.text << " covers " << r.id;
        }
    }
    std::set<std::string> texts;
    for (const auto& l : report.labels) {
        texts.insert(l.run.text);
    }
    EXPECT_TRUE(texts.contains("Sotk · 11 May 2023"));
    EXPECT_TRUE(texts.contains("Hakari bridge · 23 Apr 2023"));
    EXPECT_TRUE(texts.contains("Shusha · 10 May 2023"));
    // The settlement "Sotk" is not labelled a second time.
    EXPECT_FALSE(texts.contains("Sotk"));
}

TEST(MapRenderer, LegendListsExactlyTheKindsDrawn) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    std::map<std::string, std::string> kind_of;
    for (const auto& e : fx.events->events) {
        kind_of[e.id] = std::string(geo::to_string(e.kind));
    }
    std::set<std::string> drawn;
    for (const auto& r : canvas.ops) {
        if (r.op == Recorded::Op::marker && kind_of.contains(r.id) &&
            r.marker.shape != render::MarkerShape::ring) {
            drawn.insert(kind_of[r.id]);
        }
    }
    std::set<std::string> listed;
    for (const auto& key : report.legend) {
        for (const auto& [id, kind] : kind_of) {
            if (key == kind) {
                listed.insert(key);
            }
        }
    }
    EXPECT_EQ(drawn, (std::set<std::string>{"shelling", "checkpoint_installed", "statement"}));
    EXPECT_EQ(listed, drawn);
    const std::set<std::string> legend(report.legend.begin(), report.legend.end());
    // Sotk's shelling is disputed between Armenia and Azerbaijan: a split symbol, explained.
    EXPECT_TRUE(legend.contains("disputed-armenia-azerbaijan"));
    EXPECT_FALSE(legend.contains("disputed")); // no dashed ring: both sides are named
    // The eastern sector is a band along the border: the sector entry, not the district one.
    EXPECT_TRUE(legend.contains("uncertain-sector"));
    EXPECT_FALSE(legend.contains("uncertain-region"));
    EXPECT_TRUE(legend.contains("casualty-scale"));
    EXPECT_TRUE(legend.contains("border-am-az"));
    EXPECT_TRUE(legend.contains("corridor-schematic"));
    EXPECT_FALSE(legend.contains("mortar_fire"));
    EXPECT_FALSE(legend.contains("talks")); // Brussels is off the map
}

TEST(MapRenderer, StatesWhatIsOffTheMapAndTheProjection) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    ASSERT_EQ(report.events_outside.size(), 1U);
    EXPECT_EQ(report.events_outside[0], "talks at Brussels (14 May 2023)");
    EXPECT_EQ(report.projection, "WGS 84 / UTM zone 38N");
    bool subtitle = false;
    bool projection = false;
    for (const auto& r : canvas.ops) {
        if (r.op == Recorded::Op::text && r.id.starts_with("6 Nov 2022 – 11 May 2023")) {
            subtitle = true;
        }
        if (r.op == Recorded::Op::text && r.id.find("WGS 84 / UTM zone 38N") != std::string::npos) {
            projection = true;
        }
    }
    EXPECT_TRUE(subtitle);
    EXPECT_TRUE(projection);
}

TEST(MapRenderer, ListsPlacesTheSourcesNameButTheGazetteerLacks) {
    test::MapFixture fx;
    render::MapOptions options;
    options.not_located = {"Qwertyabad", "Zzyzxville", "A", "B", "C", "D", "E", "F"};
    auto map = fx.make(options);
    test::RecordingCanvas canvas(1600, 1000);
    map->render(canvas);
    std::string footer;
    for (const auto& r : canvas.ops) {
        if (r.op == Recorded::Op::text && r.id.find("Not located") != std::string::npos) {
            footer = r.id;
        }
    }
    // Six names, then how many more; never drawn as marks.
    EXPECT_NE(footer.find("Qwertyabad, Zzyzxville, A, B, C, D and 2 more."), std::string::npos)
        << footer;
    EXPECT_EQ(footer.find("E,"), std::string::npos);
}

TEST(MapRenderer, AutoExtentIsARegionalContextAroundTheEvents) {
    test::MapFixture fx;
    auto map = fx.make();
    const geo::BBox& e = map->requested_extent();
    EXPECT_GE(e.east - e.west, 2.6 - 1e-9);
    EXPECT_GE(e.north - e.south, 1.8 - 1e-9);
    EXPECT_LT(e.west, 45.9239);
    EXPECT_GT(e.east, 46.7517);
    EXPECT_LT(e.east, 48.0); // Brussels does not stretch the map
}

TEST(MapRenderer, ExplicitAndPlaceExtents) {
    test::MapFixture fx;
    render::MapOptions o;
    o.extent = "45,39,47,41";
    auto map = fx.make(o);
    EXPECT_EQ(map->requested_extent(), (geo::BBox{45, 39, 47, 41}));
    render::MapOptions by_place;
    by_place.extent = "Sotk:30";
    by_place.find_place = [](std::string_view name) -> std::optional<geo::LonLat> {
        if (name == "Sotk") {
            return geo::LonLat{45.86472, 40.20306};
        }
        return std::nullopt;
    };
    auto around = fx.make(by_place);
    const geo::BBox& b = around->requested_extent();
    EXPECT_NEAR((b.north - b.south) / 2 * 111.2, 30.0, 0.5); // 30 km north and south
}

TEST(MapRenderer, RejectsBadOptionsWithUsageErrors) {
    test::MapFixture fx;
    auto expect_usage = [&](render::MapOptions o, const std::string& needle) {
        try {
            fx.make(std::move(o));
            FAIL() << "no error for " << needle;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::usage);
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    };
    render::MapOptions o;
    o.crs = "EPSG:999999";
    expect_usage(o, "unknown CRS 'EPSG:999999'");
    o = {};
    o.extent = "47,39,45,41";
    expect_usage(o, "inverted");
    o = {};
    o.extent = "45,39,47,95";
    expect_usage(o, "out of range");
    o = {};
    o.extent = "Atlantis";
    expect_usage(o, "unknown place 'Atlantis'");
    o = {};
    o.lang = "fr";
    expect_usage(o, "--lang 'fr'");
    o = {};
    o.size = {0, 0, 1};
    expect_usage(o, "out of range");
    o = {};
    o.size = {100000, 100000, 1};
    expect_usage(o, "out of range");
}

TEST(PageSizes, ParseSizeAndPaper) {
    const auto s = render::parse_size("1600x1000");
    EXPECT_EQ(s.width, 1600);
    EXPECT_EQ(s.height, 1000);
    EXPECT_THROW(render::parse_size("0x0"), Error);
    EXPECT_THROW(render::parse_size("100000x100000"), Error);
    EXPECT_THROW(render::parse_size("big"), Error);
    const auto a4 = render::paper_size("a4-landscape", 300);
    EXPECT_NEAR(a4.width, 841.89, 0.01);
    EXPECT_NEAR(a4.height, 595.28, 0.01);
    EXPECT_NEAR(a4.width * a4.pixel_scale, 3507.9, 0.1);
    EXPECT_THROW(render::paper_size("a4-sideways", 300), Error);
    EXPECT_EQ(render::output_format_for("x.PDF"), render::OutputFormat::pdf);
    EXPECT_THROW(render::output_format_for("x.gif"), Error);
}

// ---- the three outputs, through the sitmap command ------------------------------------------

std::string map_cmd(const std::string& args) {
    return "-q --gazetteer " + (test::basemap() / "gazetteer.geojson").string() + " map " +
           test::seed_events().string() + " --basemap " + test::basemap().string() + " " + args;
}

TEST(MapOutputs, SameInputGivesByteIdenticalPngSvgPdf) {
    const auto dir = temp_dir("determinism");
    for (const std::string ext : {"png", "svg", "pdf"}) {
        const auto a = dir / ("a." + ext);
        const auto b = dir / ("b." + ext);
        ASSERT_EQ(test::run_sitmap(map_cmd("-o " + a.string())).code, 0);
        ASSERT_EQ(test::run_sitmap(map_cmd("-o " + b.string())).code, 0);
        const std::string da = slurp(a);
        EXPECT_GT(da.size(), 10000U) << ext;
        EXPECT_TRUE(da == slurp(b)) << ext << " differs between two runs";
        EXPECT_FALSE(std::filesystem::exists(a.string() + ".tmp"));
    }
}

TEST(MapOutputs, PdfKeepsPlaceNamesAsText) {
    const auto dir = temp_dir("pdftext");
    const auto pdf = dir / "map.pdf";
    ASSERT_EQ(test::run_sitmap(map_cmd("--paper a4-landscape -o " + pdf.string())).code, 0);
    const auto text = test::run_command("pdftotext -layout " + pdf.string() + " -", false);
    ASSERT_EQ(text.code, 0);
    for (const char* name : {"Sotk", "Shusha", "Hakari bridge", "Yerevan", "Stepanakert",
                             "Nagorno-Karabakh", "WGS 84 / UTM zone 38N", "GeoNames"}) {
        EXPECT_NE(text.out.find(name), std::string::npos) << name;
    }
    const auto fonts = test::run_command("pdffonts " + pdf.string(), false);
    EXPECT_NE(fonts.out.find("NotoSans"), std::string::npos);
    EXPECT_EQ(fonts.out.find(" no  "), std::string::npos) << "a font is not embedded:\n"
                                                          << fonts.out;
}

TEST(MapOutputs, CreditsWikipediaAndWhosOnFirstOnlyWhenTheDataHasPlacesFromThem) {
    // The fixture gazetteer holds GeoNames places only; the bundled one has curated villages whose
    // positions and names come from Wikipedia articles (CC BY-SA 4.0).
    const auto dir = temp_dir("credits");
    const auto fixture = dir / "fixture.svg";
    ASSERT_EQ(test::run_sitmap(map_cmd("-o " + fixture.string())).code, 0);
    const std::string bundled_gazetteer =
        std::string(SITMAP_SOURCE_DIR) + "/data/geojson/gazetteer.geojson";
    const auto bundled = dir / "bundled.svg";
    ASSERT_EQ(test::run_sitmap("-q --gazetteer " + bundled_gazetteer + " map " +
                               test::seed_events().string() + " -o " + bundled.string())
                  .code,
              0);
    const std::string credit = "Places: GeoNames (CC-BY 4.0), Who&apos;s On First (CC0; "
                               "GeoNames-derived parts CC-BY 4.0), Wikipedia (CC BY-SA 4.0)";
    EXPECT_EQ(slurp(fixture).find("Wikipedia"), std::string::npos);
    EXPECT_EQ(slurp(fixture).find("Who&apos;s On First"), std::string::npos);
    EXPECT_NE(slurp(fixture).find("Places: GeoNames (CC-BY 4.0)"), std::string::npos);
    EXPECT_NE(slurp(bundled).find(credit), std::string::npos);
    // The bundled border states its source and the date of the line.
    EXPECT_NE(slurp(bundled).find("Armenia–Azerbaijan border: Who&apos;s On First (CC0), line of "
                                  "2023-09-28"),
              std::string::npos);
}

TEST(MapOutputs, SvgHasRealTextIdsTitlesAndSymbolsDefinedOnce) {
    const auto dir = temp_dir("svg");
    const auto svg = dir / "map.svg";
    ASSERT_EQ(test::run_sitmap(map_cmd("-o " + svg.string())).code, 0);
    const std::string s = slurp(svg);
    EXPECT_NE(s.find(">Sotk · 11 May 2023</text>"), std::string::npos);
    EXPECT_NE(s.find(">Shusha · 10 May 2023</text>"), std::string::npos);
    EXPECT_NE(s.find(">Yerevan</text>"), std::string::npos);
    // Ids come from the events module (stable: date, kind, place).
    EXPECT_NE(s.find("<use id=\"evt-2023-05-11-shelling-sitmap-sotk\""), std::string::npos);
    EXPECT_NE(s.find("<title>Sotk, 11 May 2023: shelling (disputed). Claims: Armenian Ministry of "
                     "Defence (accuses azerbaijan): 4 wounded; Azerbaijani Ministry of Defence "
                     "(accuses armenia): 1 killed, 1 wounded</title>"),
              std::string::npos);
    // An event known only to a border sector: its band carries the id and the title.
    EXPECT_NE(s.find("<path id=\"evt-"), std::string::npos);
    EXPECT_NE(s.find("<title>Armenia–Azerbaijan border, eastern sector, 6–7 Nov 2022: small arms "
                     "fire (disputed). Claims: "),
              std::string::npos);
    // Each marker symbol is defined once and referenced.
    std::set<std::string> defined;
    std::size_t pos = 0;
    while ((pos = s.find("<g id=\"m", pos)) != std::string::npos) {
        const auto end = s.find('"', pos + 7);
        EXPECT_TRUE(defined.insert(s.substr(pos + 7, end - pos - 7)).second);
        pos = end;
    }
    EXPECT_GE(defined.size(), 5U);
    for (const auto& id : defined) {
        EXPECT_NE(s.find("href=\"#" + id + "\""), std::string::npos) << id;
    }
    EXPECT_EQ(s.find("<path d=\"M0 0Z"), std::string::npos);
}

// The bundled example as scripts/run draws it (1600x1000): both disputed incidents carry each
// side's claim, as text, on the map; Sotk's (hemmed in by the border and Vardenis) farther off
// with a leader line rather than without its claims.
TEST(MapOutputs, BundledExampleShowsEachSidesClaimsForBothDisputedIncidents) {
    const auto dir = temp_dir("claims");
    const auto svg = dir / "example.svg";
    const std::filesystem::path example =
        std::filesystem::path(SITMAP_SOURCE_DIR) / "examples" / "border-2022-2023.csv";
    const auto r = test::run_sitmap(
        "map " + example.string() +
        " --lint --title 'Armenia–Azerbaijan border: reported incidents, Nov 2022 – May 2023' -o " +
        svg.string());
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(r.out.find("no room for each side's claims"), std::string::npos) << r.out;
    const std::string text = slurp(svg);
    const auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) {
            ++n;
        }
        return n;
    };
    EXPECT_EQ(count(">Sotk · 11 May 2023</text>"), 1U);
    EXPECT_EQ(count(">Armenia: 1 killed</text>"), 1U);
    EXPECT_EQ(count(">Armenia: blames Azerbaijan</text>"), 1U);
    EXPECT_EQ(count(">Azerbaijan: blames Armenia</text>"), 2U);
    EXPECT_EQ(count("claims not shown"), 0U);
}

TEST(MapOutputs, ArticleTextIsEscapedInSvg) {
    const auto dir = temp_dir("escape");
    const auto events = dir / "evil.geojson";
    std::ofstream(events) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{"id":"x\"><script>alert(1)</script>","kind":"shelling","date_begin":"2023-05-11",
 "date_end":"2023-05-11","place_name":"Sotk <b>&amp; \"co\"","geo_precision":1,
 "claims":[{"who":"A & B <MoD>","assertion":"accuses","against":"armenia","killed":2}]},
 "geometry":{"type":"Point","coordinates":[45.86472,40.20306]}}]})";
    const auto svg = dir / "map.svg";
    const auto r = test::run_sitmap(
        "-q --gazetteer " + (test::basemap() / "gazetteer.geojson").string() + " map " +
        events.string() + " --basemap " + test::basemap().string() + " -o " + svg.string());
    ASSERT_EQ(r.code, 0) << r.out;
    const std::string s = slurp(svg);
    EXPECT_EQ(s.find("<script>"), std::string::npos);
    EXPECT_EQ(s.find("<b>"), std::string::npos);
    EXPECT_EQ(s.find("<MoD>"), std::string::npos);
    EXPECT_NE(s.find("Sotk &lt;b&gt;&amp;amp; &quot;co&quot;"), std::string::npos);
    EXPECT_NE(s.find("A &amp; B &lt;MoD&gt;"), std::string::npos);
    // Still a well-formed document for a real SVG reader.
    EXPECT_EQ(
        test::run_command("rsvg-convert " + svg.string() + " -o " + (dir / "x.png").string()).code,
        0);
}

TEST(MapOutputs, LabelsInArmenianRussianAndAzerbaijani) {
    const auto dir = temp_dir("lang");
    const std::map<std::string, std::string> expect = {
        {"hy", ">Երևան</text>"}, {"ru", ">Ереван</text>"}, {"az", ">İrəvan</text>"}};
    for (const auto& [lang, needle] : expect) {
        const auto svg = dir / (lang + ".svg");
        const auto r = test::run_sitmap(map_cmd("--lint --lang " + lang + " -o " + svg.string()));
        ASSERT_EQ(r.code, 0) << r.out;
        EXPECT_NE(slurp(svg).find(needle), std::string::npos) << lang;
        EXPECT_NE(r.out.find("0 with missing glyphs"), std::string::npos) << r.out;
    }
}

TEST(MapOutputs, BadInputFailsCleanlyAndLeavesNothing) {
    const auto dir = temp_dir("bad");
    const auto out = dir / "map.png";
    auto expect = [&](const std::string& args, int code, const std::string& needle) {
        const auto r = test::run_sitmap(args);
        EXPECT_EQ(r.code, code) << args << "\n" << r.out;
        EXPECT_NE(r.out.find(needle), std::string::npos) << r.out;
        EXPECT_FALSE(std::filesystem::exists(out)) << args;
        EXPECT_FALSE(std::filesystem::exists(out.string() + ".tmp")) << args;
    };
    expect(map_cmd("--crs EPSG:999999 -o " + out.string()), 2, "unknown CRS");
    expect(map_cmd("--extent 47,39,45,41 -o " + out.string()), 2, "inverted");
    expect(map_cmd("--size 0x0 -o " + out.string()), 2, "--size");
    expect(map_cmd("--size 100000x100000 -o " + out.string()), 2, "--size");
    expect(map_cmd("-o " + (dir / "map.gif").string()), 2, "unknown output format");
    expect(map_cmd("-o /nonexistent-dir/map.png"), 3, "/nonexistent-dir/map.png");
    std::ofstream(dir / "style.json")
        << R"({"layers":[{"id":"incidents","paint":{"circle-colour":"red"}}]})";
    expect(map_cmd("--style " + (dir / "style.json").string() + " -o " + out.string()), 1,
           "unknown property 'circle-colour'");
    std::ofstream(dir / "style2.json")
        << R"({"layers":[{"id":"incidents","paint":{"circle-radius":"big"}}]})";
    expect(map_cmd("--style " + (dir / "style2.json").string() + " -o " + out.string()), 1,
           "property 'circle-radius' has the wrong type");
    expect(map_cmd("--plugin /lib/x86_64-linux-gnu/libm.so.6 -o " + out.string()), 2,
           "not a sitmap plugin");
    std::ofstream(dir / "broken.geojson") << "{\"type\": \"FeatureCollection\", \"features\": [";
    expect("map " + (dir / "broken.geojson").string() + " -o " + out.string(), 1, "broken.geojson");
}

// ---- reference images ----------------------------------------------------------------------

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;
};

} // namespace
} // namespace sitmap

#include <cairo.h>

namespace sitmap {
namespace {

Image load_png(const std::filesystem::path& p) {
    Image img;
    cairo_surface_t* s = cairo_image_surface_create_from_png(p.c_str());
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        img.width = cairo_image_surface_get_width(s);
        img.height = cairo_image_surface_get_height(s);
        const int stride = cairo_image_surface_get_stride(s);
        const unsigned char* data = cairo_image_surface_get_data(s);
        for (int y = 0; y < img.height; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
            img.pixels.insert(img.pixels.end(), row, row + img.width);
        }
    }
    cairo_surface_destroy(s);
    return img;
}

// Tolerance: at most 0.5% of the pixels may differ by more than 40 in a channel, and the mean
// absolute difference over all channels must stay under 1.5 (font rasterisation and encoder
// differences between machines, nothing that moves a symbol or a label).
void expect_like_reference(const std::filesystem::path& actual, const std::string& name) {
    const auto ref_path = std::filesystem::path(SITMAP_SOURCE_DIR) / "tests" / "reference" / name;
    ASSERT_TRUE(std::filesystem::exists(ref_path))
        << "missing reference image " << ref_path << ": run scripts/update-references";
    const Image ref = load_png(ref_path);
    const Image img = load_png(actual);
    ASSERT_EQ(img.width, ref.width) << name;
    ASSERT_EQ(img.height, ref.height) << name;
    std::size_t differing = 0;
    double total = 0.0;
    for (std::size_t i = 0; i < img.pixels.size(); ++i) {
        int worst = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            const int a = static_cast<int>((img.pixels[i] >> shift) & 0xffU);
            const int b = static_cast<int>((ref.pixels[i] >> shift) & 0xffU);
            worst = std::max(worst, std::abs(a - b));
            total += std::abs(a - b);
        }
        if (worst > 40) {
            ++differing;
        }
    }
    const double share = static_cast<double>(differing) / static_cast<double>(img.pixels.size());
    const double mean = total / (4.0 * static_cast<double>(img.pixels.size()));
    EXPECT_LE(share, 0.005) << name << ": " << differing << " pixels differ";
    EXPECT_LE(mean, 1.5) << name;
}

TEST(ReferenceImages, SeedMapInThreeFormats) {
    const auto dir = temp_dir("reference");
    const auto png = dir / "seed_map.png";
    const auto svg = dir / "seed_map.svg";
    const auto pdf = dir / "seed_map.pdf";
    for (const auto& out : {png, svg, pdf}) {
        ASSERT_EQ(test::run_sitmap(map_cmd("-o " + out.string())).code, 0);
    }
    ASSERT_EQ(test::run_command("rsvg-convert " + svg.string() + " -o " +
                                (dir / "seed_map_svg.png").string())
                  .code,
              0);
    ASSERT_EQ(test::run_command("pdftoppm -png -r 72 -singlefile " + pdf.string() + " " +
                                (dir / "seed_map_pdf").string())
                  .code,
              0);
    expect_like_reference(png, "seed_map.png");
    expect_like_reference(dir / "seed_map_svg.png", "seed_map_svg.png");
    expect_like_reference(dir / "seed_map_pdf.png", "seed_map_pdf.png");
}

// Captions word the symbols as drawn: the fixture's statement is a diamond, its shelling a
// circle (split: disputed), its sector a band; nothing is called what it is not.
TEST(MapRenderer, DescribeSymbolsNamesTheShapesDrawn) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const std::string text = render::describe_symbols(map->render(canvas));
    EXPECT_NE(text.find("Circle: Shelling (artillery)"), std::string::npos) << text;
    EXPECT_NE(text.find("split circle: Disputed: left Armenia's claim"), std::string::npos);
    EXPECT_NE(text.find("diamond: Statement or speech"), std::string::npos);
    EXPECT_NE(text.find("band along the border: Location known only to a border sector"),
              std::string::npos);
    EXPECT_NE(text.find("barrier: Checkpoint installed"), std::string::npos);
    EXPECT_EQ(text.find("context"), std::string::npos);
    EXPECT_NE(text.find("Larger symbols"), std::string::npos);
}

// A PDF without --size or --paper is printed: A4 landscape in points, not 1600x1000 pt. PNG and
// SVG keep their pixel default.
TEST(MapRenderer, PdfDefaultsToA4Landscape) {
    EXPECT_EQ(render::default_page_size(render::OutputFormat::png).width, 1600.0);
    EXPECT_EQ(render::default_page_size(render::OutputFormat::svg).height, 1000.0);
    const auto dir = temp_dir("pdf_default");
    const auto pdf = dir / "map.pdf";
    ASSERT_EQ(test::run_sitmap(map_cmd("-o " + pdf.string())).code, 0);
    const auto info = test::run_command("pdfinfo " + pdf.string(), false);
    EXPECT_NE(info.out.find("Page size:       841.89 x 595.276 pts (A4)"), std::string::npos)
        << info.out;
}

// Directions of fire: an arrow per origin in the claimant's colour, its head at the target's
// mark, the origin named; none from a country or from the place itself.
TEST(ReferenceImages, DirectionsOfFire) {
    const auto dir = temp_dir("reference_fire");
    const auto png = dir / "fire_map.png";
    const auto r =
        test::run_sitmap("-q --gazetteer " + (test::basemap() / "gazetteer.geojson").string() +
                         " map " + test::fire_events().string() + " --basemap " +
                         test::basemap().string() + " -o " + png.string());
    ASSERT_EQ(r.code, 0) << r.out;
    expect_like_reference(png, "fire_map.png");
}

TEST(ReferenceImages, PlaceExtentWithPluginInArmenian) {
    const auto dir = temp_dir("reference2");
    const auto png = dir / "sotk_rings_hy.png";
    const auto plugin = std::filesystem::path(SITMAP_BINARY).parent_path().parent_path() /
                        "plugins/range_rings/libsitmap_range_rings.so";
    const auto r = test::run_sitmap(
        map_cmd("--lang hy --size 1200x900 --extent Sotk:60 --plugin '" + plugin.string() +
                "?lon=45.86472&lat=40.20306&radii=10,25,50' -o " + png.string()));
    ASSERT_EQ(r.code, 0) << r.out;
    expect_like_reference(png, "sotk_rings_hy.png");
}

} // namespace
} // namespace sitmap

namespace sitmap {
namespace {

const render::LegendEntry* legend_entry(const render::RenderReport& report,
                                        const std::string& key) {
    for (const auto& e : report.legend_entries) {
        if (e.key == key) {
            return &e;
        }
    }
    return nullptr;
}

// The border-sector band looks the same in the legend as on the map: the swatch is the very line
// symbol the band is drawn with (not a hatched box), and it is not the border's colour.
TEST(MapRenderer, SectorBandAndItsLegendSwatchAreTheSameSymbol) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    const render::LegendEntry* entry = legend_entry(report, "uncertain-sector");
    ASSERT_NE(entry, nullptr);
    ASSERT_EQ(entry->samples.size(), 1U);
    const auto* swatch = std::get_if<render::LineSymbol>(&entry->samples.front());
    ASSERT_NE(swatch, nullptr) << "the swatch of a band is a band";
    bool drawn = false;
    for (const auto& r : canvas.ops) {
        if (r.layer == "uncertainty" && r.op == Recorded::Op::lines) {
            EXPECT_EQ(r.line, *swatch);
            drawn = true;
        }
    }
    EXPECT_TRUE(drawn);
    const render::Style style = render::Style::builtin();
    EXPECT_NE(swatch->color.with_alpha(1), style.layer("borders-am-az").line_color.with_alpha(1));
}

// The border is quiet: a dark grey line on a light casing, neither of them incident red.
TEST(MapRenderer, BorderIsACasedDarkGreyLineNotIncidentRed) {
    const render::Style style = render::Style::builtin();
    const render::Color line = style.layer("borders-am-az").line_color;
    const render::Color casing = style.layer("borders-am-az-casing").line_color;
    const render::Color incident = style.layer("incidents").circle_color;
    const auto grey = [](render::Color c) {
        return std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}) < 0.1;
    };
    EXPECT_TRUE(grey(line)) << line.hex();
    EXPECT_LT(line.r, 0.4) << "dark";
    EXPECT_TRUE(grey(casing)) << casing.hex();
    EXPECT_GT(casing.r, line.r + 0.3) << "the casing is lighter than the line";
    EXPECT_GT(style.layer("borders-am-az-casing").line_width,
              style.layer("borders-am-az").line_width);
    EXPECT_FALSE(grey(incident));
}

// The casualty key is drawn in the shape of the marks that carry casualties (Sotk's shelling: a
// circle here; with the style drawing shelling as a diamond, diamonds).
TEST(MapRenderer, CasualtyKeyUsesTheShapeOfTheMarksDrawn) {
    for (const auto& [style_json, shape] :
         {std::pair{std::string(R"({"layers":[]})"), render::MarkerShape::circle},
          std::pair{std::string(R"({"layers":[{"id":"incidents","paint":{"sitmap:marker-shape":
              ["match",["get","kind"],"shelling","diamond","circle"]}}]})"),
                    render::MarkerShape::diamond}}) {
        test::MapFixture fx;
        render::MapOptions options;
        options.style = render::Style::from_json(style_json, "inline");
        auto map = fx.make(std::move(options));
        test::RecordingCanvas canvas(1600, 1000);
        const auto report = map->render(canvas);
        const render::LegendEntry* scale = legend_entry(report, "casualty-scale");
        ASSERT_NE(scale, nullptr);
        ASSERT_EQ(scale->samples.size(), 3U);
        for (const auto& sample : scale->samples) {
            EXPECT_EQ(std::get<render::MarkerSymbol>(sample).shape, shape);
        }
        const Recorded* sotk = canvas.marker("shelling-2023-05-11-sotk");
        ASSERT_NE(sotk, nullptr);
        EXPECT_EQ(sotk->marker.shape, shape);
    }
}

// A disputed incident: a split symbol (Armenia's claim colour on the left, Azerbaijan's on the
// right), its legend sample the same colours, and each side's figures under the label.
TEST(MapRenderer, DisputedIncidentShowsBothSidesClaims) {
    test::MapFixture fx;
    auto map = fx.make();
    test::RecordingCanvas canvas(1600, 1000);
    const auto report = map->render(canvas);
    const render::Style style = render::Style::builtin();
    const Recorded* sotk = canvas.marker("shelling-2023-05-11-sotk");
    ASSERT_NE(sotk, nullptr);
    EXPECT_EQ(sotk->marker.fill, style.layer("claim-armenia").circle_color);
    EXPECT_EQ(sotk->marker.fill_right, style.layer("claim-azerbaijan").circle_color);
    const render::LegendEntry* entry = legend_entry(report, "disputed-armenia-azerbaijan");
    ASSERT_NE(entry, nullptr);
    const auto& sample = std::get<render::MarkerSymbol>(entry->samples.front());
    EXPECT_EQ(sample.fill, sotk->marker.fill);
    EXPECT_EQ(sample.fill_right, sotk->marker.fill_right);
    EXPECT_NE(entry->label.find("Armenia"), std::string::npos);
    // No ring around it.
    for (const auto& r : canvas.ops) {
        EXPECT_FALSE(r.op == Recorded::Op::marker && r.marker.shape == render::MarkerShape::ring &&
                     r.at == sotk->at);
    }
    // The figures each side gives, from the claims (Armenia: 4 wounded; Azerbaijan: 1 and 1).
    const render::PlacedLabel* label = nullptr;
    for (const auto& l : report.labels) {
        if (l.run.text == "Sotk · 11 May 2023") {
            label = &l;
        }
    }
    ASSERT_NE(label, nullptr);
    ASSERT_EQ(label->details.size(), 2U);
    EXPECT_EQ(label->details[0].text, "Armenia: 4 wounded");
    EXPECT_EQ(label->details[1].text, "Azerbaijan: 1 killed, 1 wounded");
    for (const auto& d : label->details) {
        EXPECT_GE(d.origin.y, label->run.origin.y + label->run.height - 0.01);
        EXPECT_TRUE(label->box.inflated(0.5).contains(
            render::Rect{d.origin.x, d.origin.y, d.width, d.height}));
    }
    // An undisputed event stays simple: one colour, one line.
    const Recorded* hakari = canvas.marker("checkpoint_installed-2023-04-23-hakari-bridge");
    ASSERT_NE(hakari, nullptr);
    EXPECT_FALSE(hakari->marker.fill_right.visible());
}

// No placed label crosses the Armenia–Azerbaijan border line or the corridor road, and an event's
// label stays on its mark's side of the border.
TEST(MapRenderer, NoLabelCrossesTheBorder) {
    for (const std::string extent : {"auto", "45.3,39.8,46.5,40.6"}) {
        test::MapFixture fx;
        render::MapOptions options;
        options.extent = extent;
        auto map = fx.make(std::move(options));
        test::RecordingCanvas canvas(1600, 1000);
        const auto report = map->render(canvas);
        std::vector<render::Ring> border;
        for (const auto& f : geo::read_vector_file(test::basemap() / "borders.geojson")) {
            const std::string_view c = f.property("countries");
            if (c != "AM-AZ" && c != "AZ-AM") {
                continue;
            }
            for (const auto& line : std::get<geo::LinesGeom>(f.geometry).lines) {
                render::Ring r;
                for (const auto& p : line) {
                    r.push_back(map->to_canvas(p));
                }
                border.push_back(std::move(r));
            }
        }
        ASSERT_FALSE(border.empty());
        render::CollisionIndex lines({0, 0, 1600, 1000}, 32);
        for (const auto& r : border) {
            for (std::size_t i = 1; i < r.size(); ++i) {
                lines.insert_segment(r[i - 1], r[i]);
            }
        }
        for (const auto& l : report.labels) {
            if (l.run.angle == 0.0) {
                EXPECT_FALSE(lines.hits(l.box)) << extent << ": " << l.run.text;
            }
            // Nor does a leader line from a mark to its label.
            if (l.leader.size() == 2) {
                EXPECT_FALSE(lines.hits_segment(l.leader[0], l.leader[1]))
                    << extent << ": leader of " << l.run.text;
            }
        }
    }
}

} // namespace
} // namespace sitmap
