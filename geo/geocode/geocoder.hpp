#pragma once
// The geocoder: any spelling of a place (Latin, Armenian, Cyrillic, Azerbaijani, inflected,
// misspelt, a descriptive phrase) resolved to ranked gazetteer features, or honestly unresolved.

#include "geo/gazetteer/gazetteer.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

enum class MatchKind { exact, alias, folded, transliterated, fuzzy, phrase };
std::string_view to_string(MatchKind kind);

struct Candidate {
    const Place* place = nullptr;
    std::string matched;     // the name or alias that matched
    MatchKind match = MatchKind::exact;
    double score = 0.0;      // in [0,1]
    GeoPrecision precision = GeoPrecision::exact;
    std::string reason;      // why it ranks where it does, in words
};

struct GeocodeContext {
    std::vector<std::string> country_hints;   // ISO alpha-2, e.g. {"AM"}
    std::vector<std::string> nearby_place_ids; // other places resolved in the same text
};

struct Resolution {
    std::string query;
    bool resolved = false;              // candidates.front() is the answer
    std::vector<Candidate> candidates;  // ranked; when unresolved, up to three suggestions
};

struct ReverseResult {
    const Place* place = nullptr;  // nearest settlement
    double distance_m = 0.0;
    std::string description;       // e.g. "6 km NE of Sotk, Armenia"
};

// A place mention found in running text.
struct TextMention {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
    std::string surface;   // as written
    Resolution resolution;
};

class Geocoder {
public:
    explicit Geocoder(const Gazetteer& gazetteer);
    ~Geocoder();
    Geocoder(Geocoder&&) noexcept;
    Geocoder& operator=(Geocoder&&) noexcept;

    // Throws sitmap::Error (bad_input) for an empty name, a name over 1000 bytes, invalid UTF-8.
    Resolution resolve(std::string_view name, const GeocodeContext& context = {}) const;

    // Nearest settlement to a point. Throws for coordinates out of range.
    ReverseResult reverse(LonLat point) const;

    // Every place mention in a text, longest match first, with inflected forms ("Sotk's").
    std::vector<TextMention> find_mentions(std::string_view text,
                                           const GeocodeContext& context = {}) const;

    const Gazetteer& gazetteer() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sitmap::geo
