"""Writes for "Herkennen en doorverwijzen": the KB saves the national guidance. Nothing about a
visitor is ever written here."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ontwikkelplein.desk.recognition_selectors import may_edit


@transaction.atomic
def save_content(user, form):
    """Saves a valid content form (recognition_forms) for a KB-beheerder; refuses anyone else."""
    if not may_edit(user):
        raise PermissionDenied(_("Alleen de KB beheert deze inhoud."))
    return form.save()
