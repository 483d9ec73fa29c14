"""Writes of the programme register, each atomic: keeping a participation (KB and POI), a
library's proposal and its handling, and the reminders of subsidies to account for."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Membership, Organisation, Role
from ontwikkelplein.participation.models import (
    CertificationStep,
    Participation,
    ParticipationStatus,
    Proposal,
    ProposalStatus,
    Scheme,
    SchemeKind,
)

REMIND_DAYS_BEFORE = 30
TAALHUIS_SCHEME = "taalhuis"


@transaction.atomic
def save_participation(user, form) -> Participation:
    """Saves a validated ParticipationForm; the view has checked keeps_register."""
    participation = form.save(commit=False)
    participation.updated_by = user
    if participation.scheme.kind != SchemeKind.SUBSIDY:
        participation.amount = None
        participation.accounting_due_on = None
    if form.initial.get("accounting_due_on") != participation.accounting_due_on:
        participation.reminded_on = None  # a new deadline gets its own reminder
    participation.save()
    form.save_m2m()
    return participation


@transaction.atomic
def delete_participation(participation: Participation) -> None:
    participation.delete()


def _register_keepers(organisation: Organisation):
    """The POI advisers of the POIs covering the organisation (the KB reads every register but
    is not told of each proposal)."""
    pois = scoping.covering_poi_ids([organisation.pk])
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id__in=pois, role=Role.POI_ADVISER
        ).select_related("user")
    ]


@transaction.atomic
def propose(user, organisation: Organisation, text: str) -> Proposal:
    proposal = Proposal.objects.create(organisation=organisation, text=text, proposed_by=user)
    notifications.notify(
        _register_keepers(organisation),
        _("%(organisation)s stelt een wijziging in het programmaregister voor.")
        % {"organisation": organisation.name},
        url=f"/beheer/programmaregister/{organisation.pk}/",
    )
    return proposal


@transaction.atomic
def decide(user, proposal: Proposal, status: str) -> Proposal:
    if status not in (ProposalStatus.HANDLED, ProposalStatus.DISMISSED):
        raise ValueError(status)
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal


def remind_accounting(*, today: datetime.date | None = None) -> int:
    """Tells the library's team leaders and its POI advisers, once, that a subsidy must be
    accounted for within REMIND_DAYS_BEFORE days. Returns how many subsidies were reminded."""
    today = today or timezone.localdate()
    due = Participation.objects.filter(
        scheme__kind=SchemeKind.SUBSIDY,
        accounting_due_on__gte=today,
        accounting_due_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
        reminded_on__isnull=True,
    ).select_related("organisation", "scheme")
    count = 0
    for participation in due:
        with transaction.atomic():
            leaders = [
                m.user
                for m in Membership.objects.filter(
                    organisation=participation.organisation, role=Role.TEAM_LEADER
                ).select_related("user")
            ]
            notifications.notify(
                leaders + _register_keepers(participation.organisation),
                _("Verantwoord %(scheme)s van %(organisation)s uiterlijk %(date)s.")
                % {
                    "scheme": participation.scheme.name,
                    "organisation": participation.organisation.name,
                    "date": participation.accounting_due_on.strftime("%d-%m-%Y"),
                },
                url=f"/beheer/programmaregister/{participation.organisation_id}/",
            )
            participation.reminded_on = today
            participation.save(update_fields=["reminded_on"])
        count += 1
    return count


@transaction.atomic
def record_certification(
    user,
    organisation: Organisation,
    *,
    step: str,
    certified_on: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> Participation:
    """Takes a Taalhuis's certification step over into the register (from its self-evaluation in
    the quality framework, by the KB or the region's POI): its current Taalhuis participation,
    or a new one. With the certificate, the certificate's date and validity become the
    participation's period and it takes part ("Doet mee")."""
    scheme = Scheme.objects.get(code=TAALHUIS_SCHEME)
    participation = (
        Participation.objects.filter(organisation=organisation, scheme=scheme)
        .exclude(status=ParticipationStatus.ENDED)
        .order_by("-started_on", "-created_at")
        .first()
    )
    if participation is None:
        participation = Participation(
            organisation=organisation, scheme=scheme, status=ParticipationStatus.PREPARING
        )
    participation.certification_step = step
    if step == CertificationStep.CERTIFICATE:
        participation.status = ParticipationStatus.ACTIVE
        participation.started_on = certified_on or participation.started_on
        participation.ends_on = valid_until or participation.ends_on
    participation.updated_by = user
    participation.save()
    return participation
