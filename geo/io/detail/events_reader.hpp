#pragma once
// Internal to geo/io: events read with the events format's one parser (event_io.cpp) from a layer
// opened elsewhere, such as the events table of a PostgreSQL store.

#include "geo/core/event.hpp"
#include "geo/io/detail/layer_reader.hpp"

#include <functional>

namespace sitmap::geo::detail {

// Every feature of the reader's layer as one of sitmap's own events (EventsSchema::contract),
// with its place geometry restored from the gazetteer as read_events_geojson does; `visit` may
// move the event out; it is given the feature's id (FID) too. Throws sitmap::Error (bad_input)
// "<name>: feature <n>: <what>".
void read_events(LayerReader& reader, const Gazetteer* gazetteer,
                 const std::function<void(Event&, GIntBig)>& visit);

} // namespace sitmap::geo::detail
