"""The "te controleren" list, the unmatched search terms page and the Django admin for
KB-beheerders."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.models import OfferStatus, Programme, SynonymGroup, UnmatchedSearch
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
    return build_world()


@pytest.fixture
def due(world):
    """Offers of library B with different last checks, on TODAY (182 days = 2 Sept 2025)."""

    def offer(title, verified, **kwargs):
        kwargs.setdefault("status", OfferStatus.PUBLISHED)
        return OfferFactory(
            organisation=world.library_b,
            title=title,
            last_verified_on=verified,
            indexed=False,
            **kwargs,
        )

    return {
        "never": offer("Nooit gecontroleerd", None),
        "oldest": offer("Oud spreekuur", datetime.date(2024, 1, 15)),
        "old": offer("Iets minder oud", datetime.date(2025, 8, 31)),
        "boundary": offer("Precies 182 dagen", datetime.date(2025, 9, 1)),
        "recent": offer("Net gecontroleerd", datetime.date(2026, 2, 1)),
        "draft": offer("Oud concept", datetime.date(2020, 1, 1), status=OfferStatus.DRAFT),
        "archived": offer(
            "Oud gearchiveerd", datetime.date(2020, 1, 1), status=OfferStatus.ARCHIVED
        ),
        "other_library": OfferFactory(
            organisation=world.library_a,
            title="Oud bij Alfa",
            last_verified_on=datetime.date(2020, 1, 1),
            indexed=False,
        ),
    }


class TestToVerify:
    @time_machine.travel(TODAY, tick=False)
    def test_selector_content_and_order(self, world, due):
        titles = [o.title for o in selectors.offers_to_verify(world.specialist_b)]
        # world.published_b was verified "today" by the factory (the real today): not due.
        assert titles == ["Nooit gecontroleerd", "Oud spreekuur", "Iets minder oud"]

    @time_machine.travel(TODAY, tick=False)
    def test_respects_the_setting(self, world, due, settings):
        settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS = 20
        titles = [o.title for o in selectors.offers_to_verify(world.specialist_b)]
        assert "Net gecontroleerd" in titles
        assert "Precies 182 dagen" in titles

    @time_machine.travel(TODAY, tick=False)
    def test_only_own_editable_organisations(self, world, due):
        assert [o.title for o in selectors.offers_to_verify(world.specialist_a)] == ["Oud bij Alfa"]
        for read_only in (world.poi_utrecht, world.front_desk_b, world.kb_admin):
            assert not selectors.offers_to_verify(read_only).exists()

    @time_machine.travel(TODAY, tick=False)
    def test_page_lists_oldest_first_and_verify_removes_it(self, client, world, due):
        client.force_login(world.specialist_b)
        content = client.get(reverse("catalogue:staff-to-verify")).content.decode()
        positions = [
            content.index(t) for t in ("Nooit gecontroleerd", "Oud spreekuur", "Iets minder oud")
        ]
        assert positions == sorted(positions)
        for absent in ("Precies 182 dagen", "Net gecontroleerd", "Oud concept", "Oud bij Alfa"):
            assert absent not in content
        response = client.post(
            reverse("catalogue:staff-offer-verify", kwargs={"pk": due["oldest"].pk}),
            {"next": "to-verify"},
        )
        assert response.status_code == 302
        assert response.url == reverse("catalogue:staff-to-verify")
        due["oldest"].refresh_from_db()
        assert due["oldest"].last_verified_on == TODAY
        content = client.get(reverse("catalogue:staff-to-verify")).content.decode()
        assert "Oud spreekuur" not in content

    @time_machine.travel(TODAY, tick=False)
    def test_dashboard_counts_them(self, client, world, due):
        client.force_login(world.specialist_b)
        counts = client.get(reverse("core:staff-home")).context["counts"]
        assert counts["to_verify"] == 3

    def test_read_only_roles_get_an_explanation(self, client, world):
        client.force_login(world.poi_utrecht)
        response = client.get(reverse("catalogue:staff-to-verify"))
        assert response.status_code == 200
        assert "Met jouw rol controleer je geen aanbod" in response.content.decode()


class TestUnmatchedSearches:
    def test_most_frequent_first_for_any_staff_member(self, client, world):
        for phrase, times in (("parkeervergunning", 2), ("rijbewijs verlengen", 5), ("zwemles", 1)):
            for visitor in range(times + 2):  # from the third visitor on the list
                services.record_unmatched_search(phrase, visitor=str(visitor))
        for user in (world.front_desk_b, world.poi_utrecht, world.partner_staff):
            client.force_login(user)
            response = client.get(reverse("catalogue:staff-unmatched-searches"))
            assert response.status_code == 200
            content = response.content.decode()
            positions = [
                content.index(p) for p in ("rijbewijs verlengen", "parkeervergunning", "zwemles")
            ]
            assert positions == sorted(positions)
            assert "niet wie zocht" in content
            assert "synoniem" in content

    def test_kb_admin_gets_a_link_to_the_synonyms(self, client, world):
        client.force_login(world.kb_admin)
        content = client.get(reverse("catalogue:staff-unmatched-searches")).content.decode()
        assert reverse("admin:catalogue_synonymgroup_changelist") in content

    def test_empty_list(self, client, world):
        client.force_login(world.specialist_a)
        content = client.get(reverse("catalogue:staff-unmatched-searches")).content.decode()
        assert "Nog geen zoektermen zonder resultaat." in content


class TestDjangoAdminForKb:
    def test_kb_admin_manages_reference_data(self, client, world):
        client.force_login(world.kb_admin)
        assert client.get(reverse("admin:index")).status_code == 200
        for name in (
            "admin:catalogue_taxonomyterm_changelist",
            "admin:catalogue_programme_changelist",
            "admin:catalogue_synonymgroup_changelist",
            "admin:catalogue_taxonomy_changelist",
            "admin:catalogue_unmatchedsearch_changelist",
            "admin:catalogue_offer_changelist",
        ):
            assert client.get(reverse(name)).status_code == 200, name
        response = client.post(
            reverse("admin:catalogue_programme_add"),
            {"code": "test-programma", "name": "Testprogramma"},
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert Programme.objects.filter(code="test-programma").exists()
        response = client.post(
            reverse("admin:catalogue_synonymgroup_add"), {"terms": "toeslag, zorgtoeslag"}
        )
        assert response.status_code == 302
        assert SynonymGroup.objects.filter(terms="toeslag, zorgtoeslag").exists()

    def test_kb_admin_cannot_change_offers_or_add_taxonomies(self, client, world):
        client.force_login(world.kb_admin)
        assert client.get(reverse("admin:catalogue_offer_add")).status_code == 403
        assert client.get(reverse("admin:catalogue_taxonomy_add")).status_code == 403
        assert client.get(reverse("admin:catalogue_unmatchedsearch_add")).status_code == 403

    def test_other_staff_users_need_django_permissions(self, client, world):
        user = staff_user(world.library_a, Role.SPECIALIST, is_staff=True)
        client.force_login(user)
        assert client.get(reverse("admin:catalogue_programme_changelist")).status_code == 403

    def test_kb_admin_role_outside_the_kb_is_not_enough(self, client, world):
        user = staff_user(OrganisationFactory(), Role.KB_ADMIN, is_staff=True)
        client.force_login(user)
        assert client.get(reverse("admin:catalogue_programme_changelist")).status_code == 403

    def test_kb_admin_without_is_staff_has_no_admin(self, client, world):
        world.kb_admin.is_staff = False
        world.kb_admin.save()
        client.force_login(world.kb_admin)
        response = client.get(reverse("admin:catalogue_programme_changelist"))
        assert response.status_code == 302  # to the admin login

    def test_unmatched_search_entry_can_be_deleted(self, client, world):
        for visitor in "abc":
            services.record_unmatched_search("onzin", visitor=visitor)
        entry = UnmatchedSearch.objects.get(phrase="onzin")
        client.force_login(world.kb_admin)
        response = client.post(
            reverse("admin:catalogue_unmatchedsearch_delete", args=[entry.pk]), {"post": "yes"}
        )
        assert response.status_code == 302
        assert not UnmatchedSearch.objects.filter(pk=entry.pk).exists()
