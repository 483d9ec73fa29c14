"""Form rendering shared by every app (docs/architecture.md, "Forms"): the NL Design System
(Utrecht) markup of a field, set once in a form renderer; the conventions of back-office forms
(StaffFormMixin); the list behind the error summary at the top of a page; empty choices that
read in words.

- `{{ form.field.as_field_group }}` renders one field with core/forms/field.html: label (or a
  fieldset with a legend for a group of radio buttons or checkboxes), description, error and
  control, with the Utrecht classes and the ids the control's aria-describedby points at.
  `{{ form }}` renders every field that way (core/forms/form.html).
- The error summary (core/forms/_error_summary.html) takes the list errors_for_summary() makes:
  each error linked to the id of its control.
- A select or a group of radio buttons never shows Django's "---------" for its empty choice:
  the renderer reads "Maak een keuze" when a choice is required and "(geen)" when it is not.
  A form may still give a field its own empty label ("Kies een bibliotheek").
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

DJANGO_EMPTY_LABEL = BLANK_CHOICE_DASH[0][1]  # "---------"
EMPTY_CHOICE_REQUIRED = _("Maak een keuze")
EMPTY_CHOICE_OPTIONAL = _("(geen)")


class FormRenderer(DjangoTemplates):
    """Django's template renderer (app templates and Django's own widget templates) with the
    project's field and form templates. Set as settings.FORM_RENDERER."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if isinstance(widget, dict) and "optgroups" in widget:
            word_empty_choices(widget)
        return super().render(template_name, context, request=request)


def word_empty_choices(widget: dict) -> None:
    """Replaces Django's "---------" in a choice widget's context by words."""
    words = EMPTY_CHOICE_REQUIRED if widget.get("required") else EMPTY_CHOICE_OPTIONAL
    for _group, options, _index in widget["optgroups"]:
        for option in options:
            if option.get("label") == DJANGO_EMPTY_LABEL:
                option["label"] = words


# ---------------------------------------------------------------------------------------------
# Back-office form conventions

CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"

# Groups of checkboxes or radio buttons get a class on their wrapper only (Django puts the
# class on the wrapper and on each input); staff.css styles the inputs inside.
_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "op-choice-list"),
    (forms.RadioSelect, "op-choice-list"),
    (forms.CheckboxInput, CHECKBOX_CLASS),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


def date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class StaffFormMixin:
    """Back-office form conventions: Utrecht CSS classes on every control and Dutch messages.
    Validation is server-side only: no `required` attributes, so a browser never blocks the
    submit and everyone gets the same Dutch error summary."""

    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            for widget_class, css in _WIDGET_CLASSES:
                if isinstance(widget, widget_class):
                    widget.attrs.setdefault("class", css)
                    break
            if field.required:
                # On a group the legend says "verplicht"; aria-required is not allowed on a radio.
                if not isinstance(widget, forms.RadioSelect):
                    widget.attrs.setdefault("aria-required", "true")
                if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                    field.error_messages["required"] = _("Kies minstens één.")
                elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                    field.error_messages["required"] = _("Maak een keuze.")
                else:
                    field.error_messages["required"] = _("Vul dit in.")

    # (legend, [field names]) for forms shown in sections; see grouped_fields().
    fieldsets: list = []

    def grouped_fields(self) -> list[tuple]:
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.fieldsets
        ]

    def error_summary(self) -> list[dict]:
        """Every error once, with the id of the control it belongs to (for the summary's links)."""
        return errors_for_summary(self)


# ---------------------------------------------------------------------------------------------
# The error summary


def errors_for_summary(form, label_prefix: str = "", labels: dict | None = None) -> list[dict]:
    """The items of core/forms/_error_summary.html for one form: {anchor, label, message} per
    error, the anchor being the id of the control (the first of a group of choices) so the
    summary's link moves the focus there. `labels` replaces a field's label in the summary
    (for a checkbox whose label is a long consent text)."""
    items = []
    labels = labels or {}
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS:
            for message in errors:
                items.append({"anchor": "", "label": label_prefix.strip(), "message": message})
            continue
        bound = form[name]
        anchor = bound.auto_id or ""
        if bound.use_fieldset and anchor:
            anchor = f"{anchor}_0"  # the first checkbox or radio button of the group
        label = f"{label_prefix}{labels.get(name, bound.label)}"
        for message in errors:
            items.append({"anchor": anchor, "label": label, "message": message})
    return items


def formset_errors_for_summary(formset, row_label) -> list[dict]:
    """Errors of all rows of a formset; `row_label` is a format string such as 'Tijd %(n)s'."""
    items = [{"anchor": "", "label": "", "message": m} for m in formset.non_form_errors()]
    for index, form in enumerate(formset.forms, start=1):
        items.extend(errors_for_summary(form, label_prefix=f"{row_label % {'n': index}} – "))
    return items


# ---------------------------------------------------------------------------------------------
# Views' form handling


def posted(request):
    """The submitted data for a form, or None for a GET (an empty POST is still a submitted
    form)."""
    return request.POST if request.method == "POST" else None


def add_service_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError on the form: the errors about a field the form has on
    that field, the others at the top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class FieldError(ValidationError):
    """A service's refusal of bad input: a Dutch message and, when known, the form field it is
    about (courses, referrals and impact raise their own subclass)."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.field = field


def add_field_error(form, error: FieldError) -> None:
    """Puts a FieldError on its field when the form has that field, else at the top."""
    field = error.field if error.field in form.fields else None
    for message in error.messages:
        form.add_error(field, message)
