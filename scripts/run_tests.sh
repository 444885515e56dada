#!/usr/bin/env bash
# Start a throwaway PostgreSQL (installed from Debian's packages if missing) so the store tests run
# against both backends, run pytest, and stop the server whatever the outcome.
set -euo pipefail
PY=${1:-.venv/bin/python}
cd "$(dirname "$0")/.."
if [ -z "${ALLEGIANCE_TEST_PG:-}" ] && [ -f scripts/pg_test_server.sh ]; then
  eval "$(bash scripts/pg_test_server.sh)"
  trap 'bash scripts/pg_test_server.sh stop --purge >/dev/null 2>&1 || true' EXIT
fi
"$PY" -m pytest "${@:2}"
