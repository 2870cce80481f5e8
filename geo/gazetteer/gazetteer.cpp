#include "geo/gazetteer/gazetteer.hpp"

#include <array>
#include <cstdlib>
#include <optional>
#include <system_error>

#include "geo/core/error.hpp"
#include "geo/gazetteer/detail/cache.hpp"
#include "geo/gazetteer/detail/read_geojson.hpp"

namespace sitmap::geo {
namespace {

constexpr std::array<std::pair<PlaceKind, std::string_view>, 13> kind_names{{
    {PlaceKind::settlement, "settlement"},
    {PlaceKind::capital, "capital"},
    {PlaceKind::region, "region"},
    {PlaceKind::country, "country"},
    {PlaceKind::border_sector, "border_sector"},
    {PlaceKind::corridor, "corridor"},
    {PlaceKind::checkpoint, "checkpoint"},
    {PlaceKind::bridge, "bridge"},
    {PlaceKind::lake, "lake"},
    {PlaceKind::river, "river"},
    {PlaceKind::city_abroad, "city_abroad"},
    {PlaceKind::height, "height"},
    {PlaceKind::pass, "pass"},
}};

} // namespace

std::string_view to_string(PlaceKind kind) {
    for (const auto& [k, name] : kind_names) {
        if (k == kind) {
            return name;
        }
    }
    return "settlement";
}

PlaceKind place_kind_from_string(std::string_view s) {
    for (const auto& [k, name] : kind_names) {
        if (name == s) {
            return k;
        }
    }
    std::string known;
    for (const auto& [k, name] : kind_names) {
        known += (known.empty() ? "" : ", ") + std::string(name);
    }
    throw input_error("unknown place kind '" + std::string(s) + "' (known kinds: " + known + ")");
}

const std::string& Place::name_in(std::string_view lang) const {
    const auto it = names.find(std::string(lang));
    return it != names.end() && !it->second.empty() ? it->second : name;
}

Gazetteer Gazetteer::load(const std::filesystem::path& path, UseCache cache) {
    // The source is read (and hashed) on every load: a cache stands for exactly its bytes.
    const std::optional<detail::SourceKey> key =
        cache == UseCache::yes ? detail::source_key_of(path) : std::nullopt;
    std::vector<std::filesystem::path> caches;
    if (key) {
        caches = detail::cache_paths(path);
        for (const auto& cached : caches) {
            if (const auto file = detail::MappedFile::open(cached)) {
                if (auto places = detail::decode_places(file->bytes(), *key)) {
                    try {
                        return Gazetteer(std::move(*places));
                    } catch (const Error&) {
                        // a well-formed cache of a file with duplicate ids: cannot be ours
                    }
                }
            }
        }
    }
    try {
        Gazetteer g(detail::read_geojson_places(path));
        // Only if the file did not change while GDAL read it: the cache must match its key.
        if (key && detail::source_key_of(path) == key) {
            detail::write_cache(caches, detail::encode_places(g.places(), *key, path));
        }
        return g;
    } catch (const Error& e) {
        throw e.with_context(path.string());
    }
}

Gazetteer Gazetteer::load_default() {
    const auto path = data_dir() / "geojson" / "gazetteer.geojson";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error(
            "the bundled gazetteer is missing: " + path.string() +
            " (set SITMAP_DATA to sitmap's data directory, or pass --gazetteer FILE)");
    }
    return load(path);
}

Gazetteer::Gazetteer(std::vector<Place> places) : m_places(std::move(places)) {
    m_by_id.reserve(m_places.size());
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        if (!m_by_id.emplace(m_places[i].id, i).second) {
            throw input_error("duplicate place id '" + m_places[i].id + "' (feature " +
                              std::to_string(i + 1) + ")");
        }
    }
}

const Place* Gazetteer::find(std::string_view id) const {
    const auto it = m_by_id.find(std::string(id));
    return it == m_by_id.end() ? nullptr : &m_places[it->second];
}

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("SITMAP_DATA"); env != nullptr && *env != '\0') {
        return env;
    }
    return SITMAP_DATA_DIR;
}

} // namespace sitmap::geo
