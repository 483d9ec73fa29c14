# Ontwikkelplein: `make run` to try it, `make test` for the whole suite. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: serve run test test-sqlite test-postgres test-browser lint bench bench-quality setup system-packages assets messages clean

# Everything a fresh Debian machine needs, then the site with demo data.
run: setup
	@# migrate also creates or updates the background worker's schedules (setup_schedules).
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	@# Hashed, gzip- and Brotli-compressed static files, cached by browsers (docs/performance.md).
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py print_demo_logins
	@# conf/development.py: plain http on the loopback address, demo logins, mail on the console.
	@# The background worker (manage.py qcluster) runs beside the server and stops with it.
	bash scripts/run-with-worker.sh $(PY) 127.0.0.1:$(PORT)

# Production: gunicorn with conf/production.py against DATABASE_URL on PORT (docs/deployment.md).
# Needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL in the environment.
serve: setup
	DJANGO_SETTINGS_MODULE=ontwikkelplein.conf.production PYTHONPATH=src $(PY) -m ontwikkelplein.conf.preflight
	DJANGO_SETTINGS_MODULE=ontwikkelplein.conf.production $(PY) manage.py collectstatic --noinput -v 0
	@# One machine: the background worker runs beside gunicorn (SERVE_WORKER=0 when it runs elsewhere).
	PYTHON=$(PY) PORT=$(PORT) SERVE_WORKER=$${SERVE_WORKER:-1} bash scripts/serve.sh

setup: $(VENV)/.installed assets messages

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	bash scripts/system-packages.sh base
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $@

assets: node_modules/.installed
	bash scripts/build-assets.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The locale folder may hold no catalogue yet (git keeps no empty folders); compilemessages
# refuses to run without one.
messages: $(VENV)/.installed
	mkdir -p src/ontwikkelplein/locale
	cd src/ontwikkelplein && ../../$(PY) ../../manage.py compilemessages --ignore=.venv -v 0

lint: $(VENV)/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# The whole suite on SQLite, again on a throwaway PostgreSQL 15, then the browser tests.
test: setup
	bash scripts/system-packages.sh test
	$(MAKE) lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres
	$(MAKE) test-browser

test-sqlite: setup
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest -m "not browser" -q -n auto

test-postgres: setup
	bash scripts/with-postgres.sh $(PY) -m pytest -m "not browser" -q -n auto

test-browser: setup
	DATABASE_URL=sqlite:///:memory: $(PY) -m pytest -m browser -q -n auto

bench: setup
	bash scripts/system-packages.sh test
	$(PY) bench/run.py --engine sqlite
	bash scripts/with-postgres.sh $(PY) bench/run.py --engine postgres
	$(PY) bench/desk.py --engine sqlite
	bash scripts/with-postgres.sh $(PY) bench/desk.py --engine postgres
	$(PY) bench/overview.py --engine sqlite
	bash scripts/with-postgres.sh $(PY) bench/overview.py --engine postgres
	$(PY) bench/opendata.py --engine sqlite
	bash scripts/with-postgres.sh $(PY) bench/opendata.py --engine postgres
	bash scripts/with-postgres.sh $(PY) bench/serve.py
	$(PY) bench/search_quality.py --engine sqlite --quiet
	bash scripts/with-postgres.sh $(PY) bench/search_quality.py --engine postgres --quiet
	$(PY) bench/classification.py --quiet
	$(PY) bench/report.py

# Search quality alone (issue 13): the labelled resident queries of bench/quality/queries.toml on
# the demo catalogue, both engines, then only the "Search quality" part of docs/performance.md.
# The queries that miss are in bench/results/quality-<engine>.txt.
bench-quality: setup
	bash scripts/system-packages.sh test
	$(PY) bench/search_quality.py --engine sqlite --quiet
	bash scripts/with-postgres.sh $(PY) bench/search_quality.py --engine postgres --quiet
	$(PY) bench/quality_report.py

clean:
	rm -rf $(VENV) node_modules src/ontwikkelplein/static/vendor
