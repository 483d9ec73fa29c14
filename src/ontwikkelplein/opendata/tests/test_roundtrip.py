"""Round trip: export the demo catalogue as HSDS JSON and as the tabular datapackage, import
each into an empty catalogue, export again: the same content and the same ids."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import ProtectedError, RestrictedError

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.opendata import exports, hsds, services
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.organisations.models import Location, Organisation

pytestmark = pytest.mark.django_db

# What the round trip may change: the time of the last change (the import is a change).
VOLATILE = {"last_modified", "updated"}
# Reference data that an empty installation has from its migrations.
KEEP = {
    ("catalogue", "taxonomy"),
    ("catalogue", "taxonomyterm"),
    ("catalogue", "programme"),
    ("catalogue", "synonymgroup"),
    ("impact", "questionset"),
    ("impact", "question"),
}
WIPE_APPS = {
    "courses",
    "impact",
    "desk",
    "referrals",
    "notifications",
    "learning",
    "apikeys",
    "catalogue",
    "opendata",
    "organisations",
    # Apps whose records hang off organisations or offers (some protect them).
    "activityplans",
    "boekstart",
    "connections",
    "materials",
    "network",
    "needs",
    "overview",
    "readingguide",
    "reports",
}


def normalised(value):
    """Without volatile fields, lists in a fixed order (by id where there is one)."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        items = [normalised(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def wipe_catalogue():
    """An empty installation: no organisations, locations, offers or anything hanging off them;
    only the reference data of the migrations."""
    models = [
        m
        for m in apps.get_models()
        if m._meta.app_label in WIPE_APPS and (m._meta.app_label, m._meta.model_name) not in KEEP
    ]
    for _ in range(len(models)):
        blocked = False
        for model in models:
            try:
                model.objects.all().delete()
            except (ProtectedError, RestrictedError):
                blocked = True
        if not blocked:
            break
    assert not Organisation.objects.exists() and not Offer.objects.exists()


@pytest.fixture
def demo_export():
    call_command("load_demo", stdout=io.StringIO())
    exported = hsds.catalogue_as_hsds()
    assert len(exported) >= 3 and sum(len(o["services"]) for o in exported) >= 10
    return exported


def import_again(path):
    wipe_catalogue()
    run = services.import_path(path, publish=True, max_bytes=50 * 1024 * 1024)
    assert run.status == ImportStatus.DONE, run.errors[:5]
    assert run.created > 0 and run.changed == 0
    return run


def test_json_round_trip_gives_the_same_content_and_ids(tmp_path, demo_export):
    path = tmp_path / "catalogus.json"
    path.write_text(json.dumps(demo_export, ensure_ascii=False), encoding="utf-8")

    import_again(path)

    assert normalised(hsds.catalogue_as_hsds()) == normalised(demo_export)
    # Importing the same file once more changes nothing.
    again = services.import_path(path, publish=True)
    assert again.status == ImportStatus.DONE
    assert again.created == again.changed == 0


def test_datapackage_round_trip_gives_the_same_content_and_ids(tmp_path, demo_export):
    path = tmp_path / "catalogus.zip"
    path.write_bytes(exports.datapackage_zip())

    import_again(path)

    assert normalised(hsds.catalogue_as_hsds()) == normalised(demo_export)
    assert Location.objects.count() >= 1
