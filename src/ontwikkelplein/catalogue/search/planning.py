"""Query planning: what someone typed as search terms. Words the index does not know are
corrected to the nearest indexed or synonym word (typing errors), and each term gets its
synonyms (SynonymGroup) as alternatives, a synonym phrase being one term."""

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ontwikkelplein.catalogue.models import SynonymGroup
from ontwikkelplein.catalogue.search.analysis import Word, analyse, max_edits
from ontwikkelplein.catalogue.search.engines import current_engine

MAX_QUERY_CHARS = 500  # a search box needs no more; longer input is cut, never an error
MAX_QUERY_WORDS = 12

Group = tuple[str, ...]  # stems that must all match (a synonym may be a phrase)


@dataclass(frozen=True)
class Term:
    """One thing the searcher asked for: any of its alternatives may match."""

    alternatives: tuple[Group, ...]
    # How much this term decides the match (ranking): 1.0 for a word that names a need; less for
    # words that carry little (set by planning); an offer matching more weight ranks higher.
    weight: float = 1.0


@dataclass(frozen=True)
class Plan:
    terms: tuple[Term, ...]
    corrections: dict[str, str]
    # TaxonomyTerm codes the words point to (needs vocabulary): ranking boosts offers with these
    # themes or offer types; they never filter.
    themes: tuple[str, ...] = ()
    offer_types: tuple[str, ...] = ()


def _synonym_groups() -> list[list[list[Word]]]:
    """Every SynonymGroup as its phrases, each phrase as its words."""
    groups = []
    for terms in SynonymGroup.objects.values_list("terms", flat=True):
        phrases = [analyse(term) for term in terms.split(",")]
        groups.append([phrase for phrase in phrases if phrase])
    return groups


def _synonym_index(groups, lexemes) -> tuple[dict[Group, set[Group]], dict[str, str]]:
    """phrase -> every phrase of its group(s); and each synonym stem -> a readable word."""
    alternatives: dict[Group, set[Group]] = defaultdict(set)
    readable: dict[str, str] = {}
    for group in groups:
        phrases = []
        for phrase in group:
            stems = tuple(s for word in phrase for s in lexemes[word])
            if stems:
                phrases.append(stems)
            for word in phrase:
                for s in lexemes[word]:
                    readable.setdefault(s, word.folded)
        for stems in phrases:
            alternatives[stems].update(phrases)
    return alternatives, readable


def plan(text: str) -> Plan:
    """Turn what someone typed into search terms, correcting words the index does not know."""
    typed = analyse((text or "")[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]
    if not typed:
        return Plan((), {})
    engine = current_engine()
    groups = _synonym_groups()
    # One call stems the query and every synonym, with the engine's own stemmer.
    lexemes = engine.stems({*typed, *(w for group in groups for phrase in group for w in phrase)})
    synonyms, synonym_words = _synonym_index(groups, lexemes)
    known = engine.known_words({s for word in typed for s in lexemes[word]})
    corrections: dict[str, str] = {}
    stems: list[str] = []
    for word in typed:
        found = lexemes[word]
        if len(found) == 1 and max_edits(word.folded):
            s = found[0]
            if s not in known and s not in synonym_words:
                best = _closest_word(engine, word.folded, s, synonym_words)
                if best is not None:
                    found = (best[0],)
                    corrections[word.folded] = best[1]
        stems.extend(found)
    return Plan(_segment(stems, synonyms), corrections)


def _closest_word(engine, word, s, synonym_words) -> tuple[str, str] | None:
    """The nearest indexed or synonym word within max_edits(word) typing errors (a swap of two
    letters counts as one). A typo can change how a word stems ("belastingaangfite" keeps its
    ending), so both the stems and the readable words are compared. Ties go to the word in most
    offers, then alphabetical order."""
    limit = max_edits(word)
    shortest, longest = min(len(s), len(word)), max(len(s), len(word))
    # Stems are up to ~4 letters shorter than their words (-heid, -ingen).
    low, high = shortest - limit - 4, longest + limit
    candidates = engine.words_near(s, low, high)  # stem -> (readable word, offers)
    for stem_, readable in synonym_words.items():
        if low <= len(stem_) <= high:
            candidates.setdefault(stem_, (readable, 0))
    best = None
    for stem_, (readable, ndocs) in candidates.items():
        distance = min(
            OSA.distance(s, stem_, score_cutoff=limit),
            OSA.distance(word, readable, score_cutoff=limit),
        )
        if distance <= limit:
            key = (distance, -ndocs, stem_)
            if best is None or key < best[0]:
                best = (key, stem_, readable)
    return None if best is None else (best[1], best[2])


def _segment(stems: list[str], synonyms: dict[Group, set[Group]]) -> tuple[Term, ...]:
    """Group stems into terms, longest synonym phrase first ("inloggen overheid" is one term)."""
    longest = max((len(p) for p in synonyms), default=1)
    terms: list[Term] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            phrase = tuple(stems[i : i + size])
            if phrase in synonyms or size == 1:
                found = synonyms.get(phrase, set()) | {phrase}
                break
        term = Term(tuple(sorted(found, key=lambda g: (len(g), g))))
        if term not in terms:
            terms.append(term)
        i += size
    return tuple(terms)
