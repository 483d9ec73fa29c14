"""Forms of the learning pages. They only check input; the services do the work."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import (
    ComponentKind,
    KnowledgeEvent,
    Meeting,
    ParticipantRole,
    Trajectory,
)
from ontwikkelplein.learning.services import TRAJECTORY_FIELDS
from ontwikkelplein.organisations.models import Organisation

DATE_WIDGET = forms.DateInput(
    format="%Y-%m-%d",
    attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"},
)
TIME_WIDGET = forms.TimeInput(
    format="%H:%M", attrs={"type": "time", "class": "utrecht-textbox utrecht-textbox--html-input"}
)
TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}


def error_summary(*forms_) -> list[dict]:
    """The errors of the forms for the summary at the top, each linked to its field."""
    return [
        item
        for form in forms_
        if form is not None and form.is_bound
        for item in errors_for_summary(form)
    ]


class SignUpForm(forms.Form):
    library = forms.ModelChoiceField(
        label=_("Bibliotheek"), queryset=None, widget=forms.Select(attrs=SELECT)
    )
    poi = forms.ModelChoiceField(
        label=_("POI die de groep begeleidt"), queryset=None, widget=forms.Select(attrs=SELECT)
    )
    preferred_start = forms.DateField(
        label=_("Gewenste startdatum"), required=False, widget=DATE_WIDGET
    )
    expected_participants = forms.IntegerField(
        label=_("Verwacht aantal deelnemers"),
        required=False,
        min_value=1,
        max_value=500,
        widget=forms.NumberInput(attrs=TEXT),
    )
    notes = forms.CharField(
        label=_("Toelichting voor de POI"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )

    def __init__(self, *args, user, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.trajectory = trajectory
        libraries = selectors.can_sign_up(user)
        self.fields["library"].queryset = libraries
        first = libraries.first()
        pois = selectors.candidate_pois(first) if first else Organisation.objects.none()
        self.fields["poi"].queryset = pois
        # The usual case is one library and one POI for its province: choose them already.
        if len(libraries) == 1:
            self.initial.setdefault("library", first.pk)
        if len(pois) == 1:
            self.initial.setdefault("poi", pois[0].pk)

    def clean(self):
        data = super().clean()
        expected = data.get("expected_participants")
        if expected and expected > self.trajectory.group_max:
            self.add_error(
                "expected_participants",
                _("Een groep heeft hoogstens %(max)s deelnemers.")
                % {"max": self.trajectory.group_max},
            )
        return data


class AcceptForm(forms.Form):
    first_date = forms.DateField(label=_("Datum van de eerste bijeenkomst"), widget=DATE_WIDGET)
    first_time = forms.TimeField(
        label=_("Begintijd"), initial=datetime.time(19, 0), widget=TIME_WIDGET
    )

    def first_meeting(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.cleaned_data["first_date"],
            self.cleaned_data["first_time"],
            tzinfo=timezone.get_current_timezone(),
        )


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, widget=forms.TextInput(attrs=TEXT))
    role = forms.ChoiceField(
        label=_("Rol"), choices=ParticipantRole.choices, widget=forms.Select(attrs=SELECT)
    )
    joined_on = forms.DateField(
        label=_("Doet mee vanaf"),
        widget=DATE_WIDGET,
        help_text=_("Bijeenkomsten voor deze datum tellen niet mee."),
    )
    email = forms.EmailField(
        label=_("E-mailadres"), required=False, widget=forms.EmailInput(attrs=TEXT)
    )
    account = forms.ModelChoiceField(
        label=_("Account van de collega"),
        required=False,
        queryset=None,
        widget=forms.Select(attrs=SELECT),
        help_text=_("Met een account ziet de collega de eigen voortgang. Vrijwilligers vaak niet."),
        empty_label=_("Geen account"),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation=group.library)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["account"].label_from_instance = account_label
        self.initial.setdefault("joined_on", timezone.localdate())


def account_label(user) -> str:
    name = user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


class MeetingForm(forms.ModelForm):
    date = forms.DateField(label=_("Datum"), widget=DATE_WIDGET)
    time = forms.TimeField(label=_("Begintijd"), widget=TIME_WIDGET)

    class Meta:
        model = Meeting
        fields = ["title", "planned_minutes", "place", "teachers"]
        widgets = {
            "title": forms.TextInput(attrs=TEXT),
            "planned_minutes": forms.NumberInput(attrs=TEXT),
            "place": forms.TextInput(attrs=TEXT),
            "teachers": forms.TextInput(attrs=TEXT),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.update(date=local.date(), time=local.time().replace(second=0))
        self.order_fields(["title", "date", "time", "planned_minutes", "place", "teachers"])

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["starts_at"] = datetime.datetime.combine(
            self.cleaned_data["date"],
            self.cleaned_data["time"],
            tzinfo=timezone.get_current_timezone(),
        )
        return data


class CompletionForm(forms.Form):
    component = forms.ModelChoiceField(
        label=_("Onderdeel"), queryset=None, widget=forms.Select(attrs=SELECT)
    )
    completed_on = forms.DateField(label=_("Afgerond op"), widget=DATE_WIDGET)

    def __init__(self, *args, components, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = components
        self.initial.setdefault("completed_on", timezone.localdate())

    def clean_completed_on(self):
        value = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("De datum mag niet in de toekomst liggen."))
        return value


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: naam (of e-mailadres), module en datum. "
            "Scheidingsteken komma of puntkomma. Datum als 2026-03-15 of 15-03-2026."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv", "class": "op-file"}),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Leervraag"), max_length=2000, widget=forms.Textarea(attrs=TEXTAREA)
    )


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label=_("Terugblik"), max_length=4000, widget=forms.Textarea(attrs=TEXTAREA)
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Code van het certificaat"),
        max_length=30,
        help_text=_("De code staat onderaan het certificaat, bijvoorbeeld ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("Naam op het certificaat (niet verplicht)"),
        required=False,
        max_length=200,
        help_text=_("Vul de naam in als je ook wilt weten of de naam klopt."),
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off"}),
    )


class EventForm(forms.ModelForm):
    date = forms.DateField(label=_("Datum"), widget=DATE_WIDGET)
    time = forms.TimeField(label=_("Begintijd"), widget=TIME_WIDGET)

    class Meta:
        model = KnowledgeEvent
        fields = [
            "title",
            "kind",
            "organiser",
            "theme_group",
            "description",
            "planned_minutes",
            "place",
            "capacity",
        ]
        widgets = {
            "title": forms.TextInput(attrs=TEXT),
            "kind": forms.Select(attrs=SELECT),
            "organiser": forms.Select(attrs=SELECT),
            "theme_group": forms.Select(attrs=SELECT),
            "description": forms.Textarea(attrs=TEXTAREA),
            "planned_minutes": forms.NumberInput(attrs=TEXT),
            "place": forms.TextInput(attrs=TEXT),
            "capacity": forms.NumberInput(attrs=TEXT),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisers = selectors.organiser_organisations(user)
        self.fields["organiser"].queryset = organisers
        self.fields["theme_group"].queryset = self.fields["theme_group"].queryset.filter(
            organiser__in=organisers
        )
        if len(organisers) == 1:
            self.initial.setdefault("organiser", organisers[0].pk)
        self.order_fields(["title", "kind", "organiser", "theme_group", "date", "time"])

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["starts_at"] = datetime.datetime.combine(
                data["date"], data["time"], tzinfo=timezone.get_current_timezone()
            )
            if data["starts_at"] < timezone.now():
                self.add_error("date", _("Kies een datum in de toekomst."))
        return data

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data.pop("organiser")
        data["starts_at"] = self.cleaned_data["starts_at"]
        return data


# --- Trajectory definitions (KB and POI) ------------------------------------------------------


class TrajectoryForm(forms.ModelForm):
    class Meta:
        model = Trajectory
        fields = list(TRAJECTORY_FIELDS)
        widgets = {
            "name": forms.TextInput(attrs=TEXT),
            "description": forms.Textarea(attrs=TEXTAREA),
            "audience": forms.TextInput(attrs=TEXT),
            "owner": forms.Select(attrs=SELECT),
            "issuer": forms.Select(attrs=SELECT),
            "attendance_percentage": forms.NumberInput(attrs={**TEXT, "min": 0, "max": 100}),
            "group_min": forms.NumberInput(attrs={**TEXT, "min": 1}),
            "group_max": forms.NumberInput(attrs={**TEXT, "min": 1}),
            "duration_weeks": forms.NumberInput(attrs={**TEXT, "min": 1}),
            "price_per_group": forms.NumberInput(attrs={**TEXT, "min": 0, "step": "0.01"}),
            "validity_months": forms.NumberInput(attrs={**TEXT, "min": 1}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        owners = selectors.organiser_organisations(user)
        self.fields["owner"].queryset = owners
        self.fields["issuer"].queryset = Organisation.objects.filter(
            kind__in=selectors.ORGANISER_KINDS
        )
        if owners.count() == 1 and self.instance._state.adding:
            # Usually the owner also issues the certificate.
            # (model_to_dict already put None under both names, so setdefault would not do.)
            for name in ("owner", "issuer"):
                if not self.initial.get(name):
                    self.initial[name] = owners.first().pk

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("group_min"), cleaned.get("group_max")
        if low and high and low > high:
            self.add_error("group_max", _("De maximale groep is kleiner dan de minimale."))
        return cleaned

    def validate_unique(self):
        # The service checks the whole definition (name included) inside its transaction.
        pass


class ComponentRowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Soort"), widget=forms.Select(attrs=SELECT))
    title = forms.CharField(
        label=_("Titel"), max_length=200, required=False, widget=forms.TextInput(attrs=TEXT)
    )
    planned_minutes = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=1,
        max_value=2400,
        initial=60,
        widget=forms.NumberInput(attrs={**TEXT, "min": 1}),
    )
    required = forms.BooleanField(label=_("Verplicht"), required=False, initial=True)
    delete = forms.BooleanField(label=_("Verwijderen"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ComponentKind.choices

    @property
    def is_blank(self) -> bool:
        """A new row left empty: ignored, not an error."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not data.get("id") and not (data.get("title") or "").strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("id") and not cleaned.get("delete") and not cleaned.get("title", "").strip():
            self.add_error("title", _("Geef het onderdeel een titel."))
        return cleaned


ComponentFormSet = forms.formset_factory(ComponentRowForm, extra=3)
