#include "geo/io/acled.hpp"

#include "geo/core/error.hpp"
#include "geo/dates/dates.hpp"
#include "geo/io/detail/gdal.hpp"
#include "geo/io/output_file.hpp"
#include "geo/text/tokens.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace sitmap::geo {
namespace {

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

bool is_party(Side s) {
    return s != Side::unknown && s != Side::other;
}

std::vector<std::string> reporters(std::string_view source) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= source.size()) {
        const std::size_t semi = std::min(source.find(';', from), source.size());
        if (std::string r = trimmed(source.substr(from, semi - from)); !r.empty()) {
            out.push_back(std::move(r));
        }
        from = semi + 1;
    }
    return out;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// 1: the day is known; 2: within a week; 3: longer, a month, or unknown (ACLED's scale).
int time_precision(const DateRange& d) {
    if (d.precision == DatePrecision::day) {
        return 1;
    }
    if (d.precision == DatePrecision::range && d.begin.ok() && d.end.ok()) {
        const auto days = std::chrono::sys_days{d.end} - std::chrono::sys_days{d.begin};
        return days.count() <= 6 ? 2 : 3;
    }
    return 3;
}

struct Actors {
    Side actor1 = Side::unknown;
    Side actor2 = Side::unknown;
};

Side opponent(Side s) {
    return s == Side::armenia      ? Side::azerbaijan
           : s == Side::azerbaijan ? Side::armenia
                                   : Side::unknown;
}

// The first accusation decides who is the perpetrator; else a party's own losses make the other
// party the perpetrator; else (context) the first two parties that speak.
Actors actors_of(const Event& e) {
    for (const Claim& c : e.claims) {
        if (c.assertion == Assertion::accuses && is_party(c.against)) {
            return {c.against, is_party(c.side) ? c.side : Side::unknown};
        }
    }
    if (layer_of(e.kind) == EventLayer::incident) {
        for (const Claim& c : e.claims) {
            if (c.assertion == Assertion::reports_own_losses && is_party(c.side)) {
                return {opponent(c.side), c.side};
            }
        }
    }
    Actors a;
    for (const Claim& c : e.claims) {
        for (const Side s : {c.side, c.against}) {
            if (!is_party(s) || s == a.actor1) {
                continue;
            }
            if (a.actor1 == Side::unknown) {
                a.actor1 = s;
            } else if (a.actor2 == Side::unknown) {
                a.actor2 = s;
            }
        }
    }
    return a;
}

std::string country_name(std::string_view iso2) {
    return iso2 == "AM" ? "Armenia" : iso2 == "AZ" ? "Azerbaijan" : std::string(iso2);
}

std::string iso_numeric(std::string_view iso2) {
    return iso2 == "AM" ? "51" : iso2 == "AZ" ? "31" : "";
}

// "Azerbaijan", "EU": a party as a sentence names it.
std::string party_name(Side s) {
    std::string name(to_string(s));
    if (s == Side::eu) {
        return "EU";
    }
    if (!name.empty()) {
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
    }
    return name;
}

std::string figures(const Claim& c) {
    std::string s;
    if (c.killed) {
        s += std::to_string(*c.killed) + " killed";
    }
    if (c.wounded) {
        s += (s.empty() ? "" : ", ") + std::to_string(*c.wounded) + " wounded";
    }
    return s;
}

std::string notes_of(const Event& e) {
    std::string notes = e.summary;
    for (const Claim& c : e.claims) {
        std::string line = c.who.empty() ? party_name(c.side) : c.who;
        line += ' ';
        line += to_string(c.assertion);
        if (is_party(c.against)) {
            line += ' ';
            line += party_name(c.against);
        }
        if (const std::string f = figures(c); !f.empty()) {
            line += " (" + f + ")";
        }
        notes += (notes.empty() ? "" : "; ") + line;
    }
    return notes;
}

std::string sources_of(const Event& e) {
    std::vector<std::string> names;
    for (const Claim& c : e.claims) {
        const std::string& name = c.who.empty() ? c.source.article : c.who;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(name);
        }
    }
    if (names.empty()) {
        for (const SourceRef& s : e.sources) {
            if (!s.article.empty() &&
                std::find(names.begin(), names.end(), s.article) == names.end()) {
                names.push_back(s.article);
            }
        }
    }
    std::string out;
    for (const std::string& n : names) {
        out += (out.empty() ? "" : "; ") + n;
    }
    return out;
}

long long fatalities_of(const Event& e) {
    std::optional<int> lowest;
    for (const Claim& c : e.claims) {
        if (c.killed && c.assertion != Assertion::denies && (!lowest || *c.killed < *lowest)) {
            lowest = c.killed;
        }
    }
    return lowest.value_or(0);
}

} // namespace

Side acled_side(std::string_view actor) {
    const std::string a = text::lower_ascii(actor);
    // The EU mission first ("European Union Mission in Armenia"), then "Armenian",
    // "Azerbaijani" and the country names, and Russia's peacekeepers.
    if (a.find("european union") != std::string::npos || a.rfind("eu ", 0) == 0 ||
        a.rfind("euma", 0) == 0) {
        return Side::eu;
    }
    if (a.find("armenia") != std::string::npos) {
        return Side::armenia;
    }
    if (a.find("azerbaijan") != std::string::npos) {
        return Side::azerbaijan;
    }
    if (a.find("russia") != std::string::npos) {
        return Side::russia;
    }
    return trimmed(a).empty() ? Side::unknown : Side::other;
}

std::string_view acled_actor(Side side, EventLayer layer) {
    const bool government = layer == EventLayer::context;
    switch (side) {
    case Side::armenia:
        return government ? "Government of Armenia (2018-)" : "Military Forces of Armenia (2018-)";
    case Side::azerbaijan:
        return government ? "Government of Azerbaijan (2003-)"
                          : "Military Forces of Azerbaijan (2003-)";
    case Side::russia:
        return government ? "Government of Russia (2000-)" : "Military Forces of Russia (2000-)";
    case Side::eu:
        return "EUMA: European Union Mission in Armenia";
    case Side::other:
    case Side::unknown:
        break;
    }
    return "";
}

std::vector<Claim> acled_claims(std::string_view actor1, std::string_view actor2,
                                std::string_view source, std::optional<int> fatalities,
                                std::string_view notes) {
    const Side perpetrator = acled_side(actor1);
    const Side target = acled_side(actor2);
    const std::vector<std::string> who = reporters(source);
    bool several_parties = false;
    for (const std::string& w : who) {
        several_parties = several_parties ||
                          (is_party(acled_side(w)) && acled_side(w) != acled_side(who.front()));
    }
    std::vector<Claim> claims;
    for (const std::string& w : who) {
        Claim c;
        c.who = w;
        c.side = acled_side(w);
        if (is_party(perpetrator) && c.side != perpetrator) {
            c.assertion = Assertion::accuses; // the reporter blames actor1
            c.against = perpetrator;
        } else if (is_party(c.side) && c.side == perpetrator && several_parties &&
                   is_party(target)) {
            c.assertion = Assertion::accuses; // both sides report: each blames the other
            c.against = target;
        } else {
            c.assertion = Assertion::reports;
            c.against = target;
        }
        c.text = std::string(notes);
        c.source = SourceRef{w, 0, 0};
        claims.push_back(std::move(c));
    }
    if (claims.empty() || (claims.size() > 1 && fatalities && *fatalities > 0)) {
        Claim c;
        c.who = claims.empty() ? std::string(actor1) : "ACLED";
        c.side = claims.empty() ? perpetrator : Side::other;
        c.assertion = Assertion::reports;
        c.against = target;
        c.text = std::string(notes);
        c.source = SourceRef{claims.empty() ? std::string(actor1) : "ACLED", 0, 0};
        claims.push_back(std::move(c));
    }
    // ACLED's 0 means no fatalities reported, not a figure that could contradict another.
    if (fatalities && *fatalities > 0) {
        claims.back().killed = *fatalities;
    }
    return claims;
}

const std::vector<std::string_view>& acled_columns() {
    static const std::vector<std::string_view> columns{"event_id_cnty",
                                                       "event_date",
                                                       "year",
                                                       "time_precision",
                                                       "disorder_type",
                                                       "event_type",
                                                       "sub_event_type",
                                                       "actor1",
                                                       "inter1",
                                                       "actor2",
                                                       "inter2",
                                                       "interaction",
                                                       "civilian_targeting",
                                                       "iso",
                                                       "region",
                                                       "country",
                                                       "admin1",
                                                       "location",
                                                       "latitude",
                                                       "longitude",
                                                       "geo_precision",
                                                       "source",
                                                       "notes",
                                                       "fatalities",
                                                       "tags"};
    return columns;
}

void export_acled_csv(const std::vector<Event>& events, const std::filesystem::path& path,
                      const Gazetteer* gazetteer, Overwrite overwrite) {
    OutputFile out(path, overwrite);
    const detail::QuietGdalErrors quiet;
    try {
        detail::DatasetPtr ds = detail::create_vector("CSV", out.temp_path());
        OGRLayerH layer = detail::create_layer(ds.get(), "events", wkbNone,
                                               {"LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED"});
        for (std::string_view c : acled_columns()) {
            detail::add_field(layer, std::string(c).c_str(), OFTString);
        }
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        for (const Event& e : events) {
            detail::FeaturePtr f(OGR_F_Create(defn));
            const auto set = [&](const char* name, const std::string& v) {
                detail::set_field(f.get(), name, v);
            };
            const EventKindInfo& info = kind_info(e.kind);
            const Actors actors = actors_of(e);
            const EventLayer layer_kind = layer_of(e.kind);
            const std::string actor1(acled_actor(actors.actor1, layer_kind));
            const std::string actor2(acled_actor(actors.actor2, layer_kind));
            const bool civilians = info.acled_event_type == "Violence against civilians";
            set("event_id_cnty", e.id);
            set("event_date", e.date.begin.ok() ? format_date(e.date.begin) : "");
            set("year",
                e.date.begin.ok() ? std::to_string(static_cast<int>(e.date.begin.year())) : "");
            set("time_precision", std::to_string(time_precision(e.date)));
            set("disorder_type", info.acled_event_type == "Strategic developments"
                                     ? "Strategic developments"
                                     : "Political violence");
            set("event_type", std::string(info.acled_event_type));
            set("sub_event_type", std::string(info.acled_sub_event_type));
            set("actor1", actor1);
            set("inter1", actor1.empty() ? "" : "1");
            set("actor2", civilians && actor2.empty() ? "Civilians" : actor2);
            const std::string inter2 = civilians && actor2.empty() ? "7"
                                       : actor2.empty()            ? ""
                                                                   : "1";
            set("inter2", inter2);
            set("interaction", actor1.empty() ? "" : "1" + (inter2.empty() ? "0" : inter2));
            set("civilian_targeting", civilians ? "Civilian targeting" : "");
            const Place* place =
                gazetteer != nullptr && !e.place_id.empty() ? gazetteer->find(e.place_id) : nullptr;
            if (place != nullptr && !place->country.empty()) {
                set("iso", iso_numeric(place->country));
                set("region", "Caucasus and Central Asia");
                set("country", country_name(place->country));
                set("admin1", place->admin1);
            }
            set("location", e.place_name);
            set("latitude", fixed(e.location.lat, 4));
            set("longitude", fixed(e.location.lon, 4));
            set("geo_precision", std::to_string(static_cast<int>(e.precision)));
            set("source", sources_of(e));
            set("notes", notes_of(e));
            set("fatalities", std::to_string(fatalities_of(e)));
            set("tags", e.disputed() ? "disputed" : "");
            detail::create_feature(layer, f.get(), "event " + e.id);
        }
        detail::close_dataset(ds);
    } catch (const Error& err) {
        throw err.with_context(path.string());
    }
    out.commit();
}

} // namespace sitmap::geo
