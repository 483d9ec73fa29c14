"""Request and response shapes of the contacts API. Field errors are in Dutch (DRF's own
messages come from its Dutch catalogue; ours are msgids in Dutch)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.desk.models import (
    Agency,
    Category,
    Channel,
    ColleagueRole,
    DurationBand,
    HelpType,
    ReferralTarget,
    Topic,
)
from ontwikkelplein.desk.services import MAX_QUESTIONS, ContactData, QuestionData
from ontwikkelplein.organisations.models import Location, Organisation


class ChoiceField(serializers.ChoiceField):
    """A choice whose error lists the valid values, so a client developer can fix the call."""

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        try:
            return self.choice_strings_to_values[str(data)]
        except KeyError:
            raise serializers.ValidationError(
                _("'%(input)s' is geen geldige keuze. Kies uit: %(choices)s.")
                % {"input": data, "choices": ", ".join(self.choice_strings_to_values)},
                code="invalid_choice",
            ) from None


def _choice(choices, **kwargs):
    return ChoiceField(choices=choices, **kwargs)


class CodeField(serializers.SlugRelatedField):
    """An active Agency or Topic by its code."""

    def __init__(self, model, **kwargs):
        super().__init__(
            slug_field="code",
            queryset=model.objects.filter(is_active=True),
            required=False,
            allow_null=True,
            error_messages={
                "does_not_exist": _("Onbekende code '{value}'."),
                "invalid": _("Geef een code als tekst."),
            },
            **kwargs,
        )


class QuestionInSerializer(serializers.Serializer):
    category = _choice(Category.choices)
    agency = CodeField(Agency, help_text="Code of the organisation the question concerns.")
    topic = CodeField(Topic, help_text="Code of the topic.")
    help_types = serializers.ListField(
        child=_choice(HelpType.choices),
        min_length=1,
        max_length=len(HelpType.choices),
        error_messages={"min_length": _("Kies minstens één soort geboden hulp.")},
    )
    referral_target = _choice(ReferralTarget.choices, required=False, allow_blank=True)
    referred_role = _choice(ColleagueRole.choices, required=False, allow_blank=True)
    referred_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        pk_field=serializers.UUIDField(),
        required=False,
        allow_null=True,
        error_messages={
            "does_not_exist": _("Onbekende organisatie '{pk_value}'."),
            "incorrect_type": _("Geef het id van de organisatie."),
        },
    )
    referred_offer = serializers.PrimaryKeyRelatedField(
        queryset=Offer.objects.filter(status=OfferStatus.PUBLISHED),
        pk_field=serializers.UUIDField(),
        required=False,
        allow_null=True,
        error_messages={
            "does_not_exist": _("Onbekend of niet gepubliceerd aanbod '{pk_value}'."),
            "incorrect_type": _("Geef het id van het aanbod."),
        },
    )
    duration = _choice(DurationBand.choices, required=False, allow_blank=True)
    low_literacy_signal = serializers.BooleanField(required=False, default=False)


QUESTION_DEFAULTS = {
    "agency": None,
    "topic": None,
    "referral_target": "",
    "referred_role": "",
    "referred_organisation": None,
    "referred_offer": None,
    "duration": "",
    "low_literacy_signal": False,
}


class ContactInSerializer(serializers.Serializer):
    """One visitor at one moment, with one or more questions. Anonymous: there is no field for
    a name or contact details."""

    # Needs `api_key` in the context: it decides the organisation and the usable locations.

    location = serializers.UUIDField(
        # A default, so validate_location also runs when the field is left out.
        default=None,
        allow_null=True,
        help_text="Id of a location of the key's organisation. Required unless the key is "
        "bound to a location; then it must be that location or be left out.",
        error_messages={"invalid": _("Geef het id van een locatie (een UUID).")},
    )
    channel = _choice(Channel.choices)
    registered_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text="When the visitor came, with a time zone; default: now. At most 7 days "
        "ago (a registration kept offline) and not in the future.",
    )
    client_reference = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="A UUID the client makes per registration. Sending the same one again "
        "stores nothing new and answers 200 with the registration made the first time.",
        error_messages={"invalid": _("Geef een UUID als referentie.")},
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Optional. Never personal data: a BSN, e-mail address, phone number or "
        "postcode with house number is refused.",
    )
    questions = QuestionInSerializer(many=True, allow_empty=False, max_length=MAX_QUESTIONS)

    def validate_location(self, value):
        api_key = self.context["api_key"]
        if api_key.location_id is not None:
            if value is not None and value != api_key.location_id:
                raise serializers.ValidationError(
                    _(
                        "Deze sleutel hoort bij één locatie; laat 'location' weg of geef die "
                        "locatie."
                    )
                )
            return api_key.location
        if value is None:
            raise serializers.ValidationError(_("Geef de locatie waar het contact was."))
        location = Location.objects.filter(pk=value, organisation_id=api_key.organisation_id)
        location = location.first()
        if location is None:
            # The same answer whether the location exists elsewhere or not at all.
            raise serializers.ValidationError(
                _("Onbekende locatie voor deze sleutel: kies een locatie van je eigen organisatie.")
            )
        return location

    def to_data(self) -> ContactData:
        data = self.validated_data
        questions = [
            QuestionData(**{**QUESTION_DEFAULTS, **question}) for question in data["questions"]
        ]
        return ContactData(
            organisation=self.context["api_key"].organisation,
            location=data["location"],
            channel=data["channel"],
            questions=questions,
            note=data.get("note") or "",
            registered_at=data.get("registered_at"),
            client_reference=data.get("client_reference"),
        )


class ContactOutSerializer(serializers.Serializer):
    """What was stored, briefly: enough to confirm and to find it again, no echo of the body."""

    id = serializers.UUIDField(read_only=True)
    organisation = serializers.UUIDField(source="organisation_id", read_only=True)
    location = serializers.UUIDField(source="location_id", read_only=True)
    channel = serializers.CharField(read_only=True)
    registered_at = serializers.DateTimeField(read_only=True)
    date = serializers.DateField(read_only=True)
    client_reference = serializers.UUIDField(read_only=True, allow_null=True)
    question_count = serializers.IntegerField(read_only=True)
