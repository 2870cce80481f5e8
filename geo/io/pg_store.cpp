#include "geo/io/pg_store.hpp"

#include "geo/core/error.hpp"
#include "geo/extract/extract.hpp"
#include "geo/io/detail/events_layer.hpp"
#include "geo/io/detail/events_reader.hpp"
#include "geo/io/detail/gdal.hpp"
#include "geo/io/detail/layer_reader.hpp"
#include "geo/io/detail/ogr_geometry.hpp"
#include "geo/io/export.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <map>
#include <set>

namespace sitmap::geo {

namespace {

using namespace detail;

// libpq's key=value pairs: values bare or in single quotes with backslash escapes.
std::map<std::string, std::string> conninfo_pairs(std::string_view s) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    const auto space = [&] {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])) != 0) {
            ++i;
        }
    };
    while (true) {
        space();
        if (i >= s.size()) {
            break;
        }
        std::string key;
        while (i < s.size() && s[i] != '=' && std::isspace(static_cast<unsigned char>(s[i])) == 0) {
            key += s[i++];
        }
        space();
        if (i >= s.size() || s[i] != '=') {
            break; // not key=value (a URI, say): nothing more to learn
        }
        ++i;
        space();
        std::string value;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            while (i < s.size() && s[i] != '\'') {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    ++i;
                }
                value += s[i++];
            }
            ++i;
        } else {
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])) == 0) {
                value += s[i++];
            }
        }
        out[key] = value;
    }
    return out;
}

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::string(v) : std::string(fallback);
}

std::string_view without_prefix(std::string_view connection) {
    return is_pg_store(connection) ? connection.substr(3) : connection;
}

// GDAL's message for a failed connection, on one line: "PQconnectdb failed.\nconnection to
// server at ... failed: Connection refused\n\tIs the server running..." -> the libpq part.
std::string one_line(std::string msg) {
    for (const char* prefix : {"PQconnectdb failed.", "PQconnectdb failed:"}) {
        if (msg.rfind(prefix, 0) == 0) {
            msg.erase(0, std::char_traits<char>::length(prefix));
        }
    }
    std::string out;
    bool blank = false;
    for (char c : msg) {
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            blank = !out.empty();
            continue;
        }
        if (blank) {
            out += ' ';
            blank = false;
        }
        out += c;
    }
    return out.empty() ? std::string("unknown error") : out;
}

// While alive, GDAL's failures are kept (and not printed): PostgreSQL's own message comes first,
// and the driver's later ones ("cursor ... does not exist") only follow from it.
class GdalErrorLog {
public:
    GdalErrorLog() {
        CPLPushErrorHandlerEx(&GdalErrorLog::handle, this);
        CPLErrorReset();
    }
    ~GdalErrorLog() { CPLPopErrorHandler(); }
    GdalErrorLog(const GdalErrorLog&) = delete;
    GdalErrorLog& operator=(const GdalErrorLog&) = delete;

    // The first failure since the last clear(), on one line; else GDAL's last message.
    std::string first() const {
        return one_line(m_failures.empty() ? last_gdal_error() : m_failures.front());
    }
    bool any() const { return !m_failures.empty(); }
    void clear() {
        m_failures.clear();
        CPLErrorReset();
    }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* msg) {
        auto* self = static_cast<GdalErrorLog*>(CPLGetErrorHandlerUserData());
        if (self != nullptr && level >= CE_Failure && msg != nullptr) {
            self->m_failures.emplace_back(msg);
        }
    }
    std::vector<std::string> m_failures;
};

// An SQL statement through GDAL's driver; a SELECT's result set is read to its end (so that a
// function it calls, such as the advisory lock, has run) and released.
void execute(GDALDatasetH ds, const std::string& sql) {
    CPLErrorReset();
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        while (FeaturePtr f{OGR_L_GetNextFeature(result)}) {
        }
        GDALDatasetReleaseResultSet(ds, result);
    }
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw output_error(one_line(last_gdal_error()));
    }
}

// The number of rows of a SELECT, or -1 when it fails.
long long count_rows(GDALDatasetH ds, const std::string& sql) {
    CPLErrorReset();
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
    if (result == nullptr) {
        return CPLGetLastErrorType() >= CE_Failure ? -1 : 0;
    }
    long long n = 0;
    while (FeaturePtr f{OGR_L_GetNextFeature(result)}) {
        ++n;
    }
    GDALDatasetReleaseResultSet(ds, result);
    return n;
}

// The schema README.md documents. Column names and types follow sitmap's events layer
// (events_layer.cpp), so that one writer and one reader serve files and the store alike.
constexpr const char* schema_sql[] = {
    R"(CREATE TABLE IF NOT EXISTS events (
    fid bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    kind text NOT NULL,
    layer text NOT NULL,
    date_begin date,
    date_end date,
    date_precision text,
    place_id text,
    place_name text,
    geo_precision integer NOT NULL CHECK (geo_precision BETWEEN 1 AND 3),
    origin_place_id text,
    origin_name text,
    origin_lon double precision,
    origin_lat double precision,
    targets json,
    origins json,
    summary text,
    disputed boolean,
    killed_max integer,
    wounded_max integer,
    claims json,
    sources json,
    loaded_at timestamptz NOT NULL DEFAULT now(),
    geom geometry(Point, 4326) NOT NULL))",
    "CREATE INDEX IF NOT EXISTS events_geom_idx ON events USING gist (geom)",
    "CREATE INDEX IF NOT EXISTS events_date_idx ON events (date_begin, date_end)",
    R"(CREATE TABLE IF NOT EXISTS claims (
    fid bigserial PRIMARY KEY,
    event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    claim_index integer NOT NULL,
    kind text,
    date_begin date,
    place_name text,
    who text,
    side text,
    assertion text,
    against text,
    killed integer,
    wounded integer,
    text text,
    article text,
    source_begin bigint,
    source_end bigint,
    geom geometry(Point, 4326),
    UNIQUE (event_id, claim_index)))",
    "CREATE INDEX IF NOT EXISTS claims_article_idx ON claims (article)",
    R"(CREATE TABLE IF NOT EXISTS sources (
    fid bigserial PRIMARY KEY,
    event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article text NOT NULL,
    source_begin bigint NOT NULL,
    source_end bigint NOT NULL,
    UNIQUE (event_id, article, source_begin, source_end)))",
    "CREATE INDEX IF NOT EXISTS sources_article_idx ON sources (article)",
    R"(CREATE TABLE IF NOT EXISTS places (
    fid bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    name text,
    kind text,
    country text,
    admin1 text,
    name_hy text,
    name_az text,
    name_ru text,
    population bigint,
    source text,
    geom geometry(Point, 4326)))",
    R"(CREATE TABLE IF NOT EXISTS articles (
    fid bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    published date,
    headline text,
    file text,
    loaded_at timestamptz NOT NULL DEFAULT now()))",
};

// The tables a store has; a load creates those missing.
constexpr const char* store_tables = "'events', 'claims', 'sources', 'places', 'articles'";
constexpr long long store_table_count = 5;

constexpr const char* unused_places_sql = R"(DELETE FROM places p WHERE NOT EXISTS (
    SELECT 1 FROM events e WHERE e.place_id = p.id OR e.origin_place_id = p.id
        OR EXISTS (SELECT 1 FROM json_array_elements(e.targets) t WHERE t ->> 'place_id' = p.id)
        OR EXISTS (SELECT 1 FROM json_array_elements(e.origins) o WHERE o ->> 'place_id' = p.id)))";

EventsLayerFormat store_format() {
    EventsLayerFormat f;
    f.dates = EventsLayerFormat::Dates::date;
    f.unknown_maximum = EventsLayerFormat::UnknownMaximum::null;
    f.claim_keys = EventsLayerFormat::ClaimKeys::documented_order;
    return f;
}

std::string iso(std::chrono::sys_days d) {
    return format_date(std::chrono::year_month_day{d});
}

// Stored events whose dates come within two days of the batch's (merge_events joins dates within
// a day; a merged event's date may move by a vote): those the batch may merge with. An event of
// unknown date matches any, so a batch with one reads everything.
std::string candidate_filter(const std::vector<Event>& events) {
    std::optional<std::chrono::sys_days> lo, hi;
    for (const Event& e : events) {
        if (e.date.precision == DatePrecision::unknown || !e.date.begin.ok() || !e.date.end.ok()) {
            return {};
        }
        const std::chrono::sys_days b{e.date.begin}, en{e.date.end};
        lo = lo ? std::min(*lo, b) : b;
        hi = hi ? std::max(*hi, en) : en;
    }
    if (!lo) {
        return "1 = 0";
    }
    const std::chrono::days margin{2};
    return "date_precision = 'unknown' OR date_begin IS NULL OR (date_end >= '" +
           iso(*lo - margin) + "' AND date_begin <= '" + iso(*hi + margin) + "')";
}

struct Stored {
    GIntBig fid = OGRNullFID;
    std::string fingerprint;
    bool keep = false;
};

// What a batch does to the stored events: the stored rows it read (to keep or replace) and the
// merged events, of which those at `to_write` are written.
struct MergePlan {
    std::map<std::string, Stored> stored;
    std::vector<Event> merged;
    std::vector<std::size_t> to_write;
};

std::string sql_literal(const std::string& v) {
    std::string q = "'";
    for (char c : v) {
        q += c;
        if (c == '\'') {
            q += '\'';
        }
    }
    return q + "'";
}

std::string sql_identifier(const std::string& v) {
    std::string q = "\"";
    for (char c : v) {
        q += c;
        if (c == '"') {
            q += '"';
        }
    }
    return q + "\"";
}

std::string schema_of(const std::map<std::string, std::string>& pairs) {
    if (const auto it = pairs.find("active_schema"); it != pairs.end() && !it->second.empty()) {
        return it->second;
    }
    if (const auto it = pairs.find("schemas");
        it != pairs.end() && !it->second.empty() && it->second.find(',') == std::string::npos) {
        return it->second;
    }
    return "public";
}

// A Date field as YYYY-MM-DD ("" when null).
std::string date_field(OGRFeatureH f, int field) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float sec = 0;
    if (field < 0 || OGR_F_IsFieldSetAndNotNull(f, field) == 0 ||
        OGR_F_GetFieldAsDateTimeEx(f, field, &y, &mo, &d, &h, &mi, &sec, &tz) == 0) {
        return {};
    }
    return format_date(std::chrono::year_month_day{std::chrono::year{y},
                                                   std::chrono::month{static_cast<unsigned>(mo)},
                                                   std::chrono::day{static_cast<unsigned>(d)}});
}

std::string text_field(OGRFeatureH f, int field) {
    return field >= 0 && OGR_F_IsFieldSetAndNotNull(f, field) != 0
               ? std::string(OGR_F_GetFieldAsString(f, field))
               : std::string();
}

// The rows of the articles table by id, with their fid.
std::map<std::string, std::pair<GIntBig, PgArticle>> stored_articles(OGRLayerH layer) {
    std::map<std::string, std::pair<GIntBig, PgArticle>> out;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int id = OGR_FD_GetFieldIndex(defn, "id"),
              published = OGR_FD_GetFieldIndex(defn, "published"),
              headline = OGR_FD_GetFieldIndex(defn, "headline"),
              file = OGR_FD_GetFieldIndex(defn, "file");
    OGR_L_ResetReading(layer);
    while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        PgArticle a{text_field(f.get(), id), date_field(f.get(), published),
                    text_field(f.get(), headline), text_field(f.get(), file)};
        out[a.id] = {OGR_F_GetFID(f.get()), a};
    }
    OGR_L_ResetReading(layer);
    return out;
}

} // namespace

bool is_pg_store(std::string_view name) {
    return name.size() >= 3 && (name[0] == 'P' || name[0] == 'p') &&
           (name[1] == 'G' || name[1] == 'g') && name[2] == ':';
}

std::string pg_store_schema(std::string_view connection) {
    return schema_of(conninfo_pairs(without_prefix(connection)));
}

std::string pg_store_label(std::string_view connection) {
    const auto pairs = conninfo_pairs(without_prefix(connection));
    const auto get = [&](const char* key) {
        const auto it = pairs.find(key);
        return it != pairs.end() && !it->second.empty() ? it->second : std::string();
    };
    std::string host = get("host");
    if (host.empty()) {
        host = get("hostaddr");
    }
    if (host.empty()) {
        host = env_or("PGHOST", "localhost");
    }
    std::string port = get("port");
    if (port.empty()) {
        port = env_or("PGPORT", "5432");
    }
    std::string db = get("dbname");
    if (db.empty()) {
        db = env_or("PGDATABASE", "");
    }
    std::string where;
    if (!db.empty()) {
        where = "database " + db;
    }
    if (const std::string schema = schema_of(pairs); schema != "public") {
        where += (where.empty() ? "" : ", ") + std::string("schema ") + schema;
    }
    return host + ":" + port + (where.empty() ? std::string() : " (" + where + ")");
}

std::string pg_qgis_datasource(std::string_view connection, std::string_view table) {
    const auto pairs = conninfo_pairs(without_prefix(connection));
    const auto quoted = [](const std::string& v) {
        std::string q = "'";
        for (char c : v) {
            if (c == '\'' || c == '\\') {
                q += '\\';
            }
            q += c;
        }
        return q + "'";
    };
    std::string out;
    for (const char* key : {"service", "dbname", "host", "port", "user", "sslmode"}) {
        if (const auto it = pairs.find(key); it != pairs.end() && !it->second.empty()) {
            out += std::string(key) + "=" + quoted(it->second) + " ";
        }
    }
    return out + "key='fid' srid=4326 type=Point checkPrimaryKeyUnicity='1' table=" +
           sql_identifier(schema_of(pairs)) + "." + sql_identifier(std::string(table)) + " (geom)";
}

std::string pg_events_filter(const std::string& where, const std::string& from,
                             const std::string& to) {
    const auto day = [](const char* option, const std::string& value) {
        try {
            return parse_date(value);
        } catch (const Error& e) {
            throw usage_error(std::string(option) + ": " + e.what());
        }
    };
    std::vector<std::string> parts;
    if (!where.empty()) {
        // Alone as given (messages about it quote it as the user wrote it); else in parentheses.
        parts.push_back(from.empty() && to.empty() ? where : "(" + where + ")");
    }
    std::optional<std::chrono::year_month_day> lo, hi;
    if (!from.empty()) {
        lo = day("--from", from);
        parts.push_back("date_end >= '" + format_date(*lo) + "'");
    }
    if (!to.empty()) {
        hi = day("--to", to);
        parts.push_back("date_begin <= '" + format_date(*hi) + "'");
    }
    if (lo && hi && *hi < *lo) {
        throw usage_error("--from " + from + " is after --to " + to);
    }
    std::string out;
    for (const std::string& p : parts) {
        out += (out.empty() ? "" : " AND ") + p;
    }
    return out;
}

struct PgStore::Impl {
    std::string connection; // GDAL's, with connect_timeout
    std::string label;
    std::string schema; // where the tables are
    bool update = false;
    DatasetPtr ds;

    void open() {
        const QuietGdalErrors quiet;
        const char* drivers[] = {"PostgreSQL", nullptr};
        register_gdal();
        CPLErrorReset();
        ds.reset(GDALOpenEx(connection.c_str(),
                            GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers,
                            nullptr, nullptr));
        if (!ds) {
            throw input_error(label + ": cannot connect: " + one_line(last_gdal_error()));
        }
        if (schema != "public") {
            // The statements sitmap runs itself (DDL, --where, the places clean-up) name the
            // tables without a schema, as GDAL's layers of the active schema are named.
            execute(ds.get(), "SET search_path TO " + sql_identifier(schema) + ", public");
        }
    }

    bool schema_exists() {
        return count_rows(ds.get(),
                          "SELECT 1 FROM pg_namespace WHERE nspname = " + sql_literal(schema)) > 0;
    }

    // PostGIS in this database (in schema public, where every schema's tables find it), and the
    // store's schema, created when missing (a second writer doing the same at that moment is not
    // an error). The dataset is then opened again, so that GDAL sees them.
    void ensure_postgis_and_schema() {
        const QuietGdalErrors quiet;
        const auto has_postgis = [&] {
            return count_rows(ds.get(), "SELECT 1 FROM pg_extension WHERE extname = 'postgis'") > 0;
        };
        bool reopen = false;
        if (!has_postgis()) {
            try {
                execute(ds.get(), schema == "public"
                                      ? "CREATE EXTENSION IF NOT EXISTS postgis"
                                      : "CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public");
            } catch (const Error& e) {
                if (!has_postgis()) {
                    throw output_error(label +
                                       ": PostGIS is not installed in the database and "
                                       "cannot be created (" +
                                       std::string(e.what()) +
                                       "); a superuser can run CREATE EXTENSION postgis");
                }
            }
            reopen = true;
        }
        if (!schema_exists()) {
            try {
                execute(ds.get(), "CREATE SCHEMA IF NOT EXISTS " + sql_identifier(schema));
            } catch (const Error& e) {
                if (!schema_exists()) {
                    throw output_error(label + ": cannot create the schema " + schema + " (" +
                                       std::string(e.what()) + ")");
                }
            }
            reopen = true;
        }
        if (reopen) {
            ds.reset();
            open();
        }
    }

    OGRLayerH layer(const char* name) {
        OGRLayerH l = GDALDatasetGetLayerByName(ds.get(), name);
        if (l == nullptr) {
            throw output_error(std::string("no table ") + name + ": " + last_gdal_error());
        }
        return l;
    }

    // The phases of a load, inside its transaction.
    void lock_and_create_tables();
    MergePlan plan_merge(const std::vector<Event>& batch, const Gazetteer* gazetteer,
                         PgLoadStats& stats);
    void delete_replaced(const MergePlan& plan, PgLoadStats& stats);
    void write_events(const MergePlan& plan);
    void add_places(const MergePlan& plan, const Gazetteer* gazetteer, PgLoadStats& stats);
    void write_articles(const std::vector<PgArticle>& articles, PgLoadStats& stats);
};

PgStore::PgStore(const std::string& connection, bool update) : m(std::make_unique<Impl>()) {
    m->label = "PostgreSQL at " + pg_store_label(connection);
    m->schema = pg_store_schema(connection);
    m->update = update;
    std::string conn(connection);
    if (conninfo_pairs(without_prefix(connection)).count("connect_timeout") == 0) {
        conn += " connect_timeout=10"; // a host that does not answer: an error, not a hang
    }
    m->connection = std::move(conn);
    m->open();
    if (update) {
        m->ensure_postgis_and_schema();
    }
}

PgStore::~PgStore() = default;

const std::string& PgStore::label() const {
    return m->label;
}

// Writers queue here until the batch before them has committed: each then reads what the others
// wrote. Readers are not blocked (they see the last committed state). The tables are created the
// first time (DDL, even IF NOT EXISTS, takes locks that writers wait on).
void PgStore::Impl::lock_and_create_tables() {
    GDALDatasetH d = ds.get();
    execute(d, "SELECT pg_advisory_xact_lock(" + std::to_string(pg_lock_key) + ")");
    if (count_rows(d, "SELECT 1 FROM pg_tables WHERE schemaname = " + sql_literal(schema) +
                          " AND tablename IN (" + store_tables + ")") != store_table_count) {
        for (const char* sql : schema_sql) {
            execute(d, sql);
        }
    }
}

// Reads the stored events the batch may merge with, merges them with it, and decides which
// stored rows stay as they are and which merged events are written.
MergePlan PgStore::Impl::plan_merge(const std::vector<Event>& batch, const Gazetteer* gazetteer,
                                    PgLoadStats& stats) {
    MergePlan plan;
    OGRLayerH events_table = layer("events");
    std::vector<Event> all;
    const std::string filter = candidate_filter(batch);
    if (OGR_L_SetAttributeFilter(events_table, filter.empty() ? nullptr : filter.c_str()) !=
        OGRERR_NONE) {
        throw output_error("cannot select stored events: " + last_gdal_error());
    }
    {
        LayerReader reader(label + ": events", ds.get(), events_table);
        read_events(reader, gazetteer, [&](Event& e, GIntBig fid) {
            plan.stored[e.id] = Stored{fid, event_fingerprint(e), false};
            all.push_back(std::move(e));
        });
    }
    OGR_L_SetAttributeFilter(events_table, nullptr);
    OGR_L_ResetReading(events_table);
    stats.stored_before = all.size();
    all.insert(all.end(), batch.begin(), batch.end());
    plan.merged = merge_events(std::move(all));
    for (std::size_t i = 0; i < plan.merged.size(); ++i) {
        const Event& e = plan.merged[i];
        const auto it = plan.stored.find(e.id);
        if (it != plan.stored.end() && !it->second.keep &&
            it->second.fingerprint == event_fingerprint(e)) {
            it->second.keep = true;
            ++stats.unchanged;
        } else {
            plan.to_write.push_back(i);
        }
    }
    stats.written = plan.to_write.size();
    return plan;
}

// Replaced rows go first (their claims and sources with them: ON DELETE CASCADE), so that a
// merged event may take the id of one it replaces.
void PgStore::Impl::delete_replaced(const MergePlan& plan, PgLoadStats& stats) {
    OGRLayerH events_table = layer("events");
    for (const auto& [id, s] : plan.stored) {
        if (!s.keep) {
            if (OGR_L_DeleteFeature(events_table, s.fid) != OGRERR_NONE) {
                throw output_error("cannot replace event " + id + ": " + last_gdal_error());
            }
            ++stats.replaced;
        }
    }
}

// The events to write, then their claims and sources.
void PgStore::Impl::write_events(const MergePlan& plan) {
    OGRLayerH events_table = layer("events");
    OGRLayerH claims_table = layer("claims");
    OGRLayerH sources_table = layer("sources");
    const EventsLayerFormat format = store_format();
    for (const std::size_t i : plan.to_write) {
        write_event_feature(events_table, plan.merged[i], format);
    }
    for (const std::size_t i : plan.to_write) {
        const Event& e = plan.merged[i];
        write_claim_features(claims_table, e);
        for (const SourceRef& s : e.sources) {
            FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(sources_table)));
            set_field(f.get(), "event_id", e.id);
            set_field(f.get(), "article", s.article);
            set_field(f.get(), "source_begin", static_cast<long long>(s.begin));
            set_field(f.get(), "source_end", static_cast<long long>(s.end));
            create_feature(sources_table, f.get(), "a source of event " + e.id);
        }
    }
}

// The places the written events use, once each; places only replaced events used go with them:
// the table holds the places in use.
void PgStore::Impl::add_places(const MergePlan& plan, const Gazetteer* gazetteer,
                               PgLoadStats& stats) {
    OGRLayerH places_table = layer("places");
    std::set<std::string> have;
    OGR_L_ResetReading(places_table);
    const int id_field = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(places_table), "id");
    while (FeaturePtr f{OGR_L_GetNextFeature(places_table)}) {
        have.insert(OGR_F_GetFieldAsString(f.get(), id_field));
    }
    const auto add_place = [&](const std::string& id, const std::string& name, LonLat at) {
        if (id.empty() || !have.insert(id).second) {
            return;
        }
        write_place_feature(places_table, id, gazetteer != nullptr ? gazetteer->find(id) : nullptr,
                            name, at, std::nullopt);
        ++stats.places_added;
    };
    for (const std::size_t i : plan.to_write) {
        const Event& e = plan.merged[i];
        add_place(e.place_id, e.place_name, e.location);
        for (const auto* places : {&e.targets, &e.origins}) {
            for (const EventPlace& p : *places) {
                add_place(p.id, p.name, p.location);
            }
        }
    }
    if (stats.replaced > 0) {
        execute(ds.get(), unused_places_sql);
    }
}

// The batch's articles: new ones added, a stored one rewritten only when it differs (another
// publication date or file name), so that loading the same article again changes nothing.
void PgStore::Impl::write_articles(const std::vector<PgArticle>& articles, PgLoadStats& stats) {
    if (articles.empty()) {
        return;
    }
    OGRLayerH table = layer("articles");
    auto stored = stored_articles(table);
    for (const PgArticle& a : articles) {
        const auto it = stored.find(a.id);
        if (it != stored.end() && it->second.second == a) {
            continue;
        }
        FeaturePtr f(OGR_F_Create(OGR_L_GetLayerDefn(table)));
        set_field(f.get(), "id", a.id);
        set_field(f.get(), "published",
                  a.published.empty() ? std::chrono::year_month_day{} : parse_date(a.published));
        set_field(f.get(), "headline", a.headline);
        set_field(f.get(), "file", a.file);
        if (it != stored.end()) {
            OGR_F_SetFID(f.get(), it->second.first);
            if (OGR_L_SetFeature(table, f.get()) != OGRERR_NONE) {
                throw output_error("cannot update article " + a.id + ": " + last_gdal_error());
            }
        } else {
            create_feature(table, f.get(), "article " + a.id);
        }
        stored[a.id] = {OGR_F_GetFID(f.get()), a};
        ++stats.articles_written;
    }
}

PgLoadStats PgStore::load(const std::vector<Event>& batch, const Gazetteer* gazetteer,
                          const std::vector<PgArticle>& articles) {
    PgLoadStats stats;
    stats.batch_events = batch.size();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!has_geometry(batch[i])) {
            throw input_error(m->label + ": event " + std::to_string(i + 1) + " (" + batch[i].id +
                              ") has no geometry; nothing was written");
        }
    }
    GDALDatasetH ds = m->ds.get();
    GdalErrorLog log;
    if (GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE) {
        throw output_error(m->label + ": cannot start a transaction: " + log.first());
    }
    try {
        m->lock_and_create_tables();
        const MergePlan plan = m->plan_merge(batch, gazetteer, stats);
        m->delete_replaced(plan, stats);
        m->write_events(plan);
        m->add_places(plan, gazetteer, stats);
        m->write_articles(articles, stats);
        if (GDALDatasetCommitTransaction(ds) != OGRERR_NONE) {
            throw output_error("cannot commit: " + one_line(last_gdal_error()));
        }
    } catch (const Error& e) {
        const std::string first = log.first();
        GDALDatasetRollbackTransaction(ds);
        std::string why = e.what();
        if (log.any() && why.find(first) == std::string::npos) {
            why += " (" + first + ")"; // what PostgreSQL said first
        }
        throw Error(ErrorKind::output_failed,
                    m->label + ": nothing was written (the batch was rolled back): " + why);
    }
    return stats;
}

std::vector<Event> PgStore::read(const std::string& where, const Gazetteer* gazetteer) {
    GdalErrorLog log;
    if (m->schema != "public" && !m->schema_exists()) {
        throw input_error(m->label + ": no schema " + m->schema +
                          " (load events first: sitmap extract ... -o PG:... or sitmap export "
                          "... -o PG:...)");
    }
    OGRLayerH layer = GDALDatasetGetLayerByName(m->ds.get(), "events");
    if (layer == nullptr) {
        throw input_error(m->label + ": no events table (load events first: sitmap extract ... -o "
                                     "PG:... or sitmap export ... -o PG:...)");
    }
    CPLErrorReset();
    if (where.find(';') != std::string::npos) {
        throw usage_error("--where '" + where + "': one SQL condition, without ';'");
    }
    if (!where.empty()) {
        // GDAL's driver loses PostgreSQL's message when its cursor cannot be declared; EXPLAIN
        // checks the condition without running it, and reports what is wrong.
        try {
            execute(m->ds.get(), "EXPLAIN SELECT 1 FROM events WHERE " + where);
        } catch (const Error&) {
            throw usage_error("--where '" + where + "': " + log.first());
        }
        log.clear();
    }
    if (!where.empty() && OGR_L_SetAttributeFilter(layer, where.c_str()) != OGRERR_NONE) {
        throw usage_error("--where '" + where + "': " + log.first());
    }
    std::vector<Event> events;
    try {
        LayerReader reader(m->label + ": events", m->ds.get(), layer);
        read_events(reader, gazetteer, [&](Event& e, GIntBig) { events.push_back(std::move(e)); });
    } catch (const Error& e) {
        if (!where.empty() && CPLGetLastErrorType() >= CE_Failure) {
            throw usage_error("--where '" + where + "': " + log.first());
        }
        throw;
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        if (a.date.begin != b.date.begin) {
            return a.date.begin < b.date.begin;
        }
        return a.id < b.id;
    });
    return events;
}

std::vector<PgArticle> PgStore::read_articles(const std::vector<std::string>& ids) {
    const QuietGdalErrors quiet;
    if (m->schema != "public" && !m->schema_exists()) {
        return {};
    }
    OGRLayerH layer = GDALDatasetGetLayerByName(m->ds.get(), "articles");
    if (layer == nullptr) {
        return {};
    }
    const auto stored = stored_articles(layer);
    std::vector<PgArticle> out;
    for (const std::string& id : ids) {
        if (const auto it = stored.find(id); it != stored.end()) {
            out.push_back(it->second.second);
        }
    }
    return out;
}

} // namespace sitmap::geo
