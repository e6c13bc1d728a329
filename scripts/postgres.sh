#!/usr/bin/env bash
# Start Debian's PostgreSQL cluster on 127.0.0.1 and make sure a test role exists.
# Prints the admin URL the tests use to create one database per test, and
# nothing else on stdout: callers capture it.
set -euo pipefail
version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
if [ -z "$version" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >&2
  fi
  # Its chatter ("Removed stale pid file.") must not reach stdout, which
  # carries only the URL.
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"DO \\\$\\\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wiqaya_test') THEN
    CREATE ROLE wiqaya_test LOGIN CREATEDB PASSWORD 'wiqaya_test';
  END IF; END \\\$\\\$;\"" >&2
echo "postgresql+psycopg://wiqaya_test:wiqaya_test@127.0.0.1:5432/postgres"
