"""Writes of BoekStart: register what the desk handed out, or take back one's own registration
of today. Every rule is here, so the desk panel, the page and the tests see the same."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.boekstart.models import Kind, Registration, Via
from ontwikkelplein.boekstart.permissions import registering_organisation_ids

# A registration may be made afterwards (a busy morning, a week of leave), up to this long ago.
MAX_DAYS_BACK = 366
_PC4 = re.compile(r"^[1-9][0-9]{3}$")


def clean_postcode_area(value) -> str:
    """'3811' from '3811', ' 3811 ', '3811 AB' or '3811AB'; '' for empty. A ValidationError in
    Dutch for anything else: only the four digits 1000 to 9999 are kept, never the letters."""
    text = str(value or "").strip().upper().replace(" ", "")
    if not text:
        return ""
    if re.fullmatch(r"[0-9]{4}[A-Z]{2}", text):
        text = text[:4]
    if not _PC4.fullmatch(text):
        raise ValidationError(
            _(
                "Vul alleen de vier cijfers van de postcode in, van 1000 tot 9999 "
                "(bijvoorbeeld 3811)."
            )
        )
    return text


@transaction.atomic
def register(*, user, location, kind, day=None, postcode_area="", via=Via.UNKNOWN) -> Registration:
    today = timezone.localdate()
    day = day or today
    errors = {}
    if location is None or location.organisation_id not in registering_organisation_ids(user):
        raise PermissionDenied(_("Je mag op deze locatie geen BoekStart registreren."))
    if kind not in Kind.values:
        errors["kind"] = _("Kies wat je registreert: waardebon, koffertje of lidmaatschap.")
    if via not in Via.values:
        errors["via"] = _("Kies waar de ouders de waardebon kregen.")
    if not isinstance(day, datetime.date) or day > today:
        errors["day"] = _("De datum ligt in de toekomst. Kies vandaag of een dag ervoor.")
    elif (today - day).days > MAX_DAYS_BACK:
        errors["day"] = _("De datum ligt meer dan een jaar terug.")
    try:
        postcode_area = clean_postcode_area(postcode_area)
    except ValidationError as error:
        errors["postcode_area"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    return Registration.objects.create(
        organisation_id=location.organisation_id,
        location=location,
        kind=kind,
        via=via if kind == Kind.VOUCHER else Via.UNKNOWN,
        day=day,
        postcode_area=postcode_area,
        registered_by=user,
    )


def can_remove(registration: Registration, user) -> bool:
    """Only one's own registration, made in the last 24 hours (a mistake at the desk)."""
    return (
        registration.registered_by_id == user.pk
        and timezone.now() - registration.created_at < datetime.timedelta(hours=24)
    )


@transaction.atomic
def remove(registration: Registration, *, user) -> None:
    if not can_remove(registration, user):
        raise PermissionDenied(
            _("Je kunt alleen je eigen registraties van de afgelopen 24 uur weghalen.")
        )
    registration.delete()
