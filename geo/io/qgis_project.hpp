#pragma once
// QGIS styles and projects for exported GeoPackages: the same symbology as sitmap's maps
// (categorised by event kind, sized by casualties, labelled, basemap layers in drawing order),
// given by the caller as plain data (geo/io/symbology.hpp).

#include "geo/core/geometry.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/symbology.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sitmap::geo {

enum class LayerGeometry { point, line, polygon, none };

// A QGIS style document (QML) for a layer of an exported GeoPackage: `events` (categorised by kind,
// sized by casualties, labelled by place), `claims` (categorised by side), `places`, or a basemap
// layer (countries, admin1, borders, nagorno_karabakh, lakes, rivers, corridor; others get a
// neutral style of their geometry), drawn with `symbology` (a default Symbology: neutral greys).
std::string layer_style_qml(std::string_view layer, LayerGeometry geometry,
                            const Symbology& symbology);

struct QgisProjectOptions {
    std::string title = "sitmap events";
    std::string crs = "EPSG:4326"; // the map's CRS, anything geo::Projection accepts
    std::optional<BBox> extent;    // initial view in lon/lat; none: the events layer's extent
    std::string attribution;       // data credits, in the project's metadata
    Symbology symbology;           // the layers' styles and the canvas colour
    Overwrite overwrite = Overwrite::no;
    // A PostGIS store ("PG:dbname=... host=..."): the events, claims and places layers then read
    // its tables live (QGIS's postgres provider, key fid, the store's password never written: QGIS
    // takes it from ~/.pgpass, a service or its own prompt); the basemap stays in the GeoPackage.
    std::string live_store;
};

// Writes a QGIS project for a GeoPackage written by export_geopackage: a .qgs XML file or a .qgz
// zip (by the extension of `project`), layers referenced by a path relative to the project, every
// layer of the GeoPackage in drawing order (basemap bottom first, then places, claims hidden,
// events on top), each with its style. Writes a temporary file and renames it on success. Throws
// sitmap::Error: bad_input if the GeoPackage cannot be read, usage for a bad CRS or extension,
// output_failed naming the path.
void write_qgis_project(const std::filesystem::path& project, const std::filesystem::path& gpkg,
                        const QgisProjectOptions& options);

} // namespace sitmap::geo
