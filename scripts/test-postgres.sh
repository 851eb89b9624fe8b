#!/usr/bin/env bash
# Starts a private PostgreSQL server for the test suite: `initdb` into a temporary folder, listening
# only on a unix socket in that folder (no TCP port), owned by the current user (or `postgres` when
# run as root, since the server refuses to run as root).
#
#   eval "$(scripts/test-postgres.sh start)"   # prints `export WARDEN_TEST_POSTGRES_URL=...` and `export WARDEN_TEST_POSTGRES_DIR=...`
#   swift test --filter Postgres
#   scripts/test-postgres.sh stop "$WARDEN_TEST_POSTGRES_DIR"
#
# For fault tests: `crash DIR` stops the server at once (`pg_ctl -m immediate`: no shutdown
# checkpoint, as after a power cut; the data folder is kept), `resume DIR` starts it again, and
# `restart DIR` restarts it as an administrator would (`pg_ctl restart -m fast`: sessions are
# terminated, the server comes back on the same data).
#
# `start` prints the exports on standard output and everything else on standard error.
set -euo pipefail

find_bin() {
    local name=$1
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
    if [ -n "$found" ]; then echo "$found"; return; fi
    echo "test-postgres: \`$name\` not found; install PostgreSQL (apt-get install postgresql)" >&2
    exit 1
}

run_as_owner() {
    if [ "$(id -u)" = "0" ]; then
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

start() {
    local initdb pg_ctl dir
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    dir=$(mktemp -d /tmp/warden-postgres.XXXXXX)
    chmod 0755 "$dir"
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
    fi
    run_as_owner "$initdb" -D "$dir/data" -U warden --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Unix socket only, in the temporary folder.
    echo "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200" >"$dir/options"
    launch "$pg_ctl" "$dir"
    echo "test-postgres: server running in $dir (socket $dir/.s.PGSQL.5432)" >&2
    echo "export WARDEN_TEST_POSTGRES_URL='postgres://warden@localhost/postgres?host=$dir'"
    echo "export WARDEN_TEST_POSTGRES_DIR='$dir'"
    echo "export WARDEN_TEST_POSTGRES_CTL='$pg_ctl'"
}

# Runs a command with only standard input, output and error open, so the server it starts keeps
# no other descriptor of ours: a caller that waits for this script to end (a test harness watching
# a pipe or a socket for its child's exit) would otherwise wait for the server to stop.
without_inherited_descriptors() {
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
        done
        "$@"
    )
}

launch() {
    local pg_ctl=$1 dir=$2
    without_inherited_descriptors run_as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "$(cat "$dir/options")" >&2 || {
        cat "$dir/server.log" >&2
        exit 1
    }
}

crash() {
    local dir=${1:?test-postgres: crash needs the server folder}
    run_as_owner "$(find_bin pg_ctl)" -D "$dir/data" -m immediate -w stop >&2
}

resume() {
    local dir=${1:?test-postgres: resume needs the server folder}
    launch "$(find_bin pg_ctl)" "$dir"
}

restart() {
    local dir=${1:?test-postgres: restart needs the server folder}
    without_inherited_descriptors run_as_owner "$(find_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart \
        -o "$(cat "$dir/options")" >&2
}

stop() {
    local dir=${1:-${WARDEN_TEST_POSTGRES_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "test-postgres: no server folder given" >&2; exit 1; }
    local pg_ctl
    pg_ctl=$(find_bin pg_ctl)
    run_as_owner "$pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    crash) crash "${2:-}" ;;
    resume) resume "${2:-}" ;;
    restart) restart "${2:-}" ;;
    *) echo "usage: scripts/test-postgres.sh start | stop DIR | crash DIR | resume DIR | restart DIR" >&2; exit 3 ;;
esac
