#include "geo/io/export.hpp"

#include "geo/core/error.hpp"
#include "geo/io/output_file.hpp"
#include "geo/io/qgis_project.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "geo/io/detail/gdal.hpp"
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitmap::geo {

namespace fs = std::filesystem;

namespace {

using detail::DatasetPtr;
using detail::FeaturePtr;
using detail::FieldPtr;
using detail::GeometryPtr;
using detail::SrsPtr;

constexpr std::array<std::string_view, 7> bundled_basemap = {
    "countries", "admin1", "nagorno_karabakh", "lakes", "rivers", "borders", "corridor"};

using QuietGdal = detail::QuietGdalErrors;
using detail::last_gdal_error;

SrsPtr wgs84() {
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

enum class FieldFormat { geojson, gpkg };

void add_field(OGRLayerH layer, const char* name, OGRFieldType type,
               OGRFieldSubType subtype = OFSTNone) {
    FieldPtr field(OGR_Fld_Create(name, type));
    OGR_Fld_SetSubType(field.get(), subtype);
    if (OGR_L_CreateField(layer, field.get(), TRUE) != OGRERR_NONE) {
        throw output_error(std::string("cannot create field ") + name + ": " + last_gdal_error());
    }
}

void set_string(OGRFeatureH f, const char* name, const std::string& value) {
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, name), value.c_str());
}

void set_int(OGRFeatureH f, const char* name, std::optional<long long> value) {
    const int i = OGR_F_GetFieldIndex(f, name);
    if (value) {
        OGR_F_SetFieldInteger64(f, i, *value);
    } else {
        OGR_F_SetFieldNull(f, i);
    }
}

void set_date(OGRFeatureH f, const char* name, std::chrono::year_month_day d, FieldFormat format) {
    if (format == FieldFormat::geojson || !d.ok()) {
        set_string(f, name, d.ok() ? format_date(d) : std::string());
        return;
    }
    OGR_F_SetFieldDateTime(f, OGR_F_GetFieldIndex(f, name), static_cast<int>(d.year()),
                           static_cast<int>(static_cast<unsigned>(d.month())),
                           static_cast<int>(static_cast<unsigned>(d.day())), 0, 0, 0, 0);
}

std::string_view layer_name(EventLayer l) {
    switch (l) {
    case EventLayer::incident:
        return "incident";
    case EventLayer::checkpoint:
        return "checkpoint";
    case EventLayer::context:
        return "context";
    }
    return "incident";
}

std::optional<int> max_of(const Event& e, std::optional<int> Claim::*member) {
    std::optional<int> best;
    for (const Claim& c : e.claims) {
        if (const auto& v = c.*member; v && (!best || *v > *best)) {
            best = v;
        }
    }
    return best;
}

bool valid_point(LonLat p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lon) <= 180.0 &&
           std::abs(p.lat) <= 90.0;
}

GeometryPtr make_point(LonLat p) {
    GeometryPtr g(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(g.get(), 0, p.lon, p.lat);
    return g;
}

GeometryPtr make_line(const Path& path) {
    GeometryPtr g(OGR_G_CreateGeometry(wkbLineString));
    for (const LonLat& p : path) {
        OGR_G_AddPoint_2D(g.get(), p.lon, p.lat);
    }
    return g;
}

GeometryPtr make_polygon(const std::vector<Path>& rings) {
    GeometryPtr g(OGR_G_CreateGeometry(wkbPolygon));
    for (const Path& ring : rings) {
        GeometryPtr r(OGR_G_CreateGeometry(wkbLinearRing));
        for (const LonLat& p : ring) {
            OGR_G_AddPoint_2D(r.get(), p.lon, p.lat);
        }
        OGR_G_AddGeometryDirectly(g.get(), r.release());
    }
    return g;
}

// The OGR geometry of a sitmap geometry; null when it has no coordinates.
GeometryPtr to_ogr(const Geometry& geometry) {
    struct Visitor {
        GeometryPtr operator()(const PointGeom& p) const {
            return valid_point(p.point) ? make_point(p.point) : nullptr;
        }
        GeometryPtr operator()(const LinesGeom& l) const {
            std::vector<const Path*> lines;
            for (const Path& path : l.lines) {
                if (path.size() >= 2) {
                    lines.push_back(&path);
                }
            }
            if (lines.empty()) {
                return nullptr;
            }
            if (lines.size() == 1) {
                return make_line(*lines.front());
            }
            GeometryPtr g(OGR_G_CreateGeometry(wkbMultiLineString));
            for (const Path* path : lines) {
                OGR_G_AddGeometryDirectly(g.get(), make_line(*path).release());
            }
            return g;
        }
        GeometryPtr operator()(const AreaGeom& a) const {
            std::vector<const std::vector<Path>*> polygons;
            for (const auto& rings : a.polygons) {
                if (!rings.empty() && rings.front().size() >= 4) {
                    polygons.push_back(&rings);
                }
            }
            if (polygons.empty()) {
                return nullptr;
            }
            if (polygons.size() == 1) {
                return make_polygon(*polygons.front());
            }
            GeometryPtr g(OGR_G_CreateGeometry(wkbMultiPolygon));
            for (const auto* rings : polygons) {
                OGR_G_AddGeometryDirectly(g.get(), make_polygon(*rings).release());
            }
            return g;
        }
    };
    return std::visit(Visitor{}, geometry);
}

void check_geometry(const Event& e, std::size_t index) {
    if (!has_geometry(e)) {
        throw input_error("event " + std::to_string(index + 1) +
                          (e.id.empty() ? std::string() : " (" + e.id + ")") + " has no geometry");
    }
}

nlohmann::json claims_json(const Event& e) {
    auto out = nlohmann::json::array();
    for (const Claim& c : e.claims) {
        nlohmann::json j = {{"who", c.who},
                            {"side", to_string(c.side)},
                            {"assertion", to_string(c.assertion)},
                            {"against", to_string(c.against)},
                            {"killed", nullptr},
                            {"wounded", nullptr},
                            {"text", c.text},
                            {"article", c.source.article},
                            {"begin", c.source.begin},
                            {"end", c.source.end}};
        if (c.killed) {
            j["killed"] = *c.killed;
        }
        if (c.wounded) {
            j["wounded"] = *c.wounded;
        }
        out.push_back(std::move(j));
    }
    return out;
}

// Targets and origins, as in sitmap's events GeoJSON.
nlohmann::json places_json(const std::vector<EventPlace>& places) {
    auto out = nlohmann::json::array();
    for (const EventPlace& p : places) {
        out.push_back({{"place_id", p.id},
                       {"name", p.name},
                       {"lon", p.location.lon},
                       {"lat", p.location.lat},
                       {"geo_precision", static_cast<int>(p.precision)}});
    }
    return out;
}

nlohmann::json sources_json(const Event& e) {
    auto out = nlohmann::json::array();
    for (const SourceRef& s : e.sources) {
        out.push_back({{"article", s.article}, {"begin", s.begin}, {"end", s.end}});
    }
    return out;
}

OGRLayerH create_layer(GDALDatasetH ds, std::string_view name, OGRwkbGeometryType type,
                       CSLConstList options = nullptr) {
    SrsPtr srs = type == wkbNone ? nullptr : wgs84();
    OGRLayerH layer = GDALDatasetCreateLayer(ds, std::string(name).c_str(), srs.get(), type,
                                             const_cast<char**>(options));
    if (layer == nullptr) {
        throw output_error("cannot create layer " + std::string(name) + ": " + last_gdal_error());
    }
    return layer;
}

void create_feature(OGRLayerH layer, OGRFeatureH f, std::string_view what) {
    if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) {
        throw output_error("cannot write " + std::string(what) + ": " + last_gdal_error());
    }
}

void write_events_layer(GDALDatasetH ds, const std::vector<Event>& events, FieldFormat format,
                        CSLConstList options) {
    const OGRFieldType date_type = format == FieldFormat::gpkg ? OFTDate : OFTString;
    // Events are points at their representative location, as in sitmap's events GeoJSON (which
    // its readers expect); the place's own line or area is the gazetteer's.
    OGRLayerH layer = create_layer(ds, events_layer, wkbPoint, options);
    add_field(layer, "id", OFTString);
    add_field(layer, "kind", OFTString);
    add_field(layer, "layer", OFTString);
    add_field(layer, "date_begin", date_type);
    add_field(layer, "date_end", date_type);
    add_field(layer, "date_precision", OFTString);
    add_field(layer, "place_id", OFTString);
    add_field(layer, "place_name", OFTString);
    add_field(layer, "geo_precision", OFTInteger);  // 1 exact, 2 near, 3 region (ACLED's scale)
    add_field(layer, "origin_place_id", OFTString); // where fire came from (the main origin)
    add_field(layer, "origin_name", OFTString);
    add_field(layer, "origin_lon", OFTReal);
    add_field(layer, "origin_lat", OFTReal);
    add_field(layer, "targets", OFTString, OFSTJSON);
    add_field(layer, "origins", OFTString, OFSTJSON);
    add_field(layer, "summary", OFTString);
    add_field(layer, "disputed", OFTInteger, OFSTBoolean);
    add_field(layer, "killed_max", OFTInteger);
    add_field(layer, "wounded_max", OFTInteger);
    add_field(layer, "claims", OFTString, OFSTJSON);
    add_field(layer, "sources", OFTString, OFSTJSON);

    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        set_string(f.get(), "id", e.id);
        set_string(f.get(), "kind", std::string(to_string(e.kind)));
        set_string(f.get(), "layer", std::string(layer_name(layer_of(e.kind))));
        set_date(f.get(), "date_begin", e.date.begin, format);
        set_date(f.get(), "date_end", e.date.end, format);
        set_string(f.get(), "date_precision", std::string(to_string(e.date.precision)));
        set_string(f.get(), "place_id", e.place_id);
        set_string(f.get(), "place_name", e.place_name);
        set_int(f.get(), "geo_precision", static_cast<long long>(e.precision));
        if (const EventPlace* o = e.origin()) {
            set_string(f.get(), "origin_place_id", o->id);
            set_string(f.get(), "origin_name", o->name);
            OGR_F_SetFieldDouble(f.get(), OGR_F_GetFieldIndex(f.get(), "origin_lon"),
                                 o->location.lon);
            OGR_F_SetFieldDouble(f.get(), OGR_F_GetFieldIndex(f.get(), "origin_lat"),
                                 o->location.lat);
        }
        set_string(f.get(), "targets", places_json(e.targets).dump());
        set_string(f.get(), "origins", places_json(e.origins).dump());
        set_string(f.get(), "summary", e.summary);
        set_int(f.get(), "disputed", e.disputed() ? 1 : 0);
        const auto killed = max_of(e, &Claim::killed);
        const auto wounded = max_of(e, &Claim::wounded);
        set_int(f.get(), "killed_max", killed ? std::optional<long long>(*killed) : std::nullopt);
        set_int(f.get(), "wounded_max",
                wounded ? std::optional<long long>(*wounded) : std::nullopt);
        set_string(f.get(), "claims", claims_json(e).dump());
        set_string(f.get(), "sources", sources_json(e).dump());
        OGR_F_SetGeometryDirectly(f.get(), make_point(e.location).release());
        create_feature(layer, f.get(), "event " + e.id);
    }
}

void write_claims_layer(GDALDatasetH ds, const std::vector<Event>& events) {
    OGRLayerH layer = create_layer(ds, claims_layer, wkbPoint);
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
        for (std::size_t i = 0; i < e.claims.size(); ++i) {
            const Claim& c = e.claims[i];
            FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
            set_string(f.get(), "event_id", e.id);
            set_int(f.get(), "claim_index", static_cast<long long>(i));
            set_string(f.get(), "kind", std::string(to_string(e.kind)));
            set_date(f.get(), "date_begin", e.date.begin, FieldFormat::gpkg);
            set_string(f.get(), "place_name", e.place_name);
            set_string(f.get(), "who", c.who);
            set_string(f.get(), "side", std::string(to_string(c.side)));
            set_string(f.get(), "assertion", std::string(to_string(c.assertion)));
            set_string(f.get(), "against", std::string(to_string(c.against)));
            set_int(f.get(), "killed",
                    c.killed ? std::optional<long long>(*c.killed) : std::nullopt);
            set_int(f.get(), "wounded",
                    c.wounded ? std::optional<long long>(*c.wounded) : std::nullopt);
            set_string(f.get(), "text", c.text);
            set_string(f.get(), "article", c.source.article);
            set_int(f.get(), "source_begin", static_cast<long long>(c.source.begin));
            set_int(f.get(), "source_end", static_cast<long long>(c.source.end));
            OGR_F_SetGeometryDirectly(f.get(), make_point(e.location).release());
            create_feature(layer, f.get(), "claim of event " + e.id);
        }
    }
}

void write_places_layer(GDALDatasetH ds, const std::vector<Event>& events,
                        const Gazetteer* gazetteer) {
    OGRLayerH layer = create_layer(ds, places_layer, wkbPoint);
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
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        set_string(f.get(), "id", id);
        set_int(f.get(), "events", count);
        const Place* place = gazetteer != nullptr ? gazetteer->find(id) : nullptr;
        LonLat at = first.at(id)->location;
        if (place != nullptr) {
            set_string(f.get(), "name", place->name);
            set_string(f.get(), "kind", std::string(to_string(place->kind)));
            set_string(f.get(), "country", place->country);
            set_string(f.get(), "admin1", place->admin1);
            for (const char* lang : {"hy", "az", "ru"}) {
                if (auto it = place->names.find(lang); it != place->names.end()) {
                    set_string(f.get(), (std::string("name_") + lang).c_str(), it->second);
                }
            }
            set_int(f.get(), "population", place->population);
            set_string(f.get(), "source", place->source);
            if (valid_point(place->anchor)) {
                at = place->anchor;
            }
        } else {
            set_string(f.get(), "name", first.at(id)->place_name);
            set_string(f.get(), "source", "events");
        }
        OGR_F_SetGeometryDirectly(f.get(), make_point(at).release());
        create_feature(layer, f.get(), "place " + id);
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

LayerGeometry layer_geometry_of(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint:
        return LayerGeometry::point;
    case wkbLineString:
    case wkbMultiLineString:
        return LayerGeometry::line;
    case wkbPolygon:
    case wkbMultiPolygon:
        return LayerGeometry::polygon;
    default:
        return LayerGeometry::none;
    }
}

LayerGeometry copy_basemap_layer(GDALDatasetH ds, const BasemapLayer& basemap) {
    const std::string path = basemap.path.string();
    const std::array<const char*, 2> drivers = {"GeoJSON", nullptr};
    DatasetPtr src(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers.data(),
                              nullptr, nullptr));
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
                        const std::vector<std::pair<std::string, LayerGeometry>>& layers) {
    const std::array<const char*, 2> options = {"FID=id", nullptr};
    OGRLayerH styles = create_layer(ds, "layer_styles", wkbNone, options.data());
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
        FieldPtr field(OGR_Fld_Create(c.name, c.type));
        OGR_Fld_SetWidth(field.get(), c.width);
        if (c.type == OFTInteger) {
            OGR_Fld_SetSubType(field.get(), OFSTBoolean);
        }
        if (OGR_L_CreateField(styles, field.get(), TRUE) != OGRERR_NONE) {
            throw output_error("layer_styles: " + last_gdal_error());
        }
    }
    FieldPtr time(OGR_Fld_Create("update_time", OFTDateTime));
    OGR_Fld_SetDefault(time.get(), "CURRENT_TIMESTAMP");
    if (OGR_L_CreateField(styles, time.get(), TRUE) != OGRERR_NONE) {
        throw output_error("layer_styles: " + last_gdal_error());
    }
    for (const auto& [name, geometry] : layers) {
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(styles)));
        set_string(f.get(), "f_table_catalog", "");
        set_string(f.get(), "f_table_schema", "");
        set_string(f.get(), "f_table_name", name);
        set_string(f.get(), "f_geometry_column", "geom");
        set_string(f.get(), "styleName", name);
        set_string(f.get(), "styleQML", layer_style_qml(name, geometry));
        set_string(f.get(), "styleSLD", "");
        set_int(f.get(), "useAsDefault", 1);
        set_string(f.get(), "description", "sitmap default style");
        set_string(f.get(), "owner", "");
        set_string(f.get(), "ui", "");
        create_feature(styles, f.get(), "the style of layer " + name);
    }
}

GDALDriverH driver(const char* name) {
    GDALAllRegister();
    GDALDriverH d = GDALGetDriverByName(name);
    if (d == nullptr) {
        throw Error(ErrorKind::internal, std::string("GDAL has no ") + name + " driver");
    }
    return d;
}

void close_dataset(DatasetPtr& ds, const fs::path& path) {
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw output_error(path.string() + ": " + last_gdal_error());
    }
}

} // namespace

bool has_geometry(const Event& event) {
    return valid_point(event.location) && to_ogr(event.geometry) != nullptr;
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
    throw usage_error(path.string() + ": unknown output format '" + ext +
                      "' (known: .geojson, .gpkg, .qgz, .qgs)");
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
    OutputFile out(path, overwrite);
    QuietGdal quiet;
    try {
        DatasetPtr ds(
            GDALCreate(driver("GeoJSON"), out.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            throw output_error("cannot create: " + last_gdal_error());
        }
        const std::array<const char*, 4> options = {"RFC7946=YES", "COORDINATE_PRECISION=6",
                                                    "WRITE_NAME=NO", nullptr};
        write_events_layer(ds.get(), events, FieldFormat::geojson, options.data());
        close_dataset(ds, path);
    } catch (const Error& e) {
        throw e.with_context(path.string());
    }
    out.commit();
}

void export_geopackage(const std::vector<Event>& events, const fs::path& path,
                       const GeoPackageOptions& options) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        check_geometry(events[i], i);
    }
    OutputFile out(path, options.overwrite);
    QuietGdal quiet;
    try {
        DatasetPtr ds(
            GDALCreate(driver("GPKG"), out.temp_path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) {
            throw output_error("cannot create: " + last_gdal_error());
        }
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
        write_events_layer(ds.get(), events, FieldFormat::gpkg, nullptr);
        styled.emplace_back(events_layer, LayerGeometry::point);
        write_layer_styles(ds.get(), styled);
        if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) {
            throw output_error("cannot commit: " + last_gdal_error());
        }
        close_dataset(ds, path);
    } catch (const Error& e) {
        throw e.with_context(path.string());
    }
    out.commit();
}

} // namespace sitmap::geo
