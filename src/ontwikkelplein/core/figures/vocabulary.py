"""The one vocabulary of every figures page: the words in the address, the names of the levels,
the small-count limit and the texts that stand in for hidden numbers."""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The words in the address. Every figures page uses these names and no others.
LEVEL_PARAM = "niveau"
PERIOD_PARAM = "periode"
DATE_PARAM = "datum"
FORMAT_PARAM = "formaat"
# Older addresses (bookmarks) used ?weergave=...; still read, never written.
LEGACY_LEVEL_PARAMS = ("weergave",)
LEGACY_LEVEL_VALUES = {"landelijk": "land", "nederland": "land"}

# Counts from 1 to SMALL_COUNT_LIMIT - 1 are hidden above the own organisation.
SMALL_COUNT_LIMIT = 5
SMALL_TEXT = f"<{SMALL_COUNT_LIMIT}"


class Level(models.TextChoices):
    """Whose numbers a figures page shows. The values are the words in the address."""

    OWN = "eigen", gettext_lazy("Eigen organisatie")
    REGION = "regio", gettext_lazy("Regio (POI)")
    COUNTRY = "land", gettext_lazy("Heel Nederland")


def derived_text() -> str:
    """What a cell shows that is hidden so that a small count cannot be worked out."""
    return _("afgeschermd")


def small_count_note() -> str:
    return _(
        "Aantallen van 1 tot en met %(limit)s staan er als <%(small)s. Als je zo'n klein aantal "
        "zou kunnen uitrekenen uit een totaal, is nog een aantal afgeschermd."
    ) % {"limit": SMALL_COUNT_LIMIT - 1, "small": SMALL_COUNT_LIMIT}
