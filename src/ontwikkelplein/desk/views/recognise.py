"""Herkennen en doorverwijzen (/beheer/herkennen/): the guidance for desk staff and partners, and
the KB's pages to maintain it. Thin: reads through recognition_selectors, writes through
recognition_services, access through organisations.scoping. The guide stores nothing about a
visitor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core.forms import errors_for_summary, posted
from ontwikkelplein.core.views import form_page
from ontwikkelplein.desk import recognition_selectors as selectors
from ontwikkelplein.desk import recognition_services as services
from ontwikkelplein.desk.models import CheckQuestion, HelpRoute, SelfTest, Signal
from ontwikkelplein.desk.recognition_forms import (
    CheckQuestionForm,
    HelpRouteForm,
    SelfTestForm,
    SignalForm,
)
from ontwikkelplein.organisations.views.access import staff_required

# The four kinds of content: URL segment -> (model, form, heading for a new row, for a change).
KINDS = {
    "signalen": (
        Signal,
        SignalForm,
        gettext_lazy("Nieuw signaal"),
        gettext_lazy("Signaal wijzigen"),
    ),
    "vragen": (
        CheckQuestion,
        CheckQuestionForm,
        gettext_lazy("Nieuwe vraag om te toetsen"),
        gettext_lazy("Vraag om te toetsen wijzigen"),
    ),
    "routes": (
        HelpRoute,
        HelpRouteForm,
        gettext_lazy("Nieuwe route"),
        gettext_lazy("Route wijzigen"),
    ),
    "zelftests": (
        SelfTest,
        SelfTestForm,
        gettext_lazy("Nieuwe zelftest of hulpmiddel"),
        gettext_lazy("Zelftest of hulpmiddel wijzigen"),
    ),
}


def _require_editor(user):
    if not selectors.may_edit(user):
        raise PermissionDenied(_("Alleen de KB beheert de inhoud van Herkennen en doorverwijzen."))


@staff_required
def guide(request):
    routes, place = selectors.routes_for(request.user, request.COOKIES)
    return render(
        request,
        "desk/recognise/guide.html",
        {
            "staff_nav": "recognise",
            "signal_groups": selectors.signal_groups(),
            "questions": selectors.check_questions(),
            "routes": routes,
            "place": place,
            "tool_groups": selectors.tool_groups(),
            "may_edit": selectors.may_edit(request.user),
            "may_refer": selectors.may_refer(request.user),
        },
    )


@staff_required
def content(request):
    _require_editor(request.user)
    return render(
        request,
        "desk/recognise/content.html",
        {"staff_nav": "recognise", **selectors.staff_lists()},
    )


def _edit(request, kind, instance):
    _require_editor(request.user)
    _model, form_class, new_heading, change_heading = KINDS[kind]
    form = form_class(posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_content(request.user, form)
        messages.success(
            request, _("Opgeslagen. De pagina Herkennen en doorverwijzen toont het nu.")
        )
        return redirect(reverse("desk:recognise-content") + f"#{kind}")
    response = form_page(
        request,
        form,
        base="core/staff/base.html",
        heading=str(change_heading if instance else new_heading),
        error_summary=errors_for_summary(form) if form.is_bound else [],
        back=(reverse("desk:recognise-content"), _("Terug naar de inhoud")),
        cancel_url=reverse("desk:recognise-content") + f"#{kind}",
        staff_nav="recognise",
    )
    if form.is_bound:
        response.status_code = 400
    return response


def create_view(kind):
    @staff_required
    def create(request):
        return _edit(request, kind, None)

    create.__name__ = f"create_{kind}"
    return create


def edit_view(kind):
    @staff_required
    def edit(request, pk):
        _require_editor(request.user)
        instance = get_object_or_404(KINDS[kind][0], pk=pk)
        return _edit(request, kind, instance)

    edit.__name__ = f"edit_{kind}"
    return edit
