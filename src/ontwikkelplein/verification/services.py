"""The verification app's writes (docs/offer-verification.md): asking offers' contacts, their
answers, the library's decisions on suggested changes, and hiding offers nobody confirmed."""

import datetime
import hashlib
import logging
import secrets
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import services as catalogue_services
from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Membership
from ontwikkelplein.verification.models import (
    DIRECT_FIELDS,
    Answer,
    ChangeSuggestion,
    SuggestionStatus,
    VerificationRequest,
    VerificationSettings,
)

logger = logging.getLogger(__name__)

# At most this many mails per run of the hourly task, so a first run over a large catalogue
# spreads its mail over some hours instead of flooding the mail server.
REQUESTS_PER_RUN = 500
# The statuses an offer is asked about: live, or hidden because nobody confirmed it.
ASKED_STATUSES = (OfferStatus.PUBLISHED, OfferStatus.UNCONFIRMED)


class VerificationError(FieldError):
    """A refused answer or decision, with a Dutch message for one field."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def partner_path(token: str) -> str:
    return reverse("verification:partner", kwargs={"token": token})


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last = (following - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def interval_groups() -> list[tuple[int, Q]]:
    """(months, filter on the offer's organisation) for every interval in use: organisations
    with their own setting, and the default for the rest."""
    by_months: dict[int, set] = defaultdict(set)
    for organisation_id, months in VerificationSettings.objects.values_list(
        "organisation_id", "interval_months"
    ):
        by_months[months].add(organisation_id)
    custom = set().union(*by_months.values()) if by_months else set()
    groups = [(months, Q(organisation_id__in=ids)) for months, ids in sorted(by_months.items())]
    rest = ~Q(organisation_id__in=custom) if custom else Q()
    groups.append((settings.OFFER_VERIFICATION_INTERVAL_MONTHS, rest))
    return groups


def interval_months(organisation) -> int:
    row = VerificationSettings.objects.filter(organisation=organisation).first()
    return row.interval_months if row else settings.OFFER_VERIFICATION_INTERVAL_MONTHS


@transaction.atomic
def set_interval(user, organisation, months: int) -> VerificationSettings:
    """A team leader sets how often the contacts of the organisation's offers are asked."""
    if not scoping.is_team_leader(user, organisation):
        raise PermissionDenied(_("Alleen een teamleider past de instellingen aan."))
    if not isinstance(months, int) or not 1 <= months <= 24:
        raise VerificationError(_("Vul een aantal van 1 tot en met 24 in."), "interval_months")
    row, _created = VerificationSettings.objects.update_or_create(
        organisation=organisation, defaults={"interval_months": months}
    )
    return row


def contact_address(offer: Offer) -> str:
    """Where the request goes: the offer's contact, else the organisation's address."""
    return (offer.contact_email or offer.organisation.email or "").strip()


def due_offers(today: datetime.date | None = None) -> QuerySet[Offer]:
    """Offers whose contact should be asked now: not verified for their organisation's
    interval, with an address to ask, and not asked yet in this cycle (since their last
    verification)."""
    today = today or timezone.localdate()
    due = Q(pk__in=[])
    for months, organisations in interval_groups():
        cutoff = months_before(today, months)
        due |= organisations & (Q(last_verified_on__isnull=True) | Q(last_verified_on__lte=cutoff))
    asked = VerificationRequest.objects.filter(offer=OuterRef("pk"))
    return (
        Offer.objects.filter(status__in=ASKED_STATUSES)
        .filter(due)
        .filter(Q(contact_email__gt="") | Q(organisation__email__gt=""))
        .exclude(
            Q(last_verified_on__isnull=True)
            & Exists(asked.filter(verified_on_at_request__isnull=True))
        )
        .exclude(Exists(asked.filter(verified_on_at_request=OuterRef("last_verified_on"))))
        .select_related("organisation")
        .order_by("last_verified_on", "pk")
    )


def _render_mail(template: str, context: dict) -> str:
    # The mail goes out in Dutch, whoever or whatever sends it.
    with translation.override("nl"):
        return render_to_string(template, context)


@transaction.atomic
def issue_request(offer: Offer, *, now=None) -> str | None:
    """Ask the offer's contact whether it is still right: a new personal link (older open links
    of the offer stop working), e-mailed through the outbox. Returns the raw token, or None
    when there is no address to ask."""
    email = contact_address(offer)
    if not email:
        return None
    now = now or timezone.now()
    VerificationRequest.objects.filter(offer=offer, revoked_at__isnull=True).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    days = settings.OFFER_VERIFICATION_LINK_DAYS
    request = VerificationRequest.objects.create(
        offer=offer,
        token_hash=hash_token(token),
        sent_to=email,
        verified_on_at_request=offer.last_verified_on,
        expires_at=now + datetime.timedelta(days=days),
    )
    body = _render_mail(
        "verification/email/request.txt",
        {
            "offer": offer,
            "url": f"{settings.SITE_URL}{partner_path(token)}",
            "days": days,
            "expires_at": request.expires_at,
        },
    )
    with translation.override("nl"):
        subject = _("Klopt dit nog? %(title)s") % {"title": offer.title}
    # The token is in the stored mail only as a placeholder, and only until it is sent.
    notifications.queue_email(
        email,
        subject,
        body,
        reference=f"offer-verification:{offer.pk}",
        secrets={"verification-link": token},
    )
    return token


def send_due_requests(*, today=None, limit: int = REQUESTS_PER_RUN) -> int:
    """The scheduled task: ask every offer that is due (at most `limit` per run)."""
    sent = 0
    for offer in due_offers(today)[:limit]:
        try:
            if issue_request(offer):
                sent += 1
        except Exception:  # one bad offer must not stop the others
            logger.exception("Verification request for offer %s failed", offer.pk)
    return sent


# --- The contact's answer ---


def _open_request(request: VerificationRequest) -> VerificationRequest:
    stored = VerificationRequest.objects.select_for_update().get(pk=request.pk)
    if stored.revoked_at is not None or stored.expires_at <= timezone.now():
        raise VerificationError(_("Deze link werkt niet meer."), None)
    return stored


def _record(stored: VerificationRequest, answer: str) -> None:
    stored.answer = answer
    stored.answered_at = timezone.now()
    stored.save(update_fields=["answer", "answered_at"])


@transaction.atomic
def confirm(request: VerificationRequest) -> None:
    """ "Klopt nog": the offer counts as verified today and comes back if it was hidden."""
    stored = _open_request(request)
    catalogue_services.confirm_offer_by_contact(stored.offer)
    _record(stored, Answer.CONFIRMED)


@transaction.atomic
def suggest_change(request: VerificationRequest, field: str, proposed: str) -> ChangeSuggestion:
    """ "Dit moet anders": a suggestion for the library. The answer counts as a check (the
    contact looked at the offer), but a hidden offer stays hidden until the library decides."""
    stored = _open_request(request)
    proposed = (proposed or "").strip()
    if not proposed:
        raise VerificationError(_("Schrijf op hoe het moet zijn."), "proposed")
    if len(proposed) > 2000:
        raise VerificationError(_("Schrijf het korter: hooguit 2000 tekens."), "proposed")
    suggestion = ChangeSuggestion.objects.create(
        offer=stored.offer, request=stored, field=field, proposed=proposed, sent_by=stored.sent_to
    )
    catalogue_services.confirm_offer_by_contact(stored.offer, restore=False)
    _record(stored, Answer.CHANGES)
    _notify_editors(
        stored.offer.organisation_id,
        _("Voorstel voor een wijziging van %(title)s") % {"title": stored.offer.title},
        reverse("verification:suggestions"),
        f"offer-suggestion:{suggestion.pk}",
    )
    return suggestion


# --- The library's decision ---


def _locked_suggestion(user, suggestion: ChangeSuggestion) -> ChangeSuggestion:
    stored = (
        ChangeSuggestion.objects.select_for_update().select_related("offer").get(pk=suggestion.pk)
    )
    if not scoping.can_edit(user, stored.offer.organisation_id):
        raise PermissionDenied(_("Je mag het aanbod van deze organisatie niet wijzigen."))
    if stored.status != SuggestionStatus.PENDING:
        raise VerificationError(_("Over dit voorstel is al besloten."), None)
    return stored


def _decide(stored: ChangeSuggestion, user, status: str) -> ChangeSuggestion:
    stored.status = status
    stored.decided_by = user
    stored.decided_at = timezone.now()
    stored.save(update_fields=["status", "decided_by", "decided_at"])
    return stored


@transaction.atomic
def accept_suggestion(user, suggestion: ChangeSuggestion) -> ChangeSuggestion:
    """Take the suggestion over. A new name, short sentence or explanation is written into the
    offer as the contact typed it (checked like the offer form checks it); other suggestions
    mean the library changed the offer itself. Either way the library has checked the offer."""
    stored = _locked_suggestion(user, suggestion)
    name = DIRECT_FIELDS.get(stored.field)
    if name:
        try:
            catalogue_services.update_offer(user, stored.offer, **{name: stored.proposed})
        except ValidationError as error:
            messages = error.message_dict.get(name) if hasattr(error, "error_dict") else None
            raise VerificationError(
                " ".join(messages or error.messages) or _("Dit kan zo niet."), None
            ) from None
    catalogue_services.verify_offer(user, stored.offer)
    return _decide(stored, user, SuggestionStatus.ACCEPTED)


@transaction.atomic
def dismiss_suggestion(user, suggestion: ChangeSuggestion) -> ChangeSuggestion:
    stored = _locked_suggestion(user, suggestion)
    return _decide(stored, user, SuggestionStatus.DISMISSED)


# --- Hiding what nobody confirmed ---


def hide_cutoffs(today: datetime.date) -> list[tuple[datetime.date, Q]]:
    """(last verified before, organisations) per interval: an offer is hidden when it was not
    verified for the longer of ONTWIKKELPLEIN_VERIFY_AFTER_DAYS (when it goes on "Te
    controleren") and its organisation's interval, plus OFFER_VERIFICATION_HIDE_AFTER_DAYS."""
    result = []
    for months, organisations in interval_groups():
        first = min(
            today - datetime.timedelta(days=settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS),
            months_before(today, months),
        )
        result.append(
            (
                first - datetime.timedelta(days=settings.OFFER_VERIFICATION_HIDE_AFTER_DAYS),
                organisations,
            )
        )
    return result


def offers_to_hide(today: datetime.date | None = None) -> QuerySet[Offer]:
    today = today or timezone.localdate()
    overdue = Q(pk__in=[])
    for cutoff, organisations in hide_cutoffs(today):
        start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
        overdue |= organisations & (
            Q(last_verified_on__lt=cutoff) | Q(last_verified_on__isnull=True, created_at__lt=start)
        )
    return Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(overdue).order_by("pk")


def _editors(organisation_id):
    ids = Membership.objects.filter(
        organisation_id=organisation_id, role__in=scoping.EDITOR_ROLES, user__is_active=True
    ).values_list("user_id", flat=True)
    return get_user_model().objects.filter(pk__in=set(ids)).order_by("pk")


def _notify_editors(organisation_id, text: str, url: str, reference: str) -> None:
    with translation.override("nl"):
        notifications.notify(_editors(organisation_id), str(text), url=url, reference=reference)


def hide_unconfirmed_offers(*, today=None) -> int:
    """The scheduled task: hide offers nobody confirmed in time from residents, and tell the
    organisation's editors (one notification per organisation and run)."""
    hidden: dict = defaultdict(int)
    for offer in offers_to_hide(today):
        if catalogue_services.hide_unconfirmed_offer(offer):
            hidden[offer.organisation_id] += 1
    for organisation_id, count in hidden.items():
        with translation.override("nl"):
            text = translation.ngettext(
                "%(count)s aanbod is verborgen voor bewoners: "
                "niemand bevestigde dat het nog klopt.",
                "%(count)s aanbiedingen zijn verborgen voor bewoners: "
                "niemand bevestigde dat ze nog kloppen.",
                count,
            ) % {"count": count}
        _notify_editors(
            organisation_id, text, reverse("catalogue:staff-to-verify"), "offer-verification-hidden"
        )
    return sum(hidden.values())
