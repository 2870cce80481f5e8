#include "geo/gazetteer/detail/cache.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sitmap::geo::detail {
namespace {

// Bump on any change of the layout below (and of Place: see the size check at the end).
constexpr std::uint32_t format_version = 1;
constexpr std::array<char, 8> magic = {'S', 'I', 'T', 'M', 'A', 'P', 'G', 'Z'};
// magic, version, reserved, source size, source hash, payload size, payload hash
constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8 + 8 + 8;
constexpr int place_kinds = 13; // PlaceKind::settlement .. PlaceKind::pass

std::uint64_t rotl(std::uint64_t x, int r) {
    return std::rotl(x, r);
}

// Little-endian loads and stores, whatever the machine: a cache is a byte format.
std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) {
        v = (v << 8) | p[i];
    }
    return v;
}

std::uint32_t load32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

class Writer {
public:
    void u8(std::uint8_t v) { m_out.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
        }
    }
    void u64(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            m_out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
        }
    }
    void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void count(std::size_t n) { u32(static_cast<std::uint32_t>(n)); }
    void str(std::string_view s) {
        count(s.size());
        m_out.append(s);
    }
    void path(const Path& p) {
        count(p.size());
        for (const LonLat& ll : p) {
            f64(ll.lon);
            f64(ll.lat);
        }
    }
    void raw(std::string_view s) { m_out.append(s); }
    std::string& bytes() { return m_out; }

private:
    std::string m_out;
};

struct Corrupt {};

// Reads what Writer wrote; every read is bounds-checked and throws Corrupt past the end.
class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(*take(1)); }
    std::uint32_t u32() { return load32(take(4)); }
    std::uint64_t u64() { return load64(take(8)); }
    double f64() { return std::bit_cast<double>(u64()); }
    // A count of items of at least `min_bytes` each: never more than the bytes left could hold,
    // so a damaged count cannot make us reserve gigabytes.
    std::size_t count(std::size_t min_bytes) {
        const std::size_t n = u32();
        if (n > left() / min_bytes) {
            throw Corrupt{};
        }
        return n;
    }
    std::string str() {
        const std::size_t n = count(1);
        return std::string(reinterpret_cast<const char*>(take(n)), n);
    }
    Path path() {
        Path p(count(16));
        for (LonLat& ll : p) {
            ll.lon = f64();
            ll.lat = f64();
        }
        return p;
    }
    std::size_t left() const { return m_bytes.size() - m_pos; }

private:
    const unsigned char* take(std::size_t n) {
        if (n > left()) {
            throw Corrupt{};
        }
        const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data() + m_pos);
        m_pos += n;
        return p;
    }

    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

void write_place(Writer& w, const Place& p) {
    w.str(p.id);
    w.str(p.name);
    w.count(p.names.size());
    for (const auto& [lang, name] : p.names) {
        w.str(lang);
        w.str(name);
    }
    w.count(p.aliases.size());
    for (const std::string& a : p.aliases) {
        w.str(a);
    }
    w.u8(static_cast<std::uint8_t>(p.kind));
    w.str(p.country);
    w.str(p.admin1);
    w.u64(static_cast<std::uint64_t>(p.population));
    w.str(p.source);
    w.str(p.source_id);
    w.f64(p.accuracy_m);
    w.str(p.note);
    w.u8(static_cast<std::uint8_t>(p.geometry.index()));
    if (const auto* point = std::get_if<PointGeom>(&p.geometry)) {
        w.f64(point->point.lon);
        w.f64(point->point.lat);
    } else if (const auto* lines = std::get_if<LinesGeom>(&p.geometry)) {
        w.count(lines->lines.size());
        for (const Path& line : lines->lines) {
            w.path(line);
        }
    } else {
        const auto& area = std::get<AreaGeom>(p.geometry);
        w.count(area.polygons.size());
        for (const auto& polygon : area.polygons) {
            w.count(polygon.size());
            for (const Path& ring : polygon) {
                w.path(ring);
            }
        }
    }
    w.f64(p.anchor.lon);
    w.f64(p.anchor.lat);
}

void read_place(Reader& r, Place& p) {
    p.id = r.str();
    p.name = r.str();
    for (std::size_t n = r.count(8); n > 0; --n) {
        std::string lang = r.str();
        p.names.emplace_hint(p.names.end(), std::move(lang), r.str());
    }
    p.aliases.resize(r.count(4));
    for (std::string& a : p.aliases) {
        a = r.str();
    }
    const std::uint8_t kind = r.u8();
    if (kind >= place_kinds) {
        throw Corrupt{};
    }
    p.kind = static_cast<PlaceKind>(kind);
    p.country = r.str();
    p.admin1 = r.str();
    p.population = static_cast<std::int64_t>(r.u64());
    p.source = r.str();
    p.source_id = r.str();
    p.accuracy_m = r.f64();
    p.note = r.str();
    switch (r.u8()) {
    case 0: {
        PointGeom point;
        point.point.lon = r.f64();
        point.point.lat = r.f64();
        p.geometry = point;
        break;
    }
    case 1: {
        LinesGeom lines;
        lines.lines.resize(r.count(4));
        for (Path& line : lines.lines) {
            line = r.path();
        }
        p.geometry = std::move(lines);
        break;
    }
    case 2: {
        AreaGeom area;
        area.polygons.resize(r.count(4));
        for (auto& polygon : area.polygons) {
            polygon.resize(r.count(4));
            for (Path& ring : polygon) {
                ring = r.path();
            }
        }
        p.geometry = std::move(area);
        break;
    }
    default:
        throw Corrupt{};
    }
    p.anchor.lon = r.f64();
    p.anchor.lat = r.f64();
}

std::string hex(std::uint64_t v) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) {
        out[static_cast<std::size_t>(i)] = digits[v & 0xF];
    }
    return out;
}

// A directory named by an environment variable, if it is set and not empty.
std::optional<std::filesystem::path> env_dir(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') {
        return std::nullopt;
    }
    return std::filesystem::path(v);
}

// The source's path as the cache records it: absolute, so that pruning from any directory agrees.
std::filesystem::path absolute_path(const std::filesystem::path& p) {
    std::error_code ec;
    const std::filesystem::path a = std::filesystem::absolute(p, ec);
    return (ec ? p : a).lexically_normal();
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

namespace {

constexpr std::uint64_t p1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t p2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t p3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t p4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t p5 = 0x27D4EB2F165667C5ULL;

std::uint64_t xxh_round(std::uint64_t acc, std::uint64_t input) {
    return rotl(acc + input * p2, 31) * p1;
}

std::uint64_t xxh_merge(std::uint64_t acc, std::uint64_t v) {
    return (acc ^ xxh_round(0, v)) * p1 + p4;
}

} // namespace

Hash64::Hash64() : m_v{p1 + p2, p2, 0, 0 - p1} {}

void Hash64::stripes(const unsigned char* p, std::size_t n) {
    for (; n >= 32; p += 32, n -= 32) {
        for (std::size_t i = 0; i < 4; ++i) {
            m_v[i] = xxh_round(m_v[i], load64(p + 8 * i));
        }
    }
}

void Hash64::update(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    m_length += n;
    if (m_buffered > 0) { // complete the stripe begun by the last call
        const std::size_t take = std::min(n, m_buffer.size() - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, p, take);
        m_buffered += take;
        p += take;
        n -= take;
        if (m_buffered < m_buffer.size()) {
            return;
        }
        stripes(m_buffer.data(), m_buffer.size());
        m_buffered = 0;
    }
    const std::size_t whole = n - n % 32;
    stripes(p, whole);
    std::memcpy(m_buffer.data(), p + whole, n - whole);
    m_buffered = n - whole;
}

std::uint64_t Hash64::digest() const {
    std::uint64_t h = p5;
    if (m_length >= 32) {
        const auto& v = m_v;
        h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
        for (const std::uint64_t x : v) {
            h = xxh_merge(h, x);
        }
    }
    h += m_length;
    const unsigned char* p = m_buffer.data();
    const unsigned char* const end = p + m_buffered;
    for (; end - p >= 8; p += 8) {
        h = rotl(h ^ xxh_round(0, load64(p)), 27) * p1 + p4;
    }
    if (end - p >= 4) {
        h = rotl(h ^ (static_cast<std::uint64_t>(load32(p)) * p1), 23) * p2 + p3;
        p += 4;
    }
    for (; p < end; ++p) {
        h = rotl(h ^ (*p * p5), 11) * p1;
    }
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    h *= p3;
    h ^= h >> 32;
    return h;
}

std::uint64_t hash64(std::string_view bytes) {
    Hash64 h;
    h.update(bytes);
    return h.digest();
}

SourceKey source_key(std::string_view source_bytes) {
    return {source_bytes.size(), hash64(source_bytes)};
}

std::optional<SourceKey> source_key_of(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    // A small buffer, reused: no page faults for a copy of the whole file.
    std::array<char, 1 << 16> chunk{};
    Hash64 h;
    for (;;) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        h.update({chunk.data(), static_cast<std::size_t>(n)});
    }
    ::close(fd);
    return SourceKey{h.length(), h.digest()};
}

std::optional<MappedFile> MappedFile::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    struct stat st {};
    std::optional<MappedFile> out;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* data = size == 0
                         ? nullptr
                         : ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (data != MAP_FAILED) {
            out.emplace(MappedFile(data, size));
        }
    }
    ::close(fd);
    return out;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (m_data != nullptr) {
            ::munmap(m_data, m_size);
        }
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (m_data != nullptr) {
        ::munmap(m_data, m_size);
    }
}

std::string encode_places(std::span<const Place> places, const SourceKey& key,
                          const std::filesystem::path& source) {
    Writer payload;
    payload.str(absolute_path(source).string()); // first: prune_caches reads only this far
    payload.u64(places.size());
    for (const Place& p : places) {
        write_place(payload, p);
    }
    Writer out;
    out.raw({magic.data(), magic.size()});
    out.u32(format_version);
    out.u32(0);
    out.u64(key.size);
    out.u64(key.hash);
    out.u64(payload.bytes().size());
    out.u64(hash64(payload.bytes()));
    out.raw(payload.bytes());
    return std::move(out.bytes());
}

std::optional<std::vector<Place>> decode_places(std::string_view bytes,
                                                const SourceKey& key) noexcept {
    try {
        if (bytes.size() < header_size ||
            std::memcmp(bytes.data(), magic.data(), magic.size()) != 0) {
            return std::nullopt;
        }
        Reader header(bytes.substr(magic.size(), header_size - magic.size()));
        if (header.u32() != format_version) {
            return std::nullopt;
        }
        header.u32(); // reserved
        const SourceKey cached{header.u64(), header.u64()};
        const std::uint64_t payload_size = header.u64();
        const std::uint64_t payload_hash = header.u64();
        const std::string_view payload = bytes.substr(header_size);
        if (cached != key || payload_size != payload.size() || payload_hash != hash64(payload)) {
            return std::nullopt;
        }
        Reader r(payload);
        r.str(); // the source's path, for prune_caches
        const std::uint64_t n = r.u64();
        if (n > r.left() / 32) { // a place takes 32 bytes at the very least
            return std::nullopt;
        }
        std::vector<Place> places;
        places.reserve(static_cast<std::size_t>(n));
        for (std::uint64_t i = 0; i < n; ++i) {
            read_place(r, places.emplace_back());
        }
        if (r.left() != 0) {
            return std::nullopt;
        }
        return places;
    } catch (...) { // Corrupt, or bad_alloc from a damaged file: read the GeoJSON instead
        return std::nullopt;
    }
}

std::vector<std::filesystem::path> cache_paths(const std::filesystem::path& source) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string name = "gazetteer-v" + std::to_string(format_version) + "-" +
                             hex(hash64(absolute_path(source).string())) + ".bin";
    std::vector<fs::path> dirs;
    if (const auto dir = env_dir("SITMAP_CACHE_DIR")) {
        dirs.push_back(*dir); // the user's choice, and only that
    } else {
#ifdef SITMAP_BUILD_CACHE_DIR
        // Running from a build tree: the cache goes with the build (removed with it).
        const fs::path build_cache = SITMAP_BUILD_CACHE_DIR;
        if (fs::is_directory(build_cache.parent_path(), ec)) {
            dirs.push_back(build_cache);
        }
#endif
        if (const auto xdg = env_dir("XDG_CACHE_HOME")) {
            dirs.push_back(*xdg / "sitmap");
        } else if (const auto home = env_dir("HOME")) {
            dirs.push_back(*home / ".cache" / "sitmap");
        }
    }
    std::vector<fs::path> paths;
    for (const fs::path& dir : dirs) {
        paths.push_back(dir / name);
    }
    return paths;
}

void prune_caches(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    const std::string prefix = "gazetteer-v" + std::to_string(format_version) + "-";
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(prefix) || !name.ends_with(".bin")) {
            continue;
        }
        std::array<char, 4096> head{};
        const int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        const ssize_t n = ::read(fd, head.data(), head.size());
        ::close(fd);
        if (n < static_cast<ssize_t>(header_size + 4)) {
            continue;
        }
        try {
            Reader r(
                std::string_view(head.data(), static_cast<std::size_t>(n)).substr(header_size));
            const fs::path source = r.str();
            if (!source.empty() && !fs::exists(source, ec) && !ec) {
                fs::remove(it->path(), ec);
            }
        } catch (const Corrupt&) {
            // a path longer than 4 KiB, or not a cache of ours: leave it
        }
        ec.clear();
    }
}

std::optional<std::filesystem::path> write_cache(std::span<const std::filesystem::path> paths,
                                                 std::string_view bytes) {
    for (const std::filesystem::path& path : paths) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            continue;
        }
        // One temporary per process: concurrent writers each rename a complete file.
        const std::string tmp = path.string() + "." + std::to_string(::getpid()) + ".tmp";
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            continue;
        }
        const bool written = write_all(fd, bytes);
        const bool closed = ::close(fd) == 0;
        if (written && closed && ::rename(tmp.c_str(), path.c_str()) == 0) {
            prune_caches(path.parent_path());
            return path;
        }
        ::unlink(tmp.c_str());
    }
    return std::nullopt;
}

// The cache holds every field of Place. A new field must be added to write_place and read_place
// (and format_version bumped); this check makes the build say so (64-bit libstdc++ layout).
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(Place) == 368,
              "Place changed: update write_place/read_place in gazetteer/detail/cache.cpp and "
              "bump format_version, then this size");
#endif

} // namespace sitmap::geo::detail
