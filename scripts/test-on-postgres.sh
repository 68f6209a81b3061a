#!/usr/bin/env bash
# The suite's PostgreSQL half, beside `npm test` (SQLite): every integration
# test that builds the app, run again with the app on PostgreSQL
# (NEWSDESK_TEST_DATABASE=postgres: a new database per test app on the server
# TEST_DATABASE_URL names; `eval "$(bash scripts/test-postgres.sh start)"`
# starts one). `npm test` already runs the tests written for both engines
# (schema, search, view counting from two instances) on both.
#
# Left out, being about SQLite itself, about the command line (which reads
# its database from the environment), or already run on both by `npm test`:
#   archive-scale (SQLite's query plans), backup and durability (the SQLite
#   file), cli, generate, start and bundle (the command line), varnish (the
#   HTTP cache in front, the same whatever the database), postgres-* and
#   site-archive (written for both engines, with DATABASE_URL of their own).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  echo 'PostgreSQL half skipped: no TEST_DATABASE_URL (eval "$(bash scripts/test-postgres.sh start)" first)'
  exit 0
fi
mapfile -t files < <(find test/integration -name '*.test.ts' | sort |
  grep -v -e archive-scale -e backup -e durability -e /cli -e generate -e /start -e bundle -e varnish \
    -e /postgres- -e site-archive)
NEWSDESK_TEST_DATABASE=postgres exec node --import tsx --test --test-concurrency=2 "${files[@]}"
