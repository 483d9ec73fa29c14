"""Likely duplicates between sources: an imported offer that we already have under another id
(same organisation, same place, same or very similar title) is reported; staff merge it into
ours or keep both."""

import json

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.models import Offer, OfferLocation, OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import DuplicateStatus, ImportStatus, LikelyDuplicate
from ontwikkelplein.opendata.tests.factories import hsds_location, hsds_service
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


def run_import(tmp_path, data, **kwargs):
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return services.import_path(path, **kwargs)


@pytest.fixture
def ours():
    """Our published offer "Hulp bij DigiD" at Smallepad 11, Amersfoort."""
    library = OrganisationFactory(kind="library")
    location = LocationFactory(
        organisation=library,
        name="Centrale bibliotheek",
        street="Smallepad",
        house_number="11",
        postcode="3811 MG",
    )
    offer = OfferFactory(
        organisation=library, title="Hulp bij DigiD!", status=OfferStatus.PUBLISHED
    )
    OfferLocation.objects.create(offer=offer, location=location)
    return offer


def other_system_service(**fields):
    """The same offer as another system sends it: its own ids, its own name for the place."""
    location = hsds_location(name="Bibliotheek Amersfoort (Smallepad)")
    return hsds_service(location=location, **fields)


def test_same_title_same_address_other_id_is_reported(tmp_path, ours):
    service = other_system_service(name="Hulp bij DigiD")
    run = run_import(tmp_path, [service], organisation=ours.organisation)
    assert run.status == ImportStatus.DONE, run.errors
    duplicate = LikelyDuplicate.objects.get()
    assert duplicate.ours == ours and str(duplicate.imported_id) == service["id"]
    assert duplicate.score >= 85 and duplicate.run == run
    assert any("Waarschijnlijk dubbel" in w["message"] for w in run.warnings)


@pytest.mark.parametrize(
    ("title", "reported"),
    [
        ("hulp bij  digid", True),
        ("DigiD hulp bij", True),
        ("Taalcafé", False),
        ("Hulp bij belastingaangifte", False),
    ],
)
def test_only_very_similar_titles_count(tmp_path, ours, title, reported):
    run_import(tmp_path, [other_system_service(name=title)], organisation=ours.organisation)
    assert LikelyDuplicate.objects.exists() is reported


def test_another_place_or_organisation_is_no_duplicate(tmp_path, ours):
    elsewhere = hsds_location(name="Buurthuis")
    elsewhere["addresses"][0].update(address_1="Lindelaan 4", postal_code="3812 AB")
    run_import(tmp_path, [hsds_service(location=elsewhere)], organisation=ours.organisation)
    run_import(tmp_path, [other_system_service()], organisation=OrganisationFactory())
    assert not LikelyDuplicate.objects.exists()


def test_merge_keeps_ours_updated_from_the_import_and_later_imports_update_ours(tmp_path, ours):
    service = other_system_service(name="Hulp bij DigiD")
    service["description"] = "Nieuwe tekst uit het andere systeem.\\n\\nMeer uitleg."
    run_import(tmp_path, [service], organisation=ours.organisation)
    duplicate = LikelyDuplicate.objects.get()
    user = staff_user(ours.organisation, Role.SPECIALIST)

    services.merge_duplicate(user, duplicate)

    assert not Offer.objects.filter(pk=service["id"]).exists()
    ours.refresh_from_db()
    assert ours.title == "Hulp bij DigiD" and ours.status == OfferStatus.PUBLISHED
    assert ours.offer_locations.count() == 2  # its own place and the imported one
    assert ours.themes.exists()
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.MERGED and duplicate.decided_by == user

    # The same file again: it updates ours, makes no new offer and reports nothing new.
    service["name"] = "Hulp bij DigiD en MijnOverheid"
    again = run_import(tmp_path, [service], organisation=ours.organisation)
    assert again.status == ImportStatus.DONE, again.errors
    assert Offer.objects.count() == 1
    ours.refresh_from_db()
    assert ours.title == "Hulp bij DigiD en MijnOverheid"
    assert LikelyDuplicate.objects.count() == 1


def test_keep_both_is_not_reported_again(tmp_path, ours):
    service = other_system_service(name="Hulp bij DigiD")
    run_import(tmp_path, [service], organisation=ours.organisation)
    services.keep_both(
        staff_user(ours.organisation, Role.SPECIALIST), LikelyDuplicate.objects.get()
    )
    Offer.objects.filter(pk=service["id"]).delete()
    again = run_import(tmp_path, [service], organisation=ours.organisation)
    assert not any("Waarschijnlijk dubbel" in w["message"] for w in again.warnings)
    assert Offer.objects.count() == 2


def test_staff_decide_on_the_report_page(client, tmp_path, ours):
    user = staff_user(ours.organisation, Role.SPECIALIST)
    run = run_import(tmp_path, [other_system_service()], organisation=ours.organisation, user=user)
    client.force_login(user)
    page = client.get(reverse("opendata:import-detail", args=[run.pk])).content.decode()
    assert "Waarschijnlijk dubbel aanbod" in page and "Samenvoegen" in page
    duplicate = LikelyDuplicate.objects.get()
    url = reverse("opendata:import-duplicate", args=[run.pk, duplicate.pk])
    response = client.post(url, {"actie": "allebei"})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.KEPT
    # Deciding twice, or an unknown action, is a message, never a 500.
    assert client.post(url, {"actie": "samenvoegen"}).status_code == 302
    assert client.post(url, {"actie": "iets"}).status_code == 302
    page = client.get(reverse("opendata:import-detail", args=[run.pk])).content.decode()
    assert "Nog te beslissen" not in page


def test_someone_who_only_reads_cannot_decide(client, tmp_path, ours):
    run = run_import(tmp_path, [other_system_service()], organisation=ours.organisation)
    duplicate = LikelyDuplicate.objects.get()
    client.force_login(staff_user(ours.organisation, Role.FRONT_DESK))
    url = reverse("opendata:import-duplicate", args=[run.pk, duplicate.pk])
    assert client.post(url, {"actie": "samenvoegen"}).status_code in (403, 404)
    duplicate.refresh_from_db()
    assert duplicate.status == DuplicateStatus.OPEN
