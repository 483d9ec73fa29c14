"""The Dutch word list: settings.ONTWIKKELPLEIN_WORD_LIST, by default Debian's wdutch at
/usr/share/dict/dutch (installed by scripts/system-packages.sh). Read once per process and
list: its lower-case entries only (so no names of people or places), folded like the search's
words, without phrases. Compound splitting (compounds.py) and the filter of unmatched searches
(catalogue/unmatched.py) share this one copy."""

import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from ontwikkelplein.catalogue.search.analysis import fold

logger = logging.getLogger(__name__)

DEFAULT_WORD_LIST = "/usr/share/dict/dutch"


def word_list_path() -> str:
    return getattr(settings, "ONTWIKKELPLEIN_WORD_LIST", DEFAULT_WORD_LIST)


@lru_cache(maxsize=4)
def words_at(path: str) -> frozenset[str]:
    """The folded lower-case words of the list at `path`; empty (with a warning) when missing."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            entries = (line.strip() for line in handle if line[:1].islower())
            return frozenset(
                entry if entry.isascii() else fold(entry) for entry in entries if " " not in entry
            )
    except OSError:
        logger.warning(
            "No Dutch word list at %s: compounds are split by the vocabulary only, and unmatched"
            " searches keep only the catalogue's words",
            path,
        )
        return frozenset()


def dutch_words() -> frozenset[str]:
    """The configured word list (see words_at)."""
    return words_at(word_list_path())
