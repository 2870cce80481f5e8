// The structure-aware mode of the JSON targets (*_struct): a libFuzzer custom mutator that, when
// the input parses as JSON (or as JSON lines, one document a line), replaces one to three values
// by values of another type (number, string, null, boolean, array, object, a geometry where a
// number belongs, NaN, Infinity, numbers too large for a double, dates that do not exist), drops
// or copies members; otherwise, and for one input in eight, it leaves the bytes to libFuzzer's own
// mutations (LLVMFuzzerMutate). Deterministic given the seed libFuzzer passes.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

using json = nlohmann::json;

// Values JSON cannot hold in nlohmann (NaN, Infinity, out-of-range numbers) travel as these
// strings and are written out bare after the dump.
const char* const raw_prefix = "\x01raw:";
const char* const raw_tokens[] = {"NaN",
                                  "-NaN",
                                  "Infinity",
                                  "-Infinity",
                                  "1e999",
                                  "-1e999",
                                  "18446744073709551616",
                                  "-9223372036854775809",
                                  "1e-400",
                                  "0.0000000000000000000000001",
                                  "-0"};

const char* const strings[] = {"",
                               " ",
                               "2023-02-30",
                               "2023-02-29",
                               "2024-02-29",
                               "2023-13-01",
                               "2023-00-10",
                               "0000-01-01",
                               "9999-12-31",
                               "2023-5-1",
                               "2023/05/01",
                               "20230501",
                               "2023-05-01T12:00:00Z",
                               "yesterday",
                               "shelling",
                               "drone_strike",
                               "ceasefire_violation",
                               "armenia",
                               "azerbaijan",
                               "unknown",
                               "reports",
                               "denies",
                               "martians",
                               "1",
                               "-1",
                               "2",
                               "3",
                               "99999999999",
                               "1.5",
                               "NaN",
                               "nan",
                               "Infinity",
                               "null",
                               "true",
                               "[]",
                               "{}",
                               "EPSG:4326",
                               "EPSG:3857",
                               "urn:ogc:def:crs:OGC:1.3:CRS84",
                               "Point",
                               "LineString",
                               "Polygon",
                               "FeatureCollection",
                               "Feature",
                               "\xc3\xa9",
                               "\xff\xfe",
                               "\xed\xa0\x80",
                               "a\nb",
                               "\\u0000",
                               "Sotk",
                               "Verin Shorzha",
                               "Jermuk",
                               "../../etc/passwd",
                               "fire_line"};

const char* const keys[] = {"type",
                            "features",
                            "geometry",
                            "properties",
                            "coordinates",
                            "crs",
                            "kind",
                            "date_begin",
                            "date_end",
                            "date_precision",
                            "geo_precision",
                            "place_id",
                            "place_name",
                            "name",
                            "id",
                            "claims",
                            "sources",
                            "who",
                            "side",
                            "assertion",
                            "against",
                            "killed",
                            "wounded",
                            "text",
                            "article",
                            "begin",
                            "end",
                            "killed_max",
                            "wounded_max",
                            "casualties",
                            "disputed",
                            "targets",
                            "origins",
                            "lon",
                            "lat",
                            "feature",
                            "layers",
                            "paint",
                            "layout",
                            "line-width",
                            "line-color",
                            "fill-color",
                            "circle-radius",
                            "text-size",
                            "text-font",
                            "visibility",
                            "line-dasharray",
                            "sitmap:marker-shape"};

struct Mutator {
    std::minstd_rand rng;

    std::size_t below(std::size_t n) {
        return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    }
    bool one_in(std::size_t n) { return below(n) == 0; }

    json point() {
        const double lon = static_cast<double>(below(400)) - 200.0;
        const double lat = static_cast<double>(below(200)) - 100.0;
        return json{{"type", "Point"}, {"coordinates", {lon, lat}}};
    }

    json number() {
        switch (below(9)) {
        case 0:
            return 0;
        case 1:
            return -1;
        case 2:
            return 1.5;
        case 3:
            return static_cast<std::int64_t>(below(5)) - 1;
        case 4:
            return 4294967296.0;
        case 5:
            return 1e308;
        case 6:
            return -1e308;
        case 7:
            return static_cast<std::uint64_t>(-1);
        default:
            return std::string(raw_prefix) + raw_tokens[below(std::size(raw_tokens))];
        }
    }

    json scalar_of_another_type(const json& old) {
        for (;;) {
            json v;
            switch (below(9)) {
            case 0:
                v = number();
                break;
            case 1:
                v = std::string(strings[below(std::size(strings))]);
                break;
            case 2:
                v = nullptr;
                break;
            case 3:
                v = one_in(2);
                break;
            case 4:
                v = json::array();
                break;
            case 5:
                v = json::array({number(), number()});
                break;
            case 6:
                v = json::object();
                break;
            case 7:
                v = point();
                break;
            default:
                v = json{{keys[below(std::size(keys))], number()}};
                break;
            }
            if (v.type() != old.type() || one_in(4)) {
                return v;
            }
        }
    }

    // Every value of the document, the root included, in document order.
    static void collect(json& j, std::vector<json*>& out) {
        out.push_back(&j);
        if (j.is_object() || j.is_array()) {
            for (json& child : j) {
                collect(child, out);
            }
        }
    }

    void mutate_once(json& root) {
        std::vector<json*> nodes;
        collect(root, nodes);
        json& target = *nodes[below(nodes.size())];
        switch (below(8)) {
        case 0: // drop a member or an element
            if (target.is_object() && !target.empty()) {
                auto it = target.begin();
                std::advance(it, static_cast<std::ptrdiff_t>(below(target.size())));
                target.erase(it.key());
                return;
            }
            if (target.is_array() && !target.empty()) {
                target.erase(below(target.size()));
                return;
            }
            break;
        case 1: // add a member the readers know, of any type
            if (target.is_object()) {
                target[keys[below(std::size(keys))]] = scalar_of_another_type(nullptr);
                return;
            }
            if (target.is_array()) {
                target.push_back(target.empty() ? number() : target[below(target.size())]);
                return;
            }
            break;
        case 2: { // copy another value of the document here
            const json copy = *nodes[below(nodes.size())];
            target = copy;
            return;
        }
        default:
            break;
        }
        target = scalar_of_another_type(target);
    }
};

// The dump with the raw tokens written bare.
std::string dump_raw(const json& j) {
    std::string s = j.dump(-1, ' ', false, json::error_handler_t::replace);
    const std::string marker = "\"\\u0001raw:";
    for (std::size_t at = s.find(marker); at != std::string::npos; at = s.find(marker, at)) {
        const std::size_t close = s.find('"', at + marker.size());
        if (close == std::string::npos) {
            break;
        }
        const std::string token = s.substr(at + marker.size(), close - at - marker.size());
        s.replace(at, close + 1 - at, token);
        at += token.size();
    }
    return s;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        lines.push_back(
            text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    return lines;
}

} // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size,
                                               std::size_t max_size, unsigned int seed) {
    Mutator m{std::minstd_rand(seed)};
    if (m.one_in(8)) {
        return LLVMFuzzerMutate(data, size, max_size);
    }
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string out;
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) {
        for (std::size_t n = 1 + m.below(3); n > 0; --n) {
            m.mutate_once(doc);
        }
        out = dump_raw(doc);
    } else {
        // JSON lines: every non-empty line a document; one line mutated.
        std::vector<std::string> lines = split_lines(text);
        std::vector<std::size_t> docs;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].find_first_not_of(" \t\r") == std::string::npos) {
                continue;
            }
            if (json::parse(lines[i], nullptr, false).is_discarded()) {
                return LLVMFuzzerMutate(data, size, max_size);
            }
            docs.push_back(i);
        }
        if (docs.empty()) {
            return LLVMFuzzerMutate(data, size, max_size);
        }
        const std::size_t i = docs[m.below(docs.size())];
        json line = json::parse(lines[i]);
        for (std::size_t n = 1 + m.below(3); n > 0; --n) {
            m.mutate_once(line);
        }
        lines[i] = dump_raw(line);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            out += lines[k];
            if (k + 1 < lines.size()) {
                out += '\n';
            }
        }
    }
    if (out.size() > max_size) {
        return LLVMFuzzerMutate(data, size, max_size);
    }
    std::memcpy(data, out.data(), out.size());
    return out.size();
}
