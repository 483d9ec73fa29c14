"""The network's knowledge-sharing calendar (webinars, theme-group meetings, inspiration
visits) with sign-up, and the theme groups with their members and meeting history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.learning import selectors, services
from ontwikkelplein.learning.forms import EventForm
from ontwikkelplein.learning.models import KnowledgeEvent, ThemeGroup
from ontwikkelplein.learning.views.pages import form_page
from ontwikkelplein.organisations.views.access import staff_required


@staff_required
def event_list(request):
    events = list(selectors.upcoming_events())
    mine = set(
        request.user.event_registrations.filter(event__in=events).values_list("event_id", flat=True)
    )
    return render(
        request,
        "learning/event_list.html",
        {
            "rows": [(e, e.pk in mine, max(e.capacity - e.taken, 0)) for e in events],
            "may_organise": selectors.organiser_organisations(request.user).exists(),
            "theme_groups": ThemeGroup.objects.select_related("organiser"),
            "learning_nav": "events",
        },
    )


@staff_required
def event_detail(request, pk):
    event = get_object_or_404(KnowledgeEvent.objects.select_related("organiser"), pk=pk)
    registered = event.registrations.filter(user=request.user).exists()
    organiser = selectors.organises(request.user, event)
    return render(
        request,
        "learning/event_detail.html",
        {
            "event": event,
            "registered": registered,
            "left": selectors.places_left(event),
            "past": event.starts_at < timezone.now(),
            "registrations": event.registrations.select_related("user", "organisation")
            if organiser
            else None,
            "learning_nav": "events",
        },
    )


@staff_required
@require_POST
def event_sign_up(request, pk):
    event = get_object_or_404(KnowledgeEvent, pk=pk)
    if request.POST.get("afmelden"):
        if services.cancel(user=request.user, event=event):
            messages.success(request, _("Je bent afgemeld."))
    else:
        try:
            services.sign_up(user=request.user, event=event)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Je bent aangemeld."))
    return redirect("learning:event-detail", pk=event.pk)


@staff_required
def event_create(request):
    if not selectors.organiser_organisations(request.user).exists():
        raise PermissionDenied(_("Alleen de KB en de POI's zetten bijeenkomsten op de kalender."))
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(
                user=request.user, organiser=form.cleaned_data["organiser"], **form.values()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De bijeenkomst staat op de kalender."))
            return redirect("learning:event-detail", pk=event.pk)
    calendar_url = reverse("learning:event-list")
    return form_page(
        request,
        form,
        nav="events",
        title=_("Bijeenkomst toevoegen"),
        heading=_("Bijeenkomst op de kalender zetten"),
        back=(calendar_url, _("Terug naar de kalender")),
        cancel_url=calendar_url,
    )


@staff_required
def theme_group_detail(request, pk):
    group = get_object_or_404(ThemeGroup.objects.select_related("organiser"), pk=pk)
    history, upcoming = selectors.theme_group_history(group)
    member = group.memberships.filter(user=request.user).exists()
    return render(
        request,
        "learning/theme_group_detail.html",
        {
            "group": group,
            "history": history,
            "upcoming": upcoming,
            "member": member,
            "members": group.memberships.select_related("user", "organisation")
            if selectors.may_see_members(request.user, group)
            else None,
            "member_count": group.memberships.count(),
            "learning_nav": "events",
        },
    )


@staff_required
@require_POST
def theme_group_membership(request, pk):
    group = get_object_or_404(ThemeGroup, pk=pk)
    if request.POST.get("uitschrijven"):
        services.leave_theme_group(user=request.user, group=group)
        messages.success(request, _("Je bent geen lid meer van deze themagroep."))
    else:
        services.join_theme_group(user=request.user, group=group)
        messages.success(request, _("Je bent lid van deze themagroep."))
    return redirect("learning:theme-group-detail", pk=group.pk)
