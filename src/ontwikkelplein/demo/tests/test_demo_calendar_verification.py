"""demo/calendar.py and demo/verification.py: closed days and exceptional hours that show on the
public pages, a closure added after a run's sessions were planned, and the offer-verification
flow, for the demo users."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.demo import data
from ontwikkelplein.demo.courses import MAINTENANCE
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.demo.verification import partner_links
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.models import ClosurePeriod, Location, SpecialOpeningHours
from ontwikkelplein.verification.models import (
    Answer,
    ChangeSuggestion,
    SuggestionStatus,
    VerificationRequest,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def login(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))


def test_closed_days_show_on_the_public_pages(client):
    load()
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=14)
    for lib in data.LIBRARIES:
        branches = Location.objects.filter(
            organisation_id=demo_uuid("organisation", lib["key"]),
            kind__in=["branch", "service_point"],
        )
        for location in branches:
            assert location.closures.filter(start_date__gte=today, start_date__lte=soon).exists()
        main = Location.objects.get(pk=demo_uuid("location", lib["main"]))
        assert main.special_hours.filter(date__gte=today, date__lte=soon).exists()
        assert not main.closures.filter(reason="zomersluiting").exists()
    assert ClosurePeriod.objects.filter(reason="zomersluiting").count() >= 10

    # A walk-in offer at Eemland's main branch: its closed day, and the day with other hours
    # does not contradict a time of the offer.
    offer = Offer.objects.get(pk=demo_uuid("offer", "eemland:taalcafe"))
    page = client.get(reverse("catalogue:offer-detail", args=[offer.pk])).content.decode()
    assert "Gesloten op" in page and "studiedag van het team" in page
    assert "Vandaag" in page

    # Eemland's next Digisterker run: the maintenance day came after its sessions were planned.
    digisterker = Offer.objects.get(pk=demo_uuid("offer", "eemland:digisterker"))
    page = client.get(reverse("catalogue:offer-detail", args=[digisterker.pk])).content.decode()
    assert f"is dan gesloten ({MAINTENANCE})." in page

    # The specialist sees it on Mijn werk, the location's page lists it with a link.
    login(client, "specialist")
    home = client.get(reverse("core:staff-home")).content.decode()
    assert "1 bijeenkomst valt op een dag dat de locatie gesloten is." in home
    closure = ClosurePeriod.objects.get(reason=MAINTENANCE)
    page = client.get(
        reverse("organisations:location-edit", args=[closure.location_id])
    ).content.decode()
    assert "Gepland op een dag dat de locatie dicht is" in page and MAINTENANCE in page


def test_offer_verification_shows_something_for_every_demo_user(client):
    output = load()
    sent = VerificationRequest.objects.filter(answer="")
    assert sent.count() == 3
    assert VerificationRequest.objects.filter(answer=Answer.CONFIRMED).count() == 2
    # One mail per request (the answered ones were asked too), shown as sent, token not stored.
    messages = OutboxMessage.objects.filter(reference__startswith="offer-verification:")
    assert messages.count() == VerificationRequest.objects.count() == 6
    assert all(m.state == OutboxMessage.State.SENT and "{{secret:" in m.body for m in messages)
    pending = ChangeSuggestion.objects.filter(status=SuggestionStatus.PENDING)
    assert pending.count() == 2

    links = partner_links()
    assert len(links) == 3
    assert all(path in output for _title, path in links)
    titles = dict(links)
    page = client.get(titles["Thuisadministratie: hulp met je papieren"])
    assert page.status_code == 200 and "Klopt nog" in page.content.decode()

    login(client, "specialist")
    page = client.get(reverse("verification:suggestions")).content.decode()
    assert pending.first().proposed[:30] in page
    to_verify = client.get(reverse("catalogue:staff-to-verify")).content.decode()
    assert sent.exclude(offer__organisation__name__startswith="Humanitas").first().offer.title in (
        to_verify
    )
    for username in ("specialist", "teamleider", "poi-adviseur", "kb-beheerder"):
        login(client, username)
        response = client.get(reverse("verification:figures"))
        assert response.status_code == 200, username

    # Twice is once: the same links, no second mail, decisions put back.
    suggestion = pending.first()
    ChangeSuggestion.objects.filter(pk=suggestion.pk).update(status=SuggestionStatus.DISMISSED)
    load()
    assert partner_links() == links
    assert messages.count() == 6
    assert ChangeSuggestion.objects.filter(status=SuggestionStatus.PENDING).count() == 2
    assert SpecialOpeningHours.objects.count() == len(data.LIBRARIES)
