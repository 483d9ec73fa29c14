"""Writes of the leeswijzer: a library copies the national table to make it its own, changes a
label, or goes back to the national table. The KB changes the national table (here or in the
admin). Who may: permissions.py."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ontwikkelplein.core.translations import TRANSLATED_LANGUAGES, column
from ontwikkelplein.readingguide import permissions
from ontwikkelplein.readingguide.models import Label, LabelTable
from ontwikkelplein.readingguide.reference_data import LABELS, SOURCE, TRANSLATIONS

DUTCH_FIELDS = ("code", "name", "age_from", "age_to", "avi_levels", "meaning", "place", "tips")
# The texts in the other resident languages: name_en … tips_pl.
TRANSLATION_FIELDS = tuple(
    column(field, code) for field in Label.TRANSLATED_FIELDS for code in TRANSLATED_LANGUAGES
)
LABEL_FIELDS = DUTCH_FIELDS + TRANSLATION_FIELDS


def reference_translations(code: str) -> dict:
    """The columns of the national label `code` in the other languages, from reference_data:
    {"name_en": …, "meaning_ar": …}."""
    return {
        column(field, language): text
        for language, texts in TRANSLATIONS.get(code, {}).items()
        for field, text in texts.items()
    }


@transaction.atomic
def ensure_national_table() -> LabelTable:
    """The national table, made from reference_data when it does not exist yet."""
    table = LabelTable.objects.filter(national=True).first()
    if table is not None:
        return table
    table = LabelTable.objects.create(national=True, source=SOURCE)
    for position, row in enumerate(LABELS):
        values = dict(zip(DUTCH_FIELDS, row, strict=True))
        Label.objects.create(
            table=table,
            position=position,
            **values,
            **reference_translations(values["code"]),
        )
    return table


@transaction.atomic
def copy_national_table(organisation, *, user) -> LabelTable:
    """The library's own table: a copy of the national one it may change. Idempotent."""
    if not permissions.may_edit_library_table(user, organisation):
        raise PermissionDenied(_("Je mag de leeswijzer van deze bibliotheek niet aanpassen."))
    existing = LabelTable.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    national = ensure_national_table()
    table = LabelTable.objects.create(
        organisation=organisation,
        source=_("Overgenomen van de landelijke tabel en aangepast door %(name)s.")
        % {"name": organisation.name},
    )
    # Every text, the translations too.
    for label in national.labels.all():
        Label.objects.create(
            table=table,
            position=label.position,
            **{name: getattr(label, name) for name in LABEL_FIELDS},
        )
    return table


@transaction.atomic
def use_national_table(organisation, *, user) -> None:
    """Remove the library's own table: from now on it uses the national one."""
    if not permissions.may_edit_library_table(user, organisation):
        raise PermissionDenied(_("Je mag de leeswijzer van deze bibliotheek niet aanpassen."))
    LabelTable.objects.filter(organisation=organisation).delete()


@transaction.atomic
def save_label(label: Label, data: dict, *, user) -> Label:
    """Change (or add, when `label` has no pk yet) a label of a table the user may edit."""
    if not permissions.may_edit_table(user, label.table):
        raise PermissionDenied(_("Je mag deze tabel niet aanpassen."))
    for name in LABEL_FIELDS:
        if name in data:
            setattr(label, name, data[name])
    label.full_clean()
    label.save()
    return label


@transaction.atomic
def delete_label(label: Label, *, user) -> None:
    if not permissions.may_edit_table(user, label.table):
        raise PermissionDenied(_("Je mag deze tabel niet aanpassen."))
    label.delete()
