#!/usr/bin/env bash
# Benchmarks of the PostgreSQL audit store against a private server (the benchmark harness cannot
# start one): durable with 64 concurrent callers, async, four nodes writing at once, the import of a
# JSON Lines log with COPY, the filtered query of the SQLite benchmark, and the server's own insert
# rate for the same rows (its ceiling on this machine).
#
#   scripts/bench-postgres.sh [RECORDS]      # default 200000; release build; prints one line per figure
#
# Each figure is the median of three runs, each into a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-200000}

swift build -c release --product warden-audit-load >&2
swift build -c release --product warden >&2
bin=$(swift build -c release --show-bin-path)
postgres_env=$(scripts/test-postgres.sh start)
eval "$postgres_env"
trap 'scripts/test-postgres.sh stop "$WARDEN_TEST_POSTGRES_DIR"' EXIT
admin="$WARDEN_TEST_POSTGRES_URL"
socket="$WARDEN_TEST_POSTGRES_DIR"

sql() { psql "host=$socket user=warden dbname=$1" -qAtc "$2"; }  # sql DB STATEMENTS: prints the rows

fresh() {
    local name="bench_$RANDOM$RANDOM"
    sql postgres "CREATE DATABASE $name" >/dev/null
    echo "postgres://warden@localhost/$name?host=$socket"
}

median() { sort -g | sed -n 2p; }

per_second() {  # per_second COUNT COMMAND...: runs COMMAND (output discarded), prints COUNT / its seconds
    local count=$1 start end
    shift
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$count $start $end" | awk '{ printf "%.0f\n", $1 / ($3 - $2) }'
}

rate() {  # rate URL NODE RECORDS CALLERS MODE -> records/s
    "$bin/warden-audit-load" "$@" | awk '/^done/ { printf "%.0f\n", $2 / $4 }'
}

echo "durable, 64 callers: $(for _ in 1 2 3; do rate "$(fresh)" gw-1 "$records" 64 durable; done | median) records/s"
echo "async, 64 callers: $(for _ in 1 2 3; do rate "$(fresh)" gw-1 "$records" 64 async; done | median) records/s"
one=$(for _ in 1 2 3; do rate "$(fresh)" gw-1 "$records" 16 async; done | median)
four_nodes() {  # four_nodes URL: four writer processes at once, one node each
    for node in 1 2 3 4; do "$bin/warden-audit-load" "$1" "gw-$node" "$records" 16 async >/dev/null & done
    wait
}
four=$(for _ in 1 2 3; do per_second $((4 * records)) four_nodes "$(fresh)"; done | median)
echo "async, one node 16 callers: $one records/s; four nodes at once: $four records/s ($(echo "$four $one" | awk '{ printf "%.2f", $1 / $2 }')x)"

# Import: a JSON Lines log written by the demo's writer path, loaded with COPY.
work=$(mktemp -d)
url=$(fresh)
"$bin/warden-audit-load" "$url" gw-src "$records" 64 async >/dev/null
db=${url#*localhost/}; db=${db%%\?*}
sql "$db" "COPY (SELECT line FROM audit_records ORDER BY seq) TO STDOUT" >"$work/audit.jsonl"
imports=$(for _ in 1 2 3; do per_second "$records" "$bin/warden" audit import --db "$(fresh)" "$work/audit.jsonl"; done | median)
echo "import of $records records (COPY, verifying): $imports records/s"

# The server's own ceiling on this machine, the peer of the figures above: the same rows inserted
# by one backend from tables already in the database (INSERT ... SELECT into the three tables, their
# indexes and the NOTIFY trigger, one transaction), so no client, no network and no parsing.
sql "$db" "CREATE TABLE ceiling_records AS SELECT * FROM audit_records;
    CREATE TABLE ceiling_checks AS SELECT * FROM audit_checks;
    CREATE TABLE ceiling_policies AS SELECT * FROM audit_check_policies" >/dev/null
ceiling=$(for _ in 1 2 3; do
    sql "$db" "TRUNCATE audit_records, audit_checks, audit_check_policies; CHECKPOINT" >/dev/null
    per_second "$records" sql "$db" "BEGIN; INSERT INTO audit_records SELECT * FROM ceiling_records;
        INSERT INTO audit_checks SELECT * FROM ceiling_checks;
        INSERT INTO audit_check_policies SELECT * FROM ceiling_policies; COMMIT"
done | median)
echo "server ceiling, one backend inserting the same rows from in-database tables: $ceiling records/s"

# The filtered query of the SQLite benchmark: actor + action + since, limit 100.
target=$(fresh)
"$bin/warden" audit import --db "$target" "$work/audit.jsonl" >/dev/null
queries=$(for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$bin/warden" audit query --db "$target" --actor 'load:*' --action 'process.send' --since 2020-01-01 --limit 100 --format jsonl >/dev/null
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.1f\n", ($2 - $1) * 1000 }'
done | median)
echo "filtered query (actor + action + since, limit 100, whole command): $queries ms"
rm -rf "$work"
