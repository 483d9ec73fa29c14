"""The catalogue's part of the staff shell (core.menu): menu entries and the offers panel of
the staff home for specialists and team leaders."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue import selectors
from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.menu import is_staff_member, works_beyond_desk
from ontwikkelplein.organisations.models import Role

PANEL_OFFERS = 5


def has_offers_to_verify(user) -> bool:
    """ "Te controleren" lists the offers of the organisations the user may edit
    (selectors.offers_to_verify); without one the page is always empty."""
    return scoping.editable_organisations(user).exists()


def has_auto_classified_offers(user) -> bool:
    """ "Automatisch ingedeeld — controleren" is in the menu while there is something to review
    (selectors.offers_auto_classified): offers arrive that way only from an import, so for most
    libraries the entry would be an always empty list."""
    return selectors.offers_auto_classified(user).exists()


def looks_after_offers(user) -> bool:
    """The library's specialists and team leaders keep the catalogue up to date."""
    return scoping.has_role(user, Role.SPECIALIST, Role.TEAM_LEADER)


def reads_search_terms(user) -> bool:
    """The national list of search terms without a result is for those who shape the catalogue:
    the library's specialists and team leaders, the POIs and the KB (the page is open to all
    staff)."""
    return scoping.has_role(
        user, Role.SPECIALIST, Role.TEAM_LEADER, Role.POI_ADVISER, Role.KB_ADMIN
    )


def puts_embed_on_website(user) -> bool:
    """Back-office staff of a library or partner: the embed is about their own website (the page
    itself is open to every member of the organisation, front desk included)."""
    return works_beyond_desk(user) and bool(scoping.own_organisation_ids(user))


def offers_panel(request) -> dict:
    user = request.user
    to_verify = selectors.offers_to_verify(user)
    return {
        "counts": selectors.staff_offer_counts(user),
        "to_verify": to_verify[:PANEL_OFFERS],
        "can_create": scoping.editable_organisations(user).exists(),
        "verify_after_days": settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS,
    }


def register() -> None:
    staff = menu.STAFF_MENU
    for entry in (
        menu.MenuEntry(
            staff, "offers", _("Aanbod"), "catalogue:staff-offer-list", is_staff_member, order=70
        ),
        menu.MenuEntry(
            staff,
            "templates",
            _("Sjablonen"),
            "catalogue:staff-template-list",
            works_beyond_desk,
            order=72,
        ),
        menu.MenuEntry(
            staff,
            "to-verify",
            _("Te controleren"),
            "catalogue:staff-to-verify",
            has_offers_to_verify,
            order=74,
        ),
        menu.MenuEntry(
            staff,
            "auto-classified",
            _("Automatisch ingedeeld"),
            "catalogue:staff-auto-classified",
            has_auto_classified_offers,
            order=75,
        ),
        menu.MenuEntry(
            staff,
            "unmatched",
            _("Zoektermen zonder resultaat"),
            "catalogue:staff-unmatched-searches",
            reads_search_terms,
            order=76,
        ),
        menu.MenuEntry(
            staff,
            "vocabulary",
            _("Behoeftewoordenlijst"),
            "catalogue:staff-need-phrase-list",
            scoping.is_kb_admin,
            order=77,
        ),
        menu.MenuEntry(
            staff,
            "embed",
            _("Op uw website"),
            "catalogue:staff-embed-index",
            puts_embed_on_website,
            order=79,
        ),
        menu.MenuEntry(
            staff,
            "keywords",
            _("Woorden voor indelen"),
            "catalogue:staff-term-keyword-list",
            scoping.is_kb_admin,
            order=78,
        ),
    ):
        menu.register_entry(entry)
    menu.register_panel(
        menu.HomePanel(
            "offers",
            "catalogue/staff/_home_panel.html",
            offers_panel,
            looks_after_offers,
            order=40,
        )
    )
