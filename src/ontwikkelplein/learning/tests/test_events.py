"""The knowledge-sharing calendar and theme groups: sign-up within the capacity, who may put
events on the calendar, and who sees a theme group's members."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.learning import services
from ontwikkelplein.learning.models import (
    EventKind,
    EventRegistration,
    KnowledgeEvent,
    ThemeGroup,
)
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def poi():
    return PoiFactory()


@pytest.fixture
def adviser(poi):
    return staff_user(poi, Role.POI_ADVISER)


def event(poi, capacity=2, days=7, **kwargs):
    return KnowledgeEvent.objects.create(
        title=kwargs.pop("title", "Webinar digitale inclusie"),
        kind=EventKind.WEBINAR,
        organiser=poi,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        capacity=capacity,
        **kwargs,
    )


def test_sign_up_within_capacity(poi):
    webinar = event(poi, capacity=2)
    library = OrganisationFactory()
    first, second, third = (staff_user(library, Role.FRONT_DESK) for _ in range(3))
    services.sign_up(user=first, event=webinar)
    services.sign_up(user=first, event=webinar)  # twice is once
    services.sign_up(user=second, event=webinar)
    with pytest.raises(ValidationError, match="vol"):
        services.sign_up(user=third, event=webinar)
    assert EventRegistration.objects.filter(event=webinar).count() == 2
    assert EventRegistration.objects.get(user=first).organisation == library
    services.cancel(user=first, event=webinar)
    services.sign_up(user=third, event=webinar)
    assert set(webinar.registrations.values_list("user", flat=True)) == {second.pk, third.pk}


def test_no_sign_up_for_a_past_event(poi):
    past = event(poi, days=-1)
    with pytest.raises(ValidationError):
        services.sign_up(user=staff_user(OrganisationFactory()), event=past)


def test_only_kb_and_poi_put_events_on_the_calendar(poi, adviser):
    start = timezone.now() + datetime.timedelta(days=3)
    created = services.create_event(
        user=adviser, organiser=poi, title="Inspiratiebezoek", kind=EventKind.VISIT, starts_at=start
    )
    assert created.organiser == poi
    leader = staff_user(OrganisationFactory(), Role.TEAM_LEADER)
    with pytest.raises(PermissionDenied):
        services.create_event(
            user=leader, organiser=poi, title="X", kind=EventKind.WEBINAR, starts_at=start
        )
    kb = OrganisationFactory(kind=OrganisationKind.KB)
    kb_admin = staff_user(kb, Role.KB_ADMIN)
    assert services.create_event(
        user=kb_admin, organiser=kb, title="KB-webinar", kind=EventKind.WEBINAR, starts_at=start
    )


def test_event_pages_sign_up_and_cancel(client, poi, adviser):
    webinar = event(poi, capacity=1)
    member = staff_user(OrganisationFactory(), Role.FRONT_DESK)
    client.force_login(member)
    page = client.get(reverse("learning:event-list")).content.decode()
    assert webinar.title in page and "Nog 1 plaats" in page
    client.post(reverse("learning:event-sign-up", args=[webinar.pk]))
    assert webinar.registrations.filter(user=member).exists()
    detail = client.get(reverse("learning:event-detail", args=[webinar.pk])).content.decode()
    assert "Je bent aangemeld" in detail and "Aanmeldingen" not in detail
    other = staff_user(OrganisationFactory(), Role.FRONT_DESK)
    client.force_login(other)
    response = client.post(reverse("learning:event-sign-up", args=[webinar.pk]), follow=True)
    assert "vol" in response.content.decode()
    assert not webinar.registrations.filter(user=other).exists()
    client.force_login(adviser)
    detail = client.get(reverse("learning:event-detail", args=[webinar.pk])).content.decode()
    assert "Aanmeldingen" in detail and str(member) in detail
    client.force_login(member)
    client.post(reverse("learning:event-sign-up", args=[webinar.pk]), {"afmelden": "1"})
    assert not webinar.registrations.exists()


def test_event_create_page(client, poi, adviser):
    client.force_login(adviser)
    day = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        reverse("learning:event-create"),
        {
            "title": "Themagroep Taal",
            "kind": EventKind.THEME_GROUP,
            "organiser": poi.pk,
            "date": day,
            "time": "14:00",
            "planned_minutes": 120,
            "capacity": 25,
        },
    )
    assert response.status_code == 302
    assert KnowledgeEvent.objects.get(title="Themagroep Taal").capacity == 25
    response = client.post(
        reverse("learning:event-create"),
        {
            "title": "Te laat",
            "kind": "webinar",
            "organiser": poi.pk,
            "date": "2000-01-01",
            "time": "10:00",
            "planned_minutes": 60,
            "capacity": 5,
        },
    )
    assert "Kies een datum in de toekomst" in response.content.decode()
    client.force_login(staff_user(OrganisationFactory(), Role.TEAM_LEADER))
    assert client.get(reverse("learning:event-create")).status_code == 403


def test_theme_group_members_and_history(client, poi, adviser):
    group = ThemeGroup.objects.create(name="Themagroep Basisvaardigheden", organiser=poi)
    event(poi, days=-90, title="Voorjaarsbijeenkomst", theme_group=group)
    event(poi, days=30, title="Najaarsbijeenkomst", theme_group=group)
    member = staff_user(OrganisationFactory(name="Bibliotheek Lid"), Role.SPECIALIST)
    outsider = staff_user(OrganisationFactory(), Role.SPECIALIST)
    client.force_login(member)
    client.post(reverse("learning:theme-group-membership", args=[group.pk]))
    page = client.get(reverse("learning:theme-group-detail", args=[group.pk])).content.decode()
    assert "Voorjaarsbijeenkomst" in page and "Najaarsbijeenkomst" in page
    assert "Bibliotheek Lid" in page
    client.force_login(outsider)
    page = client.get(reverse("learning:theme-group-detail", args=[group.pk])).content.decode()
    assert "Bibliotheek Lid" not in page
    client.force_login(adviser)
    page = client.get(reverse("learning:theme-group-detail", args=[group.pk])).content.decode()
    assert "Bibliotheek Lid" in page
    client.force_login(member)
    client.post(reverse("learning:theme-group-membership", args=[group.pk]), {"uitschrijven": "1"})
    assert not group.memberships.exists()
