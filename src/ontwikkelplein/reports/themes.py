"""The themes of a report, in the order of the KB's quarterly report (the seed "Kwartaalrapportage
2020 Q4", docs/reports.md "Quarterly and yearly reports"). Each theme has a text block that staff
write and, where the platform holds data about it, figures (reports/figures.py). The codes are
stored with the texts, so a label may change without losing a text."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Theme:
    code: str
    title: str
    hint: str  # what the text block is for, shown above the field


THEMES = (
    Theme(
        "inleiding",
        _("Inleiding"),
        _("Waar deze rapportage over gaat en wat de speerpunten van de periode waren."),
    ),
    Theme(
        "netwerk-beleid",
        _("Netwerk en beleid"),
        _("Convenanten, afspraken met overheden en partners, innovatie en doorontwikkeling."),
    ),
    Theme(
        "digitale-inclusie",
        _("Digitale inclusie en IDO"),
        _("Het Informatiepunt Digitale Overheid: openingen, samenwerking, promotie, scholing."),
    ),
    Theme(
        "belastingdienst",
        _("Belastingdienst"),
        _("Hulp bij belastingaangifte en toeslagen: het convenant en de aangifteperiode."),
    ),
    Theme(
        "integratie",
        _("Integratie"),
        _("Nieuwkomers, inburgering en het aanbod voor anderstaligen."),
    ),
    Theme(
        "gezinsaanpak",
        _("Gezinsaanpak"),
        _("De verbinding tussen curatie en preventie: ouders en kinderen, BoekStart."),
    ),
    Theme(
        "collectie-programmering",
        _("Collectie en programmering"),
        _("Cursussen, activiteiten en het aanbod op de sociaal-educatieve kaart."),
    ),
    Theme(
        "monitoring",
        _("Monitoring"),
        _("Registratie, doorverwijzingen, onderzoek en wat de cijfers laten zien."),
    ),
    Theme(
        "taalhuizen",
        _("(digi)Taalhuizen"),
        _("Taalhuizen en hun certificering."),
    ),
    Theme(
        "kennisdeling",
        _("Kennisdeling"),
        _("Bijeenkomsten, themagroepen en uitwisseling in het netwerk."),
    ),
    Theme(
        "opleiding",
        _("Opleiding"),
        _("Leertrajecten en certificaten van medewerkers en vrijwilligers."),
    ),
)

CODES = tuple(theme.code for theme in THEMES)


def get(code: str) -> Theme | None:
    return next((theme for theme in THEMES if theme.code == code), None)
