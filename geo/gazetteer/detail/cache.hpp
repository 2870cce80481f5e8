#pragma once
// Internal to geo/gazetteer: a binary copy of a loaded gazetteer (every Place field, geometry and
// anchor included), so that the next load is one read() instead of GDAL parsing the GeoJSON.
// A cache stands for exactly one source file: its size and a hash of all its bytes are in the
// header, with a format version and a hash of the payload. Anything that does not match (another
// version, a changed source, a truncated or damaged file) is ignored and rewritten.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"

namespace sitmap::geo::detail {

// What a cache must match to stand for its source.
struct SourceKey {
    std::uint64_t size = 0;
    std::uint64_t hash = 0; // hash64 of the whole file
    friend bool operator==(const SourceKey&, const SourceKey&) = default;
};

// XXH64 with seed 0, fed in pieces of any size: fast enough (about 10 GB/s) to check a source of
// megabytes on every load.
class Hash64 {
public:
    Hash64();
    void update(std::string_view bytes);
    std::uint64_t digest() const;
    std::uint64_t length() const { return m_length; }

private:
    void stripes(const unsigned char* p, std::size_t n); // n a multiple of 32

    std::array<std::uint64_t, 4> m_v;
    std::array<unsigned char, 32> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

std::uint64_t hash64(std::string_view bytes);

SourceKey source_key(std::string_view source_bytes);

// The key of a file, read in small pieces; nullopt if it is not a readable regular file.
std::optional<SourceKey> source_key_of(const std::filesystem::path& path);

// A file mapped read-only. Caches are only ever replaced by rename, never rewritten in place, so a
// mapped cache cannot shrink under its reader.
class MappedFile {
public:
    // nullopt if the file is not a readable regular file.
    static std::optional<MappedFile> open(const std::filesystem::path& path);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    MappedFile(void* data, std::size_t size) : m_data(data), m_size(size) {}

    void* m_data = nullptr;
    std::size_t m_size = 0;
};

// The places as cache bytes, for the source with this key at this path.
std::string encode_places(std::span<const Place> places, const SourceKey& key,
                          const std::filesystem::path& source);

// The places in cache bytes, or nullopt when the bytes are not a cache of this format for the
// source with this key (never throws, whatever the bytes).
std::optional<std::vector<Place>> decode_places(std::string_view bytes,
                                                const SourceKey& key) noexcept;

// Where the cache of a source may be, in order of preference: $SITMAP_CACHE_DIR if set, else the
// build tree's cache/ directory (while it exists), else $XDG_CACHE_HOME/sitmap or
// ~/.cache/sitmap. The file name comes from the source's absolute path.
std::vector<std::filesystem::path> cache_paths(const std::filesystem::path& source);

// Writes the cache to the first of `paths` whose directory can be created and written, through a
// temporary file renamed in place (readers never see half a file), then prunes that directory.
// Returns the path written, or nullopt if none could be: caching is never an error.
std::optional<std::filesystem::path> write_cache(std::span<const std::filesystem::path> paths,
                                                 std::string_view bytes);

// Removes the caches in `dir` whose source file no longer exists (temporary gazetteers).
void prune_caches(const std::filesystem::path& dir);

} // namespace sitmap::geo::detail
