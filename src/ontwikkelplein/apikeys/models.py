"""API keys for kiosks, tablet apps and partner systems. A key belongs to one organisation (and
optionally one location) and carries scopes. Only a hash of the key is stored."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel
from ontwikkelplein.organisations.models import Location, Organisation


class Scope(models.TextChoices):
    CONTACTS_WRITE = "contacts:write", _("Contacten registreren")
    REFERRALS_WRITE = "referrals:write", _("Doorverwijzingen sturen en volgen")


class ApiKey(CreatedAtModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("organisatie"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_keys",
        verbose_name=_("locatie"),
    )
    name = models.CharField(_("naam"), max_length=100, help_text=_("Bijv. 'Kiosk hal Eemhuis'."))
    # The first characters of the key, shown so people can tell keys apart; not secret.
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, unique=True)
    key_hash = models.CharField(max_length=128)
    scopes = models.JSONField(_("rechten"), default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
