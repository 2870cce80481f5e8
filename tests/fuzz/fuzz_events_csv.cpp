// The events reader on ACLED-convention CSV, as `sitmap export/map FILE.csv` reads it
// (cli::load_inputs with the bundled gazetteer), then the events written back as GeoJSON.

#include "tests/fuzz/fuzz_support.hpp"

#include "cli/inputs.hpp"
#include "geo/io/event_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path path = sitmap::fuzz::scratch_path("events.csv");
    const sitmap::geo::Geocoder& geocoder = sitmap::fuzz::bundled_geocoder();
    sitmap::fuzz::write_file(path, data, size);
    sitmap::fuzz::run_guarded([&] {
        const sitmap::cli::LoadedInputs in =
            sitmap::cli::load_inputs({path.string()}, "", geocoder);
        (void)sitmap::geo::events_geojson_text(in.events);
    });
    return 0;
}
