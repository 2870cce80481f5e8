#include "geo/geocode/detail/fuzzy.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>

namespace sitmap::geo::detail {
namespace {

std::uint64_t hash_of(std::string_view s) {
    return std::hash<std::string_view>{}(s);
}

// Calls f on every string obtained by deleting up to `edits` (at most 2) characters.
template <typename F> void for_each_deletion(const std::string& s, int edits, F&& f) {
    f(std::string_view(s));
    if (edits <= 0 || s.size() <= 1) {
        return;
    }
    std::string one;
    std::string two;
    for (std::size_t i = 0; i < s.size(); ++i) {
        one.assign(s, 0, i);
        one.append(s, i + 1, std::string::npos);
        f(std::string_view(one));
        if (edits > 1 && one.size() > 1) {
            for (std::size_t j = i; j < one.size(); ++j) {
                two.assign(one, 0, j);
                two.append(one, j + 1, std::string::npos);
                f(std::string_view(two));
            }
        }
    }
}

// Hash of a deletion variant in the high 40 bits, key index in the low 24: one sortable word.
constexpr int id_bits = 24;
constexpr std::uint64_t id_mask = (std::uint64_t{1} << id_bits) - 1;

std::uint64_t pack(std::uint64_t hash, std::uint32_t id) {
    return (hash << id_bits) | id;
}

// LSD radix sort: the index has hundreds of thousands of entries and std::sort dominated
// building the geocoder.
void radix_sort(std::vector<std::uint64_t>& v) {
    std::vector<std::uint64_t> tmp(v.size());
    for (int shift = 0; shift < 64; shift += 8) {
        std::array<std::size_t, 257> count{};
        for (const std::uint64_t x : v) {
            ++count[((x >> shift) & 0xFF) + 1];
        }
        for (std::size_t i = 1; i < count.size(); ++i) {
            count[i] += count[i - 1];
        }
        for (const std::uint64_t x : v) {
            tmp[count[(x >> shift) & 0xFF]++] = x;
        }
        v.swap(tmp);
    }
}

} // namespace

int osa_distance(std::string_view a, std::string_view b, int max_distance) {
    const auto la = static_cast<int>(a.size());
    const auto lb = static_cast<int>(b.size());
    if (std::abs(la - lb) > max_distance) {
        return max_distance + 1;
    }
    constexpr int width = 64;
    if (lb + 1 > width) {
        return max_distance + 1;
    }
    std::array<int, width> prev2{};
    std::array<int, width> prev{};
    std::array<int, width> cur{};
    for (int j = 0; j <= lb; ++j) {
        prev[static_cast<std::size_t>(j)] = j;
    }
    for (int i = 1; i <= la; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= lb; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int cost = a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
            int v = std::min({prev[uj] + 1, cur[uj - 1] + 1, prev[uj - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[uj - 2] &&
                a[static_cast<std::size_t>(i - 2)] == b[uj - 1]) {
                v = std::min(v, prev2[uj - 2] + 1);
            }
            cur[uj] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > max_distance) {
            return max_distance + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    return std::min(prev[static_cast<std::size_t>(lb)], max_distance + 1);
}

int allowed_edits(std::size_t length) {
    if (length < 5) {
        return 0;
    }
    return length < 9 ? 1 : 2;
}

void FuzzyIndex::add(std::string key, std::uint32_t id) {
    m_keys.emplace_back(std::move(key), id);
}

void FuzzyIndex::build() {
    m_deletes.clear();
    for (std::uint32_t k = 0; k < m_keys.size() && k <= id_mask; ++k) {
        const std::string& key = m_keys[k].first;
        const int edits = key.size() >= 3 ? 2 : 0;
        for_each_deletion(key, edits,
                          [&](std::string_view v) { m_deletes.push_back(pack(hash_of(v), k)); });
    }
    radix_sort(m_deletes);
    m_deletes.erase(std::unique(m_deletes.begin(), m_deletes.end()), m_deletes.end());
}

std::vector<FuzzyIndex::Match> FuzzyIndex::search(std::string_view query, int max_edits) const {
    std::vector<Match> out;
    const int edits = std::min(max_edits, 2);
    if (edits <= 0 || query.empty()) {
        return out;
    }
    std::vector<std::uint32_t> seen;
    const std::string q(query);
    for_each_deletion(q, edits, [&](std::string_view v) {
        const std::uint64_t lo = pack(hash_of(v), 0);
        for (auto it = std::lower_bound(m_deletes.begin(), m_deletes.end(), lo);
             it != m_deletes.end() && (*it & ~id_mask) == lo; ++it) {
            const auto id = static_cast<std::uint32_t>(*it & id_mask);
            if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
                seen.push_back(id);
            }
        }
    });
    for (const std::uint32_t k : seen) {
        const std::string& key = m_keys[k].first;
        if (key.empty() || key.front() != query.front()) {
            continue; // a wrong first letter is rarely a typo and often another place
        }
        const int d = osa_distance(query, key, edits);
        if (d <= edits && d > 0) {
            out.push_back({m_keys[k].second, d});
        }
    }
    return out;
}

} // namespace sitmap::geo::detail
