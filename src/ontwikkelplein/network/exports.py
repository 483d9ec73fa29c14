"""The network as a download (`/beheer/netwerk/download/`): what the list and the map show, for a
meeting or the year plan, written by core/tabular.py (CSV for Dutch Excel; XLSX with a second
sheet of agreements). No contact people: their names and numbers stay on the platform, where
viewing them is logged (docs/community.md "Contactpersonen")."""

import datetime

from django.utils.translation import gettext as _

from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.network import selectors
from ontwikkelplein.network.models import Agreement, Strength


def _names(terms) -> str:
    return ", ".join(term.name for term in terms)


def stakeholder_rows(library, today: datetime.date) -> list[list]:
    stakeholders = list(selectors.partners_of(library))
    ties = {tie.stakeholder.pk: tie for tie in selectors.network_ties(library, stakeholders, today)}
    strengths = dict(Strength.choices)
    levels = {0: _("Geen"), **strengths}
    running = selectors.running_agreement_counts(library, today)
    rows = [
        [
            _("Naam"),
            _("Op het platform"),
            _("Soort"),
            _("Rollen"),
            _("Thema's"),
            _("Doelgroepen"),
            _("Fase"),
            _("Volgende stap"),
            _("Volgende stap op"),
            _("Sterkte volgens ons"),
            _("Activiteit van het afgelopen jaar"),
            _("Verwijzingen naar hen"),
            _("Daarvan aangenomen"),
            _("Verwijzingen van hen"),
            _("Daarvan aangenomen"),
            _("Uitvoeringen samen"),
            _("Gedeeld aanbod"),
            _("Lopende afspraken"),
            _("Past bij de bibliotheek"),
            _("Toegevoegde waarde"),
            _("Haalbaarheid"),
            _("Wat levert het hen op?"),
            _("Wat levert het ons op?"),
            _("Samenwerking beëindigd op"),
        ]
    ]
    for stakeholder in stakeholders:
        activity = ties[stakeholder.pk].activity
        counts = (
            [
                activity.referrals_sent,
                activity.referrals_sent_accepted,
                activity.referrals_received,
                activity.referrals_received_accepted,
                activity.runs,
                activity.offers,
            ]
            if activity
            else [None] * 6
        )
        rows.append(
            [
                stakeholder.name,
                stakeholder.partner_id is not None,
                stakeholder.get_kind_display(),
                ", ".join(stakeholder.role_labels()),
                _names(stakeholder.themes.all()),
                _names(stakeholder.target_groups.all()),
                stakeholder.get_stage_display(),
                stakeholder.next_step,
                stakeholder.next_step_on,
                strengths.get(stakeholder.strength, _("Niet ingeschat")),
                levels[activity.level] if activity else _("Niet op het platform"),
                *counts,
                running.get(stakeholder.pk, 0),
                stakeholder.get_fit_display() if stakeholder.fit else "",
                stakeholder.get_added_value_display() if stakeholder.added_value else "",
                stakeholder.get_feasibility_display() if stakeholder.feasibility else "",
                stakeholder.their_gain,
                stakeholder.our_gain,
                stakeholder.ended_on,
            ]
        )
    return rows


def agreement_rows(library) -> list[list]:
    rows = [
        [
            _("Partner"),
            _("Afspraak"),
            _("Soort afspraak"),
            _("Ingangsdatum"),
            _("Einddatum"),
            _("Evaluatie op"),
            _("De bibliotheek brengt in"),
            _("De partner brengt in"),
            _("Documenten"),
        ]
    ]
    agreements = (
        Agreement.objects.filter(stakeholder__organisation=library)
        .select_related("stakeholder")
        .prefetch_related("documents")
        .order_by("stakeholder__name", "starts_on", "title")
    )
    for agreement in agreements:
        rows.append(
            [
                agreement.stakeholder.name,
                agreement.title,
                agreement.get_kind_display(),
                agreement.starts_on,
                agreement.ends_on,
                agreement.evaluation_on,
                ", ".join(agreement.library_contributions),
                ", ".join(agreement.partner_contributions),
                len(agreement.documents.all()),
            ]
        )
    return rows


def network_sheets(library, today: datetime.date) -> list[Sheet]:
    return [
        Sheet(_("Netwerk"), stakeholder_rows(library, today), auto_filter=True),
        Sheet(_("Afspraken"), agreement_rows(library), auto_filter=True),
    ]
