// Ranking the places that match a name: match quality, then country hints, places nearby and
// kind/population priors; the clues that decided go into the reason.

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/geocode/detail/geocoder_impl.hpp"
#include "geo/geocode/name_folding.hpp"

namespace sitmap::geo {
namespace {

using detail::Descriptor;
using detail::geocoding::in_quotes;
using detail::geocoding::km_text;
using detail::geocoding::max_candidates;
using detail::geocoding::max_suggestions;
using detail::geocoding::Qualifiers;
using detail::geocoding::resolve_threshold;
using detail::geocoding::Scored;
using detail::geocoding::upper_ascii;
using W = detail::geocoding::RankWeights;

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
    // A district or province as likely as a settlement; population decides between them.
    case PlaceKind::settlement:
    case PlaceKind::region:
        return 0.8;
    case PlaceKind::city_abroad:
        return 0.75;
    case PlaceKind::corridor:
        return 0.7;
    default:
        return 0.55;
    }
}

// Kind, population and focus: how likely the place is meant before any context. `unit`: the
// name was written with the word of an administrative unit ("district", "region"); `town`: with
// the word of a settlement ("Nakhchivan city", "the town of Shusha").
double place_prior(const Place& place, bool focus, bool unit, bool town) {
    const bool area = place.kind == PlaceKind::region;
    const double unknown = area ? W::unknown_area_population_log : W::unknown_population_log;
    const double pop = place.population > 0
                           ? std::min(1.0, std::log10(static_cast<double>(place.population) + 1.0) /
                                               W::population_log_scale)
                           : unknown / W::population_log_scale;
    double prior =
        kind_prior(place.kind) + W::population_share * pop + (focus ? W::focus_bonus : 0.0);
    // "Aghdam district", "the Sadarak region": the district, not the town.
    if (area && unit) {
        prior += W::admin_area_bonus;
    }
    if (area && town) {
        prior -= W::admin_area_bonus;
    }
    return prior;
}

// Rivals are compared within groups of kinds: towns, cities and capitals together, any other
// kind on its own.
int rival_group(PlaceKind k) {
    const bool populated =
        k == PlaceKind::settlement || k == PlaceKind::capital || k == PlaceKind::city_abroad;
    return populated ? -1 : static_cast<int>(k);
}

enum class Decision { country, nearby, within, descriptor, own_name, prior };

// What decided between the top place and a rival of the same kind.
Decision decided_by(const Scored& top, const Scored& rival, const Qualifiers& q) {
    if (top.within_term > rival.within_term) {
        return Decision::within;
    }
    if (top.country_term > rival.country_term) {
        return Decision::country;
    }
    if (top.near_term > rival.near_term + W::tie) {
        return Decision::nearby;
    }
    if (q.descriptor == Descriptor::admin_area) {
        return Decision::descriptor;
    }
    if (top.hit.base > rival.hit.base &&
        top.prior <= rival.prior + (top.hit.base - rival.hit.base) * W::base_lead_over_prior) {
        return Decision::own_name;
    }
    return Decision::prior;
}

std::string decision_text(Decision d, const Scored& top, const Scored& rival,
                          const Place& top_place, const Qualifiers& q) {
    switch (d) {
    case Decision::within:
        return "the area named with it (" + top.within_place->name + ")";
    case Decision::country:
        return "country hint";
    case Decision::nearby:
        return "nearby places in the text";
    case Decision::descriptor:
        return in_quotes(q.descriptor_word) + " in the name";
    case Decision::own_name:
        return "its own name (the other lists it as an alias)";
    case Decision::prior:
        break;
    }
    return "kind and population alone (" + std::string(to_string(top_place.kind)) +
           (top_place.population > 0 ? ", population " + std::to_string(top_place.population)
                                     : std::string()) +
           (top.focus && !rival.focus ? ", in " + top_place.country : "") +
           "): ambiguous without context";
}

} // namespace

std::vector<Geocoder::Impl::Scored>
Geocoder::Impl::score_hits(std::vector<Hit> hits, const Qualifiers& q,
                           const GeocodeContext& context) const {
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
        return {};
    }
    // Nearby places that are themselves candidates here say nothing about which one is meant.
    std::vector<const Place*> nearby;
    for (const auto& id : context.nearby_place_ids) {
        const Place* p = gazetteer->find(id);
        const bool candidate = std::any_of(
            hits.begin(), hits.end(), [this, p](const Hit& h) { return &place_of(h.entry) == p; });
        if (p != nullptr && !candidate) {
            nearby.push_back(p);
        }
    }
    // Areas named with the place; one that is itself a candidate says nothing.
    std::vector<const Place*> areas;
    std::vector<std::vector<std::string>> area_names;
    for (const auto& id : context.within_place_ids) {
        const Place* p = gazetteer->find(id);
        const bool candidate = std::any_of(
            hits.begin(), hits.end(), [this, p](const Hit& h) { return &place_of(h.entry) == p; });
        if (p != nullptr && !candidate) {
            areas.push_back(p);
            area_names.push_back(area_keys(*p));
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
        for (const Place* other : hits.size() > 1 ? nearby : std::vector<const Place*>{}) {
            // Countries are too coarse to tell two places apart (and come as hints).
            if (other == &place || other->kind == PlaceKind::country) {
                continue;
            }
            // Inside a mentioned district, along a mentioned corridor, or near a town; a
            // candidate district or province holds the towns mentioned in it.
            const double d = !std::holds_alternative<PointGeom>(other->geometry)
                                 ? distance_m(place.anchor, other->geometry)
                             : !std::holds_alternative<PointGeom>(place.geometry)
                                 ? distance_m(other->anchor, place.geometry)
                                 : distance_m(place.anchor, other->anchor);
            if (d < s.near_m) {
                s.near_m = d;
                s.near_place = other;
            }
        }
        if (s.near_place != nullptr && s.near_m < W::nearby_reach_m) {
            s.near_term = 1.0 - s.near_m / W::nearby_reach_m;
        }
        // Inside every area named ("in Azerbaijan's Tovuz district"); the reason names the
        // narrowest, or the one it is furthest outside of.
        for (std::size_t a = 0; a < areas.size(); ++a) {
            const double gap = outside_m(place, *areas[a], area_names[a]);
            if (gap > 0.0 && gap >= s.within_gap_m) {
                s.within_gap_m = gap;
                s.within_place = areas[a];
            } else if (s.within_gap_m == 0.0 &&
                       (s.within_place == nullptr || s.within_place->kind == PlaceKind::country)) {
                s.within_place = areas[a];
            }
        }
        if (!areas.empty()) {
            s.within_term = s.within_gap_m == 0.0                 ? 1.0
                            : s.within_gap_m <= W::within_slack_m ? 0.0
                                                                  : -1.0;
        }
        s.focus = focus_countries.contains(place.country);
        s.prior = place_prior(place, s.focus,
                              q.descriptor == Descriptor::admin_area ||
                                  lists.admin_units.contains(q.descriptor_word),
                              q.descriptor == Descriptor::same_place);
        s.total = hit.base + W::country * s.country_term + W::nearby * s.near_term +
                  W::within * s.within_term + W::prior * s.prior;
        s.hit = std::move(hit);
        scored.push_back(std::move(s));
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.total > b.total; });
    return scored;
}

Candidate Geocoder::Impl::top_candidate(const std::vector<Scored>& scored, const Qualifiers& q,
                                        Resolution& r) const {
    const Scored& top = scored.front();
    const Place& top_place = place_of(top.hit.entry);
    std::string reason = top.hit.how;
    double score = top.hit.base;
    // Rivals: other places matched as well as the top one. Same-kind rivals (two towns called
    // Martuni) make the answer uncertain; a district named after its town, or a weaker match
    // (an alias of a place abroad), much less so.
    const Scored* rival = nullptr;
    std::size_t same_kind = 0;
    std::size_t others = 0;
    for (std::size_t i = 1; i < scored.size(); ++i) {
        const Place& other = place_of(scored[i].hit.entry);
        if (scored[i].hit.base >= top.hit.base - W::same_kind_margin &&
            rival_group(other.kind) == rival_group(top_place.kind)) {
            ++same_kind;
            rival = rival == nullptr ? &scored[i] : rival;
        } else if (scored[i].hit.base >= top.hit.base - W::other_margin) {
            ++others;
        }
    }
    std::vector<std::string> clues;
    if (top.within_term > 0) {
        clues.push_back("in " + top.within_place->name + ", named with it");
    } else if (top.within_place != nullptr && top.within_term == 0) {
        clues.push_back(km_text(top.within_gap_m) + " outside " + top.within_place->name +
                        ", named with it");
        score *= W::just_outside_factor;
    }
    if (top.country_term > 0) {
        clues.push_back("country hint " + top_place.country);
    } else if (top.country_term < 0) {
        clues.push_back("outside the hinted countries");
        score *= W::outside_hints_factor;
    }
    const bool near_helped =
        top.near_term > 0 && (scored.size() == 1 || top.near_term > scored[1].near_term + W::tie);
    if (near_helped) {
        clues.push_back(km_text(top.near_m) + " from " + top.near_place->name +
                        ", mentioned nearby");
    }
    if (rival != nullptr) {
        const double margin = top.total - rival->total;
        const double confidence = std::clamp(W::min_confidence + W::confidence_per_margin * margin,
                                             W::min_confidence, W::max_confidence);
        score *= confidence;
        const Decision d = decided_by(top, *rival, q);
        // Ambiguous: matched as well as the rival, chosen by kind and population alone.
        r.ambiguous = d == Decision::prior && top.hit.base <= rival->hit.base + W::tie;
        reason += "; " + std::to_string(same_kind + 1) + " places match, chosen by " +
                  decision_text(d, top, *rival, top_place, q);
    } else if (others > 0) {
        score *= W::weaker_rival_factor;
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
    return first;
}

Resolution Geocoder::Impl::rank(std::string_view query, std::vector<Hit> hits, const Qualifiers& q,
                                const GeocodeContext& context) const {
    Resolution r;
    r.query = std::string(query);
    // "Khojavand district": the district named after the town the name spells, though the
    // district lists only other spellings of it (Khojavend).
    if (q.descriptor == Descriptor::admin_area || lists.admin_units.contains(q.descriptor_word)) {
        std::vector<Hit> districts;
        for (const Hit& h : hits) {
            const Place& town = place_of(h.entry);
            if (town.kind != PlaceKind::settlement) {
                continue;
            }
            const auto it = by_folded.find(detail::fold(town.name));
            if (it == by_folded.end()) {
                continue;
            }
            for (const std::uint32_t id : it->second) {
                const Place& area = place_of(id);
                // Only the district the town lies in, and below any district the name itself
                // matched ("Tovuz district" is Tovuz's, not Tavush's through a village alias).
                if (area.kind == PlaceKind::region && area.country == town.country &&
                    outside_m(town, area, area_keys(area)) == 0.0 &&
                    std::none_of(hits.begin(), hits.end(),
                                 [&](const Hit& o) { return &place_of(o.entry) == &area; })) {
                    districts.push_back({id, h.match, h.base - W::via_town_penalty,
                                         h.how + " (the district of " + town.name + ")"});
                }
            }
        }
        hits.insert(hits.end(), districts.begin(), districts.end());
    }
    const std::vector<Scored> scored = score_hits(std::move(hits), q, context);
    if (scored.empty()) {
        return r;
    }
    r.candidates.push_back(top_candidate(scored, q, r));
    r.resolved = r.candidates.front().score >= resolve_threshold;
    // Named in an area where no place of that name lies: not a namesake elsewhere.
    if (scored.front().within_term < 0) {
        r.resolved = false;
        r.ambiguous = false;
        r.note = "no place named " + in_quotes(entries[scored.front().hit.entry].surface) + " in " +
                 scored.front().within_place->name + ", the area named with it";
        r.candidates.front().score =
            std::min(r.candidates.front().score, resolve_threshold - W::runner_up_gap);
    }
    const Place& top_place = place_of(scored.front().hit.entry);
    for (std::size_t i = 1; i < scored.size() && r.candidates.size() < max_candidates; ++i) {
        const Scored& s = scored[i];
        const Place& place = place_of(s.hit.entry);
        Candidate c;
        c.place = &place;
        c.matched = entries[s.hit.entry].surface;
        c.match = s.hit.match;
        c.score = std::clamp(std::min(s.hit.base * W::runner_up_factor,
                                      r.candidates.front().score - W::runner_up_gap),
                             0.0, 1.0);
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

} // namespace sitmap::geo
