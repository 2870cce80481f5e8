#include "tests/fuzz/fuzz_support.hpp"

#include "geo/gazetteer/gazetteer.hpp"
#include "geo/geocode/geocoder.hpp"

#include <cstdlib>
#include <fstream>
#include <system_error>

namespace sitmap::fuzz {
namespace {

std::filesystem::path g_dir;

void remove_dir() {
    std::error_code ec;
    std::filesystem::remove_all(g_dir, ec);
}

} // namespace

std::filesystem::path scratch_path(const std::string& name) {
    if (g_dir.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern =
            std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/sitmap-fuzz.XXXXXX";
        if (mkdtemp(pattern.data()) == nullptr) {
            internal_error("cannot create a scratch folder");
        }
        g_dir = pattern;
        std::atexit(remove_dir);
    }
    return g_dir / name;
}

void write_file(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        internal_error(("cannot write " + path.string()).c_str());
    }
}

const geo::Gazetteer& bundled_gazetteer() {
    static const geo::Gazetteer gazetteer = geo::Gazetteer::load_default();
    return gazetteer;
}

const geo::Geocoder& bundled_geocoder() {
    static const geo::Geocoder geocoder(bundled_gazetteer());
    return geocoder;
}

} // namespace sitmap::fuzz
