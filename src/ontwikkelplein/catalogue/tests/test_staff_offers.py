"""The offer pages of the back office over HTTP: the form and its Dutch validation, preview,
publish, archive, verify and the schedules page."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferStatus, Schedule, ScheduleKind
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    add_weekly_time,
    offer_type,
    target_group,
    theme,
)
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed
    return build_world()


@pytest.fixture
def b_client(client, world):
    client.force_login(world.specialist_b)
    return client


def valid_data(world, **overrides):
    data = {
        "organisation": str(world.library_b.pk),
        "title": "Taalcafé op dinsdag",
        "summary": "Oefen Nederlands praten met andere mensen.",
        "description": "Elke week praten we over een onderwerp. Een vrijwilliger helpt.",
        "offer_type": str(offer_type("cafe").pk),
        "themes": [str(theme("nederlands-leren").pk)],
        "target_groups": [str(target_group("anderstaligen").pk)],
        "sign_up": "walk_in",
        "is_free": "on",
        "computers": "0",
        "guidance": ["volunteer"],
        "requirements": ["library_card"],
        "languages": ["nl", "ar"],
        "locations": [str(world.location_b.pk)],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def create_url():
    return reverse("catalogue:staff-offer-create")


def preview_url(offer):
    return reverse("catalogue:staff-offer-preview", kwargs={"pk": offer.pk})


class TestCreateForm:
    def test_form_renders_with_fieldsets_and_labels(self, b_client):
        response = b_client.get(create_url())
        assert response.status_code == 200
        content = response.content.decode()
        for legend in (
            "Wat",
            "Voor wie",
            "Soort en thema",
            "Meedoen en kosten",
            "Wat neem je mee",
            "Faciliteiten",
            "Contact",
            "Geldigheid",
        ):
            assert f">{legend}</legend>" in content
        assert 'for="id_title"' in content
        # Server-side validation only: no `required` attribute that would stop the submit.
        title_input = re.search(r"<input[^>]*id=\"id_title\"[^>]*>", content).group(0)
        assert " required" not in title_input
        assert 'aria-required="true"' in title_input

    def test_only_editable_organisation_is_offered_and_preselected(self, b_client, world):
        form = b_client.get(create_url()).context["form"]
        assert list(form.fields["organisation"].queryset) == [world.library_b]
        assert form.fields["organisation"].initial == world.library_b.pk

    def test_only_active_terms_of_the_right_taxonomy(self, b_client):
        cafe = offer_type("cafe")
        cafe.is_active = False
        cafe.save()
        form = b_client.get(create_url()).context["form"]
        assert cafe not in form.fields["offer_type"].queryset
        assert all(t.taxonomy.slug == "thema" for t in form.fields["themes"].queryset)
        assert all(t.taxonomy.slug == "doelgroep" for t in form.fields["target_groups"].queryset)

    def test_location_choices_are_own_locations_only(self, b_client, world):
        form = b_client.get(create_url()).context["form"]
        assert set(form.fields["locations"].queryset) == {world.location_b}

    def test_empty_form_names_the_missing_fields_in_dutch(self, b_client, world):
        count = Offer.objects.count()
        response = b_client.post(create_url(), {"computers": "0"})
        assert response.status_code == 200
        content = response.content.decode()
        assert "Controleer wat je hebt ingevuld" in content
        assert "Er is niets opgeslagen" in content
        for label, anchor in (
            ("Titel", "id_title"),
            ("Korte zin (B1)", "id_summary"),
            ("Beschrijving", "id_description"),
            ("Soort aanbod", "id_offer_type_0"),
            ("Thema&#x27;s", "id_themes_0"),
            ("Doelgroepen", "id_target_groups_0"),
        ):
            assert f'href="#{anchor}"' in content, anchor
            assert label in content
        assert "Vul dit in." in content
        assert "Kies minstens één." in content
        # Field errors are linked to their control.
        assert 'id="id_title_error"' in content
        title_input = re.search(r"<input[^>]*id=\"id_title\"[^>]*>", content).group(0)
        assert re.search(r'aria-describedby="[^"]*id_title_error', title_input)
        assert 'aria-invalid="true"' in title_input
        assert "<title>Fout:" in content
        assert Offer.objects.count() == count

    def test_valid_form_creates_a_draft(self, b_client, world):
        response = b_client.post(create_url(), valid_data(world))
        offer = Offer.objects.get(title="Taalcafé op dinsdag")
        assert response.status_code == 302
        assert response.url == preview_url(offer)
        assert offer.status == OfferStatus.DRAFT
        assert offer.organisation == world.library_b
        assert offer.created_by == world.specialist_b
        assert offer.guidance == ["volunteer"]
        assert offer.requirements == ["library_card"]
        assert offer.languages == ["nl", "ar"]
        assert [ol.location for ol in offer.offer_locations.all()] == [world.location_b]
        assert list(offer.themes.all()) == [theme("nederlands-leren")]

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            (
                {"is_free": None, "cost_amount": ""},
                "cost_amount",
                "Vul in wat het kost, of zet een vinkje bij Gratis.",
            ),
            (
                {"is_free": "on", "cost_amount": "5"},
                "cost_amount",
                "Het aanbod is gratis. Maak het bedrag leeg",
            ),
            (
                {"valid_from": "2030-05-01", "valid_to": "2030-04-01"},
                "valid_to",
                "De einddatum mag niet voor de begindatum liggen.",
            ),
            (
                {"season_start_month": "3"},
                "season_end_month",
                "Kies de eerste én de laatste maand van het seizoen, of geen van beide.",
            ),
            (
                {"season_end_month": "4"},
                "season_start_month",
                "Kies de eerste én de laatste maand van het seizoen, of geen van beide.",
            ),
            ({"season_start_month": "13", "season_end_month": "4"}, "season_start_month", None),
            ({"summary": "x" * 201}, "summary", "hoogstens 200 tekens (nu 201)"),
            (
                {"sign_up": "registration", "sign_up_instructions": ""},
                "sign_up_instructions",
                "Schrijf op hoe iemand zich aanmeldt",
            ),
            ({"cost_amount": "-3", "is_free": None}, "cost_amount", None),
            ({"website": "geen adres met spaties"}, "website", None),
        ],
    )
    def test_rules_give_dutch_errors_and_store_nothing(
        self, b_client, world, overrides, field, message
    ):
        count = Offer.objects.count()
        response = b_client.post(create_url(), valid_data(world, **overrides))
        assert response.status_code == 200
        form = response.context["form"]
        assert field in form.errors
        if message:
            assert message in " ".join(form.errors[field])
            assert message in response.content.decode()
        assert Offer.objects.count() == count

    def test_a_season_is_saved_and_may_run_over_the_new_year(self, b_client, world):
        data = valid_data(world, season_start_month="11", season_end_month="2")
        response = b_client.post(create_url(), data)
        assert response.status_code == 302
        offer = Offer.objects.get(title="Taalcafé op dinsdag")
        assert (offer.season_start_month, offer.season_end_month) == (11, 2)
        page = b_client.get(create_url())
        form = page.context["form"]
        assert "season_start_month" in form.fields and "season_end_month" in form.fields
        html = page.content.decode()
        # A plain Dutch label and the help text that says what a season is for.
        assert "Seizoen van" in html and "Seizoen tot en met" in html
        assert "hulp bij de belastingaangifte in maart en april" in html

    def test_paid_offer_with_amount_is_fine(self, b_client, world):
        data = valid_data(world, is_free=None, cost_amount="2.50", cost_description="per keer")
        response = b_client.post(create_url(), data)
        assert response.status_code == 302
        offer = Offer.objects.get(title="Taalcafé op dinsdag")
        assert not offer.is_free
        assert str(offer.cost_amount) == "2.50"

    def test_location_of_a_partner_must_be_a_chosen_partner(self, client, world):
        # The partner's buurthuis is only allowed once the partner is on the offer.
        user = staff_user(world.library_b, Role.SPECIALIST)
        client.force_login(user)
        offer = OfferFactory(organisation=world.library_b, status=OfferStatus.DRAFT)
        offer.partners.set([world.partner])
        edit = reverse("catalogue:staff-offer-edit", kwargs={"pk": offer.pk})
        form = client.get(edit).context["form"]
        assert world.partner_location in form.fields["locations"].queryset
        data = valid_data(world, locations=[str(world.partner_location.pk)], title="Met partner")
        response = client.post(edit, data)  # partner not chosen any more
        assert response.status_code == 200
        assert "horen niet bij de aanbieder" in response.content.decode()
        data["partners"] = [str(world.partner.pk)]
        assert client.post(edit, data).status_code == 302
        assert offer.offer_locations.get().location == world.partner_location


class TestEdit:
    def test_form_is_filled_in(self, b_client, world):
        form = b_client.get(
            reverse("catalogue:staff-offer-edit", kwargs={"pk": world.published_b.pk})
        ).context["form"]
        assert form.initial["title"] == "Spreekuur van Bravo"
        assert form.fields["locations"].initial == [world.location_b.pk]

    def test_editing_a_published_offer_keeps_it_published(self, b_client, world):
        offer = world.published_b
        response = b_client.post(
            reverse("catalogue:staff-offer-edit", kwargs={"pk": offer.pk}),
            valid_data(world, title="Spreekuur (nieuwe tijden)"),
        )
        assert response.status_code == 302
        offer.refresh_from_db()
        assert offer.title == "Spreekuur (nieuwe tijden)"
        assert offer.status == OfferStatus.PUBLISHED

    def test_published_offer_keeps_at_least_one_location(self, b_client, world):
        offer = world.published_b
        response = b_client.post(
            reverse("catalogue:staff-offer-edit", kwargs={"pk": offer.pk}),
            valid_data(world, locations=None, title="Zonder plek"),
        )
        assert response.status_code == 200
        assert "minstens één plek" in response.content.decode()
        offer.refresh_from_db()
        assert offer.title == "Spreekuur van Bravo"
        assert offer.offer_locations.count() == 1

    def test_keeping_a_location_keeps_its_schedules(self, b_client, world):
        offer = world.published_b
        extra = LocationFactory(organisation=world.library_b, name="Servicepunt Bravo")
        b_client.post(
            reverse("catalogue:staff-offer-edit", kwargs={"pk": offer.pk}),
            valid_data(world, locations=[str(world.location_b.pk), str(extra.pk)]),
        )
        assert offer.offer_locations.count() == 2
        assert Schedule.objects.filter(offer_location__offer=offer).count() == 1


class TestPreviewAndStateChanges:
    def test_preview_shows_status_content_and_buttons(self, b_client, world):
        response = b_client.get(preview_url(world.draft_b))
        content = response.content.decode()
        assert response.status_code == 200
        assert "Concept van Bravo" in content
        assert "op-status--draft" in content
        for label in ("Bewerken", "Tijden", "Publiceren", "Archiveren", "Gecontroleerd"):
            assert label in content

    def test_publish(self, b_client, world):
        add_weekly_time(world.draft_b)  # walk-in: it needs a time
        response = b_client.post(
            reverse("catalogue:staff-offer-publish", kwargs={"pk": world.draft_b.pk})
        )
        assert response.status_code == 302
        offer = Offer.objects.get(pk=world.draft_b.pk)
        assert offer.status == OfferStatus.PUBLISHED
        assert offer.published_at is not None
        assert offer.last_verified_on == timezone.localdate()

    def test_publish_without_location_is_refused_with_a_message(self, b_client, world):
        offer = OfferFactory(organisation=world.library_b, status=OfferStatus.DRAFT)
        response = b_client.post(
            reverse("catalogue:staff-offer-publish", kwargs={"pk": offer.pk}), follow=True
        )
        content = response.content.decode()
        assert "Het aanbod is nog niet gepubliceerd" in content
        assert "Kies minstens één plek" in content
        offer.refresh_from_db()
        assert offer.status == OfferStatus.DRAFT
        assert offer.published_at is None

    def test_preview_warns_what_is_missing(self, b_client, world):
        offer = OfferFactory(organisation=world.library_b, status=OfferStatus.DRAFT)
        content = b_client.get(preview_url(offer)).content.decode()
        assert "Dit is nog nodig voordat je kunt publiceren" in content

    def test_archive(self, b_client, world):
        b_client.post(reverse("catalogue:staff-offer-archive", kwargs={"pk": world.published_b.pk}))
        assert Offer.objects.get(pk=world.published_b.pk).status == OfferStatus.ARCHIVED

    def test_verify(self, b_client, world):
        offer = world.published_b
        Offer.objects.filter(pk=offer.pk).update(last_verified_on=datetime.date(2020, 1, 1))
        b_client.post(reverse("catalogue:staff-offer-verify", kwargs={"pk": offer.pk}))
        offer.refresh_from_db()
        assert offer.last_verified_on == timezone.localdate()
        assert offer.last_verified_by == world.specialist_b


class TestSchedules:
    def schedules_url(self, offer):
        return reverse("catalogue:staff-offer-schedules", kwargs={"pk": offer.pk})

    def test_page_lists_places_and_times(self, b_client, world):
        content = b_client.get(self.schedules_url(world.published_b)).content.decode()
        assert "Vestiging Bravo" in content
        assert "elke dinsdag, 10:00–12:00" in content

    def test_add_weekly_time(self, b_client, world):
        offer = world.draft_b
        offer_location = offer.offer_locations.get()
        response = b_client.post(
            self.schedules_url(offer),
            {
                "action": "add-weekly",
                "offer_location": str(offer_location.pk),
                "weekly-0-weekday": "3",
                "weekly-0-opens_at": "13:30",
                "weekly-0-closes_at": "15:00",
            },
        )
        assert response.status_code == 302
        schedule = offer_location.schedules.get()
        assert (schedule.kind, schedule.weekday) == (ScheduleKind.WEEKLY, 3)
        assert schedule.opens_at == datetime.time(13, 30)

    def test_add_dated_session(self, b_client, world):
        offer = world.draft_b
        offer_location = offer.offer_locations.get()
        day = timezone.localdate() + datetime.timedelta(days=10)
        b_client.post(
            self.schedules_url(offer),
            {
                "action": "add-dated",
                "offer_location": str(offer_location.pk),
                "dated-0-date": day.isoformat(),
                "dated-0-opens_at": "19:00",
                "dated-0-closes_at": "21:00",
                "dated-0-notes": "Eerste les",
            },
        )
        schedule = offer_location.schedules.get()
        assert schedule.kind == ScheduleKind.DATED
        assert schedule.date == day
        assert schedule.weekday == day.weekday()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {
                    "action": "add-weekly",
                    "weekly-0-weekday": "3",
                    "weekly-0-opens_at": "15:00",
                    "weekly-0-closes_at": "13:00",
                },
                "De eindtijd moet na de begintijd liggen.",
            ),
            (
                {
                    "action": "add-dated",
                    "dated-0-date": "2001-01-01",
                    "dated-0-opens_at": "10:00",
                    "dated-0-closes_at": "11:00",
                },
                "Deze datum is al voorbij",
            ),
            ({"action": "add-weekly", "weekly-0-opens_at": "10:00"}, "Maak een keuze."),
        ],
    )
    def test_bad_times_are_explained_and_not_stored(self, b_client, world, data, message):
        offer = world.draft_b
        data["offer_location"] = str(offer.offer_locations.get().pk)
        response = b_client.post(self.schedules_url(offer), data)
        assert response.status_code == 200
        content = response.content.decode()
        assert message in content
        assert "Controleer wat je hebt ingevuld" in content
        assert not Schedule.objects.filter(offer_location__offer=offer).exists()

    def test_delete_time(self, b_client, world):
        offer = world.published_b
        schedule = Schedule.objects.get(offer_location__offer=offer)
        response = b_client.post(
            self.schedules_url(offer), {"action": "delete", "schedule": str(schedule.pk)}
        )
        assert response.status_code == 302
        assert not Schedule.objects.filter(pk=schedule.pk).exists()

    def test_cannot_delete_a_time_of_another_offer(self, b_client, world):
        other = OfferFactory(
            organisation=OrganisationFactory(),
            location=LocationFactory(),
            location__weekday=2,
        )
        schedule = Schedule.objects.get(offer_location__offer=other)
        response = b_client.post(
            self.schedules_url(world.published_b),
            {"action": "delete", "schedule": str(schedule.pk)},
        )
        assert response.status_code == 404
        assert Schedule.objects.filter(pk=schedule.pk).exists()

    def test_cannot_add_to_a_place_of_another_offer(self, b_client, world):
        other_place = world.partner_offer.offer_locations.get()
        response = b_client.post(
            self.schedules_url(world.published_b),
            {
                "action": "add-weekly",
                "offer_location": str(other_place.pk),
                "weekly-0-weekday": "1",
                "weekly-0-opens_at": "10:00",
                "weekly-0-closes_at": "11:00",
            },
        )
        assert response.status_code == 404
        assert not other_place.schedules.exists()

    def test_offer_without_place_explains_what_to_do(self, b_client, world):
        offer = OfferFactory(organisation=world.library_b, status=OfferStatus.DRAFT)
        content = b_client.get(self.schedules_url(offer)).content.decode()
        assert "Dit aanbod heeft nog geen plek" in content


class TestListAndDashboard:
    def test_list_filters(self, b_client, world):
        url = reverse("catalogue:staff-offer-list")
        content = b_client.get(url, {"status": "draft"}).content.decode()
        assert "Concept van Bravo" in content
        assert "Spreekuur van Bravo" not in content
        content = b_client.get(url, {"q": "spreekuur"}).content.decode()
        assert "Spreekuur van Bravo" in content
        assert "Concept van Bravo" not in content

    def test_list_ignores_bad_filter_values(self, b_client, world):
        response = b_client.get(
            reverse("catalogue:staff-offer-list"),
            {"status": "kapot", "organisatie": "geen-uuid", "pagina": "abc"},
        )
        assert response.status_code == 200
        assert "Concept van Bravo" in response.content.decode()

    def test_list_shows_badges_and_verified_date(self, b_client, world):
        content = b_client.get(reverse("catalogue:staff-offer-list")).content.decode()
        assert "op-status--published" in content
        assert "nog nooit" in content  # the draft was never verified

    def test_dashboard(self, b_client, world):
        response = b_client.get(reverse("core:staff-home"))
        content = response.content.decode()
        assert response.status_code == 200
        assert "Bibliotheek Bravo: Specialist" in content
        counts = response.context["counts"]
        assert (counts["draft"], counts["published"], counts["to_verify"]) == (1, 1, 0)
        assert reverse("catalogue:staff-offer-create") in content
        assert 'aria-current="page"' in content
        assert reverse("admin:index") not in content  # not a KB-beheerder

    def test_dashboard_links_to_django_admin_for_kb(self, client, world):
        client.force_login(world.kb_admin)
        content = client.get(reverse("core:staff-home")).content.decode()
        assert reverse("admin:index") in content
        assert reverse("catalogue:staff-offer-create") not in content


class TestSearchIndexFollowsTheBackOffice:
    """The services reindex after the commit: a published offer is found, an archived one
    is not (this runs the real search engine of the database under test)."""

    def test_publish_then_archive(self, b_client, world, django_capture_on_commit_callbacks):
        from ontwikkelplein.catalogue.search import SearchParams, search

        def found():
            return [hit.offer.pk for hit in search(SearchParams(text="Taalcafé")).hits]

        with django_capture_on_commit_callbacks(execute=True):
            b_client.post(create_url(), valid_data(world))
        offer = Offer.objects.get(title="Taalcafé op dinsdag")
        assert offer.pk not in found()  # a draft is never found
        add_weekly_time(offer)
        with django_capture_on_commit_callbacks(execute=True):
            b_client.post(reverse("catalogue:staff-offer-publish", kwargs={"pk": offer.pk}))
        assert offer.pk in found()
        with django_capture_on_commit_callbacks(execute=True):
            b_client.post(reverse("catalogue:staff-offer-archive", kwargs={"pk": offer.pk}))
        assert offer.pk not in found()
