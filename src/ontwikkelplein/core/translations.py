"""Texts from the database in the resident languages: theme, target group, offer type and level
names (catalogue.TaxonomyTerm), the wegwijzer's questions and answers (wayfinder) and the
leeswijzer's label texts (readingguide.Label). See docs/public-site.md, "Talen", "Texts from the
database".

A translatable text field `name` is the Dutch text; each other language of settings.LANGUAGES has
a column of its own beside it, named `<field>_<code>`: `name_en`, `name_ar`, `name_tr`, `name_uk`,
`name_pl` (the naming django-modeltranslation uses; we keep the columns ourselves so that `name`
stays the Dutch text that search, exports and the API read). `translated(obj, "name")` gives the
text in the active language and falls back to the Dutch when that column is empty.

`translation_columns(max_length, verbose_name)` makes the columns, so a model declares them as
`name_ar, name_tr, ... = translation_columns(...)`; `TRANSLATED_LANGUAGES` must follow
settings.LANGUAGES (core/tests/test_translations_db.py checks it).
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = "nl"
# Every language of settings.LANGUAGES except Dutch, the text itself; in that order.
TRANSLATED_LANGUAGES = ("en", "ar", "tr", "uk", "pl")
# The languages added after English (English has had its columns from the start).
RESIDENT_ONLY_LANGUAGES = ("ar", "tr", "uk", "pl")

LANGUAGE_NAMES = {
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "uk": _("Oekraïens"),
    "pl": _("Pools"),
}


def active_language(language: str | None = None) -> str:
    """The base code of `language`, or of the active language: "en-gb" → "en"."""
    return (language or get_language() or DEFAULT_LANGUAGE).split("-")[0].lower()


def column(field: str, language: str) -> str:
    return f"{field}_{language}"


def translated(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>` in `language` (default: the active language); the Dutch text when that
    language has no column or its column is empty."""
    code = active_language(language)
    dutch = getattr(obj, field)
    if code == DEFAULT_LANGUAGE or code not in TRANSLATED_LANGUAGES:
        return dutch
    value = getattr(obj, column(field, code), "") or ""
    return value.strip() or dutch


def missing(obj, fields, languages=TRANSLATED_LANGUAGES) -> list[str]:
    """The `<field>_<code>` columns that are empty while the Dutch text is not."""
    return [
        column(field, code)
        for field in fields
        for code in languages
        if (getattr(obj, field) or "").strip()
        and not (getattr(obj, column(field, code), "") or "").strip()
    ]


def translation_columns(
    max_length: int | None, verbose_name: str, languages=RESIDENT_ONLY_LANGUAGES
):
    """One optional CharField per language, for a model to unpack into its columns; a TextField
    when `max_length` is None (for a text field such as an explanation)."""
    if max_length is None:
        return tuple(
            models.TextField(format_lazy("{} ({})", verbose_name, LANGUAGE_NAMES[code]), blank=True)
            for code in languages
        )
    return tuple(
        models.CharField(
            format_lazy("{} ({})", verbose_name, LANGUAGE_NAMES[code]),
            max_length=max_length,
            blank=True,
        )
        for code in languages
    )


def translation_form_fields(
    field: str, label, max_length: int | None, languages=RESIDENT_ONLY_LANGUAGES
):
    """Optional form fields `<field>_<code>` for a staff form that edits the translations: labelled
    "<label> (<language>)", typed in that language (`lang`, and `dir="auto"` so Arabic runs right
    to left). A text area when `max_length` is None."""
    from django import forms

    def widget(code):
        attrs = {"lang": code, "dir": "auto"}
        if max_length is None:
            return forms.Textarea(attrs={**attrs, "rows": 3})
        return forms.TextInput(attrs=attrs)

    return {
        column(field, code): forms.CharField(
            label=format_lazy("{} ({})", label, LANGUAGE_NAMES[code]),
            max_length=max_length,
            required=False,
            widget=widget(code),
        )
        for code in languages
    }


def add_form_fields(form_class, fields: dict, *, after: str) -> None:
    """Put `fields` into a form class's base_fields right after the field `after`."""
    ordered = {}
    for name, form_field in form_class.base_fields.items():
        ordered[name] = form_field
        if name == after:
            ordered.update(fields)
    form_class.base_fields = ordered


def untranslated_languages(obj, fields, languages=TRANSLATED_LANGUAGES) -> list:
    """The names of the languages in which one of `fields` still shows the Dutch text."""
    gaps = set(missing(obj, fields, languages))
    return [
        LANGUAGE_NAMES[code]
        for code in languages
        if any(column(field, code) in gaps for field in fields)
    ]


def resident_language(language: str | None = None) -> str:
    """A language of settings.LANGUAGES to store with a record a resident made (and to write them
    later in): the base code of `language` (default: the active language), else the default."""
    from django.conf import settings

    code = active_language(language)
    known = {code for code, _name in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE
