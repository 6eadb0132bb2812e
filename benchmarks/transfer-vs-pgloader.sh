#!/usr/bin/env bash
# Times Dataport's transfer against pgloader on the same generated 1,000,000-row SQLite database, into the same
# PostgreSQL server, one after the other in one run. Each tool loads into a database of its own, created and
# dropped here (dp_bench_dataport, dp_bench_pgloader).
#
# Needs: JDK 17, Maven, sqlite3, pgloader (Debian: apt-get install pgloader), psql, a PostgreSQL server.
#   PGURL=postgresql://postgres@127.0.0.1:5432 benchmarks/transfer-vs-pgloader.sh
# Both tools create the schema, copy the rows, build indexes and foreign keys and set sequences; Dataport also
# reads every row back and verifies its checksum, which pgloader does not.
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432}
ROWS=${ROWS:-1000000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql "$PGURL/postgres" -qc "drop database if exists dp_bench_dataport" -c "drop database if exists dp_bench_pgloader" >/dev/null 2>&1 || true' EXIT

for tool in sqlite3 pgloader psql mvn java; do
    command -v "$tool" >/dev/null || { echo "Missing $tool: install it first." >&2; exit 2; }
done

echo "Building Dataport (no install)..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -pl examples -am
CP="examples/target/classes:$(cat "$WORK/cp.txt")"

echo "Generating $ROWS rows in $WORK/bench.sqlite..."
USERS=10000
sqlite3 "$WORK/bench.sqlite" "
create table users (id INTEGER PRIMARY KEY, name NVARCHAR(40) NOT NULL, email VARCHAR(80) NOT NULL UNIQUE,
  created DATETIME NOT NULL);
create table events (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), kind VARCHAR(20) NOT NULL,
  amount NUMERIC(10,2), created DATETIME NOT NULL, active BOOLEAN NOT NULL, score REAL, note TEXT);
create index events_user on events (user_id);
with recursive n(i) as (select 1 union all select i + 1 from n where i < $USERS)
insert into users select i, 'User ' || i, 'user' || i || '@example.com', datetime(1700000000 + i * 3600, 'unixepoch') from n;
with recursive n(i) as (select 1 union all select i + 1 from n where i < $ROWS - $USERS)
insert into events select i, 1 + (i * 7919) % $USERS,
  case i % 4 when 0 then 'click' when 1 then 'view' when 2 then 'purchase' else 'refund' end,
  case when i % 10 = 0 then null else ((i * 37) % 100000) / 100.0 end, datetime(1700000000 + i * 17, 'unixepoch'),
  i % 2, (i % 1000) / 7.0, case when i % 3 = 0 then null else 'note number ' || i end from n;"

psql "$PGURL/postgres" -qc "drop database if exists dp_bench_dataport" -c "drop database if exists dp_bench_pgloader" \
    -c "create database dp_bench_dataport" -c "create database dp_bench_pgloader"

sync   # let the generated file reach the disk before either tool starts
TIMEFORMAT='%R %U %S'   # bash's time: wall, user and system seconds of the tool's processes
run_dataport() {
    psql "$PGURL/postgres" -qc "drop database if exists dp_bench_dataport" -c "create database dp_bench_dataport" \
        -c "checkpoint"   # neither tool inherits the other's dirty buffers
    { time java -cp "$CP" io.dataport.examples.TransferTool \
        --from "sqlite:$WORK/bench.sqlite" --to "$PGURL/dp_bench_dataport" >"$WORK/dataport.log" 2>&1; } 2>&1
}
run_pgloader() {
    psql "$PGURL/postgres" -qc "drop database if exists dp_bench_pgloader" -c "create database dp_bench_pgloader" \
        -c "checkpoint"
    { time pgloader --quiet "sqlite://$WORK/bench.sqlite" "$PGURL/dp_bench_pgloader" >"$WORK/pgloader.log" 2>&1; } 2>&1
}
# Three rounds in alternating order (D P, P D, D P), so neither tool always runs first on a warmer or busier
# machine; the medians are reported. On a shared machine the wall times vary: compare within one run.
ROUNDS=${ROUNDS:-3}
: >"$WORK/times"
for round in $(seq 1 "$ROUNDS"); do
    echo "Round $round..."
    if [ $((round % 2)) -eq 1 ]; then
        echo "dataport $(run_dataport)" >>"$WORK/times"; echo "pgloader $(run_pgloader)" >>"$WORK/times"
    else
        echo "pgloader $(run_pgloader)" >>"$WORK/times"; echo "dataport $(run_dataport)" >>"$WORK/times"
    fi
done
cat "$WORK/dataport.log"

dataport_rows=$(psql "$PGURL/dp_bench_dataport" -tAc 'select (select count(*) from users) + (select count(*) from events)')
pgloader_rows=$(psql "$PGURL/dp_bench_pgloader" -tAc 'select (select count(*) from users) + (select count(*) from events)')
median() { grep "^$1 " "$WORK/times" | awk -v f="$2" '{ print $f }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cpu() { grep "^$1 " "$WORK/times" | awk '{ print $3 + $4 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
all() { grep "^$1 " "$WORK/times" | awk '{ printf "%s%s", sep, $2; sep = " / " }'; }
awk -v d="$(median dataport 2)" -v p="$(median pgloader 2)" -v dc="$(cpu dataport)" -v pc="$(cpu pgloader)" \
    -v da="$(all dataport)" -v pa="$(all pgloader)" -v dr="$dataport_rows" -v pr="$pgloader_rows" 'BEGIN {
    printf "\n| tool | rows in PostgreSQL | wall time per round (s) | median (s) | rows/s (median) | client CPU, median (s) |\n";
    printf "|---|---|---|---|---|---|\n";
    printf "| Dataport transfer (COPY, verified) | %d | %s | %.2f | %.0f | %.2f |\n", dr, da, d, dr / d, dc;
    printf "| pgloader | %d | %s | %.2f | %.0f | %.2f |\n", pr, pa, p, pr / p, pc;
    printf "\nDataport / pgloader wall-time ratio (medians): %.2f (below 1 means Dataport is faster)\n", d / p;
}'
