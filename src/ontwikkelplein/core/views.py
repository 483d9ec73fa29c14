"""The staff home ("Mijn werk"): the panels registered in core.menu that the user may use."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from ontwikkelplein.core import menu


@login_required
def staff_home(request):
    if not menu.entries_for(request.user):
        raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
    return render(
        request,
        "core/staff/home.html",
        {"panels": menu.render_panels(request, menu.HOME_PAGE), "staff_nav": "home"},
    )
