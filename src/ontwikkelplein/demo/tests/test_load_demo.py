"""load_demo builds the demo the issue describes, on SQLite and PostgreSQL, and twice is once."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferLocation, OfferStatus, Schedule
from ontwikkelplein.catalogue.reference_data import THEMES
from ontwikkelplein.catalogue.search import SearchParams, search
from ontwikkelplein.courses.models import Session
from ontwikkelplein.demo import data
from ontwikkelplein.desk.models import Contact, DailyCount
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    OUTREACH_KINDS,
    Branding,
    ClosurePeriod,
    Location,
    Membership,
    OpeningHours,
    Organisation,
    OrganisationKind,
    Role,
    SpecialOpeningHours,
)
from ontwikkelplein.places.geo import resolve_place
from ontwikkelplein.verification.models import ChangeSuggestion, VerificationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # The demo hashes seven passwords per load; the real hasher would dominate the test time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


LIBRARY_NAMES = {
    "Bibliotheek Eemland": "Amersfoort",
    "Bibliotheek Oosterschelde": "Goes",
    "Nieuwe Veste": "Breda",
    "Bibliotheek Coevorden": "Coevorden",
    "Bibliotheek Oost-Achterhoek": "Winterswijk",
    "Bibliotheek AanZet": "Dordrecht",
}


def load():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row the demo writes, with its timestamps, so any change shows."""
    User = get_user_model()
    return {
        "organisations": sorted(Organisation.objects.values_list("id", "name", "updated_at")),
        "brandings": sorted(Branding.objects.values_list("id", "updated_at")),
        "locations": sorted(Location.objects.values_list("id", "updated_at")),
        "hours": OpeningHours.objects.count(),
        "offers": sorted(
            Offer.objects.values_list("id", "updated_at", "published_at", "last_verified_on")
        ),
        "offer_locations": sorted(OfferLocation.objects.values_list("id", flat=True)),
        "schedules": sorted(Schedule.objects.values_list("id", "date", "weekday")),
        "users": sorted(User.objects.values_list("username", "password")),
        "memberships": Membership.objects.count(),
        "themes": Offer.themes.through.objects.count(),
        "partners": Offer.partners.through.objects.count(),
        "contacts": sorted(Contact.objects.values_list("id", "client_reference")),
        "daily_counts": sorted(DailyCount.objects.values_list("id", "questions", "contacts")),
        "closures": sorted(ClosurePeriod.objects.values_list("id", "start_date", "end_date")),
        "special_hours": sorted(SpecialOpeningHours.objects.values_list("id", "date")),
        "sessions": sorted(Session.objects.values_list("id", "date")),
        "verification": sorted(
            VerificationRequest.objects.values_list("token_hash", "answer", "created_at")
        ),
        "suggestions": sorted(ChangeSuggestion.objects.values_list("id", "status")),
        "outbox": OutboxMessage.objects.count(),
    }


def test_load_demo_meets_the_counts_of_the_issue():
    output = load()
    assert "Demo data loaded" in output

    pois = Organisation.objects.filter(kind=OrganisationKind.POI)
    assert pois.count() >= 3
    assert set(pois.get(name="Cubiss").provinces.values_list("name", flat=True)) == {
        "Noord-Brabant",
        "Limburg",
    }
    assert Organisation.objects.filter(kind=OrganisationKind.KB).count() == 1

    libraries = Organisation.objects.filter(kind=OrganisationKind.LIBRARY)
    assert libraries.count() >= 6
    for name, town in LIBRARY_NAMES.items():
        library = libraries.get(name=name)
        assert library.locations.filter(city=town).exists(), name
        assert library.municipalities.exists(), name
    oost = libraries.get(name="Bibliotheek Oost-Achterhoek")
    assert set(oost.municipalities.values_list("code", flat=True)) == {
        "GM1859",
        "GM1586",
        "GM0294",
    }

    assert Location.objects.count() >= 15
    kinds = set(Location.objects.values_list("kind", flat=True))
    assert set(OUTREACH_KINDS) <= kinds
    assert OpeningHours.objects.filter(location__kind="branch").exists()

    partners = Organisation.objects.filter(kind=OrganisationKind.PARTNER)
    assert partners.count() >= 10
    assert len(set(partners.values_list("sector", flat=True))) >= 5

    published = Offer.objects.filter(status=OfferStatus.PUBLISHED)
    assert published.count() >= 80
    covered = set(published.values_list("themes__code", flat=True))
    assert {code for code, *_ in THEMES} <= covered
    assert Offer.objects.filter(status=OfferStatus.DRAFT).exists()
    assert Offer.objects.filter(status=OfferStatus.ARCHIVED).exists()
    # Every library has an IDO-spreekuur and offers at outreach places exist.
    for library in libraries:
        assert published.filter(organisation=library, programme__code="ido").exists()
    assert published.filter(offer_locations__location__kind__in=OUTREACH_KINDS).exists()
    assert published.filter(organisation__kind=OrganisationKind.PARTNER).count() >= 5
    assert published.filter(is_free=False, cost_amount__gt=0).exists()
    assert published.filter(membership_required=True).exists()
    # Texts are not copies of one template.
    assert published.values("summary").distinct().count() >= 70


def test_dates_are_relative_to_today():
    load()
    today = timezone.localdate()
    dated = Schedule.objects.filter(kind="dated")
    assert dated.exists()
    assert not dated.filter(date__lt=today).exists()
    digisterker = Offer.objects.filter(title__startswith="Digisterker").first()
    assert digisterker.capacity == 8 and digisterker.sign_up == "intake"
    sessions = Schedule.objects.filter(offer_location__offer=digisterker, kind="dated")
    assert sessions.count() == 4
    assert Schedule.objects.filter(kind="weekly").count() > 50

    stale = today - datetime.timedelta(days=182)
    published = Offer.objects.filter(status=OfferStatus.PUBLISHED)
    assert published.filter(last_verified_on__lt=stale).count() >= 5
    assert published.filter(last_verified_on__gte=stale).count() >= 50
    # Tax help comes back every March and April: found all year, labelled out of season.
    seasonal = published.filter(season_start_month=3, season_end_month=4)
    assert seasonal.filter(themes__code="geldzaken").exists()


def test_load_demo_twice_changes_nothing():
    load()
    first = snapshot()
    load()
    assert snapshot() == first
    assert Organisation.objects.filter(name="Bibliotheek Eemland").count() == 1


def test_load_demo_restores_a_changed_demo_offer_and_its_times():
    load()
    offer = Offer.objects.get(title__startswith="Digisterker", organisation__name="Nieuwe Veste")
    Offer.objects.filter(pk=offer.pk).update(title="Iets anders", status=OfferStatus.DRAFT)
    Schedule.objects.filter(offer_location__offer=offer).delete()
    load()
    offer.refresh_from_db()
    assert offer.title.startswith("Digisterker") and offer.status == OfferStatus.PUBLISHED
    assert Schedule.objects.filter(offer_location__offer=offer).count() == 4


def test_one_demo_login_per_role_with_tenancy():
    load()
    User = get_user_model()
    roles = set(
        Membership.objects.filter(
            user__username__in=[u["username"] for u in data.USERS]
        ).values_list("role", flat=True)
    )
    assert roles == set(Role.values)
    for spec in data.USERS:
        user = User.objects.get(username=spec["username"])
        assert user.check_password(data.DEMO_PASSWORD)

    specialist = User.objects.get(username="specialist")
    other = User.objects.get(username="specialist-breda")
    eemland = Organisation.objects.get(name="Bibliotheek Eemland")
    veste = Organisation.objects.get(name="Nieuwe Veste")
    assert list(scoping.editable_organisations(specialist)) == [eemland]
    assert list(scoping.editable_organisations(other)) == [veste]

    poi = User.objects.get(username="poi-adviseur")
    region = scoping.region_organisations(poi)
    assert eemland in region and veste not in region
    assert not scoping.editable_organisations(poi).exists()

    kb = User.objects.get(username="kb-beheerder")
    assert scoping.is_kb_admin(kb)
    assert kb.is_staff and not kb.is_superuser
    assert kb.has_perm("catalogue.change_taxonomyterm")
    assert kb.has_perm("catalogue.add_synonymgroup")
    assert not kb.has_perm("catalogue.change_offer")
    assert not User.objects.filter(is_staff=True).exclude(username="kb-beheerder").exists()


def test_print_demo_logins_prints_a_table():
    out = io.StringIO()
    call_command("print_demo_logins", stdout=out)
    assert "load_demo" in out.getvalue()  # nothing loaded yet: says what to do

    load()
    out = io.StringIO()
    call_command("print_demo_logins", stdout=out)
    text = out.getvalue()
    assert "Gebruikersnaam" in text and "Wachtwoord" in text
    for spec in data.USERS:
        assert spec["username"] in text
    assert "Bibliotheek Eemland" in text and "KB-beheerder" in text
    assert text.count(data.DEMO_PASSWORD) == len(data.USERS)


def test_ido_of_eemland_is_found_first_near_amersfoort():
    load()
    place = resolve_place("3811")
    results = search(SearchParams(text="hulp met DigiD", origin=(place.latitude, place.longitude)))
    assert results.total >= 2
    first = results.hits[0]
    assert first.offer.organisation.name == "Bibliotheek Eemland"
    assert first.offer.programme.code == "ido"
    assert first.distance_km < 3


def test_demo_desk_registrations_fill_the_figures_of_each_library(settings):
    settings.DEMO_DESK_DAYS = 10
    load()
    today = timezone.localdate()
    contacts = Contact.objects.all()
    assert contacts.exists()
    assert not contacts.filter(date__gte=today).exists()
    assert not contacts.filter(date__lt=today - datetime.timedelta(days=10)).exists()
    for name in LIBRARY_NAMES:
        assert contacts.filter(organisation__name=name).exists(), name
    # Registered through the desk services: the roll-up holds exactly the questions stored.
    from django.db.models import Sum

    from ontwikkelplein.desk.models import Question

    assert DailyCount.objects.aggregate(n=Sum("questions"))["n"] == Question.objects.count()
    assert DailyCount.objects.aggregate(n=Sum("contacts"))["n"] == contacts.count()
