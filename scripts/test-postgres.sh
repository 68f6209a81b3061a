#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite's PostgreSQL half, on 127.0.0.1 only:
#   eval "$(bash scripts/test-postgres.sh start)"   # prints: export TEST_DATABASE_URL=...
#   npm test
#   bash scripts/test-postgres.sh stop
# Uses Debian's server binaries (apt-get install postgresql); the cluster lives
# in $PGTEST_DIR (default /tmp/newsdesk-test-pg), listens on $PGTEST_PORT
# (default 54329), trusts local connections, and is removed by `stop`. As root
# it runs as the `postgres` user, since PostgreSQL refuses to run as root.
#
# PGTEST_SHARED_BUFFERS (say 6GB) sets its shared buffers (128MB by default),
# and PGTEST_HUGE_PAGES=1 starts it on huge pages (`huge_pages = on`), as
# docs/DEPLOY.md advises for a database server and the benchmark's figures
# are measured: as root, the kernel is asked for as many more as the server
# needs (vm.nr_hugepages), and `stop` gives them back.
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

# Free and not promised to a running program (another PostgreSQL's pages are reserved at its start).
hugepages_free() { awk '/^HugePages_Free:/ { free = $2 } /^HugePages_Rsvd:/ { rsvd = $2 } END { print free - rsvd }' /proc/meminfo; }

# Makes sure `needed` huge pages are free, asking the kernel for the ones missing
# (written down in $dir/hugepages-added, for release_huge_pages).
reserve_huge_pages() {
  local needed=$1 free missing
  free=$(hugepages_free)
  missing=$((needed - free))
  if ((missing > 0)); then
    if [[ $(id -u) -ne 0 ]]; then
      echo "PGTEST_HUGE_PAGES: $needed huge pages needed, $free free; as root: sysctl -w vm.nr_hugepages=$(($(cat /proc/sys/vm/nr_hugepages) + missing))" >&2
      exit 1
    fi
    sysctl -q -w vm.nr_hugepages=$(($(cat /proc/sys/vm/nr_hugepages) + missing))
    echo "$missing" >"$dir/hugepages-added"
    if (($(hugepages_free) < needed)); then
      echo "PGTEST_HUGE_PAGES: the kernel gave $(hugepages_free) of the $needed huge pages needed (memory too fragmented?)" >&2
      release_huge_pages
      exit 1
    fi
  fi
}

release_huge_pages() {
  [[ -f "$dir/hugepages-added" ]] || return 0
  local added
  added=$(cat "$dir/hugepages-added")
  rm -f "$dir/hugepages-added"
  sysctl -q -w vm.nr_hugepages=$(($(cat /proc/sys/vm/nr_hugepages) - added)) || true
}

case "${1:-}" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "export TEST_DATABASE_URL=postgres://newsdesk@127.0.0.1:$port/postgres"
      exit 0
    fi
    release_huge_pages
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U newsdesk --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Fast and disposable: nothing here needs to survive a crash.
    options="-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    [[ -n "${PGTEST_SHARED_BUFFERS:-}" ]] && options+=" -c shared_buffers=$PGTEST_SHARED_BUFFERS"
    if [[ -n "${PGTEST_HUGE_PAGES:-}" && "${PGTEST_HUGE_PAGES}" != 0 ]]; then
      options+=" -c huge_pages=on"
      reserve_huge_pages "$(as_owner "$bin/postgres" -D "$dir/data" $options -C shared_memory_size_in_huge_pages)"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o "$options" >/dev/null ||
      { cat "$dir/server.log" >&2; release_huge_pages; exit 1; }
    echo "export TEST_DATABASE_URL=postgres://newsdesk@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    release_huge_pages
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
