#include "geo/detail_geocoder_fuzzy.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <functional>

namespace sitmap::geo::detail {
namespace {

std::uint64_t hash_of(std::string_view s) {
    return std::hash<std::string_view>{}(s);
}

// Calls f on every string obtained by deleting up to `edits` characters (with repeats).
template <typename F>
void for_each_deletion(const std::string& s, int edits, F&& f, std::string& scratch) {
    f(std::string_view(s));
    if (edits <= 0 || s.size() <= 1) {
        return;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        scratch.assign(s, 0, i);
        scratch.append(s, i + 1, std::string::npos);
        f(std::string_view(scratch));
        if (edits > 1 && scratch.size() > 1) {
            const std::string one = scratch;
            for (std::size_t j = i; j < one.size(); ++j) {
                std::string two = one.substr(0, j) + one.substr(j + 1);
                f(std::string_view(two));
            }
        }
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
    std::string scratch;
    for (std::uint32_t k = 0; k < m_keys.size(); ++k) {
        const std::string& key = m_keys[k].first;
        const int edits = key.size() >= 3 ? 2 : 0;
        for_each_deletion(
            key, edits, [&](std::string_view v) { m_deletes.emplace_back(hash_of(v), k); },
            scratch);
    }
    std::sort(m_deletes.begin(), m_deletes.end());
    m_deletes.erase(std::unique(m_deletes.begin(), m_deletes.end()), m_deletes.end());
}

std::vector<FuzzyIndex::Match> FuzzyIndex::search(std::string_view query, int max_edits) const {
    std::vector<Match> out;
    const int edits = std::min(max_edits, 2);
    if (edits <= 0 || query.empty()) {
        return out;
    }
    std::vector<std::uint32_t> seen;
    std::string scratch;
    const std::string q(query);
    for_each_deletion(
        q, edits,
        [&](std::string_view v) {
            const std::uint64_t h = hash_of(v);
            auto it = std::lower_bound(m_deletes.begin(), m_deletes.end(),
                                       std::pair<std::uint64_t, std::uint32_t>{h, 0});
            for (; it != m_deletes.end() && it->first == h; ++it) {
                if (std::find(seen.begin(), seen.end(), it->second) == seen.end()) {
                    seen.push_back(it->second);
                }
            }
        },
        scratch);
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
