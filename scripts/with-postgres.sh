#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server in a temporary folder,
# with DATABASE_URL pointing at it; the server and folder are removed afterwards.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 is not installed (run: bash scripts/system-packages.sh test)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/ontwikkelplein-pg.XXXXXX)
chmod 755 "$tmp"
port=${PGPORT_TEST:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$tmp"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$tmp/data" -U op -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U op ontwikkelplein
export DATABASE_URL="postgres://op@127.0.0.1:$port/ontwikkelplein"
echo "PostgreSQL 15 on port $port"
"$@"
