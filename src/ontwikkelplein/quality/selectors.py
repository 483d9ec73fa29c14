"""Reads of the quality framework: whose self-evaluation a user sees, and the evidence per norm
that the platform already holds, computed live through the other apps' selectors and figures.

Small counts: the library's own specialists and team leaders see exact numbers; a POI adviser or
the KB (and the document for the auditor, which leaves the library) see the figures with the
small-count rule of core/figures (1 to 4 as "<5"), as on every figures page above the library.
"""

import datetime
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core.figures.cells import small_display
from ontwikkelplein.core.figures.periods import Period, PeriodKind
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.core.formatting import amount, date_table, number
from ontwikkelplein.courses import selectors as courses
from ontwikkelplein.impact import selectors as impact
from ontwikkelplein.learning import selectors as learning
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.participation import selectors as register
from ontwikkelplein.participation.models import ParticipationStatus
from ontwikkelplein.quality import norms
from ontwikkelplein.quality.models import Attachment, NormAnswer, SelfEvaluation
from ontwikkelplein.referrals import figures as referral_figures
from ontwikkelplein.referrals import services as referral_services

TAALHUIS_SCHEME = "taalhuis"
VALID_YEARS = 4  # a certificate is valid for four years (domain-notes §2.3)
FIRST_YEAR = 2018


def libraries_for(user):
    """The library organisations whose quality file the user may read: every one for the KB,
    the region's for a POI adviser, their own for library staff."""
    return (
        scoping.readable_organisations(user).filter(kind=OrganisationKind.LIBRARY).order_by("name")
    )


def evaluation_of(organisation: Organisation, today: datetime.date | None = None) -> SelfEvaluation:
    """The library's self-evaluation, or an unsaved one (nothing is written by reading)."""
    found = SelfEvaluation.objects.filter(organisation=organisation).first()
    if found is not None:
        return found
    today = today or timezone.localdate()
    return SelfEvaluation(organisation=organisation, year=today.year)


def evaluations_of(libraries) -> dict:
    """The saved self-evaluations of `libraries` by organisation id, each with `scored`: how
    many norms have a score."""
    found = SelfEvaluation.objects.filter(organisation__in=libraries).annotate(
        scored=Count("answers", filter=~Q(answers__score=""))
    )
    return {evaluation.organisation_id: evaluation for evaluation in found}


def valid_until(evaluation: SelfEvaluation) -> datetime.date | None:
    if evaluation.valid_until:
        return evaluation.valid_until
    day = evaluation.certified_on
    if day is None:
        return None
    try:
        return day.replace(year=day.year + VALID_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year + VALID_YEARS, day=28)


def year_choices(today: datetime.date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return list(range(today.year, FIRST_YEAR - 1, -1))


# --- Evidence -----------------------------------------------------------------------------------


@dataclass
class Evidence:
    """What the platform shows for one kind of evidence: facts (label, value) and lines."""

    kind: str
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    lines_title: str = ""
    note: str = ""


@dataclass
class NormView:
    norm: norms.Norm
    answer: NormAnswer | None
    evidence: list[Evidence]
    attachments: list[Attachment]

    @property
    def score_display(self) -> str:
        if self.answer is None or not self.answer.score:
            return _("Nog niet ingevuld")
        return self.answer.get_score_display()


def scope_for(organisation: Organisation, *, exact: bool) -> Scope:
    """The library as a figures scope; `exact` only for its own staff."""
    return Scope(
        Level.OWN if exact else Level.REGION, organisation.name, frozenset({organisation.pk})
    )


def _count(value: int, suppress: bool) -> str:
    return small_display(value) if suppress else number(value)


def _year_period(year: int) -> Period:
    return Period.containing(PeriodKind.YEAR, datetime.date(year, 1, 1))


def register_evidence(organisation, year, scope, today) -> Evidence:
    evidence = Evidence(norms.REGISTER, _("Programmaregister"))
    entries = list(register.register_of(organisation))
    for entry in entries:
        period = []
        if entry.started_on:
            period.append(_("sinds %(date)s") % {"date": date_table(entry.started_on)})
        if entry.ends_on:
            period.append(_("tot %(date)s") % {"date": date_table(entry.ends_on)})
        extra = []
        if entry.certification_step:
            extra.append(_("stap: %(step)s") % {"step": entry.get_certification_step_display()})
        if entry.amount is not None:
            extra.append(amount(entry.amount))
        if entry.accounting_due_on:
            extra.append(
                _("verantwoorden uiterlijk %(date)s")
                % {"date": date_table(entry.accounting_due_on)}
            )
        text = f"{entry.scheme.name}: {entry.get_status_display()}"
        if period or extra:
            text += f" ({', '.join(period + extra)})"
        evidence.lines.append(text)
    evidence.lines_title = _("Deelname aan programma's en subsidies")
    if not entries:
        evidence.note = _("Er staat nog niets in het programmaregister van deze bibliotheek.")
    return evidence


# Two norms show the same year's referral figures; one page computes them once.
_REFERRAL_FIGURES: ContextVar[dict | None] = ContextVar("quality_referral_figures", default=None)


def _referral_figures(scope, year, today):
    """The year's received and sent referral figures, computed once per norm_views call."""
    memo = _REFERRAL_FIGURES.get()
    key = (scope, year, today)
    if memo is not None and key in memo:
        return memo[key]
    period = _year_period(year)
    pair = tuple(
        referral_figures.figures(scope, period, direction, compare=False, today=today)
        for direction in (referral_figures.Direction.RECEIVED, referral_figures.Direction.SENT)
    )
    if memo is not None:
        memo[key] = pair
    return pair


def referral_evidence(organisation, year, scope, today) -> Evidence:
    received, sent = _referral_figures(scope, year, today)
    term = referral_services.settings_for(organisation).first_contact_working_days
    evidence = Evidence(
        norms.REFERRALS,
        _("Doorverwijzingen in %(year)s") % {"year": year},
        note=_(
            "Uit de doorverwijzingen van het platform: ontvangen door de bibliotheek en door de "
            "bibliotheek verstuurd naar partners of collega's."
        ),
    )
    evidence.facts = [
        (
            _("Afgesproken termijn voor het eerste contact"),
            ngettext("%(count)s werkdag", "%(count)s werkdagen", term) % {"count": term},
        ),
        (_("Ontvangen doorverwijzingen"), received.total.current.display),
        (
            _("Mediaan tijd tot eerste contact"),
            received.stat("median_first_contact").display,
        ),
        (_("Eerste contact op tijd"), received.stat("within_deadline").display),
        (_("Afgerond met een uitkomst"), received.stat("closed_with_outcome").display),
        (_("Verstuurde doorverwijzingen"), sent.total.current.display),
        (
            _("Verstuurd: afgerond met een uitkomst"),
            sent.stat("closed_with_outcome").display,
        ),
    ]
    outcomes = received.breakdown("uitkomst")
    if outcomes is not None:
        evidence.lines_title = _("Ontvangen doorverwijzingen per uitkomst")
        evidence.lines = [
            f"{row.label}: {row.values[referral_figures.REFERRALS].current.display}"
            for row in outcomes.rows
            if row.values[referral_figures.REFERRALS].current.value
        ]
    return evidence


def partner_evidence(organisation, year, scope, today) -> Evidence:
    partners = Counter()
    offers = (
        Offer.objects.filter(status=OfferStatus.PUBLISHED)
        .filter(Q(organisation=organisation) | Q(partners=organisation))
        .distinct()
        .prefetch_related("partners")
        .select_related("organisation")
    )
    for offer in offers:
        named = {offer.organisation, *offer.partners.all()} - {organisation}
        for partner in named:
            partners[partner.name] += 1
    term = referral_services.settings_for(organisation).first_contact_working_days
    evidence = Evidence(
        norms.PARTNERS,
        _("Partners en afspraken"),
        note=_(
            "Partners: organisaties met wie de bibliotheek gepubliceerd aanbod deelt. De "
            "afspraak over de termijn van het eerste contact geldt voor doorverwijzingen naar "
            "de bibliotheek; samenwerkingsovereenkomsten voegt het Taalhuis hieronder toe."
        ),
    )
    evidence.facts = [
        (_("Partners met gezamenlijk aanbod"), number(len(partners))),
        (
            _("Afgesproken termijn voor het eerste contact"),
            ngettext("%(count)s werkdag", "%(count)s werkdagen", term) % {"count": term},
        ),
    ]
    evidence.lines_title = _("Partners (aantal gezamenlijke aanbiedingen)")
    evidence.lines = [
        f"{name} ({count})"
        for name, count in sorted(partners.items(), key=lambda kv: kv[0].casefold())
    ]
    return evidence


def referral_partner_evidence(organisation, year, scope, today) -> Evidence:
    received, sent = _referral_figures(scope, year, today)
    exchanged = []
    for label, table in (
        (_("verwezen naar"), sent.breakdown("ontvanger")),
        (_("verwezen door"), received.breakdown("verwijzer")),
    ):
        if table is None:
            continue
        for row in table.rows:
            cell = row.values[referral_figures.REFERRALS].current
            if cell.value and row.key and row.key != str(organisation.pk):
                exchanged.append(f"{row.label} – {label}: {cell.display}")
    return Evidence(
        norms.REFERRAL_PARTNERS,
        _("Doorverwijzen met partners in %(year)s") % {"year": year},
        facts=[(_("Organisaties waarmee is doorverwezen"), number(len(exchanged)))],
        lines_title=_("Per organisatie (aantal doorverwijzingen)"),
        lines=exchanged,
    )


def staff_evidence(organisation, year, scope, today) -> Evidence:
    suppress = scope.suppress
    by_trajectory = Counter()
    for certificate in learning.library_certifications([organisation.pk]):
        by_trajectory[certificate.trajectory_name] += 1
    evidence = Evidence(
        norms.STAFF,
        _("Gecertificeerde medewerkers"),
        note=_("Certificaten van leertrajecten die medewerkers van de bibliotheek haalden."),
    )
    evidence.facts = [
        (_("Certificaten in totaal"), _count(sum(by_trajectory.values()), suppress)),
    ]
    evidence.lines_title = _("Per leertraject")
    evidence.lines = [
        f"{name}: {_count(count, suppress)}" for name, count in sorted(by_trajectory.items())
    ]
    return evidence


def course_evidence(organisation, year, scope, today) -> Evidence:
    period = _year_period(year)
    reach = courses.reach([organisation], period, suppress=scope.suppress)
    total = reach.total
    evidence = Evidence(
        norms.COURSES,
        _("Aanbod en cursussen in %(year)s") % {"year": year},
        note=_(
            "Uitvoeringen met bijeenkomsten in het jaar; uitval: wie stopte na te zijn begonnen."
        ),
    )
    published = Offer.objects.filter(organisation=organisation, status=OfferStatus.PUBLISHED)
    evidence.facts = [
        (_("Gepubliceerd aanbod van de bibliotheek"), number(published.count())),
        (_("Uitvoeringen"), number(len(reach.per_run))),
        (_("Deelnemers"), total.display_participants),
        (_("Bijeenkomsten gehouden"), number(total.sessions_held or 0)),
        (_("Aanwezigheid"), total.display_attendance_rate),
        (_("Uitval"), total.display_drop_out_rate),
    ]
    evidence.lines_title = _("Per uitvoering (deelnemers)")
    evidence.lines = [f"{row.label}: {row.display_participants}" for row in reach.per_run]
    return evidence


def impact_evidence(organisation, year, scope, today) -> Evidence:
    period = _year_period(year)
    results = impact.results(impact.runs_in_scope(scope), period.window)
    evidence = Evidence(
        norms.IMPACT,
        _("Impactmeting in %(year)s") % {"year": year},
        note=_(
            "Vragenlijsten voor en na een cursus; een groep van minder dan 5 deelnemers wordt "
            "niet getoond."
        ),
    )
    evidence.facts = [(_("Vragenlijsten gebruikt"), number(len(results)))]
    evidence.lines_title = _("Uitkomsten per vragenlijst")
    for result in results:
        improved = [item.improved for item in result.items if item.improved.percent is not None]
        text = _("%(name)s: %(before)s voor, %(after)s na, %(pairs)s paren") % {
            "name": result.question_set.name,
            "before": result.before_display,
            "after": result.after_display,
            "pairs": result.pairs_display,
        }
        if improved:
            share = round(sum(s.percent for s in improved) / len(improved))
            text += "; " + _("gemiddeld %(share)s%% van de paren vooruit per vraag") % {
                "share": share
            }
        evidence.lines.append(text)
    return evidence


def retention_evidence(organisation, year, scope, today) -> Evidence:
    days = ngettext("%(count)s dag", "%(count)s dagen", 2)
    return Evidence(
        norms.RETENTION,
        _("Bewaartermijnen en toegang"),
        facts=[
            (
                _("Doorverwijzing: persoonsgegevens gewist na afronden"),
                days % {"count": settings.REFERRAL_RETENTION_DAYS},
            ),
            (
                _("Doorverwijzing zonder activiteit: gewist na"),
                days % {"count": settings.REFERRAL_STALE_DAYS},
            ),
            (
                _("Cursus: gegevens van deelnemers gewist na de laatste bijeenkomst"),
                days % {"count": settings.COURSE_RETENTION_DAYS},
            ),
            (
                _("Beveiligingslog bewaard"),
                days % {"count": settings.SECURITY_LOG_RETENTION_DAYS},
            ),
        ],
        lines_title=_("Zo werkt het platform"),
        lines=[
            _("Toestemming wordt gevraagd en de getoonde tekst wordt bewaard."),
            _("Wie een doorverwijzing inziet, staat in een toegangslog."),
            _(
                "Persoonsgegevens zien alleen de medewerkers van de eigen organisatie; POI en KB "
                "zien alleen aantallen."
            ),
            _("Registraties aan de balie zijn anoniem."),
        ],
        note=_("De bewaartermijnen gelden voor het hele platform (instellingen van de beheerder)."),
    )


EVIDENCE = {
    norms.REGISTER: register_evidence,
    norms.REFERRALS: referral_evidence,
    norms.PARTNERS: partner_evidence,
    norms.REFERRAL_PARTNERS: referral_partner_evidence,
    norms.STAFF: staff_evidence,
    norms.COURSES: course_evidence,
    norms.IMPACT: impact_evidence,
    norms.RETENTION: retention_evidence,
}


def norm_views(
    evaluation: SelfEvaluation,
    *,
    exact: bool,
    today: datetime.date | None = None,
    only: norms.Norm | None = None,
) -> list[NormView]:
    """Every norm (or `only` one) with the Taalhuis's answer, the live evidence and the
    documents."""
    today = today or timezone.localdate()
    organisation = evaluation.organisation
    scope = scope_for(organisation, exact=exact)
    answers, attachments = {}, {}
    if evaluation.pk:
        answers = {a.norm: a for a in evaluation.answers.all()}
        for attachment in evaluation.attachments.all():
            attachments.setdefault(attachment.norm, []).append(attachment)
    token = _REFERRAL_FIGURES.set({})
    try:
        return [
            NormView(
                norm,
                answers.get(norm.code),
                [
                    EVIDENCE[kind](organisation, evaluation.year, scope, today)
                    for kind in norm.evidence
                ],
                attachments.get(norm.code, []),
            )
            for norm in ([only] if only else norms.NORMS)
        ]
    finally:
        _REFERRAL_FIGURES.reset(token)


def taalhuis_register_entry(organisation):
    """The library's current Taalhuis participation in the programme register, if any."""
    entries = [
        p
        for p in register.register_of(organisation)
        if p.scheme.code == TAALHUIS_SCHEME and p.status != ParticipationStatus.ENDED
    ]
    return entries[0] if entries else None


@dataclass(frozen=True)
class RegisterDifference:
    """Where the programme register says something else than the self-evaluation."""

    register_step: str
    step: str
    register_started_on: datetime.date | None
    certified_on: datetime.date | None
    register_ends_on: datetime.date | None
    valid_until: datetime.date | None

    @property
    def differs(self) -> bool:
        return (
            self.register_step != self.step
            or (self.certified_on and self.register_started_on != self.certified_on)
            or (self.valid_until and self.register_ends_on != self.valid_until)
        )


def register_difference(evaluation: SelfEvaluation, today=None) -> RegisterDifference | None:
    """None when there is nothing to compare (no step yet)."""
    today = today or timezone.localdate()
    step = evaluation.current_step(today)
    if not step:
        return None
    entry = taalhuis_register_entry(evaluation.organisation)
    return RegisterDifference(
        register_step=entry.certification_step if entry else "",
        step=step,
        register_started_on=entry.started_on if entry else None,
        certified_on=evaluation.certified_on if step == "certificate" else None,
        register_ends_on=entry.ends_on if entry else None,
        valid_until=valid_until(evaluation) if step == "certificate" else None,
    )


def progress(views: list[NormView]) -> dict:
    """How many norms have a score, per score."""
    counts = Counter(v.answer.score for v in views if v.answer and v.answer.score)
    return {"scored": sum(counts.values()), "total": len(views), "counts": counts}
