"""Production readiness, checked by `make test` (docs/deployment.md):

- every environment variable the settings and the gunicorn configuration read is in .env.example;
- `manage.py check --deploy` with the production settings and a proper environment warns of nothing;
- production refuses to start without each required variable, or without a database that
  answers, with one clear line (conf/preflight.py), not a traceback;
- the entrypoint of `make serve` and of the container image (scripts/serve.sh) starts gunicorn with
  the production settings against the suite's database engine (PostgreSQL in the PostgreSQL run,
  an SQLite file otherwise), answers /readyz, / and /healthz, logs JSON lines with request ids, and
  stops cleanly. The container engine itself does not run on the build machine; this is the same
  script the image runs.
"""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "src" / "ontwikkelplein" / "conf"
ENV_EXAMPLE = ROOT / ".env.example"

# Variables of the shell and Python themselves, not settings of ours.
NOT_SETTINGS = {"PYTHON", "PYTHONPATH"}

READ_IN_PYTHON = re.compile(
    r"""(?:env\.\w+|required|optional|os\.environ\.get|os\.getenv|os\.environ\.setdefault)"""
    r"""\(\s*['"]([A-Z][A-Z0-9_]+)['"]"""
)
READ_IN_SHELL = re.compile(r"\$\{([A-Z][A-Z0-9_]+)(?::?[-=+?][^}]*)?\}")


def production_env(**overrides) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "CACHE_URL", "S3_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="ontwikkelplein.conf.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="ontwikkelplein.example,127.0.0.1",
        DATABASE_URL="postgres://op@127.0.0.1:5432/ontwikkelplein",
        PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{ROOT}",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def listed_variables() -> set[str]:
    names = set()
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"\s*#?\s*([A-Z][A-Z0-9_]+)=", line)
        if match:
            names.add(match.group(1))
    return names


def read_variables() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    sources = [*CONF.glob("*.py"), ROOT / "scripts" / "serve.sh"]
    for path in sources:
        pattern = READ_IN_SHELL if path.suffix == ".sh" else READ_IN_PYTHON
        for name in pattern.findall(path.read_text()):
            if name not in NOT_SETTINGS:
                found.setdefault(name, set()).add(path.name)
    return found


def test_the_variable_scan_finds_what_it_should():
    # A scan that found nothing would make the next test pass vacuously.
    found = read_variables()
    for name in ("DJANGO_SECRET_KEY", "DATABASE_URL", "CACHE_URL", "GUNICORN_WORKERS", "PORT"):
        assert name in found
    assert "SERVE_SKIP_MIGRATE" in found  # from the shell script


def test_every_variable_read_is_listed_in_env_example():
    listed = listed_variables()
    missing = {name: files for name, files in read_variables().items() if name not in listed}
    assert not missing, f"add these to .env.example (with a comment): {missing}"


def test_check_deploy_with_the_production_settings_warns_of_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def preflight(**overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ontwikkelplein.conf.preflight"],
        cwd=ROOT,
        env=production_env(**overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
@pytest.mark.parametrize("how", ["unset", "empty"])
def test_production_refuses_to_start_without_a_required_variable(missing, how):
    result = preflight(**{missing: None if how == "unset" else ""})
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"ontwikkelplein: cannot start: {missing} is not set.")
    assert "Traceback" not in result.stderr


def test_production_refuses_a_weak_secret_key():
    result = preflight(DJANGO_SECRET_KEY="django-insecure-" + "a" * 50)
    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY is too short or too simple" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_a_database_that_does_not_answer():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    result = preflight(
        DATABASE_URL=f"postgres://op:topsecret@127.0.0.1:{port}/nothing", DATABASE_WAIT_SECONDS="0"
    )
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("ontwikkelplein: cannot start: the database does not answer")
    assert "topsecret" not in result.stderr


def test_preflight_passes_with_a_database_that_answers(tmp_path):
    result = preflight(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


# --- The entrypoint, outside a container -------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def serve_database(tmp_path):
    """A database of its own for the server: a fresh one on the suite's PostgreSQL server in the
    PostgreSQL run (scripts/with-postgres.sh sets DATABASE_URL), an SQLite file otherwise."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'serve.sqlite3'}"
        return
    import psycopg

    name = f"ontwikkelplein_serve_{uuid.uuid4().hex[:12]}"
    base = url.rsplit("/", 1)[0]
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_entrypoint_serves_the_site_with_the_production_settings(tmp_path, serve_database):
    port = free_port()
    env = production_env(
        DATABASE_URL=serve_database,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        PORT=str(port),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
        DATABASE_WAIT_SECONDS="5",
        PYTHON=sys.executable,
    )
    # What `make serve` and the image build do before the entrypoint runs (uncompressed here);
    # alongside the server's start, which does not need the files until the first page.
    collect = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "tests.serve_static_settings"},
    )
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen(
        ["bash", "scripts/serve.sh"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    https = {"X-Forwarded-Proto": "https"}  # as the reverse proxy sends it
    worker = None
    try:
        deadline = time.monotonic() + 240  # migrations on a busy CI machine
        status = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, _, body = get(f"{base}/readyz")
                if status == 200:
                    break
                if worker is None:
                    # The server answers, so it has migrated: the queue is not ready until a
                    # worker runs (compose.yaml's worker service, docs/background-work.md).
                    assert json.loads(body)["checks"]["queue"] == "failed"
                    worker = subprocess.Popen(
                        [sys.executable, "manage.py", "qcluster"],
                        cwd=ROOT,
                        env=env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        start_new_session=True,
                    )
            except OSError:
                pass
            time.sleep(0.3)
        log.seek(0)
        assert status == 200, log.read()
        assert json.loads(body) == {
            "status": "ok",
            "checks": {"database": "ok", "cache": "ok", "queue": "ok"},
        }
        assert collect.wait(timeout=120) == 0

        status, headers, body = get(f"{base}/", **https, **{"X-Request-ID": "entrypoint-test-1"})
        assert status == 200
        assert b'lang="nl"' in body
        assert headers["X-Request-ID"] == "entrypoint-test-1"
        assert headers["Strict-Transport-Security"].startswith("max-age=")
        # Hashed static file names from the manifest, served by WhiteNoise.
        css = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
        assert css, body[:2000]
        assert get(f"{base}{css.group(1).decode()}", **https)[0] == 200

        status, headers, body = get(f"{base}/healthz")
        assert (status, body) == (200, b"ok\n")
        assert "no-store" in headers["Cache-Control"]
        # Plain http goes to https, except the health endpoints (asked without the proxy).
        status, headers, _ = get(f"{base}/")
        assert status == 301 and headers["Location"].startswith("https://")
    finally:
        if collect.poll() is None:
            collect.kill()
        for process in (server, worker):
            if process is None:
                continue
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    log.seek(0)
    output = log.read()
    json_lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    access = [line for line in json_lines if line.get("logger") == "ontwikkelplein.access"]
    assert any(
        line["request_id"] == "entrypoint-test-1" and line["path"] == "/" and line["status"] == 200
        for line in access
    ), output
    assert any(line["logger"] == "gunicorn.error" for line in json_lines)
    assert "Traceback" not in output


# --- The container files (no engine runs on the build machine; docs/deployment.md) ------------


def test_the_dockerfile_is_pinned_non_root_and_uses_the_entrypoint_script():
    text = (ROOT / "Dockerfile").read_text()
    bases = re.findall(r"^FROM\s+(\S+)", text, flags=re.M)
    assert bases
    for base in bases:
        # An exact version (x.y.z) or a digest, never a moving tag.
        assert re.search(r":\d+\.\d+\.\d+-|@sha256:[0-9a-f]{64}", base), base
    assert "--require-hashes" in text
    assert re.search(r"^USER\s+(?!root)\S+", text, flags=re.M)
    assert "collectstatic" in text
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, flags=re.M)
    assert 'ENTRYPOINT ["bash", "scripts/serve.sh"]' in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "node_modules", ".git", ".env", "var"} <= set(ignored)


def test_compose_has_the_app_the_worker_postgresql_and_redis_with_health_checks():
    import yaml

    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"app", "worker", "db", "redis"}
    assert services["db"]["image"].startswith("postgres:15.")
    assert services["redis"]["image"].startswith("redis:")
    assert services["worker"]["command"] == ["python", "manage.py", "qcluster"]
    for name in ("app", "db", "redis"):
        assert "/readyz" in str(services[name]["healthcheck"]["test"]) or name != "app"
        assert services[name]["healthcheck"]["test"]
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert {"postgres", "media"} <= set(compose["volumes"])
    environment = services["app"]["environment"]
    assert environment["CACHE_URL"].startswith("redis://")
    assert set(environment) <= listed_variables()


def test_publiccode_yml_follows_the_standard():
    import yaml

    code = yaml.safe_load((ROOT / "publiccode.yml").read_text())
    assert code["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "categories", "developmentStatus", "softwareType"):
        assert code[key], key
    assert code["platforms"] == ["web"]
    assert code["legal"]["license"] == "EUPL-1.2"
    assert code["maintenance"]["type"] == "community"
    assert code["maintenance"]["contacts"][0]["name"]
    for language in ("nl", "en"):
        description = code["description"][language]
        assert len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10_000
        assert description["features"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(code["releaseDate"]))


def test_gunicorns_own_access_line_masks_tokens_and_drops_personal_data():
    import datetime
    import runpy
    import types

    from gunicorn.config import Config

    config = runpy.run_path(str(CONF / "gunicorn.py"))
    logger = config["MaskingLogger"](Config())
    response = types.SimpleNamespace(
        status="404 Not Found", headers=[("X-Request-ID", "req-12345678")], sent=120
    )
    request = types.SimpleNamespace(
        headers=[("COOKIE", "sessionid=abc"), ("USER-AGENT", "Firefox"), ("REFERER", "https://x/")]
    )
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/partner/GeheimToken99/?naam=Jansen",
        "PATH_INFO": "/partner/GeheimToken99/",
        "QUERY_STRING": "naam=Jansen",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.44",
        "HTTP_REFERER": "https://mail.example/?token=GeheimToken99",
        "HTTP_USER_AGENT": "Firefox",
    }
    atoms = logger.atoms(response, request, environ, datetime.timedelta(milliseconds=12))
    line = config["access_log_format"] % logger.atoms_wrapper_class(atoms)
    assert line == "GET /partner/***/ 404 12ms req-12345678"
    flat = json.dumps(atoms, default=str)
    for secret in ("GeheimToken99", "Jansen", "192.0.2.44", "sessionid", "Firefox", "mail.example"):
        assert secret not in flat
    # Off by default: Django's access log already has a line per request, with the request id.
    assert config["accesslog"] is None
    assert config["logger_class"] is config["MaskingLogger"]
