#pragma once
// Claims: who says what in a sentence (ministries, officials, governments named by their
// capitals), what they assert, against whom, and the figures they give.

#include "geo/core/event.hpp"
#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/extract.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// Who says what in one sentence. `context` keeps the last speakers of the article, for "it said",
// "the ministry notes", "he said". Mentions carry their roles (actors: "Baku accused").
struct Speaker {
    std::string who;
    Side side = Side::unknown;
    enum class Type { organisation, person, government, group } type = Type::organisation;
};
struct ClaimContext {
    std::optional<Speaker> last_organisation;
    std::optional<Speaker> last_person;
    std::optional<Speaker> last_any;
    std::size_t sentence = 0; // index of the sentence being read (set by caller)
    std::optional<std::size_t> last_claim_sentence; // where the last named speaker spoke
};
// `mentions` are those of this sentence, with their roles and offsets into the article.
std::vector<Claim> find_claims(const TokenizedSentence& sentence,
                               const std::vector<PlaceMention>& mentions, ClaimContext& context);

// "denied", "rejected", "baseless", "disinformation", "not true".
bool is_denial(const std::vector<Token>& tokens);

// The side a country code stands for ("AM" -> armenia).
Side side_of_country(std::string_view iso2);

} // namespace sitmap::geo::detail
