# Sourced by test.sh: a throwaway PostgreSQL cluster for the PostgreSQL tests, and its removal.
#
# start_test_postgres  initdb in a new temporary folder, start the server on a free loopback port, wait until it
#                      answers, export AGENDA_TEST_POSTGRES (an Npgsql connection string to its postgres database)
#                      and AGENDA_TEST_POSTGRES_RESTART (a shell command that restarts it), and register
#                      stop_test_postgres to run when the calling shell exits, tests failed or not.
#
# Authentication is `trust`: anyone who can reach the server is the superuser `agenda`. That is fine only because the
# cluster listens on 127.0.0.1 and a socket in its own 0700 folder, holds test data, and is deleted when the run ends.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user the Debian package creates.
# fsync=off makes the many CREATE DATABASE of the tests cheap; it risks data only if the machine itself crashes, and
# a cluster that does not outlive the run has none to lose (synchronous commit stays on: a server restart loses
# no acknowledged write). PG_TEST_FSYNC=on keeps PostgreSQL's default, for the benchmark's durable writes.

start_test_postgres() {
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_TEST_DIR=$(mktemp -d /tmp/agenda-postgres.XXXXXX)
  PG_TEST_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_TEST_DIR"
    PG_TEST_AS=(runuser -u postgres --)
  fi
  PG_TEST_CTL="$bin/pg_ctl"
  trap stop_test_postgres EXIT
  trap 'exit 130' INT TERM

  "${PG_TEST_AS[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U agenda -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PG_TEST_DIR/initdb.log" 2>&1 || { cat "$PG_TEST_DIR/initdb.log"; return 1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${PG_TEST_AS[@]}" "$PG_TEST_CTL" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_TEST_FSYNC:-off}" start >/dev/null \
    || { cat "$PG_TEST_DIR/server.log"; return 1; }
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30
  export AGENDA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=agenda;Database=postgres"
  # The listener tests restart the server under load; pg_ctl restart keeps the options given to start.
  export AGENDA_TEST_POSTGRES_RESTART="${PG_TEST_AS[*]} $PG_TEST_CTL -D $PG_TEST_DIR/data -l $PG_TEST_DIR/server.log -m fast -w -t 60 restart"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $PG_TEST_DIR)"
}

stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  if [ -f "$PG_TEST_DIR/data/postmaster.pid" ]; then
    "${PG_TEST_AS[@]}" "$PG_TEST_CTL" -D "$PG_TEST_DIR/data" -m fast -w -t 60 stop >/dev/null || true
  fi
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}
