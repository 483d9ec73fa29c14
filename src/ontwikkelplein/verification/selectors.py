"""Reads of the verification app: the request behind a link, the library's suggestions and
the figures."""

import re

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ontwikkelplein.catalogue.selectors import offer_detail_queryset
from ontwikkelplein.organisations import scoping
from ontwikkelplein.verification.models import (
    ChangeSuggestion,
    SuggestionStatus,
    VerificationRequest,
)
from ontwikkelplein.verification.services import ASKED_STATUSES, hash_token

# What secrets.token_urlsafe(32) makes; anything else is not looked up at all.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


def request_for_token(token: str) -> VerificationRequest | None:
    """The open request behind a link, with the offer as residents see it; None when the token
    is unknown, expired or replaced by a newer link, or the offer is no longer asked about
    (a draft or archived offer)."""
    if not isinstance(token, str) or not TOKEN_PATTERN.match(token):
        return None
    return (
        VerificationRequest.objects.filter(
            token_hash=hash_token(token),
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            offer__status__in=ASKED_STATUSES,
        )
        .prefetch_related(Prefetch("offer", queryset=offer_detail_queryset()))
        .first()
    )


def pending_suggestions(user) -> QuerySet[ChangeSuggestion]:
    """New suggestions for the offers the user may change, oldest first."""
    return (
        ChangeSuggestion.objects.filter(
            status=SuggestionStatus.PENDING,
            offer__organisation__in=scoping.editable_organisations(user),
        )
        .select_related("offer", "offer__organisation")
        .order_by("created_at", "pk")
    )


def pending_suggestion(user, pk) -> ChangeSuggestion | None:
    """One pending suggestion on an offer the user may read, or None."""
    suggestions = ChangeSuggestion.objects.filter(pk=pk, status=SuggestionStatus.PENDING)
    return (
        scoping.visible_for(user, suggestions, field="offer__organisation")
        .select_related("offer", "offer__organisation")
        .first()
    )
