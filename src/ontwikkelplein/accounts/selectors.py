"""Reads of the accounts app: the security log with its filters, and the users with the state of
their second factor (for KB-beheerders)."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontwikkelplein.accounts.models import SecurityEvent


def security_events(*, kind="", username="", since=None, until=None):
    events = SecurityEvent.objects.select_related("actor", "subject", "organisation")
    if kind:
        events = events.filter(kind=kind)
    if username:
        User = get_user_model()
        ids = list(User.objects.filter(username__iexact=username).values_list("pk", flat=True))
        events = events.filter(Q(actor_id__in=ids) | Q(subject_id__in=ids))
    tz = timezone.get_current_timezone()
    if since:
        events = events.filter(
            created_at__gte=datetime.datetime.combine(since, datetime.time.min, tzinfo=tz)
        )
    if until:
        events = events.filter(
            created_at__lt=datetime.datetime.combine(
                until + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            )
        )
    return events.order_by("-created_at", "-pk")


def users_with_factor_state(query: str = ""):
    """Every active account with `has_factor` and `codes_left`, by user name."""
    User = get_user_model()
    users = User.objects.filter(is_active=True)
    query = (query or "").replace("\x00", "").strip()[:150]
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    confirmed_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return users.annotate(
        has_factor=Exists(confirmed_app),
        codes_left=Count(
            "staticdevice__token_set",
            filter=Q(staticdevice__confirmed=True),
            distinct=True,
        ),
    ).order_by("username")


def codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()
