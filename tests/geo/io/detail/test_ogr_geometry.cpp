// geo/io/detail/ogr_geometry.hpp (the GDAL bridge's geometry conversion, both ways) and the
// bridge's registration and handles (geo/io/detail/gdal.hpp).

#include "geo/io/detail/ogr_geometry.hpp"

#include "geo/core/error.hpp"

#include <gtest/gtest.h>

using namespace sitmap::geo;
using namespace sitmap::geo::detail;

namespace {

std::string wkt(const GeometryPtr& g) {
    char* text = nullptr;
    OGR_G_ExportToWkt(g.get(), &text);
    const CplString owner(text);
    return text != nullptr ? text : "";
}

GeometryPtr from_wkt(const char* text) {
    OGRGeometryH g = nullptr;
    char* cursor = const_cast<char*>(text);
    EXPECT_EQ(OGR_G_CreateFromWkt(&cursor, nullptr, &g), OGRERR_NONE) << text;
    return GeometryPtr(g);
}

const Path square{{45, 40}, {46, 40}, {46, 41}, {45, 41}, {45, 40}};

} // namespace

TEST(OgrGeometry, SitmapToOgrKeepsLonLatOrderAndDropsWhatCannotBeValid) {
    EXPECT_EQ(wkt(to_ogr(LonLat{45.5, 40.25})), "POINT (45.5 40.25)");
    EXPECT_EQ(to_ogr(LonLat{200, 40}), nullptr);
    EXPECT_EQ(wkt(to_ogr(LinesGeom{{{{45, 40}, {46, 41}}, {{47, 40}}}})),
              "LINESTRING (45 40,46 41)"); // the one-point line is dropped
    EXPECT_EQ(wkt(to_ogr(LinesGeom{{{{45, 40}, {46, 41}}}}, MultiParts::always)),
              "MULTILINESTRING ((45 40,46 41))");
    EXPECT_EQ(wkt(to_ogr(AreaGeom{{{square}, {square}}})),
              "MULTIPOLYGON (((45 40,46 40,46 41,45 41,45 40)),((45 40,46 40,46 41,45 41,45 40)))");
    EXPECT_EQ(to_ogr(AreaGeom{{{{{45, 40}, {46, 40}, {45, 40}}}}}), nullptr); // 3-point ring
    EXPECT_EQ(to_ogr(LinesGeom{}), nullptr);
}

TEST(OgrGeometry, OgrToSitmapRoundTripsAndCollapsesCollections) {
    const Geometry area = *from_ogr(to_ogr(AreaGeom{{{square}}}).get());
    ASSERT_TRUE(std::holds_alternative<AreaGeom>(area));
    EXPECT_EQ(std::get<AreaGeom>(area).polygons.at(0).at(0), square);
    // A collection is represented by its largest dimension.
    const auto mixed = from_wkt("GEOMETRYCOLLECTION (POINT (1 2),LINESTRING (0 0,1 1))");
    const auto lines = from_ogr(mixed.get());
    ASSERT_TRUE(lines && std::holds_alternative<LinesGeom>(*lines));
    EXPECT_FALSE(from_ogr(from_wkt("POINT EMPTY").get()));
    EXPECT_FALSE(from_ogr(nullptr));
}

TEST(OgrGeometry, StrictReadingNamesWhatIsWrong) {
    EXPECT_TRUE(std::holds_alternative<PointGeom>(from_ogr_strict(from_wkt("POINT (1 2)").get())));
    const auto message = [](OGRGeometryH g) {
        try {
            from_ogr_strict(g);
        } catch (const sitmap::Error& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    EXPECT_EQ(message(nullptr), "has no geometry");
    EXPECT_EQ(message(from_wkt("POINT EMPTY").get()), "has an empty Point geometry");
    EXPECT_EQ(message(from_wkt("MULTIPOINT ((1 2))").get())
                  .rfind("has an unsupported geometry type Multi Point", 0),
              0u);
}

TEST(OgrGeometry, LayerGeometryOfOgrTypes) {
    EXPECT_EQ(layer_geometry_of(wkbMultiPoint), LayerGeometry::point);
    EXPECT_EQ(layer_geometry_of(wkbLineString25D), LayerGeometry::line);
    EXPECT_EQ(layer_geometry_of(wkbMultiPolygon), LayerGeometry::polygon);
    EXPECT_EQ(layer_geometry_of(wkbNone), LayerGeometry::none);
}

TEST(GdalBridge, RegistersOnceAndReleasesSpatialReferences) {
    register_gdal();
    register_gdal(); // std::call_once: harmless
    EXPECT_NE(gdal_driver("GeoJSON"), nullptr);
    EXPECT_THROW(gdal_driver("NoSuchDriver"), sitmap::Error);
    // A reference GDAL takes of its own outlives ours (OSRRelease, not delete).
    SrsPtr srs = wgs84();
    OSRReference(srs.get());
    OGRSpatialReferenceH raw = srs.get();
    srs.reset();
    EXPECT_EQ(OSRIsGeographic(raw), 1);
    EXPECT_EQ(OSRDereference(raw), 0);
    OSRDestroySpatialReference(raw);
}
