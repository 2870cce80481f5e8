#pragma once
// Text shaping and measuring with Pango and HarfBuzz, shared by the label engine, the furniture
// and every canvas so that what is measured is what is drawn.

#include "render/canvas.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace sitmap::render {

struct TextMetrics {
    double width = 0.0;
    double height = 0.0;
    double baseline = 0.0;
    int unknown_glyphs = 0; // characters no font could draw
};

class TextShaper {
public:
    TextShaper();
    ~TextShaper();
    TextShaper(const TextShaper&) = delete;
    TextShaper& operator=(const TextShaper&) = delete;

    TextMetrics measure(std::string_view text, const TextStyle& style) const;
    // A run at `origin` (top-left of its box) with its measured size.
    TextRun run(std::string text, const TextStyle& style, Point origin, double angle = 0.0) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The font families sitmap asks for (Latin, Azerbaijani Latin, Cyrillic and Armenian).
std::string_view font_family_list();

} // namespace sitmap::render
