#pragma once
// The GIS files `export` and `report` write: GeoJSON, GeoPackage, or a QGIS project with its
// GeoPackage next to it, chosen by the output's extension.

#include "geo/core/event.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/export.hpp"
#include "geo/io/symbology.hpp"
#include "render/style.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::cli {

struct GisOutputOptions {
    const geo::Gazetteer* gazetteer = nullptr; // for the GeoPackage's places layer
    std::string crs;                 // the map CRS of the QGIS project; "" = as sitmap's map
    std::optional<geo::BBox> extent; // its initial view (lon/lat); none = as sitmap's map
    std::string title = "sitmap events";
    geo::Overwrite overwrite = geo::Overwrite::no;
    std::optional<geo::GisFormat> format; // none: by the extension of the output path
    // A QGIS project's events, claims and places layers read this PostGIS store live
    // ("PG:..."); empty: the GeoPackage written next to it (geo::QgisProjectOptions::live_store).
    std::string live_store;
};

struct GisOutputResult {
    std::vector<std::filesystem::path> written;
    std::vector<std::string> warnings; // e.g. basemap layers that were not found
};

// The credit for the bundled data that data/README.md asks every map to print.
inline constexpr const char* bundled_data_attribution =
    "Map data: Natural Earth (public domain); place names © GeoNames (CC-BY 4.0); sitmap curated "
    "features (Lachin corridor, Hakari bridge checkpoint, Nagorno-Karabakh outline, border "
    "sectors)";

// The lon/lat extent of the events' locations (empty box when there are none).
geo::BBox events_extent(const std::vector<geo::Event>& events);

// The CRS sitmap's maps use for these events: the renderer's choice, else
// geo::Projection::suggest_for their extent.
std::string map_crs_for(const std::vector<geo::Event>& events);

// The map style's symbology as plain data for geo's QGIS styles (sizes in style pixels).
geo::Symbology gis_symbology(const render::Style& style);

// Writes `out` by its extension. The QGIS styles follow the built-in map style. For .qgz/.qgs the
// GeoPackage is written first as <stem>.gpkg next to it and removed again if the project cannot be
// written. Nothing is replaced unless options.overwrite is yes, and that is checked for every file
// before any is written. Throws sitmap::Error naming the file.
GisOutputResult write_gis_output(const std::vector<geo::Event>& events,
                                 const std::filesystem::path& out, const GisOutputOptions& options);

} // namespace sitmap::cli
