"""Partners keep their offers current without an account (docs/offer-verification.md): every
few months the contact of an offer gets a personal link (VerificationRequest) to confirm the
offer or to suggest changes (ChangeSuggestion), which the library accepts or dismisses."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.core.models import CreatedAtModel
from ontwikkelplein.organisations.models import Organisation


def default_interval_months() -> int:
    return settings.OFFER_VERIFICATION_INTERVAL_MONTHS


class VerificationSettings(models.Model):
    """Per-organisation settings; an organisation without a row uses the defaults."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="verification_settings",
    )
    interval_months = models.PositiveSmallIntegerField(
        _("om de hoeveel maanden de contactpersoon vragen"),
        default=default_interval_months,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    class Meta:
        verbose_name = _("instellingen controle aanbod")
        verbose_name_plural = _("instellingen controle aanbod")

    def __str__(self):
        return str(self.organisation)


class Answer(models.TextChoices):
    CONFIRMED = "confirmed", _("Klopt nog")
    CHANGES = "changes", _("Dit moet anders")


class VerificationRequest(CreatedAtModel):
    """One e-mail with a personal link to the offer's contact. Only the token's hash is kept;
    the mail holds the token only until it is sent (notifications.queue_email secrets)."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="verification_requests")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_to = models.EmailField(_("gestuurd aan"))
    # The offer's last_verified_on when the request was made: one request per check cycle.
    verified_on_at_request = models.DateField(null=True, blank=True)
    expires_at = models.DateTimeField(_("verloopt op"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answer = models.CharField(_("antwoord"), max_length=20, choices=Answer.choices, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("controleverzoek")
        verbose_name_plural = _("controleverzoeken")
        indexes = [models.Index(fields=["offer", "verified_on_at_request"])]

    def __str__(self):
        return f"{self.offer} → {self.sent_to}"


class SuggestionField(models.TextChoices):
    TITLE = "title", _("De naam")
    SUMMARY = "summary", _("De korte zin")
    DESCRIPTION = "description", _("De uitleg")
    TIMES = "times", _("Dagen en tijden")
    PLACE = "place", _("De plek")
    SIGN_UP = "sign_up", _("Aanmelden")
    COST = "cost", _("Kosten")
    CONTACT = "contact", _("Contact (naam, telefoon, e-mail)")
    ENDED = "ended", _("Het aanbod stopt")
    OTHER = "other", _("Iets anders")


# Fields whose suggestion the library can take over as it is; for the others the library
# changes the offer itself and marks the suggestion as done.
DIRECT_FIELDS = {
    SuggestionField.TITLE: "title",
    SuggestionField.SUMMARY: "summary",
    SuggestionField.DESCRIPTION: "description",
}


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Nieuw")
    ACCEPTED = "accepted", _("Overgenomen")
    DISMISSED = "dismissed", _("Genegeerd")


class ChangeSuggestion(CreatedAtModel):
    """A change a contact asked for through a verification link ("Dit moet anders")."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="change_suggestions")
    request = models.ForeignKey(
        VerificationRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    field = models.CharField(_("wat"), max_length=20, choices=SuggestionField.choices)
    proposed = models.TextField(_("zo moet het zijn"), max_length=2000)
    sent_by = models.EmailField(_("gestuurd door"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("wijzigingsvoorstel")
        verbose_name_plural = _("wijzigingsvoorstellen")
        indexes = [models.Index(fields=["status", "offer"])]

    def __str__(self):
        return f"{self.offer}: {self.get_field_display()}"

    @property
    def is_direct(self) -> bool:
        return self.field in DIRECT_FIELDS
