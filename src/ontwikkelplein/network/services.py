"""Writes of the library's network, each atomic (docs/community.md): stakeholders, their
contact people (personal data: every view, change and erasure is logged in ContactAccess),
agreements with their documents, the alerts of agreements that end or are to be evaluated,
and the retention of contact people. The views have checked access through
organisations.scoping before they call these."""

import datetime
import uuid

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.core.formatting import date_text
from ontwikkelplein.network.models import (
    ROLES,
    Agreement,
    AgreementDocument,
    ContactAccess,
    ContactPerson,
    Stakeholder,
)
from ontwikkelplein.network.selectors import add_months
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations.models import Membership, Organisation, Role

RETENTION_ACTOR = "Bewaartermijn verlopen"
# Who is told of an agreement's end and evaluation: the library's community workers.
ALERT_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)


def _user_label(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (user.get_full_name() or user.get_username())[:200]


# --- Stakeholders -------------------------------------------------------------------------------


@transaction.atomic
def save_stakeholder(user, library: Organisation, form) -> Stakeholder:
    """Saves a validated StakeholderForm for `library`."""
    stakeholder = form.save(commit=False)
    stakeholder.organisation = library
    if stakeholder.partner_id and not stakeholder.name:
        stakeholder.name = stakeholder.partner.name[:200]
    for code, field, _label in ROLES:
        setattr(stakeholder, field, code in form.cleaned_data.get("roles", []))
    stakeholder.updated_by = user
    stakeholder.save()
    form.save_m2m()
    return stakeholder


@transaction.atomic
def delete_stakeholder(user, stakeholder: Stakeholder) -> None:
    """Removes the stakeholder with its contact people, agreements and their documents."""
    stored = list(
        AgreementDocument.objects.filter(agreement__stakeholder=stakeholder).values_list(
            "stored_name", flat=True
        )
    )
    if ContactPerson.objects.filter(stakeholder=stakeholder).exists():
        log_contact_access(stakeholder, ContactAccess.Action.ERASE, user=user)
    stakeholder.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in stored])


# --- Contact people (personal data) -------------------------------------------------------------


def log_contact_access(stakeholder, action, *, user=None, actor_label="") -> ContactAccess:
    if action not in ContactAccess.Action.values:
        raise ValueError(action)
    return ContactAccess.objects.create(
        organisation_id=stakeholder.organisation_id,
        stakeholder=stakeholder,
        stakeholder_name=stakeholder.name[:200],
        user=user if getattr(user, "is_authenticated", False) else None,
        actor_label=actor_label or _user_label(user),
        action=action,
    )


@transaction.atomic
def save_contact(user, stakeholder: Stakeholder, form) -> ContactPerson:
    contact = form.save(commit=False)
    contact.stakeholder = stakeholder
    contact.save()
    Stakeholder.objects.filter(pk=stakeholder.pk).update(updated_at=timezone.now())
    log_contact_access(stakeholder, ContactAccess.Action.CHANGE, user=user)
    return contact


@transaction.atomic
def delete_contact(user, contact: ContactPerson) -> None:
    stakeholder = contact.stakeholder
    contact.delete()
    log_contact_access(stakeholder, ContactAccess.Action.ERASE, user=user)


def _stale_stakeholders(today: datetime.date):
    """Stakeholders whose contact people are past the retention period: the relation ended
    more than NETWORK_CONTACT_RETENTION_MONTHS ago, or nothing about the partner moved for that
    long (its record and its contact people unchanged, no next step and no agreement running
    since then)."""
    cutoff = add_months(today, -settings.NETWORK_CONTACT_RETENTION_MONTHS)
    cutoff_at = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    with_contacts = Stakeholder.objects.filter(contacts__isnull=False).distinct()
    ended = with_contacts.filter(ended_on__lt=cutoff)
    inactive = (
        with_contacts.filter(updated_at__lt=cutoff_at)
        .filter(Q(next_step_on__isnull=True) | Q(next_step_on__lt=cutoff))
        .annotate(
            last_contact_change=Max("contacts__updated_at"),
            last_agreement_end=Max("agreements__ends_on"),
            open_agreements=Max(
                "agreements__starts_on", filter=Q(agreements__ends_on__isnull=True)
            ),
        )
        .filter(last_contact_change__lt=cutoff_at, open_agreements__isnull=True)
        .filter(Q(last_agreement_end__isnull=True) | Q(last_agreement_end__lt=cutoff))
    )
    return set(ended.values_list("pk", flat=True)) | set(inactive.values_list("pk", flat=True))


@transaction.atomic
def erase_expired_contacts(today: datetime.date | None = None) -> int:
    """The retention task (daily): erases the contact people of partners past the retention
    period and logs it. The stakeholder itself (an organisation, not a person) stays. Returns
    the number of contact people erased."""
    today = today or timezone.localdate()
    count = 0
    for stakeholder in Stakeholder.objects.filter(pk__in=_stale_stakeholders(today)).order_by("pk"):
        deleted, _detail = ContactPerson.objects.filter(stakeholder=stakeholder).delete()
        if deleted:
            log_contact_access(stakeholder, ContactAccess.Action.ERASE, actor_label=RETENTION_ACTOR)
            count += deleted
    return count


# --- Agreements ---------------------------------------------------------------------------------


@transaction.atomic
def save_agreement(user, stakeholder: Stakeholder, form) -> Agreement:
    """Saves a validated AgreementForm. A changed end or evaluation date re-arms its alert,
    because the alert remembers the date it was sent for."""
    agreement = form.save(commit=False)
    agreement.stakeholder = stakeholder
    agreement.updated_by = user
    agreement.save()
    return agreement


@transaction.atomic
def delete_agreement(agreement: Agreement) -> None:
    stored = list(agreement.documents.values_list("stored_name", flat=True))
    agreement.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in stored])


def _stored_name(agreement: Agreement, extension: str) -> str:
    return f"network/{agreement.stakeholder.organisation_id}/{uuid.uuid4().hex}{extension}"


def _safe_file_name(name: str, extension: str) -> str:
    base = "".join(c for c in (name or "").rsplit(".", 1)[0] if c.isalnum() or c in " -_")
    base = base.strip()[:150] or "document"
    return f"{base}{extension}"


@transaction.atomic
def add_document(user, agreement: Agreement, *, title: str, upload) -> AgreementDocument:
    """Keeps a checked upload (DocumentForm) in Django's storage under a name of our own."""
    stored = default_storage.save(_stored_name(agreement, upload.checked_extension), upload)
    try:
        return AgreementDocument.objects.create(
            agreement=agreement,
            title=title,
            file_name=_safe_file_name(upload.name, upload.checked_extension),
            stored_name=stored,
            content_type=upload.checked_content_type,
            size=upload.size,
            uploaded_by=user,
        )
    except Exception:
        default_storage.delete(stored)
        raise


@transaction.atomic
def delete_document(document: AgreementDocument) -> None:
    stored = document.stored_name
    document.delete()
    transaction.on_commit(lambda: default_storage.delete(stored))


def open_document(document: AgreementDocument):
    """The stored file, opened for reading (FileNotFoundError when it is gone)."""
    return default_storage.open(document.stored_name, "rb")


# --- Alerts -------------------------------------------------------------------------------------


def _alert_recipients(library_id) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=library_id, role__in=ALERT_ROLES
        ).select_related("user")
        if m.user.is_active
    ]


def alert_agreements(*, today: datetime.date | None = None) -> int:
    """Tells the library's specialists and team leaders, once per date, that an agreement ends
    within three months and that an agreement's evaluation date has come. A new date re-arms
    the alert. Returns the number of alerts sent."""
    today = today or timezone.localdate()
    count = 0
    ending = (
        Agreement.objects.filter(ends_on__gte=today, ends_on__lte=add_months(today, 3))
        .filter(Q(end_alerted_for__isnull=True) | ~Q(end_alerted_for=F("ends_on")))
        .select_related("stakeholder", "stakeholder__organisation")
    )
    for agreement in ending:
        with transaction.atomic():
            notifications.notify(
                _alert_recipients(agreement.stakeholder.organisation_id),
                _("De afspraak '%(title)s' met %(partner)s loopt af op %(date)s.")
                % {
                    "title": agreement.title,
                    "partner": agreement.stakeholder.name,
                    "date": date_text(agreement.ends_on),
                },
                url=f"/beheer/netwerk/afspraak/{agreement.pk}/",
            )
            Agreement.objects.filter(pk=agreement.pk).update(end_alerted_for=agreement.ends_on)
        count += 1
    # An evaluation date that has come (up to a month back, so a new task does not alert old ones).
    evaluations = (
        Agreement.objects.filter(
            evaluation_on__lte=today, evaluation_on__gte=today - datetime.timedelta(days=31)
        )
        .filter(
            Q(evaluation_alerted_for__isnull=True) | ~Q(evaluation_alerted_for=F("evaluation_on"))
        )
        .select_related("stakeholder", "stakeholder__organisation")
    )
    for agreement in evaluations:
        with transaction.atomic():
            notifications.notify(
                _alert_recipients(agreement.stakeholder.organisation_id),
                _("Evalueer de afspraak '%(title)s' met %(partner)s (gepland op %(date)s).")
                % {
                    "title": agreement.title,
                    "partner": agreement.stakeholder.name,
                    "date": date_text(agreement.evaluation_on),
                },
                url=f"/beheer/netwerk/afspraak/{agreement.pk}/",
            )
            Agreement.objects.filter(pk=agreement.pk).update(
                evaluation_alerted_for=agreement.evaluation_on
            )
        count += 1
    return count
