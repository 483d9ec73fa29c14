"""Form rendering (core/forms.py): Utrecht field markup set once in the renderer, empty choices in
words, the error summary's links."""

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from ontwikkelplein.core.forms import (
    FormRenderer,
    StaffFormMixin,
    errors_for_summary,
    formset_errors_for_summary,
)


class Colour(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals op je pas.")
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "Appel"), ("b", "Peer")], widget=forms.RadioSelect
    )
    colour = forms.ChoiceField(label="Kleur", choices=[("", "---------"), ("r", "Rood")])
    shade = forms.ChoiceField(
        label="Tint", choices=[("", "---------"), ("d", "Donker")], required=False
    )
    agree = forms.BooleanField(label="Ik ga akkoord")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


class StaffColour(StaffFormMixin, Colour):
    pass


def test_the_project_uses_the_core_renderer(settings):
    assert settings.FORM_RENDERER == "ontwikkelplein.core.forms.FormRenderer"
    assert isinstance(Colour().renderer, FormRenderer)


def test_a_text_field_has_label_description_error_and_control_with_utrecht_classes():
    form = StaffColour({"name": ""})
    form.is_valid()
    html = form["name"].as_field_group()
    assert '<div class="utrecht-form-field op-field utrecht-form-field--invalid' in html
    assert '<label class="utrecht-form-label" for="id_name">Naam' in html
    assert '<p class="utrecht-form-field-description op-field__help" id="id_name_helptext">' in html
    assert '<p class="utrecht-form-field-error-message op-field-error" id="id_name_error">' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in html
    assert "(verplicht)" in html
    # Label, description and error come before the control.
    assert html.index("id_name_error") < html.index("<input")


def test_a_group_of_choices_is_a_fieldset_with_a_legend():
    form = Colour({})
    form.is_valid()
    html = form["kind"].as_field_group()
    assert html.strip().startswith("<fieldset")
    assert 'class="utrecht-form-fieldset__legend' in html
    assert 'aria-describedby="id_kind_error"' in html


def test_a_checkbox_has_its_label_after_it_and_a_hidden_field_is_just_the_input():
    form = Colour()
    html = form["agree"].as_field_group()
    assert html.index('type="checkbox"') < html.index('<label class="utrecht-form-label')
    assert form["secret"].as_field_group().strip().startswith('<input type="hidden"')


def test_the_whole_form_renders_every_field_group():
    form = Colour()
    html = str(form)
    for name in ("name", "kind", "colour", "shade", "agree", "secret"):
        assert f'name="{name}"' in html
    assert html.count('class="utrecht-form-field op-field') == 4  # name, colour, shade, agree


def test_empty_choices_read_in_words_not_dashes():
    html = str(Colour())
    assert "---------" not in html
    assert '<option value="" selected>Maak een keuze</option>' in html
    assert '<option value="" selected>(geen)</option>' in html


def test_empty_choices_of_model_fields_and_radios_read_in_words_in_english_too():
    class Pick(forms.Form):
        choice = forms.TypedChoiceField(
            choices=[("", "---------"), ("1", "Een")], widget=forms.RadioSelect, required=False
        )

    with translation.override("en"):
        html = str(Pick())
    assert "---------" not in html
    assert "(none)" in html


def test_an_own_empty_label_is_kept():
    class Pick(forms.Form):
        choice = forms.ChoiceField(choices=[("", "Kies een bibliotheek"), ("1", "Een")])

    assert "Kies een bibliotheek" in str(Pick())


def test_the_error_summary_links_each_error_to_its_control():
    form = StaffColour({"colour": "r"})
    form.is_valid()
    items = errors_for_summary(form, labels={"agree": "Akkoord"})
    anchors = {item["anchor"]: item for item in items}
    assert set(anchors) == {"id_name", "id_kind_0", "id_agree"}
    assert anchors["id_agree"]["label"] == "Akkoord"
    assert anchors["id_name"] == {"anchor": "id_name", "label": "Naam", "message": "Vul dit in."}


def test_the_error_summary_of_a_formset_names_the_row():
    Rows = forms.formset_factory(Colour, extra=0)
    formset = Rows({"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-colour": "r"})
    formset.is_valid()
    items = formset_errors_for_summary(formset, "Rij %(n)s")
    assert {item["anchor"] for item in items} == {
        "id_form-0-name",
        "id_form-0-kind_0",
        "id_form-0-agree",
    }
    assert all(item["label"].startswith("Rij 1 – ") for item in items)


@pytest.mark.parametrize("count, text", [(1, "Er is 1 ding niet goed."), (2, "Er zijn 2 dingen")])
def test_the_error_summary_is_focusable_and_counts(count, text):
    items = [{"anchor": f"id_{i}", "label": "Naam", "message": "Vul dit in."} for i in range(count)]
    html = Template('{% include "core/forms/_error_summary.html" %}').render(
        Context({"error_summary": items})
    )
    assert 'id="foutmeldingen" tabindex="-1"' in html
    assert 'href="#id_0"' in html
    assert text in html
