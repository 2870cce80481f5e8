#include "geo/core/event.hpp"

#include "geo/core/error.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

namespace sitmap::geo {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 13> kind_names{{
    {EventKind::shelling, "shelling"},
    {EventKind::mortar_fire, "mortar_fire"},
    {EventKind::small_arms_fire, "small_arms_fire"},
    {EventKind::drone_strike, "drone_strike"},
    {EventKind::vehicle_attack, "vehicle_attack"},
    {EventKind::casualties, "casualties"},
    {EventKind::armed_clash, "armed_clash"},
    {EventKind::checkpoint_installed, "checkpoint_installed"},
    {EventKind::checkpoint_closed, "checkpoint_closed"},
    {EventKind::blockade, "blockade"},
    {EventKind::talks, "talks"},
    {EventKind::statement, "statement"},
    {EventKind::mission_deployment, "mission_deployment"},
}};

constexpr std::array<std::pair<Side, std::string_view>, 6> side_names{{
    {Side::armenia, "armenia"},
    {Side::azerbaijan, "azerbaijan"},
    {Side::russia, "russia"},
    {Side::eu, "eu"},
    {Side::other, "other"},
    {Side::unknown, "unknown"},
}};

constexpr std::array<std::pair<Assertion, std::string_view>, 4> assertion_names{{
    {Assertion::accuses, "accuses"},
    {Assertion::reports_own_losses, "reports_own_losses"},
    {Assertion::denies, "denies"},
    {Assertion::reports, "reports"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e) {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view s,
              const char* what) {
    for (const auto& [value, name] : table) {
        if (name == s) {
            return value;
        }
    }
    std::string known;
    for (const auto& entry : table) {
        known += known.empty() ? "" : ", ";
        known += entry.second;
    }
    throw input_error("unknown " + std::string(what) + " '" + std::string(s) +
                      "' (known: " + known + ")");
}

// The side whose losses a claim's figures describe: a party reporting figures speaks of its own
// losses unless it is an outside observer.
bool has_figures(const Claim& c) {
    return c.killed.has_value() || c.wounded.has_value();
}

} // namespace

std::string_view to_string(EventKind kind) {
    return name_of(kind_names, kind);
}

EventKind event_kind_from_string(std::string_view s) {
    return value_of(kind_names, s, "event kind");
}

EventLayer layer_of(EventKind kind) {
    switch (kind) {
    case EventKind::checkpoint_installed:
    case EventKind::checkpoint_closed:
    case EventKind::blockade:
        return EventLayer::checkpoint;
    case EventKind::talks:
    case EventKind::statement:
    case EventKind::mission_deployment:
        return EventLayer::context;
    default:
        return EventLayer::incident;
    }
}

std::string_view to_string(EventLayer layer) {
    switch (layer) {
    case EventLayer::incident:
        return "incident";
    case EventLayer::checkpoint:
        return "checkpoint";
    case EventLayer::context:
        break;
    }
    return "context";
}

std::string_view to_string(Side side) {
    return name_of(side_names, side);
}
Side side_from_string(std::string_view s) {
    return value_of(side_names, s, "side");
}
std::string_view to_string(Assertion a) {
    return name_of(assertion_names, a);
}
Assertion assertion_from_string(std::string_view s) {
    return value_of(assertion_names, s, "assertion");
}

std::string_view to_string(DatePrecision p) {
    switch (p) {
    case DatePrecision::day:
        return "day";
    case DatePrecision::range:
        return "range";
    case DatePrecision::month:
        return "month";
    case DatePrecision::unknown:
        break;
    }
    return "unknown";
}

std::string format_date(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::chrono::year_month_day parse_date(std::string_view iso) {
    const auto bad = [&] {
        return input_error("invalid date '" + std::string(iso) + "' (expected YYYY-MM-DD)");
    };
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
        throw bad();
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto num = [&](std::size_t pos, std::size_t len, auto& out) {
        const char* first = iso.data() + pos;
        const char* last = first + len;
        if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) {
            throw bad();
        }
        std::from_chars(first, last, out);
    };
    num(0, 4, y);
    num(5, 2, m);
    num(8, 2, d);
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok() || y < 1900) {
        throw bad();
    }
    return ymd;
}

bool Event::disputed() const {
    for (const Claim& c : claims) {
        if (c.assertion == Assertion::denies) {
            return true;
        }
    }
    // Each party blames the other.
    const auto accuses = [&](Side who, Side whom) {
        return std::any_of(claims.begin(), claims.end(), [&](const Claim& c) {
            return c.side == who && c.assertion == Assertion::accuses && c.against == whom;
        });
    };
    if (accuses(Side::armenia, Side::azerbaijan) && accuses(Side::azerbaijan, Side::armenia)) {
        return true;
    }
    // The same party's losses stated with different figures by different sources.
    for (std::size_t i = 0; i < claims.size(); ++i) {
        for (std::size_t j = i + 1; j < claims.size(); ++j) {
            const Claim& a = claims[i];
            const Claim& b = claims[j];
            if (a.side != b.side || a.side == Side::unknown || !has_figures(a) || !has_figures(b)) {
                continue;
            }
            const bool killed_differ = a.killed && b.killed && *a.killed != *b.killed;
            const bool wounded_differ = a.wounded && b.wounded && *a.wounded != *b.wounded;
            if (killed_differ || wounded_differ) {
                return true;
            }
        }
    }
    return false;
}

} // namespace sitmap::geo
