"""Sign-ins, failures, lockouts and sign-outs into the security log. Django and django-axes send
the signals; nothing here changes what they do."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ontwikkelplein.accounts import services
from ontwikkelplein.accounts.models import SecurityEvent


def _known_user(username):
    """The account with this user name, or None. Only its id is logged, never what was typed
    (people type passwords into the user name field)."""
    if not isinstance(username, str) or not username:
        return None
    User = get_user_model()
    username = username.replace("\x00", "")[:150]
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


@receiver(user_logged_in, dispatch_uid="ontwikkelplein-security-sign-in")
def log_sign_in(sender, request, user, **kwargs):
    services.record_event(SecurityEvent.Kind.SIGN_IN, request=request, actor=user)


@receiver(user_logged_out, dispatch_uid="ontwikkelplein-security-sign-out")
def log_sign_out(sender, request, user, **kwargs):
    if user is not None:
        services.record_event(SecurityEvent.Kind.SIGN_OUT, request=request, actor=user)


@receiver(user_login_failed, dispatch_uid="ontwikkelplein-security-sign-in-failed")
def log_sign_in_failed(sender, credentials, request=None, **kwargs):
    if request is not None and getattr(request, "axes_locked_out", False):
        # The attempt that reached the limit, or one refused during a lockout: logged once, as
        # the lockout (below). axes' own receivers run first: importing axes.signals above
        # connects them before these.
        return
    user = _known_user((credentials or {}).get("username"))
    detail = {"known_account": user is not None}
    services.record_event(
        SecurityEvent.Kind.SIGN_IN_FAILED, request=request, actor=user, detail=detail
    )


@receiver(user_locked_out, dispatch_uid="ontwikkelplein-security-locked-out")
def log_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    user = _known_user(username)
    services.record_event(
        SecurityEvent.Kind.LOCKED_OUT,
        request=request,
        actor=user,
        detail={"known_account": user is not None},
    )
