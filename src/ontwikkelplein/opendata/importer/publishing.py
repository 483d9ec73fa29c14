"""Whether an imported offer that was asked to be published may go live, and if not, why.

The one place where an import decides "needs a place, a theme and a target group": the services
writer (importer.services) calls `missing_for_publication` for every offer that would be
published, new or existing, and stores the offer as a draft with the Dutch reasons it returns.
Automatic classification can fill in themes and target groups before this check (give the terms
to the writer's `terms`), and they then count here."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class Readiness:
    has_place: bool = False
    has_theme: bool = False
    has_target_group: bool = False
    unplaced: list[str] = field(default_factory=list)  # why places in the file were not stored
    untitled: bool = False  # the file gave no name; the title was made from the description
    unnamed_organisation: bool = False  # the organisation has no name (importer.organisations)


def missing_for_publication(readiness: Readiness) -> list[str]:
    """The Dutch reasons an offer cannot be published; empty when it can."""
    reasons = list(dict.fromkeys(readiness.unplaced))
    if not readiness.has_place and not reasons:
        reasons.append(_("Het aanbod heeft nog geen plek."))
    if not readiness.has_theme:
        reasons.append(_("Het aanbod heeft nog geen thema."))
    if not readiness.has_target_group:
        reasons.append(_("Het aanbod heeft nog geen doelgroep."))
    if readiness.untitled:
        reasons.append(_("Het bestand gaf het aanbod geen naam: controleer de titel."))
    if readiness.unnamed_organisation:
        reasons.append(_("De organisatie heeft geen naam; vul die in en publiceer dan."))
    return reasons


def draft_message(reasons: list[str]) -> str:
    return _("Als concept opgeslagen, niet gepubliceerd. %(reasons)s") % {
        "reasons": " ".join(reasons)
    }
