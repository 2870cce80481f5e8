// What the words around a name in running text say about it: a person's name after a rank or
// before a patronymic, an acronym, a generic border phrase modifying a noun ("border area"), the
// district or province it is placed in ("Aghdam settlement of Tovuz district"), an alias in
// brackets ("Khankendi (Stepanakert)"), and place slots ("the village of X") whose name the
// gazetteer does not know.

#include <algorithm>
#include <cctype>

#include "geo/geocode/detail/geocoder_impl.hpp"
#include "geo/geocode/name_folding.hpp"

namespace sitmap::geo {

using detail::geocoding::in_quotes;
using detail::geocoding::Token;

namespace {

// Capitalised runs of names are at most this long ("Badalli Ramal Bahlul", "Yukhari Shorzha").
constexpr std::size_t max_name_words = 4;
// A name in a place slot is at most this long ("the village of Yukhari Shorzha").
constexpr std::size_t max_slot_words = 3;
// Acronyms ("GEL", "ARKA") are at most this long; only big places are written so (datelines).
constexpr std::size_t max_acronym_bytes = 4;
constexpr std::int64_t dateline_population = 100000;
// A place slot's name resolves by spelling alone only with at least this score: one edit in a
// name of six letters or more.
constexpr double slot_fuzzy_score = 0.7;

std::string_view token_text(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

bool possessive(std::string_view word) {
    return word.ends_with("'s") || word.ends_with("\xE2\x80\x99s");
}

bool all_caps(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The punctuation between two tokens, without spaces and words: "" (adjacent), ",", "(".
std::string gap_marks(std::string_view text, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!std::isspace(c) && !std::isalnum(c)) {
            out.push_back(text[i]);
        }
    }
    return out;
}

// Is the next non-space character after `pos` a closing bracket?
bool closing_bracket_after(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ') {
        ++pos;
    }
    return pos < text.size() && text[pos] == ')';
}

} // namespace

std::size_t Geocoder::Impl::skip_person(std::string_view text, const std::vector<Token>& tokens,
                                        std::size_t i) const {
    std::size_t end = i;
    while (end < tokens.size() && end - i < max_name_words && tokens[end].capitalised &&
           (end == i || !tokens[end].hard_break_before) &&
           !detail::is_common_word(tokens[end].folded)) {
        ++end;
    }
    if (end == i) {
        return i;
    }
    // "Aliyev Ramal Ali oglu", "Ivan Petrovich Sidorov"
    if (end < tokens.size() && !tokens[end].hard_break_before &&
        lists.patronymic_words.contains(tokens[end].folded)) {
        return end + 1;
    }
    for (std::size_t k = i; k < end; ++k) {
        const std::string& w = tokens[k].folded;
        for (const auto& ending : lists.patronymic_endings) {
            if (w.size() >= ending.size() + 3 && w.ends_with(ending)) {
                return end;
            }
        }
    }
    // "first lieutenant Badalli Ramal", "the soldier, Vanik Ghazarian,"
    if (i == 0 || !lists.person_titles.contains(tokens[i - 1].folded)) {
        return i;
    }
    if (tokens[i].hard_break_before) {
        const bool comma = gap_marks(text, tokens[i - 1].end, tokens[i].begin) == ",";
        if (!comma || end - i < 2) {
            return i;
        }
    }
    return end;
}

bool Geocoder::Impl::not_a_place(std::string_view text, const std::vector<Token>& tokens,
                                 const Span& span) const {
    if (span.hits.empty()) {
        return true;
    }
    // "GEL", "/ARKA/": an acronym that happens to spell a village; datelines name big places.
    const std::string_view first = token_text(text, tokens[span.first]);
    if (span.first == span.last && first.size() <= max_acronym_bytes && all_caps(first)) {
        const bool big = std::any_of(span.hits.begin(), span.hits.end(), [this](const Hit& h) {
            const Place& p = place_of(h.entry);
            return p.kind == PlaceKind::capital || p.kind == PlaceKind::country ||
                   p.kind == PlaceKind::city_abroad || p.population >= dateline_population;
        });
        if (!big) {
            return true;
        }
        // "TASS" is no spelling of Tashkent's code "TAS": capitals only match as written.
        const bool respelt = std::all_of(span.hits.begin(), span.hits.end(), [](const Hit& h) {
            return h.match == MatchKind::transliterated || h.match == MatchKind::fuzzy;
        });
        if (respelt) {
            return true;
        }
    }
    // A border phrase naming no sector, modifying a noun: "border area", "Armenian border
    // village", "the Armenian Border Guards".
    const bool border = std::all_of(span.hits.begin(), span.hits.end(), [this](const Hit& h) {
        return place_of(h.entry).kind == PlaceKind::border_sector;
    });
    if (!border) {
        return false;
    }
    for (std::size_t k = span.first; k <= span.last; ++k) {
        const std::string& w = tokens[k].folded;
        const std::string_view c = detail::content_word(w);
        if (detail::is_direction(c) || (tokens[k].capitalised && !detail::is_filler(w) &&
                                        c != "border" && !detail::is_common_word(w))) {
            return false; // a direction or a named section: "Gegharkunik section of the border"
        }
    }
    if (lists.border_modifiers.contains(span.qualifiers.descriptor_word)) {
        return true;
    }
    const std::size_t next = span.last + 1;
    return next < tokens.size() && !tokens[next].hard_break_before &&
           lists.border_modifiers.contains(tokens[next].folded);
}

bool Geocoder::Impl::has_kind(const Span& span, PlaceKind kind) const {
    return std::any_of(span.hits.begin(), span.hits.end(),
                       [&](const Hit& h) { return place_of(h.entry).kind == kind; });
}

void Geocoder::Impl::join_brackets(std::string_view text, const std::vector<Token>& tokens,
                                   std::vector<Span>& spans) const {
    for (std::size_t k = 0; k + 1 < spans.size(); ++k) {
        Span& s = spans[k];
        Span& a = spans[k + 1];
        if (gap_marks(text, tokens[s.last].end, tokens[a.first].begin) != "(" ||
            !closing_bracket_after(text, tokens[a.last].end)) {
            continue;
        }
        // "Berdzor (Lachin) corridor": the first name with the words after the bracket.
        std::size_t close = a.last + 1;
        if (close < tokens.size()) {
            std::vector<Token> joined(tokens.begin() + static_cast<std::ptrdiff_t>(s.first),
                                      tokens.begin() + static_cast<std::ptrdiff_t>(s.last) + 1);
            const std::size_t name_words = joined.size();
            for (std::size_t j = close; j < tokens.size() && j < close + max_name_words; ++j) {
                joined.push_back(tokens[j]);
            }
            joined[name_words].hard_break_before = false;
            Span longer;
            bool found = false;
            if (const auto it = by_first_word.find(joined.front().skeleton);
                it != by_first_word.end()) {
                for (const std::uint32_t id : it->second) {
                    consider_entry(text, joined, 0, id, longer, found);
                }
            }
            if (found && longer.last >= name_words) {
                s.last = close + (longer.last - name_words);
                s.hits = std::move(longer.hits);
                s.qualifiers = {};
                spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(k) + 1);
                continue;
            }
        }
        // "Khankendi (Stepanakert)", "Zod (Sotk)": both names keep the places they share.
        std::vector<std::uint32_t> shared;
        for (const Hit& h : s.hits) {
            const std::uint32_t p = entries[h.entry].place;
            for (const Hit& g : a.hits) {
                if (entries[g.entry].place == p) {
                    shared.push_back(p);
                }
            }
        }
        if (shared.empty()) {
            continue;
        }
        const auto keep = [&](std::vector<Hit>& hits) {
            std::erase_if(hits, [&](const Hit& h) {
                return std::find(shared.begin(), shared.end(), entries[h.entry].place) ==
                       shared.end();
            });
        };
        keep(s.hits);
        keep(a.hits);
    }
}

// The area a span names, to place another span in: its region or country, else the biggest
// town of that name (a district named after its town: "Berd region").
std::vector<std::string> Geocoder::Impl::area_ids(const Span& span) const {
    const Place* best = nullptr;
    const auto rank_of = [](const Place& p) {
        return p.kind == PlaceKind::region ? 2 : p.kind == PlaceKind::country ? 1 : 0;
    };
    for (const auto& h : span.hits) {
        const Place& p = place_of(h.entry);
        if (p.kind != PlaceKind::region && p.kind != PlaceKind::country &&
            p.kind != PlaceKind::settlement) {
            continue;
        }
        if (best == nullptr || rank_of(p) > rank_of(*best) ||
            (rank_of(p) == rank_of(*best) && p.population > best->population)) {
            best = &p;
        }
    }
    if (best == nullptr) {
        return {};
    }
    return {best->id};
}

namespace {

void add_within(std::vector<std::string>& within, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        if (std::find(within.begin(), within.end(), id) == within.end()) {
            within.push_back(id);
        }
    }
}

} // namespace

void Geocoder::Impl::link_areas(std::string_view text, const std::vector<Token>& tokens,
                                std::vector<Span>& spans) const {
    // An area: a region or country, or any name followed by "district", "province", "region".
    const auto area_like = [&](const Span& s) {
        return lists.admin_units.contains(s.qualifiers.descriptor_word) ||
               has_kind(s, PlaceKind::region) || has_kind(s, PlaceKind::country);
    };
    // Placed in an area: a settlement or a point along the border, not an area or a line ("the
    // Armenian-Azerbaijani border in Gegharkunik province" is a stretch of the border there).
    const auto pointlike = [&](const Span& s) {
        return std::any_of(s.hits.begin(), s.hits.end(), [&](const Hit& h) {
            switch (place_of(h.entry).kind) {
            case PlaceKind::settlement:
            case PlaceKind::capital:
            case PlaceKind::checkpoint:
            case PlaceKind::bridge:
            case PlaceKind::height:
            case PlaceKind::pass:
                return true;
            default:
                return false;
            }
        });
    };
    for (std::size_t k = 0; k + 1 < spans.size(); ++k) {
        Span& s = spans[k];
        const Span& a = spans[k + 1];
        // "the Sadarak region of Nakhchivan", "Nakhchivan's Sadarak region": an area itself, not
        // one of several villages.
        const auto placed = [&](const Span& x) {
            return pointlike(x) && !lists.admin_units.contains(x.qualifiers.descriptor_word);
        };
        const bool a_possessive = possessive(token_text(text, tokens[a.last]));
        // "Tovuz district's Aghdam village", "Armenia's Sotk": the area comes first.
        if (s.last + 1 == a.first && !tokens[a.first].hard_break_before &&
            possessive(token_text(text, tokens[s.last])) && area_like(s)) {
            if (placed(a)) {
                add_within(spans[k + 1].within, area_ids(s));
            }
            continue;
        }
        if (!area_like(a) || !placed(s)) {
            continue;
        }
        // "Aghdam settlement of Tovuz", "Kut in Gegharkunik", "Chinari, Tavush", "Aghdam
        // (Tovuz)": the words between may be "of", "in", with "the".
        std::vector<std::string_view> between;
        for (std::size_t j = s.last + 1; j < a.first; ++j) {
            between.push_back(tokens[j].folded);
        }
        if (!between.empty() && between.back() == "the") {
            between.pop_back();
        }
        const std::string marks = gap_marks(text, tokens[s.last].end, tokens[a.first].begin);
        bool linked = false;
        if (between.size() == 1 && (between[0] == "of" || between[0] == "in")) {
            linked = marks.empty();
        } else if (between.empty()) {
            // Not "Arazdeyen settlement, Basarkechar region's Goysu settlement": a possessive
            // area after a comma belongs to the next name of a list.
            linked = (marks == "," && !area_like(s) && !a_possessive) ||
                     (marks == "(" && closing_bracket_after(text, tokens[a.last].end));
        }
        if (!linked) {
            continue;
        }
        // "Aghdam in Azerbaijan's Tovuz district", "Heydarabad settlement of Nakhchivan's
        // Sadarak region": the narrower area named next, and the country.
        const bool narrower = a_possessive && k + 2 < spans.size() &&
                              a.last + 1 == spans[k + 2].first && area_like(spans[k + 2]);
        if (!narrower || has_kind(a, PlaceKind::country)) {
            add_within(s.within, area_ids(a));
        }
        if (narrower) {
            add_within(s.within, area_ids(spans[k + 2]));
        }
    }
}

std::vector<TextMention> Geocoder::Impl::place_slots(std::string_view text,
                                                     const std::vector<Token>& tokens,
                                                     const std::vector<TextMention>& found) const {
    const auto covered = [&](std::size_t b, std::size_t e) {
        return std::any_of(found.begin(), found.end(),
                           [&](const TextMention& m) { return m.begin < e && b < m.end; });
    };
    const auto name_word = [&](const Token& t) {
        return t.capitalised && !detail::is_common_word(t.folded) &&
               !lists.person_titles.contains(t.folded) && !lists.admin_units.contains(t.folded);
    };
    // An area found next to a slot ("Goranboy district's X village", "the village of X in
    // Goranboy district"): a close spelling of a namesake elsewhere is not X.
    const auto is_area = [&](const TextMention& a) {
        if (!a.resolution.resolved || a.resolution.candidates.empty()) {
            return false;
        }
        const PlaceKind k = a.resolution.candidates.front().place->kind;
        return k == PlaceKind::region || k == PlaceKind::country;
    };
    const auto area_named_with = [&](const TextMention& m) {
        GeocodeContext context;
        for (const TextMention& a : found) {
            if (!is_area(a)) {
                continue;
            }
            bool linked = false;
            if (a.end <= m.begin) {
                const std::string_view gap = text.substr(a.end, m.begin - a.end);
                linked = possessive(a.surface) && gap.find_first_not_of(" ") == std::string::npos;
            } else if (a.begin >= m.end) {
                std::string gap(text.substr(m.end, a.begin - m.end));
                for (char& c : gap) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                for (const char* link : {" in ", " of ", " in the ", " of the ", ", ", " ("}) {
                    for (const char* word : {"", " village", " settlement"}) {
                        linked = linked || gap == std::string(word) + link;
                    }
                }
            }
            if (linked) {
                context.within_place_ids.push_back(a.resolution.candidates.front().place->id);
            }
        }
        return context;
    };
    std::vector<TextMention> out;
    const auto report = [&](std::size_t first, std::size_t last, std::string slot) {
        TextMention m;
        m.begin = tokens[first].begin;
        m.end = tokens[last].end;
        if (covered(m.begin, m.end) ||
            (!out.empty() && out.back().begin == m.begin && out.back().end == m.end)) {
            return;
        }
        m.surface = std::string(text.substr(m.begin, m.end - m.begin));
        Qualifiers q;
        m.resolution = rank(m.surface, lookup(m.surface, q), q, area_named_with(m));
        Resolution& r = m.resolution;
        if (r.resolved && r.candidates.front().score >= slot_fuzzy_score) {
            r.candidates.front().reason += "; written as a place (" + slot + ")";
            out.push_back(std::move(m));
            return;
        }
        r.resolved = false;
        r.ambiguous = false;
        r.note = "written as a place (" + slot + ") but not in the gazetteer";
        if (r.candidates.size() > detail::geocoding::max_suggestions) {
            r.candidates.resize(detail::geocoding::max_suggestions);
        }
        for (auto& c : r.candidates) {
            c.score = std::min(c.score, detail::geocoding::resolve_threshold - 0.01);
        }
        out.push_back(std::move(m));
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& w = tokens[i].folded;
        // "the village of X", "in the direction of X"
        if (lists.slot_before.contains(w) && i + 2 < tokens.size() &&
            tokens[i + 1].folded == "of") {
            std::size_t first = i + 2;
            if (tokens[first].folded == "the" && first + 1 < tokens.size()) {
                ++first;
            }
            std::size_t last = first;
            while (last < tokens.size() && last - first < max_slot_words &&
                   name_word(tokens[last]) && (last == first || !tokens[last].hard_break_before)) {
                ++last;
            }
            if (last > first && !tokens[first].hard_break_before) {
                report(first, last - 1, "'" + w + " of " + tokens[first].folded + "'");
            }
        }
        // "X village", "near X settlement"
        if (lists.slot_after.contains(w) && i > 0 && !tokens[i].hard_break_before) {
            std::size_t first = i;
            while (first > 0 && i - first < max_slot_words && name_word(tokens[first - 1]) &&
                   (first == i || !tokens[first].hard_break_before)) {
                --first;
            }
            if (first < i) {
                report(first, i - 1, "'" + tokens[i - 1].folded + " " + w + "'");
            }
        }
    }
    return out;
}

} // namespace sitmap::geo
