#pragma once
// A shared event store in PostgreSQL/PostGIS, through GDAL's PostgreSQL driver: `PG:` connection
// strings as GDAL takes them ("PG:dbname=border host=db.example port=5432 user=analyst").
//
// Tables (created on the first load, with the PostGIS extension when missing; SQL in README.md):
// `events` (one row per event, the columns of sitmap's events layer, a point in EPSG:4326,
// unique `id`), `claims` (one row per claim, event_id -> events.id), `sources` (one row per source
// sentence of an event, event_id -> events.id), `places` (the gazetteer entries events use),
// `articles` (one row per article loaded from text: id, publication date, headline, file name).
//
// The tables live in the connection's schema: GDAL's `active_schema=NAME`, else `schemas=NAME`
// when it names one schema, else `public`. A load creates the schema when it is missing.
//
// Writing merges. A batch is one transaction: it takes the store's advisory lock
// (pg_advisory_xact_lock(pg_lock_key), so that writers queue and readers never wait), reads the
// stored events that could be the same incidents as the batch's (dates within two days), merges
// them with the batch by merge_events, the rule used across files, and replaces only the events
// whose merged row differs. The same article loaded twice changes nothing; another report of a
// stored incident adds its claims and sources to it. A failed or killed batch leaves the store as
// it was (PostgreSQL rolls the transaction back).

#include "geo/core/event.hpp"
#include "geo/gazetteer/gazetteer.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

// The key of the advisory lock every write batch holds: "sitmap" in ASCII.
inline constexpr std::int64_t pg_lock_key = 0x7369746d6170;

// True when `name` is a PostgreSQL connection string for GDAL ("PG:...", any case).
bool is_pg_store(std::string_view name);

// "127.0.0.1:5432 (database border)" for a connection string: the host and port it names (else
// $PGHOST/$PGPORT, else libpq's defaults), never the password.
std::string pg_store_label(std::string_view connection);

// The schema a connection string puts the store in: `active_schema=`, else `schemas=` when it
// lists one schema, else "public" (as GDAL's PostgreSQL driver chooses its active schema).
std::string pg_store_schema(std::string_view connection);

// The data source of one of the store's tables (events, claims, places) for QGIS's postgres
// provider: the connection's service, dbname, host, port, user and sslmode as QGIS writes them,
// key 'fid', srid 4326, the point column geom, the store's schema (pg_store_schema); never the
// password (QGIS takes it from ~/.pgpass, a service file or asks).
std::string pg_qgis_datasource(std::string_view connection, std::string_view table);

// One SQL condition on the events columns from the options that select stored events: `where`
// (an SQL condition, checked by PgStore::read) and a date range, `from` and `to` as YYYY-MM-DD
// (either may be empty): the events whose dates overlap it (date_end >= from, date_begin <= to;
// an event of unknown date is left out). Empty when all three are. Throws sitmap::Error (usage)
// naming --from or --to for a date that is not YYYY-MM-DD, or when --from is after --to.
std::string pg_events_filter(const std::string& where, const std::string& from,
                             const std::string& to);

// An article as the store keeps it (the `articles` table), for report pages.
struct PgArticle {
    std::string id;        // file stem, as in the events' sources
    std::string published; // YYYY-MM-DD
    std::string headline;  // a readable name (empty when unknown)
    std::string file;      // the file's name, without its folder
    friend bool operator==(const PgArticle&, const PgArticle&) = default;
};

struct PgLoadStats {
    std::size_t batch_events = 0;  // events in the batch
    std::size_t stored_before = 0; // stored events the batch could merge with
    std::size_t written = 0;       // event rows written (new or merged)
    std::size_t replaced = 0;      // event rows removed for a merged one
    std::size_t unchanged = 0;     // merged events that were stored as they are
    std::size_t places_added = 0;
    std::size_t articles_written = 0; // article rows new or changed
};

class PgStore {
public:
    // Connects (libpq's connect_timeout=10 unless the string sets one). Throws sitmap::Error
    // (bad_input) "PostgreSQL at <host>:<port> (database <db>): cannot connect: <why>".
    explicit PgStore(const std::string& connection, bool update);
    ~PgStore();
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    // "PostgreSQL at 127.0.0.1:5432 (database border)".
    const std::string& label() const;

    // Writes a batch of events as one transaction (see above). The gazetteer restores the places
    // of stored events (as reading a file does) and fills the places rows. The articles the
    // events come from, when known, are written (or updated) in the same transaction. Throws
    // sitmap::Error naming the store: bad_input for an event without geometry (before anything
    // is written), output_failed when PostgreSQL refuses the batch; the store is then as it was.
    PgLoadStats load(const std::vector<Event>& events, const Gazetteer* gazetteer,
                     const std::vector<PgArticle>& articles = {});

    // The stored events, those matching `where` (an SQL condition on the events columns, e.g.
    // "date_begin >= '2023-01-01'") when it is not empty, ordered by date_begin then id, their
    // place geometry restored from the gazetteer. Throws sitmap::Error: bad_input when the store
    // has no events table, usage naming --where when PostgreSQL refuses the condition.
    std::vector<Event> read(const std::string& where, const Gazetteer* gazetteer);

    // The stored articles of these ids, in the order of `ids`; an id the store has no row for
    // (events loaded from an events file, or a store written before the table existed) is
    // left out. Empty when the store has no articles table.
    std::vector<PgArticle> read_articles(const std::vector<std::string>& ids);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace sitmap::geo
