#include "geo/geocoder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <geodesic.h>

#include "geo/detail_geocoder_fuzzy.hpp"
#include "geo/detail_geocoder_words.hpp"
#include "geo/error.hpp"
#include "geo/name_folding.hpp"

namespace sitmap::geo {
namespace {

using detail::Descriptor;

constexpr std::size_t max_name_bytes = 1000;
constexpr double resolve_threshold = 0.5;
constexpr std::size_t max_suggestions = 3;
constexpr std::size_t max_candidates = 5;

// Russian declension replaces a final -a (Шуша -> Шуше, Шуши, Шушу, Шушой).
constexpr std::string_view russian_endings[] = {"e", "i", "u", "oi", "oj", "ou"};

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Index =
    std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>>;

enum class NameSource { primary, language, alias };

// One name, name in a language, or alias of a place, folded for every kind of lookup.
struct Entry {
    std::uint32_t place = 0;
    std::string surface;
    NameSource source = NameSource::primary;
    std::vector<std::string> folded_words;
    std::vector<std::string> skeleton_words;
    std::string folded_key;
    std::string skeleton_key;
};

std::string join(const std::vector<std::string>& words, std::size_t from = 0,
                 std::size_t to = std::string::npos) {
    std::string out;
    to = std::min(to, words.size());
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += words[i];
    }
    return out;
}

std::vector<std::string> skeletons_of(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    out.reserve(words.size());
    for (const auto& w : words) {
        out.push_back(detail::skeleton(w));
    }
    return out;
}

// Sorted content words of a border-sector phrase ("eastern part of the state border" ->
// "border east"); empty unless at least two content words remain.
std::string phrase_key(const std::vector<std::string>& folded_words) {
    std::vector<std::string> content;
    for (const auto& w : folded_words) {
        const std::string_view c = detail::content_word(w);
        if (!c.empty() && std::find(content.begin(), content.end(), c) == content.end()) {
            content.emplace_back(c);
        }
    }
    if (content.size() < 2) {
        return {};
    }
    std::sort(content.begin(), content.end());
    return join(content);
}

GeoPrecision precision_of(PlaceKind kind) {
    switch (kind) {
    case PlaceKind::settlement:
    case PlaceKind::capital:
    case PlaceKind::checkpoint:
    case PlaceKind::bridge:
    case PlaceKind::height:
    case PlaceKind::pass:
    case PlaceKind::city_abroad:
        return GeoPrecision::exact;
    case PlaceKind::corridor:
    case PlaceKind::river:
    case PlaceKind::lake:
        return GeoPrecision::near;
    case PlaceKind::region:
    case PlaceKind::country:
    case PlaceKind::border_sector:
        break;
    }
    return GeoPrecision::region;
}

// How likely a bare name refers to a place of this kind, before any context.
double kind_prior(PlaceKind kind) {
    switch (kind) {
    case PlaceKind::capital:
        return 1.0;
    case PlaceKind::country:
        return 0.95;
    case PlaceKind::settlement:
        return 0.8;
    case PlaceKind::city_abroad:
        return 0.75;
    case PlaceKind::corridor:
        return 0.7;
    case PlaceKind::region:
        return 0.6;
    default:
        return 0.55;
    }
}

std::string km_text(double metres) {
    const double km = metres / 1000.0;
    if (km < 10.0) {
        return std::to_string(static_cast<int>(std::lround(km * 10.0)) / 10) + "." +
               std::to_string(static_cast<int>(std::lround(km * 10.0)) % 10) + " km";
    }
    return std::to_string(static_cast<long>(std::lround(km))) + " km";
}

std::string in_quotes(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

// A match of a query (or a stretch of text) against one gazetteer entry, before context.
struct Hit {
    std::uint32_t entry = 0;
    MatchKind match = MatchKind::exact;
    double base = 0.0;
    std::string how; // "alias 'Zod'", "inflected form of 'Sotk'"...
};

struct Qualifiers {
    Descriptor descriptor = Descriptor::none;
    std::string descriptor_word;
};

// A word of running text.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool hard_break_before = false; // punctuation (not a hyphen) between this and the previous
    bool capitalised = false;
    bool lowercase_elsewhere = false; // the same word is written in lower case in this text
    std::string folded;               // one folded word (spaces removed)
    std::string skeleton;
};

} // namespace

std::string_view to_string(MatchKind kind) {
    switch (kind) {
    case MatchKind::exact:
        return "exact";
    case MatchKind::alias:
        return "alias";
    case MatchKind::folded:
        return "folded";
    case MatchKind::transliterated:
        return "transliterated";
    case MatchKind::fuzzy:
        return "fuzzy";
    case MatchKind::phrase:
        return "phrase";
    }
    return "exact";
}

struct Geocoder::Impl {
    const Gazetteer* gazetteer = nullptr;
    std::vector<Entry> entries;
    Index by_surface;    // raw name as written in the gazetteer
    Index by_folded;     // folded words joined by spaces
    Index by_skeleton;   // skeleton words joined by spaces
    Index by_phrase;     // border-sector phrase keys
    Index by_first_word; // skeleton of the first word -> entries (for running text)
    std::unordered_map<std::string, bool, StringHash, std::equal_to<>> phrase_vocabulary;
    std::size_t longest_entry_words = 1;
    detail::FuzzyIndex fuzzy;
    std::vector<std::string> fuzzy_keys; // fuzzy id -> skeleton key
    std::vector<std::uint32_t> settlements;
    std::unordered_map<std::string, std::string> country_names; // ISO2 -> English name
    // Countries holding at least a fifth of the settlements: the gazetteer's focus (AM, AZ for
    // sitmap's data), preferred over namesakes elsewhere.
    std::unordered_set<std::string> focus_countries;

    explicit Impl(const Gazetteer& g) : gazetteer(&g) {
        const auto places = g.places();
        for (std::uint32_t p = 0; p < places.size(); ++p) {
            const Place& place = places[p];
            add_entry(p, place.name, NameSource::primary);
            for (const auto& [lang, name] : place.names) {
                add_entry(p, name, NameSource::language);
            }
            for (const auto& alias : place.aliases) {
                add_entry(p, alias, NameSource::alias);
            }
            if (place.kind == PlaceKind::settlement || place.kind == PlaceKind::capital ||
                place.kind == PlaceKind::city_abroad) {
                settlements.push_back(p);
            }
            if (place.kind == PlaceKind::country && !place.country.empty()) {
                country_names.emplace(place.country, place.name);
            }
        }
        std::unordered_map<std::string, std::size_t> settlements_per_country;
        for (const std::uint32_t p : settlements) {
            ++settlements_per_country[places[p].country];
        }
        for (const auto& [country, n] : settlements_per_country) {
            if (!country.empty() && n * 5 >= settlements.size()) {
                focus_countries.insert(country);
            }
        }
        Index fuzzy_ids;
        for (std::uint32_t e = 0; e < entries.size(); ++e) {
            const auto& key = entries[e].skeleton_key;
            if (key.size() >= 3 && fuzzy_ids.emplace(key, std::vector<std::uint32_t>{}).second) {
                fuzzy.add(key, static_cast<std::uint32_t>(fuzzy_keys.size()));
                fuzzy_keys.push_back(key);
            }
        }
        fuzzy.build();
    }

    const Place& place_of(std::uint32_t entry) const {
        return gazetteer->places()[entries[entry].place];
    }

    void add_entry(std::uint32_t p, const std::string& surface, NameSource source) {
        if (surface.empty() || detail::invalid_utf8_at(surface) != std::string::npos) {
            return;
        }
        Entry e;
        e.place = p;
        e.surface = surface;
        e.source = source;
        e.folded_key = detail::fold(surface);
        if (e.folded_key.empty()) {
            return;
        }
        e.folded_words = detail::split_words(e.folded_key);
        e.skeleton_words = skeletons_of(e.folded_words);
        e.skeleton_key = join(e.skeleton_words);
        // The same name listed twice for one place (name and names.en) is indexed once.
        if (const auto it = by_surface.find(surface); it != by_surface.end()) {
            for (const std::uint32_t other : it->second) {
                if (entries[other].place == p) {
                    return;
                }
            }
        }
        const auto id = static_cast<std::uint32_t>(entries.size());
        by_surface[e.surface].push_back(id);
        by_folded[e.folded_key].push_back(id);
        by_skeleton[e.skeleton_key].push_back(id);
        by_first_word[e.skeleton_words.front()].push_back(id);
        longest_entry_words = std::max(longest_entry_words, e.folded_words.size());
        if (gazetteer->places()[p].kind == PlaceKind::border_sector) {
            const std::string key = phrase_key(e.folded_words);
            if (!key.empty()) {
                by_phrase[key].push_back(id);
                for (const auto& w : detail::split_words(key)) {
                    phrase_vocabulary[w] = true;
                }
            }
        }
        entries.push_back(std::move(e));
    }

    // ---- matching a whole query ----------------------------------------------------------

    // `how` says how the entry matched ("transliteration of"); the entry's name is appended.
    void add_hits(const std::vector<std::uint32_t>& ids, MatchKind kind, double base,
                  const std::string& how, std::vector<Hit>& hits) const {
        for (const std::uint32_t id : ids) {
            const Entry& e = entries[id];
            const bool alias = e.source == NameSource::alias;
            MatchKind k = kind == MatchKind::exact && alias ? MatchKind::alias : kind;
            std::string h;
            if (kind == MatchKind::exact) {
                h = alias ? "alias " + in_quotes(e.surface) : "exact name";
            } else {
                h = how + " " + (alias ? "alias " : "") + in_quotes(e.surface);
            }
            hits.push_back({id, k, alias ? base - 0.02 : base, std::move(h)});
        }
    }

    // Exact, folded, transliterated, inflected, phrase and fuzzy lookups of folded words.
    void match_words(const std::vector<std::string>& words, bool non_latin, bool allow_fuzzy,
                     std::vector<Hit>& hits) const {
        if (words.empty()) {
            return;
        }
        const std::string folded_key = join(words);
        const MatchKind folded_kind = non_latin ? MatchKind::transliterated : MatchKind::folded;
        if (const auto it = by_folded.find(folded_key); it != by_folded.end()) {
            add_hits(it->second, folded_kind, non_latin ? 0.92 : 0.95,
                     non_latin ? "transliteration of" : "same name ignoring case and accents as",
                     hits);
            return;
        }
        const auto skel_words = skeletons_of(words);
        const std::string skel_key = join(skel_words);
        if (const auto it = by_skeleton.find(skel_key); it != by_skeleton.end()) {
            add_hits(it->second, MatchKind::transliterated, 0.9, "spelling variant of", hits);
            return;
        }
        const bool common = words.size() == 1 && detail::is_common_word(words.front());
        // Inflected last word: Sotka, Sotkum, Susada.
        const std::string& last = skel_words.back();
        if (!common) {
            for (auto s = detail::inflection_suffixes_begin();
                 s != detail::inflection_suffixes_end(); ++s) {
                if (last.size() >= s->size() + 4 && last.ends_with(*s)) {
                    std::vector<std::string> stem = skel_words;
                    stem.back().resize(last.size() - s->size());
                    if (const auto it = by_skeleton.find(join(stem)); it != by_skeleton.end()) {
                        add_hits(it->second, MatchKind::folded, 0.88,
                                 "inflected form (-" + std::string(*s) + ") of", hits);
                        return;
                    }
                }
            }
        }
        // Russian declension replaces a final -a: Шуше, Шуши, Шушу -> Шуша.
        if (!common && last.size() >= 4) {
            for (const std::string_view ending : russian_endings) {
                if (last.ends_with(ending)) {
                    std::vector<std::string> stem = skel_words;
                    stem.back().resize(last.size() - ending.size());
                    stem.back().push_back('a');
                    if (const auto it = by_skeleton.find(join(stem)); it != by_skeleton.end()) {
                        add_hits(it->second, MatchKind::folded, 0.86,
                                 "inflected form (-" + std::string(ending) + ") of", hits);
                        return;
                    }
                }
            }
        }
        if (const std::string key = phrase_key(words); !key.empty()) {
            if (const auto it = by_phrase.find(key); it != by_phrase.end()) {
                add_hits(it->second, MatchKind::phrase, 0.85, "phrase naming", hits);
                return;
            }
        }
        if (!allow_fuzzy || common) {
            return;
        }
        // Within the allowed edits: a fuzzy match. One edit more: only a suggestion.
        const int allowed = detail::allowed_edits(skel_key.size());
        const int reach = skel_key.size() < 4 ? 0 : std::min(2, allowed + 1);
        for (const auto& m : fuzzy.search(skel_key, reach)) {
            const auto it = by_skeleton.find(fuzzy_keys[m.id]);
            const double len = static_cast<double>(skel_key.size());
            const double base =
                m.distance <= allowed ? 0.85 - 0.6 * static_cast<double>(m.distance) / len : 0.42;
            add_hits(it->second, MatchKind::fuzzy, base,
                     std::to_string(m.distance) + (m.distance == 1 ? " edit" : " edits") + " from",
                     hits);
        }
    }

    // Descriptors and leading words around a query ("the", "village of", "Sotk region").
    void strip_qualifiers(std::vector<std::string>& words, Qualifiers& q) const {
        while (words.size() > 1 && (words.front() == "the" || words.front() == "a")) {
            words.erase(words.begin());
        }
        if (words.size() > 2 && words[1] == "of") {
            const Descriptor d = detail::descriptor_after(words.front());
            if (d != Descriptor::none) {
                q.descriptor = d;
                q.descriptor_word = words.front();
                words.erase(words.begin(), words.begin() + 2);
            }
        } else if (words.size() > 1 && (words.front() == "near" || words.front() == "around")) {
            q.descriptor = Descriptor::around;
            q.descriptor_word = words.front();
            words.erase(words.begin());
        }
        if (words.size() > 1) {
            const Descriptor d = detail::descriptor_after(words.back());
            if (d != Descriptor::none) {
                q.descriptor = d;
                q.descriptor_word = words.back();
                words.pop_back();
            }
        }
    }

    std::vector<Hit> lookup(std::string_view query, Qualifiers& q) const {
        std::vector<Hit> hits;
        if (const auto it = by_surface.find(query); it != by_surface.end()) {
            add_hits(it->second, MatchKind::exact, 1.0, "", hits);
            return hits;
        }
        const bool non_latin = detail::has_non_latin_letters(query);
        std::vector<std::string> words = detail::split_words(detail::fold(query));
        if (words.empty()) {
            return hits;
        }
        match_words(words, non_latin, false, hits);
        if (hits.empty()) {
            std::vector<std::string> stripped = words;
            strip_qualifiers(stripped, q);
            if (stripped != words) {
                match_words(stripped, non_latin, false, hits);
            }
            if (hits.empty()) {
                match_words(stripped, non_latin, true, hits);
            }
        }
        return hits;
    }

    // ---- ranking with context --------------------------------------------------------------

    struct Scored {
        Hit hit;
        double country_term = 0.0;
        double near_term = 0.0;
        double near_m = 0.0;
        const Place* near_place = nullptr;
        double prior = 0.0;
        double total = 0.0;
        bool focus = false; // in a country the gazetteer is about
    };

    Resolution rank(std::string_view query, std::vector<Hit> hits, const Qualifiers& q,
                    const GeocodeContext& context) const {
        Resolution r;
        r.query = std::string(query);
        // One hit per place: the best way it matched.
        std::sort(hits.begin(), hits.end(), [this](const Hit& a, const Hit& b) {
            if (entries[a.entry].place != entries[b.entry].place) {
                return entries[a.entry].place < entries[b.entry].place;
            }
            return a.base > b.base;
        });
        hits.erase(std::unique(hits.begin(), hits.end(),
                               [this](const Hit& a, const Hit& b) {
                                   return entries[a.entry].place == entries[b.entry].place;
                               }),
                   hits.end());
        if (hits.empty()) {
            return r;
        }
        std::vector<const Place*> nearby;
        for (const auto& id : context.nearby_place_ids) {
            if (const Place* p = gazetteer->find(id)) {
                nearby.push_back(p);
            }
        }
        std::vector<std::string> hints;
        for (const auto& h : context.country_hints) {
            hints.push_back(upper_ascii(h));
        }
        std::vector<Scored> scored;
        scored.reserve(hits.size());
        for (auto& hit : hits) {
            Scored s;
            const Place& place = place_of(hit.entry);
            if (!hints.empty() && !place.country.empty()) {
                const bool in = std::find(hints.begin(), hints.end(), place.country) != hints.end();
                s.country_term = in ? 1.0 : -1.0;
            }
            s.near_m = std::numeric_limits<double>::infinity();
            for (const Place* other : nearby) {
                if (other == &place) {
                    continue;
                }
                const double d = distance_m(place.anchor, other->anchor);
                if (d < s.near_m) {
                    s.near_m = d;
                    s.near_place = other;
                }
            }
            if (s.near_place != nullptr && s.near_m < 150000.0) {
                s.near_term = 1.0 - s.near_m / 150000.0;
            }
            const double pop =
                std::log10(static_cast<double>(std::max<std::int64_t>(0, place.population)) + 1.0) /
                7.0;
            s.focus = focus_countries.contains(place.country);
            s.prior =
                0.5 * kind_prior(place.kind) + 0.5 * std::min(1.0, pop) + (s.focus ? 0.3 : 0.0);
            if (q.descriptor == Descriptor::admin_area && place.kind == PlaceKind::region) {
                s.prior += 2.0; // "Aghdam district": the district, not the town
            }
            s.total = hit.base + 0.1 * s.country_term + 0.12 * s.near_term + 0.03 * s.prior;
            s.hit = std::move(hit);
            scored.push_back(std::move(s));
        }
        std::stable_sort(scored.begin(), scored.end(),
                         [](const Scored& a, const Scored& b) { return a.total > b.total; });

        const Scored& top = scored.front();
        const Place& top_place = place_of(top.hit.entry);
        std::string reason = top.hit.how;
        double score = top.hit.base;
        // Rivals: other places matched as well as the top one. Same-kind rivals (two towns called
        // Martuni) make the answer uncertain; a district named after its town, or a weaker match
        // (an alias of a place abroad), much less so.
        auto group = [](PlaceKind k) {
            const bool populated = k == PlaceKind::settlement || k == PlaceKind::capital ||
                                   k == PlaceKind::city_abroad;
            return populated ? -1 : static_cast<int>(k);
        };
        const Scored* rival = nullptr;
        std::size_t same_kind = 0;
        std::size_t others = 0;
        for (std::size_t i = 1; i < scored.size(); ++i) {
            const Place& other = place_of(scored[i].hit.entry);
            if (scored[i].hit.base >= top.hit.base - 0.005 &&
                group(other.kind) == group(top_place.kind)) {
                ++same_kind;
                rival = rival == nullptr ? &scored[i] : rival;
            } else if (scored[i].hit.base >= top.hit.base - 0.1) {
                ++others;
            }
        }
        std::vector<std::string> clues;
        if (top.country_term > 0) {
            clues.push_back("country hint " + top_place.country);
        } else if (top.country_term < 0) {
            clues.push_back("outside the hinted countries");
            score *= 0.85;
        }
        if (top.near_term > 0) {
            clues.push_back(km_text(top.near_m) + " from " + top.near_place->name +
                            ", mentioned nearby");
        }
        if (rival != nullptr) {
            const double margin = top.total - rival->total;
            const double confidence = std::clamp(0.72 + 2.5 * margin, 0.72, 0.98);
            score *= confidence;
            std::string decided;
            if (top.country_term > rival->country_term) {
                decided = "country hint";
            } else if (top.near_term > rival->near_term + 1e-9) {
                decided = "nearby places in the text";
            } else if (q.descriptor == Descriptor::admin_area) {
                decided = in_quotes(q.descriptor_word) + " in the name";
            } else {
                decided = "kind and population (" + std::string(to_string(top_place.kind)) +
                          (top_place.population > 0
                               ? ", population " + std::to_string(top_place.population)
                               : std::string()) +
                          (top.focus && !rival->focus ? ", in " + top_place.country : "") + ")";
            }
            reason += "; " + std::to_string(same_kind + 1) + " places match, chosen by " + decided;
        } else if (others > 0) {
            score *= 0.96;
            const Place& other = place_of(scored[1].hit.entry);
            reason += "; preferred to " + other.name + " (" + std::string(to_string(other.kind)) +
                      (other.country.empty() ? "" : ", " + other.country) + ")";
        } else {
            reason += "; the only place that matches";
        }
        for (const auto& c : clues) {
            reason += "; " + c;
        }
        GeoPrecision precision = precision_of(top_place.kind);
        if (q.descriptor == Descriptor::around && precision == GeoPrecision::exact) {
            precision = GeoPrecision::near;
            reason += "; " + in_quotes(q.descriptor_word) + ": the area around it";
        }
        Candidate first;
        first.place = &top_place;
        first.matched = entries[top.hit.entry].surface;
        first.match = top.hit.match;
        first.score = std::clamp(score, 0.0, 1.0);
        first.precision = precision;
        first.reason = std::move(reason);
        r.candidates.push_back(std::move(first));
        r.resolved = r.candidates.front().score >= resolve_threshold;

        for (std::size_t i = 1; i < scored.size() && r.candidates.size() < max_candidates; ++i) {
            const Scored& s = scored[i];
            const Place& place = place_of(s.hit.entry);
            Candidate c;
            c.place = &place;
            c.matched = entries[s.hit.entry].surface;
            c.match = s.hit.match;
            c.score =
                std::clamp(std::min(s.hit.base * 0.6, r.candidates.front().score - 0.01), 0.0, 1.0);
            c.precision = precision_of(place.kind);
            c.reason = s.hit.how + "; ranked below " + top_place.id;
            r.candidates.push_back(std::move(c));
        }
        if (!r.resolved) {
            if (r.candidates.size() > max_suggestions) {
                r.candidates.resize(max_suggestions);
            }
            for (auto& c : r.candidates) {
                c.reason = "suggestion, below the confidence threshold: " + c.reason;
            }
        }
        return r;
    }

    // Splits "Martuni, Armenia" / "Aghdam (Tovuz)" into the name and a qualifier that becomes
    // context: a country hint or a nearby place.
    std::string_view split_qualifier(std::string_view query, GeocodeContext& context) const {
        const std::size_t cut = query.find_first_of(",(");
        if (cut == std::string_view::npos || cut == 0) {
            return query;
        }
        std::string_view qualifier = query.substr(cut + 1);
        while (!qualifier.empty() && (qualifier.back() == ')' || qualifier.back() == ' ')) {
            qualifier.remove_suffix(1);
        }
        const auto it = by_folded.find(detail::fold(qualifier));
        if (it == by_folded.end()) {
            return query;
        }
        const Place& p = place_of(it->second.front());
        if (p.kind == PlaceKind::country) {
            context.country_hints.push_back(p.country);
        } else {
            context.nearby_place_ids.push_back(p.id);
        }
        std::string_view name = query.substr(0, cut);
        while (!name.empty() && name.back() == ' ') {
            name.remove_suffix(1);
        }
        return name;
    }

    // ---- running text ----------------------------------------------------------------------

    std::vector<Token> tokenize(std::string_view text) const {
        std::vector<Token> tokens;
        tokens.reserve(text.size() / 6);
        // Non-ASCII words repeat (names, common words); fold each distinct one once.
        std::unordered_map<std::string_view, std::pair<std::string, std::string>> cache;
        std::size_t i = 0;
        bool hard = false;
        while (i < text.size()) {
            std::size_t len = detail::word_char_length(text, i);
            if (len == 0) {
                const char c = text[i];
                if (c != ' ' && c != '-' && c != '\n' && c != '\t' && c != '\r') {
                    hard = true;
                }
                ++i;
                continue;
            }
            Token t;
            t.begin = i;
            bool ascii = true;
            while (i < text.size()) {
                len = detail::word_char_length(text, i);
                if (len > 0) {
                    ascii = ascii && len == 1;
                    i += len;
                    continue;
                }
                // An apostrophe inside a word ("Sotk's", "Sotk’s", "Sot'k'") belongs to it.
                const std::size_t apostrophe = text[i] == '\'' || text[i] == '`'         ? 1
                                               : text.compare(i, 3, "\xE2\x80\x99") == 0 ? 3
                                                                                         : 0;
                if (apostrophe > 0 && i + apostrophe < text.size() &&
                    detail::word_char_length(text, i + apostrophe) > 0) {
                    ascii = ascii && apostrophe == 1;
                    i += apostrophe;
                    continue;
                }
                break;
            }
            t.end = i;
            const std::string_view word = text.substr(t.begin, t.end - t.begin);
            t.capitalised = detail::starts_capitalised(word);
            if (ascii) {
                t.folded = detail::fold(word);
                t.skeleton = detail::skeleton(t.folded);
            } else {
                auto it = cache.find(word);
                if (it == cache.end()) {
                    std::string f = detail::fold(word);
                    f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
                    std::string sk = detail::skeleton(f);
                    it = cache.emplace(word, std::pair{std::move(f), std::move(sk)}).first;
                }
                t.folded = it->second.first;
                t.skeleton = it->second.second;
            }
            if (t.folded.empty()) {
                hard = true;
                continue;
            }
            t.hard_break_before = hard;
            hard = false;
            tokens.push_back(std::move(t));
        }
        // "Border", "Nor", "Gala": a capitalised word that the same text also writes in lower
        // case is a common word here, not a name.
        std::unordered_set<std::string_view> lowercase;
        for (const Token& t : tokens) {
            const char first = text[t.begin];
            if (!t.capitalised && !(first >= '0' && first <= '9')) {
                lowercase.insert(t.folded);
            }
        }
        for (Token& t : tokens) {
            t.lowercase_elsewhere = t.capitalised && lowercase.contains(t.folded);
        }
        return tokens;
    }

    struct Span {
        std::size_t first = 0; // token indices [first, last]
        std::size_t last = 0;
        std::vector<Hit> hits;
        Qualifiers qualifiers;
    };

    // Does the text word match the entry word (last word may carry a case ending)?
    static int word_match(const Token& t, const std::string& entry_skeleton, bool last) {
        if (t.skeleton == entry_skeleton) {
            return 1;
        }
        if (last && entry_skeleton.size() >= 4 && entry_skeleton.back() == 'a') {
            const std::string_view stem(entry_skeleton.data(), entry_skeleton.size() - 1);
            if (t.skeleton.starts_with(stem)) {
                const std::string_view ending = std::string_view(t.skeleton).substr(stem.size());
                for (const std::string_view e : russian_endings) {
                    if (ending == e) {
                        return 2;
                    }
                }
            }
        }
        if (!last || entry_skeleton.size() < 4 || t.skeleton.size() <= entry_skeleton.size() ||
            !t.skeleton.starts_with(entry_skeleton)) {
            return 0;
        }
        const std::string_view rest = std::string_view(t.skeleton).substr(entry_skeleton.size());
        for (auto s = detail::inflection_suffixes_begin(); s != detail::inflection_suffixes_end();
             ++s) {
            if (rest == *s) {
                return 2;
            }
        }
        return 0;
    }

    void consider_entry(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                        std::uint32_t id, Span& best, bool& found) const {
        const Entry& e = entries[id];
        const std::size_t n = e.skeleton_words.size();
        if (i + n > tokens.size()) {
            return;
        }
        bool inflected = false;
        bool same_folded = true;
        for (std::size_t k = 0; k < n; ++k) {
            const Token& t = tokens[i + k];
            if (k > 0 && t.hard_break_before) {
                return;
            }
            const int m = word_match(t, e.skeleton_words[k], k + 1 == n);
            if (m == 0) {
                return;
            }
            inflected = inflected || m == 2;
            same_folded = same_folded && t.folded == e.folded_words[k];
        }
        if (n == 1 && (detail::is_common_word(tokens[i].folded) || tokens[i].lowercase_elsewhere)) {
            return;
        }
        const std::size_t last = i + n - 1;
        if (found && last < best.last) {
            return;
        }
        if (!found || last > best.last) {
            best = Span{i, last, {}, {}};
            found = true;
        }
        MatchKind kind = MatchKind::folded;
        double base = 0.95;
        std::string how = "same name ignoring case and accents as";
        if (inflected) {
            base = 0.88;
            how = "inflected form of";
        } else if (!same_folded) {
            kind = MatchKind::transliterated;
            base = 0.9;
            how = "spelling variant of";
        }
        if (!inflected &&
            text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin) == e.surface) {
            kind = MatchKind::exact;
        }
        add_hits({id}, kind, base, how, best.hits);
    }

    bool match_phrase(const std::vector<Token>& tokens, std::size_t i, Span& best) const {
        const std::string_view first = detail::content_word(tokens[i].folded);
        if (first.empty() || !phrase_vocabulary.contains(first)) {
            return false;
        }
        std::vector<std::string> content{std::string(first)};
        bool found = false;
        for (std::size_t j = i + 1; j < tokens.size() && j < i + 10; ++j) {
            if (tokens[j].hard_break_before) {
                break;
            }
            const std::string& w = tokens[j].folded;
            if (detail::is_filler(w)) {
                continue;
            }
            const std::string_view c = detail::content_word(w);
            if (!phrase_vocabulary.contains(c)) {
                break;
            }
            if (std::find(content.begin(), content.end(), c) == content.end()) {
                content.emplace_back(c);
            }
            std::vector<std::string> sorted = content;
            std::sort(sorted.begin(), sorted.end());
            if (const auto it = by_phrase.find(join(sorted)); it != by_phrase.end()) {
                best = Span{i, j, {}, {}};
                add_hits(it->second, MatchKind::phrase, 0.85, "phrase naming", best.hits);
                found = true;
            }
        }
        return found;
    }

    std::vector<Span> scan(std::string_view text, const std::vector<Token>& tokens) const {
        std::vector<Span> spans;
        std::size_t i = 0;
        while (i < tokens.size()) {
            const Token& t = tokens[i];
            Span best;
            bool found = false;
            if (t.capitalised) {
                if (const auto it = by_first_word.find(t.skeleton); it != by_first_word.end()) {
                    for (const std::uint32_t id : it->second) {
                        consider_entry(text, tokens, i, id, best, found);
                    }
                }
                // Inflected single-word names: Sotka, Sotkum, Susada.
                if (!found && t.skeleton.size() > 4) {
                    for (auto s = detail::inflection_suffixes_begin();
                         s != detail::inflection_suffixes_end(); ++s) {
                        if (t.skeleton.size() >= s->size() + 4 && t.skeleton.ends_with(*s)) {
                            const std::string_view stem(t.skeleton.data(),
                                                        t.skeleton.size() - s->size());
                            if (const auto it = by_first_word.find(stem);
                                it != by_first_word.end()) {
                                for (const std::uint32_t id : it->second) {
                                    if (entries[id].skeleton_words.size() == 1) {
                                        consider_entry(text, tokens, i, id, best, found);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (!found && t.capitalised && t.skeleton.size() >= 4) {
                for (const std::string_view e : russian_endings) {
                    if (!t.skeleton.ends_with(e)) {
                        continue;
                    }
                    std::string stem = t.skeleton.substr(0, t.skeleton.size() - e.size()) + "a";
                    if (const auto it = by_first_word.find(stem); it != by_first_word.end()) {
                        for (const std::uint32_t id : it->second) {
                            if (entries[id].skeleton_words.size() == 1) {
                                consider_entry(text, tokens, i, id, best, found);
                            }
                        }
                    }
                }
            }
            Span phrase;
            if (match_phrase(tokens, i, phrase) && (!found || phrase.last > best.last)) {
                best = std::move(phrase);
                found = true;
            }
            if (!found) {
                ++i;
                continue;
            }
            // A descriptor right after the name: "Sotk region", "Goris town".
            if (best.last + 1 < tokens.size() && !tokens[best.last + 1].hard_break_before) {
                const std::string& w = tokens[best.last + 1].folded;
                const Descriptor d = detail::descriptor_after(w);
                if (d != Descriptor::none) {
                    best.qualifiers.descriptor = d;
                    best.qualifiers.descriptor_word = w;
                    ++best.last;
                }
            }
            i = best.last + 1;
            spans.push_back(std::move(best));
        }
        return spans;
    }
};

Geocoder::Geocoder(const Gazetteer& gazetteer) : m_impl(std::make_unique<Impl>(gazetteer)) {}
Geocoder::~Geocoder() = default;
Geocoder::Geocoder(Geocoder&&) noexcept = default;
Geocoder& Geocoder::operator=(Geocoder&&) noexcept = default;

const Gazetteer& Geocoder::gazetteer() const {
    return *m_impl->gazetteer;
}

Resolution Geocoder::resolve(std::string_view name, const GeocodeContext& context) const {
    if (name.size() > max_name_bytes) {
        throw input_error("place name is " + std::to_string(name.size()) +
                          " bytes long; the limit is " + std::to_string(max_name_bytes));
    }
    if (const std::size_t bad = detail::invalid_utf8_at(name); bad != std::string_view::npos) {
        throw input_error("place name is not valid UTF-8 (bad byte at offset " +
                          std::to_string(bad) + ")");
    }
    std::string_view trimmed = name;
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) {
        trimmed.remove_prefix(1);
    }
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) {
        trimmed.remove_suffix(1);
    }
    if (trimmed.empty()) {
        throw input_error("empty place name");
    }
    // "Martuni, Armenia" / "Aghdam (Tovuz)": the qualifier becomes context for the name.
    if (trimmed.find_first_of(",(") != std::string_view::npos) {
        GeocodeContext extended = context;
        const std::string_view base = m_impl->split_qualifier(trimmed, extended);
        if (base.size() != trimmed.size()) {
            Qualifiers q;
            std::vector<Hit> hits = m_impl->lookup(base, q);
            if (!hits.empty()) {
                return m_impl->rank(name, std::move(hits), q, extended);
            }
        }
    }
    Qualifiers q;
    std::vector<Hit> hits = m_impl->lookup(trimmed, q);
    return m_impl->rank(name, std::move(hits), q, context);
}

ReverseResult Geocoder::reverse(LonLat point) const {
    if (!std::isfinite(point.lon) || !std::isfinite(point.lat) || point.lon < -180.0 ||
        point.lon > 180.0 || point.lat < -90.0 || point.lat > 90.0) {
        throw input_error("coordinates out of range: longitude must be in [-180, 180] and "
                          "latitude in [-90, 90]");
    }
    ReverseResult r;
    if (m_impl->settlements.empty()) {
        throw input_error("the gazetteer has no settlements to describe a point with");
    }
    double best = std::numeric_limits<double>::infinity();
    for (const std::uint32_t p : m_impl->settlements) {
        const Place& place = m_impl->gazetteer->places()[p];
        const double d = distance_m(point, place.anchor);
        if (d < best) {
            best = d;
            r.place = &place;
        }
    }
    r.distance_m = best;
    std::string where = r.place->name;
    if (!r.place->country.empty()) {
        const auto it = m_impl->country_names.find(r.place->country);
        where += ", " + (it != m_impl->country_names.end() ? it->second : r.place->country);
    }
    if (best < 500.0) {
        r.description = "in " + where;
        return r;
    }
    // Direction from the settlement to the point, on the ellipsoid (PROJ's geodesic routines).
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    double s12 = 0.0;
    double azi1 = 0.0;
    double azi2 = 0.0;
    geod_inverse(&g, r.place->anchor.lat, r.place->anchor.lon, point.lat, point.lon, &s12, &azi1,
                 &azi2);
    static constexpr const char* compass[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
    const double bearing = std::fmod(azi1 + 360.0, 360.0);
    const auto sector = static_cast<std::size_t>(std::lround(bearing / 45.0)) % 8;
    r.description = km_text(best) + " " + compass[sector] + " of " + where;
    return r;
}

std::vector<TextMention> Geocoder::find_mentions(std::string_view text,
                                                 const GeocodeContext& context) const {
    const std::vector<Token> tokens = m_impl->tokenize(text);
    std::vector<Impl::Span> spans = m_impl->scan(text, tokens);
    std::vector<TextMention> mentions;
    mentions.reserve(spans.size());
    // First pass without the text's own places; then the ambiguous mentions again, with the
    // places that were certain as nearby context. The same surface ranks the same way within a
    // pass, so each distinct one is ranked once.
    std::vector<std::string> certain;
    bool ambiguous = false;
    std::unordered_map<std::string, Resolution> ranked;
    for (const auto& span : spans) {
        TextMention m;
        m.begin = tokens[span.first].begin;
        m.end = tokens[span.last].end;
        m.surface = std::string(text.substr(m.begin, m.end - m.begin));
        auto it = ranked.find(m.surface);
        if (it == ranked.end()) {
            it = ranked
                     .emplace(m.surface,
                              m_impl->rank(m.surface, span.hits, span.qualifiers, context))
                     .first;
            const Resolution& r = it->second;
            if (r.resolved && r.candidates.size() == 1 && r.candidates.front().score >= 0.85 &&
                std::find(certain.begin(), certain.end(), r.candidates.front().place->id) ==
                    certain.end()) {
                certain.push_back(r.candidates.front().place->id);
            }
            ambiguous = ambiguous || r.candidates.size() > 1;
        }
        m.resolution = it->second;
        mentions.push_back(std::move(m));
    }
    if (!ambiguous || certain.empty()) {
        return mentions;
    }
    GeocodeContext with_text = context;
    for (auto& id : certain) {
        if (std::find(with_text.nearby_place_ids.begin(), with_text.nearby_place_ids.end(), id) ==
            with_text.nearby_place_ids.end()) {
            with_text.nearby_place_ids.push_back(std::move(id));
        }
    }
    std::unordered_map<std::string, Resolution> reranked;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        TextMention& m = mentions[i];
        if (m.resolution.candidates.size() < 2) {
            continue;
        }
        auto it = reranked.find(m.surface);
        if (it == reranked.end()) {
            it = reranked
                     .emplace(m.surface, m_impl->rank(m.surface, spans[i].hits, spans[i].qualifiers,
                                                      with_text))
                     .first;
        }
        m.resolution = it->second;
    }
    return mentions;
}

} // namespace sitmap::geo
