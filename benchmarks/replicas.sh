#!/usr/bin/env bash
# Read replicas measured (io.dataport.benchmarks.ReplicaBench): W5 with one streaming replica against the
# primary alone, and the cost of read-your-writes on a read-after-write workload. Starts a private PostgreSQL
# primary and a streaming standby of it (initdb + pg_basebackup, as the postgres OS user when run as root) on
# free ports in a temporary directory, and removes them afterwards; the shared server is not touched.
#
# Needs: JDK 17, Maven, PostgreSQL 15's server binaries (PG_BIN, default /usr/lib/postgresql/15/bin), python3.
#   benchmarks/replicas.sh [--quick]
# Both servers run on this machine: on 2 cores a replica shares the CPU with the primary, so W5 shows the cost
# of the routing, not the gain of a second machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
cleanup() {
    as_pg "$BIN/pg_ctl" -D "$WORK/standby" -m immediate -w stop >/dev/null 2>&1 || true
    as_pg "$BIN/pg_ctl" -D "$WORK/primary" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PRIMARY_PORT=$(free_port)
STANDBY_PORT=$(free_port)
settings() {
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 60\n" \
        "$1" "$WORK" | as_pg tee -a "$2/postgresql.auto.conf" >/dev/null
}

echo "Starting a private primary on $PRIMARY_PORT and a standby on $STANDBY_PORT in $WORK..."
as_pg "$BIN/initdb" -D "$WORK/primary" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
settings "$PRIMARY_PORT" "$WORK/primary"
as_pg "$BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
as_pg "$BIN/pg_basebackup" -D "$WORK/standby" -h "$WORK" -p "$PRIMARY_PORT" -U postgres -R -X stream --checkpoint=fast
settings "$STANDBY_PORT" "$WORK/standby"
as_pg "$BIN/pg_ctl" -D "$WORK/standby" -l "$WORK/standby.log" -w start >/dev/null

echo "Building the benchmarks (no install)..."
mvn -B -q -DskipTests package -pl benchmarks -am
java -Xms1g -Xmx1g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar io.dataport.benchmarks.ReplicaBench \
    "postgresql://postgres@127.0.0.1:$PRIMARY_PORT/postgres" "127.0.0.1:$STANDBY_PORT" "$@"
