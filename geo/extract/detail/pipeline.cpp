// The extraction pipeline: sentences -> triggers, dates and roles -> proto-events with claims ->
// merged events.

#include "geo/extract/detail/stages.hpp"

#include "geo/dates/dates.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_set>

namespace sitmap::geo::detail {

namespace {

using namespace std::chrono;

const Place* place_of(const PlaceMention& m) {
    return mention_place(m);
}
bool abroad(const Place& p) {
    return is_abroad(p);
}
bool locative_preposition(std::string_view w) {
    return is_locative_preposition(w);
}
bool locative_filler(std::string_view w) {
    return is_locative_filler(w);
}
std::size_t distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    return span_distance(b1, e1, b2, e2);
}

} // namespace

namespace {

struct Proto {
    Event event;
    std::vector<Vote> votes;
    std::size_t last_sentence = 0;
};

// Claims of one sentence arrive together, so a duplicate can only be among the claims with the
// same source: scanning back over those keeps this linear for long inputs.
bool has_claim(const std::vector<Claim>& claims, const Claim& c) {
    for (auto it = claims.rbegin(); it != claims.rend() && it->source == c.source; ++it) {
        if (*it == c) {
            return true;
        }
    }
    return false;
}

void add_claims(Event& e, const std::vector<Claim>& claims, const SourceRef& source) {
    for (Claim c : claims) {
        c.source = source;
        if (!has_claim(e.claims, c)) {
            e.claims.push_back(std::move(c));
        }
    }
    if (e.sources.empty() || !(e.sources.back() == source)) {
        if (std::find(e.sources.begin(), e.sources.end(), source) == e.sources.end()) {
            e.sources.push_back(source);
        }
    }
}

// The resolution's precision, never finer than the kind of place allows: a province, a country
// or a whole border sector locates an event only to the region, however exactly its name matched.
GeoPrecision precision_of(const PlaceMention& m) {
    const Candidate& c = m.mention.resolution.candidates.front();
    GeoPrecision by_kind = GeoPrecision::exact;
    switch (c.place->kind) {
    case PlaceKind::region:
    case PlaceKind::country:
    case PlaceKind::border_sector:
        by_kind = GeoPrecision::region;
        break;
    case PlaceKind::corridor:
    case PlaceKind::river:
    case PlaceKind::lake:
        by_kind = GeoPrecision::near;
        break;
    default:
        break;
    }
    return std::max(c.precision, by_kind);
}

Event make_event(EventKind kind, const DateRange& date, const PlaceMention& m) {
    const Candidate& c = m.mention.resolution.candidates.front();
    Event e;
    e.kind = kind;
    e.date = date;
    e.place_id = c.place->id;
    e.place_name = c.place->name;
    e.geometry = c.place->geometry;
    e.location = c.place->anchor;
    e.precision = precision_of(m);
    return e;
}

struct Pending {
    std::vector<Claim> claims;
    SourceRef source;
    std::optional<DateRange> date;
    EventKind kind = EventKind::armed_clash;
};

} // namespace

Extraction extract_events(const Article& article, const std::vector<TextMention>& found) {
    Extraction out;
    const std::string_view text = article.text;
    const year_month_day pub = article.published;
    const sys_days recent_cutoff = sys_days{pub} - days{180};
    const std::vector<Sentence> sentences = split_sentences(text);

    std::vector<PlaceMention> all;
    all.reserve(found.size());
    std::size_t next_mention = 0;
    std::vector<TextMention> sorted = found;
    std::sort(sorted.begin(), sorted.end(),
              [](const TextMention& a, const TextMention& b) { return a.begin < b.begin; });

    ClaimContext claims_context;
    std::vector<Proto> protos;
    std::optional<std::size_t> current;
    std::vector<Pending> pending;
    std::optional<DateRange> incident_date;
    std::optional<PlaceMention> last_corridor;
    std::size_t placeless_incidents = 0;

    for (std::size_t si = 0; si < sentences.size(); ++si) {
        const Sentence& sent = sentences[si];
        const std::string_view s = text.substr(sent.begin, sent.end - sent.begin);
        std::vector<PlaceMention> here;
        while (next_mention < sorted.size() && sorted[next_mention].begin < sent.end) {
            if (sorted[next_mention].begin >= sent.begin) {
                here.push_back(
                    PlaceMention{sorted[next_mention], MentionRole::context_location, si});
            }
            ++next_mention;
        }
        const std::vector<TriggerHit> triggers = find_triggers(s);
        const bool has_incident = std::any_of(triggers.begin(), triggers.end(), [](const auto& t) {
            return t.trigger == Trigger::incident;
        });
        std::vector<DateMention> all_dates;
        if (!triggers.empty() || !here.empty()) {
            all_dates = find_dates(s, pub);
        }
        const bool history = (has_incident || !here.empty()) && is_history(s, pub, all_dates);
        assign_roles(text, sent.begin, s, triggers, history, here);

        const SourceRef source{article.id, sent.begin, sent.end};
        claims_context.sentence = si;
        std::vector<DateMention> dates;
        if (!triggers.empty()) {
            for (const DateMention& d : all_dates) {
                if (d.form != DateForm::year && sys_days{d.date.end} >= recent_cutoff) {
                    dates.push_back(d);
                }
            }
        }
        const auto nearest_date = [&](std::size_t b, std::size_t e,
                                      std::size_t max_distance) -> const DateMention* {
            const DateMention* best = nullptr;
            std::size_t best_d = 0;
            for (const DateMention& d : dates) {
                const std::size_t dist = distance(b, e, d.begin, d.end);
                if (dist <= max_distance && (best == nullptr || dist < best_d)) {
                    best = &d;
                    best_d = dist;
                }
            }
            return best;
        };

        // Incidents.
        std::optional<std::size_t> own_date_begin;
        if (has_incident && !history && !is_habitual(s)) {
            EventKind kind = EventKind::casualties;
            const DateMention* own = nullptr;
            std::size_t own_d = 0;
            for (const TriggerHit& t : triggers) {
                if (t.trigger != Trigger::incident) {
                    continue;
                }
                if (kind_priority(t.kind) > kind_priority(kind)) {
                    kind = t.kind;
                }
                if (const DateMention* d = nearest_date(t.begin, t.end, s.size())) {
                    const std::size_t dist = distance(t.begin, t.end, d->begin, d->end);
                    if (own == nullptr || dist < own_d) {
                        own = d;
                        own_d = dist;
                    }
                }
            }
            if (own != nullptr) {
                incident_date = own->date;
                own_date_begin = own->begin;
            }
            const DateRange date = own             ? own->date
                                   : incident_date ? *incident_date
                                                   : DateRange{pub, pub, DatePrecision::unknown};
            std::vector<const PlaceMention*> places;
            for (const PlaceMention& m : here) {
                if (m.role == MentionRole::incident_location) {
                    places.push_back(&m);
                }
            }
            // Only the finest places: "Sotk, in Gegharkunik province" is one incident at Sotk.
            if (!places.empty()) {
                const auto finest =
                    std::min_element(places.begin(), places.end(), [](auto a, auto b) {
                        return precision_of(*a) < precision_of(*b);
                    });
                const GeoPrecision p = precision_of(**finest);
                std::erase_if(places, [&](const PlaceMention* m) { return precision_of(*m) != p; });
            }
            const std::vector<Claim> claims = find_claims(s, here, sent.begin, claims_context);
            const bool same_as_current =
                !places.empty() && current &&
                places.front()->mention.resolution.candidates.front().place->id ==
                    protos[*current].event.place_id &&
                compatible(date, protos[*current].event.date) &&
                layer_of(protos[*current].event.kind) == EventLayer::incident;
            if (same_as_current) {
                Proto& p = protos[*current];
                add_claims(p.event, claims, source);
                if (own != nullptr) {
                    p.votes.push_back(Vote{own->date, 1, source});
                }
                if (kind_priority(kind) > kind_priority(p.event.kind)) {
                    p.event.kind = kind;
                }
                p.last_sentence = si;
                places.erase(places.begin());
            }
            if (!places.empty()) {
                std::optional<std::size_t> first_new;
                std::vector<std::string> seen;
                for (const PlaceMention* m : places) {
                    const std::string& id = m->mention.resolution.candidates.front().place->id;
                    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
                        continue;
                    }
                    seen.push_back(id);
                    Proto p;
                    p.event = make_event(kind, date, *m);
                    p.last_sentence = si;
                    for (const Pending& q : pending) {
                        if (!q.date || compatible(*q.date, date)) {
                            add_claims(p.event, q.claims, q.source);
                            if (q.date) {
                                p.votes.push_back(Vote{*q.date, 1, q.source});
                            }
                            if (kind_priority(q.kind) > kind_priority(p.event.kind)) {
                                p.event.kind = q.kind;
                            }
                        }
                    }
                    add_claims(p.event, claims, source);
                    if (own != nullptr) {
                        p.votes.push_back(Vote{own->date, 1, source});
                    }
                    protos.push_back(std::move(p));
                    if (!first_new) {
                        first_new = protos.size() - 1;
                    }
                }
                pending.clear();
                current = first_new;
            } else if (!same_as_current) {
                ++placeless_incidents;
                const bool attachable =
                    current && si <= protos[*current].last_sentence + 2 &&
                    (own == nullptr || compatible(own->date, protos[*current].event.date));
                if (attachable) {
                    Proto& p = protos[*current];
                    // Outsiders quoted in a sentence without a place speak of something else
                    // (the talks), not of this incident.
                    std::vector<Claim> kept;
                    for (const Claim& c : claims) {
                        const bool party = c.side == Side::armenia || c.side == Side::azerbaijan;
                        if (party || c.killed || c.wounded) {
                            kept.push_back(c);
                        }
                    }
                    add_claims(p.event, kept, source);
                    if (own != nullptr) {
                        p.votes.push_back(Vote{own->date, 1, source});
                    }
                    if (kind_priority(kind) > kind_priority(p.event.kind)) {
                        p.event.kind = kind;
                    }
                    p.last_sentence = si;
                } else if (!current) {
                    pending.push_back(
                        Pending{claims, source,
                                own ? std::optional<DateRange>(own->date) : std::nullopt, kind});
                }
            }
        }

        // A denial right after an incident belongs to it even without a trigger word: "The
        // Armenian Defence Ministry denied the claim as disinformation."
        if (!has_incident && current && si <= protos[*current].last_sentence + 2 &&
            is_denial(tokenize(s))) {
            std::vector<Claim> denials;
            for (const Claim& c : find_claims(s, here, sent.begin, claims_context)) {
                if (c.assertion == Assertion::denies &&
                    (c.side == Side::armenia || c.side == Side::azerbaijan)) {
                    denials.push_back(c);
                }
            }
            if (!denials.empty()) {
                add_claims(protos[*current].event, denials, source);
                protos[*current].last_sentence = si;
            }
        }

        // Checkpoints and blockades: dated, at a corridor, road, bridge or settlement.
        std::vector<EventKind> done_kinds;
        for (const TriggerHit& t : triggers) {
            // One event per kind and sentence ("closed the checkpoint ..., blocking the road").
            if ((t.trigger != Trigger::checkpoint && t.trigger != Trigger::blockade) ||
                std::find(done_kinds.begin(), done_kinds.end(), t.kind) != done_kinds.end()) {
                continue;
            }
            const DateMention* d = nearest_date(t.begin, t.end, s.size());
            if (d == nullptr || history) {
                continue;
            }
            PlaceMention* where = nullptr;
            std::size_t best = 0;
            for (PlaceMention& m : here) {
                const Place* p = place_of(m);
                if (p == nullptr || m.role == MentionRole::actor ||
                    m.role == MentionRole::name_part || abroad(*p) ||
                    p->kind == PlaceKind::country) {
                    continue;
                }
                std::size_t dist = distance(t.begin, t.end, m.mention.begin - sent.begin,
                                            m.mention.end - sent.begin);
                // A road is what is blocked, a checkpoint or bridge where a checkpoint stands.
                const bool fits =
                    t.trigger == Trigger::blockade
                        ? p->kind == PlaceKind::corridor
                        : (p->kind == PlaceKind::checkpoint || p->kind == PlaceKind::bridge);
                if (fits) {
                    dist /= 4;
                }
                if (where == nullptr || dist < best) {
                    where = &m;
                    best = dist;
                }
            }
            std::optional<PlaceMention> anaphor;
            if (where == nullptr && last_corridor) {
                // "the corridor", "the road": the corridor named last.
                const std::string low = lower_ascii(s);
                if (low.find("the corridor") != std::string::npos ||
                    low.find("the road") != std::string::npos) {
                    anaphor = *last_corridor;
                }
            }
            if (where == nullptr && !anaphor) {
                continue;
            }
            if (where != nullptr) {
                where->role = MentionRole::incident_location;
            }
            Proto p;
            p.event = make_event(t.kind, d->date, where ? *where : *anaphor);
            p.votes.push_back(Vote{d->date, 1, source});
            p.last_sentence = si;
            add_claims(p.event, find_claims(s, here, sent.begin, claims_context), source);
            protos.push_back(std::move(p));
            done_kinds.push_back(t.kind);
        }

        // Context events: talks, statements, missions, each at a place named next to its date
        // ("will meet on Sunday in Brussels", "speaking on 10 May from Shusha").
        const bool has_context = std::any_of(triggers.begin(), triggers.end(), [](const auto& t) {
            return t.trigger == Trigger::talks || t.trigger == Trigger::statement ||
                   t.trigger == Trigger::mission;
        });
        if (has_context && !dates.empty()) {
            const bool future = is_future(s);
            std::vector<bool> used(here.size(), false);
            // A date that opens the sentence ("On October 7, the EU announced...") dates its
            // main clause; any other date only the place named next to it.
            std::string opening;
            for (const DateMention& d : dates) {
                std::optional<std::size_t> pick;
                if (has_incident && own_date_begin && d.begin == *own_date_begin) {
                    continue; // the date of the fire, not of the talks
                }
                opening = lower_ascii(s.substr(0, d.begin));
                while (!opening.empty() && opening.back() == ' ') {
                    opening.pop_back();
                }
                const bool fronted = opening.empty() || opening == "on" || opening == "in" ||
                                     opening == "at" || opening == "since" || opening == "by";
                const std::size_t reach = fronted ? s.size() : 60;
                std::size_t best = 0;
                for (std::size_t k = 0; k < here.size(); ++k) {
                    const PlaceMention& m = here[k];
                    const Place* p = place_of(m);
                    if (p == nullptr || used[k] || m.role != MentionRole::context_location) {
                        continue;
                    }
                    // In a sentence about fire, only talks abroad or in a city are context
                    // events ("ahead of talks in Washington on Monday").
                    if (has_incident && p->kind == PlaceKind::country) {
                        continue;
                    }
                    const std::size_t mb = m.mention.begin - sent.begin;
                    const std::size_t me = m.mention.end - sent.begin;
                    // The name must be introduced by a preposition: "in Washington", not
                    // "the Washington talks".
                    const std::string_view before = s.substr(0, mb);
                    bool locative = false;
                    const std::vector<Token> prev =
                        tokenize(before.substr(before.size() > 40 ? before.size() - 40 : 0));
                    for (auto it = prev.rbegin(); it != prev.rend(); ++it) {
                        if (locative_preposition(it->text)) {
                            locative = true;
                            break;
                        }
                        if (!locative_filler(it->text)) {
                            break;
                        }
                    }
                    const std::size_t dist = distance(mb, me, d.begin, d.end);
                    if (!locative || dist > reach) {
                        continue;
                    }
                    if (!pick || dist < best) {
                        pick = k;
                        best = dist;
                    }
                }
                if (!pick) {
                    continue;
                }
                used[*pick] = true;
                const PlaceMention& m = here[*pick];
                const std::size_t mb = m.mention.begin - sent.begin;
                const std::size_t me = m.mention.end - sent.begin;
                const TriggerHit* nearest = nullptr;
                std::size_t nd = 0;
                for (const TriggerHit& t : triggers) {
                    if (t.trigger != Trigger::talks && t.trigger != Trigger::statement &&
                        t.trigger != Trigger::mission) {
                        continue;
                    }
                    const std::size_t dist = distance(mb, me, t.begin, t.end);
                    if (nearest == nullptr || dist < nd) {
                        nearest = &t;
                        nd = dist;
                    }
                }
                if (has_incident && nearest->kind != EventKind::talks) {
                    continue;
                }
                const DateRange date = future ? d.upcoming : d.date;
                Proto p;
                p.event = make_event(nearest->kind, date, m);
                p.votes.push_back(Vote{date, 1, source});
                p.last_sentence = si;
                std::vector<Claim> claims;
                if (nearest->kind == EventKind::statement) {
                    claims = find_claims(s, here, sent.begin, claims_context);
                }
                add_claims(p.event, claims, source);
                protos.push_back(std::move(p));
            }
        }

        for (PlaceMention& m : here) {
            if (const Place* p = place_of(m); p != nullptr && p->kind == PlaceKind::corridor) {
                last_corridor = m;
            }
            all.push_back(std::move(m));
        }
    }

    out.mentions = std::move(all);
    std::vector<Event> events;
    std::vector<std::vector<Vote>> votes;
    for (Proto& p : protos) {
        p.event.date = best_date(p.votes, p.event.date);
        events.push_back(std::move(p.event));
        votes.push_back(std::move(p.votes));
    }
    // Every sentence's date stays a vote through the merge, not only each proto-event's winner.
    out.events = merge_with_votes(std::move(events), std::move(votes));
    const bool any_place =
        std::any_of(out.mentions.begin(), out.mentions.end(),
                    [](const PlaceMention& m) { return place_of(m) != nullptr; });
    if (!any_place) {
        out.warnings.push_back(article.id + ": no place found in the article; no events");
    } else if (out.events.empty() && placeless_incidents > 0) {
        out.warnings.push_back(article.id + ": incidents reported without a place that sitmap "
                                            "knows; no events");
    }
    return out;
}

} // namespace sitmap::geo::detail
