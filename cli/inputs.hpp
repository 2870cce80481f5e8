#pragma once
// Inputs shared by `map`, `export` and `report`: events GeoJSON, ACLED CSV, or article text.

#include "geo/core/event.hpp"
#include "geo/extract/extract.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/io/pg_store.hpp"

#include <string>
#include <vector>

namespace sitmap::cli {

struct GlobalOptions;

// The gazetteer named by --gazetteer, else the bundled one.
geo::Gazetteer load_gazetteer(const GlobalOptions& global);

struct LoadedInputs {
    std::vector<geo::Event> events;     // merged across all inputs
    std::vector<geo::Article> articles; // the article inputs (for provenance)
    std::vector<std::string> warnings;
    // Names the articles write as places that the gazetteer could not place, once each, in the
    // order first written (the map lists them as not located).
    std::vector<std::string> not_located;
};

// .geojson/.json -> events; .csv -> ACLED-style events; PG:... -> the events of a PostGIS store
// (geo/io/pg_store.hpp), those matching `where` (an SQL condition) when it is not empty; anything
// else -> article text, which needs `published` (YYYY-MM-DD). Throws sitmap::Error naming the
// file (or store) that is wrong.
LoadedInputs load_inputs(const std::vector<std::string>& paths, const std::string& published,
                         const geo::Geocoder& geocoder, const std::string& where = {});

// "sitmap: PostgreSQL at HOST:PORT (database D): N events loaded: ..." on stderr unless quiet.
void print_store_load(const geo::PgStore& store, const geo::PgLoadStats& stats,
                      const GlobalOptions& global);

// A readable name for an article: its first line when it reads like a headline, else its first
// sentence (shortened at a word to about 90 characters), never its file hash. Empty for an
// article without text.
std::string article_headline(const std::string& text);

// The articles as a PostGIS store keeps them (id, publication date, headline, file name), so that
// a report made from the store names them as a report made from the files does.
geo::PgArticle store_article(const geo::Article& article);
std::vector<geo::PgArticle> store_articles(const std::vector<geo::Article>& articles);

// --where (or another option selecting stored events, named by `option`) applies to a PG: input
// only: a usage error (exit 2) when none of the inputs is one.
void check_where_option(const std::string& where, const std::vector<std::string>& inputs,
                        const char* option = "--where");

// Option values checked before any work, each a usage error (exit 2) naming the option:
// --crs: AUTH:CODE (EPSG:32638), a PROJ string (+proj=...), WKT or PROJJSON; not a free name
// that PROJ would match loosely ("foo" is not Amersfoort).
void check_crs_option(const std::string& crs);
// --extent: auto, W,S,E,N (at least 0.01 degrees each way) or PLACE[:RADIUS_KM] (radius at
// least 0.5 km); not empty.
void check_extent_option(const std::string& extent);
// An output file that exists is replaced only with --force: sitmap::Error (output_failed)
// otherwise, as `export` and `report` do.
void check_overwrite(const std::string& output, bool force);

} // namespace sitmap::cli
