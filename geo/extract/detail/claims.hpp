#pragma once
// Claims: who says what in a sentence (ministries, officials, governments named by their
// capitals), what they assert, against whom, and the figures they give; what one side denies of
// the other's report; reported speech that runs on into the sentences after it.

#include "geo/core/event.hpp"
#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/detail/speakers.hpp"
#include "geo/extract/extract.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::geo::detail {

// What the sentences before tell the next one: the last speakers of the article, for "it said",
// "the ministry notes", "he said", for the statement that runs on, and the party last named as
// firing (an unnamed "Defence Ministry" is usually the other party's).
struct ClaimContext {
    std::optional<Speaker> last_organisation;
    std::optional<Speaker> last_person;
    std::optional<Speaker> last_any;
    std::size_t sentence = 0; // index of the sentence being read (set by caller)
    std::optional<std::size_t> last_claim_sentence; // where the last named speaker spoke
    // The speakers of the article, the most recent last (an unnamed "Defense Ministry" is the
    // last ministry of defence that spoke).
    std::vector<Speaker> recent;
    // What the running statement asserts: whom it accuses, if anyone.
    Side statement_against = Side::unknown;
    // The party last named as firing or attacking.
    std::optional<Side> last_agent;
    // People named with a title ("spokesperson Aram Torosyan"), by surname.
    std::vector<std::pair<std::string, Speaker>> people;
    // A quotation of the running statement is open: its sentences are the statement's.
    bool quote_open = false;
    // The sentence reports an act that is no attack (a hand-over of villages; set by the caller):
    // an unnamed ministry is then the acting party's own, not its adversary's.
    bool peaceful_act = false;
};

// The claims of one sentence: its speakers' (or, without one, the running statement's) with what
// they assert and the figures each gives; a denial with the report it denies ("X denies the
// statement of the Azerbaijani MoD that ...": Azerbaijan accuses, X denies); figures of a side's
// losses that nobody is named for, as that side's ("Armenian side"). `mentions` are those of this
// sentence, with their roles and offsets into the article.
std::vector<Claim> find_claims(const TokenizedSentence& sentence,
                               const std::vector<PlaceMention>& mentions, ClaimContext& context);

// "denied", "rejected", "baseless", "disinformation", "not true", "does not correspond to
// reality", "did not open fire"; not "did not deny".
bool is_denial(const std::vector<Token>& tokens);

} // namespace sitmap::geo::detail
