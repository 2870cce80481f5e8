// Place mentions in running text: words folded once each, names matched from their first word
// (longest first, case endings allowed on the last), border-sector phrases, descriptors; then
// ambiguous names ranked again with the certain places written near them.

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "geo/geocode/detail/geocoder_impl.hpp"
#include "geo/geocode/name_folding.hpp"

namespace sitmap::geo {

using detail::Descriptor;
using detail::geocoding::join;
using detail::geocoding::russian_endings;
using detail::geocoding::Token;

namespace {
// A name written with a word of position ("Yukhari Shorzha") is taken when looked up whole it
// resolves at least this well (one edit from a known spelling scores about 0.78).
constexpr double prefixed_name_score = 0.7;
} // namespace

std::vector<Token> Geocoder::Impl::tokenize(std::string_view text) const {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 6);
    // Words repeat (names, common words); fold each distinct one once.
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
        // (Whether a word is ASCII follows from its bytes, so one cache serves both kinds.)
        auto it = cache.find(word);
        if (it == cache.end()) {
            std::string f = detail::fold(word);
            if (!ascii) {
                f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
            }
            std::string sk = detail::skeleton(f);
            it = cache.emplace(word, std::pair{std::move(f), std::move(sk)}).first;
        }
        t.folded = it->second.first;
        t.skeleton = it->second.second;
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

// Does the text word match the entry word (last word may carry a case ending)?
int Geocoder::Impl::word_match(const Token& t, const std::string& entry_skeleton, bool last) {
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

void Geocoder::Impl::consider_entry(std::string_view text, const std::vector<Token>& tokens,
                                    std::size_t i, std::uint32_t id, Span& best,
                                    bool& found) const {
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
        best = Span{i, last, {}, {}, {}};
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
        base = 1.0;
    }
    add_hits({id}, kind, base, how, best.hits);
}

std::string_view Geocoder::Impl::phrase_word(const Token& t) const {
    const std::string_view c = detail::content_word(t.folded);
    if (c.empty() || phrase_vocabulary.contains(c)) {
        return c;
    }
    // Another spelling of a name the phrases use ("the Nakhichevan border"): the word of that
    // place's own one-word name.
    if (const auto it = phrase_spellings.find(t.folded);
        t.capitalised && it != phrase_spellings.end()) {
        return it->second;
    }
    return c;
}

bool Geocoder::Impl::match_phrase(const std::vector<Token>& tokens, std::size_t i,
                                  Span& best) const {
    const std::string_view first = phrase_word(tokens[i]);
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
        const std::string_view c = phrase_word(tokens[j]);
        if (!phrase_vocabulary.contains(c)) {
            break;
        }
        if (std::find(content.begin(), content.end(), c) == content.end()) {
            content.emplace_back(c);
        }
        std::vector<std::string> sorted = content;
        std::sort(sorted.begin(), sorted.end());
        if (const auto it = by_phrase.find(join(sorted)); it != by_phrase.end()) {
            best = Span{i, j, {}, {}, {}};
            add_hits(it->second, MatchKind::phrase, 0.85, "phrase naming", best.hits);
            found = true;
        }
    }
    return found;
}

std::size_t Geocoder::Impl::match_name(std::string_view text, const std::vector<Token>& tokens,
                                       std::size_t i, Span& best, bool& found) const {
    const Token& t = tokens[i];
    if (t.capitalised) {
        // "first lieutenant Badalli Ramal": a person, even where a village has the name.
        if (const std::size_t past = skip_person(text, tokens, i); past > i) {
            return past;
        }
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
                    const std::string_view stem(t.skeleton.data(), t.skeleton.size() - s->size());
                    if (const auto it = by_first_word.find(stem); it != by_first_word.end()) {
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
    if (!t.capitalised) {
        if (const auto it = by_lowercase_first.find(t.skeleton); it != by_lowercase_first.end()) {
            for (const std::uint32_t id : it->second) {
                consider_entry(text, tokens, i, id, best, found);
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
    // "Yukhari Shorzha", "Nerkin Hand": a word of position before a name is part of it, and
    // the bare name is another village (Shorzha was the old name of Shoghakat, 66 km from
    // Verin Shorzha). When no entry matched from that word, the two words are looked up
    // together, a close spelling allowed; without a good match neither is a mention here (a
    // place slot around them still reports the name as not located).
    if (!found && t.capitalised && lists.name_prefixes.contains(t.folded) &&
        i + 1 < tokens.size() && tokens[i + 1].capitalised && !tokens[i + 1].hard_break_before) {
        const std::string_view name = text.substr(t.begin, tokens[i + 1].end - t.begin);
        Qualifiers q;
        std::vector<Hit> hits = lookup(name, q);
        const Resolution r = rank(name, hits, q, {});
        if (!r.resolved || r.candidates.empty() ||
            r.candidates.front().score < prefixed_name_score) {
            return i + 2;
        }
        best = Span{i, i + 1, std::move(hits), {}, {}};
        found = true;
    }
    return i;
}

void Geocoder::Impl::prefer_phrase(const std::vector<Token>& tokens, std::size_t i, Span& best,
                                   bool& found) const {
    // A phrase wins over a name only beyond the name's descriptor: "Tovuz district" is the
    // district, not the phrase of "the Tovuz district direction".
    std::size_t name_end = best.last;
    if (found && best.last + 1 < tokens.size() && !tokens[best.last + 1].hard_break_before &&
        detail::descriptor_after(tokens[best.last + 1].folded) != Descriptor::none) {
        ++name_end;
    }
    Span phrase;
    if (match_phrase(tokens, i, phrase) && (!found || phrase.last > name_end)) {
        best = std::move(phrase);
        found = true;
    }
}

std::optional<std::size_t> Geocoder::Impl::passed_over(const std::vector<Token>& tokens,
                                                       const Span& best) const {
    // A phrase that starts inside the name and runs past it wins: "Armenia's border with
    // Nakhichevan" is the Nakhchivan sector, not "Armenia's border" and the city.
    if (best.last > best.first) {
        Span longer;
        std::size_t j = best.first + 1;
        while (j <= best.last && !(match_phrase(tokens, j, longer) && longer.last > best.last)) {
            ++j;
        }
        if (j <= best.last) {
            return j;
        }
    }
    // "Ararat Mirzoyan": a one-word place name followed by a surname is a person.
    const bool one_word = best.first == best.last && !best.hits.empty() &&
                          best.hits.front().match != MatchKind::phrase;
    if (one_word && best.last + 1 < tokens.size() && !tokens[best.last + 1].hard_break_before &&
        tokens[best.last + 1].capitalised &&
        detail::looks_like_surname(tokens[best.last + 1].folded) &&
        by_first_word.find(tokens[best.last + 1].skeleton) == by_first_word.end()) {
        return best.last + 2;
    }
    return std::nullopt;
}

void Geocoder::Impl::attach_descriptor(const std::vector<Token>& tokens, Span& best) const {
    // A descriptor right after the name: "Sotk region", "Goris town".
    if (best.last + 1 >= tokens.size() || tokens[best.last + 1].hard_break_before) {
        return;
    }
    const std::string& w = tokens[best.last + 1].folded;
    const Descriptor d = detail::descriptor_after(w);
    if (d != Descriptor::none) {
        best.qualifiers.descriptor = d;
        best.qualifiers.descriptor_word = w;
        ++best.last;
    } else if (w == "autonomous" && best.last + 2 < tokens.size() &&
               lists.admin_units.contains(tokens[best.last + 2].folded)) {
        // "the Nakhchivan Autonomous Republic", "the Nagorno-Karabakh Autonomous
        // Oblast": the area of that name.
        best.qualifiers.descriptor = Descriptor::admin_area;
        best.qualifiers.descriptor_word = tokens[best.last + 2].folded;
        best.last += 2;
    }
}

// In phases, token by token: the name starting here (match_name), a border-sector phrase that
// reaches further (prefer_phrase), spans left to a longer phrase or a person (passed_over), and
// the descriptor after the name (attach_descriptor).
std::vector<Geocoder::Impl::Span> Geocoder::Impl::scan(std::string_view text,
                                                       const std::vector<Token>& tokens) const {
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < tokens.size()) {
        Span best;
        bool found = false;
        if (const std::size_t past = match_name(text, tokens, i, best, found); past != i) {
            i = past;
            continue;
        }
        prefer_phrase(tokens, i, best, found);
        if (!found) {
            ++i;
            continue;
        }
        if (const std::optional<std::size_t> resume = passed_over(tokens, best)) {
            i = *resume;
            continue;
        }
        attach_descriptor(tokens, best);
        i = best.last + 1;
        if (!not_a_place(text, tokens, best)) {
            spans.push_back(std::move(best));
        }
    }
    distribute_plural_descriptors(text, tokens, spans);
    return spans;
}

void Geocoder::Impl::distribute_plural_descriptors(std::string_view text,
                                                   const std::vector<Token>& tokens,
                                                   std::vector<Span>& spans) const {
    for (std::size_t k = spans.size(); k-- > 1;) {
        const Qualifiers q = spans[k].qualifiers;
        if (!detail::is_plural_descriptor(q.descriptor_word)) {
            continue;
        }
        // Back over the names of the list: joined by commas, "and" or "or", nothing else. After a
        // list, "settlements" and "villages" name each place itself ("Zamanli, Garavallar
        // settlements"); after one name they are the villages around it ("the Gazakh villages").
        const bool each_a_place =
            q.descriptor_word == "villages" || q.descriptor_word == "settlements";
        bool list = false;
        for (std::size_t j = k; j-- > 0;) {
            Span& before = spans[j];
            const std::size_t next = spans[j + 1].first;
            bool joined = before.last + 1 <= next && before.qualifiers.descriptor_word.empty();
            for (std::size_t t = before.last + 1; t < next && joined; ++t) {
                joined = tokens[t].folded == "and" || tokens[t].folded == "or";
            }
            for (std::size_t t = before.last + 1; t <= next && joined; ++t) {
                const std::string_view gap =
                    text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
                joined = gap.find_first_not_of(" ,") == std::string_view::npos;
            }
            if (!joined) {
                break;
            }
            before.qualifiers.descriptor = each_a_place ? Descriptor::same_place : q.descriptor;
            before.qualifiers.descriptor_word = q.descriptor_word;
            list = true;
        }
        if (list && each_a_place) {
            spans[k].qualifiers.descriptor = Descriptor::same_place;
        }
    }
}

bool Geocoder::Impl::names_a_home(const std::vector<Token>& tokens, const Span& span) const {
    const auto phrase_ends_before = [&](std::size_t j) {
        for (const auto& phrase : lists.home_phrases) {
            const std::size_t n = phrase.size();
            bool match = n > 0 && j >= n;
            for (std::size_t k = 0; k < n && match; ++k) {
                const Token& t = tokens[j - n + k];
                match = t.folded == phrase[k] && (k == 0 || !t.hard_break_before);
            }
            if (match) {
                return true;
            }
        }
        return false;
    };
    // Over "the village of" to the words before it.
    std::size_t j = span.first;
    for (int n = 0; j > 0 && n < 5 && !tokens[j].hard_break_before; ++n) {
        if (phrase_ends_before(j)) {
            return true;
        }
        const std::string& w = tokens[j - 1].folded;
        if (w != "the" && w != "of" && !lists.slot_before.contains(w)) {
            return false;
        }
        --j;
    }
    return false;
}

std::vector<TextMention> Geocoder::Impl::mentions(std::string_view text,
                                                  const std::vector<Token>& tokens,
                                                  const GeocodeContext& context) const {
    std::vector<Impl::Span> spans = scan(text, tokens);
    join_brackets(text, tokens, spans);
    link_areas(text, tokens, spans);
    // The context of one span: the text's, with the areas it is placed in.
    const auto span_context = [&context](const Span& span) {
        GeocodeContext c = context;
        c.within_place_ids.insert(c.within_place_ids.end(), span.within.begin(), span.within.end());
        return c;
    };
    const auto cache_key = [](const std::string& surface, const Span& span) {
        std::string key = surface;
        for (const auto& id : span.within) {
            key += "|in:" + id;
        }
        return key;
    };
    std::vector<TextMention> mentions;
    mentions.reserve(spans.size());
    // First pass without the text's own places; then the ambiguous mentions again, with the
    // places that were certain as nearby context. The same surface ranks the same way within a
    // pass, so each distinct one is ranked once.
    std::vector<std::pair<std::size_t, std::string>> certain; // (offset, place id)
    bool ambiguous = false;
    std::unordered_map<std::string, Resolution> ranked;
    for (const auto& span : spans) {
        TextMention m;
        m.begin = tokens[span.first].begin;
        m.end = tokens[span.last].end;
        m.surface = std::string(text.substr(m.begin, m.end - m.begin));
        const std::string key = cache_key(m.surface, span);
        auto it = ranked.find(key);
        if (it == ranked.end()) {
            it =
                ranked.emplace(key, rank(m.surface, span.hits, span.qualifiers, span_context(span)))
                    .first;
        }
        const Resolution& r = it->second;
        if (r.resolved && r.candidates.front().score >= 0.85 && !names_a_home(tokens, span)) {
            certain.emplace_back(m.begin, r.candidates.front().place->id);
        }
        ambiguous = ambiguous || r.candidates.size() > 1;
        m.resolution = r;
        mentions.push_back(std::move(m));
    }
    if (!ambiguous || certain.empty()) {
        return mentions;
    }
    // Ambiguous mentions again, with the certain places written close to them (the same
    // paragraph, roughly) as context; with all of the text's certain places if none are close.
    constexpr std::size_t window = 600;
    std::unordered_map<std::string, Resolution> reranked;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        TextMention& m = mentions[i];
        if (m.resolution.candidates.size() < 2) {
            continue;
        }
        GeocodeContext local = span_context(spans[i]);
        for (int pass = 0;
             pass < 2 && local.nearby_place_ids.size() == context.nearby_place_ids.size(); ++pass) {
            for (const auto& [offset, id] : certain) {
                const std::size_t gap = offset > m.begin ? offset - m.begin : m.begin - offset;
                if (offset != m.begin && (pass == 1 || gap <= window) &&
                    std::find(local.nearby_place_ids.begin(), local.nearby_place_ids.end(), id) ==
                        local.nearby_place_ids.end()) {
                    local.nearby_place_ids.push_back(id);
                }
            }
        }
        std::string key = cache_key(m.surface, spans[i]);
        for (const auto& id : local.nearby_place_ids) {
            key += "|" + id;
        }
        auto it = reranked.find(key);
        if (it == reranked.end()) {
            it = reranked.emplace(key, rank(m.surface, spans[i].hits, spans[i].qualifiers, local))
                     .first;
        }
        m.resolution = it->second;
    }
    return mentions;
}

} // namespace sitmap::geo
