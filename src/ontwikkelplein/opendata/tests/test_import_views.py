"""The import pages of the back office over HTTP: who may use them, upload, start, progress,
report, limits, and an imported name with a script tag escaped on the public offer page."""

import datetime
import json
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ontwikkelplein.catalogue.models import Offer, Taxonomy
from ontwikkelplein.catalogue.tests.factories import term
from ontwikkelplein.opendata.models import ExternalTerm, ImportRun, ImportStatus
from ontwikkelplein.opendata.tests.factories import hsds_service, new_id
from ontwikkelplein.opendata.views import imports
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, PoiFactory, staff_user

pytestmark = pytest.mark.django_db

UPLOAD = reverse("opendata:import")


def upload(data, name="aanbod.json") -> SimpleUploadedFile:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, raw, content_type="application/json")


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def library():
    return OrganisationFactory()


@pytest.fixture
def specialist(client, library):
    user = staff_user(library, Role.SPECIALIST)
    client.force_login(user)
    return user


def upload_and_start(client, organisation, data, **extra):
    response = client.post(UPLOAD, {"file": upload(data), "organisation": organisation.pk, **extra})
    assert response.status_code == 302, response.content.decode()[:2000]
    run = ImportRun.objects.latest("created_at")
    assert response["Location"] == reverse("opendata:import-detail", args=[run.pk])
    page = client.get(response["Location"])
    assert "Import starten" in page.content.decode()
    started = client.post(reverse("opendata:import-start", args=[run.pk]))
    assert started.status_code == 302
    run.refresh_from_db()
    return run, client.get(response["Location"]).content.decode()


def test_anonymous_users_go_to_the_login_page(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_poi_advisers_and_front_desk_may_not_import(client, library):
    client.force_login(staff_user(PoiFactory(), Role.POI_ADVISER))
    assert client.get(UPLOAD).status_code == 403
    client.force_login(staff_user(library, Role.FRONT_DESK))
    assert client.get(UPLOAD).status_code == 403


def test_upload_start_and_report(client, library, specialist):
    service = hsds_service()
    run, page = upload_and_start(client, library, service, publish="on")
    assert run.status == ImportStatus.DONE
    offer = Offer.objects.get(pk=service["id"])
    assert offer.organisation == library and offer.is_published
    assert "Klaar" in page and "2 nieuw" in page  # the location and the offer
    assert not run.stored_path  # the upload is gone once it has run
    assert "aanbod (service)" in page and "Hulp bij DigiD" in page  # per record, in Dutch


def test_report_names_the_broken_record(client, library, specialist):
    service = hsds_service(name="Kapot aanbod", status="weg")
    run, page = upload_and_start(client, library, service)
    assert run.status == ImportStatus.REJECTED
    assert "Niets opgeslagen" in page
    assert service["id"] in page and "Kapot aanbod" in page and "niet toegestaan" in page
    assert Offer.objects.count() == 0


def test_a_library_cannot_choose_another_library(client, specialist):
    other = OrganisationFactory()
    response = client.post(UPLOAD, {"file": upload(hsds_service()), "organisation": other.pk})
    assert response.status_code == 400
    assert (
        "geen geldige keuze" in response.content.decode()
        or "Selecteer een geldige keuze" in response.content.decode()
    )
    assert ImportRun.objects.count() == 0


def test_another_organisations_run_is_not_found(client, library, specialist):
    other = OrganisationFactory()
    run = ImportRun.objects.create(
        file_name="x.json", organisation=other, created_by=staff_user(other)
    )
    assert client.get(reverse("opendata:import-detail", args=[run.pk])).status_code == 404
    assert client.post(reverse("opendata:import-start", args=[run.pk])).status_code == 404


def test_a_colleagues_run_is_shown_to_editors_only(client, library, specialist):
    run = ImportRun.objects.create(
        file_name="x.json", organisation=library, created_by=staff_user(library)
    )
    assert client.get(reverse("opendata:import-detail", args=[run.pk])).status_code == 200
    client.force_login(staff_user(library, Role.FRONT_DESK))
    assert client.get(reverse("opendata:import-detail", args=[run.pk])).status_code == 403


def test_a_file_over_the_limit_is_refused_without_reading_it(
    client, library, specialist, monkeypatch
):
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 1024)
    monkeypatch.setattr(imports, "MAX_REQUEST_BYTES", 10 * 1024 * 1024)
    response = client.post(
        UPLOAD, {"file": upload(b"[" + b" " * 5000 + b"]"), "organisation": library.pk}
    )
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_100_mb_upload_gets_a_clear_answer(client, library, specialist):
    big = SimpleUploadedFile(
        "groot.json", b"0" * (100 * 1024 * 1024), content_type="application/json"
    )
    response = client.post(UPLOAD, {"file": big, "organisation": library.pk})
    assert response.status_code == 400
    assert "te groot" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_file_that_is_no_json_is_reported_on_the_report_page(client, library, specialist):
    response = client.post(
        UPLOAD, {"file": upload(b"GIF89a...", name="plaatje.gif"), "organisation": library.pk}
    )
    run = ImportRun.objects.get()
    client.post(reverse("opendata:import-start", args=[run.pk]))
    page = client.get(response["Location"]).content.decode()
    assert "geen JSON-bestand en geen zip-bestand" in page


def test_progress_part_for_htmx_and_refresh_when_done(client, library, specialist):
    run = ImportRun.objects.create(
        file_name="x.json",
        organisation=library,
        created_by=specialist,
        status=ImportStatus.CHECKING,
        total=200,
        processed=50,
    )
    url = reverse("opendata:import-detail", args=[run.pk]) + "?deel=voortgang"
    part = client.get(url, HTTP_HX_REQUEST="true")
    assert 'value="25"' in part.content.decode() and "50 van 200" in part.content.decode()
    assert "HX-Refresh" not in part
    page = client.get(reverse("opendata:import-detail", args=[run.pk])).content.decode()
    assert "Ververs de pagina" in page  # without JavaScript a link shows the progress
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.DONE)
    assert client.get(url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


def test_script_in_an_imported_name_is_escaped_on_the_public_page(client, library, specialist):
    service = hsds_service(name="<script>alert('x')</script>Taalcafé")
    run, page = upload_and_start(client, library, service, publish="on")
    assert run.status == ImportStatus.DONE
    assert "<script>alert('x')</script>" not in page
    public = client.get(reverse("catalogue:offer-detail", args=[service["id"]]))
    assert public.status_code == 200
    html = public.content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Taalcafé" in html
    assert "<script>alert('x')</script>" not in html


def test_kb_admin_maps_a_term_on_the_terms_page(client):
    kb = OrganisationFactory(kind=OrganisationKind.KB, name="KB")
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    external = ExternalTerm.objects.create(
        id=uuid.UUID(new_id()), name="Digital inclusion", taxonomy="Open Eligibility"
    )
    page = client.get(reverse("opendata:import-terms"))
    assert page.status_code == 200 and "Digital inclusion" in page.content.decode()
    ours = term(Taxonomy.THEME, "digitale-vaardigheden")
    response = client.post(
        reverse("opendata:import-term-map", args=[external.pk]), {"onze_term": ours.pk}
    )
    assert response.status_code == 302
    external.refresh_from_db()
    assert external.mapped_to == ours


def test_only_kb_admins_see_the_terms_page(client, specialist):
    assert client.get(reverse("opendata:import-terms")).status_code == 403


def test_the_upload_is_protected_against_csrf(library):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user(library, Role.SPECIALIST))
    response = client.post(UPLOAD, {"file": upload(hsds_service()), "organisation": library.pk})
    assert response.status_code == 403
    assert ImportRun.objects.count() == 0


def test_uploads_never_started_are_removed_after_a_day(client, library, specialist, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC))
    client.post(UPLOAD, {"file": upload(hsds_service()), "organisation": library.pk})
    old = ImportRun.objects.get()
    stored = old.stored_path
    assert stored.startswith("imports/") and default_storage.exists(stored)
    time_machine.shift(datetime.timedelta(days=2))
    client.force_login(specialist)  # the session ended after its idle time
    response = client.post(UPLOAD, {"file": upload(hsds_service()), "organisation": library.pk})
    assert response.status_code == 302 and ImportRun.objects.count() == 2
    assert not default_storage.exists(stored)
    old.refresh_from_db()
    assert old.stored_path == ""


def test_kb_admin_imports_by_the_file_as_drafts(client):
    from ontwikkelplein.opendata.tests.factories import hsds_organization
    from ontwikkelplein.organisations.models import Organisation

    kb = OrganisationFactory(kind=OrganisationKind.KB, name="KB")
    client.force_login(staff_user(kb, Role.KB_ADMIN))
    organization = hsds_organization(services=[hsds_service()])
    response = client.post(
        UPLOAD, {"file": upload([organization]), "organisation": "", "publish": "on"}
    )
    assert response.status_code == 302
    client.post(reverse("opendata:import-start", args=[ImportRun.objects.get().pk]))
    partner = Organisation.objects.get(pk=organization["id"])
    assert partner.kind == OrganisationKind.PARTNER
    assert Offer.objects.get().status == "draft"  # the KB does not publish for others


def test_the_import_runs_in_the_worker_and_the_page_follows_it(
    client, library, specialist, monkeypatch, django_capture_on_commit_callbacks
):
    """Jobs queued as in production: the button only queues the import; the page shows it
    waiting and keeps polling; a worker runs it; the page then shows the report."""
    from django_q.conf import Conf
    from django_q.models import OrmQ

    from ontwikkelplein.core.tests.test_jobs import work_off_queue

    monkeypatch.setattr(Conf, "SYNC", False)
    service = hsds_service()
    client.post(UPLOAD, {"file": upload(service), "organisation": library.pk})
    run = ImportRun.objects.get()
    detail = reverse("opendata:import-detail", args=[run.pk])
    with django_capture_on_commit_callbacks(execute=True):  # the job is queued on commit
        started = client.post(reverse("opendata:import-start", args=[run.pk]))
    assert started.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportStatus.QUEUED and OrmQ.objects.count() == 1
    assert not Offer.objects.exists()  # nothing imported inside the request
    # A second click queues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("opendata:import-start", args=[run.pk]))
    assert OrmQ.objects.count() == 1
    part = client.get(detail, {"deel": "voortgang"}, HTTP_HX_REQUEST="true")
    assert "In de wachtrij" in part.content.decode()
    assert 'hx-trigger="every 1s"' in part.content.decode() and "HX-Refresh" not in part
    assert "Import starten" not in client.get(detail).content.decode()

    assert work_off_queue() == 1
    part = client.get(detail, {"deel": "voortgang"}, HTTP_HX_REQUEST="true")
    assert part["HX-Refresh"] == "true"
    page = client.get(detail).content.decode()
    assert "Klaar" in page and "2 nieuw" in page
    assert Offer.objects.filter(pk=service["id"]).exists()


def test_an_import_whose_worker_died_is_reported_as_interrupted(
    client, library, specialist, time_machine
):
    from ontwikkelplein.opendata.jobs import fail_interrupted_imports

    time_machine.move_to(datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC))
    running = ImportRun.objects.create(
        created_by=specialist,
        organisation=library,
        file_name="groot.json",
        status=ImportStatus.CHECKING,
        started_at=datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC),
    )
    assert fail_interrupted_imports() == 0  # still within the job timeout
    time_machine.shift(datetime.timedelta(hours=1))
    client.post(UPLOAD, {"file": upload(hsds_service()), "organisation": library.pk})
    running.refresh_from_db()
    assert running.status == ImportStatus.FAILED
    page = client.get(reverse("opendata:import-detail", args=[running.pk])).content.decode()
    assert "onderbroken" in page and "Niets opgeslagen" in page


def test_the_report_shows_the_id_as_the_file_wrote_it(client, library, specialist):
    """An id that is not a uuid ("svc-1") is mapped to one of ours; the report page names the
    file's id beside the record, so staff can trace it (docs/hsds-import.md)."""
    service = hsds_service(id="svc-1")
    run, page = upload_and_start(client, library, [service])
    assert run.status == ImportStatus.DONE, run.errors
    assert "id in het bestand:" in page and "<code>svc-1</code>" in page
    assert Offer.objects.get().title == service["name"]
