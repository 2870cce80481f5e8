#pragma once
// Internals of the geocoder shared by its source files: the name index and whole-name lookups
// (geocoder.cpp), ranking with context (detail/rank.cpp) and place mentions in running
// text (detail/mentions.cpp).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "geo/geocode/detail/fuzzy.hpp"
#include "geo/geocode/detail/words.hpp"
#include "geo/geocode/geocoder.hpp"

// In their own namespace: other modules have their own detail::Token and the like.
namespace sitmap::geo::detail::geocoding {

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

// A hit with the context terms that rank it among the other places of the same name.
struct Scored {
    Hit hit;
    double country_term = 0.0; // +1 in a hinted country, -1 outside them, 0 without hints
    double near_term = 0.0;    // 1 at a place mentioned nearby, falling to 0 at nearby_reach_m
    double near_m = 0.0;
    const Place* near_place = nullptr;
    // +1 inside the areas named with it; 0 without any, or just outside (within_slack_m);
    // -1 beyond. within_gap_m: how far outside.
    double within_term = 0.0;
    double within_gap_m = 0.0;
    const Place* within_place = nullptr;
    double prior = 0.0; // kind, population and focus, before any context
    double total = 0.0;
    bool focus = false; // in a country the gazetteer is about
};

// The weights of ranking (detail/rank.cpp). A candidate's total is its match quality (`base`,
// about 1 for an exact name) plus small context terms, so that context decides between places
// that match about equally well and never turns a poor match into a good one.
struct RankWeights {
    // total = base + country * country_term + nearby * near_term + prior * prior_term.
    static constexpr double country = 0.1;
    static constexpr double nearby = 0.12; // a place named nearby is the strongest context clue
    static constexpr double prior = 0.1;
    // A place mentioned nearby helps up to this distance: about a province or a border sector.
    static constexpr double nearby_reach_m = 150000.0;

    // The prior: kind (0.55-1) + population_share * log10(population + 1) / population_log_scale
    // (10 million people count 1) + focus_bonus in the gazetteer's focus countries.
    static constexpr double population_share = 0.5;
    static constexpr double population_log_scale = 7.0;
    // An unknown population (districts, many curated villages) counts as a village of about
    // a thousand (log10 = 3), so that a missing figure does not lose to any known one.
    static constexpr double unknown_population_log = 3.0;
    static constexpr double focus_bonus = 0.3;
    // "Aghdam district": the district, not the town; outweighs every other term.
    static constexpr double admin_area_bonus = 2.0;
    // "Khojavand district" found through the town's spelling: a little below a district whose
    // own name matched.
    static constexpr double via_town_penalty = 0.05;
    // A district or province has no population in the gazetteer; it counts as a town of about
    // 8,000 (log10 = 3.9): a bare "Gegharkunik", "Tavush" or "Sadarak" is the area rather than a
    // village of that name, while the towns districts are named after (Aghdam, Tovuz, Gadabay)
    // keep their name.
    static constexpr double unknown_area_population_log = 3.9;

    // An area the text names with the place ("Aghdam in Tovuz district"): the place inside it
    // wins over every namesake, whatever their kind and population.
    static constexpr double within = 0.5;
    // Inside an area: within its polygon (give or take this much for coarse outlines), in the
    // province or district its admin1 names, or this close to the town a district is named after
    // ("Chinarli settlement of Berd region").
    static constexpr double within_tolerance_m = 2000.0;
    static constexpr double district_reach_m = 30000.0;
    // A place this close outside the area named with it is still meant (coarse outlines, a
    // region named loosely: "the Hakari bridge in Nagorno-Karabakh"), with less confidence;
    // further away it is a namesake, and the name stays unresolved.
    static constexpr double within_slack_m = 40000.0;
    static constexpr double just_outside_factor = 0.85;

    // Rivals: other places matched about as well as the top one. Within same_kind_margin of its
    // base and of the same kind group they make the answer uncertain; within other_margin (a
    // district named after its town, an alias abroad) much less so.
    static constexpr double same_kind_margin = 0.025;
    static constexpr double other_margin = 0.1;
    // With a same-kind rival the score is scaled by min_confidence + confidence_per_margin * (the
    // lead in total), at most max_confidence: a clear lead is needed to resolve.
    static constexpr double min_confidence = 0.72;
    static constexpr double confidence_per_margin = 2.5;
    static constexpr double max_confidence = 0.98;
    // A weaker rival of another kind costs a little confidence.
    static constexpr double weaker_rival_factor = 0.96;
    // A place outside every hinted country is less likely meant.
    static constexpr double outside_hints_factor = 0.85;
    // The top place won by its own name when its base lead, so weighted, outweighs the rival's
    // better prior (the rival lists the name only as an alias).
    static constexpr double base_lead_over_prior = 10.0;
    // Runners-up: a fraction of their base, and always below the top candidate.
    static constexpr double runner_up_factor = 0.6;
    static constexpr double runner_up_gap = 0.01;
    // Terms that differ by less are equal (floating-point noise).
    static constexpr double tie = 1e-9;
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

std::string join(const std::vector<std::string>& words, std::size_t from = 0,
                 std::size_t to = std::string::npos);
std::vector<std::string> skeletons_of(const std::vector<std::string>& words);
// Sorted content words of a border-sector phrase ("eastern part of the state border" ->
// "border east"); empty unless at least two content words remain.
std::string phrase_key(const std::vector<std::string>& folded_words);
std::string km_text(double metres);
std::string in_quotes(std::string_view s);
std::string upper_ascii(std::string_view s);

} // namespace sitmap::geo::detail::geocoding

namespace sitmap::geo {

// The gazetteer's names indexed every way the geocoder looks them up. Immutable after
// construction, so one geocoder serves many threads.
struct Geocoder::Impl {
    using Entry = detail::geocoding::Entry;
    using Hit = detail::geocoding::Hit;
    using Index = detail::geocoding::Index;
    using NameSource = detail::geocoding::NameSource;
    using Qualifiers = detail::geocoding::Qualifiers;
    using Scored = detail::geocoding::Scored;
    using StringHash = detail::geocoding::StringHash;
    using Token = detail::geocoding::Token;

    const Gazetteer* gazetteer = nullptr;
    std::vector<Entry> entries;
    Index by_surface;    // raw name as written in the gazetteer
    Index by_folded;     // folded words joined by spaces
    Index by_skeleton;   // skeleton words joined by spaces
    Index by_phrase;     // border-sector phrase keys
    Index by_first_word; // skeleton of the first word -> entries (for running text)
    // Curated names of three words or more that open with a common word and hold a name
    // ("checkpoint on the Lachin road"): looked up from lower-case words in running text too.
    Index by_lowercase_first;
    std::unordered_set<std::string, StringHash, std::equal_to<>> phrase_vocabulary; // their words
    // Another one-word spelling of a place a phrase names -> the phrase's word for it.
    std::unordered_map<std::string, std::string_view, StringHash, std::equal_to<>> phrase_spellings;
    // Misspelt names: built on the first fuzzy lookup (most queries and texts match a name
    // exactly or by its folded or skeleton key, and a one-name lookup should not pay for it).
    struct Fuzzy {
        detail::FuzzyIndex index;
        std::vector<std::string> keys; // fuzzy id -> skeleton key
    };
    const Fuzzy& fuzzy() const;
    std::vector<std::uint32_t> settlements;
    std::unordered_map<std::string, std::string> country_names; // ISO2 -> English name
    // Countries holding at least a fifth of the settlements: the gazetteer's focus (AM, AZ for
    // sitmap's data), preferred over namesakes elsewhere.
    std::unordered_set<std::string> focus_countries;
    // Each place's admin1 as an area key (area_key), by place index: "Tovuz", "Tovuz District"
    // and "Tovuz rayonu" meet.
    std::vector<std::string> admin_keys;
    // Word lists of the mention scan (data/lexicon/en/*.tsv), read once.
    struct Words {
        std::unordered_set<std::string, StringHash, std::equal_to<>> person_titles;
        std::unordered_set<std::string, StringHash, std::equal_to<>> patronymic_words;
        std::vector<std::string> patronymic_endings;
        std::unordered_set<std::string, StringHash, std::equal_to<>> admin_units;
        std::unordered_set<std::string, StringHash, std::equal_to<>> slot_before;
        std::unordered_set<std::string, StringHash, std::equal_to<>> slot_after;
        std::unordered_set<std::string, StringHash, std::equal_to<>> border_modifiers;
        std::unordered_set<std::string, StringHash, std::equal_to<>> name_prefixes;
        // Words before a person's home ("soldier from", "native of"), from place_direction.tsv.
        std::vector<std::vector<std::string>> home_phrases;
    };
    Words lists;

private:
    mutable std::once_flag fuzzy_once;
    mutable Fuzzy fuzzy_built;

public:
    struct Span {
        std::size_t first = 0; // token indices [first, last]
        std::size_t last = 0;
        std::vector<Hit> hits;
        Qualifiers qualifiers;
        std::vector<std::string> within; // ids of the areas the text puts it in
    };

    // geocoder.cpp: the index and whole-name lookups.
    explicit Impl(const Gazetteer& g);
    const Place& place_of(std::uint32_t entry) const {
        return gazetteer->places()[entries[entry].place];
    }
    void add_entry(std::uint32_t p, const std::string& surface, NameSource source);
    // An Azerbaijani name also under the spellings English-language media give it (schwa as
    // "a", "kend"): entries that keep the name as written, with only their keys new.
    void add_english_of_azerbaijani(std::uint32_t p, const std::string& name, bool is_azerbaijani);
    void index_entry(Entry e);
    // `how` says how the entry matched ("transliteration of"); the entry's name is appended.
    void add_hits(const std::vector<std::uint32_t>& ids, MatchKind kind, double base,
                  const std::string& how, std::vector<Hit>& hits) const;
    // Exact, folded, transliterated, inflected, phrase and fuzzy lookups of folded words.
    void match_words(const std::vector<std::string>& words, bool non_latin, bool allow_fuzzy,
                     std::vector<Hit>& hits) const;
    // Descriptors and leading words around a query ("the", "village of", "Sotk region").
    void strip_qualifiers(std::vector<std::string>& words, Qualifiers& q) const;
    std::vector<Hit> lookup(std::string_view query, Qualifiers& q) const;
    // Splits "Martuni, Armenia" / "Aghdam (Tovuz)" into the name and a qualifier that becomes
    // context: a country hint or a nearby place.
    std::string_view split_qualifier(std::string_view query, GeocodeContext& context) const;
    // A name of an area folded for comparing with admin1 values: skeleton words without the
    // words of administrative units ("Tovuz District" -> "tovuz").
    std::string area_key(std::string_view name) const;
    std::vector<std::string> area_keys(const Place& area) const;
    // How far the place lies outside the area (`keys`: its area_keys); 0 inside: in the
    // country, in the province or district its admin1 names, within the region's outline, or
    // near the town a district is named after. Another country is infinitely far.
    double outside_m(const Place& place, const Place& area,
                     const std::vector<std::string>& keys) const;

    // detail/rank.cpp: matches -> ranked candidates with scores and reasons.
    Resolution rank(std::string_view query, std::vector<Hit> hits, const Qualifiers& q,
                    const GeocodeContext& context) const;
    // One hit per place (its best), scored with the context, best first.
    std::vector<Scored> score_hits(std::vector<Hit> hits, const Qualifiers& q,
                                   const GeocodeContext& context) const;
    // The best place with its score and reason: how clearly it beat its rivals and what decided;
    // marks the resolution ambiguous when only kind and population did.
    Candidate top_candidate(const std::vector<Scored>& scored, const Qualifiers& q,
                            Resolution& r) const;

    // detail/mentions.cpp: running text.
    std::vector<Token> tokenize(std::string_view text) const;
    // Does the text word match the entry word (last word may carry a case ending)?
    static int word_match(const Token& t, const std::string& entry_skeleton, bool last);
    void consider_entry(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                        std::uint32_t id, Span& best, bool& found) const;
    bool match_phrase(const std::vector<Token>& tokens, std::size_t i, Span& best) const;
    // The word a border-sector phrase knows for a token: its content word, or for another
    // spelling of a place's one-word name ("Nakhichevan"), that name's word ("nakhchivan").
    std::string_view phrase_word(const Token& t) const;
    // Place mentions in token order, in the phases below.
    std::vector<Span> scan(std::string_view text, const std::vector<Token>& tokens) const;
    // Names starting at token i (gazetteer entries from that word, inflected or with a Russian
    // case ending; a word of position with the name after it) into best/found. Returns the token
    // to go on from when the words at i are passed over (a person, a prefixed name that does not
    // resolve), else i.
    std::size_t match_name(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                           Span& best, bool& found) const;
    // A border-sector phrase from token i replaces the name when it reaches past the name and
    // its descriptor.
    void prefer_phrase(const std::vector<Token>& tokens, std::size_t i, Span& best,
                       bool& found) const;
    // The token to go on from when the span is not a mention after all (a longer phrase starts
    // inside it; a one-word name followed by a surname), else nothing.
    std::optional<std::size_t> passed_over(const std::vector<Token>& tokens,
                                           const Span& best) const;
    // "Sotk region", "the Nakhchivan Autonomous Republic": the descriptor joins the span.
    void attach_descriptor(const std::vector<Token>& tokens, Span& best) const;
    // "the Kalbajar and Lachin regions": the plural descriptor after a list describes each name.
    void distribute_plural_descriptors(std::string_view text, const std::vector<Token>& tokens,
                                       std::vector<Span>& spans) const;
    // Capitalised words at i that are a person's name (after a rank or title, or a run ending
    // in a patronymic): the index past them, or i when they are not.
    std::size_t skip_person(std::string_view text, const std::vector<Token>& tokens,
                            std::size_t i) const;
    // Is the span an acronym that spells a village ("GEL", "ARKA"), or a generic border phrase
    // that modifies a noun ("border area", "Armenian border guards")?
    bool not_a_place(std::string_view text, const std::vector<Token>& tokens,
                     const Span& span) const;
    bool has_kind(const Span& span, PlaceKind kind) const;
    // "a 19-year-old from the village of X", "a native of X": a person's home, which says nothing
    // of where the text's other places are.
    bool names_a_home(const std::vector<Token>& tokens, const Span& span) const;
    // The area a span names, to place another span in: its region or country, else the
    // biggest town of that name (a district named after its town: "Berd region").
    std::vector<std::string> area_ids(const Span& span) const;
    // "Aghdam settlement of Tovuz district", "Chinari, Tavush", "Kalbajar district's Zar": the
    // areas each span is placed in (Span::within).
    void link_areas(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<Span>& spans) const;
    // "Khankendi (Stepanakert)": both names keep only the places they share; "Berdzor (Lachin)
    // corridor": one span, the entry the first name and the words after the bracket make.
    void join_brackets(std::string_view text, const std::vector<Token>& tokens,
                       std::vector<Span>& spans) const;
    // Every place mention in a text (Geocoder::find_mentions); `tokens` are tokenize(text).
    std::vector<TextMention> mentions(std::string_view text, const std::vector<Token>& tokens,
                                      const GeocodeContext& context) const;
    // Geocoder::find_place_slots; `tokens` are tokenize(text).
    std::vector<TextMention> place_slots(std::string_view text, const std::vector<Token>& tokens,
                                         const std::vector<TextMention>& found) const;
};

} // namespace sitmap::geo
