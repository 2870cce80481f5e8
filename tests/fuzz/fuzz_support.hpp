#pragma once
// What every sitmap fuzz target shares: the refusal rule, a scratch file for readers that take a
// path, and the bundled gazetteer loaded once.
//
// The rule: sitmap::Error of kind bad_input or usage is the expected refusal of bad input (exit 1
// or 2 in the CLI). Anything else escaping a reader (another Error kind, an nlohmann or GDAL
// exception, any std::exception) would be "internal error", exit 70, in the CLI: the target prints
// it and aborts, which libFuzzer records as a crash.

#include "geo/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

namespace sitmap::geo {
class Gazetteer;
class Geocoder;
} // namespace sitmap::geo

namespace sitmap::fuzz {

[[noreturn]] inline void internal_error(const char* what) {
    std::fprintf(stderr, "sitmap fuzz: internal error (exit 70 in the CLI): %s\n", what);
    std::fflush(stderr);
    std::abort();
}

// Runs `body`; returns normally on a refusal (bad_input, usage), aborts on anything else.
template <typename Body> void run_guarded(Body&& body) {
    try {
        body();
    } catch (const sitmap::Error& e) {
        if (e.kind() == ErrorKind::bad_input || e.kind() == ErrorKind::usage) {
            return;
        }
        internal_error(e.what());
    } catch (const std::exception& e) {
        internal_error(e.what());
    } catch (...) {
        internal_error("an exception that is not a std::exception");
    }
}

// A fresh folder of this process (removed at exit) holding `name`, rewritten with each input:
// the readers under test take a path, as the CLI gives them.
std::filesystem::path scratch_path(const std::string& name);
void write_file(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size);

// The bundled gazetteer (data/geojson/gazetteer.geojson) and a geocoder over it, loaded once, as
// the CLI loads them without --gazetteer.
const geo::Gazetteer& bundled_gazetteer();
const geo::Geocoder& bundled_geocoder();

} // namespace sitmap::fuzz
