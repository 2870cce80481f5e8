// Reading a gazetteer GeoJSON file through GDAL: one Place per feature, areas anchored at their
// pole of inaccessibility on two threads.

#include "geo/gazetteer/detail/read_geojson.hpp"

#include <array>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include <gdal.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>

#include "geo/core/error.hpp"
#include "geo/io/detail/gdal.hpp" // the one GDAL bridge: handles, registration

namespace sitmap::geo::detail {
namespace {

Path read_path(OGRGeometryH g) {
    Path path;
    const int n = OGR_G_GetPointCount(g);
    path.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        path.push_back({OGR_G_GetX(g, i), OGR_G_GetY(g, i)});
    }
    return path;
}

std::vector<Path> read_polygon(OGRGeometryH g) {
    std::vector<Path> rings;
    const int n = OGR_G_GetGeometryCount(g);
    for (int i = 0; i < n; ++i) {
        rings.push_back(read_path(OGR_G_GetGeometryRef(g, i)));
    }
    return rings;
}

Geometry read_geometry(OGRGeometryH g) {
    if (g == nullptr) {
        throw input_error("has no geometry");
    }
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPoint:
        if (OGR_G_IsEmpty(g)) {
            throw input_error("has an empty Point geometry");
        }
        return PointGeom{{OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)}};
    case wkbLineString:
        return LinesGeom{{read_path(g)}};
    case wkbMultiLineString: {
        LinesGeom lines;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            lines.lines.push_back(read_path(OGR_G_GetGeometryRef(g, i)));
        }
        return lines;
    }
    case wkbPolygon:
        return AreaGeom{{read_polygon(g)}};
    case wkbMultiPolygon: {
        AreaGeom area;
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            area.polygons.push_back(read_polygon(OGR_G_GetGeometryRef(g, i)));
        }
        return area;
    }
    default:
        throw input_error(std::string("has an unsupported geometry type ") +
                          OGRGeometryTypeToName(OGR_G_GetGeometryType(g)) +
                          " (Point, LineString, MultiLineString, Polygon or MultiPolygon)");
    }
}

struct Fields {
    int id = -1, name = -1, names = -1, aliases = -1, kind = -1, country = -1, admin1 = -1,
        population = -1, source = -1, source_id = -1, accuracy_m = -1, note = -1, anchor_lon = -1,
        anchor_lat = -1;
};

std::string string_field(OGRFeatureH f, int index) {
    if (index < 0 || !OGR_F_IsFieldSetAndNotNull(f, index)) {
        return {};
    }
    return OGR_F_GetFieldAsString(f, index);
}

std::string required_string(OGRFeatureH f, int index, const char* property) {
    std::string value = string_field(f, index);
    if (value.empty()) {
        throw input_error(std::string("lacks the required property '") + property + "'");
    }
    return value;
}

std::map<std::string, std::string> read_names(OGRFeatureH f, int index) {
    std::map<std::string, std::string> names;
    const std::string text = string_field(f, index);
    if (text.empty()) {
        return names;
    }
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) {
        throw input_error("property 'names' must be an object of language code to name");
    }
    for (const auto& [lang, value] : json.items()) {
        if (value.is_null()) {
            continue; // no name in that language
        }
        if (!value.is_string()) {
            throw input_error("property 'names' has a non-string value for '" + lang + "'");
        }
        names.emplace(lang, value.get<std::string>());
    }
    return names;
}

std::vector<std::string> read_aliases(OGRFeatureH f, int index) {
    std::vector<std::string> aliases;
    if (index < 0 || !OGR_F_IsFieldSetAndNotNull(f, index)) {
        return aliases;
    }
    OGRFieldDefnH defn = OGR_F_GetFieldDefnRef(f, index);
    if (OGR_Fld_GetType(defn) == OFTStringList) {
        for (char** item = OGR_F_GetFieldAsStringList(f, index); item && *item; ++item) {
            aliases.emplace_back(*item);
        }
        return aliases;
    }
    // A file where every alias list is empty or mixed may reach us as a JSON string.
    const auto json = nlohmann::json::parse(OGR_F_GetFieldAsString(f, index), nullptr, false);
    if (!json.is_array()) {
        throw input_error("property 'aliases' must be an array of strings");
    }
    for (const auto& value : json) {
        if (!value.is_string()) {
            throw input_error("property 'aliases' must be an array of strings");
        }
        aliases.push_back(value.get<std::string>());
    }
    return aliases;
}

// Reads one feature; `anchored` tells whether place.anchor is set (areas are anchored later, on
// two threads, see AreaAnchors).
Place read_place(OGRFeatureH f, const Fields& fields, bool& anchored) {
    anchored = false;
    Place place;
    place.id = required_string(f, fields.id, "id");
    try {
        place.name = required_string(f, fields.name, "name");
        place.kind = place_kind_from_string(required_string(f, fields.kind, "kind"));
        place.names = read_names(f, fields.names);
        place.aliases = read_aliases(f, fields.aliases);
        place.country = string_field(f, fields.country);
        place.admin1 = string_field(f, fields.admin1);
        if (fields.population >= 0 && OGR_F_IsFieldSetAndNotNull(f, fields.population)) {
            place.population = OGR_F_GetFieldAsInteger64(f, fields.population);
        }
        place.source = string_field(f, fields.source);
        place.source_id = string_field(f, fields.source_id);
        place.note = string_field(f, fields.note);
        if (fields.accuracy_m >= 0 && OGR_F_IsFieldSetAndNotNull(f, fields.accuracy_m)) {
            place.accuracy_m = OGR_F_GetFieldAsDouble(f, fields.accuracy_m);
        }
        place.geometry = read_geometry(OGR_F_GetGeometryRef(f));
        // A precomputed representative point (optional anchor_lon/anchor_lat properties) saves
        // the pole-of-inaccessibility search for areas; points and lines are cheap anyway.
        if (fields.anchor_lon >= 0 && fields.anchor_lat >= 0 &&
            OGR_F_IsFieldSetAndNotNull(f, fields.anchor_lon) &&
            OGR_F_IsFieldSetAndNotNull(f, fields.anchor_lat)) {
            place.anchor = {OGR_F_GetFieldAsDouble(f, fields.anchor_lon),
                            OGR_F_GetFieldAsDouble(f, fields.anchor_lat)};
            anchored = true;
        } else if (!std::holds_alternative<AreaGeom>(place.geometry)) {
            place.anchor = representative_point(place.geometry);
            anchored = true;
        }
    } catch (const Error& e) {
        throw e.with_context("'" + place.id + "'");
    }
    return place;
}

// Poles of inaccessibility of areas (countries, provinces, lakes) are the slow part of loading.
// A second thread computes them while the first keeps reading features, then both finish the
// queue. Places must not move while queued: the caller reserves the vector first.
class AreaAnchors {
public:
    AreaAnchors() : m_thread([this] { work(); }) {}
    AreaAnchors(const AreaAnchors&) = delete;
    AreaAnchors& operator=(const AreaAnchors&) = delete;
    ~AreaAnchors() {
        if (!m_thread.joinable()) {
            return; // finished
        }
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
            m_next = m_queue.size(); // reading failed: drop the rest
        }
        m_ready.notify_one();
        m_thread.join();
    }

    void add(Place* place) {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(place);
        }
        m_ready.notify_one();
    }

    // Works through what is left together with the second thread, and waits for it.
    void finish() {
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_one();
        while (Place* p = take()) {
            p->anchor = representative_point(p->geometry);
        }
        m_thread.join();
    }

private:
    Place* take() {
        const std::lock_guard lock(m_mutex);
        return m_next < m_queue.size() ? m_queue[m_next++] : nullptr;
    }

    void work() {
        for (;;) {
            Place* p = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return m_next < m_queue.size() || m_closed; });
                if (m_next >= m_queue.size()) {
                    return;
                }
                p = m_queue[m_next++];
            }
            p->anchor = representative_point(p->geometry);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::vector<Place*> m_queue;
    std::size_t m_next = 0;
    bool m_closed = false;
    std::thread m_thread; // last: starts after the members it uses
};

} // namespace

std::vector<Place> read_geojson_places(const std::filesystem::path& path) {
    register_gdal();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error("gazetteer file not found");
    }
    if (std::filesystem::is_directory(path, ec)) {
        throw input_error("is a directory, not a gazetteer GeoJSON file");
    }
    QuietGdalErrors quiet;
    const std::array<const char*, 2> drivers{"GeoJSON", nullptr};
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers.data(),
                             nullptr, nullptr));
    if (!ds) {
        const std::string gdal_message = CPLGetLastErrorMsg();
        throw input_error("not a GeoJSON file" +
                          (gdal_message.empty() ? std::string() : " (GDAL: " + gdal_message + ")"));
    }
    if (GDALDatasetGetLayerCount(ds.get()) < 1) {
        throw input_error("GeoJSON file has no features");
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    Fields fields;
    fields.id = OGR_FD_GetFieldIndex(defn, "id");
    fields.name = OGR_FD_GetFieldIndex(defn, "name");
    fields.names = OGR_FD_GetFieldIndex(defn, "names");
    fields.aliases = OGR_FD_GetFieldIndex(defn, "aliases");
    fields.kind = OGR_FD_GetFieldIndex(defn, "kind");
    fields.country = OGR_FD_GetFieldIndex(defn, "country");
    fields.admin1 = OGR_FD_GetFieldIndex(defn, "admin1");
    fields.population = OGR_FD_GetFieldIndex(defn, "population");
    fields.source = OGR_FD_GetFieldIndex(defn, "source");
    fields.source_id = OGR_FD_GetFieldIndex(defn, "source_id");
    fields.accuracy_m = OGR_FD_GetFieldIndex(defn, "accuracy_m");
    fields.note = OGR_FD_GetFieldIndex(defn, "note");
    fields.anchor_lon = OGR_FD_GetFieldIndex(defn, "anchor_lon");
    fields.anchor_lat = OGR_FD_GetFieldIndex(defn, "anchor_lat");
    std::string missing;
    for (const auto& [index, property] :
         {std::pair{fields.id, "id"}, std::pair{fields.name, "name"},
          std::pair{fields.kind, "kind"}}) {
        if (index < 0) {
            missing += (missing.empty() ? "" : ", ") + std::string(property);
        }
    }
    if (missing == "id, name, kind" && OGR_L_GetFeatureCount(layer, TRUE) == 0) {
        throw input_error("GeoJSON file has no features");
    }
    if (!missing.empty()) {
        throw input_error("not a sitmap gazetteer: features lack the required properties " +
                          missing + " (each feature needs id, name and kind)");
    }
    std::vector<Place> places;
    const GIntBig count = OGR_L_GetFeatureCount(layer, FALSE);
    places.reserve(static_cast<std::size_t>(std::max<GIntBig>(0, count)));
    std::optional<AreaAnchors> anchors;
    if (count > 64) {
        anchors.emplace();
    }
    OGR_L_ResetReading(layer);
    std::size_t number = 0;
    std::vector<std::size_t> unanchored;
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        ++number;
        bool anchored = false;
        if (anchors && places.size() == places.capacity()) {
            // More features than announced: the vector is about to move, finish queued work.
            anchors->finish();
            anchors.reset();
        }
        try {
            places.push_back(read_place(f.get(), fields, anchored));
        } catch (const Error& e) {
            throw e.with_context("feature " + std::to_string(number));
        }
        if (!anchored && anchors) {
            anchors->add(&places.back());
        } else if (!anchored) {
            unanchored.push_back(places.size() - 1);
        }
    }
    if (anchors) {
        anchors->finish();
    }
    for (const std::size_t i : unanchored) {
        places[i].anchor = representative_point(places[i].geometry);
    }
    if (places.empty()) {
        throw input_error("GeoJSON file has no features");
    }
    return places;
}

} // namespace sitmap::geo::detail
