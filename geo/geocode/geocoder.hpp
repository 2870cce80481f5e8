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
    std::string matched; // the name or alias that matched
    MatchKind match = MatchKind::exact;
    double score = 0.0; // in [0,1]
    GeoPrecision precision = GeoPrecision::exact;
    std::string reason; // why it ranks where it does, in words
};

struct GeocodeContext {
    std::vector<std::string> country_hints;    // ISO alpha-2, e.g. {"AM"}
    std::vector<std::string> nearby_place_ids; // other places resolved in the same text
    // Areas the text puts the place in ("Aghdam in Tovuz district", "Chinari, Tavush", "Kalbajar
    // district's Zar village", "Aghdam in Azerbaijan's Tovuz district"): ids of regions,
    // countries, or the towns districts are named after. A candidate inside all of them wins;
    // when none is, the name stays unresolved rather than going to a namesake elsewhere.
    std::vector<std::string> within_place_ids;
};

struct Resolution {
    std::string query;
    bool resolved = false;             // candidates.front() is the answer
    std::vector<Candidate> candidates; // ranked; when unresolved, up to three suggestions
    // Several places of one kind match about equally well and nothing in the context (country,
    // places nearby, an area named with it) told them apart: the first was chosen by kind and
    // population alone, as its reason says. A low-confidence answer, never a silent one.
    bool ambiguous = false;
    // Why the name is unresolved when that is more than "no such name" ("no place named Kut in
    // Tavush"; "written as a place but not in the gazetteer"); empty otherwise.
    std::string note;
};

struct ReverseResult {
    const Place* place = nullptr; // nearest settlement
    double distance_m = 0.0;
    std::string description; // e.g. "6 km NE of Sotk, Armenia"
};

// A place mention found in running text.
struct TextMention {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
    std::string surface; // as written
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

    // Every place mention in a text, longest match first, with inflected forms ("Sotk's"). A
    // name placed in a district, province or country ("Aghdam settlement of Tovuz district")
    // resolves inside it, or stays unresolved with a note when no place of that name is there;
    // "Khankendi (Stepanakert)" resolves both names to one place. Not mentions: person names
    // (after a rank or title, before a patronymic), acronyms that spell a village, generic border
    // phrases that modify a noun ("border area", "Armenian border guards").
    std::vector<TextMention> find_mentions(std::string_view text,
                                           const GeocodeContext& context = {}) const;

    // Capitalised names written in a place slot ("the village of X", "X settlement", "in the
    // direction of X") that `mentions` (find_mentions' result for the same text) does not cover.
    // Each comes back as a TextMention: resolved when its spelling is close to one gazetteer
    // place (a fuzzy match, said in the reason), else unresolved with a note and at most three
    // suggestions. The extraction reports these instead of dropping them.
    std::vector<TextMention> find_place_slots(std::string_view text,
                                              const std::vector<TextMention>& mentions) const;

    // find_mentions, then find_place_slots of the mentions found, reading the text into words
    // once for both.
    struct MentionsAndSlots {
        std::vector<TextMention> mentions;
        std::vector<TextMention> slots;
    };
    MentionsAndSlots find_mentions_and_slots(std::string_view text,
                                             const GeocodeContext& context = {}) const;

    const Gazetteer& gazetteer() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sitmap::geo
