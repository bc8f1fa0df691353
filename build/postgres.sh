#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port, for tests and benchmarks.
# Source it, then:  pg_up  (exports ConnectionStrings__Postgres)  ...  pg_down
# Runs initdb as the `postgres` user (PostgreSQL refuses to run as root) in a temporary directory.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PASSWORD=${PG_PASSWORD:-workinggroup}

pg_free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

pg_up() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 is missing ($PG_BIN/initdb): apt-get install postgresql-15" >&2; return 1
  fi
  PG_PORT=${PG_PORT:-$(pg_free_port)} || { echo "no free port for PostgreSQL" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/wg-pg.XXXXXX)
  chown postgres:postgres "$PG_DIR"
  local pwfile="$PG_DIR/pw"
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"; chown postgres:postgres "$pwfile"
  if ! (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres \
        --pwfile="$pwfile" --auth=scram-sha-256 --locale=C.UTF-8 -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1); then
    cat "$PG_DIR/initdb.log" >&2; rm -rf "$PG_DIR"; return 1
  fi
  if ! (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null); then
    cat "$PG_DIR/server.log" >&2; rm -rf "$PG_DIR"; return 1
  fi
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres"
  echo "PostgreSQL 15 started on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_down() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  (cd "$PG_DIR" && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1)
  rm -rf "$PG_DIR"
  unset PG_DIR
}
