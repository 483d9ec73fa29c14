"""Views every app shares: the CSRF failure page (settings.CSRF_FAILURE_VIEW) and the staff
home ("Mijn werk"), which shows the panels registered in core.menu that the user may use.

The 404, 403, 400 and 500 pages are Django's own handlers with our templates (templates/404.html
and friends); only the CSRF failure needs a view: Django's default renders its own English page.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ontwikkelplein.core import menu


@csrf_exempt
def csrf_failure(request, reason: str = ""):
    """A form that fails the CSRF check (page open too long, cookies blocked): a B1 page in the
    site layout that says nothing was saved and how to try again. `reason` is for logs, not
    residents; Django's own view already logged it."""
    return render(request, "403_csrf.html", status=403)


@login_required
def staff_home(request):
    if not menu.entries_for(request.user):
        raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
    return render(
        request,
        "core/staff/home.html",
        {"panels": menu.render_panels(request, menu.HOME_PAGE), "staff_nav": "home"},
    )
