"""The learning materials' part of the staff shell (core.menu): the menu entry, and the panels
that show an offer's or a course run's materials on their pages (catalogue and courses do not
import materials)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.materials import selectors
from ontwikkelplein.organisations import scoping

OFFER_STAFF_PAGE = "offer-staff"
OFFER_PUBLIC_PAGE = "offer-public"
RUN_STAFF_PAGE = "run-staff"


def anyone(user) -> bool:
    return True


def offer_panel(request, offer):
    if offer is None:
        return None
    return {
        "materials": selectors.for_offer(request.user, offer),
        "choose_url": reverse("materials:offer", args=[offer.pk])
        if scoping.can_edit(request.user, offer)
        else "",
    }


def run_panel(request, run):
    if run is None:
        return None
    return {
        "materials": selectors.for_run(request.user, run),
        "choose_url": reverse("materials:run", args=[run.pk])
        if scoping.can_edit(request.user, run)
        else "",
    }


def public_offer_panel(request, offer):
    materials = selectors.public_for_offer(offer) if offer is not None else []
    return {"materials": materials} if materials else None


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "materials",
            _("Leermiddelen"),
            "materials:search",
            selectors.may_search,
            order=71,  # right after "Aanbod"
            description=_("Online cursussen, methodes en werkboeken: voor wie en welk niveau"),
        )
    )
    # One tap from the desk screen (desk/templates/desk/screen.html lists this menu).
    menu.register_entry(
        menu.MenuEntry(
            "desk-tools",
            "materials",
            _("Leermiddelen zoeken"),
            "materials:search",
            selectors.may_search,
            order=40,
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "materials-offer",
            "materials/_offer_panel.html",
            offer_panel,
            selectors.may_search,
            page=OFFER_STAFF_PAGE,
            takes_object=True,
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "materials-run",
            "materials/_run_panel.html",
            run_panel,
            selectors.may_search,
            page=RUN_STAFF_PAGE,
            takes_object=True,
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "materials-offer-public",
            "materials/public/_offer_line.html",
            public_offer_panel,
            anyone,
            page=OFFER_PUBLIC_PAGE,
            takes_object=True,
            public=True,
        )
    )
