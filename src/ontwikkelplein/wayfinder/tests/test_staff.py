"""The KB's back office: versions, drafts, questions and answers, publishing; who may use it."""

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.tests.factories import offer_type, theme
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.wayfinder import services
from ontwikkelplein.wayfinder.models import Answer, Question, Version, VersionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(client):
    user = staff_user(OrganisationFactory(kind=OrganisationKind.KB, name="KB"), Role.KB_ADMIN)
    client.force_login(user)
    return user


def test_a_kb_admin_makes_a_draft_edits_it_previews_and_publishes_it(client, kb):
    assert client.get(reverse("wayfinder:versions")).status_code == 200
    response = client.post(reverse("wayfinder:version-new"))
    draft = Version.objects.get(status=VersionStatus.DRAFT)
    assert response.status_code == 302
    assert draft.number == 2 and draft.questions.count() == 4
    need = draft.questions.get(kind="need")
    # Change the question.
    response = client.post(
        reverse("wayfinder:question-edit", args=[need.pk]),
        {
            "text": "Waarmee kunnen we helpen?",
            "text_en": "What can we help with?",
            "referrer_text": "Waarmee heeft de bezoeker hulp nodig?",
            "referrer_text_en": "",
            "help_text": "",
            "help_text_en": "",
            "icon": "question",
            "order": 1,
        },
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.text == "Waarmee kunnen we helpen?"
    # Add an answer with mappings.
    response = client.post(
        reverse("wayfinder:answer-new", args=[need.pk]),
        {
            "label": "Belastingaangifte",
            "label_en": "Tax return",
            "key": "belasting",
            "icon": "wallet",
            "order": 20,
            "themes": [theme("geldzaken").pk],
            "offer_types": [offer_type("spreekuur").pk],
        },
    )
    assert response.status_code == 302
    answer = need.answers.get(key="belasting")
    assert [t.code for t in answer.offer_types.all()] == ["spreekuur"]
    # The preview shows the draft to the KB admin, and counts nothing.
    preview = client.get(reverse("wayfinder:start") + f"?versie={draft.number}")
    assert "Waarmee kunnen we helpen?" in preview.content.decode()
    assert "Voorbeeld van concept" in preview.content.decode()
    # Publish: version 1 retires.
    response = client.post(reverse("wayfinder:version-publish", args=[draft.pk]))
    assert response.status_code == 302
    assert Version.objects.get(number=1).status == VersionStatus.RETIRED
    assert Version.objects.get(number=2).status == VersionStatus.PUBLISHED
    # A published version can no longer be changed.
    response = client.post(
        reverse("wayfinder:answer-delete", args=[answer.pk]),
    )
    assert response.status_code == 302
    assert Answer.objects.filter(pk=answer.pk).exists()


def test_bad_input_gives_dutch_errors_and_changes_nothing(client, kb):
    draft = services.create_draft()
    need = draft.questions.get(kind="need")
    before = need.answers.count()
    response = client.post(
        reverse("wayfinder:answer-new", args=[need.pk]),
        {"label": "", "key": "Niet Goed!", "icon": "bestaat-niet", "order": "x"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Gebruik alleen kleine letters, cijfers en -." in html
    assert need.answers.count() == before
    # A key that another answer already uses.
    response = client.post(
        reverse("wayfinder:answer-new", args=[need.pk]),
        {"label": "Nog eens lezen", "key": "lezen", "icon": "", "order": 3},
    )
    assert response.status_code == 400
    assert "Deze code gebruikt een ander antwoord al." in response.content.decode()
    # The place question has no answers.
    where = draft.questions.get(kind="where")
    response = client.get(reverse("wayfinder:answer-new", args=[where.pk]))
    assert response.status_code == 302


def test_a_draft_with_problems_is_not_published(client, kb):
    draft = services.create_draft()
    for answer in draft.questions.get(kind="how").answers.all()[1:]:
        answer.delete()
    response = client.post(reverse("wayfinder:version-publish", args=[draft.pk]), follow=True)
    assert "minstens 2 antwoorden" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT
    assert Version.objects.get(number=1).status == VersionStatus.PUBLISHED


def test_only_one_draft_at_a_time(client, kb):
    services.create_draft()
    response = client.post(reverse("wayfinder:version-new"), follow=True)
    assert "Er is al een concept." in response.content.decode()
    assert Version.objects.filter(status=VersionStatus.DRAFT).count() == 1


def test_unknown_ids_answer_404(client, kb):
    for name in ("wayfinder:version-detail", "wayfinder:question-edit", "wayfinder:answer-edit"):
        assert client.get(reverse(name, args=[999999])).status_code == 404


@pytest.mark.parametrize(
    "role",
    [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF, Role.POI_ADVISER],
)
def test_only_the_kb_may_edit(client, role):
    organisation = PoiFactory() if role == Role.POI_ADVISER else None
    client.force_login(staff_user(organisation, role=role))
    version = Version.objects.get(number=1)
    question = Question.objects.filter(version=version).first()
    answer = Answer.objects.filter(question=question).first()
    gets = [
        reverse("wayfinder:versions"),
        reverse("wayfinder:version-detail", args=[version.pk]),
        reverse("wayfinder:question-edit", args=[question.pk]),
        reverse("wayfinder:answer-edit", args=[answer.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 403
    posts = [
        reverse("wayfinder:version-new"),
        reverse("wayfinder:version-publish", args=[version.pk]),
        reverse("wayfinder:answer-delete", args=[answer.pk]),
    ]
    for url in posts:
        assert client.post(url).status_code == 403
    assert Version.objects.count() == 1 and Answer.objects.filter(pk=answer.pk).exists()


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(reverse("wayfinder:versions"))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_previewing_an_empty_draft_does_not_fail(client, kb):
    Version.objects.all().delete()
    draft = services.create_draft()  # nothing published: an empty draft
    response = client.get(reverse("wayfinder:start") + f"?versie={draft.number}")
    assert response.status_code == 503
    assert "De wegwijzer is er even niet" in response.content.decode()
    assert client.get(reverse("wayfinder:version-detail", args=[draft.pk])).status_code == 200
