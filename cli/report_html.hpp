#pragma once
// The report page: one self-contained HTML file (maps inlined as SVG, no external resources) with
// captions that name the symbols drawn, the events table (each side's claims summarised, then the
// numbered sentences), the articles and the attribution; readable printed. A small inline script
// (no network) adds a date filter, mark tooltips and the highlight of a mark reached from its row;
// without it the page still links marks to rows and rows to marks (CSS :target).

#include "cli/report_maps.hpp"
#include "geo/core/event.hpp"
#include "geo/io/event_io.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::cli {

struct ReportArticleEntry {
    std::string id;        // file stem, as in the events' sources
    std::string file;      // as given on the command line
    std::string published; // YYYY-MM-DD
    std::string headline;  // a readable name: its headline, else its first sentence
    std::size_t events = 0;
    std::string error;     // why it was skipped; empty when it was read
    std::string map_error; // why its map is missing; empty when drawn (or no events)
    std::optional<MapFiles> map;
};

struct ReportPage {
    std::string title = "sitmap report";
    std::vector<ReportArticleEntry> articles;
    std::vector<geo::Event> events; // all events, merged across articles
    std::optional<MapFiles> overview;
    std::vector<std::string> data_files;   // files in the report directory to link to
    std::vector<std::string> attributions; // data sources and licences
};

// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view text);

// A map written by sitmap's SVG writer (render::make_svg_canvas), rewritten to sit inside the page
// beside other maps: every id and reference to one prefixed with `prefix` ("map1-clip0"); each
// mark's link to its row made page-local (href="#event-ID", class "mark", data-event, data-begin,
// data-end from `events`, the first link of an event in this map with id="PREFIX-mark-ID"); the
// unlinked shapes the writer draws right after a mark (a disputed ring, an arrow's head) marked
// as its parts (class "mark-part", the same data attributes); a mark's tooltip the event's
// per-side summary; path coordinates to 0.1 px (the page shows maps
// smaller than drawn). Text is copied as written (the writer escaped it). Throws sitmap::Error
// (bad_input) for markup the writer never produces (scripts, event handlers, other links).
struct InlineSvg {
    std::string markup;
    std::vector<std::string> events; // ids of the events with a mark, in order of first mark
};
InlineSvg inline_map_svg(std::string_view svg, std::string_view prefix,
                         const std::vector<geo::Event>& events);

// The page as a string (reads the maps' SVG files). Throws sitmap::Error (bad_input) when a map's
// SVG cannot be read.
std::string report_html(const ReportPage& page);

// Writes the page (temporary file, renamed). Throws sitmap::Error (output_failed).
void write_report_html(const ReportPage& page, const std::filesystem::path& path,
                       geo::Overwrite overwrite);

} // namespace sitmap::cli
