"""The second factor: set it up (an authenticator app by QR code, then recovery codes), pass it
after signing in, and manage one's own (docs/security.md). Plain forms, no JavaScript."""

import base64
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ontwikkelplein.accounts import services
from ontwikkelplein.accounts.forms import ConfirmForm, EnrolForm, TokenForm
from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.core.documents import qr_svg
from ontwikkelplein.core.forms import errors_for_summary

Kind = SecurityEvent.Kind
# Recovery codes wait in the session until the user says they are kept (shown only then).
CODES_KEY = "ontwikkelplein_recovery_codes"


def safe_next(request, default: str = "") -> str:
    """The `next` address of the request when it is on this site, else `default` (the login
    redirect)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': safe_next(request)})}"


def _is_verified(user) -> bool:
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def _grouped(code: str, size: int = 4) -> str:
    return " ".join(code[i : i + size] for i in range(0, len(code), size))


@never_cache
@login_required
def enrol(request):
    user = request.user
    if services.has_factor(user):
        if _is_verified(user):
            return redirect("accounts:security")
        return redirect(_with_next("accounts:second-factor-verify", request))
    device = services.start_enrolment(user)
    form = EnrolForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            codes = services.confirm_enrolment(
                user, device, form.cleaned_data["token"], request=request
            )
            if codes is not None:
                django_otp.login(request, device)
                request.session[CODES_KEY] = codes
                messages.success(request, _("Tweestapsverificatie staat aan."))
                return redirect(_with_next("accounts:recovery-codes", request))
            form.add_error(
                "token",
                _(
                    "Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en typ "
                    "de code die de app nu toont."
                ),
            )
        status = 400
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/second_factor/enrol.html",
        {
            "form": form,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
            "qr": qr_svg(
                device.config_url,
                label=_("QR-code om Ontwikkelplein aan je authenticator-app toe te voegen"),
                css_class="op-qr op-qr--enrol",
            ),
            "secret": _grouped(secret),
            "account": user.get_username(),
            "issuer": settings.OTP_TOTP_ISSUER,
            "next": safe_next(request),
        },
        status=status,
    )


def verify_token(request, token: str):
    """The user's device that accepts `token`: an authenticator-app code (digits) or a recovery
    code (used up when it matches). Logs the outcome. None for a wrong code."""
    user = request.user
    token = services.normalise_token(token)
    if token.isdigit():
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        if device.verify_token(token):
            if isinstance(device, StaticDevice):
                services.record_event(
                    Kind.RECOVERY_CODE_USED,
                    request=request,
                    detail={"codes_left": device.token_set.count()},
                )
            else:
                services.record_event(Kind.FACTOR_VERIFIED, request=request)
            return device
    services.record_event(Kind.FACTOR_FAILED, request=request)
    return None


@never_cache
@login_required
def verify(request):
    user = request.user
    if not services.has_factor(user):
        return redirect(_with_next("accounts:second-factor-enrol", request))
    if _is_verified(user):
        return redirect(safe_next(request))
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = verify_token(request, form.cleaned_data["token"])
        if device is not None:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _(
                        "Je hebt een herstelcode gebruikt; je hebt er nog %(count)s. "
                        "Maak nieuwe herstelcodes op de pagina Beveiliging als je er weinig "
                        "over hebt."
                    )
                    % {"count": left},
                )
            return redirect(safe_next(request))
        form.add_error(
            "token",
            _(
                "Deze code klopt niet of is al gebruikt. Na een paar foute codes moet je even "
                "wachten voor je het opnieuw kunt proberen."
            ),
        )
    return render(
        request,
        "accounts/second_factor/verify.html",
        {
            "form": form,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
            "next": safe_next(request),
        },
        status=400 if form.is_bound else 200,
    )


@never_cache
@login_required
def recovery_codes(request):
    """The new recovery codes, shown until the user says they are kept."""
    codes = request.session.get(CODES_KEY) or []
    return render(
        request,
        "accounts/second_factor/recovery_codes.html",
        {
            "codes": [_grouped(code, 5) for code in codes],
            "next": safe_next(request, reverse("accounts:security")),
            "form": ConfirmForm(),
        },
    )


@never_cache
@login_required
def recovery_codes_download(request):
    codes = request.session.get(CODES_KEY) or []
    if not codes:
        return redirect("accounts:recovery-codes")
    lines = [
        _("Herstelcodes voor Ontwikkelplein (%(account)s)")
        % {"account": request.user.get_username()},
        _("Elke code werkt één keer. Bewaar ze op een veilige plek."),
        "",
        *[_grouped(code, 5) for code in codes],
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ontwikkelplein-herstelcodes.txt"'
    return response


@login_required
@require_POST
def recovery_codes_done(request):
    request.session.pop(CODES_KEY, None)
    return redirect(safe_next(request, reverse("accounts:security")))


@login_required
@require_POST
def recovery_codes_renew(request):
    if not services.has_factor(request.user):
        return redirect("accounts:second-factor-enrol")
    request.session[CODES_KEY] = services.new_recovery_codes(request.user)
    services.record_event(Kind.RECOVERY_CODES_RENEWED, request=request)
    messages.success(request, _("Je hebt nieuwe herstelcodes. De oude werken niet meer."))
    return redirect("accounts:recovery-codes")


@never_cache
@login_required
def remove(request):
    """Remove one's own factor (to set up a new phone, for example). Who must use a second
    factor is sent to set up a new one right away."""
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.remove_factor(request.user, request=request)
        request.session.pop(CODES_KEY, None)
        messages.success(request, _("Tweestapsverificatie is verwijderd."))
        if services.must_use_second_factor(request.user):
            return redirect("accounts:second-factor-enrol")
        return redirect("accounts:security")
    return render(
        request,
        "accounts/second_factor/remove.html",
        {"form": form, "required": services.must_use_second_factor(request.user)},
    )


@never_cache
@login_required
def security(request):
    """The user's own sign-in security: password, second factor, recovery codes."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return render(
        request,
        "accounts/security.html",
        {
            "device": device,
            "codes_left": services.recovery_codes_left(user),
            "required": services.must_use_second_factor(user),
            "form": ConfirmForm(),
        },
    )
