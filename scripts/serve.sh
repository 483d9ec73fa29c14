#!/usr/bin/env bash
# Starts the production server: the one entrypoint of `make serve` and of the container image.
#   1. conf/preflight.py: the settings load (secret key, hosts, database named) and the database
#      answers; otherwise one clear line and exit status 2;
#   2. migrations and the cache table (both safe to repeat, and safe with several nodes starting
#      at once: Django takes the migrations in one transaction per migration on PostgreSQL);
#   3. gunicorn with src/ontwikkelplein/conf/gunicorn.py (workers, threads, timeouts from the
#      environment; see .env.example and docs/deployment.md).
# Static files are collected before this runs: by `make serve`, or when the image is built.
# SERVE_SKIP_MIGRATE=1 skips step 2 (e.g. a node that must not migrate during a rolling upgrade).
# SERVE_WORKER=1 also starts the background worker (manage.py qcluster) and stops it with gunicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
export DJANGO_SETTINGS_MODULE=ontwikkelplein.conf.production
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"

"$PYTHON" -m ontwikkelplein.conf.preflight
if [ "${SERVE_SKIP_MIGRATE:-0}" != 1 ]; then
  "$PYTHON" manage.py migrate --noinput
  "$PYTHON" manage.py createcachetable
fi
if [ "${SERVE_WORKER:-0}" = 1 ]; then
  # One machine: the background worker beside gunicorn, stopped with it (`make serve` does this;
  # the container runs the worker as a service of its own, compose.yaml).
  "$PYTHON" manage.py qcluster &
  worker=$!
  trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
  trap 'exit 143' TERM INT
  "$PYTHON" -m gunicorn -c src/ontwikkelplein/conf/gunicorn.py &
  wait $!
else
  exec "$PYTHON" -m gunicorn -c src/ontwikkelplein/conf/gunicorn.py
fi
