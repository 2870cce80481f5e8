// load_inputs: events GeoJSON, ACLED-style CSV or article text, merged into one list of events.
// (load_gazetteer, declared in the same header, lives with the geocode command.)

#include "cli/inputs.hpp"

#include "geo/core/error.hpp"
#include "geo/io/event_io.hpp"

#include <algorithm>

namespace sitmap::cli {
namespace {

std::string extension_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

LoadedInputs load_inputs(const std::vector<std::string>& paths, const std::string& published,
                         const geo::Geocoder& geocoder) {
    LoadedInputs loaded;
    std::vector<geo::Event> events;
    const geo::Gazetteer& gazetteer = geocoder.gazetteer();
    for (const std::string& path : paths) {
        const std::string ext = extension_of(path);
        if (ext == ".geojson" || ext == ".json") {
            auto read = geo::read_events_geojson(path, &gazetteer);
            events.insert(events.end(), read.begin(), read.end());
        } else if (ext == ".csv") {
            auto read = geo::read_events_acled_csv(path, &gazetteer);
            events.insert(events.end(), read.begin(), read.end());
        } else {
            if (published.empty()) {
                throw usage_error(path +
                                  ": an article needs --published YYYY-MM-DD (its publication "
                                  "date)");
            }
            std::chrono::year_month_day date;
            try {
                date = geo::parse_date(published);
            } catch (const Error&) {
                throw usage_error("--published: invalid date '" + published +
                                  "' (expected YYYY-MM-DD)");
            }
            loaded.articles.push_back(geo::read_article(path, date));
        }
    }
    if (!loaded.articles.empty()) {
        const geo::Extractor extractor(geocoder);
        geo::Extraction x = extractor.extract_all(loaded.articles);
        events.insert(events.end(), x.events.begin(), x.events.end());
        loaded.warnings = std::move(x.warnings);
        for (const geo::PlaceMention& m : x.mentions) {
            if (!m.mention.resolution.resolved &&
                std::find(loaded.not_located.begin(), loaded.not_located.end(),
                          m.mention.surface) == loaded.not_located.end()) {
                loaded.not_located.push_back(m.mention.surface);
            }
        }
    }
    loaded.events = geo::merge_events(std::move(events));
    return loaded;
}

} // namespace sitmap::cli
