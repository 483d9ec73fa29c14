"""In-app notifications over HTTP: only the owner sees and marks them; the unread count in the
staff navigation costs one query."""

import pytest
from django.urls import reverse

from ontwikkelplein.notifications import services
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db

LIST = "/beheer/meldingen/"


@pytest.fixture
def people():
    library = OrganisationFactory()
    return staff_user(library), staff_user(library)


def test_the_list_shows_only_the_users_own_notifications_newest_first(client, people):
    anna, ben = people
    services.notify([anna], "Oudere melding voor Anna")
    services.notify([anna], "Nieuwe doorverwijzing ABCD-EFGH", url="/beheer/")
    services.notify([ben], "Melding voor Ben")
    client.force_login(anna)
    response = client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Melding voor Ben" not in html
    assert html.index("Nieuwe doorverwijzing ABCD-EFGH") < html.index("Oudere melding voor Anna")
    assert "Je hebt 2 ongelezen meldingen." in html
    assert 'href="/beheer/"' in html


def test_marking_one_read(client, people):
    anna, _ben = people
    [first] = services.notify([anna], "Eerste")
    [second] = services.notify([anna], "Tweede")
    client.force_login(anna)
    response = client.post(reverse("notifications:mark-read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None
    assert "Je hebt 1 ongelezen melding." in client.get(LIST).content.decode()


def test_marking_all_read(client, people):
    anna, ben = people
    services.notify([anna, ben], "Voor allebei")
    services.notify([anna], "Nog een")
    client.force_login(anna)
    response = client.post(reverse("notifications:mark-all-read"), {"pagina": "1"})
    assert response.status_code == 302
    assert response["Location"] == LIST + "?pagina=1"
    assert not Notification.objects.filter(user=anna, read_at__isnull=True).exists()
    # Ben's copy stays unread.
    assert Notification.objects.filter(user=ben, read_at__isnull=True).count() == 1


def test_another_users_notification_cannot_be_marked(client, people):
    anna, ben = people
    [bens] = services.notify([ben], "Voor Ben")
    client.force_login(anna)
    response = client.post(reverse("notifications:mark-read", args=[bens.pk]))
    assert response.status_code == 404
    bens.refresh_from_db()
    assert bens.read_at is None


def test_marking_needs_a_post(client, people):
    anna, _ben = people
    [note] = services.notify([anna], "Melding")
    client.force_login(anna)
    assert client.get(reverse("notifications:mark-read", args=[note.pk])).status_code == 405
    note.refresh_from_db()
    assert note.read_at is None


def test_anonymous_users_go_to_the_login_page(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_the_staff_navigation_shows_the_unread_count(client, people):
    anna, _ben = people
    services.notify([anna], "Een")
    services.notify([anna], "Twee")
    client.force_login(anna)
    html = client.get("/beheer/").content.decode()
    assert '2<span class="op-visually-hidden"> ongelezen</span>' in html


def test_the_count_costs_one_query(rf, people, django_assert_num_queries):
    from ontwikkelplein.notifications.context_processors import unread_notifications

    anna, _ben = people
    services.notify([anna], "Een")
    request = rf.get("/")
    request.user = anna
    with django_assert_num_queries(1):
        count = unread_notifications(request)["unread_notifications"]
        assert int(count) == 1
        assert str(count) == "1"
        assert count


def test_the_count_costs_nothing_for_anonymous_users(rf, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    from ontwikkelplein.notifications.context_processors import unread_notifications

    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert not unread_notifications(request)["unread_notifications"]


def test_public_pages_never_count(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    anna, _ben = people
    client.force_login(anna)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    assert not any("notifications_notification" in q["sql"] for q in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST)
    assert any("notifications_notification" in q["sql"] for q in queries.captured_queries)
