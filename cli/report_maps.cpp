#include "cli/report_maps.hpp"

#include "geo/gazetteer/gazetteer.hpp"
#include "render/events.hpp"
#include "render/layers.hpp"
#include "render/map.hpp"

#include <algorithm>
#include <memory>

namespace sitmap::cli {

namespace {

// A renderer for these events with sitmap's default map: built-in style and layers, the bundled
// basemap, extent and projection chosen for the events.
render::MapRenderer make_renderer(const std::shared_ptr<const render::EventSet>& events,
                                  const std::string& title,
                                  render::OutputFormat format = render::OutputFormat::png) {
    render::MapOptions options;
    options.title = title;
    options.size = render::default_page_size(format); // the PDF on paper
    render::LayerRegistry registry;
    render::register_builtin_layers(registry);
    const render::LayerContext context{geo::data_dir() / "geojson", events};
    return render::MapRenderer(std::move(options), registry.create_all(context), events);
}

} // namespace

std::optional<MapFiles> write_report_maps(const std::vector<geo::Event>& events,
                                          const std::string& title,
                                          const std::filesystem::path& stem,
                                          const GlobalOptions& /*global*/) {
    auto set = std::make_shared<const render::EventSet>(render::EventSet::from_events(events));
    const render::MapRenderer renderer = make_renderer(set, title);
    const render::MapRenderer paper = make_renderer(set, title, render::OutputFormat::pdf);
    render::DocumentInfo info;
    info.title = title;
    info.subject = std::to_string(events.size()) + " events";
    info.creator = std::string("sitmap ") + SITMAP_VERSION;
    info.mark_links = "index.html#event-"; // the SVG's marks lead to their rows in the report
    for (const auto& e : set->events) {
        info.date = std::max(info.date, e.date_end.str()); // from the data, never the clock
    }
    MapFiles files;
    for (auto [path, ext] : {std::pair{&files.png, ".png"}, std::pair{&files.svg, ".svg"},
                             std::pair{&files.pdf, ".pdf"}}) {
        *path = stem;
        *path += ext;
        const bool pdf = render::output_format_for(*path) == render::OutputFormat::pdf;
        const render::RenderReport report =
            render::render_map_file(pdf ? paper : renderer, *path, info);
        if (!pdf) {
            files.frame = {report.crs, report.projection, report.extent};
            files.symbols = render::describe_symbols(report);
        }
    }
    return files;
}

std::optional<MapFrame> map_frame_for(const std::vector<geo::Event>& events) {
    auto set = std::make_shared<const render::EventSet>(render::EventSet::from_events(events));
    const render::MapRenderer renderer = make_renderer(set, "");
    return MapFrame{renderer.crs(), "", renderer.requested_extent()};
}

} // namespace sitmap::cli
