// The article extractor on arbitrary text, as `sitmap extract ARTICLE --published 2023-05-11`
// runs it: the text checked as read_article checks a file, extracted with the bundled gazetteer,
// the events written as GeoJSON.

#include "tests/fuzz/fuzz_support.hpp"

#include "geo/dates/dates.hpp"
#include "geo/extract/extract.hpp"
#include "geo/io/event_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const sitmap::geo::Extractor extractor(sitmap::fuzz::bundled_geocoder());
    static const std::chrono::year_month_day published = sitmap::geo::parse_date("2023-05-11");
    sitmap::fuzz::run_guarded([&] {
        sitmap::geo::Article article;
        article.id = "fuzz";
        article.published = published;
        article.text.assign(reinterpret_cast<const char*>(data), size);
        sitmap::geo::check_article_text(article.text);
        const sitmap::geo::Extraction x = extractor.extract_all({article});
        (void)sitmap::geo::events_geojson_text(x.events);
    });
    return 0;
}
