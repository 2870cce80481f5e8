#!/bin/sh
# A throw-away PostgreSQL + PostGIS cluster for the tests: its own data directory under DIR, its own
# TCP port on 127.0.0.1 (a free one, written to DIR/port) and no Unix socket, so that test
# runs of several build trees never meet. As root it runs as the `postgres` user (initdb refuses
# root; when that user cannot reach DIR, the data goes to a folder of its own under /tmp, named in
# DIR/datadir); otherwise as the current user.
#   pg_cluster.sh start DIR   stops a cluster left in DIR by an aborted run, then starts a new one
#   pg_cluster.sh stop DIR    stops it (immediate shutdown) and removes its data
# Roles: `postgres` (superuser, trust on 127.0.0.1) and `sitmap_pw` (password 'right-password',
# scram-sha-256), for the wrong-password test.
set -eu
cmd=${1:?usage: pg_cluster.sh start|stop DIR}
dir=${2:?usage: pg_cluster.sh start|stop DIR}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
    echo "pg_cluster.sh: no PostgreSQL server installed (scripts/setup installs postgresql)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
# The data directory: DIR/data, or (when the postgres user cannot reach DIR, say under a home
# folder of mode 700) a folder of its own under /tmp whose name DIR/datadir keeps.
datadir() {
    if [ -f "$dir/datadir" ]; then cat "$dir/datadir"; else echo "$dir/data"; fi
}
stop() {
    data=$(datadir)
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
}
case "$cmd" in
start)
    stop
    if [ -f "$dir/datadir" ]; then rm -rf "$(dirname "$(cat "$dir/datadir")")"; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    data="$dir/data"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            data=$(mktemp -d /tmp/sitmap-pg.XXXXXX)/data
            chown postgres:postgres "$(dirname "$data")"
            echo "$data" >"$dir/datadir"
        fi
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bindir/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF
    cat >"$data/pg_hba.conf" <<HBA

host all sitmap_pw 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA
    as_owner "$bindir/pg_ctl" -D "$data" -l "$data/../server.log" -w -t 60 start >/dev/null ||
        { cat "$data/../server.log" >&2; exit 1; }
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE sitmap_pw LOGIN PASSWORD 'right-password'" >/dev/null
    echo "$port" >"$dir/port"
    echo "pg_cluster.sh: PostgreSQL on 127.0.0.1:$port, data in $data"
    ;;
stop)
    stop
    data=$(datadir)
    rm -rf "$data"
    if [ -f "$dir/datadir" ]; then
        rm -rf "$(dirname "$data")" "$dir/datadir"
    fi
    echo "pg_cluster.sh: stopped the cluster in $dir"
    ;;
*)
    echo "pg_cluster.sh: unknown command '$cmd' (start or stop)" >&2
    exit 2
    ;;
esac
