#!/usr/bin/env bash
# `make run`: Django's development server with the background worker (django-q2's
# `manage.py qcluster`, docs/background-work.md) beside it, in one command. The worker stops
# when the server stops (Ctrl-C stops both; any other end of the server stops the worker).
# Usage: scripts/run-with-worker.sh PYTHON ADDRESS:PORT
set -euo pipefail
py=$1
address=$2
"$py" manage.py qcluster &
worker=$!
stop_worker() {
  if kill -0 "$worker" 2>/dev/null; then
    kill -TERM "$worker" 2>/dev/null || true
  fi
  wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT
"$py" manage.py runserver "$address"
