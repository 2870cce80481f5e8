#pragma once
// Word lists of a language: trigger words, speakers, denial phrases, number words. Each list is a
// data file data/lexicon/<lang>/<name>.tsv, embedded into the program when it is built, so that a
// second language is a folder of lists, not a rewrite of the rules, and no run depends on finding
// the data folder.
//
// File format: one entry per line, tab-separated columns; the first column is the key (a word or
// a phrase of words separated by single spaces, matched ASCII case-insensitively), the others are
// the list's own values (a kind, a side, a number). Blank lines and lines starting with '#' are
// comments.

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitmap::geo::text {

struct LexiconEntry {
    std::string key;                 // lower case
    std::vector<std::string> values; // the further columns, as written
};

class Lexicon {
public:
    // The list `name` of language `lang` ("en", "triggers"). Throws sitmap::Error (internal)
    // naming the file when the program was built without it: a missing list is a build defect.
    static const Lexicon& get(std::string_view lang, std::string_view name);

    // Parses a list's text; `origin` names it in errors (a line without a key).
    Lexicon(std::string_view origin, std::string_view tsv);

    bool contains(std::string_view key) const; // ASCII case-insensitive
    // The values of `key`, or nullptr when it is not in the list.
    const std::vector<std::string>* find(std::string_view key) const;
    std::span<const LexiconEntry> entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }

private:
    std::vector<LexiconEntry> m_entries; // in file order
    std::unordered_map<std::string, std::size_t> m_index;
};

// The names of the lists built in for a language, sorted ("denials", "triggers", ...).
std::vector<std::string> lexicon_names(std::string_view lang);

} // namespace sitmap::geo::text
