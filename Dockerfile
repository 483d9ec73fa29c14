# Ontwikkelplein's production image: gunicorn with the production settings (docs/deployment.md).
#
#   docker build -t ontwikkelplein .
#   docker compose up          # app, worker, PostgreSQL 15 and Redis (compose.yaml)
#
# The base images are pinned by exact version tag. After the first pull, pin them by digest as well
# (`docker buildx imagetools inspect python:3.11.7-slim-bookworm`, then `python:3.11.7-slim-bookworm@sha256:…`)
# so a rebuild cannot pick up a changed image; update both on purpose, with the lock files.

# --- 1. Front-end packages from npm (package-lock.json), copied where Django serves them ---
FROM node:20.18.1-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY scripts/build-assets.sh scripts/select-utrecht-css.mjs scripts/
# The templates, Python and JavaScript tell which Utrecht component rules the site uses.
COPY src/ontwikkelplein/ src/ontwikkelplein/
RUN bash scripts/build-assets.sh

# --- 2. Python packages from the locked requirements, every one checked against its hash ---
FROM python:3.11.7-slim-bookworm AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements/base.txt /tmp/base.txt
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/base.txt

# --- 3. The image: Debian's runtime packages, the code, translations and static files ---
FROM python:3.11.7-slim-bookworm
# Debian packages the site needs (gettext for translations, Pango and fonts for PDFs): the same
# list as `make run` installs.
COPY scripts/system-packages.sh /tmp/system-packages.sh
RUN bash /tmp/system-packages.sh base && rm -rf /var/lib/apt/lists/* /tmp/system-packages.sh

RUN groupadd --system --gid 10001 ontwikkelplein \
 && useradd --system --uid 10001 --gid ontwikkelplein --home-dir /app --shell /usr/sbin/nologin ontwikkelplein

ENV PATH=/opt/venv/bin:$PATH \
    PYTHON=/opt/venv/bin/python \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ontwikkelplein.conf.production \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/data/media \
    PORT=8000

COPY --from=python /opt/venv /opt/venv
WORKDIR /app
COPY manage.py pyproject.toml ./
COPY scripts/serve.sh scripts/
COPY src/ src/
COPY --from=assets /build/src/ontwikkelplein/static/vendor/ src/ontwikkelplein/static/vendor/

# Translations and static files are built into the image (hashed names, compressed), so every
# container of one image serves the same files. The settings need values to load; these exist
# only during the build and connect to nothing.
RUN DJANGO_SECRET_KEY=build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))') \
    DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    sh -c 'cd src/ontwikkelplein && python ../../manage.py compilemessages -v 0 \
        && cd /app && python manage.py collectstatic --noinput -v 0' \
 && rm -f /tmp/build.sqlite3 \
 && mkdir -p /data/media && chown -R ontwikkelplein:ontwikkelplein /data

USER ontwikkelplein
VOLUME ["/data/media"]
EXPOSE 8000

# /healthz: the process answers (no database), over plain http (exempt from the https redirect).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz\", timeout=4)"]

# The same script `make serve` runs: preflight, migrate, createcachetable, gunicorn.
ENTRYPOINT ["bash", "scripts/serve.sh"]
