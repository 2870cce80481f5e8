#pragma once
// The extraction pipeline on one article: sentences -> per-sentence triggers, dates and history
// -> roles -> claims -> events -> merged events.

#include "geo/extract/extract.hpp"

#include <vector>

namespace sitmap::geo::detail {

// The whole pipeline on one article whose mentions were found by the geocoder. Fire reported
// without any place sitmap knows becomes one incident along `whole_border` (the whole
// Armenia–Azerbaijan border, to the region) when given; else it is only warned about.
Extraction extract_events(const Article& article, const std::vector<TextMention>& mentions,
                          const Place* whole_border = nullptr);

} // namespace sitmap::geo::detail
