"""Demo offer verification (docs/offer-verification.md), so its pages show something for the demo
users:

- links sent (open, not answered) to the contacts of Bibliotheek Eemland's two offers checked
  longest ago (they are also on "Te controleren") and of Humanitas's home-administration offer
  (the demo partner's own offer), each with its e-mail in the outbox, marked as sent;
- two Eemland offers confirmed recently by their contact ("Klopt nog");
- one Eemland offer with "Dit moet anders": two suggestions waiting for the library, one it can
  take over at once (a new short sentence) and one that needs the offer form (new times).

The offers themselves are left as demo/offers.py defines them (their "last verified" dates
already make some of them overdue); only requests, suggestions and outbox messages are written.
The links' tokens are derived from SECRET_KEY, so the same link works after every load on the
same installation and nobody can work it out from the code; `partner_links()` lists them (the
command prints them). Idempotent: rows are found again by their token's hash or by their offer
and text, and what staff decided on a demo suggestion is put back to "waiting".
"""

import base64
import datetime
import hashlib
import hmac

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.notifications.services import secret_placeholder
from ontwikkelplein.verification.models import (
    Answer,
    ChangeSuggestion,
    SuggestionField,
    SuggestionStatus,
    VerificationRequest,
)
from ontwikkelplein.verification.services import contact_address, hash_token, partner_path

LIBRARY = "eemland"
PARTNER_OFFER = "humanitas-amersfoort:thuisadministratie"
SENT_DAYS_AGO = 4
SUGGESTIONS = [
    (
        SuggestionField.SUMMARY,
        "Oefen Nederlands praten met anderen, bij een kop koffie of thee. Iedereen is welkom.",
    ),
    (
        SuggestionField.TIMES,
        "Vanaf volgende maand zijn we er op donderdag van 14.00 tot 16.00 uur, niet meer op "
        "woensdag.",
    ),
]


def demo_token(key: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"demo-verification:{key}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _request(offer: Offer, key: str, *, sent_on: datetime.date, answer="", answered_on=None):
    """The demo request `key` for the offer (found again by its token), with its e-mail in the
    outbox when it is new. Returns (request, token)."""
    token = demo_token(key)
    email = contact_address(offer)
    days = settings.OFFER_VERIFICATION_LINK_DAYS
    request, created = VerificationRequest.objects.update_or_create(
        token_hash=hash_token(token),
        defaults={
            "offer": offer,
            "sent_to": email,
            "verified_on_at_request": None if answer else offer.last_verified_on,
            "expires_at": _at(sent_on) + datetime.timedelta(days=days),
            "revoked_at": None,
            "answer": answer,
            "answered_at": _at(answered_on, 14) if answered_on else None,
        },
    )
    VerificationRequest.objects.filter(pk=request.pk).update(created_at=_at(sent_on))
    reference = f"offer-verification:{offer.pk}"
    if created and not OutboxMessage.objects.filter(reference=reference).exists():
        # The stored mail holds the placeholder (as notifications.queue_email stores it).
        link = partner_path("TOKEN").replace("TOKEN", secret_placeholder("verification-link"))
        with translation.override("nl"):
            body = render_to_string(
                "verification/email/request.txt",
                {
                    "offer": offer,
                    "url": f"{settings.SITE_URL}{link}",
                    "days": days,
                    "expires_at": request.expires_at,
                },
            )
            subject = _("Klopt dit nog? %(title)s") % {"title": offer.title}
        # Shown as sent: the demo never e-mails anyone.
        OutboxMessage.objects.create(
            to=[email],
            subject=subject[:200],
            body=body,
            reference=reference,
            state=OutboxMessage.State.SENT,
            sent_at=_at(sent_on),
            next_attempt_at=_at(sent_on),
        )
    return request, token


def _published(queryset):
    return queryset.filter(status=OfferStatus.PUBLISHED).exclude(
        contact_email="", organisation__email=""
    )


def load_verification(today: datetime.date) -> int:
    """Write the demo requests and suggestions; returns the number of requests."""
    library = demo_uuid("organisation", LIBRARY)
    offers = _published(Offer.objects.filter(organisation_id=library)).select_related(
        "organisation"
    )
    overdue = list(
        offers.filter(last_verified_on__lte=today - datetime.timedelta(days=182)).order_by(
            "last_verified_on", "pk"
        )[:2]
    )
    recent = list(
        offers.filter(last_verified_on__gte=today - datetime.timedelta(days=30)).order_by(
            "-last_verified_on", "pk"
        )[:3]
    )
    sent_on = today - datetime.timedelta(days=SENT_DAYS_AGO)
    count = 0
    partner_offer = (
        _published(Offer.objects.filter(pk=demo_uuid("offer", PARTNER_OFFER)))
        .select_related("organisation")
        .first()
    )
    for offer in [*overdue, *([partner_offer] if partner_offer else [])]:
        _request(offer, f"{offer.pk}:sent", sent_on=sent_on)
        count += 1
    for offer in recent[:2]:
        day = offer.last_verified_on
        _request(
            offer, f"{offer.pk}:confirmed", sent_on=day, answer=Answer.CONFIRMED, answered_on=day
        )
        count += 1
    if len(recent) > 2:
        offer = recent[2]
        day = offer.last_verified_on
        request, _token = _request(
            offer, f"{offer.pk}:changes", sent_on=day, answer=Answer.CHANGES, answered_on=day
        )
        count += 1
        for field, text in SUGGESTIONS:
            suggestion, _created = ChangeSuggestion.objects.update_or_create(
                offer=offer,
                request=request,
                field=field,
                defaults={
                    "proposed": text,
                    "sent_by": request.sent_to,
                    "status": SuggestionStatus.PENDING,
                    "decided_at": None,
                    "decided_by": None,
                },
            )
            ChangeSuggestion.objects.filter(pk=suggestion.pk).update(created_at=_at(day, 14))
    return count


def partner_links() -> list[tuple[str, str]]:
    """(offer title, path of its open demo link) for the requests still waiting for an answer."""
    links = []
    for request in (
        VerificationRequest.objects.filter(answer="", revoked_at__isnull=True)
        .select_related("offer")
        .order_by("offer__title")
    ):
        token = demo_token(f"{request.offer_id}:sent")
        if request.token_hash == hash_token(token):
            links.append((request.offer.title, partner_path(token)))
    return links
