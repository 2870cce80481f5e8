#pragma once
// Events as the renderer needs them: kind, where (with precision), when, casualties, whether the
// claims contradict, and a human title. Built from geo::Event (articles, read_events_geojson) or
// streamed from any vector file with the events GeoJSON properties (GeoJSON, GeoJSONSeq,
// FlatGeobuf...) so that a million events never exist as full geo::Event objects.

#include "geo/core/event.hpp"
#include "geo/core/geometry.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::render {

// An ISO date (YYYY-MM-DD) kept inline: a million events need no million strings.
class IsoDate {
public:
    IsoDate() = default;
    IsoDate(std::string_view s) { assign(s); } // NOLINT: implicit, like a string
    IsoDate& operator=(std::string_view s) {
        assign(s);
        return *this;
    }
    std::string_view view() const { return {m_text.data(), m_size}; }
    operator std::string_view() const { return view(); } // NOLINT
    std::string str() const { return std::string(view()); }
    bool empty() const { return m_size == 0; }
    friend bool operator==(const IsoDate& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const IsoDate& a, const IsoDate& b) { return a.view() == b.view(); }
    friend auto operator<=>(const IsoDate& a, const IsoDate& b) { return a.view() <=> b.view(); }

private:
    void assign(std::string_view s) {
        m_size = static_cast<std::uint8_t>(std::min(s.size(), m_text.size()));
        std::copy_n(s.data(), m_size, m_text.data());
    }
    std::array<char, 10> m_text{};
    std::uint8_t m_size = 0;
};

// One side's statement on an event: what it asserts and its highest figures.
struct SideClaim {
    geo::Side side = geo::Side::unknown;
    geo::Assertion assertion = geo::Assertion::reports; // denies > accuses > own losses > reports
    geo::Side against = geo::Side::unknown;             // whom it accuses
    int killed = -1;                                    // -1: no figure stated
    int wounded = -1;
    friend bool operator==(const SideClaim&, const SideClaim&) = default;
};

struct EventRecord {
    std::string id;
    geo::EventKind kind = geo::EventKind::armed_clash;
    geo::Geometry geometry; // the place's geometry (point, line or area)
    geo::LonLat location;   // representative point
    geo::GeoPrecision precision = geo::GeoPrecision::exact;
    std::string place_id;
    std::string place_name;
    IsoDate date_begin; // YYYY-MM-DD
    IsoDate date_end;
    int killed = -1; // highest claimed figure, -1 unknown
    int wounded = -1;
    bool disputed = false;
    std::string claims;           // "who: what; who: what" for titles and tooltips
    std::vector<SideClaim> sides; // one per side that made a claim, in the order of geo::Side
    // Where fire is said to have come from, finest first, and whose statement that is
    // (geo::fire_claimant): the direction-of-fire arrows.
    std::vector<geo::EventPlace> origins;
    geo::Side fire_claimant = geo::Side::unknown;

    int casualties() const { return std::max(killed, 0) + std::max(wounded, 0); }
};

// The events of one map, in input order.
struct EventSet {
    std::vector<EventRecord> events;

    // Reads a vector file with the events GeoJSON properties (id, kind, date_begin, date_end,
    // place_id, place_name, geo_precision, disputed, killed_max, wounded_max, claims...).
    // Throws sitmap::Error (bad_input) naming the file and the feature.
    // place_geometry, when given, is asked for the geometry of a place known only as a region
    // (the events GeoJSON stores the location point; the area or line is the gazetteer's).
    using PlaceGeometry = std::function<const geo::Geometry*(std::string_view place_id)>;
    static EventSet read(const std::filesystem::path& path,
                         const PlaceGeometry& place_geometry = {});
    static EventSet from_events(const std::vector<geo::Event>& events);

    void append(EventSet&& other);
};

// "11 May 2023", "6–7 Nov 2022", "30 Apr – 2 May 2023" from ISO dates.
std::string format_date_range(std::string_view begin, std::string_view end);

// Place, date and claims on one line, for SVG <title> and --lint.
std::string event_title(const EventRecord& e);

// "Armenia", "Azerbaijan", "Russia", "EU", "Other", "Unattributed".
std::string_view side_label(geo::Side side);

// Each named side's statement in a few words, one line each, for the label of a disputed event:
// "Armenia: 4 wounded\nAzerbaijan: 1 killed, 1 wounded"; a side without figures says what it
// asserts ("Azerbaijan: denies"). Empty when fewer than two named sides made a claim.
std::string side_claims_text(const EventRecord& e);

} // namespace sitmap::render
