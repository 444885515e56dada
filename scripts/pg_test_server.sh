#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   eval "$(scripts/pg_test_server.sh)"        # start (or reuse) it; exports ALLEGIANCE_TEST_PG
#   scripts/pg_test_server.sh status           # is it running, and where
#   scripts/pg_test_server.sh stop [--purge]   # stop it (--purge also deletes its files)
#
# The cluster lives in $ALLEGIANCE_PG_DIR (default /tmp/allegiance-pg), listens on 127.0.0.1 only,
# on a free port, with trust authentication and fsync off: for tests, never for data you keep.
# Running as root, the server runs as the 'postgres' system user (PostgreSQL refuses root).
# Installs the Debian packages postgresql + postgresql-contrib (for unaccent) when absent.
# Everything but the final export line goes to stderr, so `eval "$(…)"` works.
set -euo pipefail

DIR="${ALLEGIANCE_PG_DIR:-/tmp/allegiance-pg}"
DATA="$DIR/data"
DB=allegiance_test
SUPERUSER=allegiance

log() { echo "pg_test_server: $*" >&2; }
die() { log "$*"; exit 1; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
}

install_postgres() {
  [[ $(id -u) -eq 0 ]] || die "PostgreSQL is not installed and installing needs root (apt-get install postgresql postgresql-contrib)"
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and this is not a Debian-like system"
  log "installing PostgreSQL (apt-get)"
  apt-get update >&2
  apt-cache policy postgresql >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-contrib >&2
}

BIN=$(find_bin || true)

# Run a command as the user that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running_port() {
  [[ -n "$BIN" && -f "$DIR/port" && -f "$DATA/postmaster.pid" ]] || return 1
  as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
  cat "$DIR/port"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url_for() { echo "postgresql://$SUPERUSER@127.0.0.1:$1/$DB"; }

start() {
  if port=$(running_port); then
    log "already running on port $port ($DATA)"
    echo "export ALLEGIANCE_TEST_PG=$(url_for "$port")"
    return
  fi
  if [[ -z "$BIN" ]]; then install_postgres; BIN=$(find_bin); fi
  [[ -n "$BIN" ]] || die "no initdb found after installing PostgreSQL"
  [[ -f "$BIN/../share/extension/unaccent.control" || -n $(ls /usr/share/postgresql/*/extension/unaccent.control 2>/dev/null) ]] \
    || log "warning: the unaccent extension is missing (install postgresql-contrib)"
  mkdir -p "$DIR"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
    chown postgres: "$DIR"
    chmod 700 "$DIR"
  fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "creating a cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
      || as_owner "$BIN/initdb" -D "$DATA" -U "$SUPERUSER" --auth=trust -E UTF8 --locale=C >&2
  fi
  port=$(free_port)
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { tail -n 20 "$DIR/server.log" >&2 || true; die "the server did not start"; }
  echo "$port" | as_owner tee "$DIR/port" >/dev/null
  if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U "$SUPERUSER" "$DB"
  fi
  log "running on port $port ($DATA)"
  echo "export ALLEGIANCE_TEST_PG=$(url_for "$port")"
}

stop() {
  if [[ -n "$BIN" && -f "$DATA/postmaster.pid" ]]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  else
    log "not running"
  fi
  if [[ "${1:-}" == "--purge" ]]; then
    rm -rf "$DIR"
    log "removed $DIR"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) shift; stop "${1:-}" ;;
  status)
    if port=$(running_port); then log "running on port $port"; echo "export ALLEGIANCE_TEST_PG=$(url_for "$port")"
    else log "not running"; exit 1; fi ;;
  *) die "usage: $0 [start|status|stop [--purge]]" ;;
esac
