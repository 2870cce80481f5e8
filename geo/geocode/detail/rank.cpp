// Ranking the places that match a name: match quality, then country hints, places nearby and
// kind/population priors; the clues that decided go into the reason.

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/geocode/detail/geocoder_impl.hpp"

namespace sitmap::geo {
namespace {

using detail::Descriptor;
using detail::geocoding::in_quotes;
using detail::geocoding::km_text;
using detail::geocoding::max_candidates;
using detail::geocoding::max_suggestions;
using detail::geocoding::resolve_threshold;
using detail::geocoding::upper_ascii;

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

} // namespace

Resolution Geocoder::Impl::rank(std::string_view query, std::vector<Hit> hits, const Qualifiers& q,
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
            // Inside a mentioned district, along a mentioned corridor, or near a town.
            const double d = std::holds_alternative<PointGeom>(other->geometry)
                                 ? distance_m(place.anchor, other->anchor)
                                 : distance_m(place.anchor, other->geometry);
            if (d < s.near_m) {
                s.near_m = d;
                s.near_place = other;
            }
        }
        if (s.near_place != nullptr && s.near_m < 150000.0) {
            s.near_term = 1.0 - s.near_m / 150000.0;
        }
        // Population 0 means unknown (districts, many curated villages): counted as a village of
        // about a thousand, so that a missing figure does not lose to any known one.
        const double pop =
            place.population > 0
                ? std::min(1.0, std::log10(static_cast<double>(place.population) + 1.0) / 7.0)
                : 3.0 / 7.0;
        s.focus = focus_countries.contains(place.country);
        s.prior = kind_prior(place.kind) + 0.5 * pop + (s.focus ? 0.3 : 0.0);
        if (q.descriptor == Descriptor::admin_area && place.kind == PlaceKind::region) {
            s.prior += 2.0; // "Aghdam district": the district, not the town
        }
        s.total = hit.base + 0.1 * s.country_term + 0.12 * s.near_term + 0.1 * s.prior;
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
        const bool populated =
            k == PlaceKind::settlement || k == PlaceKind::capital || k == PlaceKind::city_abroad;
        return populated ? -1 : static_cast<int>(k);
    };
    const Scored* rival = nullptr;
    std::size_t same_kind = 0;
    std::size_t others = 0;
    for (std::size_t i = 1; i < scored.size(); ++i) {
        const Place& other = place_of(scored[i].hit.entry);
        if (scored[i].hit.base >= top.hit.base - 0.025 &&
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
    const bool near_helped =
        top.near_term > 0 && (scored.size() == 1 || top.near_term > scored[1].near_term + 1e-9);
    if (near_helped) {
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
        } else if (top.hit.base > rival->hit.base &&
                   top.prior <= rival->prior + (top.hit.base - rival->hit.base) * 10.0) {
            decided = "its own name (the other lists it as an alias)";
        } else {
            decided =
                "kind and population (" + std::string(to_string(top_place.kind)) +
                (top_place.population > 0 ? ", population " + std::to_string(top_place.population)
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

} // namespace sitmap::geo
