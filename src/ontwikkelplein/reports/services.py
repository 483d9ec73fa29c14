"""Writes of the reports: start a report, write a theme's text, publish a version.

A published version freezes the title, the texts and the figures as data
(ReportVersion.content); the public page and the PDF of a version read only that, so they never
change when the live data does."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ontwikkelplein.core import privacy
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.reports import figures, selectors, themes
from ontwikkelplein.reports.models import FREQUENCY_OF, Report, ReportText, ReportVersion, Subject

MAX_TEXT = 20000
FIRST_YEAR = 2019  # the programme's registrations start in 2019
REPORT_LANGUAGE = "nl"  # the language the frozen figures are written in


class ReportError(FieldError):
    pass


def _check_period(subject: str, year, quarter, today) -> tuple[int, int | None]:
    if not isinstance(year, int) or not FIRST_YEAR <= year <= today.year:
        raise ReportError(
            _("Kies een jaar van %(first)s tot en met %(last)s.")
            % {"first": FIRST_YEAR, "last": today.year},
            "year",
        )
    if FREQUENCY_OF[subject] == "year":
        return year, None
    if quarter not in (1, 2, 3, 4):
        raise ReportError(_("Kies een kwartaal van 1 tot en met 4."), "quarter")
    if year == today.year and 3 * quarter - 2 > today.month:
        raise ReportError(_("Dit kwartaal is nog niet begonnen."), "quarter")
    return year, quarter


@transaction.atomic
def create_report(
    user, *, subject, organisation, year, quarter=None, municipality=None, today=None
):
    """Starts a report, or returns the one that already exists for this subject and period."""
    today = today or timezone.localdate()
    if (subject, organisation) not in selectors.writable_subjects(user):
        raise ReportError(_("Voor deze organisatie kun je geen rapportage maken."), "owner")
    year, quarter = _check_period(subject, year, quarter, today)
    if subject == Subject.MUNICIPALITY:
        if (
            municipality is None
            or not selectors.municipalities_of(organisation).filter(pk=municipality.pk).exists()
        ):
            raise ReportError(_("Kies een gemeente waar de bibliotheek werkt."), "municipality")
    else:
        municipality = None
    existing = Report.objects.filter(
        organisation=organisation,
        subject=subject,
        municipality=municipality,
        year=year,
        quarter=quarter,
    ).first()
    if existing is not None:
        return existing
    return Report.objects.create(
        organisation=organisation,
        subject=subject,
        municipality=municipality,
        year=year,
        quarter=quarter,
        created_by=user,
    )


def check_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise ReportError(
            _("Een tekst is hoogstens %(max)s tekens lang.") % {"max": MAX_TEXT}, "text"
        )
    try:
        privacy.refuse_personal_data(
            text,
            _(
                "De tekst lijkt persoonsgegevens te bevatten (%(found)s). Een gepubliceerde "
                "rapportage is voor iedereen met de link te lezen: haal dat weg."
            ),
        )
    except ValidationError as error:
        raise ReportError(error.messages[0], "text") from error
    return text


@transaction.atomic
def save_text(user, report: Report, theme: str, text: str) -> ReportText:
    if not selectors.may_write(user, report):
        raise ReportError(_("Je mag deze rapportage niet bewerken."))
    if themes.get(theme) is None:
        raise ReportError(_("Dit thema bestaat niet."), "theme")
    text = check_text(text)
    entry, _created = ReportText.objects.update_or_create(
        report=report, theme=theme, defaults={"text": text, "updated_by": user}
    )
    report.save(update_fields=["updated_at"])
    return entry


def title_of(report: Report) -> tuple[str, str]:
    """The title and subtitle of a report, in Dutch (the language it is published in)."""
    with translation.override(REPORT_LANGUAGE):
        if report.subject == Subject.NATION:
            title = _("Kwartaalrapportage %(year)s Q%(quarter)s") % {
                "year": report.year,
                "quarter": report.quarter,
            }
            subtitle = _("Programma de Bibliotheek en basisvaardigheden, heel Nederland")
        elif report.subject == Subject.REGION:
            title = _("Kwartaalrapportage %(year)s Q%(quarter)s") % {
                "year": report.year,
                "quarter": report.quarter,
            }
            subtitle = _("Programma de Bibliotheek en basisvaardigheden, regio %(name)s") % {
                "name": report.organisation.name
            }
        elif report.subject == Subject.MUNICIPALITY:
            title = _("Jaarverslag %(year)s aan de gemeente %(municipality)s") % {
                "year": report.year,
                "municipality": report.municipality.name,
            }
            subtitle = report.organisation.name
        else:
            title = _("Jaarverslag %(year)s") % {"year": report.year}
            subtitle = report.organisation.name
    return str(title), str(subtitle)


def live_content(report: Report, *, today=None) -> dict:
    """What a version would hold if it were published now."""
    with translation.override(REPORT_LANGUAGE):
        data = figures.gather(report, today=today)
    texts = dict(report.texts.values_list("theme", "text"))
    return {"texts": {code: texts.get(code, "") for code in themes.CODES}, "figures": data}


@transaction.atomic
def publish(user, report: Report, *, today=None) -> ReportVersion:
    """Publishes the report as its next version, with its figures frozen."""
    if not selectors.may_write(user, report):
        raise ReportError(_("Je mag deze rapportage niet publiceren."))
    # Lock the report so that two publications at once get different numbers.
    report = Report.objects.select_for_update().get(pk=report.pk)
    content = live_content(report, today=today)
    for code, text in content["texts"].items():
        try:
            check_text(text)
        except ReportError as error:
            theme = themes.get(code)
            raise ReportError(f"{theme.title}: {error.messages[0]}") from error
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    title, subtitle = title_of(report)
    return ReportVersion.objects.create(
        report=report,
        number=last + 1,
        title=title,
        subtitle=subtitle,
        content=content,
        published_by=user,
    )
