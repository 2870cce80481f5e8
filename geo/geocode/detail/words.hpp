#pragma once
// The small closed vocabularies the geocoder needs around names (all folded, lower-case ASCII):
// common words that are never places on their own, descriptors ("region", "village of"),
// words of border-sector phrases, and case endings. Generic English / transliterated
// morphology, not names: the names themselves come from the gazetteer.

#include <string_view>

namespace sitmap::geo::detail {

// "sunday", "ministry", "defense", "the"...: never a place mention on their own, never fuzzy.
bool is_common_word(std::string_view folded_word);

enum class Descriptor {
    none,
    same_place, // "village", "town", "city": the place itself
    around,     // "region", "area", "direction", "vicinity", "outskirts": near the place
    admin_area, // "district", "province", "rayon", "marz": prefer a region of that name
};

// What a word written after a name says about it ("Sotk region", "Goris town").
Descriptor descriptor_after(std::string_view folded_word);
// A descriptor in the plural, written after a list of names it describes each of ("the Kalbajar
// and Lachin regions", "Sotk and Norabak villages").
bool is_plural_descriptor(std::string_view folded_word);

// Phrase vocabulary for border sectors. content_word() maps synonyms to one form ("eastern" ->
// "east", "frontier" -> "border") and returns "" for filler that phrases may contain anywhere
// ("the", "of", "sector", "state", "armenian"...); is_filler() tells the two apart.
std::string_view content_word(std::string_view folded_word);
bool is_filler(std::string_view folded_word);
// A content word naming a direction or part of a border ("east", "northeast", "central").
bool is_direction(std::string_view content);

// A word shaped like a surname of the region (Mirzoyan, Aliyev, Bayramova, Hasanli, Kvaratskhelia
// aside): after a one-word place name it makes the pair a person ("Ararat Mirzoyan").
bool looks_like_surname(std::string_view folded_word);

// Case endings seen on place names in English-language reports and in Armenian, Russian and
// Azerbaijani text after folding (Sotka, Sotkum, Shushiyum, Susada, Lacinda...), longest first.
const std::string_view* inflection_suffixes_begin();
const std::string_view* inflection_suffixes_end();

} // namespace sitmap::geo::detail
