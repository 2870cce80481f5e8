#pragma once
// Speakers: who in a sentence can say something (ministries, services, officials, spokespeople,
// governments named by their capitals, a party's side, its media) and which party each belongs
// to; and the words that tell the party of anyone else ("Armenian", "Baku", "Azerbaijan’s").

#include "geo/core/event.hpp"
#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/extract.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

struct Speaker {
    std::string who;
    Side side = Side::unknown;
    // A witness (residents, villagers) reports what happened; the others speak for a party.
    enum class Type { organisation, person, government, group, witness } type = Type::organisation;
};

// What a speaker that names no one by itself stands for.
enum class Anaphor {
    none,         // named: "the Armenian Defence Ministry", "Baku"
    organisation, // "the ministry", "the Defense Ministry", "the press service": the last one
                  // of its kind that spoke, else the party the sentence implies
    person,       // "he", "she", "a spokesman"
    statement,    // "it", "the statement", "their statement": whoever spoke last
};

// A possible speaker in a sentence: its tokens [first, last].
struct SpeakerCandidate {
    std::size_t first = 0;
    std::size_t last = 0;
    Speaker speaker;
    Anaphor anaphor = Anaphor::none;
    // For an organisational anaphor: what its name says of its kind ("Ministry of Defence",
    // "Service"), to find the last speaker of that kind.
    std::string kind;
    // A person named after a title ("spokesperson Aram Torosyan"): the surname, by which the
    // article may name them again.
    std::string surname;
};

// Every possible speaker in a sentence, in order of their first token. `mentions` are those of
// this sentence (with roles and offsets into the article): governments named by their capitals.
std::vector<SpeakerCandidate> find_speakers(const TokenizedSentence& sentence,
                                            const std::vector<PlaceMention>& mentions);

// The party a word names: "Armenian", "Yerevan" -> armenia; "US" only in capitals.
std::optional<Side> side_word(std::string_view w);

// The party named at token j: a side word, or "Armenia’s" when j is its possessive "s".
std::optional<Side> side_at(const TokenizedSentence& sentence, std::size_t j);

// "Armenian", "Azerbaijani"... ("" for other and unknown).
std::string_view adjective_of(Side side);

// The other party of the conflict: armenia <-> azerbaijan, else unknown.
Side other_party(Side side);

// Armenia or Azerbaijan.
bool is_party(Side side);

// The side a country code stands for ("AM" -> armenia).
Side side_of_country(std::string_view iso2);

} // namespace sitmap::geo::detail
