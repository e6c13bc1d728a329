#!/usr/bin/env bash
# The whole test suite: lint, then pytest against SQLite and a real local
# PostgreSQL server that this script starts (Debian's postgresql, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
scripts/bootstrap.sh test

if [ -z "${WIQAYA_TEST_PG_URL:-}" ]; then
  # Only the last line is the URL, whatever the server tools print before it.
  WIQAYA_TEST_PG_URL="$(scripts/postgres.sh | tail -n 1)"
  export WIQAYA_TEST_PG_URL
fi

"$VENV/bin/ruff" check src tests benchmarks evaluation
export WIQAYA_CHROMIUM="${WIQAYA_CHROMIUM:-/usr/bin/chromium}"
set +e
"$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
status=$?
set -e
# pytest's 5 means no test ran, which must never pass as green.
exit $status
