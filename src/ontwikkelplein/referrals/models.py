"""Closed-loop referrals (doorverwijzingen).

A Referral is the anonymous record that stays for figures; the person's name and how to reach
them live in ReferralPerson, which exists only with recorded consent and is deleted when the
retention period has passed (or on an AVG request). History (ReferralEvent) and the
personal-data access log are append-only.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.catalogue.models import Offer, Programme
from ontwikkelplein.core.models import CreatedAtModel
from ontwikkelplein.desk.models import ColleagueRole, Contact
from ontwikkelplein.organisations.models import Organisation


class Source(models.TextChoices):
    STAFF = "staff", _("Medewerker")
    DESK = "desk", _("Balie")
    PARTNER_SYSTEM = "partner_system", _("Systeem van een partner")
    RESIDENT = "resident", _("Inwoner")


class ReceiverKind(models.TextChoices):
    COLLEAGUE = "colleague", _("Collega of programma in de eigen bibliotheek")
    LIBRARY = "library", _("Andere bibliotheek")
    PARTNER = "partner", _("Partnerorganisatie")
    OFFER = "offer", _("Aanbod uit de catalogus")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normaal")
    URGENT = "urgent", _("Spoed")


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    RECEIVED = "received", _("Ontvangen")
    CONTACTED = "contacted", _("Contact gelegd")
    IN_PROGRESS = "in_progress", _("In behandeling")
    CLOSED = "closed", _("Afgerond")


class Outcome(models.TextChoices):
    HELPED = "helped", _("Geholpen")
    ENROLLED = "enrolled", _("Aangemeld voor aanbod")
    REFERRED_ON = "referred_on", _("Verder doorverwezen")
    NOT_REACHED = "not_reached", _("Niet bereikt")
    NO_LONGER_NEEDED = "no_longer_needed", _("Niet meer nodig")
    NO_PLACE = "no_place", _("Geen plek")
    NOT_SUITABLE = "not_suitable", _("Past niet")


# Outcomes that need a reason in words.
OUTCOMES_NEEDING_REASON = {Outcome.NOT_SUITABLE}


class ContactPreference(models.TextChoices):
    PHONE = "phone", _("Telefoon")
    EMAIL = "email", _("E-mail")
    VIA_SENDER = "via_sender", _("Via de verwijzer")


class Referral(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Short code for the resident's status page and for staff on the phone; not a secret on its own.
    reference = models.CharField(_("referentiecode"), max_length=12, unique=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)

    sender_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sent_referrals",
        verbose_name=_("verwijzende organisatie"),
    )
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_referrals",
        verbose_name=_("verwijzer"),
    )
    sender_api_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    receiver_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="received_referrals",
        verbose_name=_("ontvangende organisatie"),
    )
    receiver_kind = models.CharField(
        _("soort ontvanger"), max_length=20, choices=ReceiverKind.choices
    )
    receiver_role = models.CharField(
        _("collega of programma"), max_length=30, choices=ColleagueRole.choices, blank=True
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programma"),
    )
    offer = models.ForeignKey(
        Offer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("aanbod"),
    )
    desk_contact = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("baliecontact"),
    )

    # The question in short. It may hold personal details, so it is erased with the person.
    question = models.TextField(_("vraag in het kort"), max_length=1000)
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("reden"), max_length=1000, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_referrals",
        verbose_name=_("behandelaar"),
    )

    created_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    received_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    first_contact_at = models.DateTimeField(_("eerste contact op"), null=True, blank=True)
    # Last day (inclusive) for first contact, counted in working days without Dutch public holidays.
    first_contact_due = models.DateField(_("eerste contact uiterlijk"))
    closed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    personal_data_erased_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        indexes = [
            models.Index(fields=["receiver_organisation", "status"]),
            models.Index(fields=["sender_organisation", "status"]),
            models.Index(fields=["status", "closed_at"]),
        ]

    def __str__(self):
        return self.reference


class ReferralPerson(models.Model):
    """The referred person's details. Exists only with consent; deleted at erasure."""

    referral = models.OneToOneField(
        Referral, on_delete=models.CASCADE, primary_key=True, related_name="person"
    )
    name = models.CharField(_("naam"), max_length=100)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    contact_preference = models.CharField(
        _("bereikbaar via"), max_length=20, choices=ContactPreference.choices
    )
    best_moment = models.CharField(_("beste moment"), max_length=200, blank=True)
    # The language of the page the resident asked for help on (settings.LANGUAGES): e-mails to
    # them are written in it. Dutch when staff or a partner registered the referral.
    language = models.CharField(_("taal"), max_length=8, default="nl")
    # Consent as it was given: the exact text shown, who recorded it (a staff member, or the
    # resident themselves when the user is empty) and when.
    consent_text = models.TextField(_("toestemmingstekst"))
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_recorded_by_label = models.CharField(max_length=200, blank=True)
    consent_recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("persoonsgegevens")
        verbose_name_plural = _("persoonsgegevens")

    def __str__(self):
        return f"{self.referral}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Verstuurd")
    STATUS = "status", _("Status gewijzigd")
    CLOSED = "closed", _("Afgerond")
    REOPENED = "reopened", _("Heropend")
    ASSIGNED = "assigned", _("Toegewezen")
    NOTE = "note", _("Notitie toegevoegd")
    LINK_SENT = "link_sent", _("Link naar partner verstuurd")
    PERSON_EXPORTED = "person_exported", _("Persoonsgegevens geëxporteerd")
    PERSON_ERASED = "person_erased", _("Persoonsgegevens gewist")


class ReferralEvent(models.Model):
    """Append-only history of every change. Never holds personal data itself."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who acted when there is no user: "Partner via link", "Inwoner", "API-sleutel <naam>".
    actor_label = models.CharField(max_length=200, blank=True)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.referral} {self.kind}"


class ReferralNote(CreatedAtModel):
    """Internal note by staff of the sending or receiving organisation.
    Erased with the personal data."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="notes")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("notitie"), max_length=2000)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.referral} {self.created_at:%Y-%m-%d}"


class PersonalDataAccess(models.Model):
    """Log of every view, export or erasure of a referral's personal data (AVG accountability)."""

    class Action(models.TextChoices):
        VIEW = "view", _("Bekeken")
        EXPORT = "export", _("Geëxporteerd")
        ERASE = "erase", _("Gewist")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.referral} {self.action}"


class PartnerLink(CreatedAtModel):
    """A link e-mailed to a partner without an account: one referral, 14 days, token hashed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="partner_links")
    token_hash = models.CharField(max_length=128, unique=True)
    sent_to = models.EmailField(max_length=254)
    expires_at = models.DateTimeField()
    # Set when a newer link replaces this one or when the referral is closed through it.
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.referral} → {self.sent_to}"


class ReferralSettings(models.Model):
    """Per-organisation referral settings; an organisation without a row uses the defaults."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="referral_settings"
    )
    first_contact_working_days = models.PositiveSmallIntegerField(
        _("eerste contact binnen (werkdagen)"), default=3
    )
    inbox_email = models.EmailField(
        _("e-mailadres voor nieuwe doorverwijzingen"),
        blank=True,
        help_text=_("Leeg: het e-mailadres van de organisatie."),
    )

    class Meta:
        verbose_name = _("instellingen doorverwijzingen")
        verbose_name_plural = _("instellingen doorverwijzingen")

    def __str__(self):
        return str(self.organisation)
