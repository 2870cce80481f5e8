#pragma once
// The report page: one self-contained HTML file (maps embedded as PNG data, no external resources)
// with captions that name the symbols drawn, the events table (each side's claims summarised,
// then the sentences), the articles and the attribution; readable printed.

#include "cli/report_maps.hpp"
#include "geo/core/event.hpp"
#include "geo/io/event_io.hpp"

#include <filesystem>
#include <optional>
#include <string>
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

// The page as a string.
std::string report_html(const ReportPage& page);

// Writes the page (temporary file, renamed). Throws sitmap::Error (output_failed).
void write_report_html(const ReportPage& page, const std::filesystem::path& path,
                       geo::Overwrite overwrite);

} // namespace sitmap::cli
