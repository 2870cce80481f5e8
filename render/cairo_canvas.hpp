#pragma once
// Cairo surfaces behind the Canvas interface: PNG (image surface, cached marker sprites, fast PNG
// encoding) and PDF (vector, text kept as selectable text with embedded fonts).

#include "render/canvas.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace sitmap::render {

// Document metadata. `date` is taken from the input (ISO 8601 "YYYY-MM-DD"), never the clock, so
// that the same input gives the same bytes.
struct DocumentInfo {
    std::string title;
    std::string subject;
    std::string creator = "sitmap";
    std::string date;
    // SVG: when set, each mark that stands for an event becomes a link to this prefix and its
    // id ("index.html#event-" links a report's map to the event's row).
    std::string mark_links;
};

// A PNG of width x height canvas units, pixel_scale pixels per unit.
std::unique_ptr<Canvas> make_png_canvas(const std::filesystem::path& path, double width,
                                        double height, double pixel_scale = 1.0);

// A PDF page of width x height points.
std::unique_ptr<Canvas> make_pdf_canvas(const std::filesystem::path& path, double width,
                                        double height, const DocumentInfo& info);

} // namespace sitmap::render
