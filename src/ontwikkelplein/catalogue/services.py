"""Writes to the catalogue. Every function is atomic and is the only way views, API views and
commands change offers."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ontwikkelplein.catalogue.models import UnmatchedSearch

UNMATCHED_PHRASE_MAX = 200


def record_unmatched_search(phrase: str) -> None:
    """Count a search phrase that found nothing. Anonymous: only the normalised phrase."""
    phrase = " ".join(phrase.lower().split())[:UNMATCHED_PHRASE_MAX]
    if not phrase:
        return
    with transaction.atomic():
        entry, _ = UnmatchedSearch.objects.get_or_create(phrase=phrase)
        UnmatchedSearch.objects.filter(pk=entry.pk).update(
            count=F("count") + 1, last_seen=timezone.localdate()
        )
