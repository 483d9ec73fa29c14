"""Pages for KB-beheerders: the security log, and the colleagues' second factors with a reset.
Every other role gets 403 (scoping.require_role)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ontwikkelplein.accounts import selectors, services
from ontwikkelplein.accounts.forms import ConfirmForm, EventFilterForm
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.views.access import staff_required

PER_PAGE = 50


@never_cache
@staff_required
def security_log(request):
    scoping.require_role(request.user, Role.KB_ADMIN)
    form = EventFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "kind": data["soort"],
            "username": data["gebruiker"].strip(),
            "since": data["van"],
            "until": data["tot"],
        }
        query = urlencode({k: v for k, v in request.GET.items() if k != "pagina" and v})
    else:
        query = ""
    page = Paginator(selectors.security_events(**filters), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "accounts/staff/security_log.html",
        {
            "staff_nav": "security-log",
            "form": form,
            "page": page,
            "query": query,
            "retention_days": settings.SECURITY_LOG_RETENTION_DAYS,
        },
    )


@never_cache
@staff_required
def factor_list(request):
    scoping.require_role(request.user, Role.KB_ADMIN)
    query = (request.GET.get("zoek") or "").replace("\x00", "").strip()[:150]
    page = Paginator(selectors.users_with_factor_state(query), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "accounts/staff/factor_list.html",
        {
            "staff_nav": "second-factors",
            "page": page,
            "zoek": query,
            "query": urlencode({"zoek": query}) if query else "",
        },
    )


@never_cache
@staff_required
def factor_reset(request, pk: int):
    """Reset a colleague's second factor (a lost phone and no recovery codes): every device is
    deleted; they set up a new one when they next sign in."""
    scoping.require_role(request.user, Role.KB_ADMIN)
    colleague = get_object_or_404(get_user_model(), pk=pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.remove_factor(colleague, by=request.user, request=request)
        messages.success(
            request,
            _(
                "De tweestapsverificatie van %(name)s is hersteld. Bij de volgende keer "
                "inloggen stelt die een nieuwe in."
            )
            % {"name": colleague.get_full_name() or colleague.get_username()},
        )
        return redirect("accounts:factor-list")
    return render(
        request,
        "accounts/staff/factor_reset.html",
        {
            "staff_nav": "second-factors",
            "colleague": colleague,
            "has_factor": services.has_factor(colleague),
            "form": form,
        },
    )
