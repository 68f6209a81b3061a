#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite's PostgreSQL half, on 127.0.0.1 only:
#   eval "$(bash scripts/test-postgres.sh start)"   # prints: export TEST_DATABASE_URL=...
#   npm test
#   bash scripts/test-postgres.sh stop
# Uses Debian's server binaries (apt-get install postgresql); the cluster lives
# in $PGTEST_DIR (default /tmp/newsdesk-test-pg), listens on $PGTEST_PORT
# (default 54329), trusts local connections, and is removed by `stop`. As root
# it runs as the `postgres` user, since PostgreSQL refuses to run as root.
set -euo pipefail

dir=${PGTEST_DIR:-/tmp/newsdesk-test-pg}
port=${PGTEST_PORT:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" ]]; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 1
fi
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "export TEST_DATABASE_URL=postgres://newsdesk@127.0.0.1:$port/postgres"
      exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U newsdesk --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Fast and disposable: nothing here needs to survive a crash.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_DATABASE_URL=postgres://newsdesk@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
