"""Writes of the leeswijzer: a library copies the national table to make it its own, changes a
label, or goes back to the national table. The KB changes the national table (here or in the
admin). Who may: permissions.py."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ontwikkelplein.readingguide import permissions
from ontwikkelplein.readingguide.models import Label, LabelTable
from ontwikkelplein.readingguide.reference_data import LABELS, SOURCE

LABEL_FIELDS = ("code", "name", "age_from", "age_to", "avi_levels", "meaning", "place", "tips")


@transaction.atomic
def ensure_national_table() -> LabelTable:
    """The national table, made from reference_data when it does not exist yet."""
    table = LabelTable.objects.filter(national=True).first()
    if table is not None:
        return table
    table = LabelTable.objects.create(national=True, source=SOURCE)
    for position, row in enumerate(LABELS):
        Label.objects.create(
            table=table, position=position, **dict(zip(LABEL_FIELDS, row, strict=True))
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
