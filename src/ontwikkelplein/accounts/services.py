"""Writes of the accounts app, its public face: the security log (`record_event`, used by other
apps for API keys and exports of personal data), the second factor (enrol, confirm, recovery
codes, remove, reset by a KB-beheerder) and the log's retention."""

import datetime
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.core.net import client_ip, truncated_ip
from ontwikkelplein.organisations import scoping

logger = logging.getLogger(__name__)

Kind = SecurityEvent.Kind

TOTP_NAME = "app"
RECOVERY_NAME = "herstelcodes"
# Recovery codes: 10 characters from an alphabet without look-alikes, shown as two groups of 5.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 10


# --- The security log -------------------------------------------------------------------------


def record_event(
    kind: str,
    *,
    request=None,
    actor=None,
    subject=None,
    organisation=None,
    detail: dict | None = None,
) -> SecurityEvent | None:
    """Append one event. `actor` defaults to the request's signed-in user, `organisation` to
    the actor's first organisation; the address is the request's, truncated. `detail` must hold
    no personal data (ids, counts, names of things). Never raises: a failing log line must not
    turn a sign-in or an export into an error page, so a failure is logged instead."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if getattr(user, "is_authenticated", False):
            actor = user
    if organisation is None and actor is not None:
        organisation = scoping.primary_organisation(actor)
    try:
        with transaction.atomic():
            return SecurityEvent.objects.create(
                kind=kind,
                actor=actor if getattr(actor, "pk", None) else None,
                subject=subject,
                organisation=organisation,
                ip_network=truncated_ip(client_ip(request)) if request is not None else "",
                detail=detail or {},
            )
    except Exception:
        logger.exception("Could not write security event %s", kind)
        return None


def purge_security_log(*, now=None, days: int | None = None) -> int:
    """Delete events older than the retention period (SECURITY_LOG_RETENTION_DAYS)."""
    now = now or timezone.now()
    days = settings.SECURITY_LOG_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    deleted, _ = SecurityEvent.objects.filter(created_at__lt=cutoff)._purge()
    return deleted


# --- The second factor ------------------------------------------------------------------------


def start_enrolment(user) -> TOTPDevice:
    """The user's unconfirmed authenticator-app device (a new secret the first time; the same
    one while the user has not confirmed it, so reloading the page keeps the QR code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes by fresh ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = []
    for _ in range(settings.ONTWIKKELPLEIN_RECOVERY_CODES):
        code = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        codes.append(code)
        StaticToken.objects.create(device=device, token=code)
    return codes


@transaction.atomic
def confirm_enrolment(user, device: TOTPDevice, token: str, *, request=None) -> list[str] | None:
    """Confirm the app with a code it shows: on success the device counts, any older app of the
    user is removed, and new recovery codes are returned. None for a wrong code."""
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalise_token(token)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    codes = new_recovery_codes(user)
    record_event(Kind.FACTOR_ENROLLED, request=request, actor=user, subject=user)
    return codes


def normalise_token(token: str) -> str:
    """What the user typed, without spaces and dashes, in lower case (recovery codes are shown
    in groups and may be typed in capitals)."""
    return "".join(ch for ch in (token or "") if ch not in " -\t").lower()[:32]


def has_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_factor(user, *, by=None, request=None) -> int:
    """Delete every second-factor device of `user` (apps and recovery codes). By the user
    themself it is a removal; by someone else (a KB-beheerder) a reset. Returns the count."""
    deleted = TOTPDevice.objects.filter(user=user).delete()[0]
    deleted += StaticDevice.objects.filter(user=user).delete()[0]
    by = by or user
    kind = Kind.FACTOR_REMOVED if by.pk == user.pk else Kind.FACTOR_RESET
    record_event(kind, request=request, actor=by, subject=user, detail={"devices": deleted})
    return deleted


def must_use_second_factor(user) -> bool:
    """Does the installation require a second factor of this user? Every user with a role in
    ONTWIKKELPLEIN_2FA_ROLES, and everyone who may open the Django admin, when
    ONTWIKKELPLEIN_REQUIRE_2FA is on."""
    if not getattr(user, "is_authenticated", False):
        return False
    if not settings.ONTWIKKELPLEIN_REQUIRE_2FA:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return scoping.has_role(user, *settings.ONTWIKKELPLEIN_2FA_ROLES)
