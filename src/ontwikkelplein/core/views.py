"""Views every app shares: the CSRF failure page (settings.CSRF_FAILURE_VIEW).

The 404, 403, 400 and 500 pages are Django's own handlers with our templates (templates/404.html
and friends); only the CSRF failure needs a view: Django's default renders its own English page.
"""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def csrf_failure(request, reason: str = ""):
    """A form that fails the CSRF check (page open too long, cookies blocked): a B1 page in the
    site layout that says nothing was saved and how to try again. `reason` is for logs, not
    residents; Django's own view already logged it."""
    return render(request, "403_csrf.html", status=403)
