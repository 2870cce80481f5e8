#include "cli/export_outputs.hpp"

#include "cli/report_maps.hpp"
#include "geo/core/error.hpp"
#include "geo/io/acled.hpp"
#include "geo/io/export.hpp"
#include "geo/io/qgis_project.hpp"
#include "geo/projection/projection.hpp"

#include <algorithm>
#include <cstdint>
#include <system_error>

namespace sitmap::cli {

namespace fs = std::filesystem;

geo::BBox events_extent(const std::vector<geo::Event>& events) {
    geo::BBox box{1, 1, 0, 0};
    for (const geo::Event& e : events) {
        if (box.empty()) {
            box = {e.location.lon, e.location.lat, e.location.lon, e.location.lat};
        }
        box.west = std::min(box.west, e.location.lon);
        box.east = std::max(box.east, e.location.lon);
        box.south = std::min(box.south, e.location.lat);
        box.north = std::max(box.north, e.location.lat);
    }
    return box;
}

std::string map_crs_for(const std::vector<geo::Event>& events) {
    if (const auto frame = map_frame_for(events)) {
        return frame->crs;
    }
    geo::BBox box = events_extent(events);
    if (box.empty()) {
        box = {43.4, 38.8, 47.0, 41.3}; // Armenia and the border region
    }
    return geo::Projection::suggest_for(box);
}

namespace {

geo::Rgba rgba(const render::Color& c) {
    const auto byte = [](double v) {
        return static_cast<std::uint8_t>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5);
    };
    return {byte(c.r), byte(c.g), byte(c.b), byte(c.a)};
}

geo::MarkerSymbology marker(const render::StyleLayer& layer, render::MarkerShape shape) {
    const render::MarkerSymbol m = layer.marker_symbol(shape, 1.0);
    return {std::string(render::to_string(shape)), m.size / 2.0, rgba(m.fill), rgba(m.stroke),
            m.stroke_width};
}

geo::LineSymbology line(const render::StyleLayer& layer) {
    const render::LineSymbol l = layer.line_symbol(1.0);
    return {rgba(l.color), l.width, !l.dash.empty()};
}

geo::FillSymbology fill(const render::StyleLayer& layer) {
    const render::FillSymbol f = layer.fill_symbol(1.0);
    return {rgba(f.fill), f.pattern == render::FillPattern::hatch, rgba(f.outline), f.outline_width,
            !f.outline_dash.empty()};
}

geo::TextSymbology text(const render::StyleLayer& layer) {
    const render::TextStyle t = layer.text_style(1.0);
    return {rgba(t.color), t.size, t.weight == render::FontWeight::bold};
}

void refuse_existing(const fs::path& path, geo::Overwrite overwrite) {
    std::error_code ec;
    if (overwrite == geo::Overwrite::no && fs::exists(path, ec)) {
        throw output_error(path.string() + ": already exists (use --force to replace it)");
    }
}

} // namespace

geo::Symbology gis_symbology(const render::Style& style) {
    geo::Symbology out;
    out.background = rgba(style.layer("background").background_color);
    for (const geo::EventKindInfo& k : geo::event_kinds()) {
        const render::StyleLayer& layer = style.layer(render::style_layer_for(k.layer));
        out.kinds[static_cast<std::size_t>(k.kind)] = marker(layer, layer.shape_for(k.kind));
    }
    out.disputed = marker(style.layer("disputed"), render::MarkerShape::ring);
    out.event_labels = text(style.layer("labels-incident"));
    out.place_labels = text(style.layer("labels-capital")); // bold: the places named in the events
    const render::StyleLayer& settlements = style.layer("settlements");
    out.places = marker(settlements, settlements.marker_shape);
    out.countries = fill(style.layer("countries"));
    out.countries_focus = fill(style.layer("countries-focus"));
    out.country_labels = text(style.layer("labels-country"));
    out.nagorno_karabakh = fill(style.layer("nagorno-karabakh"));
    out.lakes = fill(style.layer("lakes"));
    out.admin1 = line(style.layer("admin1"));
    out.rivers = line(style.layer("rivers"));
    out.borders = line(style.layer("borders"));
    out.borders_am_az = line(style.layer("borders-am-az"));
    out.borders_am_az_casing = line(style.layer("borders-am-az-casing"));
    out.corridor = line(style.layer("corridor"));
    out.fire_lines = line(style.layer("fire-lines"));
    out.uncertainty = fill(style.layer("uncertainty"));
    out.uncertainty_line = line(style.layer("uncertainty-line"));
    out.claim_armenia = rgba(style.layer("claim-armenia").circle_color);
    out.claim_azerbaijan = rgba(style.layer("claim-azerbaijan").circle_color);
    return out;
}

GisOutputResult write_gis_output(const std::vector<geo::Event>& events, const fs::path& out,
                                 const GisOutputOptions& options) {
    const geo::GisFormat format = options.format ? *options.format : geo::gis_format_for(out);
    GisOutputResult result;
    if (format == geo::GisFormat::acled_csv) {
        refuse_existing(out, options.overwrite);
        geo::export_acled_csv(events, out, options.gazetteer, options.overwrite);
        result.written.push_back(out);
        return result;
    }
    if (format == geo::GisFormat::geojson) {
        refuse_existing(out, options.overwrite);
        geo::export_geojson(events, out, options.overwrite);
        result.written.push_back(out);
        return result;
    }

    geo::GeoPackageOptions gpkg_options;
    gpkg_options.gazetteer = options.gazetteer;
    gpkg_options.symbology = gis_symbology(render::Style::builtin());
    gpkg_options.overwrite = options.overwrite;
    const fs::path basemap_dir = geo::data_dir() / "geojson";
    gpkg_options.basemap = geo::find_basemap_layers(basemap_dir);
    std::string missing;
    for (std::string_view name : geo::basemap_layer_names()) {
        if (std::none_of(gpkg_options.basemap.begin(), gpkg_options.basemap.end(),
                         [&](const geo::BasemapLayer& b) { return b.name == name; })) {
            missing += (missing.empty() ? "" : ", ") + std::string(name);
        }
    }
    if (!missing.empty()) {
        result.warnings.push_back("basemap layers left out, not found in " + basemap_dir.string() +
                                  ": " + missing);
    }

    if (format == geo::GisFormat::gpkg) {
        refuse_existing(out, options.overwrite);
        geo::export_geopackage(events, out, gpkg_options);
        result.written.push_back(out);
        return result;
    }

    fs::path gpkg = out;
    gpkg.replace_extension(".gpkg");
    refuse_existing(out, options.overwrite);
    refuse_existing(gpkg, options.overwrite);
    geo::export_geopackage(events, gpkg, gpkg_options);
    try {
        geo::QgisProjectOptions project;
        project.title = options.title;
        const std::optional<MapFrame> frame =
            options.crs.empty() || !options.extent ? map_frame_for(events) : std::nullopt;
        project.crs = !options.crs.empty() ? options.crs : frame ? frame->crs : map_crs_for(events);
        if (options.extent) {
            project.extent = options.extent;
        } else if (frame && !frame->extent.empty()) {
            project.extent = frame->extent;
        } else if (const geo::BBox box = events_extent(events); !box.empty()) {
            project.extent = box;
        }
        project.overwrite = options.overwrite;
        project.attribution = bundled_data_attribution;
        project.symbology = gpkg_options.symbology;
        project.live_store = options.live_store;
        geo::write_qgis_project(out, gpkg, project);
    } catch (...) {
        std::error_code ec;
        fs::remove(gpkg, ec); // no GeoPackage without its project
        throw;
    }
    result.written.push_back(gpkg);
    result.written.push_back(out);
    return result;
}

} // namespace sitmap::cli
