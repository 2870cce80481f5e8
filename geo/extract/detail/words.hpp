#pragma once
// Word lists and token predicates that several stages of extraction share.

#include "geo/extract/detail/sentence.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo::detail {

// Is `w` one of `words` (ASCII case-insensitive)?
bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words);

// Index of the first token that begins at or after byte offset `pos`.
std::size_t token_at(const std::vector<Token>& tokens, std::size_t pos);

// Token i is followed by a possessive "'s" or "’s" ("Azerbaijan’s").
bool possessive_after(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

// A preposition that introduces a location: in, at, near, from...
bool is_locative_preposition(std::string_view w);

// Words between a preposition and a place name: "in the village of", "near eastern".
bool is_locative_filler(std::string_view w);

// ASCII case folding as iequals does it: A-Z to a-z, every other byte as it is.
constexpr char fold_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// A hash table from lower-case words to values, looked up with a word as written: the case is
// folded while hashing and comparing, so a lookup allocates nothing (the rules look up every token
// of every sentence in several lists).
template <typename T> class FoldedWordMap {
public:
    // The value of `key` (lower case), inserted default-constructed if it is not there yet.
    T& operator[](std::string_view key);
    // The value of the word `w` folded, or nullptr.
    const T* find(std::string_view w) const;
    bool empty() const { return m_size == 0; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::string key; // lower case; empty in an unused slot
        bool used = false;
        T value{};
    };
    static std::uint64_t hash_of(std::string_view w) {
        std::uint64_t h = 14695981039346656037ull; // FNV-1a of the folded bytes
        for (const char c : w) {
            h = (h ^ static_cast<unsigned char>(fold_ascii(c))) * 1099511628211ull;
        }
        return h;
    }
    static bool same_folded(std::string_view w, std::string_view key) {
        if (w.size() != key.size()) {
            return false;
        }
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (fold_ascii(w[i]) != key[i]) {
                return false;
            }
        }
        return true;
    }
    // A bit per (length, first byte, last byte) of the words in the table, folded: most words
    // looked up are in no list, and most of those are turned away here without hashing.
    static std::size_t filter_bit(std::string_view w) {
        if (w.empty()) {
            return 0;
        }
        const auto first = static_cast<unsigned char>(fold_ascii(w.front()));
        const auto last = static_cast<unsigned char>(fold_ascii(w.back()));
        return (w.size() * 0x9E37u + first * 0x85EBu + last * 0xC2B3u) % filter_bits;
    }
    static constexpr std::size_t filter_bits = 8192;
    std::vector<std::uint64_t> m_filter = std::vector<std::uint64_t>(filter_bits / 64, 0);
    std::vector<Slot> m_slots; // open addressing, linear probing; a power of two in size
    std::size_t m_size = 0;
};

template <typename T> T& FoldedWordMap<T>::operator[](std::string_view key) {
    if ((m_size + 1) * 2 > m_slots.size()) {
        std::vector<Slot> old = std::move(m_slots);
        m_slots = std::vector<Slot>(old.empty() ? 16 : old.size() * 2);
        for (Slot& s : old) {
            if (s.used) {
                std::size_t i = s.hash & (m_slots.size() - 1);
                while (m_slots[i].used) {
                    i = (i + 1) & (m_slots.size() - 1);
                }
                m_slots[i] = std::move(s);
            }
        }
    }
    const std::uint64_t h = hash_of(key);
    std::size_t i = h & (m_slots.size() - 1);
    while (m_slots[i].used) {
        if (m_slots[i].hash == h && m_slots[i].key == key) {
            return m_slots[i].value;
        }
        i = (i + 1) & (m_slots.size() - 1);
    }
    const std::size_t bit = filter_bit(key);
    m_filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
    m_slots[i].used = true;
    m_slots[i].hash = h;
    m_slots[i].key = std::string(key);
    ++m_size;
    return m_slots[i].value;
}

template <typename T> const T* FoldedWordMap<T>::find(std::string_view w) const {
    if (const std::size_t bit = filter_bit(w); (m_filter[bit / 64] >> (bit % 64) & 1u) == 0) {
        return nullptr;
    }
    const std::uint64_t h = hash_of(w);
    std::size_t i = h & (m_slots.size() - 1);
    while (m_slots[i].used) {
        if (m_slots[i].hash == h && same_folded(w, m_slots[i].key)) {
            return &m_slots[i].value;
        }
        i = (i + 1) & (m_slots.size() - 1);
    }
    return nullptr;
}

// A word list of the rules, data/lexicon/en/<name>.tsv, ready for lookups of single tokens (no
// allocation) and of phrases that start at a token ("does not correspond to reality"). Phrases are
// tokenised as sentences are, so "prosecutor-general's" is the tokens prosecutor, general, s.
class WordList {
public:
    explicit WordList(std::string_view name);

    // The further columns of the one-word entry `w`, or nullptr.
    const std::vector<std::string>* find(std::string_view w) const;
    bool contains(std::string_view w) const { return find(w) != nullptr; }
    // The longest entry (of one or more words) that starts at token i: its length in tokens, 0 if
    // none; `values` (if given) is set to its further columns.
    std::size_t match(const std::vector<Token>& tokens, std::size_t i,
                      const std::vector<std::string>** values = nullptr) const;

private:
    struct Phrase {
        std::vector<std::string> words; // lower case
        const std::vector<std::string>* values = nullptr;
    };
    // What the list holds for one word: the word as an entry, and the phrases it starts.
    struct Word {
        const std::vector<std::string>* values = nullptr;
        std::vector<Phrase> phrases;
    };
    const Word* word(std::string_view w) const;
    FoldedWordMap<Word> m_words;
};

// The value in column `col` of an entry's further columns, or "".
std::string_view column(const std::vector<std::string>* values, std::size_t col);

} // namespace sitmap::geo::detail
