"""The Taalhuis quality framework: the self-evaluation per norm with live evidence, the steps
and the programme register, documents kept privately, the auditor's PDF, roles and bad input."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.core.tests.pdf import assert_tagged, flat, read_pdf
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.models import Participation, ParticipationStatus, Proposal
from ontwikkelplein.participation.tests.factories import ParticipationFactory, scheme
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.quality import norms, selectors
from ontwikkelplein.quality.models import Attachment, NormAnswer, SelfEvaluation
from ontwikkelplein.referrals.models import ReceiverKind
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    municipality = MunicipalityFactory(province=utrecht)
    library = OrganisationFactory(name="Bibliotheek Taalstad", municipalities=[municipality])
    other = OrganisationFactory(
        municipalities=[MunicipalityFactory(province=province("Groningen"))]
    )
    return {
        "poi": poi,
        "library": library,
        "other": other,
        "specialist": staff_user(library, Role.SPECIALIST),
        "desk": staff_user(library, Role.FRONT_DESK),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "other_specialist": staff_user(other, Role.SPECIALIST),
    }


def _url(name, library, **kwargs):
    return reverse(f"quality:{name}", kwargs={"pk": library.pk, **kwargs})


def test_every_norm_of_the_public_description_is_there():
    titles = [str(n.title) for n in norms.NORMS]
    assert titles[0] == "Beleid en financiën"
    assert "Rechtmatig omgaan met persoonsgegevens" in titles
    assert len({n.code for n in norms.NORMS}) == 7
    kinds = {kind for n in norms.NORMS for kind in n.evidence}
    assert kinds == set(selectors.EVIDENCE)


def test_reading_writes_nothing_and_shows_every_norm(client, world):
    client.force_login(world["specialist"])
    response = client.get(_url("evaluation", world["library"]))
    assert response.status_code == 200
    content = response.content.decode()
    for norm in norms.NORMS:
        assert f'id="norm-{norm.code}"' in content
    assert not SelfEvaluation.objects.exists()


def test_referral_evidence_is_exact_for_the_library_and_hidden_small_for_the_poi(world):
    library = world["library"]
    for _ in range(3):
        ReferralFactory(sender_organisation=library, person=None)
    partner = PartnerFactory(name="Welzijn Taalstad")
    ReferralFactory(
        sender_organisation=library,
        receiver_kind=ReceiverKind.PARTNER,
        receiver_organisation=partner,
        person=None,
    )
    evaluation = selectors.evaluation_of(library)
    own = {v.norm.code: v for v in selectors.norm_views(evaluation, exact=True)}
    facts = dict(own["middelen"].evidence[0].facts)
    assert facts["Ontvangen doorverwijzingen"] == "3"
    assert facts["Verstuurde doorverwijzingen"] == "4"
    assert facts["Afgesproken termijn voor het eerste contact"] == "3 werkdagen"
    partners = own["samenwerking"].evidence[1]
    assert partners.lines == ["Welzijn Taalstad – verwezen naar: 1"]
    upward = {v.norm.code: v for v in selectors.norm_views(evaluation, exact=False)}
    facts = dict(upward["middelen"].evidence[0].facts)
    assert facts["Ontvangen doorverwijzingen"] == "<5"
    assert upward["samenwerking"].evidence[1].lines == ["Welzijn Taalstad – verwezen naar: <5"]


def test_one_page_computes_the_referral_figures_once(world, monkeypatch):
    """Two norms show the year's referral figures; they share one computation per page."""
    calls = []
    real = selectors.referral_figures.figures

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(selectors.referral_figures, "figures", counting)
    evaluation = selectors.evaluation_of(world["library"])
    selectors.norm_views(evaluation, exact=True)
    assert sorted(calls) == sorted(
        [selectors.referral_figures.Direction.RECEIVED, selectors.referral_figures.Direction.SENT]
    )
    selectors.norm_views(evaluation, exact=True)
    assert len(calls) == 4  # a new page computes them anew: nothing is kept between pages


def test_staff_write_their_answer(client, world):
    client.force_login(world["specialist"])
    response = client.post(
        _url("norm", world["library"], code="middelen"),
        {"score": "partly", "text": "Binnen drie werkdagen <b>contact</b>."},
    )
    assert response.status_code == 302
    answer = NormAnswer.objects.get()
    assert (answer.norm, answer.score, answer.evaluation.organisation) == (
        "middelen",
        "partly",
        world["library"],
    )
    page = client.get(_url("evaluation", world["library"])).content.decode()
    assert "Binnen drie werkdagen &lt;b&gt;contact&lt;/b&gt;." in page
    assert "1 van de 7 normen" in page


@pytest.mark.parametrize("who,status", [("desk", 403), ("adviser", 403), ("other_specialist", 404)])
def test_only_the_librarys_specialists_and_team_leaders_write(client, world, who, status):
    client.force_login(world[who])
    response = client.post(_url("norm", world["library"], code="middelen"), {"score": "partly"})
    assert response.status_code == status
    assert not NormAnswer.objects.exists()


def test_the_poi_reads_with_small_counts_hidden_another_region_does_not(client, world):
    client.force_login(world["adviser"])
    response = client.get(_url("evaluation", world["library"]))
    assert response.status_code == 200
    assert "staan er als &lt;5" in response.content.decode()
    assert "Invullen en documenten toevoegen" not in response.content.decode()
    assert client.get(_url("evaluation", world["other"])).status_code == 404


def test_an_unknown_norm_is_404(client, world):
    client.force_login(world["specialist"])
    assert client.get(_url("norm", world["library"], code="bestaat-niet")).status_code == 404


def test_a_document_is_kept_privately_and_served_only_to_readers(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["specialist"])
    upload = SimpleUploadedFile("Overeenkomst <welzijn>.pdf", PDF, content_type="text/html")
    response = client.post(
        _url("upload", world["library"], code="samenwerking"),
        {"title": "Samenwerkingsovereenkomst", "file": upload},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"  # from what it is, not what was sent
    assert attachment.file_name == "Overeenkomst welzijn.pdf"
    assert attachment.stored_name.startswith(f"quality/{world['library'].pk}/")
    assert default_storage.exists(attachment.stored_name)
    download = client.get(reverse("quality:download", kwargs={"pk": attachment.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]

    client.force_login(world["adviser"])
    assert client.get(reverse("quality:download", kwargs={"pk": attachment.pk})).status_code == 200
    remove = reverse("quality:delete-attachment", kwargs={"pk": attachment.pk})
    assert client.post(remove).status_code == 403
    client.force_login(world["other_specialist"])
    assert client.get(reverse("quality:download", kwargs={"pk": attachment.pk})).status_code == 404

    client.force_login(world["specialist"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(remove).status_code == 302
    assert not Attachment.objects.exists()
    assert not default_storage.exists(attachment.stored_name)


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("plan.exe", b"MZ....", "Dit soort bestand kan niet"),
        ("plan.pdf", b"<html>not a pdf</html>", "geen echte PDF"),
        ("plan.pdf", b"", "leeg"),
    ],
)
def test_wrong_files_are_refused_in_words(client, world, name, content, message):
    client.force_login(world["specialist"])
    response = client.post(
        _url("upload", world["library"], code="samenwerking"),
        {"title": "Plan", "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_that_is_too_large_is_refused(client, world, monkeypatch):
    from ontwikkelplein.quality import forms

    monkeypatch.setattr(forms.AttachmentForm.base_fields["file"], "max_bytes", 10)
    client.force_login(world["specialist"])
    response = client.post(
        _url("upload", world["library"], code="samenwerking"),
        {"title": "Plan", "file": SimpleUploadedFile("plan.pdf", PDF)},
        follow=True,
    )
    assert "groter dan" in response.content.decode()
    assert not Attachment.objects.exists()


def _steps(**dates):
    data = {"year": str(timezone.localdate().year), "auditor": "CBCT"}
    data.update({k: v.isoformat() for k, v in dates.items()})
    return data


def test_steps_out_of_order_are_refused(client, world):
    client.force_login(world["specialist"])
    response = client.post(
        _url("steps", world["library"]),
        _steps(intake_on=datetime.date(2026, 3, 1), audit_on=datetime.date(2026, 2, 1)),
    )
    assert response.status_code == 200
    assert "niet eerder zijn dan de stap ervoor" in response.content.decode()
    assert not SelfEvaluation.objects.exists()


def test_a_certificate_proposes_the_register_change_and_the_poi_takes_it_over(client, world):
    library = world["library"]
    ParticipationFactory(
        organisation=library,
        scheme=scheme("taalhuis"),
        status=ParticipationStatus.PREPARING,
        certification_step="audit",
    )
    client.force_login(world["specialist"])
    today = timezone.localdate()
    certified = today - datetime.timedelta(days=10)
    response = client.post(
        _url("steps", library),
        _steps(
            intake_on=certified - datetime.timedelta(days=200),
            self_evaluation_on=certified - datetime.timedelta(days=100),
            audit_on=certified - datetime.timedelta(days=40),
            report_on=certified - datetime.timedelta(days=20),
            certified_on=certified,
        ),
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get(organisation=library)
    assert "Certificaat" in proposal.text
    # Saving again without a change proposes nothing new.
    client.post(
        _url("steps", library),
        _steps(
            intake_on=certified - datetime.timedelta(days=200),
            self_evaluation_on=certified - datetime.timedelta(days=100),
            audit_on=certified - datetime.timedelta(days=40),
            report_on=certified - datetime.timedelta(days=20),
            certified_on=certified,
        ),
    )
    assert Proposal.objects.filter(organisation=library).count() == 1
    # The library cannot change the register itself.
    assert client.post(_url("take-over", library)).status_code == 403

    client.force_login(world["adviser"])
    page = client.get(_url("evaluation", library)).content.decode()
    assert "Neem over in het programmaregister" in page
    assert client.post(_url("take-over", library)).status_code == 302
    entry = Participation.objects.get(organisation=library, scheme__code="taalhuis")
    assert entry.certification_step == "certificate"
    assert entry.status == ParticipationStatus.ACTIVE
    assert entry.started_on == certified
    assert entry.ends_on == certified.replace(year=certified.year + 4)
    page = client.get(_url("evaluation", library)).content.decode()
    assert "Neem over in het programmaregister" not in page


def test_the_overview_lists_the_region_for_the_poi_and_their_own_for_staff(client, world):
    client.force_login(world["adviser"])
    content = client.get(reverse("quality:index")).content.decode()
    assert "Bibliotheek Taalstad" in content
    assert world["other"].name not in content
    client.force_login(world["specialist"])
    content = client.get(reverse("quality:index")).content.decode()
    assert _url("evaluation", world["library"]) in content
    assert world["other"].name not in content
    client.force_login(world["desk"])
    assert client.get(reverse("quality:index")).status_code == 403


def test_the_auditors_pdf_holds_norms_own_text_documents_and_dates(client, world):
    library = world["library"]
    client.force_login(world["specialist"])
    client.post(
        _url("norm", library, code="persoonsgegevens"),
        {"score": "in_order", "text": "Wij vragen altijd <toestemming> & bewaren kort."},
    )
    client.post(
        _url("upload", library, code="persoonsgegevens"),
        {"title": "Privacyverklaring", "file": SimpleUploadedFile("privacy.pdf", PDF)},
    )
    client.post(_url("steps", library), _steps(intake_on=datetime.date(2026, 1, 15)))
    for _ in range(2):
        ReferralFactory(sender_organisation=library, person=None)
    response = client.get(_url("document", library))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader, pages = read_pdf(response.content)
    assert_tagged(reader, title="Kwaliteitskader Taalhuis: Bibliotheek Taalstad")
    text = flat(" ".join(pages))
    for norm in norms.NORMS:
        assert str(norm.title) in text
    assert "Wij vragen altijd <toestemming> & bewaren kort." in text
    assert "Privacyverklaring" in text
    assert "15 januari 2026" in text
    assert "Ontvangen doorverwijzingen <5" in text  # the document leaves the library


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    score=st.one_of(st.sampled_from(["", "partly", "op orde"]), st.text(max_size=20)),
    text=st.text(max_size=300),
    day=st.one_of(st.text(max_size=12), st.dates().map(str)),
    year=st.one_of(st.integers(-5, 99999).map(str), st.text(max_size=6)),
)
def test_no_input_gives_a_500(client, world, score, text, day, year):
    client.force_login(world["specialist"])
    library = world["library"]
    response = client.post(_url("norm", library, code="middelen"), {"score": score, "text": text})
    assert response.status_code in (200, 302)
    response = client.post(
        _url("steps", library),
        {"year": year, "intake_on": day, "audit_on": day, "valid_until": day, "auditor": text},
    )
    assert response.status_code in (200, 302)
    response = client.post(
        _url("upload", library, code="middelen"),
        {
            "title": text,
            "file": SimpleUploadedFile(text[:50] or "x", text.encode("utf-8", "replace")),
        },
    )
    assert response.status_code == 302


def test_the_demo_file_loads_twice_the_same(world):
    from ontwikkelplein.demo.quality import load_quality

    staff_user(world["library"], Role.TEAM_LEADER, username="specialist")
    today = timezone.localdate()
    assert load_quality(today) == 1
    assert load_quality(today) == 1
    evaluation = SelfEvaluation.objects.get(organisation=world["library"])
    assert evaluation.current_step(today) == "self_evaluation"
    assert evaluation.answers.count() == 5
    attachment = Attachment.objects.get()
    assert default_storage.open(attachment.stored_name).read().startswith(b"%PDF-")
