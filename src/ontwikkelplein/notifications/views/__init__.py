"""The staff member's own notifications (/beheer/meldingen/). Only the owner ever sees or marks
a notification: another user's id answers 404."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ontwikkelplein.notifications import services
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.views.access import staff_required

PER_PAGE = 50


@staff_required
def notification_list(request):
    notifications = Notification.objects.filter(user=request.user).order_by("-created_at", "-pk")
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/list.html",
        {
            "staff_nav": "notifications",
            "page": page,
            "unread_total": Notification.objects.filter(
                user=request.user, read_at__isnull=True
            ).count(),
        },
    )


def _back(request):
    """Back to the list, on the page the form was on."""
    url = reverse("notifications:list")
    page = request.POST.get("pagina", "")
    return redirect(f"{url}?pagina={page}" if page.isdigit() else url)


@staff_required
@require_POST
def mark_read(request, pk: int):
    if not services.mark_read(request.user, pk):
        raise Http404
    messages.success(request, _("De melding is gemarkeerd als gelezen."))
    return _back(request)


@staff_required
@require_POST
def mark_all_read(request):
    count = services.mark_all_read(request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s melding gemarkeerd als gelezen.",
            "%(count)s meldingen gemarkeerd als gelezen.",
            count,
        )
        % {"count": count},
    )
    return _back(request)
