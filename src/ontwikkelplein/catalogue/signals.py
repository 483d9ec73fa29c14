"""Keeps the search index in step with changes made outside the catalogue app. The organisations
app may not import the catalogue (docs/architecture.md), so the catalogue listens instead."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import OfferLocation
from ontwikkelplein.organisations.models import Location, Organisation


def _reindex_later(offer_ids) -> None:
    offer_ids = list(offer_ids)
    if offer_ids:
        transaction.on_commit(lambda: [search.index_offer(pk) for pk in offer_ids])


@receiver(post_save, sender=Location, dispatch_uid="catalogue-reindex-location")
def reindex_offers_at_location(sender, instance, raw=False, **kwargs):
    """A location's name and town are part of the indexed text of the offers held there."""
    if not raw:
        _reindex_later(
            OfferLocation.objects.filter(location=instance).values_list("offer_id", flat=True)
        )


@receiver(post_save, sender=Organisation, dispatch_uid="catalogue-reindex-organisation")
def reindex_offers_of_organisation(sender, instance, raw=False, created=False, **kwargs):
    """Provider and partner names are indexed too."""
    if not raw and not created:
        _reindex_later(
            set(instance.offers.values_list("pk", flat=True))
            | set(instance.partner_offers.values_list("pk", flat=True))
        )
