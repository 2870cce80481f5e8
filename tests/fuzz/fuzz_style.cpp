// The style parser on a style document (data/styles/default.json is the format), as
// `sitmap map --style FILE` reads it, then every layer's symbols derived as the renderer does.

#include "tests/fuzz/fuzz_support.hpp"

#include "render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const sitmap::render::Style builtin = sitmap::render::Style::builtin();
    (void)builtin; // read once, outside the timed inputs
    sitmap::fuzz::run_guarded([&] {
        const sitmap::render::Style style = sitmap::render::Style::from_json(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz-style.json");
        for (const sitmap::render::StyleLayer& layer : style.layers()) {
            (void)layer.line_symbol(1.0);
            (void)layer.fill_symbol(1.0);
            (void)layer.marker_symbol(layer.marker_shape, 1.0);
            (void)layer.text_style(1.0);
        }
    });
    return 0;
}
