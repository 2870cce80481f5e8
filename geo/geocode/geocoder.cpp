#include "geo/geocode/geocoder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include <geodesic.h>

#include "geo/core/error.hpp"
#include "geo/geocode/detail/geocoder_impl.hpp"
#include "geo/geocode/name_folding.hpp"
#include "geo/text/lexicon.hpp"

namespace sitmap::geo::detail::geocoding {

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
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

std::string km_text(double metres) {
    const double km = metres / 1000.0;
    if (km < 10.0) {
        return std::to_string(static_cast<int>(std::lround(km * 10.0)) / 10) + "." +
               std::to_string(static_cast<int>(std::lround(km * 10.0)) % 10) + " km";
    }
    return std::to_string(static_cast<long>(std::lround(km))) + " km";
}

std::string in_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('\'');
    out.append(s);
    out.push_back('\'');
    return out;
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

} // namespace sitmap::geo::detail::geocoding

namespace sitmap::geo {

using detail::Descriptor;
using detail::geocoding::Hit;
using detail::geocoding::in_quotes;
using detail::geocoding::join;
using detail::geocoding::km_text;
using detail::geocoding::max_name_bytes;
using detail::geocoding::phrase_key;
using detail::geocoding::Qualifiers;
using detail::geocoding::russian_endings;
using detail::geocoding::skeletons_of;
using W = detail::geocoding::RankWeights;

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

namespace {

// A word list of the mention scan as a set of its keys; with `value`, only the entries that
// list it among their values.
void read_list(std::string_view name,
               std::unordered_set<std::string, detail::geocoding::StringHash, std::equal_to<>>& out,
               std::string_view value = {}) {
    for (const auto& e : text::Lexicon::get("en", name).entries()) {
        if (value.empty() || std::find(e.values.begin(), e.values.end(), value) != e.values.end()) {
            out.insert(e.key);
        }
    }
}

} // namespace

Geocoder::Impl::Impl(const Gazetteer& g) : gazetteer(&g) {
    read_list("person_titles", lists.person_titles);
    read_list("patronymics", lists.patronymic_words, "word");
    for (const auto& e : text::Lexicon::get("en", "patronymics").entries()) {
        if (!e.values.empty() && e.values.front() == "ending") {
            lists.patronymic_endings.push_back(e.key);
        }
    }
    read_list("admin_units", lists.admin_units);
    read_list("place_slots", lists.slot_before, "before");
    read_list("place_slots", lists.slot_after, "after");
    read_list("border_modifiers", lists.border_modifiers);
    read_list("name_prefixes", lists.name_prefixes);
    for (const auto& e : text::Lexicon::get("en", "place_direction").entries()) {
        if (std::find(e.values.begin(), e.values.end(), "home") != e.values.end()) {
            lists.home_phrases.push_back(detail::split_words(e.key));
        }
    }
    const auto places = g.places();
    // Sized once: growing the tables rehashed every key several times (a tenth of the build).
    std::size_t names = 0;
    for (const Place& place : places) {
        names += 1 + place.names.size() + place.aliases.size();
    }
    entries.reserve(names);
    by_surface.reserve(names);
    by_folded.reserve(names);
    by_skeleton.reserve(names);
    by_first_word.reserve(names);
    admin_keys.reserve(places.size());
    std::unordered_map<std::string_view, std::string> admin_key_of; // a few hundred admin1 values
    for (std::uint32_t p = 0; p < places.size(); ++p) {
        const Place& place = places[p];
        auto key = admin_key_of.find(place.admin1);
        if (key == admin_key_of.end()) {
            key = admin_key_of.emplace(place.admin1, area_key(place.admin1)).first;
        }
        admin_keys.push_back(key->second);
        add_entry(p, place.name, NameSource::primary);
        for (const auto& [lang, name] : place.names) {
            add_entry(p, name, NameSource::language);
        }
        for (const auto& alias : place.aliases) {
            add_entry(p, alias, NameSource::alias);
        }
        // Azerbaijani names also under the spelling English-language media give them.
        for (const auto& [lang, name] : place.names) {
            add_english_of_azerbaijani(p, name, lang == "az");
        }
        for (const auto& alias : place.aliases) {
            add_english_of_azerbaijani(p, alias, false);
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
    // Other one-word spellings of the places that border-sector phrases name ("Nakhichevan" for
    // "nakhchivan"), found once here rather than for every word of every text.
    std::unordered_map<std::uint32_t, std::string_view> phrase_place_words;
    for (const Entry& e : entries) {
        if (e.source == NameSource::primary && e.folded_words.size() == 1) {
            if (const auto it = phrase_vocabulary.find(e.folded_key);
                it != phrase_vocabulary.end()) {
                phrase_place_words.emplace(e.place, *it);
            }
        }
    }
    for (const Entry& e : entries) {
        const auto it = phrase_place_words.find(e.place);
        if (it != phrase_place_words.end() && e.folded_words.size() == 1 &&
            e.folded_key != it->second) {
            phrase_spellings.emplace(e.folded_key, it->second);
        }
    }
}

const Geocoder::Impl::Fuzzy& Geocoder::Impl::fuzzy() const {
    std::call_once(fuzzy_once, [this] {
        std::unordered_set<std::string_view> seen;
        seen.reserve(entries.size());
        for (const Entry& e : entries) {
            const std::string& key = e.skeleton_key;
            if (key.size() >= 3 && seen.insert(key).second) {
                fuzzy_built.index.add(key, static_cast<std::uint32_t>(fuzzy_built.keys.size()));
                fuzzy_built.keys.push_back(key);
            }
        }
        fuzzy_built.index.build();
    });
    return fuzzy_built;
}

void Geocoder::Impl::add_english_of_azerbaijani(std::uint32_t p, const std::string& name,
                                                bool is_azerbaijani) {
    std::vector<std::string> spellings{detail::azerbaijani_english(name, is_azerbaijani)};
    if (spellings.front().empty()) {
        return;
    }
    // "k\u0259nd" (village) keeps an e in English more often than not: T\u0259z\u0259k\u0259nd
    // is "Tazakend", Ba\u015Fk\u0259nd "Bashkend".
    static constexpr std::string_view kand = "k\u0259nd";
    if (name.find(kand) != std::string::npos) {
        std::string kend = name;
        for (auto at = kend.find(kand); at != std::string::npos; at = kend.find(kand, at)) {
            kend.replace(at, kand.size(), "kend");
        }
        spellings.push_back(detail::azerbaijani_english(kend, true));
    }
    // Only the folded keys are new: the entry keeps the name as written, and is skipped when the
    // place already has that key.
    for (const std::string& spelling : spellings) {
        std::string folded = detail::fold(spelling);
        const auto same = by_folded.find(folded);
        if (folded.empty() ||
            (same != by_folded.end() &&
             std::any_of(same->second.begin(), same->second.end(),
                         [&](std::uint32_t other) { return entries[other].place == p; }))) {
            continue;
        }
        index_entry(Entry{p, name, NameSource::alias, {}, {}, std::move(folded), {}});
    }
}

void Geocoder::Impl::add_entry(std::uint32_t p, const std::string& surface, NameSource source) {
    if (surface.empty()) {
        return;
    }
    // The same name listed twice for one place (name and names.en) is indexed once; checked
    // before folding, the dearest step.
    const auto known = by_surface.find(surface);
    if (known != by_surface.end()) {
        for (const std::uint32_t other : known->second) {
            if (entries[other].place == p) {
                return;
            }
        }
    }
    if (detail::invalid_utf8_at(surface) != std::string::npos) {
        return;
    }
    std::string folded = detail::fold(surface);
    if (folded.empty()) {
        return;
    }
    const auto id = static_cast<std::uint32_t>(entries.size());
    if (known != by_surface.end()) {
        known->second.push_back(id);
    } else {
        by_surface[surface].push_back(id);
    }
    index_entry(Entry{p, surface, source, {}, {}, std::move(folded), {}});
}

// "checkpoint on the Lachin road": a curated name (its source "sitmap curated ...") of at least
// three words whose first letter is a lower-case ASCII letter and which holds a capital (a name
// inside it). Other sources' lower-case names are romanisations ("da bu li shi"), no phrases.
static bool opens_with_a_common_word(std::string_view surface, std::size_t words,
                                     const Place& place) {
    return place.source.starts_with("sitmap curated") && words >= 3 && !surface.empty() &&
           surface[0] >= 'a' && surface[0] <= 'z' &&
           std::any_of(surface.begin(), surface.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Indexes an entry whose surface and folded key are set, under its folded, skeleton, first-word
// and (for border sectors) phrase keys.
void Geocoder::Impl::index_entry(Entry e) {
    e.folded_words = detail::split_words(e.folded_key);
    e.skeleton_words = skeletons_of(e.folded_words);
    e.skeleton_key = join(e.skeleton_words);
    const auto id = static_cast<std::uint32_t>(entries.size());
    const std::uint32_t p = e.place;
    by_folded[e.folded_key].push_back(id);
    by_skeleton[e.skeleton_key].push_back(id);
    by_first_word[e.skeleton_words.front()].push_back(id);
    // (Border sectors have phrase keys instead, which allow any order of their words.)
    if (gazetteer->places()[p].kind != PlaceKind::border_sector &&
        opens_with_a_common_word(e.surface, e.skeleton_words.size(), gazetteer->places()[p])) {
        by_lowercase_first[e.skeleton_words.front()].push_back(id);
    }
    if (gazetteer->places()[p].kind == PlaceKind::border_sector) {
        const std::string key = phrase_key(e.folded_words);
        if (!key.empty()) {
            by_phrase[key].push_back(id);
            for (const auto& w : detail::split_words(key)) {
                phrase_vocabulary.insert(w);
            }
        }
    }
    entries.push_back(std::move(e));
}

// `how` says how the entry matched ("transliteration of"); the entry's name is appended.
void Geocoder::Impl::add_hits(const std::vector<std::uint32_t>& ids, MatchKind kind, double base,
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
void Geocoder::Impl::match_words(const std::vector<std::string>& words, bool non_latin,
                                 bool allow_fuzzy, std::vector<Hit>& hits) const {
    if (words.empty()) {
        return;
    }
    const std::string folded_key = join(words);
    const MatchKind folded_kind = non_latin ? MatchKind::transliterated : MatchKind::folded;
    if (const auto it = by_folded.find(folded_key); it != by_folded.end()) {
        add_hits(it->second, folded_kind, non_latin ? 0.92 : 0.95,
                 non_latin ? "transliteration of" : "same name ignoring case and accents as", hits);
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
        for (auto s = detail::inflection_suffixes_begin(); s != detail::inflection_suffixes_end();
             ++s) {
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
    const Fuzzy& f = fuzzy();
    for (const auto& m : f.index.search(skel_key, reach)) {
        const auto it = by_skeleton.find(f.keys[m.id]);
        const double len = static_cast<double>(skel_key.size());
        const double base =
            m.distance <= allowed ? 0.85 - 0.6 * static_cast<double>(m.distance) / len : 0.42;
        add_hits(it->second, MatchKind::fuzzy, base,
                 std::to_string(m.distance) + (m.distance == 1 ? " edit" : " edits") + " from",
                 hits);
    }
}

// Descriptors and leading words around a query ("the", "village of", "Sotk region").
void Geocoder::Impl::strip_qualifiers(std::vector<std::string>& words, Qualifiers& q) const {
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

std::vector<Hit> Geocoder::Impl::lookup(std::string_view query, Qualifiers& q) const {
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
    // "Tovuz district", "the Sadarak region": the unit's name first, before any phrase or
    // spelling variant of the whole ("district tovuz" would name a border sector's direction).
    if (words.size() > 1 && (lists.admin_units.contains(words.back()))) {
        std::vector<std::string> stripped = words;
        Qualifiers unit;
        strip_qualifiers(stripped, unit);
        match_words(stripped, non_latin, false, hits);
        if (!hits.empty()) {
            q = unit;
            return hits;
        }
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

// Splits "Martuni, Armenia" / "Aghdam (Tovuz)" / "Kut in Gegharkunik province" into the name and
// a qualifier that becomes context: a country hint, an area the place lies in, or a nearby place.
std::string_view Geocoder::Impl::split_qualifier(std::string_view query,
                                                 GeocodeContext& context) const {
    std::size_t cut = query.find_first_of(",(");
    std::size_t skip = 1;
    if (const std::size_t in = query.find(" in "); in < cut) {
        cut = in;
        skip = 4;
    }
    if (cut == std::string_view::npos || cut == 0) {
        return query;
    }
    std::string_view qualifier = query.substr(cut + skip);
    while (!qualifier.empty() && (qualifier.back() == ')' || qualifier.back() == ' ')) {
        qualifier.remove_suffix(1);
    }
    while (!qualifier.empty() && qualifier.front() == ' ') {
        qualifier.remove_prefix(1);
    }
    if (qualifier.empty()) {
        return query;
    }
    // "Azerbaijan's Tovuz district": the country a hint, the district the area.
    for (const std::string_view mark :
         {std::string_view("'s "), std::string_view("\xE2\x80\x99s ")}) {
        const std::size_t at = qualifier.find(mark);
        if (at == std::string_view::npos || at == 0) {
            continue;
        }
        const auto it = by_folded.find(detail::fold(qualifier.substr(0, at)));
        if (it != by_folded.end() && place_of(it->second.front()).kind == PlaceKind::country) {
            context.country_hints.push_back(place_of(it->second.front()).country);
            qualifier.remove_prefix(at + mark.size());
            break;
        }
    }
    Qualifiers q;
    std::vector<Hit> hits = lookup(qualifier, q);
    const Resolution r = rank(qualifier, hits, q, {});
    if (!r.resolved) {
        return query;
    }
    const Place& p = *r.candidates.front().place;
    const bool admin = lists.admin_units.contains(q.descriptor_word);
    if (p.kind == PlaceKind::country) {
        context.country_hints.push_back(p.country);
    } else if (admin || p.kind == PlaceKind::region) {
        context.within_place_ids.push_back(p.id);
    } else {
        context.nearby_place_ids.push_back(p.id);
    }
    std::string_view name = query.substr(0, cut);
    while (!name.empty() && name.back() == ' ') {
        name.remove_suffix(1);
    }
    return name;
}

// A name of an area folded for comparing with admin1 values: skeleton words without the words
// of administrative units ("Tovuz District" -> "tovuz").
std::string Geocoder::Impl::area_key(std::string_view name) const {
    std::vector<std::string> kept;
    for (const auto& w : detail::split_words(detail::fold(name))) {
        if (!lists.admin_units.contains(w)) {
            kept.push_back(detail::skeleton(w));
        }
    }
    return join(kept);
}

// The area keys of an area's English names (its name and Latin-script aliases).
std::vector<std::string> Geocoder::Impl::area_keys(const Place& area) const {
    std::vector<std::string> keys{area_key(area.name)};
    for (const auto& alias : area.aliases) {
        if (detail::is_ascii(alias)) {
            std::string k = area_key(alias);
            if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) {
                keys.push_back(std::move(k));
            }
        }
    }
    return keys;
}

// How far the place lies outside the area (`keys`: its area_keys); 0 inside: in the country,
// in the province or district its admin1 names, within the region's outline, or near the town
// a district is named after. Another country is infinitely far.
double Geocoder::Impl::outside_m(const Place& place, const Place& area,
                                 const std::vector<std::string>& keys) const {
    constexpr double elsewhere = std::numeric_limits<double>::infinity();
    if (area.kind == PlaceKind::country) {
        return !place.country.empty() && place.country == area.country ? 0.0 : elsewhere;
    }
    if (!area.country.empty() && !place.country.empty() && area.country != place.country) {
        return elsewhere;
    }
    const auto index = static_cast<std::size_t>(&place - gazetteer->places().data());
    if (!admin_keys[index].empty() &&
        std::find(keys.begin(), keys.end(), admin_keys[index]) != keys.end()) {
        return 0.0;
    }
    const bool outline =
        area.kind == PlaceKind::region && !std::holds_alternative<PointGeom>(area.geometry);
    const double d = outline ? distance_m(place.anchor, area.geometry) - W::within_tolerance_m
                             : distance_m(place.anchor, area.anchor) - W::district_reach_m;
    return std::max(0.0, d);
}

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
    // "Martuni, Armenia" / "Aghdam (Tovuz)" / "Kut in Gegharkunik": the qualifier becomes
    // context for the name.
    if (trimmed.find_first_of(",(") != std::string_view::npos ||
        trimmed.find(" in ") != std::string_view::npos) {
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
    return m_impl->mentions(text, m_impl->tokenize(text), context);
}

std::vector<TextMention>
Geocoder::find_place_slots(std::string_view text, const std::vector<TextMention>& mentions) const {
    return m_impl->place_slots(text, m_impl->tokenize(text), mentions);
}

Geocoder::MentionsAndSlots Geocoder::find_mentions_and_slots(std::string_view text,
                                                             const GeocodeContext& context) const {
    const std::vector<detail::geocoding::Token> tokens = m_impl->tokenize(text);
    MentionsAndSlots out;
    out.mentions = m_impl->mentions(text, tokens, context);
    out.slots = m_impl->place_slots(text, tokens, out.mentions);
    return out;
}

} // namespace sitmap::geo
