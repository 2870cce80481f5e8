#include "geo/geocode/detail/words.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_set>
#include <utility>

namespace sitmap::geo::detail {
namespace {

// Function words, calendar words, and the institutional and military
// vocabulary of conflict reporting that appears capitalised ("the Defense Ministry said Sunday").
constexpr std::string_view common_words[] = {
    "a",
    "about",
    "according",
    "after",
    "against",
    "agency",
    "agreement",
    "air",
    "all",
    "along",
    "also",
    "ambulance",
    "an",
    "and",
    "april",
    "are",
    "armed",
    "army",
    "artillery",
    "as",
    "at",
    "august",
    "authorities",
    "based",
    "be",
    "been",
    "before",
    "between",
    "blockade",
    "border",
    "both",
    "but",
    "by",
    "cabinet",
    "ceasefire",
    "center",
    "central",
    "centre",
    "checkpoint",
    "city",
    "civilian",
    "commission",
    "committee",
    "council",
    "country",
    "day",
    "december",
    "defence",
    "defense",
    "democratic",
    "despite",
    "district",
    "during",
    "east",
    "eastern",
    "emergency",
    "europe",
    "european",
    "evening",
    "february",
    "fire",
    "first",
    "for",
    "force",
    "forces",
    "foreign",
    "friday",
    "from",
    "general",
    "government",
    "guard",
    "guards",
    "has",
    "have",
    "he",
    "health",
    "her",
    "his",
    "however",
    "in",
    "interior",
    "international",
    "into",
    "is",
    "it",
    "its",
    "january",
    "july",
    "june",
    "last",
    "leader",
    "march",
    "may",
    "media",
    "meeting",
    "military",
    "minister",
    "ministry",
    "mission",
    "monday",
    "morning",
    "national",
    "new",
    "news",
    "night",
    "no",
    "north",
    "northern",
    "not",
    "november",
    "october",
    "of",
    "office",
    "on",
    "or",
    "our",
    "parliament",
    "party",
    "peace",
    "police",
    "post",
    "president",
    "press",
    "prime",
    "region",
    "reports",
    "republic",
    "saturday",
    "second",
    "secretary",
    "security",
    "september",
    "service",
    "she",
    "side",
    "since",
    "so",
    "south",
    "southern",
    "spokesman",
    "state",
    "statement",
    "sunday",
    "talks",
    "than",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "thursday",
    "to",
    "today",
    "town",
    "troops",
    "tuesday",
    "two",
    "under",
    "union",
    "united",
    "until",
    "village",
    "war",
    "was",
    "we",
    "wednesday",
    "west",
    "western",
    "when",
    "where",
    "which",
    "while",
    "who",
    "with",
    "world",
    "yesterday",
    "you",
    "zone",
    // National adjectives: "Azerbaijani" is not an inflected "Azerbaijan".
    "american",
    "armenian",
    "armenians",
    "azerbaijani",
    "azerbaijanis",
    "azeri",
    "azeris",
    "british",
    "french",
    "georgian",
    "german",
    "iranian",
    "russian",
    "turkish",
    "ukrainian",
    // Month abbreviations of datelines ("Jul 28, 2021"): "Jul" is not the village Cul/Jul.
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
};

// What a word after a name says about it. A plural follows a list of names and describes each
// ("the Kalbajar and Lachin regions").
struct DescriptorWord {
    std::string_view word;
    Descriptor descriptor;
    bool plural;
};
constexpr std::array<DescriptorWord, 31> descriptors{{
    {"area", Descriptor::around, false},
    {"city", Descriptor::same_place, false},
    {"community", Descriptor::same_place, false},
    {"direction", Descriptor::around, false},
    {"district", Descriptor::admin_area, false},
    {"environs", Descriptor::around, false},
    {"hamlet", Descriptor::same_place, false},
    {"marz", Descriptor::admin_area, false},
    {"municipality", Descriptor::admin_area, false},
    {"outskirts", Descriptor::around, false},
    {"province", Descriptor::admin_area, false},
    {"raion", Descriptor::admin_area, false},
    {"rayon", Descriptor::admin_area, false},
    {"region", Descriptor::around, false},
    {"section", Descriptor::around, false},
    {"sector", Descriptor::around, false},
    {"settlement", Descriptor::same_place, false},
    {"surroundings", Descriptor::around, false},
    {"town", Descriptor::same_place, false},
    {"vicinity", Descriptor::around, false},
    {"village", Descriptor::same_place, false},
    {"villages", Descriptor::around, true},
    {"settlements", Descriptor::around, true},
    {"districts", Descriptor::admin_area, true},
    {"provinces", Descriptor::admin_area, true},
    {"rayons", Descriptor::admin_area, true},
    {"raions", Descriptor::admin_area, true},
    {"municipalities", Descriptor::admin_area, true},
    {"regions", Descriptor::around, true},
    {"towns", Descriptor::same_place, true},
    {"directions", Descriptor::around, true},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> phrase_words{{
    {"border", "border"},       {"boundary", "border"},        {"east", "east"},
    {"eastern", "east"},        {"frontier", "border"},        {"north", "north"},
    {"northeast", "northeast"}, {"northeastern", "northeast"}, {"northern", "north"},
    {"northwest", "northwest"}, {"northwestern", "northwest"}, {"south", "south"},
    {"southeast", "southeast"}, {"southeastern", "southeast"}, {"southern", "south"},
    {"southwest", "southwest"}, {"southwestern", "southwest"}, {"west", "west"},
    {"western", "west"},        {"central", "central"},        {"centre", "central"},
    {"center", "central"},
}};

constexpr std::string_view fillers[] = {
    "a",          "along",       "and",     "area",      "armenia",   "armenian",
    "azerbaijan", "azerbaijani", "between", "countries", "direction", "interstate",
    "line",       "of",          "on",      "part",      "section",   "sector",
    "segment",    "state",       "stretch", "the",       "two",       "with",
};

constexpr std::string_view suffixes[] = {
    "dan", "den", "nin", "nun", "da", "de", "um", "ic", "ov", "om",
    "em",  "ia",  "ie",  "in",  "un", "a",  "e",  "i",  "u",
};

} // namespace

bool is_common_word(std::string_view w) {
    static const std::unordered_set<std::string_view> set(std::begin(common_words),
                                                          std::end(common_words));
    return set.contains(w);
}

bool is_plural_descriptor(std::string_view w) {
    return std::any_of(descriptors.begin(), descriptors.end(),
                       [&](const DescriptorWord& d) { return d.plural && d.word == w; });
}

Descriptor descriptor_after(std::string_view w) {
    for (const DescriptorWord& d : descriptors) {
        if (d.word == w) {
            return d.descriptor;
        }
    }
    return Descriptor::none;
}

std::string_view content_word(std::string_view w) {
    for (const auto& [word, content] : phrase_words) {
        if (word == w) {
            return content;
        }
    }
    if (is_filler(w)) {
        return {};
    }
    return w;
}

bool is_direction(std::string_view c) {
    return !c.empty() && c != "border" &&
           std::any_of(phrase_words.begin(), phrase_words.end(),
                       [c](const auto& entry) { return entry.second == c; });
}

bool is_filler(std::string_view w) {
    return std::find(std::begin(fillers), std::end(fillers), w) != std::end(fillers);
}

bool looks_like_surname(std::string_view w) {
    static constexpr std::string_view endings[] = {"yan",  "ian", "yants", "ov",     "ova",
                                                   "ev",   "eva", "zade",  "shvili", "dze",
                                                   "enko", "sky", "ski"};
    if (w.size() < 5) {
        return false;
    }
    return std::any_of(std::begin(endings), std::end(endings),
                       [w](std::string_view e) { return w.ends_with(e); });
}

const std::string_view* inflection_suffixes_begin() {
    return std::begin(suffixes);
}
const std::string_view* inflection_suffixes_end() {
    return std::end(suffixes);
}

} // namespace sitmap::geo::detail
