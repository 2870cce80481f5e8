#include "render/events.hpp"

#include "geo/core/error.hpp"
#include "geo/io/event_io.hpp"
#include "geo/io/fire_lines.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

namespace sitmap::render {
namespace {

int to_int(std::string_view s, int fallback) {
    int v = fallback;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    return res.ec == std::errc() ? v : fallback;
}

// "who (what): N killed, M wounded; who (what)..." for titles and tooltips.
std::string claims_summary(const std::vector<geo::Claim>& claims);

std::string assertion_name(geo::Assertion a) {
    switch (a) {
    case geo::Assertion::accuses:
        return "accuses";
    case geo::Assertion::reports_own_losses:
        return "reports own losses";
    case geo::Assertion::denies:
        return "denies";
    case geo::Assertion::reports:
        break;
    }
    return "reports";
}

std::string claims_summary(const std::vector<geo::Claim>& claims) {
    std::string out;
    for (const geo::Claim& c : claims) {
        std::string what = assertion_name(c.assertion);
        if (c.assertion == geo::Assertion::accuses && c.against != geo::Side::unknown) {
            what += ' ';
            what += geo::to_string(c.against);
        }
        std::string one = c.who;
        if (!one.empty()) {
            one += ' ';
        }
        one += '(';
        one += what;
        one += ')';
        const char* sep = ": ";
        using Figure = std::pair<std::optional<int>, const char*>;
        for (const auto& [figure, word] :
             {Figure{c.killed, " killed"}, Figure{c.wounded, " wounded"}}) {
            if (figure) {
                one += sep;
                one += std::to_string(*figure);
                one += word;
                sep = ", ";
            }
        }
        if (!out.empty()) {
            out += "; ";
        }
        out += one;
    }
    return out;
}

std::string iso(std::chrono::year_month_day d) {
    if (!d.ok()) {
        return {}; // an event without a date
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace

std::string format_date_range(std::string_view begin, std::string_view end) {
    static constexpr std::array<const char*, 12> months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct Ymd {
        int y = 0, m = 0, d = 0;
        bool ok = false;
    };
    auto parse = [](std::string_view s) {
        Ymd r;
        if (s.size() >= 10 && s[4] == '-' && s[7] == '-') {
            r.y = to_int(s.substr(0, 4), 0);
            r.m = to_int(s.substr(5, 2), 0);
            r.d = to_int(s.substr(8, 2), 0);
            r.ok = r.y > 0 && r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31;
        }
        return r;
    };
    const Ymd a = parse(begin);
    Ymd b = parse(end);
    if (!a.ok) {
        return std::string(begin);
    }
    if (!b.ok) {
        b = a;
    }
    auto full = [](const Ymd& x) {
        return std::to_string(x.d) + " " + months[static_cast<std::size_t>(x.m - 1)] + " " +
               std::to_string(x.y);
    };
    if (a.y == b.y && a.m == b.m && a.d == b.d) {
        return full(a);
    }
    if (a.y == b.y && a.m == b.m) {
        return std::to_string(a.d) + "–" + full(b);
    }
    if (a.y == b.y) {
        return std::to_string(a.d) + " " + months[static_cast<std::size_t>(a.m - 1)] + " – " +
               full(b);
    }
    return full(a) + " – " + full(b);
}

std::string_view side_label(geo::Side side) {
    switch (side) {
    case geo::Side::armenia:
        return "Armenia";
    case geo::Side::azerbaijan:
        return "Azerbaijan";
    case geo::Side::russia:
        return "Russia";
    case geo::Side::eu:
        return "EU";
    case geo::Side::other:
        return "Other";
    case geo::Side::unknown:
        break;
    }
    return "Unattributed";
}

std::string side_claims_text(const EventRecord& e) {
    const auto named = std::count_if(e.sides.begin(), e.sides.end(), [](const SideClaim& s) {
        return s.side != geo::Side::unknown;
    });
    if (named < 2) {
        return {};
    }
    std::string out;
    for (const SideClaim& s : e.sides) {
        if (s.side == geo::Side::unknown) {
            continue; // a sentence that names no side is no side's claim
        }
        std::string one(side_label(s.side));
        one += ": ";
        std::string figures;
        if (s.killed >= 0) {
            figures = std::to_string(s.killed) + " killed";
        }
        if (s.wounded >= 0) {
            figures += (figures.empty() ? "" : ", ") + std::to_string(s.wounded) + " wounded";
        }
        if (s.killed == 0 && s.wounded == 0) {
            one += "no losses";
        } else if (!figures.empty()) {
            one += figures;
        } else if (s.assertion == geo::Assertion::denies) {
            one += "denies";
        } else if (s.assertion == geo::Assertion::accuses && s.against != geo::Side::unknown) {
            one += "blames " + std::string(side_label(s.against));
        } else {
            one += "no figures";
        }
        out += (out.empty() ? "" : "\n") + one;
    }
    return out;
}

std::string event_title(const EventRecord& e) {
    std::string t = e.place_name.empty() ? std::string() : e.place_name + ", ";
    t += format_date_range(e.date_begin, e.date_end);
    std::string kind(geo::to_string(e.kind));
    std::replace(kind.begin(), kind.end(), '_', ' ');
    t += ": " + kind;
    if (e.disputed) {
        t += " (disputed)";
    }
    if (!e.claims.empty()) {
        t += ". Claims: " + e.claims;
    }
    return t;
}

namespace {

// How strongly a claim contradicts the other side: a denial, then an accusation, then a report.
int assertion_weight(geo::Assertion a) {
    switch (a) {
    case geo::Assertion::denies:
        return 3;
    case geo::Assertion::accuses:
        return 2;
    case geo::Assertion::reports_own_losses:
        return 1;
    case geo::Assertion::reports:
        break;
    }
    return 0;
}

std::vector<SideClaim> side_claims(const std::vector<geo::Claim>& claims) {
    std::vector<SideClaim> sides;
    for (const geo::Claim& c : claims) {
        auto it = std::find_if(sides.begin(), sides.end(),
                               [&](const SideClaim& s) { return s.side == c.side; });
        if (it == sides.end()) {
            sides.push_back({c.side, c.assertion, c.against, -1, -1});
            it = sides.end() - 1;
        } else if (assertion_weight(c.assertion) > assertion_weight(it->assertion)) {
            it->assertion = c.assertion;
            it->against = c.against;
        }
        if (c.killed) {
            it->killed = std::max(it->killed, *c.killed);
        }
        if (c.wounded) {
            it->wounded = std::max(it->wounded, *c.wounded);
        }
    }
    std::stable_sort(sides.begin(), sides.end(),
                     [](const SideClaim& a, const SideClaim& b) { return a.side < b.side; });
    return sides;
}

// The one conversion from the event model: articles, events files and other tools' files alike.
EventRecord record_of(const geo::Event& ev) {
    EventRecord e;
    e.id = ev.id;
    e.kind = ev.kind;
    e.geometry = ev.geometry;
    e.location = ev.location;
    e.precision = ev.precision;
    e.place_id = ev.place_id;
    e.place_name = ev.place_name;
    e.date_begin = iso(ev.date.begin);
    e.date_end = iso(ev.date.end);
    for (const auto& c : ev.claims) {
        if (c.killed) {
            e.killed = std::max(e.killed, *c.killed);
        }
        if (c.wounded) {
            e.wounded = std::max(e.wounded, *c.wounded);
        }
    }
    e.disputed = ev.disputed();
    e.claims = claims_summary(ev.claims);
    e.sides = side_claims(ev.claims);
    e.origins = ev.origins;
    e.fire_claimant = geo::fire_claimant(ev.claims);
    return e;
}

} // namespace

EventSet EventSet::read(const std::filesystem::path& path, const PlaceGeometry& place_geometry) {
    EventSet set;
    geo::for_each_event(
        path, geo::EventsSchema::lenient,
        [&](geo::EventFeature& f) {
            EventRecord e = record_of(f.event);
            // What the file states wins over what its claims add up to (other tools' files
            // state figures without listing claims).
            e.killed = f.killed_max.value_or(e.killed);
            e.wounded = f.wounded_max.value_or(e.wounded);
            e.disputed = f.disputed.value_or(e.disputed);
            if (place_geometry && e.precision == geo::GeoPrecision::region && !e.place_id.empty() &&
                std::holds_alternative<geo::PointGeom>(e.geometry)) {
                if (const geo::Geometry* g = place_geometry(e.place_id)) {
                    e.geometry = *g; // the events file stores the point; the area is the place's
                }
            }
            set.events.push_back(std::move(e));
        },
        [&set](std::size_t count) { set.events.reserve(count); });
    return set;
}

EventSet EventSet::from_events(const std::vector<geo::Event>& events) {
    EventSet set;
    set.events.reserve(events.size());
    for (const auto& ev : events) {
        set.events.push_back(record_of(ev));
    }
    return set;
}

void EventSet::append(EventSet&& other) {
    if (events.empty()) {
        events = std::move(other.events); // no second copy of a million events
        return;
    }
    events.insert(events.end(), std::make_move_iterator(other.events.begin()),
                  std::make_move_iterator(other.events.end()));
}

} // namespace sitmap::render
