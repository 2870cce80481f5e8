#pragma once
// ACLED's meaning, both ways. ACLED codes an event with a perpetrator (actor1), the side it was
// aimed at (actor2), and separately the `source` that reported it. sitmap codes the same event as
// claims: who says what, on which side. Reading maps ACLED's source to the speaker of a claim and
// actor1 to whom the speaker accuses; writing maps sitmap's claims back to actor1/actor2/source,
// and the kind table (geo/core/event.hpp) gives the event and sub-event types.

#include "geo/core/event.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/io/event_io.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

// The party an ACLED actor or source names ("Military Forces of Armenia (2018-)", "Armenian
// Ministry of Defence"): armenia, azerbaijan, russia, eu, other for any other name, unknown for "".
Side acled_side(std::string_view actor);

// ACLED's actor name for a party's forces (incidents, checkpoints) or government (context):
// "Military Forces of Azerbaijan (2003-)", "Government of Armenia (2018-)". "" for other/unknown.
std::string_view acled_actor(Side side, EventLayer layer);

// The claims of one ACLED row. Each `;`-separated reporter in `source` is a speaker: it accuses
// the perpetrator (actor1) when that is another party, else reports (against actor2). With one
// reporter, the row's fatalities are its figure; with several, ACLED's own figure is a separate
// claim by "ACLED". A fatalities of 0 (none reported) is no figure. Without a source, the row is ACLED's own report of actor1 against actor2.
std::vector<Claim> acled_claims(std::string_view actor1, std::string_view actor2,
                                std::string_view source, std::optional<int> fatalities,
                                std::string_view notes);

// The columns sitmap writes, in order (ACLED's export names).
const std::vector<std::string_view>& acled_columns();

// Writes events as an ACLED-style CSV, one row per event (UTF-8, LF, quoted where needed):
// event_id_cnty (sitmap's id), event_date (the first day), year, time_precision (1 a day, 2 up to
// a week, 3 longer or unknown), disorder_type, event_type, sub_event_type (the kind table),
// actor1/actor2 (the accused and the accusing party of the first accusation; for context events
// the parties named), inter1/inter2/interaction (1 state forces), civilian_targeting, iso,
// region, country, admin1 (from the gazetteer entry when `gazetteer` is given), location,
// latitude, longitude (4 decimals), geo_precision (1-3), source (every speaker, `; `),
// notes (the summary, then each claim), fatalities (the lowest figure of killed that any claim
// states, as ACLED counts conservatively; 0 when none), tags ("disputed" when the sides
// disagree). Written under a temporary name and renamed. Throws sitmap::Error (output_failed).
void export_acled_csv(const std::vector<Event>& events, const std::filesystem::path& path,
                      const Gazetteer* gazetteer, Overwrite overwrite = Overwrite::no);

} // namespace sitmap::geo
