"""Staff forms of courses. They only check the shape of the input; the rules (a date in the past,
a capacity of 0, a double sign-up) live in courses.services, whose CourseError the views put on
the right field with `add_course_error`."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core import person as person_details
from ontwikkelplein.core.forms import StaffFormMixin, add_field_error, date_input, time_input
from ontwikkelplein.courses.models import RunHelper, RunKind
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location

# Shown beside the consent tick at the desk and stored with the person, word for word.
STAFF_CONSENT_TEXT = _(
    "De deelnemer geeft toestemming dat de bibliotheek naam en telefoonnummer of e-mailadres "
    "bewaart om contact te houden over deze cursus. De gegevens worden uiterlijk een jaar na de "
    "laatste bijeenkomst verwijderd."
)


# A CourseError goes on its field when the form has it, else at the top.
add_course_error = add_field_error


class RunForm(StaffFormMixin, forms.Form):
    offer = forms.ModelChoiceField(label=_("Aanbod"), queryset=Offer.objects.none())
    name = forms.CharField(
        label=_("Naam van de uitvoering"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld 'Voorjaar 2026' of 'Dinsdagochtend'."),
    )
    location = forms.ModelChoiceField(
        label=_("Locatie"),
        queryset=Location.objects.none(),
        help_text=_("Een vestiging of een plek buiten de bibliotheek, zoals een buurthuis."),
    )
    kind = forms.ChoiceField(
        label=_("Soort"), choices=RunKind.choices, widget=forms.RadioSelect, initial=RunKind.SERIES
    )
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"),
        required=False,
        help_text=_("Laat leeg als er geen grens is."),
    )
    intake_required = forms.BooleanField(label=_("Eerst een intakegesprek"), required=False)
    walk_in = forms.BooleanField(
        label=_("Vrije inloop: geen aanmelding, alleen bezoekers tellen"), required=False
    )
    sign_up_opens = forms.DateField(label=_("Aanmelden vanaf"), required=False, widget=date_input())
    sign_up_closes = forms.DateField(
        label=_("Aanmelden tot en met"),
        required=False,
        widget=date_input(),
        help_text=_("Leeg: bij een vaste reeks tot de dag voor de eerste bijeenkomst."),
    )
    notes = forms.CharField(
        label=_("Interne notities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, user, run=None, **kwargs):
        super().__init__(*args, **kwargs)
        editable = scoping.editable_organisations(user)
        if run is None:
            self.fields["offer"].queryset = (
                Offer.objects.filter(organisation__in=editable)
                .exclude(status=OfferStatus.ARCHIVED)
                .order_by("title")
            )
            self.fields["location"].queryset = Location.objects.filter(
                organisation__in=editable
            ).order_by("name")
        else:
            del self.fields["offer"]
            self.fields["location"].queryset = Location.objects.filter(
                organisation_id=run.organisation_id
            ).order_by("name")


class SessionForm(StaffFormMixin, forms.Form):
    prefix = "los"
    date = forms.DateField(label=_("Datum"), widget=date_input())
    start_time = forms.TimeField(label=_("Begintijd"), widget=time_input())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=time_input())
    room = forms.CharField(label=_("Ruimte"), required=False, max_length=100)
    outside_opening_hours = forms.BooleanField(
        label=_("Ook buiten openingstijden"),
        help_text=_(
            "Aanvinken als het ook kan als de locatie dicht is, bijvoorbeeld een avondles met "
            "vrijwilligers."
        ),
        required=False,
    )


class WeeklySessionsForm(StaffFormMixin, forms.Form):
    prefix = "reeks"
    first_date = forms.DateField(label=_("Eerste datum"), widget=date_input())
    interval_weeks = forms.TypedChoiceField(
        label=_("Hoe vaak"),
        coerce=int,
        choices=[(1, _("Elke week")), (2, _("Elke 2 weken")), (4, _("Elke 4 weken"))],
        initial=1,
    )
    count = forms.IntegerField(label=_("Aantal bijeenkomsten"), initial=4)
    start_time = forms.TimeField(label=_("Begintijd"), widget=time_input())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=time_input())
    room = forms.CharField(label=_("Ruimte"), required=False, max_length=100)
    outside_opening_hours = forms.BooleanField(
        label=_("Ook buiten openingstijden"),
        help_text=_(
            "Aanvinken als het ook kan als de locatie dicht is, bijvoorbeeld een avondles met "
            "vrijwilligers."
        ),
        required=False,
    )


class HelperForm(StaffFormMixin, forms.Form):
    name = person_details.NameField(label=_("Naam"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Rol"), choices=RunHelper.Role.choices, initial=RunHelper.Role.TEACHER
    )


HelperFormSet = forms.formset_factory(HelperForm, extra=2, max_num=20)


class EnrolForm(StaffFormMixin, forms.Form):
    """Enrolling someone at the desk: a phone number and e-mail are optional (many visitors have
    no e-mail address); consent is asked and ticked, with the text on the screen."""

    name = person_details.NameField(label=_("Naam"), max_length=100)
    phone = person_details.PhoneField(label=_("Telefoonnummer"), required=False, max_length=30)
    email = person_details.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Niet verplicht. Zonder e-mailadres kun je een bevestiging printen."),
    )
    # The language of every e-mail to the participant and of the printed confirmation.
    language = forms.ChoiceField(
        label=_("Taal van de e-mails en de bevestiging"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,  # not sent: Dutch
    )
    consent = forms.BooleanField(
        label=_("De deelnemer geeft toestemming (lees de tekst hierboven voor)"),
        error_messages={"required": _("Vraag eerst toestemming en zet dan het vinkje.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.attrs.update({"autocomplete": "off", "inputmode": "tel"})
        self.fields["email"].widget.attrs.update({"autocomplete": "off"})
        self.fields["name"].widget.attrs.update({"autocomplete": "off"})


class HeadCountForm(StaffFormMixin, forms.Form):
    count = forms.IntegerField(
        label=_("Aantal bezoekers"), widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
