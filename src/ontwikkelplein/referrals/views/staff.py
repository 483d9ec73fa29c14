"""Staff pages of referrals under /beheer/doorverwijzingen/: inbox, sent list, detail with its
actions, the new-referral form, AVG requests and the team leader's settings.

Thin: every POST goes through services, every read through selectors. A referral of another
organisation answers 404 (nobody learns it exists); a visible referral the user may not change
(the sender changing the receiver's status) answers 403."""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.accounts.services import record_event
from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.desk.models import Contact, Question, ReferralTarget
from ontwikkelplein.desk.screen_selectors import current_desk_location
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.referrals import selectors, services
from ontwikkelplein.referrals.forms import (
    AssignForm,
    CloseForm,
    ConfirmForm,
    InboxFilterForm,
    NewReferralForm,
    NoteForm,
    SettingsForm,
    StatusForm,
    put_error,
)
from ontwikkelplein.referrals.models import (
    Outcome,
    PersonalDataAccess,
    ReceiverKind,
    Source,
    Status,
)
from ontwikkelplein.referrals.public_forms import prefilled_question

PER_PAGE = 25
TABS = [
    ("open", gettext_lazy("Open")),
    ("overdue", gettext_lazy("Te laat")),
    ("mine", gettext_lazy("Aan mij toegewezen")),
    ("closed", gettext_lazy("Afgerond")),
    ("all", gettext_lazy("Alles")),
]


def referral_staff_required(view):
    """Log in first; then a working role in some organisation (POI/KB see figures only)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.working_organisation_ids(request.user):
            raise PermissionDenied(_("Met jouw rol zie je geen doorverwijzingen."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def _own_organisations(user):
    return list(scoping.own_organisations(user).order_by("name"))


def _decorate(referrals, today):
    rows = list(referrals)
    for referral in rows:
        referral.overdue = selectors.is_overdue(referral, today)
        referral.open_days = selectors.days_open(referral, today)
    return rows


def _tab_labels():
    return [(key, str(label)) for key, label in TABS]


@login_required
def inbox(request):
    if not selectors.working_organisation_ids(request.user):
        # POI advisers and the KB see referrals as figures only; the menu leads them there.
        return redirect("referrals:figures")
    return _inbox(request)


@referral_staff_required
def _inbox(request):
    user = request.user
    organisations = _own_organisations(user)
    filters = InboxFilterForm(request.GET or None, organisations=organisations)
    # Unknown values (an old link, a typo) are dropped, never an error page.
    data = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    organisation = data.get("org") or organisations[0]
    tab = request.GET.get("tab", "open")
    if tab not in dict(TABS):
        tab = "open"
    state = "open" if tab == "mine" else tab
    today = timezone.localdate()
    referrals = selectors.inbox(
        user,
        organisation,
        role=data.get("role") or None,
        programme=data.get("programme"),
        state=state,
        status=data.get("status") or None,
        assigned_to=user if (tab == "mine" or data.get("mine")) else None,
        today=today,
    )
    page = Paginator(referrals, PER_PAGE).get_page(request.GET.get("pagina"))
    page.object_list = _decorate(page.object_list, today)
    query = request.GET.copy()
    query.pop("pagina", None)
    tab_query = request.GET.copy()
    tab_query.pop("pagina", None)
    tab_query.pop("tab", None)
    return render(
        request,
        "referrals/staff/inbox.html",
        {
            "staff_nav": "referrals",
            "referral_nav": "inbox",
            "organisation": organisation,
            "organisations": organisations,
            "filters": filters
            if filters.is_bound
            else InboxFilterForm(
                initial={"org": organisation.pk, "tab": tab}, organisations=organisations
            ),
            "tab": tab,
            "tabs": _tab_labels(),
            "tab_query": tab_query.urlencode(),
            "page": page,
            "query": query.urlencode(),
            "is_team_leader": scoping.is_team_leader(user, organisation),
        },
    )


@referral_staff_required
def sent(request):
    today = timezone.localdate()
    page = Paginator(selectors.sent_by(request.user), PER_PAGE).get_page(request.GET.get("pagina"))
    page.object_list = _decorate(page.object_list, today)
    return render(
        request,
        "referrals/staff/sent.html",
        {"staff_nav": "referrals", "referral_nav": "sent", "page": page, "query": ""},
    )


def _history(referral):
    rows = []
    for event in referral.events.select_related("actor").order_by("at", "id"):
        rows.append(
            {
                "event": event,
                "actor": event.actor_label
                or (event.actor.get_full_name() or event.actor.username if event.actor else ""),
                "outcome": _outcome_label(event.detail.get("outcome") or ""),
            }
        )
    return rows


def _outcome_label(value):
    return Outcome(value).label if value in Outcome.values else ""


def _detail_context(request, referral, **forms):
    user = request.user
    today = timezone.localdate()
    can_act = selectors.can_act(user, referral)
    can_see_person = selectors.can_see_person(user, referral)
    person = selectors.person_of(referral) if can_see_person else None
    if person is not None:
        services.log_person_access(referral, PersonalDataAccess.Action.VIEW, user=user)
    error_summary = []
    for form in forms.values():
        if form is not None and form.is_bound and form.errors:
            error_summary += errors_for_summary(form)
    context = {
        "staff_nav": "referrals",
        "referral_nav": "inbox" if can_act else "sent",
        "referral": referral,
        "overdue": selectors.is_overdue(referral, today),
        "open_days": selectors.days_open(referral, today),
        "can_act": can_act,
        "is_sender": selectors.is_sender(user, referral),
        "can_see_person": can_see_person,
        "person": person,
        "notes": selectors.notes_for(user, referral),
        "history": _history(referral),
        "is_open": referral.status != Status.CLOSED,
        "erased": referral.personal_data_erased_at is not None,
        "error_summary": error_summary,
        "status_form": None,
        "close_form": None,
        "assign_form": None,
        "note_form": forms.get("note_form") or NoteForm(),
    }
    if can_act:
        context["status_form"] = forms.get("status_form") or StatusForm(referral=referral)
        context["close_form"] = forms.get("close_form") or CloseForm()
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            users=services.assignable_users(referral),
            initial={"assignee": referral.assigned_to_id},
        )
    return context


def _render_detail(request, referral, status=200, **forms):
    return render(
        request,
        "referrals/staff/detail.html",
        _detail_context(request, referral, **forms),
        status=status,
    )


@referral_staff_required
def detail(request, pk):
    referral = selectors.referral_for_user(request.user, pk)
    return _render_detail(request, referral)


def _actable(request, pk):
    referral = selectors.referral_for_user(request.user, pk)
    if not selectors.can_act(request.user, referral):
        raise PermissionDenied(
            _("Alleen de ontvangende organisatie werkt aan deze doorverwijzing.")
        )
    return referral


def _back(referral):
    return redirect(reverse("referrals:staff-detail", kwargs={"pk": referral.pk}))


def _act(request, referral, action, success: str):
    """A button on the detail page without a form: runs `action`; a refusal (ReferralError) is
    shown as an error message, else `success`; back to the detail page either way."""
    try:
        action()
    except services.ReferralError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return _back(referral)


def _act_on_form(request, referral, form, form_name: str, action, success: str):
    """A form on the detail page: when valid, runs `action` with its cleaned data and goes back
    with `success`; an invalid form or a refusal shows the page again (400) with the errors on
    the form, which the page knows as `form_name`."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except services.ReferralError as error:
            put_error(form, error)
        else:
            messages.success(request, success)
            return _back(referral)
    return _render_detail(request, referral, status=400, **{form_name: form})


@require_POST
@referral_staff_required
def receive(request, pk):
    referral = _actable(request, pk)
    return _act(
        request,
        referral,
        lambda: services.receive(referral, user=request.user),
        _("De doorverwijzing staat op ontvangen."),
    )


@require_POST
@referral_staff_required
def change_status(request, pk):
    referral = _actable(request, pk)
    return _act_on_form(
        request,
        referral,
        StatusForm(request.POST, referral=referral),
        "status_form",
        lambda data: services.change_status(referral, data["to_status"], user=request.user),
        _("De status is gewijzigd."),
    )


@require_POST
@referral_staff_required
def close(request, pk):
    referral = _actable(request, pk)
    return _act_on_form(
        request,
        referral,
        CloseForm(request.POST),
        "close_form",
        lambda data: services.close_referral(
            referral, data["outcome"], data.get("reason", ""), user=request.user
        ),
        _("De doorverwijzing is afgerond."),
    )


@require_POST
@referral_staff_required
def reopen(request, pk):
    referral = _actable(request, pk)
    return _act(
        request,
        referral,
        lambda: services.reopen_referral(referral, user=request.user),
        _("De doorverwijzing is heropend."),
    )


@require_POST
@referral_staff_required
def assign(request, pk):
    referral = _actable(request, pk)
    return _act_on_form(
        request,
        referral,
        AssignForm(request.POST, users=services.assignable_users(referral)),
        "assign_form",
        lambda data: services.assign_referral(referral, data["assignee"], user=request.user),
        _("De behandelaar is opgeslagen."),
    )


@require_POST
@referral_staff_required
def add_note(request, pk):
    referral = selectors.referral_for_user(request.user, pk)
    return _act_on_form(
        request,
        referral,
        NoteForm(request.POST),
        "note_form",
        lambda data: services.add_note(referral, data["text"], user=request.user),
        _("De notitie is opgeslagen."),
    )


def _person_request(request, pk, *, action):
    """AVG requests: a confirmation page (GET), then the export or erasure (POST)."""
    referral = selectors.referral_for_user(request.user, pk)
    if not selectors.can_see_person(request.user, referral):
        raise PermissionDenied
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if action == "export":
            data = services.export_person_data(referral, user=request.user)
            record_event(
                SecurityEvent.Kind.PERSONAL_DATA_EXPORTED,
                request=request,
                detail={"export": "referral-person", "referral": str(referral.pk)},
            )
            response = HttpResponse(
                json.dumps(data, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="doorverwijzing-{referral.reference}.json"'
            )
            return response
        services.erase_person_data(referral, user=request.user)
        messages.success(request, _("De persoonsgegevens zijn gewist."))
        return _back(referral)
    return render(
        request,
        "referrals/staff/person_request.html",
        {
            "staff_nav": "referrals",
            "referral_nav": "inbox",
            "referral": referral,
            "action": action,
            "form": form,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
        },
        status=400 if form.is_bound else 200,
    )


@referral_staff_required
def export_person(request, pk):
    return _person_request(request, pk, action="export")


@referral_staff_required
def erase_person(request, pk):
    return _person_request(request, pk, action="erase")


# ---------------------------------------------------------------------------------------------
# New referral


def _desk_initial(request, organisations) -> dict:
    """Prefill from the desk screen: ?contact=<uuid>&question=<uuid> (or role=, offer=,
    organisation=). The contact must belong to one of the user's organisations."""
    initial = {}
    own_ids = {o.pk for o in organisations}
    contact_id = request.GET.get("contact")
    contact = None
    if contact_id:
        try:
            contact = Contact.objects.filter(pk=contact_id, organisation_id__in=own_ids).first()
        except ValidationError:  # a malformed UUID: just no prefill
            contact = None
    if contact is not None:
        initial["desk_contact"] = contact.pk
        initial["sender_organisation"] = contact.organisation_id
        question = None
        question_id = request.GET.get("question")
        if question_id:
            try:
                question = contact.questions.filter(pk=question_id).first()
            except ValidationError:
                question = None
        question = question or contact.questions.exclude(referral_target="").first()
        if question is not None:
            initial.update(_initial_from_question(question))
    role = request.GET.get("role")
    if role:
        initial.update({"receiver_kind": ReceiverKind.COLLEAGUE, "receiver_role": role})
    organisation_id = request.GET.get("organisation")
    if organisation_id:
        # From "Herkennen en doorverwijzen": another library or a partner to refer to.
        try:
            organisation = (
                Organisation.objects.filter(
                    pk=organisation_id,
                    kind__in=(OrganisationKind.LIBRARY, OrganisationKind.PARTNER),
                )
                .exclude(pk__in=own_ids)
                .first()
            )
        except ValidationError:
            organisation = None
        if organisation is not None:
            if organisation.kind == OrganisationKind.LIBRARY:
                initial.update({"receiver_kind": ReceiverKind.LIBRARY, "library": organisation.pk})
            else:
                initial.update({"receiver_kind": ReceiverKind.PARTNER, "partner": organisation.pk})
    offer_id = request.GET.get("offer")
    if offer_id:
        try:
            offer = Offer.objects.filter(pk=offer_id, status=OfferStatus.PUBLISHED).first()
        except ValidationError:
            offer = None
        if offer is not None:
            initial.update({"receiver_kind": ReceiverKind.OFFER, "offer": offer.pk})
    question_text = prefilled_question(request.GET)
    if question_text:
        initial["question"] = question_text
    return initial


def _initial_from_question(question: Question) -> dict:
    target = question.referral_target
    if target == ReferralTarget.COLLEAGUE:
        return {"receiver_kind": ReceiverKind.COLLEAGUE, "receiver_role": question.referred_role}
    if target == ReferralTarget.OFFER and question.referred_offer_id:
        return {"receiver_kind": ReceiverKind.OFFER, "offer": question.referred_offer_id}
    if target == ReferralTarget.ORGANISATION and question.referred_organisation_id:
        organisation = question.referred_organisation
        if organisation.kind == OrganisationKind.LIBRARY:
            return {"receiver_kind": ReceiverKind.LIBRARY, "library": organisation.pk}
        return {"receiver_kind": ReceiverKind.PARTNER, "partner": organisation.pk}
    return {}


def _origin(request, initial):
    """Where offers are measured from: the desk registration's location when the referral starts
    from one, else where the user is at the desk (their remembered or usual desk location)."""
    contact_id = initial.get("desk_contact")
    if contact_id:
        contact = Contact.objects.filter(pk=contact_id).select_related("location").first()
        if contact is not None:
            return contact.location
    return current_desk_location(request.user, request.COOKIES)


@referral_staff_required
def create(request):
    user = request.user
    organisations = _own_organisations(user)
    initial = _desk_initial(request, organisations) if request.method != "POST" else {}
    origin = _origin(request, initial)
    if request.method == "POST":
        form = NewReferralForm(request.POST, organisations=organisations, origin=origin)
        if form.is_valid():
            data = form.cleaned_data
            desk_contact = None
            if data.get("desk_contact"):
                desk_contact = Contact.objects.filter(
                    pk=data["desk_contact"], organisation=data["sender_organisation"]
                ).first()
            try:
                referral = services.create_referral(
                    source=Source.DESK if desk_contact else Source.STAFF,
                    receiver_organisation=data["receiver_organisation"],
                    receiver_kind=data["receiver_kind"],
                    question=data["question"],
                    urgency=data["urgency"],
                    receiver_role=data.get("receiver_role") or ""
                    if data["receiver_kind"] == ReceiverKind.COLLEAGUE
                    else "",
                    programme=data.get("programme")
                    if data["receiver_kind"] == ReceiverKind.COLLEAGUE
                    else None,
                    offer=data.get("offer")
                    if data["receiver_kind"] == ReceiverKind.OFFER
                    else None,
                    desk_contact=desk_contact,
                    sender_organisation=data["sender_organisation"],
                    sender_user=user,
                    person=form.person(user),
                )
            except services.ReferralError as error:
                put_error(form, error)
            else:
                messages.success(
                    request,
                    _("De doorverwijzing %(ref)s is verstuurd.") % {"ref": referral.reference},
                )
                return redirect(reverse("referrals:staff-detail", kwargs={"pk": referral.pk}))
        status = 400
    else:
        form = NewReferralForm(initial=initial, organisations=organisations, origin=origin)
        status = 200
    return render(
        request,
        "referrals/staff/new.html",
        {
            "staff_nav": "referrals",
            "referral_nav": "new",
            "form": form,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
        },
        status=status,
    )


# ---------------------------------------------------------------------------------------------
# Settings


@referral_staff_required
def settings_view(request):
    user = request.user
    organisation, organisations = scoping.team_led_choice(
        user, request.GET.get("org") or request.POST.get("org")
    )
    current = services.settings_for(organisation)
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            try:
                services.update_settings(
                    organisation,
                    first_contact_working_days=form.cleaned_data["first_contact_working_days"],
                    inbox_email=form.cleaned_data["inbox_email"],
                    user=user,
                )
            except services.ReferralError as error:
                put_error(form, error)
            else:
                messages.success(request, _("De instellingen zijn opgeslagen."))
                return redirect(f"{reverse('referrals:staff-settings')}?org={organisation.pk}")
        status = 400
    else:
        form = SettingsForm(
            initial={
                "first_contact_working_days": current.first_contact_working_days,
                "inbox_email": current.inbox_email,
            }
        )
        status = 200
    return render(
        request,
        "referrals/staff/settings.html",
        {
            "staff_nav": "referrals",
            "referral_nav": "settings",
            "form": form,
            "organisation": organisation,
            "organisations": organisations,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
        },
        status=status,
    )
