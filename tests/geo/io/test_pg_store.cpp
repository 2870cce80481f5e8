// geo/io/pg_store.hpp without a server: connection strings, labels, QGIS data sources, and a
// connection that fails. The store itself is tested against a real PostgreSQL in tests/pg.

#include "geo/core/error.hpp"
#include "geo/io/pg_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/socket.h>
#include <tuple>
#include <unistd.h>

using sitmap::Error;
using sitmap::ErrorKind;
using namespace sitmap::geo;

TEST(PgStoreNames, PgPrefixInAnyCase) {
    EXPECT_TRUE(is_pg_store("PG:dbname=x"));
    EXPECT_TRUE(is_pg_store("pg:dbname=x"));
    EXPECT_TRUE(is_pg_store("PG:"));
    EXPECT_FALSE(is_pg_store("events.geojson"));
    EXPECT_FALSE(is_pg_store("PG"));
    EXPECT_FALSE(is_pg_store("PGevents.geojson"));
}

TEST(PgStoreNames, LabelNamesHostPortAndDatabaseNeverThePassword) {
    EXPECT_EQ(pg_store_label("PG:host=db.example port=6543 dbname=border user=a password=secret"),
              "db.example:6543 (database border)");
    EXPECT_EQ(pg_store_label("PG:dbname='my db' host = 10.0.0.5"),
              "10.0.0.5:5432 (database my db)");
    setenv("PGHOST", "envhost", 1);
    setenv("PGPORT", "7000", 1);
    EXPECT_EQ(pg_store_label("PG:dbname=x"), "envhost:7000 (database x)");
    unsetenv("PGHOST");
    unsetenv("PGPORT");
    EXPECT_EQ(pg_store_label("PG:dbname=x"), "localhost:5432 (database x)");
}

TEST(PgStoreNames, QgisDataSourceOfATable) {
    EXPECT_EQ(pg_qgis_datasource("PG:host=127.0.0.1 port=5433 dbname=border user=ana "
                                 "password=secret",
                                 "events"),
              "dbname='border' host='127.0.0.1' port='5433' user='ana' key='fid' srid=4326 "
              "type=Point checkPrimaryKeyUnicity='1' table=\"public\".\"events\" (geom)");
    EXPECT_EQ(pg_qgis_datasource("PG:dbname='it\\'s' service=team", "claims"),
              "service='team' dbname='it\\'s' key='fid' srid=4326 type=Point "
              "checkPrimaryKeyUnicity='1' table=\"public\".\"claims\" (geom)");
}

TEST(PgStoreNames, SchemaAsGdalChoosesItsActiveSchema) {
    EXPECT_EQ(pg_store_schema("PG:dbname=x"), "public");
    EXPECT_EQ(pg_store_schema("PG:dbname=x schemas=team"), "team");
    EXPECT_EQ(pg_store_schema("PG:dbname=x schemas=team,other"), "public");
    EXPECT_EQ(pg_store_schema("PG:dbname=x schemas=team,other active_schema=other"), "other");
    EXPECT_EQ(pg_store_schema("PG:active_schema='my team' dbname=x"), "my team");
    EXPECT_EQ(pg_store_label("PG:host=h port=1 dbname=x active_schema=team"),
              "h:1 (database x, schema team)");
    EXPECT_EQ(pg_store_label("PG:host=h port=1 dbname=x schemas=public"), "h:1 (database x)");
    // QGIS reads the tables in that schema; GDAL's schema keys are not passed on.
    EXPECT_EQ(pg_qgis_datasource("PG:dbname=border schemas=team", "events"),
              "dbname='border' key='fid' srid=4326 type=Point checkPrimaryKeyUnicity='1' "
              "table=\"team\".\"events\" (geom)");
    EXPECT_EQ(pg_qgis_datasource("PG:dbname=border active_schema='a\"b'", "places"),
              "dbname='border' key='fid' srid=4326 type=Point checkPrimaryKeyUnicity='1' "
              "table=\"a\"\"b\".\"places\" (geom)");
}

TEST(PgStoreFilter, WhereAndDateRangeMakeOneCondition) {
    EXPECT_EQ(pg_events_filter("", "", ""), "");
    EXPECT_EQ(pg_events_filter("layer = 'incident'", "", ""), "layer = 'incident'");
    EXPECT_EQ(pg_events_filter("", "2023-05-01", "2023-05-31"),
              "date_end >= '2023-05-01' AND date_begin <= '2023-05-31'");
    EXPECT_EQ(pg_events_filter("a OR b", "", "2023-05-31"),
              "(a OR b) AND date_begin <= '2023-05-31'");
    for (const auto& [from, to, option] :
         {std::tuple{"2023-5-1", "", "--from: invalid date '2023-5-1'"},
          {"", "May", "--to: invalid date 'May'"},
          {"2023-02-30", "", "--from: invalid date '2023-02-30'"},
          {"2023-06-01", "2023-05-31", "--from 2023-06-01 is after --to 2023-05-31"}}) {
        try {
            pg_events_filter("", from, to);
            FAIL() << from << ".." << to << " accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::usage);
            EXPECT_EQ(std::string(e.what()).rfind(option, 0), 0u) << e.what();
        }
    }
}

TEST(PgStoreConnect, AClosedPortIsABadInputNamingHostAndPortAtOnce) {
    // A port bound and released: nothing listens on it.
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(s, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    const std::string port = std::to_string(ntohs(addr.sin_port));
    close(s);
    const auto t0 = std::chrono::steady_clock::now();
    try {
        PgStore store("PG:host=127.0.0.1 port=" + port + " dbname=x", /*update=*/false);
        FAIL() << "connected to a closed port";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        const std::string what = e.what();
        EXPECT_EQ(
            what.rfind("PostgreSQL at 127.0.0.1:" + port + " (database x): cannot connect: ", 0),
            0u)
            << what;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
}
