"""Staff forms of referrals. They parse what the pages post; the rules live in the services,
whose ReferralErrors are put back on the fields here (put_error)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, OfferStatus, Programme
from ontwikkelplein.catalogue.selectors import offer_choices
from ontwikkelplein.core import person as person_details
from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.referrals.models import (
    ContactPreference,
    Outcome,
    ReceiverKind,
    Status,
    Urgency,
)
from ontwikkelplein.referrals.services import (
    MAX_WORKING_DAYS,
    NOTE_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    REASON_MAX_LENGTH,
    TRANSITIONS,
    PersonData,
)

# The consent text shown to staff and stored with the person's details, word for word.
CONSENT_TEXT = _(
    "De persoon geeft toestemming om naam en contactgegevens door te geven aan de organisatie "
    "die de vraag oppakt. Alleen medewerkers die aan deze doorverwijzing werken zien de "
    "gegevens. Ze worden %(days)s dagen na het afronden gewist. De persoon kan altijd vragen "
    "om de gegevens in te zien of te wissen."
)


def consent_text() -> str:
    return str(CONSENT_TEXT) % {"days": settings.REFERRAL_RETENTION_DAYS}


def _as_queryset(organisations):
    return Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")


def put_error(form, error) -> None:
    """Put a ReferralError on its field (or on the form when the field is not on it)."""
    field = getattr(error, "field", None)
    field = getattr(form, "service_fields", {}).get(field, field)
    form.add_error(field if field in form.fields else None, error.message)


class NewReferralForm(StaffFormMixin, forms.Form):
    fieldsets = [
        (_("Namens"), ["sender_organisation"]),
        (
            _("Naar wie"),
            ["receiver_kind", "receiver_role", "programme", "library", "partner", "offer"],
        ),
        (_("De vraag"), ["question", "urgency"]),
        (
            _("De persoon (niet verplicht)"),
            ["name", "contact_preference", "phone", "email", "best_moment", "consent"],
        ),
    ]

    sender_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Namens organisatie"), empty_label=None
    )
    receiver_kind = forms.ChoiceField(
        label=_("Soort ontvanger"), choices=ReceiverKind.choices, widget=forms.RadioSelect
    )
    receiver_role = forms.ChoiceField(
        label=_("Collega of programma in je eigen bibliotheek"),
        choices=[("", _("Kies een collega of rol"))] + list(ColleagueRole.choices),
        required=False,
        help_text=_("Bij 'Collega of programma in de eigen bibliotheek'."),
    )
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(),
        label=_("Programma"),
        required=False,
        empty_label=_("Geen programma"),
        help_text=_("Bij 'Collega of programma in de eigen bibliotheek' (niet verplicht)."),
    )
    library = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.LIBRARY),
        label=_("Andere bibliotheek"),
        required=False,
        empty_label=_("Kies een bibliotheek"),
    )
    partner = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PARTNER),
        label=_("Partnerorganisatie"),
        required=False,
        empty_label=_("Kies een partnerorganisatie"),
    )
    offer = forms.ModelChoiceField(
        queryset=Offer.objects.filter(status=OfferStatus.PUBLISHED)
        .select_related("organisation")
        .order_by("organisation__name", "title"),
        label=_("Aanbod"),
        required=False,
        empty_label=_("Kies een aanbod"),
        help_text=_("De organisatie van het aanbod krijgt de doorverwijzing."),
    )
    question = forms.CharField(
        label=_("Vraag in het kort"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": QUESTION_MAX_LENGTH}),
        help_text=_("Hoogstens %(max)s tekens. Alleen wat nodig is om te helpen.")
        % {"max": QUESTION_MAX_LENGTH},
    )
    urgency = forms.ChoiceField(
        label=_("Urgentie"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        initial=Urgency.NORMAL,
    )
    desk_contact = forms.UUIDField(required=False, widget=forms.HiddenInput)
    name = person_details.NameField(label=_("Naam"), required=False, max_length=100)
    contact_preference = forms.ChoiceField(
        label=_("Bereikbaar via"),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    phone = person_details.PhoneField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = person_details.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"type": "email", "autocomplete": "off"}),
    )
    best_moment = forms.CharField(
        label=_("Beste moment om te bellen of te mailen"), required=False, max_length=200
    )
    consent = forms.BooleanField(label=_("De persoon geeft toestemming"), required=False)

    # Service field names that are called differently here.
    service_fields = {"receiver_organisation": "receiver_kind", "receiver_kind": "receiver_kind"}

    # Which receiver kind each receiver field belongs to: with JavaScript only the chosen kind's
    # fields show (static/ontwikkelplein/disclosure.js); without it all of them do.
    disclose_when = {
        "receiver_role": ReceiverKind.COLLEAGUE,
        "programme": ReceiverKind.COLLEAGUE,
        "library": ReceiverKind.LIBRARY,
        "partner": ReceiverKind.PARTNER,
        "offer": ReceiverKind.OFFER,
    }
    # Fields with a search box above them (core/forms/_picker_filter.html).
    searchable = {"offer"}

    def __init__(self, *args, organisations, origin=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_organisation"].queryset = _as_queryset(organisations)
        if len(organisations) == 1:
            self.fields["sender_organisation"].widget = forms.HiddenInput()
            self.fields["sender_organisation"].initial = organisations[0].pk
        # Nearest to the user's desk location first, with the distance.
        self.fields["offer"].choices = offer_choices(
            self.fields["offer"].queryset, origin, _("Kies een aanbod")
        )
        for name, kind in self.disclose_when.items():
            self.fields[name].disclose_when = str(kind)
        for name in self.searchable:
            self.fields[name].searchable = True
        self.fields["consent"].help_text = consent_text()

    def clean(self):
        data = super().clean()
        kind = data.get("receiver_kind")
        sender = data.get("sender_organisation")
        receiver = None
        if kind == ReceiverKind.COLLEAGUE:
            receiver = sender
            if not data.get("receiver_role") and not data.get("programme"):
                self.add_error("receiver_role", _("Kies een collega of programma."))
        elif kind == ReceiverKind.LIBRARY:
            receiver = data.get("library")
            if receiver is None:
                self.add_error("library", _("Kies een bibliotheek."))
        elif kind == ReceiverKind.PARTNER:
            receiver = data.get("partner")
            if receiver is None:
                self.add_error("partner", _("Kies een partnerorganisatie."))
        elif kind == ReceiverKind.OFFER:
            offer = data.get("offer")
            if offer is None:
                self.add_error("offer", _("Kies een aanbod."))
            else:
                receiver = offer.organisation
        data["receiver_organisation"] = receiver
        # Point the service's "receiver_organisation" errors at the control that chose it.
        self.service_fields = {
            "receiver_organisation": {
                ReceiverKind.LIBRARY: "library",
                ReceiverKind.PARTNER: "partner",
                ReceiverKind.OFFER: "offer",
            }.get(kind, "receiver_kind"),
        }
        return data

    def has_person(self) -> bool:
        data = self.cleaned_data
        return any(
            (data.get(name) or "").strip() for name in ("name", "phone", "email", "best_moment")
        ) or bool(data.get("consent"))

    def person(self, user) -> PersonData | None:
        if not self.has_person():
            return None
        data = self.cleaned_data
        return PersonData(
            name=data.get("name", ""),
            contact_preference=data.get("contact_preference", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            best_moment=data.get("best_moment", ""),
            consent_text=consent_text() if data.get("consent") else "",
            consent_recorded_by=user,
        )


class StatusForm(StaffFormMixin, forms.Form):
    to_status = forms.ChoiceField(label=_("Nieuwe status"), choices=())

    def __init__(self, *args, referral, **kwargs):
        kwargs.setdefault("prefix", "status")
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(Status(referral.status), set())
        self.fields["to_status"].choices = [(s.value, s.label) for s in Status if s in allowed]


class CloseForm(StaffFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REASON_MAX_LENGTH}),
        help_text=_("Verplicht bij 'Past niet'. Geen persoonsgegevens."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "afronden")
        super().__init__(*args, **kwargs)


class AssignForm(StaffFormMixin, forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=None, label=_("Behandelaar"), required=False, empty_label=_("Niemand")
    )

    def __init__(self, *args, users, **kwargs):
        kwargs.setdefault("prefix", "toewijzen")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = users
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


class NoteForm(StaffFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Interne notitie"),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX_LENGTH}),
        help_text=_(
            "Alleen collega's van jouw organisatie zien dit. "
            "Het wordt gewist met de persoonsgegevens."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "notitie")
        super().__init__(*args, **kwargs)


class ConfirmForm(StaffFormMixin, forms.Form):
    confirm = forms.BooleanField(label=_("Ja, ik weet het zeker"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].error_messages["required"] = _("Vink aan dat je het zeker weet.")


class SettingsForm(StaffFormMixin, forms.Form):
    first_contact_working_days = forms.IntegerField(
        label=_("Eerste contact binnen (werkdagen)"),
        help_text=_("Zaterdag, zondag en feestdagen tellen niet mee. Van 1 tot en met %(max)s.")
        % {"max": MAX_WORKING_DAYS},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    inbox_email = forms.CharField(
        label=_("E-mailadres voor nieuwe doorverwijzingen"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"type": "email"}),
        help_text=_("Leeg: het e-mailadres van de organisatie."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_contact_working_days"].error_messages["invalid"] = _(
            "Vul een heel getal in."
        )


class InboxFilterForm(StaffFormMixin, forms.Form):
    """The inbox's filters (GET). Invalid values are ignored, never an error page."""

    org = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Organisatie"),
        required=False,
        empty_label=None,
    )
    role = forms.ChoiceField(
        label=_("Collega of programma"),
        choices=[("", _("Alle"))] + list(ColleagueRole.choices),
        required=False,
    )
    programme = forms.ModelChoiceField(
        queryset=Programme.objects.all(),
        label=_("Programma"),
        required=False,
        empty_label=_("Alle"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle"))] + list(Status.choices), required=False
    )
    mine = forms.BooleanField(label=_("Alleen aan mij toegewezen"), required=False)
    tab = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = _as_queryset(organisations)
        if len(organisations) <= 1:
            self.fields["org"].widget = forms.HiddenInput()
