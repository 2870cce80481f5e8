#include "geo/text/lexicon.hpp"

#include "geo/core/error.hpp"
#include "geo/text/detail/lexicon_data.hpp"
#include "geo/text/tokens.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace sitmap::geo::text {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace

Lexicon::Lexicon(std::string_view origin, std::string_view tsv) {
    std::size_t line_no = 0;
    while (!tsv.empty()) {
        const std::size_t nl = tsv.find('\n');
        std::string_view line = tsv.substr(0, nl);
        tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
        ++line_no;
        if (trim(line).empty() || trim(line).front() == '#') {
            continue;
        }
        LexiconEntry e;
        std::size_t col = 0;
        while (true) {
            const std::size_t tab = line.find('\t');
            const std::string_view cell = trim(line.substr(0, tab));
            if (col++ == 0) {
                e.key = lower_ascii(cell);
            } else {
                e.values.emplace_back(cell);
            }
            if (tab == std::string_view::npos) {
                break;
            }
            line.remove_prefix(tab + 1);
        }
        if (e.key.empty()) {
            throw Error(ErrorKind::internal, std::string(origin) + ":" + std::to_string(line_no) +
                                                 ": a line without a key");
        }
        if (m_index.emplace(e.key, m_entries.size()).second) {
            m_entries.push_back(std::move(e));
        }
    }
}

bool Lexicon::contains(std::string_view key) const {
    return find(key) != nullptr;
}

const std::vector<std::string>* Lexicon::find(std::string_view key) const {
    const auto it = m_index.find(lower_ascii(key));
    return it == m_index.end() ? nullptr : &m_entries[it->second].values;
}

const Lexicon& Lexicon::get(std::string_view lang, std::string_view name) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Lexicon>, std::less<>> cache;
    const std::string key = std::string(lang) + "/" + std::string(name);
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) {
        return *it->second;
    }
    for (const detail::EmbeddedList& list : detail::embedded_lists()) {
        if (list.lang == lang && list.name == name) {
            auto parsed = std::make_unique<Lexicon>("data/lexicon/" + key + ".tsv", list.text);
            return *cache.emplace(key, std::move(parsed)).first->second;
        }
    }
    throw Error(ErrorKind::internal,
                "data/lexicon/" + key + ".tsv: no such word list was built into sitmap");
}

std::vector<std::string> lexicon_names(std::string_view lang) {
    std::vector<std::string> out;
    for (const detail::EmbeddedList& list : detail::embedded_lists()) {
        if (list.lang == lang) {
            out.emplace_back(list.name);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace sitmap::geo::text
