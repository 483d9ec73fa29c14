"""Views every app shares: the CSRF failure page (settings.CSRF_FAILURE_VIEW) and the staff
home ("Mijn werk"), which shows the panels registered in core.menu that the user may use.

Also the text size form for visitors without JavaScript (set_text_size).

The 404, 403, 400 and 500 pages are Django's own handlers with our templates (templates/404.html
and friends); only the CSRF failure needs a view: Django's default renders its own English page.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ontwikkelplein.core import menu, text_size


@csrf_exempt
def csrf_failure(request, reason: str = ""):
    """A form that fails the CSRF check (page open too long, cookies blocked): a B1 page in the
    site layout that says nothing was saved and how to try again. `reason` is for logs, not
    residents; Django's own view already logged it."""
    return render(request, "403_csrf.html", status=403)


def message_page(request, *, base: str, heading: str, paragraphs, link=None, status: int = 200):
    """A page that only tells the visitor something (a link that no longer works, a form that
    was not sent): a heading, a lead paragraph and more paragraphs, and at most one link on,
    given as (url, text). `base` is the layout it stands in, e.g. the app's public base."""
    link_url, link_text = link or ("", "")
    context = {
        "base_template": base,
        "heading": heading,
        "paragraphs": paragraphs,
        "link_url": link_url,
        "link_text": link_text,
    }
    return render(request, "core/message.html", context, status=status)


def too_many_requests(request, *, base: str, hint: str):
    """The page for a visitor over a public form's rate limit (429); `hint` says how to reach
    the library instead."""
    return message_page(
        request,
        base=base,
        heading=_("Te veel aanvragen"),
        paragraphs=[
            _(
                "Er kwamen te veel aanvragen van deze computer of telefoon. Probeer het later "
                "nog eens, bijvoorbeeld over een uur."
            ),
            _("Er is niets opgeslagen."),
            hint,
        ],
        link=(reverse("catalogue:home"), _("Naar de startpagina")),
        status=429,
    )


def not_sent(request, *, base: str, heading: str, retry_url: str):
    """The answer to a public form that a bot filled in (the honeypot): nothing is stored, and
    no hint says why (400)."""
    return message_page(
        request,
        base=base,
        heading=heading,
        paragraphs=[_("Er ging iets mis met het formulier. Er is niets opgeslagen.")],
        link=(retry_url, _("Probeer het opnieuw")),
        status=400,
    )


def form_page(
    request,
    form,
    *,
    base: str,
    heading: str,
    error_summary: list,
    title: str = "",
    back=None,
    lead: str = "",
    intro: str = "",
    cancel_url: str = "",
    **context,
):
    """A staff page that is one form (core/staff/form_page.html): `back` is (url, text) for the
    link above the heading, `title` the page title when it is shorter than the heading; the
    other keywords go to core/forms/_staff_form.html (submit, second, ...) or the base."""
    back_url, back_text = back or ("", "")
    context.update(
        base_template=base,
        form=form,
        heading=heading,
        title=title or heading,
        error_summary=error_summary,
        back_url=back_url,
        back_text=back_text,
        lead=lead,
        intro=intro,
        cancel_url=cancel_url,
    )
    return render(request, "core/staff/form_page.html", context)


@login_required
def staff_home(request):
    if not menu.entries_for(request.user):
        raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
    return render(
        request,
        "core/staff/home.html",
        {"panels": menu.render_panels(request, menu.HOME_PAGE), "staff_nav": "home"},
    )


def set_text_size(request):
    """The text size buttons without JavaScript (core/_reading_tools.html): POST `grootte`
    (normaal, groter, grootst) stores it in a cookie for a year and goes back to `next`, a page
    of this site (the home page otherwise). An unknown size changes nothing and says so; any
    other method just goes back. With JavaScript, reading.js sets the same cookie itself."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("catalogue:home")
    response = HttpResponseRedirect(next_url)
    if request.method != "POST":
        return response
    value = request.POST.get("grootte", "")
    if value not in text_size.SIZES:
        messages.error(
            request, _("Deze tekstgrootte bestaat niet. Kies normaal, groter of grootst.")
        )
        return response
    response.set_cookie(
        text_size.COOKIE_NAME,
        value,
        max_age=text_size.COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # reading.js keeps it in step with localStorage
    )
    return response
