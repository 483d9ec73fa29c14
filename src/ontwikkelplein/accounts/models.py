from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff account. Residents never need one. What a user may do follows from their
    memberships (see organisations.Membership), not from Django's is_staff flag, which
    only opens the Django admin for KB-beheerders."""

    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class SecurityEventQuerySet(models.QuerySet):
    """Append-only: rows are never changed, and deleted only by the retention task
    (`services.purge_security_log`)."""

    def update(self, **kwargs):
        raise PermissionError("The security log is append-only.")

    def delete(self):
        raise PermissionError("The security log is deleted only by its retention task.")

    def _purge(self):
        """Delete the rows; only for the retention task."""
        return super().delete()


class SecurityEvent(models.Model):
    """One line of the security log: who did what security-relevant thing, when, from which
    network. Append-only (save() refuses to change a stored row; delete is refused except by the
    retention task). The actor and the user concerned are kept as ids (no copied names), and
    kept when the account is deleted; the address is truncated (core.net.truncated_ip); the
    detail holds no personal data."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", _("Ingelogd")
        SIGN_IN_FAILED = "sign_in_failed", _("Inloggen mislukt")
        LOCKED_OUT = "locked_out", _("Geblokkeerd na te veel pogingen")
        SIGN_OUT = "sign_out", _("Uitgelogd")
        FACTOR_VERIFIED = "factor_verified", _("Tweede stap gelukt")
        FACTOR_FAILED = "factor_failed", _("Tweede stap mislukt")
        FACTOR_ENROLLED = "factor_enrolled", _("Tweestapsverificatie ingesteld")
        FACTOR_REMOVED = "factor_removed", _("Tweestapsverificatie verwijderd")
        FACTOR_RESET = "factor_reset", _("Tweestapsverificatie van een collega hersteld")
        RECOVERY_CODE_USED = "recovery_code_used", _("Herstelcode gebruikt")
        RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Nieuwe herstelcodes gemaakt")
        PASSWORD_CHANGED = "password_changed", _("Wachtwoord gewijzigd")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Wachtwoord vergeten gevraagd")
        PASSWORD_RESET_DONE = "password_reset_done", _("Nieuw wachtwoord ingesteld via e-mail")
        API_KEY_CREATED = "api_key_created", _("API-sleutel gemaakt")
        API_KEY_REVOKED = "api_key_revoked", _("API-sleutel ingetrokken")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Persoonsgegevens geëxporteerd")

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("gebeurtenis"), max_length=40, choices=Kind.choices, db_index=True)
    # Ids, not foreign keys that cascade: a deleted account leaves its history.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("betreft"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    ip_network = models.CharField(_("netwerk"), max_length=45, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("beveiligingsgebeurtenis")
        verbose_name_plural = _("beveiligingslogboek")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The security log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The security log is deleted only by its retention task.")
