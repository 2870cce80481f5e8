#pragma once
// The extraction pipeline on one article: sentences -> per-sentence triggers, dates and history
// -> roles -> claims -> events -> merged events.

#include "geo/extract/extract.hpp"

#include <vector>

namespace sitmap::geo::detail {

// The whole pipeline on one article whose mentions were found by the geocoder.
Extraction extract_events(const Article& article, const std::vector<TextMention>& mentions);

} // namespace sitmap::geo::detail
