"""core/staticfiles.py: hashed static names also with DEBUG on (docs/performance.md)."""

import json

import pytest

from ontwikkelplein.core.staticfiles import HashedStaticFilesStorage


@pytest.fixture
def collected(tmp_path, settings):
    """A STATIC_ROOT as collectstatic leaves it: one file, its hashed copy and the manifest."""
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "site.css").write_text("body {}")
    (tmp_path / "site.0123456789ab.css").write_text("body {}")
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"site.css": "site.0123456789ab.css"}, "version": "1.1"})
    )
    return tmp_path


@pytest.mark.parametrize("debug", [False, True])
def test_collected_files_have_hashed_names_with_and_without_debug(collected, settings, debug):
    settings.DEBUG = debug
    storage = HashedStaticFilesStorage(location=collected, base_url="/static/")
    assert storage.url("site.css") == "/static/site.0123456789ab.css"


def test_a_file_not_collected_yet_keeps_its_plain_name_under_debug(collected, settings):
    settings.DEBUG = True
    storage = HashedStaticFilesStorage(location=collected, base_url="/static/")
    assert storage.url("new.js") == "/static/new.js"


def test_a_file_not_collected_is_an_error_without_debug(collected, settings):
    settings.DEBUG = False
    storage = HashedStaticFilesStorage(location=collected, base_url="/static/")
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("new.js")
