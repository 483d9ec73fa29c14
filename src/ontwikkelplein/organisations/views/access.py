"""Access rules shared by every back-office view (catalogue and organisations):
log in first, then a membership; objects of other organisations answer 404, objects a user
may read but not change answer 403."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ontwikkelplein.organisations import scoping


def staff_required(view):
    """Anonymous users go to the login page; users without a membership get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not scoping.is_staff_member(request.user):
            raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def require_readable(obj):
    """404 when the object is missing or belongs to an organisation the user may not read."""
    if obj is None:
        raise Http404
    return obj


def require_editable(user, organisation_id) -> None:
    """403 for an object the user may read (the caller looked it up in the readable scope)
    but not change: a POI adviser, a KB-beheerder or a front-desk member."""
    scoping.require_edit(user, organisation_id)


def require_editor(user) -> None:
    """403 for users who cannot create anything (no editing role anywhere)."""
    if not scoping.editable_organisations(user).exists():
        raise PermissionDenied(_("Je mag geen aanbod of locaties toevoegen."))
