#pragma once
// The symbology of sitmap's maps as plain data, for the writers that style the same layers outside
// the renderer: the QGIS styles of an exported GeoPackage and project. geo cannot depend on
// render, so the caller fills this from the map style (cli: gis_symbology(render::Style)); maps
// and QGIS then share one source, data/styles/default.json. Sizes are in style pixels (1/96 in),
// as in the style file; the writers convert them to their own units.

#include "geo/core/event.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace sitmap::geo {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};

// A point symbol: `shape` in the style's vocabulary (circle, square, triangle, diamond, star,
// cross, hexagon, barrier).
struct MarkerSymbology {
    std::string shape = "circle";
    double radius_px = 4.0;
    Rgba fill{128, 128, 128};
    Rgba stroke{255, 255, 255};
    double stroke_px = 1.0;
    friend bool operator==(const MarkerSymbology&, const MarkerSymbology&) = default;
};

struct LineSymbology {
    Rgba color{128, 128, 128};
    double width_px = 1.0;
    bool dashed = false;
    friend bool operator==(const LineSymbology&, const LineSymbology&) = default;
};

struct FillSymbology {
    Rgba fill{220, 220, 220};
    bool hatched = false; // a diagonal hatch instead of a solid fill
    Rgba outline{150, 150, 150};
    double outline_px = 1.0;
    bool dashed = false; // the outline
    friend bool operator==(const FillSymbology&, const FillSymbology&) = default;
};

struct TextSymbology {
    Rgba color{26, 26, 26};
    double size_px = 11.0;
    bool bold = false;
    friend bool operator==(const TextSymbology&, const TextSymbology&) = default;
};

// The defaults are neutral greys: a writer given no symbology still writes valid styles.
struct Symbology {
    Rgba background{207, 225, 236}; // the sea behind the map

    // Events: one marker per kind (shape by kind, colour and size by layer), indexed by
    // EventKind; the dashed ring around disputed events; the labels of event places.
    std::array<MarkerSymbology, event_kind_count> kinds;
    MarkerSymbology disputed;
    TextSymbology event_labels;
    MarkerSymbology places; // settlements
    TextSymbology place_labels{{43, 43, 43}, 12.0, true};

    // Basemap layers, by the names of the bundled files (data/geojson).
    FillSymbology countries;       // other countries
    FillSymbology countries_focus; // Armenia and Azerbaijan
    TextSymbology country_labels;
    FillSymbology nagorno_karabakh;
    FillSymbology lakes;
    LineSymbology admin1;
    LineSymbology rivers;
    LineSymbology borders;              // other international borders
    LineSymbology borders_am_az;        // the Armenia–Azerbaijan border
    LineSymbology borders_am_az_casing; // drawn below it, wider
    LineSymbology corridor;

    // Directions of fire: arrows in the colour of the side whose claim each is (the colours of
    // the split symbols), else in the line's own colour.
    LineSymbology fire_lines{{61, 61, 61}, 1.4, false};
    // Events known only to a region (the event_areas and event_lines layers): a district's area
    // hatched, a band along a border sector, as the maps draw them.
    FillSymbology uncertainty{{215, 48, 31, 115}, true, {215, 48, 31}, 1.0, true};
    LineSymbology uncertainty_line{{215, 48, 31, 77}, 14.0, false};
    Rgba claim_armenia{123, 50, 148};
    Rgba claim_azerbaijan{27, 158, 119};

    const MarkerSymbology& kind(EventKind k) const { return kinds[static_cast<std::size_t>(k)]; }
};

// How much larger than its base size an incident is drawn for the casualties claimed (killed +
// wounded, highest claims): 0.8 * sqrt(n), at least 1 and at most 6 times. The maps call it; the
// QGIS styles write it as an expression from the same two constants.
inline constexpr double casualty_scale_per_sqrt = 0.8;
inline constexpr double casualty_scale_max = 6.0;
double casualty_scale(int casualties);

} // namespace sitmap::geo
