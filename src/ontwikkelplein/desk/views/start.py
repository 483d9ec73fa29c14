"""Where a staff member lands after logging in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Role


@login_required
def start(request):
    """Front-desk staff go straight to the desk screen (registering is their daily work);
    everyone else to "Mijn werk", the staff home with the panels of their own work (core.menu)."""
    roles = {m.role for m in scoping.memberships(request.user)}
    if roles == {Role.FRONT_DESK}:
        return redirect("desk:screen")
    return redirect("core:staff-home")
