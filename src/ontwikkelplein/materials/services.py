"""Writes of the learning materials: all here, atomic, with the access check first."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.materials import selectors
from ontwikkelplein.materials.models import Material
from ontwikkelplein.organisations import scoping


@transaction.atomic
def save_material(user, form) -> Material:
    """Save a MaterialForm: a new material on the national list (KB, POI) or of a library the
    user edits for, or a change to one the user may change."""
    material = form.instance
    if material._state.adding:
        organisation_id = form.owner_organisation_id()
        if organisation_id is None:
            if not selectors.national_keeper(user):
                raise FieldError(
                    _("Alleen de KB en de POI's vullen de landelijke lijst aan."), "owner"
                )
        elif not selectors.own_organisations_to_add(user).filter(pk=organisation_id).exists():
            raise FieldError(_("Voor deze organisatie mag je niets toevoegen."), "owner")
        material.organisation_id = organisation_id
    elif not selectors.may_edit(user, material):
        raise PermissionDenied(_("Je mag dit leermiddel alleen bekijken, niet wijzigen."))
    material = form.save()
    return material


def _keep_hidden(current, chosen, allowed) -> set:
    """The chosen materials, plus the current ones the user cannot see or choose (another
    library's, or no longer in use): a user only changes what they may choose."""
    allowed_ids = {m.pk for m in allowed}
    return {m.pk for m in chosen} | {pk for pk in current if pk not in allowed_ids}


@transaction.atomic
def link_offer(user, offer, chosen) -> None:
    scoping.require_edit(user, offer)
    current = set(offer.materials.values_list("pk", flat=True))
    offer.materials.set(_keep_hidden(current, chosen, selectors.choices_for(user)))


@transaction.atomic
def link_run(user, run, chosen) -> None:
    scoping.require_edit(user, run)
    current = set(run.materials.values_list("pk", flat=True))
    run.materials.set(_keep_hidden(current, chosen, selectors.choices_for(user)))
