"""The calculators' forms: every variable a field with a Dutch label and help text, read from
the query string (a result is a link that can be shared or bookmarked). Amounts accept the Dutch
decimal comma; nothing is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin

MAX_COUNT = 1_000_000
MAX_HOURS = 100_000
MAX_EUROS = 100_000_000


def _count(label, help_text="", maximum=MAX_COUNT):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=maximum,
        localize=True,
        error_messages={
            "invalid": _("Vul een heel getal in, bijvoorbeeld 12."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul een kleiner getal in (hoogstens %(limit_value)s)."),
        },
    )


def _number(label, help_text="", maximum=MAX_HOURS):
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=maximum,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 2,5."),
            "min_value": _("Vul 0 of meer in."),
            "max_value": _("Vul een kleiner getal in (hoogstens %(limit_value)s)."),
            "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de komma."),
            "max_digits": _("Dit getal is te lang."),
            "max_whole_digits": _("Dit getal is te lang."),
        },
    )


def _euros(label, help_text=""):
    return _number(label, help_text, maximum=MAX_EUROS)


def _percent(label, help_text=""):
    return _number(label, help_text, maximum=100)


class CalculatorForm(StaffFormMixin, forms.Form):
    """A bound form with the example values for whatever the query string leaves out, so the
    first visit already shows a result and a link may carry only the values someone changed."""

    def __init__(self, data, initial_values: dict, **kwargs):
        self.initial_values = initial_values
        super().__init__(data=self._with_defaults(data, initial_values, kwargs), **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("inputmode", "decimal")

    def _with_defaults(self, data, initial_values, kwargs):
        prefix = kwargs.get("prefix")
        merged = {}
        for name, value in initial_values.items():
            key = f"{prefix}-{name}" if prefix else name
            merged[key] = data.get(key, _dutch(value))
        return merged


def _dutch(value) -> str:
    """An example value as someone would type it in Dutch: 0,75 and not 0.75."""
    text = str(value)
    return text.replace(".", ",")


class KaartForm(CalculatorForm):
    offers = _count(
        _("Aantal aanbod op de kaart"),
        _(
            "Alle activiteiten, cursussen en spreekuren op de kaart, van de bibliotheek "
            "en partners."
        ),
    )
    partners = _count(_("Aantal partners"), _("Organisaties die aanbod op de kaart zetten."))
    new_share = _percent(
        _("Nieuw aanbod per jaar (procent)"),
        _("Welk deel van het aanbod elk jaar nieuw wordt ingevoerd."),
    )
    hours_new_offer = _number(_("Uren om één nieuw aanbod in te voeren"))
    checks_per_year = _number(
        _("Controles per aanbod per jaar"),
        _("Hoe vaak een aanbod per jaar wordt nagekeken of bevestigd."),
        maximum=365,
    )
    hours_per_check = _number(_("Uren per controle"))
    hours_per_partner = _number(
        _("Uren per partner per jaar"),
        _("Contact, afspraken en uitleg aan de invoerders van een partner."),
    )
    editor_hours = _number(
        _("Uren van de redactie per jaar"),
        _("Functioneel beheer, vragen van gebruikers, promotie van de kaart."),
    )
    hourly_cost = _euros(
        _("Kosten per uur (euro)"), _("De integrale kosten van een uur van een medewerker.")
    )
    licence = _euros(
        _("Licentie per jaar (euro)"), _("Ontwikkelplein zelf is open source: geen licentie.")
    )
    hosting = _euros(_("Hosting per jaar (euro)"))
    support = _euros(_("Ondersteuning per jaar (euro)"), _("Een supportcontract of beheerpartij."))
    setup_hours = _number(
        _("Uren om de kaart op te zetten (eenmalig)"),
        _("Inrichten, bestaand aanbod overzetten, partners uitnodigen."),
    )

    fieldsets = [
        (_("De kaart"), ["offers", "partners", "new_share"]),
        (
            _("Uren"),
            [
                "hours_new_offer",
                "checks_per_year",
                "hours_per_check",
                "hours_per_partner",
                "editor_hours",
                "setup_hours",
            ],
        ),
        (_("Geld"), ["hourly_cost", "licence", "hosting", "support"]),
    ]


class IdoSharedForm(CalculatorForm):
    hourly_cost = _euros(
        _("Kosten per uur (euro)"), _("De integrale kosten van een uur van een medewerker.")
    )
    volunteer_cost = _euros(
        _("Vrijwilligerskosten per uur (euro)"),
        _("Onkostenvergoeding, reiskosten en begeleiding, gedeeld door de uren."),
    )
    weeks = _number(_("Weken per jaar open"), maximum=53)
    questions = _count(
        _("Vragen per jaar"),
        _(
            "Om de kosten per vraag te berekenen. Vooraf ingevuld uit de baliegesprekken "
            "van de laatste twaalf maanden."
        ),
    )

    fieldsets = [
        (_("Voor alle vormen"), ["hourly_cost", "volunteer_cost", "weeks", "questions"]),
    ]


class IdoModelForm(CalculatorForm):
    help_hours = _number(
        _("Uren per week open voor IDO-vragen"),
        _("Spreekuren, of de openingsuren van de balie als iedereen helpt."),
        maximum=168,
    )
    help_share = _percent(
        _("Deel van die uren aan IDO-vragen (procent)"),
        _("100 bij een spreekuur; bij 'altijd beschikbaar' het deel van de baliedienst."),
    )
    volunteer_hours = _number(_("Uren vrijwilligers per week"), maximum=1000)
    coordination_hours = _number(
        _("Uren coördinatie per week"),
        _("Planning, contact met partners, registratie en verslag."),
        maximum=168,
    )
    trained_staff = _count(_("Medewerkers die per jaar de training volgen"), maximum=10_000)
    training_hours = _number(_("Uren training per medewerker"), maximum=1000)
    training_fee = _euros(_("Kosten training per medewerker (euro)"))
    space = _euros(
        _("Ruimte per jaar (euro)"), _("Een eigen plek of spreekkamer, of een deel ervan.")
    )
    equipment = _euros(
        _("Apparatuur per jaar (euro)"), _("Laptop, printer en scanner, afgeschreven per jaar.")
    )
    promotion = _euros(_("Promotie per jaar (euro)"))
