"""Making, checking and revoking API keys. The plain key is returned once, when it is made;
only its prefix (to find it and to tell keys apart) and a SHA-256 hash are stored.

A key looks like `op_1a2b3c4d_<43 random characters>`: 32 random bytes after the prefix, so a
fast hash is enough (nobody can guess their way through 2^256 candidates; a slow password hash
would only make every API request slower)."""

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.services import record_event
from ontwikkelplein.apikeys.models import ApiKey, Scope
from ontwikkelplein.organisations.models import Location, Organisation

KEY_START = "op_"
PREFIX_LENGTH = len(KEY_START) + 8  # "op_" and 8 hex characters: stored, shown, not secret
SECRET_BYTES = 32
# Writing last_used_at on every request would turn every API read of a key into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=5)


class InvalidApiKey(Exception):
    """The key is missing, unknown or revoked; the message says which, in Dutch."""


def hash_key(plain_key: str) -> str:
    return hashlib.sha256(plain_key.encode()).hexdigest()


def _new_key() -> tuple[str, str]:
    """A fresh (prefix, plain key) whose prefix is not in use yet."""
    while True:
        prefix = KEY_START + secrets.token_hex(4)
        if not ApiKey.objects.filter(prefix=prefix).exists():
            return prefix, f"{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"


def create_api_key(
    *,
    organisation: Organisation,
    scopes: Iterable[str],
    name: str = "",
    location: Location | None = None,
    created_by=None,
) -> tuple[ApiKey, str]:
    """Store a new key and return (api_key, plain_key). The plain key cannot be shown again."""
    scopes = list(dict.fromkeys(scopes))
    unknown = [scope for scope in scopes if scope not in Scope.values]
    if unknown:
        raise ValidationError(
            _("Onbekend recht: %(scopes)s. Kies uit: %(choices)s.")
            % {"scopes": ", ".join(unknown), "choices": ", ".join(Scope.values)},
            code="unknown_scope",
        )
    if not scopes:
        raise ValidationError(_("Geef de sleutel minstens één recht."), code="no_scope")
    if location is not None and location.organisation_id != organisation.pk:
        raise ValidationError(
            _("Locatie %(location)s hoort niet bij %(organisation)s.")
            % {"location": location, "organisation": organisation},
            code="foreign_location",
        )
    with transaction.atomic():
        prefix, plain_key = _new_key()
        api_key = ApiKey.objects.create(
            organisation=organisation,
            location=location,
            name=(name or _("API-sleutel %(date)s") % {"date": timezone.localdate()})[:100],
            prefix=prefix,
            key_hash=hash_key(plain_key),
            scopes=scopes,
            created_by=created_by,
        )
        record_event(
            SecurityEvent.Kind.API_KEY_CREATED,
            actor=created_by,
            organisation=organisation,
            detail={"api_key": str(api_key.pk), "prefix": prefix, "scopes": scopes},
        )
    return api_key, plain_key


def revoke_api_key(api_key: ApiKey, *, revoked_by=None, request=None) -> ApiKey:
    """Revoke for good; a revoked key is refused from the next request on. Idempotent."""
    if api_key.revoked_at is None:
        with transaction.atomic():
            api_key.revoked_at = timezone.now()
            api_key.save(update_fields=["revoked_at"])
            record_event(
                SecurityEvent.Kind.API_KEY_REVOKED,
                request=request,
                actor=revoked_by,
                organisation=api_key.organisation,
                detail={"api_key": str(api_key.pk), "prefix": api_key.prefix},
            )
    return api_key


def authenticate(plain_key: str | None) -> ApiKey:
    """The active key matching `plain_key`, or InvalidApiKey with a Dutch reason."""
    plain_key = (plain_key or "").strip()
    if not plain_key:
        raise InvalidApiKey(_("Geen API-sleutel meegestuurd."))
    api_key = None
    if plain_key.startswith(KEY_START) and len(plain_key) > PREFIX_LENGTH:
        api_key = (
            ApiKey.objects.select_related("organisation", "location")
            .filter(prefix=plain_key[:PREFIX_LENGTH])
            .first()
        )
    # Compare hashes in constant time; compare against a dummy when the prefix is unknown so
    # both paths cost about the same.
    stored = api_key.key_hash if api_key else hash_key("")
    if not hmac.compare_digest(stored, hash_key(plain_key)) or api_key is None:
        raise InvalidApiKey(
            _("Deze API-sleutel is onbekend. Controleer of je hem goed hebt overgenomen.")
        )
    if api_key.revoked_at is not None:
        raise InvalidApiKey(_("Deze API-sleutel is ingetrokken. Vraag een nieuwe sleutel aan."))
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


def has_scope(api_key: ApiKey, scope: str) -> bool:
    return api_key.is_active and scope in (api_key.scopes or [])
