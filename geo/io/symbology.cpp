#include "geo/io/symbology.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap::geo {

double casualty_scale(int casualties) {
    return std::min(std::max(1.0, casualty_scale_per_sqrt * std::sqrt(casualties)),
                    casualty_scale_max);
}

} // namespace sitmap::geo
