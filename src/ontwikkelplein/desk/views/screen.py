"""The desk screen (/balie/): register a visitor's questions in seconds, undo or correct one's
own registrations for 24 hours. Thin: parsing in desk.forms, rules in desk.services.

The page is one form. Without JavaScript every button posts it: a favourite ("favoriet") is a
complete registration in one post, "Registreren" sends the question blocks, "Nog een vraag
toevoegen" and "Vraag n weghalen" return the form with one block more or less. With JavaScript
desk.js sends the same fields to `submit` (JSON), and keeps them in the browser while the server
cannot be reached."""

import datetime
import uuid
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.desk import favourites, services
from ontwikkelplein.desk.forms import (
    BlockChoices,
    DeskForm,
    QuestionBlocks,
    add_service_errors,
    contact_data,
    error_summary,
    question_initial,
    with_block_added,
    with_block_removed,
)
from ontwikkelplein.desk.models import Channel, Contact
from ontwikkelplein.desk.screen_selectors import (
    cookie_name,
    last_contact,
    may_use_desk,
    own_contacts,
    referral_offers,
    referral_partners,
    registering_locations,
    registering_organisation_ids,
    todays_contacts,
    usual_location,
)

COOKIE_MAX_AGE = int(datetime.timedelta(days=400).total_seconds())
ADD_BLOCK = "vraag-erbij"
REMOVE_BLOCK = "weghalen-"


def desk_required(view):
    """Log in first; then a desk role (front desk, specialist, team leader) in a library or
    partner organisation, else 403 (POI advisers and the KB read figures, they do not register)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_use_desk(request.user):
            raise PermissionDenied(
                _(
                    "Het balie-scherm is voor medewerkers van een bibliotheek of partner die aan "
                    "de balie helpen."
                )
            )
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def desk_json_required(view):
    """Like desk_required, but answers JSON: a fetch must not follow a redirect to the login
    page and take that for success."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse(
                {"message": _("Je bent niet meer ingelogd. Log opnieuw in.")}, status=401
            )
        if not may_use_desk(request.user):
            return JsonResponse(
                {"message": _("Je mag geen contacten registreren.")},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapper


# --- Remembering location and channel ---


def _remembered(request, locations) -> dict:
    """Initial location and channel: this browser's choice for this user, else the user's last
    registration, else the user's usual location (screen_selectors.usual_location) and the desk."""
    location_ids = {str(location.pk): location for location in locations}
    location = channel = None
    stored = request.COOKIES.get(cookie_name(request.user), "")
    if "|" in stored:
        location_id, channel_value = stored.split("|", 1)
        location = location_ids.get(location_id)
        channel = channel_value if channel_value in Channel.values else None
    if location is None or channel is None:
        last = last_contact(request.user)
        if last is not None:
            location = location or location_ids.get(str(last.location_id))
            channel = channel or last.channel
    if location is None:
        location = usual_location(request.user, locations)
    return {"location": location, "channel": channel or Channel.DESK}


def _remember(response, user, contact: Contact) -> None:
    response.set_cookie(
        cookie_name(user),
        f"{contact.location_id}|{contact.channel}",
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # desk.js updates it when the choice changes
    )


# --- Registering ---


def _choices(user, keep_agencies=(), keep_topics=(), origin=None) -> BlockChoices:
    organisation_ids = registering_organisation_ids(user)
    return BlockChoices(
        partners=referral_partners(organisation_ids),
        offers=referral_offers(organisation_ids),
        origin=origin,
        keep_agencies=keep_agencies,
        keep_topics=keep_topics,
    )


def _origin(request, locations):
    """The desk location the offers are ordered from: the one posted, else the remembered one."""
    posted = request.POST.get("location", "") if request.method == "POST" else ""
    for location in locations:
        if posted and str(location.pk) == posted:
            return location
    return _remembered(request, locations)["location"]


@dataclass
class Submission:
    desk_form: DeskForm
    blocks: QuestionBlocks
    contact: Contact | None = None
    created: bool = False

    def error_summary(self) -> list[dict]:
        return error_summary(self.desk_form, self.blocks)


def _submit(request, locations, choices) -> Submission:
    """Parse and register what was posted: a favourite or the question blocks."""
    desk_form = DeskForm(request.POST, locations=locations)
    blocks = QuestionBlocks(request.POST, choices=choices)
    submission = Submission(desk_form, blocks)
    favourite = request.POST.get("favoriet", "")
    if favourite:
        blocks.quiet()  # a favourite ignores whatever the blocks hold
        if not desk_form.is_valid():
            return submission
        questions = favourites.questions_for(favourite, request.user)
        if questions is None:
            desk_form.add_error(
                None, _("Deze snelknop bestaat niet (meer). Vernieuw de pagina en kies opnieuw.")
            )
            return submission
    else:
        desk_valid = desk_form.is_valid()
        if not (blocks.is_valid() and desk_valid):
            return submission
        questions = blocks.question_data()
    data = contact_data(desk_form, blocks)
    data.questions = questions
    try:
        submission.contact, submission.created = services.register_contact(data, user=request.user)
    except ValidationError as error:
        add_service_errors(error, desk_form, None if favourite else blocks)
    except PermissionDenied as error:
        desk_form.add_error(None, str(error))
    return submission


def _screen_context(request, desk_form, blocks, *, confirmation=None):
    user = request.user
    return {
        "desk_form": desk_form,
        "blocks": blocks,
        "block_template": blocks.template_form(),
        "single_location": _single_location(desk_form),
        "chosen_location": _chosen_location(desk_form),
        "has_locations": bool(desk_form.fields["location"].choices),
        "favourites": favourites.favourites_for(user),
        "confirmation": confirmation,
        "today": _today(user),
        "error_summary": [],
        "user_key": str(user.pk),
        "cookie_name": cookie_name(user),
        "staff_nav": "desk",
    }


def _single_location(desk_form):
    field = desk_form.fields["location"]
    locations = list(field.queryset)
    return locations[0] if len(locations) == 1 else None


def _chosen_location(desk_form):
    """The location the form is on now (posted, else initial), for the line under the heading."""
    value = desk_form["location"].value()
    value = getattr(value, "pk", value)
    for location in desk_form.fields["location"].queryset:
        if str(location.pk) == str(value):
            return location
    return None


def _today(user) -> list[dict]:
    return [
        {"contact": contact, "can_change": services.can_change(contact, user)}
        for contact in todays_contacts(user)
    ]


def _confirmation(request):
    """The registration just made (its id in ?geregistreerd=), when it is the user's own."""
    contact_id = request.GET.get("geregistreerd", "")
    if not contact_id:
        return None
    try:
        contact = own_contacts(request.user).filter(pk=contact_id, registered_by=request.user)
        contact = contact.select_related("location").first()
    except ValidationError:  # not a UUID
        return None
    if contact is None:
        return None
    return {"contact": contact, "can_change": services.can_change(contact, request.user)}


@desk_required
def screen(request):
    user = request.user
    locations = registering_locations(user)
    choices = _choices(user, origin=_origin(request, locations))
    if request.method != "POST":
        # A reference per page: a form posted twice (a double click without JavaScript, the
        # back button) is stored once. desk.js sends a reference of its own per registration.
        initial = {**_remembered(request, locations), "client_reference": uuid.uuid4()}
        desk_form = DeskForm(initial=initial, locations=locations)
        # "Registreer deze vraag" from the leeswijzer, BoekStart or the catalogue: one block
        # filled in, the focus on "Registreren" (favourites.PREFILLS).
        prefill = favourites.prefill_for(request.GET.get("vraag"))
        blocks = QuestionBlocks(choices=choices, initial=[prefill[1]] if prefill else None)
        context = _screen_context(request, desk_form, blocks, confirmation=_confirmation(request))
        context["prefill_label"] = prefill[0] if prefill else ""
        context["autofocus_favourite"] = prefill is None
        return render(request, "desk/screen.html", context)

    action = request.POST.get("actie", "")
    if action == ADD_BLOCK or action.startswith(REMOVE_BLOCK):
        return _rearranged(request, locations, choices, action)

    submission = _submit(request, locations, choices)
    if submission.contact is None:
        context = _screen_context(request, submission.desk_form, submission.blocks)
        context["error_summary"] = submission.error_summary()
        return render(request, "desk/screen.html", context, status=200)
    url = reverse("desk:screen") + f"?geregistreerd={submission.contact.pk}"
    response = redirect(url)
    _remember(response, user, submission.contact)
    return response


def _rearranged(request, locations, choices, action, template="desk/screen.html", extra=None):
    """The form back with one question block more or less, nothing validated or stored."""
    if action == ADD_BLOCK:
        data = with_block_added(request.POST)
    else:
        try:
            data = with_block_removed(request.POST, int(action[len(REMOVE_BLOCK) :]))
        except ValueError:
            data = request.POST
    desk_form = DeskForm(data, locations=locations)
    blocks = QuestionBlocks(data, choices=choices)
    desk_form.quiet()
    blocks.quiet()
    if action == ADD_BLOCK:
        # The page reloads: start in the new block, where the user was going.
        blocks.forms[-1].fields["category"].widget.attrs["autofocus"] = True
    context = _screen_context(request, desk_form, blocks)
    context["error_summary"] = []
    context.update(extra or {})
    return render(request, template, context)


@desk_json_required
@require_POST
def submit(request):
    """The screen's registrations sent by desk.js (session and CSRF token as on the page).
    201 when stored, 200 when this reference was stored before, 400 with the errors."""
    user = request.user
    submission = _submit(request, registering_locations(user), _choices(user))
    if submission.contact is None:
        summary = submission.error_summary()
        return JsonResponse(
            {
                "message": _("De registratie is niet opgeslagen."),
                "errors": [
                    f"{item['label']}: {item['message']}" if item["label"] else item["message"]
                    for item in summary
                ],
            },
            status=400,
        )
    contact = submission.contact
    confirmation = {"contact": contact, "can_change": services.can_change(contact, user)}
    response = JsonResponse(
        {
            "id": str(contact.pk),
            "created": submission.created,
            "confirmation_html": render_to_string(
                "desk/_confirmation.html", {"confirmation": confirmation}, request=request
            ),
            "today_html": render_to_string(
                "desk/_today.html", {"today": _today(user)}, request=request
            ),
            "favourites_html": render_to_string(
                "desk/_favourites.html",
                {"favourites": favourites.favourites_for(user)},
                request=request,
            ),
        },
        status=201 if submission.created else 200,
    )
    _remember(response, user, contact)
    return response


# --- Correcting and removing ---


def _own_contact(request, pk) -> Contact:
    """A registration of the user's own organisation; another organisation's is not found
    (404). Whether this user may still change it is the services' decision (24 hours, author)."""
    return get_object_or_404(
        own_contacts(request.user).select_related("location", "organisation"), pk=pk
    )


@desk_required
def edit(request, pk):
    user = request.user
    contact = _own_contact(request, pk)
    if not services.can_change(contact, user):
        messages.error(request, services.change_refusal(contact, user))
        return redirect("desk:screen")
    questions = list(contact.questions.select_related("agency", "topic").order_by("position"))
    locations = registering_locations(user).filter(organisation_id=contact.organisation_id)
    choices = _choices(
        user,
        keep_agencies=[q.agency_id for q in questions if q.agency_id],
        keep_topics=[q.topic_id for q in questions if q.topic_id],
        origin=contact.location,
    )
    extra = {"contact": contact, "deadline": services.change_deadline(contact)}
    if request.method == "POST":
        action = request.POST.get("actie", "")
        if action == ADD_BLOCK or action.startswith(REMOVE_BLOCK):
            return _rearranged(request, locations, choices, action, "desk/screen_edit.html", extra)
        desk_form = DeskForm(request.POST, locations=locations)
        blocks = QuestionBlocks(request.POST, choices=choices)
        desk_valid = desk_form.is_valid()
        if blocks.is_valid() and desk_valid:
            data = contact_data(desk_form, blocks)
            data.registered_at = None  # the moment stays what it was
            data.client_reference = None
            try:
                services.correct_contact(contact, data, user=user)
            except ValidationError as error:
                add_service_errors(error, desk_form, blocks)
            except PermissionDenied as error:
                messages.error(request, str(error))
                return redirect("desk:screen")
            else:
                messages.success(request, _("De registratie is aangepast."))
                return redirect("desk:screen")
        summary = error_summary(desk_form, blocks)
    else:
        desk_form = DeskForm(
            initial={
                "location": contact.location,
                "channel": contact.channel,
                "note": contact.note,
            },
            locations=locations,
        )
        blocks = QuestionBlocks(choices=choices, initial=[question_initial(q) for q in questions])
        summary = []
    context = _screen_context(request, desk_form, blocks)
    context.update(extra, error_summary=summary)
    return render(request, "desk/screen_edit.html", context)


@desk_required
@require_POST
def remove(request, pk):
    contact = _own_contact(request, pk)
    try:
        services.remove_contact(contact, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De registratie is verwijderd. Ze telt niet meer mee."))
    return redirect("desk:screen")
