#pragma once
// Fuzzy lookup of misspelt names: a symmetric-deletion index (every key with up to two characters
// deleted) finds candidates in a few hash probes; each is then checked with the optimal string
// alignment distance (insertions, deletions, substitutions, adjacent transpositions).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitmap::geo::detail {

// Edit distance allowing adjacent transpositions, or max_distance + 1 once it is exceeded.
int osa_distance(std::string_view a, std::string_view b, int max_distance);

// How many edits a key of this length may carry and still be recognised: none below 5 characters,
// one up to 8, two from 9.
int allowed_edits(std::size_t length);

class FuzzyIndex {
public:
    // Adds a key (a skeleton) with a caller's id; call build() once after the last add().
    void add(std::string key, std::uint32_t id);
    void build();

    struct Match {
        std::uint32_t id = 0;
        int distance = 0;
    };
    // Keys within max_edits (at most 2) of the query that start with the same letter.
    std::vector<Match> search(std::string_view query, int max_edits) const;

private:
    std::vector<std::pair<std::string, std::uint32_t>> m_keys;
    std::vector<std::uint64_t> m_deletes; // hash of a deletion variant << 24 | key index, sorted
};

} // namespace sitmap::geo::detail
