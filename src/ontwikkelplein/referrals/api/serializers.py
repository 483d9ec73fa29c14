"""Request and response shapes of the referrals API. Messages are Dutch (DRF's own from its Dutch
catalogue; ours are msgids in Dutch). The service checks everything again (phone number,
consent, receiver), so the serializer only shapes the input."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.desk.api.serializers import ChoiceField
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import ContactPreference, Outcome, Status, Urgency


@extend_schema_field({"type": "string", "enum": [*ColleagueRole.values, ""]})
class RoleField(ChoiceField):
    """ColleagueRole, inline in the schema: the desk API names the same choices already."""


def _too_long(limit: int):
    return _("Deze tekst is te lang: gebruik hoogstens %(max)s tekens.") % {"max": limit}


class PersonInSerializer(serializers.Serializer):
    """The referred person. Send it only with their consent, recorded as the text they heard
    or read (`consent_text`) and who recorded it (`recorded_by_label`)."""

    name = serializers.CharField(
        max_length=services.NAME_MAX_LENGTH,
        error_messages={"max_length": _too_long(services.NAME_MAX_LENGTH)},
    )
    contact_preference = ChoiceField(
        choices=ContactPreference.choices,
        help_text="How to reach the person; the matching detail (phone or email) is required.",
    )
    phone = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=30,
        help_text="A Dutch number someone can call back (mobile or landline): 06…, 0xx…, +31… "
        "or 0031…; stored as national digits. 0800/0900 numbers and 112 are refused.",
        error_messages={"max_length": _("Dit telefoonnummer is te lang.")},
    )
    email = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=services.EMAIL_MAX_LENGTH,
        error_messages={"max_length": _("Dit e-mailadres is te lang.")},
    )
    best_moment = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=services.BEST_MOMENT_MAX_LENGTH,
        error_messages={"max_length": _too_long(services.BEST_MOMENT_MAX_LENGTH)},
    )
    consent_text = serializers.CharField(
        max_length=services.CONSENT_MAX_LENGTH,
        help_text="The consent exactly as it was shown or read to the person.",
        error_messages={
            "required": _("Zonder toestemming kunnen we de gegevens niet bewaren."),
            "blank": _("Zonder toestemming kunnen we de gegevens niet bewaren."),
            "max_length": _too_long(services.CONSENT_MAX_LENGTH),
        },
    )
    recorded_by_label = serializers.CharField(
        max_length=200,
        help_text="Who recorded the consent, e.g. 'Medewerker Juridisch Loket, telefonisch'.",
        error_messages={
            "required": _("Geef aan wie de toestemming heeft vastgelegd."),
            "blank": _("Geef aan wie de toestemming heeft vastgelegd."),
            "max_length": _too_long(200),
        },
    )


class ReferralInSerializer(serializers.Serializer):
    receiver_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.filter(
            kind__in=[OrganisationKind.LIBRARY, OrganisationKind.PARTNER]
        ),
        pk_field=serializers.UUIDField(),
        help_text="Id of the library or partner organisation that takes up the question.",
        error_messages={
            "does_not_exist": _("Onbekende organisatie '{pk_value}'."),
            "incorrect_type": _("Geef het id van de organisatie."),
        },
    )
    offer = serializers.PrimaryKeyRelatedField(
        queryset=Offer.objects.filter(status=OfferStatus.PUBLISHED),
        pk_field=serializers.UUIDField(),
        required=False,
        allow_null=True,
        help_text="Optional: a published offer of the receiving organisation.",
        error_messages={
            "does_not_exist": _("Onbekend of niet gepubliceerd aanbod '{pk_value}'."),
            "incorrect_type": _("Geef het id van het aanbod."),
        },
    )
    receiver_role = RoleField(
        choices=ColleagueRole.choices,
        required=False,
        allow_blank=True,
        help_text="Optional: the role or programme that should take it up (e.g. ido).",
    )
    question = serializers.CharField(
        max_length=services.QUESTION_MAX_LENGTH,
        help_text="The question in short. Only what the receiver needs.",
        error_messages={"max_length": _too_long(services.QUESTION_MAX_LENGTH)},
    )
    urgency = ChoiceField(choices=Urgency.choices, required=False, default=Urgency.NORMAL)
    person = PersonInSerializer(
        required=False,
        allow_null=True,
        help_text="The person and how to reach them; only with their consent.",
    )


class ReferralCreatedSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    reference = serializers.CharField(read_only=True, help_text="Code like ABCD-2345.")
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    first_contact_due = serializers.DateField(
        read_only=True, help_text="Last day (inclusive) for first contact."
    )


class ReferralOutSerializer(serializers.Serializer):
    """Status and outcome for the sender (terugkoppeling); never the person's details."""

    id = serializers.UUIDField(read_only=True)
    reference = serializers.CharField(read_only=True)
    receiver_organisation = serializers.UUIDField(source="receiver_organisation_id", read_only=True)
    offer = serializers.UUIDField(source="offer_id", read_only=True, allow_null=True)
    receiver_role = serializers.CharField(read_only=True)
    urgency = serializers.ChoiceField(choices=Urgency.choices, read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    outcome = serializers.ChoiceField(
        choices=[("", ""), *Outcome.choices], read_only=True, help_text="Empty while open."
    )
    outcome_label = serializers.SerializerMethodField()
    outcome_reason = serializers.CharField(
        read_only=True, help_text="Why it did not fit ('not_suitable'); empty otherwise."
    )
    created_at = serializers.DateTimeField(read_only=True)
    received_at = serializers.DateTimeField(read_only=True, allow_null=True)
    first_contact_at = serializers.DateTimeField(read_only=True, allow_null=True)
    first_contact_due = serializers.DateField(read_only=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_outcome_label(self, referral) -> str:
        return referral.get_outcome_display() if referral.outcome else ""
