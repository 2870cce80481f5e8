// The events reader on GeoJSON lines, as `sitmap map FILE.geojsonl` reads it (the streaming
// reader, lenient schema, place areas from the bundled gazetteer: render::EventSet::read).

#include "tests/fuzz/fuzz_support.hpp"

#include "geo/gazetteer/gazetteer.hpp"
#include "render/events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path path = sitmap::fuzz::scratch_path("events.geojsonl");
    const sitmap::geo::Gazetteer& gazetteer = sitmap::fuzz::bundled_gazetteer();
    sitmap::fuzz::write_file(path, data, size);
    sitmap::fuzz::run_guarded([&] {
        (void)sitmap::render::EventSet::read(
            path, [&](std::string_view id) -> const sitmap::geo::Geometry* {
                const sitmap::geo::Place* p = gazetteer.find(id);
                return p != nullptr ? &p->geometry : nullptr;
            });
    });
    return 0;
}
