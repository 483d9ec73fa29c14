"""The HSDS importer at the service level: mapping, upsert by id, all-or-nothing, publishing
rules, tenancy and unknown taxonomy terms."""

import json

import pytest

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import Offer, OfferStatus, Schedule, Taxonomy
from ontwikkelplein.catalogue.tests.factories import OfferFactory, term
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import ExternalTerm, ImportStatus
from ontwikkelplein.opendata.tests.factories import (
    hsds_location,
    hsds_organization,
    hsds_service,
    new_id,
)
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


def write(tmp_path, data, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_import(tmp_path, data, **kwargs):
    return services.import_path(write(tmp_path, data), **kwargs)


def test_full_organisation_creates_everything_with_the_file_ids(
    tmp_path, django_capture_on_commit_callbacks
):
    service = hsds_service()
    organization = hsds_organization(services=[service])
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(tmp_path, [organization], publish=True)

    assert run.status == ImportStatus.DONE, run.errors
    organisation = Organisation.objects.get(pk=organization["id"])
    assert organisation.kind == OrganisationKind.PARTNER  # new organisations are partners
    offer = Offer.objects.get(pk=service["id"])
    assert offer.organisation == organisation
    assert offer.title == "Hulp bij DigiD"
    assert offer.summary == "We helpen je met DigiD."
    assert offer.description == "Neem je telefoon mee. Het is gratis."
    assert offer.sign_up == "walk_in" and offer.is_free and offer.languages == ["nl"]
    assert offer.status == OfferStatus.PUBLISHED and offer.published_at
    assert offer.offer_type.code == "spreekuur"
    assert [t.code for t in offer.themes.all()] == ["digitale-overheid"]
    location = Location.objects.get(pk=service["service_at_locations"][0]["location"]["id"])
    assert (location.street, location.house_number, location.postcode) == (
        "Smallepad",
        "11",
        "3811 MG",
    )
    assert location.municipality.name == "Amersfoort"
    assert location.opening_hours.get().weekday == 0
    offer_location = offer.offer_locations.get()
    assert str(offer_location.pk) == service["service_at_locations"][0]["id"]
    schedule = Schedule.objects.get(offer_location=offer_location)
    assert schedule.weekday == 1 and schedule.opens_at.hour == 10
    assert run.created == 3 and run.changed == 0
    # The search index was updated after the commit: the offer is findable.
    from ontwikkelplein.catalogue.search import SearchParams, search

    assert [hit.offer.pk for hit in search(SearchParams(text="digid")).hits] == [offer.pk]


def test_reimport_of_the_same_file_changes_nothing(tmp_path):
    organization = hsds_organization(services=[hsds_service()])
    path = write(tmp_path, [organization])
    first = services.import_path(path, publish=True)
    assert first.status == ImportStatus.DONE
    offer = Offer.objects.get()
    location = Location.objects.get()
    before = (offer.updated_at, location.updated_at, Organisation.objects.get().updated_at)

    again = services.import_path(path, publish=True)

    assert again.status == ImportStatus.DONE
    assert (again.created, again.changed) == (0, 0)
    assert again.unchanged == first.created
    offer.refresh_from_db()
    location.refresh_from_db()
    assert (offer.updated_at, location.updated_at, Organisation.objects.get().updated_at) == before
    assert {r["outcome"] for r in again.records} == {"unchanged"}


def test_reimport_changes_only_what_changed(tmp_path):
    service = hsds_service()
    organization = hsds_organization(services=[service])
    services.import_path(write(tmp_path, [organization]))
    location_before = Location.objects.get().updated_at

    service["name"] = "DigiD-spreekuur"
    run = services.import_path(write(tmp_path, [organization]))

    assert run.changed == 1 and run.created == 0
    assert [r["name"] for r in run.records if r["outcome"] == "changed"] == ["DigiD-spreekuur"]
    assert Offer.objects.get().title == "DigiD-spreekuur"
    assert Location.objects.get().updated_at == location_before


def test_one_broken_record_stores_nothing_and_is_named(tmp_path):
    good = hsds_service()
    broken = hsds_service(name="Kapotte dienst", status="misschien")
    organization = hsds_organization(services=[good, broken])
    run = run_import(tmp_path, [organization])

    assert run.status == ImportStatus.REJECTED
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0
    assert Location.objects.count() == 0
    [error] = run.errors
    assert error["record_id"] == broken["id"]
    assert error["record_name"] == "Kapotte dienst"
    assert error["field"].endswith("status")
    assert "niet toegestaan" in error["message"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"id": {"nested": "object"}}, "id", "geen geldige id"),
        ({"name": None}, "name", "verplicht"),
        ({"email": "geen-adres"}, "email", "geen geldig e-mailadres"),
        ({"name": "x" * 151}, "name", "te lang"),
        ({"minimum_age": "twaalf"}, "minimum_age", "getal"),
    ],
)
def test_validation_messages_are_dutch_and_name_the_field(tmp_path, change, field, words):
    service = hsds_service()
    service.update(change)
    run = run_import(tmp_path, [hsds_organization(services=[service])])
    assert run.status == ImportStatus.REJECTED
    assert any(e["field"].endswith(field) and words in e["message"] for e in run.errors), run.errors
    assert Offer.objects.count() == 0


def test_a_problem_found_while_writing_still_stores_nothing(tmp_path):
    """Closing time before opening time is only seen when the schedule is mapped."""
    service = hsds_service()
    service["service_at_locations"][0]["schedules"][0]["closes_at"] = "09:00"
    run = run_import(tmp_path, [hsds_organization(services=[service])])
    assert run.status == ImportStatus.REJECTED
    assert run.errors[0]["record_type"] == "schedule"
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0


def test_dry_run_reports_but_stores_nothing(tmp_path):
    run = run_import(tmp_path, [hsds_organization(services=[hsds_service()])], dry_run=True)
    assert run.status == ImportStatus.DONE and run.created == 3
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0


def test_script_in_a_name_is_stored_as_text(tmp_path):
    service = hsds_service(name="<script>alert(1)</script> Taalcafé")
    run = run_import(tmp_path, [hsds_organization(services=[service])])
    assert run.status == ImportStatus.DONE
    assert Offer.objects.get().title == "<script>alert(1)</script> Taalcafé"


def test_organisation_is_matched_by_name_and_keeps_its_id(tmp_path):
    existing = OrganisationFactory(name="Bibliotheek Eemland")
    organization = hsds_organization(services=[hsds_service()], name="bibliotheek eemland")
    run = run_import(tmp_path, [organization])
    assert run.status == ImportStatus.DONE, run.errors
    assert Organisation.objects.count() == 1
    assert Offer.objects.get().organisation == existing


def test_location_is_matched_by_name_within_the_organisation(tmp_path):
    library = OrganisationFactory()
    location = LocationFactory(organisation=library, name="Bibliotheek Amersfoort Centrum")
    service = hsds_service(organization_id=str(library.pk))
    run = services.import_path(write(tmp_path, service), organisation=library)
    assert run.status == ImportStatus.DONE, run.errors
    assert Location.objects.count() == 1
    assert Offer.objects.get().offer_locations.get().location == location


def test_with_a_target_everything_goes_to_that_organisation(tmp_path):
    library = OrganisationFactory()
    organization = hsds_organization(services=[hsds_service()])
    run = run_import(tmp_path, [organization], organisation=library)
    assert run.status == ImportStatus.DONE, run.errors
    assert not Organisation.objects.filter(pk=organization["id"]).exists()
    assert Offer.objects.get().organisation == library
    assert Location.objects.get().organisation == library
    assert any("geïmporteerd voor" in w["message"] for w in run.warnings)


def test_library_staff_cannot_import_into_another_library(tmp_path):
    own = OrganisationFactory()
    other = OrganisationFactory()
    user = staff_user(own, Role.SPECIALIST)
    with pytest.raises(services.PermissionDenied):
        services._require_import(user, other)

    # An offer id that belongs to the other library is not taken over through one's own import.
    theirs = OfferFactory(organisation=other, location=LocationFactory(organisation=other))
    service = hsds_service(id=str(theirs.pk), name="Overgenomen")
    run = services.import_path(write(tmp_path, service), user=user, organisation=own)
    assert run.status == ImportStatus.REJECTED
    assert run.errors[0]["message"] == (
        "Conflict: deze id hoort bij aanbod van een andere organisatie. Er is niets veranderd. "
        "Geef het aanbod een eigen id."
    )
    theirs.refresh_from_db()
    assert theirs.title != "Overgenomen" and theirs.organisation == other


def test_an_id_of_another_organisations_record_is_a_conflict_that_does_not_name_the_owner(
    tmp_path,
):
    own = OrganisationFactory(name="Bibliotheek Eigen")
    other = OrganisationFactory(name="Bibliotheek Geheim")
    user = staff_user(own, Role.SPECIALIST)
    their_location = LocationFactory(organisation=other, name="Vestiging Geheim")
    theirs = OfferFactory(organisation=other, location=their_location, title="Concept van hen")
    attempts = [
        hsds_service(id=str(theirs.pk), name="Overgenomen"),
        hsds_service(location=hsds_location(id=str(their_location.pk), name="Overgenomen")),
    ]
    for service in attempts:
        run = services.import_path(write(tmp_path, service), user=user, organisation=own)
        assert run.status == ImportStatus.REJECTED
        text = json.dumps(run.errors + run.warnings + run.records)
        assert "Conflict" in text
        for secret in ("Geheim", "Concept van hen"):
            assert secret not in text
    theirs.refresh_from_db()
    their_location.refresh_from_db()
    assert theirs.title == "Concept van hen" and their_location.name == "Vestiging Geheim"


def test_without_a_target_only_a_kb_admin_may_import(tmp_path):
    library = OrganisationFactory()
    specialist = staff_user(library, Role.SPECIALIST)
    with pytest.raises(services.PermissionDenied):
        services._require_import(specialist, None)
    poi = PoiFactory()
    adviser = staff_user(poi, Role.POI_ADVISER)
    assert not services.may_import(adviser)
    with pytest.raises(services.PermissionDenied):
        services._require_import(adviser, library)


def test_publishing_needs_permission_to_publish(tmp_path):
    library = OrganisationFactory()
    kb = OrganisationFactory(kind=OrganisationKind.KB, name="KB")
    kb_admin = staff_user(kb, Role.KB_ADMIN)
    specialist = staff_user(library, Role.SPECIALIST)

    run = services.import_path(
        write(tmp_path, hsds_service()), user=kb_admin, organisation=library, publish=True
    )
    assert run.status == ImportStatus.DONE, run.errors
    assert Offer.objects.get().status == OfferStatus.DRAFT  # the KB does not publish for a library
    assert any("niet publiceren" in w["message"] for w in run.warnings)

    Offer.objects.all().delete()
    run = services.import_path(
        write(tmp_path, hsds_service()), user=specialist, organisation=library, publish=True
    )
    assert Offer.objects.get().status == OfferStatus.PUBLISHED

    Offer.objects.all().delete()
    services.import_path(write(tmp_path, hsds_service()), user=specialist, organisation=library)
    assert Offer.objects.get().status == OfferStatus.DRAFT  # publishing was not asked


def test_an_offer_without_our_terms_is_classified_from_its_words_and_published(
    tmp_path, django_capture_on_commit_callbacks
):
    service = hsds_service(attributes=[])  # "Hulp bij DigiD", no theme, target group or type
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(tmp_path, [hsds_organization(services=[service])], publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    assert offer.status == OfferStatus.PUBLISHED and offer.auto_classified
    assert "digitale-overheid" in {t.code for t in offer.themes.all()}
    assert offer.target_groups.exists()
    found = search.search(search.SearchParams(text="digid"))
    assert [hit.offer.pk for hit in found.hits] == [offer.pk]


def test_an_offer_whose_words_point_nowhere_is_imported_as_draft(tmp_path):
    service = hsds_service(
        attributes=[], name="Xqzt", description="Blorp vlip.", fees_description=""
    )
    run = run_import(tmp_path, [hsds_organization(services=[service])], publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    assert offer.status == OfferStatus.DRAFT
    assert offer.offer_type.code == "activiteit"  # the default type
    assert any("nog geen thema" in w["message"] for w in run.warnings)


def test_a_reimport_without_our_terms_keeps_the_themes_staff_gave(tmp_path):
    organization = hsds_organization(services=[hsds_service()])
    run_import(tmp_path, [organization], publish=True)
    offer = Offer.objects.get()
    chosen = {t.pk for t in offer.themes.all()}
    assert chosen
    organization["services"][0]["attributes"] = []
    run = run_import(tmp_path, [organization], publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer.refresh_from_db()
    assert {t.pk for t in offer.themes.all()} == chosen and not offer.auto_classified


def test_unknown_terms_are_kept_and_can_be_mapped(tmp_path):
    service = hsds_service()
    foreign_id = new_id()
    service["attributes"].append(
        {
            "id": new_id(),
            "taxonomy_term": {
                "id": foreign_id,
                "code": "digital-inclusion",
                "name": "Digital inclusion",
                "description": "",
                "taxonomy": "Open Eligibility",
            },
        }
    )
    run = run_import(tmp_path, [hsds_organization(services=[service])])
    assert run.status == ImportStatus.DONE, run.errors
    external = ExternalTerm.objects.get(pk=foreign_id)
    offer = Offer.objects.get()
    assert list(external.offers.all()) == [offer]
    assert external.taxonomy == "Open Eligibility"

    skills = term(Taxonomy.THEME, "digitale-vaardigheden")
    kb = OrganisationFactory(kind=OrganisationKind.KB, name="KB")
    changed = services.map_external_term(staff_user(kb, Role.KB_ADMIN), external, skills)
    assert changed == 1
    assert skills in offer.themes.all()

    # A later import of the same term gives the offer our term straight away.
    Offer.objects.all().delete()
    run_import(tmp_path, [hsds_organization(services=[service])])
    assert skills in Offer.objects.get().themes.all()


def test_only_kb_admins_map_terms():
    external = ExternalTerm.objects.create(id=new_id(), name="Iets")
    with pytest.raises(services.PermissionDenied):
        services.map_external_term(
            staff_user(OrganisationFactory(), Role.TEAM_LEADER), external, None
        )


def test_location_in_an_unknown_place_is_skipped_with_a_warning(tmp_path):
    location = hsds_location()
    location["addresses"][0].update(
        city="Springfield", region="", postal_code="ABC 123", country="US"
    )
    service = hsds_service(location=location)
    run = run_import(tmp_path, [hsds_organization(services=[service])], publish=True)
    assert run.status == ImportStatus.DONE
    assert Location.objects.count() == 0
    assert Offer.objects.get().status == OfferStatus.DRAFT  # no place, so not published
    assert any(w["record_id"] == location["id"] for w in run.warnings)


def test_short_records_change_only_what_they_mention(tmp_path):
    service = hsds_service(email="digid@bibliotheek.example")
    run_import(tmp_path, [hsds_organization(services=[service])])
    short = {"id": service["id"], "name": "Nieuwe naam", "status": "active"}
    run = run_import(tmp_path, [short])
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    assert offer.title == "Nieuwe naam"
    assert offer.contact_email == "digid@bibliotheek.example"
    assert offer.offer_locations.count() == 1


def test_a_fault_of_ours_marks_the_run_failed_and_stores_nothing(tmp_path, monkeypatch):
    from ontwikkelplein.opendata import importer
    from ontwikkelplein.opendata.models import ImportRun

    def broken_flush(self):
        raise RuntimeError("bug")

    monkeypatch.setattr(importer.Writer, "flush", broken_flush)
    with pytest.raises(RuntimeError):
        run_import(tmp_path, [hsds_organization(services=[hsds_service()])])
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.FAILED
    assert "niets opgeslagen" in run.errors[0]["message"]
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0
