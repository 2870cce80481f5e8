// The extraction pipeline: sentences -> per-sentence context (triggers, dates, history) -> roles
// -> claims -> events (incidents, denials, checkpoints and blockades, context events) -> merge.

#include "geo/extract/detail/pipeline.hpp"

#include "geo/dates/dates.hpp"
#include "geo/extract/detail/claims.hpp"
#include "geo/extract/detail/history.hpp"
#include "geo/extract/detail/merge.hpp"
#include "geo/extract/detail/roles.hpp"
#include "geo/extract/detail/sentence.hpp"
#include "geo/extract/detail/triggers.hpp"
#include "geo/extract/detail/words.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace sitmap::geo::detail {

namespace {

using namespace std::chrono;
using text::Sentence;

// An incident stays the current one for this many sentences after it was last reported: a
// sentence without a place ("One serviceman was wounded, the ministry said.") or a denial
// ("Yerevan denied the report.") within them belongs to it.
constexpr std::size_t follow_up_sentences = 2;
// A place of the kind that fits the trigger (a road for a blockade, a checkpoint or bridge for a
// checkpoint) counts as this many times closer to it than any other place.
constexpr std::size_t fitting_place_bias = 4;
// The headline and the first sentences of an article: what they report undated is its news.
constexpr std::size_t lead_sentences = 3;
// A context event's place is named at most this many bytes from its date ("will meet on Sunday
// in Brussels"), unless the date opens the sentence and so dates its main clause.
constexpr std::size_t context_date_reach = 60;
// The preposition that introduces a context event's place ("in the city of Brussels") is looked
// for in this many bytes before the name.
constexpr std::size_t preposition_window = 40;

struct Proto {
    Event event;
    Evidence evidence = Evidence::act; // how its kind is known: a weapon named or an act
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

// The last word of a mention names an area around the place: "the Sotk region", "the Zod
// direction", "Basarkechar district" resolved to its town. A district the gazetteer knows is a
// region by its kind; one it does not know is the area around the place it is named after.
GeoPrecision precision_of_words(std::string_view surface) {
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
        if (surface.ends_with(possessive)) {
            surface.remove_suffix(possessive.size()); // "Kalbajar region's"
        }
    }
    const std::size_t sp = surface.find_last_of(' ');
    if (sp != std::string_view::npos &&
        is_one_of(surface.substr(sp + 1), {"district", "region", "province", "rayon", "marz",
                                           "section", "direction", "area", "vicinity"})) {
        return GeoPrecision::near;
    }
    return GeoPrecision::exact;
}

// The resolution's precision, never finer than the kind of place allows: a province, a country
// or a whole border sector locates an event only to the region, however exactly its name matched;
// nor than the words of the name allow ("Kalbajar district").
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
    return std::max({c.precision, by_kind, precision_of_words(m.mention.surface)});
}

// A mention as one of an event's targets or origins.
EventPlace place_of(const PlaceMention& m) {
    const Place& p = *m.mention.resolution.candidates.front().place;
    return EventPlace{p.id, p.name, p.anchor, precision_of(m)};
}

Event make_event(EventKind kind, const DateRange& date, const Place& place,
                 GeoPrecision precision) {
    Event e;
    e.kind = kind;
    e.date = date;
    e.place_id = place.id;
    e.place_name = place.name;
    e.geometry = place.geometry;
    e.location = place.anchor;
    e.precision = precision;
    return e;
}

Event make_event(EventKind kind, const DateRange& date, const PlaceMention& m) {
    return make_event(kind, date, *m.mention.resolution.candidates.front().place, precision_of(m));
}

// Claims of an incident reported before any place was named, for the first incident that has one.
struct Pending {
    std::vector<Claim> claims;
    SourceRef source;
    std::optional<DateRange> date;
    EventKind kind = EventKind::armed_clash;
    Evidence evidence = Evidence::act;
};

// What the stages found in one sentence.
struct SentenceReading {
    SentenceReading(TokenizedSentence tokenized, std::size_t i, SourceRef ref)
        : sentence(std::move(tokenized)), index(i), source(std::move(ref)) {}

    TokenizedSentence sentence;
    std::size_t index = 0; // of the sentence in the article
    SourceRef source;
    std::vector<TriggerHit> triggers;
    bool has_incident = false;
    bool history = false;
    std::vector<DateMention> dates;       // recent dates that can date an event (with triggers)
    std::optional<DateMention> inherited; // an incident sentence without a date: the last one
    bool inherited_report_day = false;    // ... which was only the day of a report
    std::vector<PlaceMention> mentions;   // with their roles
    std::vector<Claim> claims;            // who says what in it (read once, for every stage)

    // The date nearest to a span of the sentence.
    const DateMention* nearest_date(std::size_t b, std::size_t e) const {
        const DateMention* best = nullptr;
        std::size_t best_d = 0;
        for (const DateMention& d : dates) {
            const std::size_t dist = span_distance(b, e, d.begin, d.end);
            if (dist <= sentence.text.size() && (best == nullptr || dist < best_d)) {
                best = &d;
                best_d = dist;
            }
        }
        return best;
    }
};

// What one sentence passes to the next: the events so far and what later sentences refer back to.
struct ArticleEvents {
    std::chrono::year_month_day published{};
    ClaimContext claims;
    std::vector<Proto> protos;
    std::optional<std::size_t> current; // the incident being reported
    std::vector<Pending> pending;
    std::optional<DateRange> incident_date; // the last date stated for an incident
    std::optional<PlaceMention> last_corridor;
    std::optional<PlaceMention> last_village; // the last settlement named, in any role
    std::optional<DateRange> last_date; // the days of the last events dated, for "the next day"
    std::size_t last_date_sentence = 0; // the sentence that dated them
    bool last_date_alone = false;       // ... naming no other day of events
    bool last_date_reported = false;    // ... only as the day of a report (a dateline)
    std::size_t placeless_incidents = 0;

    // The current incident was reported at most follow_up_sentences before sentence `si`.
    bool current_is_recent(std::size_t si) const {
        return current && si <= protos[*current].last_sentence + follow_up_sentences;
    }
};

// Stage 1: the mentions of each sentence, in order (mentions between sentences belong to none).
std::vector<std::vector<PlaceMention>>
mentions_by_sentence(const std::vector<TextMention>& found,
                     const std::vector<Sentence>& sentences) {
    std::vector<TextMention> sorted = found;
    std::sort(sorted.begin(), sorted.end(),
              [](const TextMention& a, const TextMention& b) { return a.begin < b.begin; });
    std::vector<std::vector<PlaceMention>> out(sentences.size());
    std::size_t next = 0;
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        while (next < sorted.size() && sorted[next].begin < sentences[si].end) {
            if (sorted[next].begin >= sentences[si].begin) {
                out[si].push_back(PlaceMention{sorted[next], MentionRole::context_location, si});
            }
            ++next;
        }
    }
    return out;
}

// Stages 2 and 3: one sentence tokenised, its triggers, dates and history, then its mentions'
// roles.
// "The incident took place at the part of the border formed by the Kalbajar district": a sentence
// that only says where the incident just reported happened. Its words stand as a trigger of the
// least specific kind, so that its places are located as an incident's and the incident keeps its
// kind.
std::optional<TriggerHit> incident_located(const TokenizedSentence& s) {
    const std::vector<Token>& tokens = s.tokens;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (!is_one_of(tokens[i].text, {"incident", "incidents"})) {
            continue;
        }
        for (std::size_t j = i + 1; j < tokens.size() && j <= i + 3; ++j) {
            const bool place = iequals(tokens[j].text, "took") && j + 1 < tokens.size() &&
                               iequals(tokens[j + 1].text, "place");
            if (place || is_one_of(tokens[j].text, {"occurred", "happened"})) {
                return TriggerHit{Trigger::incident, EventKind::casualties, Evidence::act,
                                  tokens[i].begin, tokens[place ? j + 1 : j].end};
            }
        }
    }
    return std::nullopt;
}

// Is there an incident a sentence may locate ("The incident occurred near Berkaber"): one pending
// for want of a place, or the one just reported, known only to a region ("on the Azerbaijani
// border", "in Tavush").
bool incident_to_locate(std::size_t si, const ArticleEvents& state) {
    if (!state.pending.empty()) {
        return true;
    }
    if (!state.current_is_recent(si)) {
        return false;
    }
    const Event& e = state.protos[*state.current].event;
    return layer_of(e.kind) == EventLayer::incident && !e.targets.empty() &&
           std::all_of(e.targets.begin(), e.targets.end(),
                       [](const EventPlace& p) { return p.precision == GeoPrecision::region; });
}

SentenceReading read_sentence(const Article& article, year_month_day pub, const Sentence& sent,
                              std::size_t si, std::vector<PlaceMention> mentions,
                              bool incident_to_locate) {
    const std::string_view text = article.text;
    SentenceReading r(TokenizedSentence(text.substr(sent.begin, sent.end - sent.begin), sent.begin),
                      si, SourceRef{article.id, sent.begin, sent.end});
    if (!is_photo_caption(r.sentence.text)) {
        r.triggers = find_triggers(r.sentence);
    }
    r.has_incident = std::any_of(r.triggers.begin(), r.triggers.end(),
                                 [](const auto& t) { return t.trigger == Trigger::incident; });
    std::optional<std::size_t> located_from; // where the places of a locating sentence begin
    if (!r.has_incident && incident_to_locate && !mentions.empty()) {
        if (const auto hit = incident_located(r.sentence)) {
            r.triggers.push_back(*hit);
            r.has_incident = true;
            located_from = sent.begin + hit->end;
        }
    }
    std::vector<DateMention> all_dates;
    if (!r.triggers.empty() || !mentions.empty()) {
        all_dates = find_dates(r.sentence.text, pub);
    }
    // A locating sentence is of the incident just reported, whatever older date it also names
    // ("... its Kalbajar district, part of the territory it regained last November").
    r.history = !located_from && (r.has_incident || !mentions.empty()) &&
                is_history(r.sentence, pub, all_dates);
    // History told only in a closing relative clause ("..., which passed under Azerbaijani
    // control at the end of the 2020 war") is of the place named before it, not of the events
    // the sentence reports before the clause.
    if (r.history) {
        const std::optional<std::size_t> cut = closing_relative_clause(r.sentence);
        const bool triggers_before =
            cut && std::all_of(r.triggers.begin(), r.triggers.end(),
                               [&](const TriggerHit& t) { return t.end <= *cut; });
        if (cut && triggers_before && !r.triggers.empty()) {
            r.history = is_history(r.sentence.text.substr(0, *cut), pub);
        }
    }
    assign_roles(r.sentence, r.triggers, r.history, mentions);
    // What a locating sentence names after its words is where the incident took place.
    if (located_from) {
        for (PlaceMention& m : mentions) {
            if (m.role == MentionRole::context_location && m.mention.begin >= *located_from) {
                m.role = MentionRole::incident_location;
            }
        }
    }
    // Places of an earlier event a comparison starts from ("the worst escalation since troops
    // crossed into Syunik on May 12") are not where this one happened.
    for (const DateMention& d : all_dates) {
        if (const auto clause = recalled_since_clause(r.sentence, d, pub)) {
            for (PlaceMention& m : mentions) {
                const std::size_t at = m.mention.begin - sent.begin;
                if (at >= clause->first && at < clause->second &&
                    m.role == MentionRole::incident_location) {
                    m.role = MentionRole::context_location;
                }
            }
        }
    }
    r.mentions = std::move(mentions);
    const sys_days recent_cutoff = sys_days{pub} - news_period;
    // A sentence of fire with no talks or mission in it (events that may lie ahead): a day after
    // publication is a deadline or a plan ("to evacuate by August 25"), never the day fire was
    // opened. One day after it is allowed for time zones.
    const bool only_past =
        r.has_incident &&
        std::none_of(r.triggers.begin(), r.triggers.end(), [](const TriggerHit& t) {
            return t.trigger == Trigger::talks || t.trigger == Trigger::mission;
        });
    // (Counted from the publication date, not from a dateline that may be earlier or mistyped.)
    const sys_days latest = sys_days{std::max(pub, article.published)} + days{1};
    for (const DateMention& d : all_dates) {
        if (d.form != DateForm::year && sys_days{d.date.end} >= recent_cutoff &&
            !(only_past && sys_days{d.date.begin} > latest)) {
            r.dates.push_back(d);
        }
    }
    return r;
}

// The kind of a sentence's incident (its most specific weapon) and its own date (see
// incident_date: the events' date nearest to an incident trigger).
struct IncidentReading {
    EventKind kind = EventKind::casualties;
    Evidence evidence = Evidence::act;
    const DateMention* own = nullptr;
    // `own` is only the day of the report ("the ministry on Thursday said"): it dates the incident
    // when nothing else does, and gives way to any day of the events another sentence names.
    bool report_day = false;
    // When the sentence says it began ("at 13:45", "between 5:00 pm and 5:30 pm": 17:00), in
    // minutes after midnight; not a time where something ended ("until 01:00").
    std::optional<int> time;
};

std::optional<int> begin_time(const TokenizedSentence& s) {
    for (const TimeOfDay& t : find_times(s.text, s.tokens)) {
        if (!t.ends_range) {
            return t.minutes;
        }
    }
    return std::nullopt;
}

IncidentReading read_incident(const SentenceReading& r) {
    IncidentReading out;
    out.kind = sentence_kind(r.triggers).value_or(EventKind::casualties);
    out.evidence = sentence_evidence(r.triggers);
    out.own = incident_date(r.sentence, r.dates, r.triggers);
    if (r.inherited && (out.own == nullptr || is_report_date(r.sentence, *out.own, r.triggers))) {
        out.own = &*r.inherited;
    }
    out.report_day = out.own != nullptr && (r.inherited && out.own == &*r.inherited
                                                ? r.inherited_report_day
                                                : is_report_date(r.sentence, *out.own, r.triggers));
    out.time = begin_time(r.sentence);
    return out;
}

// The days a sentence's events happened on, for the sentences after it: its incident's date, else
// the last day it names that is not the date of a report, else the last it names.
std::optional<DateRange> days_of_events(const SentenceReading& r) {
    if (r.has_incident) {
        // A day the sentence only continues is not passed on: each sentence continues one it
        // follows, not a chain of them.
        const DateMention* own = read_incident(r).own;
        const bool named = own != nullptr && !(r.inherited && own == &*r.inherited);
        return named ? std::optional<DateRange>(own->date) : std::nullopt;
    }
    std::optional<DateRange> event;
    std::optional<DateRange> any;
    for (const DateMention& d : r.dates) {
        const bool day = d.date.precision == DatePrecision::day ||
                         (d.date.precision == DatePrecision::range &&
                          sys_days{d.date.end} - sys_days{d.date.begin} <= days{2});
        if (day) {
            any = d.date;
            if (!is_report_date(r.sentence, d, r.triggers)) {
                event = d.date;
            }
        }
    }
    return event ? event : any;
}

// "The same day", "the following day" in a sentence that names no other date count from the last
// day named before it in the article. An incident sentence that names no day of its events
// continues the one before it ("On Tuesday, Baku reported an attack on its positions. The parties
// also exchanged accusations of shelling, the ministry said on Wednesday."), if that day is news;
// without any date, it continues the last incident dated.
void anchor_dates(SentenceReading& r, ArticleEvents& state) {
    for (DateMention& d : r.dates) {
        if (d.form == DateForm::anchored && !d.anchored && state.last_date) {
            d.date = d.upcoming = counted_from(d, state.last_date->end);
            d.anchored = true;
        }
    }
    constexpr days news_days{7};
    const bool follows = state.last_date && state.last_date_sentence + 1 == r.index &&
                         state.last_date_alone &&
                         sys_days{state.last_date->end} >= sys_days{state.published} - news_days;
    if (r.has_incident && follows) {
        r.inherited = DateMention{
            0, 0, DateForm::anchored, *state.last_date, *state.last_date, DayShift{}, true};
        r.inherited_report_day = state.last_date_reported;
    }
    if (const std::optional<DateRange> d = days_of_events(r)) {
        state.last_date = d;
        state.last_date_sentence = r.index;
        // A sentence that names several days ("fired on Wednesday evening, killing a soldier the
        // following day") leaves open which the next sentence continues.
        state.last_date_alone = std::none_of(r.dates.begin(), r.dates.end(), [&](const auto& o) {
            return o.date != *d && !is_report_date(r.sentence, o, r.triggers);
        });
        state.last_date_reported = std::none_of(r.dates.begin(), r.dates.end(), [&](const auto& o) {
            return o.date == *d && !is_report_date(r.sentence, o, r.triggers);
        });
    }
}

// The places of a sentence in one role, only the finest: "Sotk, in Gegharkunik province" is one
// incident at Sotk; "from positions near the village of A in the B district" comes from A.
// The places of a sentence in one role, each once, in order.
std::vector<const PlaceMention*> places_in_role(const SentenceReading& r, MentionRole role) {
    std::vector<const PlaceMention*> places;
    std::vector<std::string_view> seen;
    for (const PlaceMention& m : r.mentions) {
        if (m.role != role) {
            continue;
        }
        const std::string_view id = m.mention.resolution.candidates.front().place->id;
        if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
            seen.push_back(id);
            places.push_back(&m);
        }
    }
    return places;
}

// Of distinct places, only the finest (see finest_places).
std::vector<const PlaceMention*> finest_of(std::vector<const PlaceMention*> places) {
    if (!places.empty()) {
        const auto finest = std::min_element(places.begin(), places.end(), [](auto a, auto b) {
            return precision_of(*a) < precision_of(*b);
        });
        const GeoPrecision p = precision_of(**finest);
        std::erase_if(places, [&](const PlaceMention* m) { return precision_of(*m) != p; });
        // Areas: one that holds another named with it only says where that one is ("in
        // Karabakh ... in the direction of Khojavand District"). The outline holds the other's
        // point and is the larger of the two (a district may hold a region's centre).
        const auto place = [](const PlaceMention* m) {
            return m->mention.resolution.candidates.front().place;
        };
        const auto extent = [](const Place* area) {
            const BBox b = bbox(area->geometry);
            return (b.east - b.west) * (b.north - b.south);
        };
        std::vector<const PlaceMention*> inner;
        for (const PlaceMention* m : places) {
            const bool holds_another = std::any_of(places.begin(), places.end(), [&](auto o) {
                return o != m && place(o) != place(m) &&
                       std::holds_alternative<AreaGeom>(place(m)->geometry) &&
                       contains(place(m)->geometry, place(o)->anchor) &&
                       extent(place(m)) > extent(place(o));
            });
            if (!holds_another) {
                inner.push_back(m);
            }
        }
        if (!inner.empty()) {
            places = std::move(inner);
        }
    }
    return places;
}

std::vector<const PlaceMention*> finest_places(const SentenceReading& r, MentionRole role) {
    return finest_of(places_in_role(r, role));
}

// Where one report of an incident puts it: every place fire landed, and where it came from.
struct IncidentPlaces {
    std::vector<const PlaceMention*> targets;
    std::vector<const PlaceMention*> origins;
};

// The districts of the former autonomous oblast of Nagorno-Karabakh and around it, whose places,
// though in Azerbaijan, were held by Armenian forces until 2023: fire from Azerbaijan landed there.
bool held_by_karabakh_armenians(const Place& p) {
    return p.country == "AZ" &&
           is_one_of(p.admin1, {"Khankendi", "Khojaly", "Khojavend", "Shusha", "Tartar", "Aghdam"});
}

// Fire of one party at the other's positions, the sentence naming places on both sides of the
// border ("units at positions located in the B district subjected to fire the positions in the
// direction of K district"): the places on the firing party's side are where the fire came from,
// those on the other side where it landed. The firing party is the one the sentence's claims
// accuse, when they accuse one alone.
void targets_on_the_firing_side_are_origins(IncidentPlaces& where, const SentenceReading& r) {
    std::optional<Side> agent;
    for (const Claim& c : r.claims) {
        if (c.assertion == Assertion::accuses && is_party(c.against)) {
            if (agent && *agent != c.against) {
                return;
            }
            agent = c.against;
        }
    }
    if (!agent) {
        return;
    }
    const std::string_view own = *agent == Side::armenia ? "AM" : "AZ";
    std::vector<const PlaceMention*> firing_side;
    std::vector<const PlaceMention*> other_side;
    for (const PlaceMention* m : places_in_role(r, MentionRole::incident_location)) {
        const Place* p = mention_place(*m);
        if (p == nullptr || p->country.empty() || p->kind == PlaceKind::country) {
            continue;
        }
        if (p->country != own) {
            other_side.push_back(m);
        } else if (!held_by_karabakh_armenians(*p)) {
            firing_side.push_back(m);
        }
    }
    if (firing_side.empty() || other_side.empty()) {
        return;
    }
    for (const PlaceMention* m : finest_of(std::move(firing_side))) {
        where.origins.push_back(m);
    }
    where.targets = finest_of(std::move(other_side));
}

// One incident of a report: at all its targets (one place, or the area they cover), with its
// origins as attributes. Known only by where fire came from, it stands there, to the region.
Event make_incident(EventKind kind, const DateRange& date, const IncidentPlaces& where) {
    Event e = make_event(kind, date,
                         where.targets.empty() ? *where.origins.front() : *where.targets.front());
    for (const PlaceMention* m : where.targets) {
        e.targets.push_back(place_of(*m));
    }
    for (const PlaceMention* m : where.origins) {
        e.origins.push_back(place_of(*m));
    }
    if (where.targets.empty()) {
        e.precision = GeoPrecision::region;
    }
    locate_at_targets(e);
    return e;
}

// A further report of the current incident: its claims, date vote and kind.
void add_to_proto(Proto& p, const std::vector<Claim>& claims, const SentenceReading& r,
                  const IncidentReading& incident) {
    add_claims(p.event, claims, r.source);
    if (incident.own != nullptr) {
        p.votes.push_back(
            Vote{incident.own->date, incident.report_day ? 1U : 2U, r.source, incident.report_day});
    }
    if (more_specific(incident.kind, incident.evidence, p.event.kind, p.evidence)) {
        p.event.kind = incident.kind;
        p.evidence = incident.evidence;
    }
    p.last_sentence = r.index;
}

// A new incident with the claims still pending; it becomes the current one.
// A report told before any place was named joins the incident: its claims, its day (a vote of
// `weight`), and its kind when more specific.
void take_pending(Proto& p, const Pending& q, std::size_t weight) {
    add_claims(p.event, q.claims, q.source);
    if (q.date) {
        p.votes.push_back(Vote{*q.date, weight, q.source});
    }
    if (more_specific(q.kind, q.evidence, p.event.kind, p.evidence)) {
        p.event.kind = q.kind;
        p.evidence = q.evidence;
    }
}

void start_incident(const IncidentPlaces& where, const std::vector<Claim>& claims,
                    const SentenceReading& r, const IncidentReading& incident,
                    const DateRange& date, ArticleEvents& state) {
    Proto p;
    p.event = make_incident(incident.kind, date, where);
    if (incident.time) {
        p.event.times.push_back(*incident.time);
    }
    p.evidence = incident.evidence;
    p.last_sentence = r.index;
    for (const Pending& q : state.pending) {
        if (!q.date || compatible(*q.date, date)) {
            take_pending(p, q, 1);
        }
    }
    add_claims(p.event, claims, r.source);
    // A new incident without a date of its own is dated, and votes, by the last incident's.
    if (incident.own != nullptr || date.precision != DatePrecision::unknown) {
        const bool report_day = incident.own && incident.report_day;
        p.votes.push_back(Vote{incident.own ? incident.own->date : date, report_day ? 1U : 2U,
                               r.source, report_day});
    }
    state.protos.push_back(std::move(p));
    state.pending.clear();
    state.current = state.protos.size() - 1;
}

// The report names the current incident again: the same targets, some of them or more of them
// ("Sotk came under fire. Shells hit Sotk and Norabak."), or only where fire came from right after
// it ("The fire came from the direction of Kut.").
bool is_current_incident(const IncidentPlaces& where, const SentenceReading& r,
                         const IncidentReading& incident, const DateRange& date,
                         const ArticleEvents& state) {
    if (!state.current) {
        return false;
    }
    const Event& e = state.protos[*state.current].event;
    if (layer_of(e.kind) != EventLayer::incident || !compatible(date, e.date)) {
        return false;
    }
    // Another day the report names for its events ("on Thursday" after an incident of Friday):
    // another incident, whatever the one day either side of it that other reports may be off by.
    if (incident.own != nullptr && !incident.report_day &&
        days_apart(state.protos[*state.current].votes, {Vote{incident.own->date, 2, r.source}})) {
        return false;
    }
    if (incident.time) { // begun at another time of the day: another incident
        Event at_time;
        at_time.times = {*incident.time};
        if (different_times(at_time, e)) {
            return false;
        }
    }
    if (where.targets.empty()) {
        return state.current_is_recent(r.index);
    }
    Event report;
    for (const PlaceMention* m : where.targets) {
        report.targets.push_back(place_of(*m));
    }
    report.place_id = report.targets.front().id;
    return same_targets(report, e);
}

// Adds a report's targets and origins that the incident does not have yet.
void add_places(Event& e, const IncidentPlaces& where) {
    std::vector<EventPlace> targets;
    std::vector<EventPlace> origins;
    for (const PlaceMention* m : where.targets) {
        targets.push_back(place_of(*m));
    }
    for (const PlaceMention* m : where.origins) {
        origins.push_back(place_of(*m));
    }
    add_event_places(e, targets, origins);
}

// An incident without a place: part of the current incident if that was just reported, else
// pending until an incident with a place comes.
void placeless_incident(const std::vector<Claim>& claims, const SentenceReading& r,
                        const IncidentReading& incident, ArticleEvents& state) {
    ++state.placeless_incidents;
    const bool attachable =
        state.current_is_recent(r.index) &&
        (incident.own == nullptr ||
         compatible(incident.own->date, state.protos[*state.current].event.date));
    if (attachable) {
        // Outsiders quoted in a sentence without a place speak of something else (the talks),
        // not of this incident.
        std::vector<Claim> kept;
        for (const Claim& c : claims) {
            const bool party = c.side == Side::armenia || c.side == Side::azerbaijan;
            if (party || c.killed || c.wounded) {
                kept.push_back(c);
            }
        }
        add_to_proto(state.protos[*state.current], kept, r, incident);
    } else if (!state.current) {
        state.pending.push_back(
            Pending{claims, r.source,
                    incident.own ? std::optional<DateRange>(incident.own->date) : std::nullopt,
                    incident.kind, incident.evidence});
    }
}

// Stage 3b: who says what in the sentence, read for every sentence (an "it said" or a statement
// that runs on needs the speakers of the sentences before).
void read_claims(SentenceReading& r, ArticleEvents& state) {
    state.claims.sentence = r.index;
    state.claims.peaceful_act =
        !r.has_incident && std::any_of(r.triggers.begin(), r.triggers.end(), [](const auto& t) {
            return t.trigger == Trigger::handover;
        });
    r.claims = find_claims(r.sentence, r.mentions, state.claims);
}

// The incidents the sentence that started the current one started with it ("shelled Sotk, Goris
// and Kapan"): a denial or an accusation of the fire is of all of them; figures stay with the
// first.
void add_to_siblings(const std::vector<Claim>& claims, const SourceRef& source,
                     ArticleEvents& state) {
    const Event& current = state.protos[*state.current].event;
    if (current.sources.empty()) {
        return;
    }
    std::vector<Claim> said;
    for (const Claim& c : claims) {
        if (is_party(c.side) && !c.killed && !c.wounded) {
            said.push_back(c);
        }
    }
    for (std::size_t i = 0; i < state.protos.size() && !said.empty(); ++i) {
        Event& e = state.protos[i].event;
        if (i != *state.current && !e.sources.empty() &&
            e.sources.front() == current.sources.front() &&
            layer_of(e.kind) == EventLayer::incident) {
            add_claims(e, said, source);
        }
    }
}

// A denial of the incident just reported is a claim on it, not a new incident, wherever it says
// the fire was: "Yerevan denied that its forces fired in the direction of Nakhchivan."
bool denies_current(const SentenceReading& r, const ArticleEvents& state) {
    if (!state.current_is_recent(r.index) ||
        layer_of(state.protos[*state.current].event.kind) != EventLayer::incident) {
        return false;
    }
    return std::any_of(r.claims.begin(), r.claims.end(), [](const Claim& c) {
        return c.assertion == Assertion::denies && is_party(c.side);
    });
}

// "No casualties" said once for a statement's incidents: on each incident the same side claims
// without figures.
void spread_no_losses(const Claim& none, const SourceRef& source, ArticleEvents& state) {
    if (!is_party(none.side) || none.killed != 0 || none.wounded != 0) {
        return;
    }
    for (Proto& p : state.protos) {
        if (layer_of(p.event.kind) != EventLayer::incident) {
            continue;
        }
        const auto& claims = p.event.claims;
        const bool same_side = std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
            return c.side == none.side && c.assertion != Assertion::denies;
        });
        const bool has_figures = std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
            return c.side == none.side && (c.killed || c.wounded);
        });
        if (same_side && !has_figures) {
            add_claims(p.event, {none}, source);
        }
    }
}

void spread_no_losses(const SentenceReading& r, ArticleEvents& state) {
    for (const Claim& c : r.claims) {
        spread_no_losses(c, r.source, state);
    }
}

// Is the anaphor at tokens [first, first + 1] the object of one of the sentence's acts of fire:
// "fired at the village", "shelled the village", "opened fire in the direction of the village",
// "the village came under fire", "the village was shelled"? Not "left the village after the
// attacks".
bool object_of_fire(const SentenceReading& r, std::size_t first) {
    const std::vector<Token>& tokens = r.sentence.tokens;
    for (const TriggerHit& h : r.triggers) {
        if (h.trigger != Trigger::incident) {
            continue;
        }
        if (h.end <= tokens[first].begin) { // the act before: only prepositions between
            std::size_t j = first;
            int words = 0;
            while (j > 0 && tokens[j - 1].end > h.end && words < 3 &&
                   is_one_of(tokens[j - 1].text, {"at", "on", "towards", "toward", "in", "of",
                                                  "the", "direction", "near", "against"})) {
                --j;
                ++words;
            }
            if (j > 0 && tokens[j - 1].end <= h.end && tokens[j - 1].end > h.begin) {
                return true;
            }
        } else if (h.begin >= tokens[first + 1].end) { // the act after: only "came", "was"...
            std::size_t j = first + 2;
            while (j < tokens.size() && tokens[j].begin < h.begin &&
                   is_one_of(tokens[j].text, {"came", "comes", "come", "was", "were", "is", "has",
                                              "had", "been", "again", "also", "repeatedly"})) {
                ++j;
            }
            if (j < tokens.size() && tokens[j].begin >= h.begin) {
                return true;
            }
        }
    }
    return false;
}

// "Residents of Khoznavar said troops fired at the village": an incident sentence that locates
// fire only at "the village" (or town, settlement, community; not "the village of X") means the
// settlement last named, in this sentence before it or in the one or two before, in any role.
const PlaceMention* village_referred_to(const SentenceReading& r, const ArticleEvents& state) {
    const std::vector<Token>& tokens = r.sentence.tokens;
    std::size_t at = 0;
    bool found = false;
    for (std::size_t i = 0; i + 1 < tokens.size() && !found; ++i) {
        if (is_one_of(tokens[i].text, {"the", "this"}) &&
            is_one_of(tokens[i + 1].text, {"village", "town", "settlement", "community"}) &&
            (i + 2 >= tokens.size() || !iequals(tokens[i + 2].text, "of")) &&
            object_of_fire(r, i)) {
            at = r.sentence.begin + tokens[i].begin;
            found = true;
        }
    }
    if (!found) {
        return nullptr;
    }
    const PlaceMention* last = nullptr;
    for (const PlaceMention& m : r.mentions) {
        const Place* p = mention_place(m);
        if (m.mention.end <= at && p != nullptr && p->kind == PlaceKind::settlement &&
            m.role != MentionRole::name_part) {
            last = &m;
        }
    }
    if (last == nullptr && state.last_village && state.last_village->sentence + 2 >= r.index) {
        last = &*state.last_village;
    }
    return last;
}

// Stage 4a: incidents, one per report: every place a sentence says fire landed is one incident
// (an area when there are several), where it came from an attribute of it. Returns where the
// incident's own date begins in the sentence, if it has one.
std::optional<std::size_t> incident_events(const SentenceReading& r, ArticleEvents& state) {
    if (!r.has_incident || r.history || is_habitual(r.sentence, r.dates)) {
        return std::nullopt;
    }
    const IncidentReading incident = read_incident(r);
    std::optional<std::size_t> own_date_begin;
    if (incident.own != nullptr) {
        state.incident_date = incident.own->date;
        own_date_begin = incident.own->begin;
    }
    const DateRange date =
        incident.own          ? incident.own->date
        : state.incident_date ? *state.incident_date
                              : DateRange{state.published, state.published, DatePrecision::unknown};
    IncidentPlaces where{finest_places(r, MentionRole::incident_location),
                         finest_places(r, MentionRole::origin_location)};
    targets_on_the_firing_side_are_origins(where, r);
    if (where.targets.empty()) {
        if (const PlaceMention* v = village_referred_to(r, state)) {
            where.targets.push_back(v);
        }
    }
    const std::vector<Claim>& claims = r.claims;
    if (denies_current(r, state)) {
        // A denial of the incident just reported is a claim on it, wherever it says fire was.
        add_to_proto(state.protos[*state.current], claims, r, incident);
        add_to_siblings(claims, r.source, state);
        return own_date_begin;
    }
    if (where.targets.empty() && where.origins.empty()) {
        placeless_incident(claims, r, incident, state);
    } else if (is_current_incident(where, r, incident, date, state)) {
        Proto& p = state.protos[*state.current];
        add_places(p.event, where);
        add_to_proto(p, claims, r, incident);
        // Only a report with a place says when the incident there began: a time in a sentence
        // without one ("shooting also took place around 2 p.m.") may be of another episode.
        if (incident.time && std::find(p.event.times.begin(), p.event.times.end(),
                                       *incident.time) == p.event.times.end()) {
            p.event.times.push_back(*incident.time);
        }
    } else {
        start_incident(where, claims, r, incident, date, state);
    }
    return own_date_begin;
}

// Stage 4b: what a party says of the incident just reported belongs to it even without a trigger
// word: a denial ("The Armenian Defence Ministry denied the claim as disinformation."), an
// accusation ("This is reported in the information of the Ministry of Defense."), figures.
void follow_up_claims(const SentenceReading& r, ArticleEvents& state) {
    if (r.has_incident || !state.current_is_recent(r.index)) {
        return;
    }
    std::vector<Claim> kept;
    for (const Claim& c : r.claims) {
        const bool says = c.assertion != Assertion::reports || c.killed || c.wounded;
        if (says && is_party(c.side)) {
            kept.push_back(c);
        }
    }
    Proto& current = state.protos[*state.current];
    if (kept.empty()) {
        // The statement about the incident runs on ("... the command is conducting an
        // investigation,” added the statement."): the incident is still the one spoken of.
        const bool continues = std::any_of(r.claims.begin(), r.claims.end(), [&](const Claim& c) {
            return !c.who.empty() &&
                   std::any_of(current.event.claims.begin(), current.event.claims.end(),
                               [&](const Claim& d) { return d.who == c.who; });
        });
        if (continues) {
            current.last_sentence = r.index;
        }
        return;
    }
    add_claims(current.event, kept, r.source);
    current.last_sentence = r.index;
    add_to_siblings(kept, r.source, state);
}

// The place of a checkpoint or blockade: the nearest place that can have one, a fitting kind
// (a road for a blockade, a checkpoint or bridge for a checkpoint) preferred.
PlaceMention* checkpoint_place(SentenceReading& r, const TriggerHit& t) {
    PlaceMention* where = nullptr;
    std::size_t best = 0;
    for (PlaceMention& m : r.mentions) {
        const Place* p = mention_place(m);
        if (p == nullptr || m.role == MentionRole::actor || m.role == MentionRole::name_part ||
            is_abroad(*p) || p->kind == PlaceKind::country) {
            continue;
        }
        std::size_t dist = span_distance(t.begin, t.end, m.mention.begin - r.sentence.begin,
                                         m.mention.end - r.sentence.begin);
        const bool fits = t.trigger == Trigger::blockade
                              ? p->kind == PlaceKind::corridor
                              : (p->kind == PlaceKind::checkpoint || p->kind == PlaceKind::bridge);
        if (fits) {
            dist /= fitting_place_bias;
        }
        if (where == nullptr || dist < best) {
            where = &m;
            best = dist;
        }
    }
    return where;
}

// Stage 4c: checkpoints and blockades, dated, at a corridor, road, bridge or settlement.
void checkpoint_events(SentenceReading& r, ArticleEvents& state) {
    std::vector<EventKind> done_kinds;
    for (const TriggerHit& t : r.triggers) {
        // One event per kind and sentence ("closed the checkpoint ..., blocking the road").
        if ((t.trigger != Trigger::checkpoint && t.trigger != Trigger::blockade) ||
            std::find(done_kinds.begin(), done_kinds.end(), t.kind) != done_kinds.end()) {
            continue;
        }
        // A blockade or checkpoint in a sentence of the lead without a date of its own is the
        // news of the day ("Azerbaijanis closed the road", "forces have set up a checkpoint"), or
        // continues the incident dated last; never a habit, history, or background further down
        // ("... when activists blocked the corridor"). An undated checkpoint is of the report's
        // day only until a sentence names the day it was set up.
        const DateMention* d = r.nearest_date(t.begin, t.end);
        if (r.history ||
            (d == nullptr &&
             (r.index >= lead_sentences || is_habitual(r.sentence, r.dates) ||
              (t.trigger == Trigger::checkpoint && !installed_in_perfect(r.sentence))))) {
            continue;
        }
        const bool report_day = d == nullptr && t.trigger == Trigger::checkpoint;
        const DateRange date =
            d != nullptr ? d->date
            : report_day ? DateRange{state.published, state.published, DatePrecision::day}
            : state.incident_date
                ? *state.incident_date
                : DateRange{state.published, state.published, DatePrecision::unknown};
        PlaceMention* where = checkpoint_place(r, t);
        std::optional<PlaceMention> anaphor;
        if (where == nullptr && state.last_corridor) {
            // "the corridor", "the road": the corridor named last.
            const std::string low = lower_ascii(r.sentence.text);
            if (low.find("the corridor") != std::string::npos ||
                low.find("the road") != std::string::npos) {
                anaphor = *state.last_corridor;
            }
        }
        if (where == nullptr && !anaphor) {
            continue;
        }
        if (where != nullptr) {
            where->role = MentionRole::incident_location;
        }
        Proto p;
        p.event = make_event(t.kind, date, where ? *where : *anaphor);
        if (date.precision != DatePrecision::unknown) {
            p.votes.push_back(Vote{date, 1, r.source, report_day});
        }
        p.last_sentence = r.index;
        add_claims(p.event, r.claims, r.source);
        state.protos.push_back(std::move(p));
        done_kinds.push_back(t.kind);
    }
}

// Stage 4d: hand-overs of villages or a town ("the army took control of A and the adjacent B and
// C villages"), at the places named, the finest ones (the villages, not their district), as one
// event over all of them. Like a blockade: dated by the sentence, or the news of the day in the
// lead; never history, a plan ("is to be handed over") or background further down.
void handover_events(SentenceReading& r, ArticleEvents& state) {
    const auto t = std::find_if(r.triggers.begin(), r.triggers.end(),
                                [](const TriggerHit& h) { return h.trigger == Trigger::handover; });
    if (t == r.triggers.end() || r.history || is_future(r.sentence)) {
        return;
    }
    const DateMention* d = r.nearest_date(t->begin, t->end);
    if (d == nullptr && (r.index >= lead_sentences || is_habitual(r.sentence, r.dates))) {
        return;
    }
    IncidentPlaces where;
    for (const PlaceMention* m : finest_places(r, MentionRole::incident_location)) {
        const Place* p = mention_place(*m);
        if (p != nullptr && !is_abroad(*p) && p->kind != PlaceKind::country &&
            p->kind != PlaceKind::corridor && p->kind != PlaceKind::border_sector) {
            where.targets.push_back(m);
        }
    }
    if (where.targets.empty()) {
        return;
    }
    const DateRange date =
        d != nullptr ? d->date : DateRange{state.published, state.published, DatePrecision::day};
    Proto p;
    p.event = make_incident(EventKind::handover, date, where);
    // Undated, the day of the report: any day a sentence names for the hand-over wins over it.
    p.votes.push_back(
        Vote{date, d != nullptr ? std::size_t{2} : std::size_t{1}, r.source, d == nullptr});
    p.last_sentence = r.index;
    // Each side says what it did or saw: no one is accused of a hand-over.
    std::vector<Claim> claims = r.claims;
    for (Claim& c : claims) {
        if (c.assertion == Assertion::accuses) {
            c.assertion = Assertion::reports;
        }
        c.against = Side::unknown;
    }
    add_claims(p.event, claims, r.source);
    state.protos.push_back(std::move(p));
}

bool is_context_trigger(const TriggerHit& t) {
    return t.trigger == Trigger::talks || t.trigger == Trigger::statement ||
           t.trigger == Trigger::mission;
}

// The name at byte `mb` of the sentence is introduced by a preposition, over fillers: "in
// Washington", "in the city of Brussels", not "the Washington talks". The tokens of the window of
// preposition_window bytes before the name, cut at its edges as tokenising the window would.
bool introduced_by_preposition(const TokenizedSentence& s, std::size_t mb) {
    const std::size_t from = mb > preposition_window ? mb - preposition_window : 0;
    for (auto it = s.tokens.rbegin(); it != s.tokens.rend(); ++it) {
        if (it->begin >= mb) {
            continue;
        }
        if (it->end <= from) {
            break;
        }
        const std::size_t b = std::max(it->begin, from);
        const std::string_view w = s.text.substr(b, std::min(it->end, mb) - b);
        if (is_locative_preposition(w)) {
            return true;
        }
        if (!is_locative_filler(w)) {
            return false;
        }
    }
    return false;
}

// The context place for date `d`: the unused context location introduced by a preposition nearest
// to the date, within reach of it.
std::optional<std::size_t> context_place(const SentenceReading& r, const DateMention& d,
                                         const std::vector<bool>& used) {
    const std::string_view s = r.sentence.text;
    // A date that opens the sentence ("On October 7, the EU announced...") dates its main clause;
    // any other date only the place named next to it.
    std::string opening = lower_ascii(s.substr(0, d.begin));
    while (!opening.empty() && opening.back() == ' ') {
        opening.pop_back();
    }
    const bool fronted = opening.empty() || opening == "on" || opening == "in" || opening == "at" ||
                         opening == "since" || opening == "by";
    const std::size_t reach = fronted ? s.size() : context_date_reach;
    std::optional<std::size_t> pick;
    std::size_t best = 0;
    for (std::size_t k = 0; k < r.mentions.size(); ++k) {
        const PlaceMention& m = r.mentions[k];
        const Place* p = mention_place(m);
        if (p == nullptr || used[k] || m.role != MentionRole::context_location) {
            continue;
        }
        // In a sentence about fire, only talks abroad or in a city are context events ("ahead of
        // talks in Washington on Monday").
        if (r.has_incident && p->kind == PlaceKind::country) {
            continue;
        }
        const std::size_t mb = m.mention.begin - r.sentence.begin;
        const std::size_t me = m.mention.end - r.sentence.begin;
        const std::size_t dist = span_distance(mb, me, d.begin, d.end);
        if (!introduced_by_preposition(r.sentence, mb) || dist > reach) {
            continue;
        }
        if (!pick || dist < best) {
            pick = k;
            best = dist;
        }
    }
    return pick;
}

// The context trigger (talks, statement, mission) nearest to a mention.
const TriggerHit* nearest_context_trigger(const SentenceReading& r, const PlaceMention& m) {
    const std::size_t mb = m.mention.begin - r.sentence.begin;
    const std::size_t me = m.mention.end - r.sentence.begin;
    const TriggerHit* nearest = nullptr;
    std::size_t nd = 0;
    for (const TriggerHit& t : r.triggers) {
        if (!is_context_trigger(t)) {
            continue;
        }
        const std::size_t dist = span_distance(mb, me, t.begin, t.end);
        if (nearest == nullptr || dist < nd) {
            nearest = &t;
            nd = dist;
        }
    }
    return nearest;
}

// Stage 4d: context events (talks, statements, missions), each at a place named next to its date
// ("will meet on Sunday in Brussels", "speaking on 10 May from Shusha").
void context_events(const SentenceReading& r, std::optional<std::size_t> own_date_begin,
                    ArticleEvents& state) {
    if (std::none_of(r.triggers.begin(), r.triggers.end(), is_context_trigger) || r.dates.empty()) {
        return;
    }
    const bool future = is_future(r.sentence);
    std::vector<bool> used(r.mentions.size(), false);
    for (const DateMention& d : r.dates) {
        if (r.has_incident && own_date_begin && d.begin == *own_date_begin) {
            continue; // the date of the fire, not of the talks
        }
        const std::optional<std::size_t> pick = context_place(r, d, used);
        if (!pick) {
            continue;
        }
        used[*pick] = true;
        const PlaceMention& m = r.mentions[*pick];
        const TriggerHit* nearest = nearest_context_trigger(r, m);
        if (r.has_incident && nearest->kind != EventKind::talks) {
            continue;
        }
        const DateRange date = future ? d.upcoming : d.date;
        Proto p;
        p.event = make_event(nearest->kind, date, m);
        p.votes.push_back(Vote{date, 1, r.source});
        p.last_sentence = r.index;
        std::vector<Claim> claims;
        if (nearest->kind == EventKind::statement) {
            claims = r.claims;
        }
        add_claims(p.event, claims, r.source);
        state.protos.push_back(std::move(p));
    }
}

// Stage 5: each event's date by vote, then what is one event merged; warnings for an article
// without places or without placed incidents.
// An article that reports fire but names no place sitmap knows ("two days of fighting that killed
// 155 troops", said by a party): one incident along the whole Armenia–Azerbaijan border, known to
// the region, mapped as the border's uncertainty band and listed instead of lost. Only when the
// article has no placed incident and a party speaks of the fire.
void whole_border_incident(const Place& border, ArticleEvents& state) {
    const bool placed = std::any_of(state.protos.begin(), state.protos.end(), [](const Proto& p) {
        return layer_of(p.event.kind) == EventLayer::incident;
    });
    const bool party_speaks =
        std::any_of(state.pending.begin(), state.pending.end(), [](const Pending& q) {
            return std::any_of(q.claims.begin(), q.claims.end(),
                               [](const Claim& c) { return is_party(c.side); });
        });
    if (placed || !party_speaks) {
        return;
    }
    Proto p;
    p.event = make_event(state.pending.front().kind,
                         DateRange{state.published, state.published, DatePrecision::day}, border,
                         GeoPrecision::region);
    p.evidence = state.pending.front().evidence;
    p.event.targets.push_back(
        EventPlace{border.id, border.name, border.anchor, GeoPrecision::region});
    p.votes.push_back(Vote{p.event.date, 1, state.pending.front().source, true});
    for (const Pending& q : state.pending) {
        take_pending(p, q, 2);
    }
    state.protos.push_back(std::move(p));
    state.pending.clear();
}

Extraction finish(const Article& article, std::vector<PlaceMention> mentions,
                  ArticleEvents& state) {
    Extraction out;
    out.mentions = std::move(mentions);
    std::vector<Event> events;
    std::vector<std::vector<Vote>> votes;
    for (Proto& p : state.protos) {
        p.event.date = best_date(p.votes, p.event.date);
        events.push_back(std::move(p.event));
        votes.push_back(std::move(p.votes));
    }
    // Every sentence's date stays a vote through the merge, not only each proto-event's winner.
    out.events = merge_with_votes(std::move(events), std::move(votes));
    const bool any_place =
        std::any_of(out.mentions.begin(), out.mentions.end(),
                    [](const PlaceMention& m) { return mention_place(m) != nullptr; });
    // Every name that could not be placed is said, once per spelling.
    std::vector<std::string> said;
    for (const PlaceMention& m : out.mentions) {
        const Resolution& r = m.mention.resolution;
        if (r.resolved || std::find(said.begin(), said.end(), m.mention.surface) != said.end()) {
            continue;
        }
        said.push_back(m.mention.surface);
        std::string w = article.id + ": '" + m.mention.surface + "' not located";
        if (!r.note.empty()) {
            w += " (" + r.note + ")";
        }
        if (!r.candidates.empty() && r.candidates.front().place != nullptr) {
            std::vector<std::string_view> names;
            for (const Candidate& c : r.candidates) {
                if (c.place != nullptr && names.size() < 3 &&
                    std::find(names.begin(), names.end(), c.place->name) == names.end()) {
                    names.push_back(c.place->name);
                }
            }
            w += "; did you mean";
            for (std::size_t i = 0; i < names.size(); ++i) {
                w += (i == 0 ? " " : ", ");
                w += names[i];
            }
            w += "?";
        }
        out.warnings.push_back(std::move(w));
    }
    if (!any_place) {
        out.warnings.push_back(article.id + ": no place found in the article; no events");
    } else if (out.events.empty() && state.placeless_incidents > 0) {
        out.warnings.push_back(article.id + ": incidents reported without a place that sitmap "
                                            "knows; no events");
    }
    return out;
}

} // namespace

Extraction extract_events(const Article& article, const std::vector<TextMention>& found,
                          const Place* whole_border) {
    const std::vector<Sentence> sentences = text::split_sentences(article.text);
    std::vector<std::vector<PlaceMention>> by_sentence = mentions_by_sentence(found, sentences);
    std::vector<PlaceMention> all;
    all.reserve(found.size());
    ArticleEvents state;
    state.published = reference_date(article.text, article.published);
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        SentenceReading r =
            read_sentence(article, state.published, sentences[si], si, std::move(by_sentence[si]),
                          incident_to_locate(si, state));
        anchor_dates(r, state);
        read_claims(r, state);
        const std::optional<std::size_t> own_date_begin = incident_events(r, state);
        follow_up_claims(r, state);
        spread_no_losses(r, state);
        checkpoint_events(r, state);
        handover_events(r, state);
        context_events(r, own_date_begin, state);
        for (PlaceMention& m : r.mentions) {
            if (const Place* p = mention_place(m); p != nullptr && p->kind == PlaceKind::corridor) {
                state.last_corridor = m;
            } else if (p != nullptr && p->kind == PlaceKind::settlement &&
                       m.role != MentionRole::name_part) {
                state.last_village = m;
            }
            all.push_back(std::move(m));
        }
    }
    if (whole_border != nullptr) {
        whole_border_incident(*whole_border, state);
    }
    return finish(article, std::move(all), state);
}

} // namespace sitmap::geo::detail
