"""The certificate PDF: what it says (KB, POI, library, components and hours, the day the
trajectory was completed, the code), that it is tagged, that its QR code leads to the public
verification page, and that whatever staff typed is printed as text."""

import datetime
import re

import pytest
import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.core.tests.pdf import assert_tagged, flat, qr_modules, read_pdf, squeezed
from ontwikkelplein.learning import documents, selectors, services
from ontwikkelplein.learning.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    ComponentKind,
    ModuleCompletion,
)
from ontwikkelplein.learning.tests.factories import (
    ParticipantFactory,
    group_with_meetings,
    trajectory_with,
)
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

STAFF_TEXT = "Digitale <b>vaardigheden</b> & <script>alert(1)</script>"


@pytest.fixture
def certified():
    """A participant who met the rule on the third of four meetings (2 March 2026, 75%) after
    both e-learnings, and whose certificate was issued later, when attendance was entered."""
    kb = OrganisationFactory(kind=OrganisationKind.KB, name="Koninklijke Bibliotheek")
    poi = PoiFactory(name="Rijnbrink <POI> & partners")
    library = OrganisationFactory(name="Bibliotheek Rivierenland")
    trajectory = trajectory_with(modules=2, meetings=4, owner=kb, name=STAFF_TEXT)
    components = list(trajectory.components.order_by("position"))
    minutes = [90, 45, 120, 120, 120, 120]
    for component, value in zip(components, minutes, strict=True):
        component.planned_minutes = value
        component.save()
    group = group_with_meetings(trajectory, library=library, poi=poi)
    participant = ParticipantFactory(group=group, name="Mila <b>Balie</b>")
    for component, day in zip(components[:2], (10, 20), strict=True):
        ModuleCompletion.objects.create(
            participant=participant,
            component=component,
            completed_on=datetime.date(2026, 2, day),
            source="staff",
        )
    for meeting in group.meetings.all():
        Attendance.objects.create(
            meeting=meeting, participant=participant, status=AttendanceStatus.PRESENT
        )
    (certificate,) = services.check_certificates([participant])
    return certificate


def test_certificate_names_organisations_components_hours_and_completion_date(certified):
    reader, pages = read_pdf(documents.certificate_pdf(certified))
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (
        "Certificaat",
        "Mila <b>Balie</b>",
        STAFF_TEXT,
        "Koninklijke Bibliotheek",
        "Rijnbrink <POI> & partners",
        "Bibliotheek Rivierenland",
        "E-learning 1",
        "Bijeenkomst 4",
        "1,5",  # 90 minutes
        "0,8",  # 45 minutes
        "10,3 uur",  # 615 minutes in all
        "Afgerond op 2 maart 2026",
        certified.code,
    ):
        assert expected in text, expected
    # Dated the day the rule was met, not the day of issue or of printing.
    assert timezone.localdate(certified.issued_at) != datetime.date(2026, 3, 2)
    assert documents.verify_url(certified) in squeezed(text)
    assert_tagged(reader, title=documents.certificate_title(certified))


def test_qr_code_leads_to_the_verification_page_with_the_code(certified):
    url = documents.verify_url(certified)
    assert url == f"{settings.SITE_URL}{reverse('learning:verify')}?code={certified.code}"
    html = documents.documents.render_html(
        "learning/documents/certificate.html",
        documents.certificate_context(certified),
        title="x",
    )
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    expected = segno.make(url, error="m", micro=False)
    assert qr_modules(svg) == [[bool(v) for v in row] for row in expected.matrix]
    assert 'aria-label="QR-code naar de controlepagina van dit certificaat"' in svg


def test_verification_page_accepts_the_code_from_the_qr_code(client, certified):
    page = client.get(documents.verify_url(certified).removeprefix(settings.SITE_URL))
    assert page.status_code == 200
    assert "Mila" not in page.content.decode()  # the holder's name is never shown
    assert "2 maart 2026" in page.content.decode()  # the date on the paper
    assert certified.trajectory_name in page.content.decode().replace("&lt;", "<").replace(
        "&gt;", ">"
    ).replace("&amp;", "&").replace("&#x27;", "'")


def test_completion_date_is_the_later_of_modules_and_attendance(certified):
    participant = certified.participant
    assert selectors.completion_date(certified) == datetime.date(2026, 3, 2)
    module = participant.completions.get(component__title="E-learning 2")
    module.completed_on = datetime.date(2026, 3, 20)
    module.save()
    assert selectors.completion_date(certified) == datetime.date(2026, 3, 20)
    # Never after the certificate was issued.
    certified.issued_at = datetime.datetime(2026, 3, 5, 12, tzinfo=datetime.UTC)
    assert selectors.completion_date(certified) == datetime.date(2026, 3, 5)


def test_completion_date_counts_excused_absence_only_when_the_trajectory_says_so(certified):
    participant = certified.participant
    third = participant.group.meetings.order_by("starts_at")[2]
    Attendance.objects.filter(participant=participant, meeting=third).update(
        status=AttendanceStatus.EXCUSED
    )
    # Without the third meeting the 75% is reached at the fourth (16 March).
    assert selectors.completion_date(certified) == datetime.date(2026, 3, 16)
    trajectory = participant.group.trajectory
    trajectory.excused_counts_as_attended = True
    trajectory.save()
    certified.participant.group.trajectory.refresh_from_db()
    assert selectors.completion_date(Certificate.objects.get(pk=certified.pk)) == datetime.date(
        2026, 3, 2
    )


def test_hours_in_dutch_notation():
    assert documents.hours(90) == "1,5"
    assert documents.hours(120) == "2"
    assert documents.hours(0) == "0"
    assert documents.hours(6000) == "100"


@hypothesis_settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    holder=st.text(
        alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=80
    ),
    trajectory=st.text(
        alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=80
    ),
)
def test_any_text_staff_typed_is_printed_as_text(certified, holder, trajectory):
    certified.holder_name = holder
    certified.trajectory_name = trajectory
    html = documents.documents.render_html(
        "learning/documents/certificate.html",
        documents.certificate_context(certified),
        title=documents.certificate_title(certified),
    )
    assert escape(documents.documents.NOT_TEXT.sub("", holder)) in html
    assert escape(documents.documents.NOT_TEXT.sub("", trajectory)) in html
    pdf = documents.certificate_pdf(certified)
    reader, pages = read_pdf(pdf)
    assert_tagged(reader)
    # pypdf cannot read fonts WeasyPrint re-encodes for characters outside DejaVu (poppler
    # can), so only the code, in its own font, is read back here.
    assert certified.code in flat(" ".join(pages))


def test_certificate_download_keeps_its_access_rules(client, certified):
    participant = certified.participant
    group = participant.group
    me = staff_user(group.library, Role.FRONT_DESK)
    participant.user = me
    participant.save()
    leader = staff_user(group.library, Role.TEAM_LEADER)
    colleague = staff_user(group.library, Role.FRONT_DESK)
    stranger = staff_user(OrganisationFactory(), Role.TEAM_LEADER)
    url = reverse("learning:certificate-pdf", args=[certified.pk])
    # A colleague of the same library may know the group exists (403); a stranger may not (404).
    for user, status in ((me, 200), (leader, 200), (colleague, 403), (stranger, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
    client.force_login(leader)
    response = client.get(url)
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificaat-mila-bbalieb-{certified.code.lower()}.pdf"'
    )
    _reader, pages = read_pdf(response.content)
    assert "Mila <b>Balie</b>" in pages[0]
    assert str(ComponentKind.MODULE.label) in pages[0]


def test_certificate_in_english_when_english_is_chosen(certified):
    with translation.override("en"):
        reader, pages = read_pdf(documents.certificate_pdf(certified))
    assert_tagged(reader, language="en")
    text = flat(pages[0])
    assert "Completed on 2 March 2026" in text and "Certificate" in text
    assert "Afgerond" not in text


def test_control_characters_in_staff_text_do_not_break_the_pdf(certified):
    certified.holder_name = "Mila\x01\x0b\x1f\x7f\u200b\ufffe Balie"
    certified.trajectory_name = "Traject\x08\x0c"
    reader, pages = read_pdf(documents.certificate_pdf(certified))
    assert_tagged(reader)
    assert "Balie" in pages[0]
