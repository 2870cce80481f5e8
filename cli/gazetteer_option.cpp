// The gazetteer every subcommand uses: --gazetteer FILE, else the bundled one.

#include "cli/commands.hpp"
#include "cli/inputs.hpp"

namespace sitmap::cli {

geo::Gazetteer load_gazetteer(const GlobalOptions& global) {
    if (global.gazetteer.empty()) {
        return geo::Gazetteer::load_default();
    }
    return geo::Gazetteer::load(global.gazetteer);
}

} // namespace sitmap::cli
