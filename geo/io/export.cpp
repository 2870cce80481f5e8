#include "geo/io/export.hpp"

#include "geo/core/error.hpp"
#include "geo/io/output_file.hpp"
#include "geo/io/qgis_project.hpp"

#include "geo/io/detail/events_layer.hpp"
#include "geo/io/detail/gdal.hpp"
#include "geo/io/detail/ogr_geometry.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>

namespace sitmap::geo {

namespace fs = std::filesystem;

namespace {

using namespace detail; // the GDAL bridge: handles, fields, layers

constexpr std::array<std::string_view, 7> bundled_basemap = {
    "countries", "admin1", "nagorno_karabakh", "lakes", "rivers", "borders", "corridor"};

void check_geometry(const Event& e, std::size_t index) {
    if (!has_geometry(e)) {
        throw input_error("event " + std::to_string(index + 1) +
                          (e.id.empty() ? std::string() : " (" + e.id + ")") + " has no geometry");
    }
}

void write_claims_layer(GDALDatasetH ds, const std::vector<Event>& events) {
    OGRLayerH layer = create_layer(ds, std::string(claims_layer), wkbPoint);
    add_field(layer, "event_id", OFTString);
    add_field(layer, "claim_index", OFTInteger);
    add_field(layer, "kind", OFTString);
    add_field(layer, "date_begin", OFTDate);
    add_field(layer, "place_name", OFTString);
    add_field(layer, "who", OFTString);
    add_field(layer, "side", OFTString);
    add_field(layer, "assertion", OFTString);
    add_field(layer, "against", OFTString);
    add_field(layer, "killed", OFTInteger);
    add_field(layer, "wounded", OFTInteger);
    add_field(layer, "text", OFTString);
    add_field(layer, "article", OFTString);
    add_field(layer, "source_begin", OFTInteger64);
    add_field(layer, "source_end", OFTInteger64);
    for (const Event& e : events) {
        write_claim_features(layer, e);
    }
}

void write_places_layer(GDALDatasetH ds, const std::vector<Event>& events,
                        const Gazetteer* gazetteer) {
    OGRLayerH layer = create_layer(ds, std::string(places_layer), wkbPoint);
    add_field(layer, "id", OFTString);
    add_field(layer, "name", OFTString);
    add_field(layer, "kind", OFTString);
    add_field(layer, "country", OFTString);
    add_field(layer, "admin1", OFTString);
    add_field(layer, "name_hy", OFTString);
    add_field(layer, "name_az", OFTString);
    add_field(layer, "name_ru", OFTString);
    add_field(layer, "population", OFTInteger64);
    add_field(layer, "source", OFTString);
    add_field(layer, "events", OFTInteger);

    std::map<std::string, int> counts; // place id -> number of events, in id order
    std::map<std::string, const Event*> first;
    for (const Event& e : events) {
        if (!e.place_id.empty()) {
            ++counts[e.place_id];
            first.emplace(e.place_id, &e);
        }
    }
    for (const auto& [id, count] : counts) {
        const Event& e = *first.at(id);
        write_place_feature(layer, id, gazetteer != nullptr ? gazetteer->find(id) : nullptr,
                            e.place_name, e.location, count);
    }
}

// One geometry type for a whole layer: polygons and lines become multi, points stay points
// unless some are multipoints.
OGRwkbGeometryType layer_type_for(OGRLayerH src) {
    bool polygon = false, line = false, point = false, multipoint = false;
    OGR_L_ResetReading(src);
    while (FeaturePtr f{OGR_L_GetNextFeature(src)}) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (g == nullptr) {
            continue;
        }
        switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
        case wkbPolygon:
        case wkbMultiPolygon:
            polygon = true;
            break;
        case wkbLineString:
        case wkbMultiLineString:
            line = true;
            break;
        case wkbPoint:
            point = true;
            break;
        case wkbMultiPoint:
            multipoint = true;
            break;
        default:
            break;
        }
    }
    OGR_L_ResetReading(src);
    if (int(polygon) + int(line) + int(point || multipoint) > 1) {
        return wkbUnknown;
    }
    if (polygon) {
        return wkbMultiPolygon;
    }
    if (line) {
        return wkbMultiLineString;
    }
    if (multipoint) {
        return wkbMultiPoint;
    }
    return point ? wkbPoint : wkbUnknown;
}

LayerGeometry copy_basemap_layer(GDALDatasetH ds, const BasemapLayer& basemap) {
    const std::string path = basemap.path.string();
    DatasetPtr src = open_vector(basemap.path, {"GeoJSON"});
    if (!src || GDALDatasetGetLayerCount(src.get()) < 1) {
        throw input_error(path + ": cannot read basemap layer: " + last_gdal_error());
    }
    OGRLayerH in = GDALDatasetGetLayer(src.get(), 0);
    const OGRwkbGeometryType type = layer_type_for(in);
    if (type == wkbUnknown) {
        throw input_error(path +
                          ": basemap layer has no geometry or mixes points, lines and areas");
    }
    OGRLayerH out = create_layer(ds, basemap.name, type);
    OGRFeatureDefnH in_defn = OGR_L_GetLayerDefn(in);
    for (int i = 0; i < OGR_FD_GetFieldCount(in_defn); ++i) {
        if (OGR_L_CreateField(out, OGR_FD_GetFieldDefn(in_defn, i), TRUE) != OGRERR_NONE) {
            throw output_error("layer " + basemap.name + ": " + last_gdal_error());
        }
    }
    OGRFeatureDefnH out_defn = OGR_L_GetLayerDefn(out);
    while (FeaturePtr f{OGR_L_GetNextFeature(in)}) {
        FeaturePtr copy(OGR_F_Create(out_defn));
        if (OGR_F_SetFrom(copy.get(), f.get(), TRUE) != OGRERR_NONE) {
            throw output_error("layer " + basemap.name + ": " + last_gdal_error());
        }
        if (OGRGeometryH g = OGR_F_StealGeometry(copy.get()); g != nullptr) {
            OGR_F_SetGeometryDirectly(copy.get(), OGR_G_ForceTo(g, type, nullptr));
        }
        create_feature(out, copy.get(), "a feature of basemap layer " + basemap.name);
    }
    return layer_geometry_of(type);
}

// The table QGIS itself creates to keep styles in a GeoPackage; a layer whose row is marked
// useAsDefault opens with that style.
void write_layer_styles(GDALDatasetH ds,
                        const std::vector<std::pair<std::string, LayerGeometry>>& layers,
                        const Symbology& symbology) {
    OGRLayerH styles = create_layer(ds, "layer_styles", wkbNone, {"FID=id"});
    struct Column {
        const char* name;
        OGRFieldType type;
        int width;
    };
    const std::array<Column, 11> columns = {{{"f_table_catalog", OFTString, 256},
                                             {"f_table_schema", OFTString, 256},
                                             {"f_table_name", OFTString, 256},
                                             {"f_geometry_column", OFTString, 256},
                                             {"styleName", OFTString, 30},
                                             {"styleQML", OFTString, 0},
                                             {"styleSLD", OFTString, 0},
                                             {"useAsDefault", OFTInteger, 0},
                                             {"description", OFTString, 0},
                                             {"owner", OFTString, 30},
                                             {"ui", OFTString, 30}}};
    for (const Column& c : columns) {
        add_field(styles, c.name, c.type, c.type == OFTInteger ? OFSTBoolean : OFSTNone, c.width);
    }
    FieldPtr time(OGR_Fld_Create("update_time", OFTDateTime));
    OGR_Fld_SetDefault(time.get(), "CURRENT_TIMESTAMP");
    if (OGR_L_CreateField(styles, time.get(), TRUE) != OGRERR_NONE) {
        throw output_error("layer_styles: " + last_gdal_error());
    }
    const char* stamp = CPLGetConfigOption("OGR_CURRENT_DATE", "");
    for (const auto& [name, geometry] : layers) {
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(styles)));
        set_field(f.get(), "f_table_catalog", "");
        set_field(f.get(), "f_table_schema", "");
        set_field(f.get(), "f_table_name", name);
        set_field(f.get(), "f_geometry_column", "geom");
        set_field(f.get(), "styleName", name);
        set_field(f.get(), "styleQML", layer_style_qml(name, geometry, symbology));
        set_field(f.get(), "styleSLD", "");
        set_field(f.get(), "useAsDefault", 1);
        set_field(f.get(), "description", "sitmap default style");
        set_field(f.get(), "owner", "");
        set_field(f.get(), "ui", "");
        OGR_F_SetFieldString(f.get(), OGR_F_GetFieldIndex(f.get(), "update_time"), stamp);
        create_feature(styles, f.get(), "the style of layer " + name);
    }
}

} // namespace

namespace {

// The time a GeoPackage says its content changed: $SOURCE_DATE_EPOCH when set (the reproducible
// builds convention), else the end of the latest event's last day, else the epoch; set as GDAL's
// OGR_CURRENT_DATE for this thread while the file is written.
class ContentStamp {
public:
    explicit ContentStamp(const std::vector<Event>& events) {
        std::chrono::sys_seconds t{};
        if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch) {
            t = std::chrono::sys_seconds{std::chrono::seconds{std::atoll(epoch)}};
        } else {
            for (const Event& e : events) {
                if (e.date.end.ok()) {
                    t = std::max(t, std::chrono::sys_seconds{std::chrono::sys_days{e.date.end}});
                }
            }
        }
        const std::time_t tt = std::chrono::system_clock::to_time_t(t);
        std::tm tm{};
        gmtime_r(&tt, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
        const char* old = CPLGetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr);
        m_had = old != nullptr;
        m_old = old != nullptr ? old : "";
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", buf);
    }
    ~ContentStamp() {
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", m_had ? m_old.c_str() : nullptr);
    }
    ContentStamp(const ContentStamp&) = delete;
    ContentStamp& operator=(const ContentStamp&) = delete;

private:
    bool m_had = false;
    std::string m_old;
};

} // namespace

bool has_geometry(const Event& event) {
    return to_ogr(event.location) != nullptr && to_ogr(event.geometry) != nullptr;
}

GisFormat gis_format_for(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".geojson" || ext == ".json") {
        return GisFormat::geojson;
    }
    if (ext == ".gpkg") {
        return GisFormat::gpkg;
    }
    if (ext == ".qgz") {
        return GisFormat::qgz;
    }
    if (ext == ".qgs") {
        return GisFormat::qgs;
    }
    if (ext == ".csv") {
        return GisFormat::acled_csv;
    }
    throw usage_error(path.string() + ": unknown output format '" + ext +
                      "' (known: .geojson, .gpkg, .qgz, .qgs, .csv for ACLED's columns)");
}

GisFormat gis_format_named(std::string_view name) {
    if (name == "geojson") {
        return GisFormat::geojson;
    }
    if (name == "gpkg") {
        return GisFormat::gpkg;
    }
    if (name == "qgz") {
        return GisFormat::qgz;
    }
    if (name == "qgs") {
        return GisFormat::qgs;
    }
    if (name == "acled") {
        return GisFormat::acled_csv;
    }
    throw usage_error("unknown format '" + std::string(name) +
                      "' (known: geojson, gpkg, qgz, qgs, acled)");
}

std::span<const std::string_view> basemap_layer_names() {
    return bundled_basemap;
}

std::vector<BasemapLayer> find_basemap_layers(const fs::path& dir) {
    std::vector<BasemapLayer> out;
    for (std::string_view name : bundled_basemap) {
        fs::path p = dir / (std::string(name) + ".geojson");
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            out.push_back({std::string(name), std::move(p)});
        }
    }
    return out;
}

void export_geojson(const std::vector<Event>& events, const fs::path& path, Overwrite overwrite) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        check_geometry(events[i], i);
    }
    EventsLayerFormat format = export_events_format();
    format.fire_lines = true;
    format.event_extents = true;
    write_events_geojson_file(events, path, overwrite, format);
}

void export_geopackage(const std::vector<Event>& events, const fs::path& path,
                       const GeoPackageOptions& options) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        check_geometry(events[i], i);
    }
    OutputFile out(path, options.overwrite);
    const QuietGdalErrors quiet;
    // The same input gives the same bytes: GDAL stamps gpkg_contents with OGR_CURRENT_DATE when it
    // is set, and the styles' update_time takes the same stamp.
    const ContentStamp stamp(events);
    try {
        DatasetPtr ds = create_vector("GPKG", out.temp_path());
        std::vector<std::pair<std::string, LayerGeometry>> styled;
        if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE) {
            throw output_error("cannot start a transaction: " + last_gdal_error());
        }
        for (const BasemapLayer& b : options.basemap) {
            styled.emplace_back(b.name, copy_basemap_layer(ds.get(), b));
        }
        write_places_layer(ds.get(), events, options.gazetteer);
        styled.emplace_back(places_layer, LayerGeometry::point);
        write_claims_layer(ds.get(), events);
        styled.emplace_back(claims_layer, LayerGeometry::point);
        EventsLayerFormat format = export_events_format();
        format.dates = EventsLayerFormat::Dates::date;
        OGRLayerH fire = create_layer(ds.get(), std::string(fire_lines_layer), wkbLineString);
        add_fire_line_fields(fire, format);
        write_fire_lines(fire, events, format);
        styled.emplace_back(fire_lines_layer, LayerGeometry::line);
        // Events known only to a region: their areas and lines, under the events' points.
        for (const auto& [name, type, shapes, geometry] :
             {std::tuple{event_areas_layer, wkbMultiPolygon, ExtentShapes::areas,
                         LayerGeometry::polygon},
              std::tuple{event_lines_layer, wkbMultiLineString, ExtentShapes::lines,
                         LayerGeometry::line}}) {
            OGRLayerH extents = create_layer(ds.get(), std::string(name), type);
            add_event_extent_fields(extents, format);
            write_event_extents(extents, events, format, shapes);
            styled.emplace_back(name, geometry);
        }
        write_events_layer(ds.get(), events, format);
        styled.emplace_back(events_layer, LayerGeometry::point);
        write_layer_styles(ds.get(), styled, options.symbology);
        if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) {
            throw output_error("cannot commit: " + last_gdal_error());
        }
        close_dataset(ds);
    } catch (const Error& e) {
        throw e.with_context(path.string());
    }
    out.commit();
}

} // namespace sitmap::geo
