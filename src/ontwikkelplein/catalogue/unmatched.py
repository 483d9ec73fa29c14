"""What of a search that found nothing may reach the staff list "Zoektermen zonder resultaat",
without keeping anything about the resident who typed it.

- Only known words are kept: words of the catalogue's own vocabulary (the search index's words,
  taxonomy terms and synonyms) or of a Dutch word list (settings.ONTWIKKELPLEIN_WORD_LIST,
  by default Debian's wdutch, /usr/share/dict/dutch; only its lower-case entries, so no names
  of people or places). Any other word, such as a name someone typed, is dropped. Without the
  word list (not installed) only the catalogue's vocabulary counts.
- A phrase reaches the list only once at least UNMATCHED_SEARCH_MIN_VISITORS (3) different
  visitors searched for it within UNMATCHED_SEARCH_WINDOW_DAYS (30). A visitor is counted as a
  keyed hash of the address and the day (HMAC with the secret key): no address is stored, and a
  visitor cannot be followed from one day to the next. Those sightings are deleted after the
  window.
"""

import hashlib
import hmac
import logging

from django.conf import settings

from ontwikkelplein.catalogue.models import SynonymGroup, TaxonomyTerm
from ontwikkelplein.catalogue.search.analysis import analyse, words
from ontwikkelplein.catalogue.search.engines import current_engine
from ontwikkelplein.catalogue.search.wordlist import dutch_words
from ontwikkelplein.core.net import client_ip

logger = logging.getLogger(__name__)

DEFAULT_MIN_VISITORS = 3
DEFAULT_WINDOW_DAYS = 30


def min_visitors() -> int:
    return int(getattr(settings, "UNMATCHED_SEARCH_MIN_VISITORS", DEFAULT_MIN_VISITORS))


def window_days() -> int:
    return int(getattr(settings, "UNMATCHED_SEARCH_WINDOW_DAYS", DEFAULT_WINDOW_DAYS))


def _catalogue_words(folded: list[str]) -> set[str]:
    """The folded words that the catalogue knows: in the search vocabulary or a synonym."""
    typed = set(analyse(" ".join(folded)))
    if not typed:
        return set()
    engine = current_engine()
    lexemes = engine.stems(typed)
    known_stems = engine.known_words({s for word in typed for s in lexemes.get(word, ())})
    known = {word.folded for word in typed if set(lexemes.get(word, ())) & known_stems}
    names = [*SynonymGroup.objects.values_list("terms", flat=True)]
    names += TaxonomyTerm.objects.values_list("name", flat=True)
    vocabulary = {w for text in names for w in words(text)}
    return known | {w for w in folded if w in vocabulary}


def known_phrase(text: str) -> str:
    """The words of `text` (lower case, without accents) that occur in the catalogue's
    vocabulary or in the Dutch word list, in the order typed; "" when none do."""
    folded = words(text or "")
    if not folded:
        return ""
    dictionary = dutch_words()
    in_catalogue = _catalogue_words([w for w in folded if w not in dictionary])
    return " ".join(w for w in folded if w in dictionary or w in in_catalogue)


def visitor_key(request, day) -> str:
    """A keyed hash of the visitor's address and the day: the same within one day, unlinkable
    across days, and no address is stored."""
    address = client_ip(request) or ""
    message = f"unmatched-search:{day.isoformat()}:{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
