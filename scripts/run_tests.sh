#!/usr/bin/env bash
# Start a throwaway PostgreSQL (installed from Debian's packages if missing) so the store tests run
# against both backends, make sure Java is there for the Spark test, run pytest, and stop the
# server whatever the outcome.
set -euo pipefail
PY=${1:-.venv/bin/python}
cd "$(dirname "$0")/.."
if [ -z "${ALLEGIANCE_TEST_PG:-}" ] && [ -f scripts/pg_test_server.sh ]; then
  eval "$(bash scripts/pg_test_server.sh)"
  trap 'bash scripts/pg_test_server.sh stop --purge >/dev/null 2>&1 || true' EXIT
fi
# The Spark engine's test needs a Java runtime (17+): install Debian's when missing and allowed.
if ! command -v java >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing a Java runtime for the Spark test (apt-get)" >&2
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless >&2 \
    || echo "no Java runtime: the Spark test will be skipped" >&2
fi
"$PY" -m pytest "${@:2}"
