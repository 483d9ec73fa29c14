"""Public pages: home, search and offer page ("Waar kan ik terecht?"). Thin: reads go through
selectors and catalogue.search; this module only shapes what the templates show."""

import datetime
from dataclasses import dataclass, field, replace
from itertools import groupby
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import search as search_engine
from ontwikkelplein.catalogue import selectors, unmatched
from ontwikkelplein.catalogue.forms import (
    DISTANCE_CHOICES,
    ORDER_CHOICES,
    SearchForm,
)
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    language_names,
)
from ontwikkelplein.catalogue.selectors import phone_href
from ontwikkelplein.catalogue.services import record_unmatched_search
from ontwikkelplein.core import documents
from ontwikkelplein.organisations.calendar import (
    CLOSURE_NOTICE_DAYS,
    LocationCalendar,
    closure_text,
    special_day_text,
    special_hours_text,
    today_text,
)
from ontwikkelplein.organisations.models import Location

PER_PAGE = 20
CARD_TIMES = 3  # a result card shows at most this many times; the offer page shows all
FILTER_TAXONOMIES = (Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.OFFER_TYPE)
# SVG files in static/ontwikkelplein/icons/. A term whose icon is not drawn gets the generic one,
# so a KB-beheerder typing a new icon name never breaks the home page.
THEME_ICONS = frozenset(
    {
        "book",
        "speech",
        "calculator",
        "laptop",
        "government",
        "wallet",
        "heart",
        "briefcase",
        "family",
        "sprout",
        "child",
    }
)
DEFAULT_ICON = "circle"
# A search whose nearest result (on its first page) is further than this from the place the
# resident gave found "only far-away results": the page then also shows where one can always go.
NEAR_KM = 10
SEARCH_KEYS = frozenset(
    {
        "q",
        "waar",
        "afstand",
        "volgorde",
        "thema",
        "doelgroep",
        "soort",
        "hulptaal",
        "gratis",
        "inloop",
        "dag",
        "pagina",
    }
)
# SearchForm.query_items overrides that leave out every filter (words and place stay).
NO_FILTERS = {
    "thema": [],
    "doelgroep": [],
    "soort": [],
    "hulptaal": [],
    "dag": [],
    "gratis": False,
    "inloop": False,
}


# --- Home ---


def home(request):
    themes = selectors.active_terms(Taxonomy.THEME)[Taxonomy.THEME]
    tiles = [(term, term.icon if term.icon in THEME_ICONS else DEFAULT_ICON) for term in themes]
    return render(
        request,
        "catalogue/public/home.html",
        {"form": SearchForm(terms={}), "tiles": tiles},
    )


# --- Search ---


@dataclass
class ResultCard:
    offer: Offer
    distance_km: float | None
    offer_location: OfferLocation | None  # the nearest, or the only one
    location_count: int
    times: list[Schedule] = field(default_factory=list)
    more_times: bool = False


def search(request):
    terms = selectors.active_terms(*FILTER_TAXONOMIES)
    form = SearchForm(request.GET, terms=terms, languages=selectors.offer_languages())
    form.is_valid()  # never fails as a whole; see SearchForm
    params = form.search_params(per_page=PER_PAGE)
    # In an organisation's branding (/b/<slug>/ or its own host name), its offers: those in its
    # municipalities or only its own, as in its embed (docs/public-site.md).
    branding = getattr(request, "branding", None)
    if branding is not None:
        params = replace(params, scope=selectors.branding_scope(branding))
    # The hits arrive with what their cards show (one read of the offers).
    results = search_engine.search(params, load=selectors.offers_for_cards)
    if results.total and params.page > results.pages:
        # A page number past the end (an old link): show the last page instead of nothing.
        params = replace(params, page=results.pages)
        results = search_engine.search(params, load=selectors.offers_for_cards)

    # With filters or a distance limit, do the words alone find anything? That is both the tip
    # shown to the resident and the test for "a term that found nothing".
    text_only_total = None
    if not results.total and params.text and (form.has_filters or params.radius_km):
        text_only_total = search_engine.search(
            search_engine.SearchParams(text=params.text, per_page=1, scope=params.scope)
        ).total
    if not results.total and not text_only_total and params.page == 1:
        _count_unmatched(request, params.text)

    today = timezone.localdate()  # in Europe/Amsterdam (settings.TIME_ZONE)
    values = form.values
    nearest_km = _nearest_km(results) if params.origin else None
    far_only = bool(results.total and params.origin and params.page == 1 and not _near(nearest_km))
    context = {
        "form": form,
        "values": values,
        "place": form.place,
        "results": results,
        "cards": _result_cards(results, today),
        "first_number": (results.page - 1) * results.per_page + 1,
        "today": today,
        "text_only_total": text_only_total,
        "corrected_text": _corrected_text(params.text, results.corrections),
        "has_filters": form.has_filters,
        "back_query": urlencode(form.query_items(page=params.page)),
        "previous_url": _page_url(form, params.page - 1) if params.page > 1 else "",
        "next_url": _page_url(form, params.page + 1) if params.page < results.pages else "",
        "words_only_url": _search_url(form.query_items(**NO_FILTERS, afstand="")),
        "clear_filters_url": _search_url(form.query_items(**NO_FILTERS)),
        "filter_groups": _filter_groups(form),
        "distance_choices": DISTANCE_CHOICES,
        "order_choices": ORDER_CHOICES,
        "place_typed": form.place_typed,
        "place_suggestion": form.place_suggestion,
        "place_suggestion_url": (
            _search_url(form.query_items(waar=form.place_suggestion))
            if form.place_suggestion
            else ""
        ),
        "far_only": far_only,
        "branding_scope": branding.scope if branding is not None else "",
        "nearest_km": nearest_km,
        "near_km": NEAR_KM,
        "help_panel": (
            _help_panel(form, params.origin, today) if far_only or not results.total else None
        ),
    }
    template = (
        "catalogue/public/_results.html"
        if _wants_partial(request)
        else "catalogue/public/search.html"
    )
    response = render(request, template, context)
    # The same URL answers with a page or a fragment: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- "Hier kun je altijd terecht": where to go when a search found nothing near by ---


def _help_panel(form: SearchForm, origin, today) -> selectors.HelpPanel:
    """The nearest IDO, Taalhuis and library with today's hours and phone number; without a
    known place, the search again with a postcode field instead."""
    ask_place_items = [
        (name, value) for name, value in form.query_items(waar="") if name != "afstand"
    ]
    return selectors.help_panel(origin, today, ask_place_items=ask_place_items)


def _nearest_km(results) -> float | None:
    distances = [hit.distance_km for hit in results.hits if hit.distance_km is not None]
    return min(distances) if distances else None


def _near(distance: float | None) -> bool:
    return distance is not None and distance <= NEAR_KM


@dataclass
class FilterOption:
    name: str  # the GET parameter
    value: str
    label: str
    checked: bool
    id: str


@dataclass
class FilterGroup:
    legend: str
    options: list[FilterOption]

    @property
    def chosen(self) -> int:
        return sum(option.checked for option in self.options)


def _filter_groups(form: SearchForm) -> list[FilterGroup]:
    values = form.values
    groups = []
    for name in ("thema", "doelgroep", "soort", "hulptaal", "dag"):
        bound = form[name]
        options = [
            FilterOption(name, str(code), str(label), str(code) in values[name], f"id_{name}_{i}")
            for i, (code, label) in enumerate(bound.field.choices)
        ]
        if options:  # no offer in another language: no empty group
            groups.append(FilterGroup(str(bound.label), options))
    groups.append(
        FilterGroup(
            str(_("Kosten en meedoen")),
            [
                FilterOption(name, "1", str(form[name].label), values[name], f"id_{name}")
                for name in ("gratis", "inloop")
            ],
        )
    )
    return groups


def _wants_partial(request) -> bool:
    # htmx restores history with a full page (HX-History-Restore-Request) even though it also
    # sends HX-Request, so only ordinary htmx requests get the fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _count_unmatched(request, text: str) -> None:
    """Count words that found nothing once per search a resident makes, not once per request:
    a full page load counts; an htmx request counts only when the words differ from those of
    the page it came from (so ticking filters after a failed search does not count again)."""
    if not text or request.headers.get("HX-History-Restore-Request") == "true":
        return
    if request.headers.get("HX-Request") == "true":
        current = urlsplit(request.headers.get("HX-Current-URL", ""))
        previous = dict(parse_qsl(current.query)).get("q", "")
        if " ".join(previous.lower().split()) == " ".join(text.lower().split()):
            return
    record_unmatched_search(text, visitor=unmatched.visitor_key(request, timezone.localdate()))


def _search_url(items) -> str:
    query = urlencode(items)
    return reverse("catalogue:search") + (f"?{query}" if query else "")


def _page_url(form: SearchForm, page: int) -> str:
    return _search_url(form.query_items(page=page))


def _corrected_text(text: str, corrections: dict[str, str]) -> str:
    """The words the engine searched for, when it corrected typos ("Gezocht op: ...")."""
    if not corrections:
        return ""
    lowered = {typed.lower(): used for typed, used in corrections.items()}
    return " ".join(lowered.get(word.lower(), word) for word in text.split())


def _without_closed_days(cards) -> list[ResultCard]:
    """Leave out of the cards the dated times that do not take place (not_taking_place: a closed
    day or exceptional hours added after the time was entered); the offer page says "Niet op
    ...". The calendars are read only for the locations of dated times on the page."""
    dated = {
        s.offer_location.location_id
        for card in cards
        for s in card.times
        if s.kind == ScheduleKind.DATED
    }
    if not dated:
        return cards
    calendars = {
        location.pk: LocationCalendar.of(location)
        for location in Location.objects.filter(pk__in=dated).prefetch_related(
            "opening_hours", "closures", "special_hours"
        )
    }
    for card in cards:
        card.times = [
            s
            for s in card.times
            if s.kind != ScheduleKind.DATED
            or not_taking_place(s, s.date, calendars[s.offer_location.location_id]) is None
        ]
    return cards


def _result_cards(results, today) -> list[ResultCard]:
    """Cards for the hits, whose offers search() loaded with selectors.offers_for_cards."""
    cards = []
    for hit in results.hits:
        offer = hit.offer
        offer_locations = list(offer.offer_locations.all())
        chosen = _nearest(offer_locations, hit.nearest_location)
        schedules = (
            list(chosen.schedules.all())
            if chosen
            else [s for ol in offer_locations for s in ol.schedules.all()]
        )
        times = upcoming_schedules(schedules, today)
        cards.append(
            ResultCard(
                offer=offer,
                distance_km=hit.distance_km,
                offer_location=chosen,
                location_count=len(offer_locations),
                times=times,
            )
        )
    for card in _without_closed_days(cards):
        card.more_times = len(card.times) > CARD_TIMES
        card.times = card.times[:CARD_TIMES]
    return cards


def _nearest(offer_locations, nearest: Location | None) -> OfferLocation | None:
    if nearest is not None:
        for offer_location in offer_locations:
            if offer_location.location_id == nearest.pk:
                return offer_location
    return offer_locations[0] if len(offer_locations) == 1 else None


def upcoming_schedules(schedules, today) -> list[Schedule]:
    """Times still to come: weekly ones that have not ended (by weekday), then dated sessions
    from today on (by date)."""
    weekly = [
        s
        for s in schedules
        if s.kind == ScheduleKind.WEEKLY and (s.valid_to is None or s.valid_to >= today)
    ]
    dated = [s for s in schedules if s.kind == ScheduleKind.DATED and s.date and s.date >= today]
    weekly.sort(key=lambda s: (s.weekday, s.opens_at))
    dated.sort(key=lambda s: (s.date, s.opens_at))
    return weekly + dated


# --- Offer page ---


def not_taking_place(schedule, day, calendar) -> str | None:
    """Why a time does not take place on `day` at its location: closed all day, or a day of
    exceptional hours that leave no room for it (unless staff marked the time "ook buiten
    openingstijden"); None when it takes place."""
    reason = calendar.closed_reason(day)
    if reason is not None:
        return reason
    hours = calendar.day(day)
    if (
        hours.exceptional
        and not schedule.outside_opening_hours
        and not hours.covers(schedule.opens_at, schedule.closes_at)
    ):
        return special_hours_text(hours)
    return None


def skipped_weekly(offer, weekly, calendar, today) -> list[tuple[datetime.date, str]]:
    """The days in the coming weeks (CLOSURE_NOTICE_DAYS) on which a weekly time would fall but
    does not take place because the location is closed then (not_taking_place): (date, reason).
    Only days the time is valid and the offer in season."""
    skipped = []
    for offset in range(CLOSURE_NOTICE_DAYS):
        day = today + datetime.timedelta(days=offset)
        for schedule in weekly:
            if schedule.weekday != day.weekday() or not offer.in_season(day):
                continue
            if (schedule.valid_from and day < schedule.valid_from) or (
                schedule.valid_to and day > schedule.valid_to
            ):
                continue
            reason = not_taking_place(schedule, day, calendar)
            if reason is not None:
                skipped.append((day, reason))
    return skipped


@dataclass
class LocationBlock:
    offer_location: OfferLocation
    weekly: list[Schedule]
    dated: list[Schedule]
    opening_hours: list[tuple[str, list]]  # (weekday name, [OpeningHours, ...])
    today: str = ""  # "Vandaag open tot 17:00", "Vandaag gesloten", "" when unknown
    closures: list[str] = field(default_factory=list)  # "Gesloten op 27 december (...)"
    # Occurrences of the offer's times that do not take place: (date, reason), by date.
    skipped: list[tuple[datetime.date, str]] = field(default_factory=list)

    @property
    def location(self) -> Location:
        return self.offer_location.location


def offer_detail(request, pk):
    offer = selectors.published_offer(pk)
    if offer is None:
        archived = selectors.archived_offer(pk)
        if archived is None:
            raise Http404
        return _offer_gone(request, archived)
    today = timezone.localdate()
    now = timezone.localtime().time()
    blocks = []
    for offer_location in offer.offer_locations.all():
        times = upcoming_schedules(offer_location.schedules.all(), today)
        hours = sorted(offer_location.location.opening_hours.all(), key=_hours_key)
        calendar = LocationCalendar.of(offer_location.location)
        weekly = [s for s in times if s.kind == ScheduleKind.WEEKLY]
        dated, skipped = [], []
        for schedule in (s for s in times if s.kind == ScheduleKind.DATED):
            reason = not_taking_place(schedule, schedule.date, calendar)
            if reason is None:
                dated.append(schedule)
            else:
                skipped.append((schedule.date, reason))
        skipped += skipped_weekly(offer, weekly, calendar, today)
        blocks.append(
            LocationBlock(
                offer_location=offer_location,
                weekly=weekly,
                dated=dated,
                opening_hours=[
                    (rows[0].get_weekday_display(), rows)
                    for rows in (list(g) for _day, g in groupby(hours, key=lambda h: h.weekday))
                ],
                today=today_text(calendar.day(today), now),
                # Closed days and days with exceptional hours ahead, by date.
                closures=[
                    text
                    for _day, text in sorted(
                        [(c.start, closure_text(c)) for c in calendar.upcoming_closures(today)]
                        + [
                            (h.date, special_day_text(h))
                            for h in calendar.upcoming_special_hours(today)
                        ],
                        key=lambda pair: pair[0],
                    )
                ],
                skipped=sorted(set(skipped)),
            )
        )
    organisation = offer.organisation
    # The library's own translation of the title and summary, if it made one for this language.
    translated = next(
        (t for t in offer.translations.all() if t.language == translation.get_language()), None
    )
    phone = offer.contact_phone or organisation.phone
    website = offer.website or organisation.website
    back_query = _clean_back_query(request.GET.get("van", ""))
    context = {
        "offer": offer,
        "translated": translated,
        "today": today,
        "locations": blocks,
        "is_walk_in": offer.sign_up == SignUp.WALK_IN,
        "needs_registration": offer.sign_up == SignUp.REGISTRATION,
        "needs_intake": offer.sign_up == SignUp.INTAKE,
        "by_appointment": offer.sign_up == SignUp.APPOINTMENT,
        "languages": language_names(offer.languages),
        "contact_name": offer.contact_name,
        "phone": phone,
        "phone_href": phone_href(phone),
        "email": offer.contact_email or organisation.email,
        "website": website if website.startswith(("https://", "http://")) else "",
        "back_url": _search_url(parse_qsl(back_query)) if back_query else "",
        "back_query": back_query,
        "print_mode": request.GET.get("print") == "1",
        "canonical_url": request.build_absolute_uri(
            reverse("catalogue:offer-detail", args=[offer.pk])
        ),
    }
    return render(request, "catalogue/public/offer_detail.html", context)


SIMILAR_OFFERS = 3


def _offer_gone(request, offer: Offer):
    """An archived offer's old link (a bookmark, a printed flyer): say in plain words that it is no
    longer offered and show a few similar published offers (same themes, nearest to where the
    old one was first). Status 404, so search engines drop the old page."""
    origin = next(
        (
            (ol.location.latitude, ol.location.longitude)
            for ol in offer.offer_locations.all()
            if ol.location.latitude is not None and ol.location.longitude is not None
        ),
        None,
    )
    themes = tuple(term.code for term in offer.themes.all())
    hits = []
    if themes:
        params = search_engine.SearchParams(themes=themes, origin=origin, per_page=SIMILAR_OFFERS)
        results = search_engine.search(params, load=selectors.offers_for_cards)
        hits = [hit for hit in results.hits if hit.offer.pk != offer.pk]
    today = timezone.localdate()
    similar = _result_cards(
        search_engine.SearchResults(hits=hits, total=len(hits), page=1, per_page=SIMILAR_OFFERS),
        today,
    )
    context = {
        "offer": offer,
        "cards": similar,
        "today": today,
        "more_url": _search_url([("thema", code) for code in themes]),
    }
    return render(request, "catalogue/public/offer_gone.html", context, status=404)


def _hours_key(hours):
    return (hours.weekday, hours.opens_at)


def _clean_back_query(raw: str) -> str:
    """The search an offer page was opened from (`van`), reduced to known search parameters, so
    the "back to the results" link can only ever point at the search page."""
    data = QueryDict(raw[:2000])
    items = [
        (key, value[:200])
        for key in sorted(data.keys() & SEARCH_KEYS)
        for value in data.getlist(key)
    ]
    return urlencode(items[:100])


# --- Poster and cards ---


def _offer_for_print(request, pk):
    offer = selectors.published_offer(pk)
    if offer is None:
        raise Http404
    url = request.build_absolute_uri(reverse("catalogue:offer-detail", args=[offer.pk]))
    language = translation.get_language()
    if language != settings.LANGUAGE_CODE:
        url += f"?taal={language}"
    today = timezone.localdate()
    places = []
    for offer_location in offer.offer_locations.all():
        calendar = LocationCalendar.of(offer_location.location)
        times = upcoming_schedules(offer_location.schedules.all(), today)
        places.append(
            {
                "location": offer_location.location,
                "times": [
                    s
                    for s in times
                    if s.kind == ScheduleKind.WEEKLY
                    or not_taking_place(s, s.date, calendar) is None
                ][:POSTER_TIMES],
            }
        )
    translated = next((t for t in offer.translations.all() if t.language == language), None)
    return {
        "offer": offer,
        "translated": translated,
        "places": places,
        "today": today,
        "offer_url": url,
        "is_walk_in": offer.sign_up == SignUp.WALK_IN,
    }


POSTER_TIMES = 4
CARDS_PER_SHEET = 8


def offer_poster(request, pk):
    """An A4 poster of a published offer with a QR code to its page, to print and hang up."""
    context = _offer_for_print(request, pk)
    context["qr"] = documents.qr_svg(
        context["offer_url"], label=_("QR-code naar dit aanbod op de website"), css_class="op-qr"
    )
    context.update(
        sheet_name=_("Poster"),
        heading=_("Poster om op te hangen"),
        intro=_("Een A4-poster van dit aanbod, met een QR-code naar de website."),
    )
    return render(request, "catalogue/public/poster.html", context)


def offer_cards(request, pk):
    """An A4 sheet of small cards with the offer's title, place and a QR code, to cut and hand
    out."""
    context = _offer_for_print(request, pk)
    qr = documents.qr_svg(
        context["offer_url"], label=_("QR-code naar dit aanbod op de website"), css_class="op-qr"
    )
    context["cards"] = [qr] * CARDS_PER_SHEET
    context.update(
        sheet_name=_("Kaartjes"),
        heading=_("Kaartjes om uit te delen"),
        intro=_(
            "Acht kaartjes op een A4 met een QR-code naar dit aanbod. Knip ze langs de "
            "stippellijnen."
        ),
    )
    return render(request, "catalogue/public/cards.html", context)
