"""Query planning: what a resident typed, as search terms. In this order:

1. Words (analysis.tokens): every word, stop words kept for now (phrases need "niet").
2. Typing errors: a word that neither the index nor the vocabulary knows is corrected to the
   most plausible word within max_edits() typing errors: the fewest edits, then the same first
   letter, then a word of the catalogue's own vocabulary (needs vocabulary, synonyms, taxonomy
   term names) before a word that is merely frequent in the index, then a similar length, then
   the most offers. Shown as "Gezocht op: ...".
3. Needs vocabulary (NeedPhrase, any language): a phrase matches when each of its meaningful
   words occurs in the query, in any order and in any form with the same stem ("brieven" for
   "brief"), also as part of a compound or joined from two typed words; stop words and words
   that carry no need do not count, negations do ("ik kan niet goed lezen" needs niet, goed,
   lezen). Of two matching phrases where one's words are part of the other's, the longer
   wins. A matched phrase becomes one term whose alternatives are the catalogue words it maps
   to (with their synonyms) and the typed words it consumed; its themes and offer types go to
   Plan.themes / Plan.offer_types (ranking boosts them, they never filter).
4. The other words: each a term with its synonyms (SynonymGroup; a synonym phrase is one term),
   the parts of a compound ("computercursus" may match "cursus computer") and, for two typed
   words that together form a word the index knows ("taal cafe"), that word.
5. Words that carry no need (analysis.FILLER_WORDS: "hulp", "graag", "help") are dropped when
   other terms remain; when they are all there is, they stay with FILLER_WEIGHT. A term that
   no indexed offer can match is dropped when other terms can match. What is left decides the
   match, each term with its weight; a query of only such words that match nothing lists
   everything (general help) rather than nothing."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from rapidfuzz.distance import OSA

from ontwikkelplein.catalogue.search import compounds
from ontwikkelplein.catalogue.search.analysis import (
    FILLER_WORDS,
    STOP_WORDS,
    Word,
    max_edits,
    tokens,
)
from ontwikkelplein.catalogue.search.analysis import word as as_word
from ontwikkelplein.catalogue.search.engines import current_engine
from ontwikkelplein.catalogue.search.vocabulary import Vocabulary, match_form, vocabulary

MAX_QUERY_CHARS = 500  # a search box needs no more; longer input is cut, never an error
MAX_QUERY_WORDS = 12
FILLER_WEIGHT = 0.25
MAX_JOINED_ALTERNATIVES = 16

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


class _Known:
    """The words compounds may be split into: the word list and the vocabulary."""

    def __init__(self, *sets):
        self.sets = [s for s in sets if s]

    def __contains__(self, word: str) -> bool:
        return any(word in s for s in self.sets)

    def __bool__(self) -> bool:
        return bool(self.sets)


@dataclass
class _Unit:
    """A meaningful typed word (after correction) and where it stood."""

    position: int
    word: Word
    stems: tuple[str, ...]


@dataclass
class _Draft:
    alternatives: set
    filler: bool
    units: list


def _synonym_index(groups, lexemes) -> tuple[dict[Group, set[Group]], dict[str, str]]:
    """phrase -> every phrase of its group(s); and each synonym stem -> a readable word."""
    alternatives: dict[Group, set[Group]] = {}
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
            alternatives.setdefault(stems, set()).update(phrases)
    return alternatives, readable


def _cut(text: str) -> list[tuple[str, Word | None]]:
    """The words typed, up to MAX_QUERY_WORDS meaningful ones."""
    kept, meaningful = [], 0
    for folded, word in tokens((text or "")[:MAX_QUERY_CHARS]):
        if word is not None:
            if meaningful == MAX_QUERY_WORDS:
                break
            meaningful += 1
        kept.append((folded, word))
    return kept


def plan(text: str, index=None) -> Plan:
    """Turn what someone typed into search terms (see the module's docstring). `index` is the
    vocabulary that corrections are looked up in and that decides which terms can match: the
    offer index by default (the engine), or another collection of documents with the same two
    methods, known_words() and words_near() (corpus.Corpus, the learning materials)."""
    typed = _cut(text)
    if not any(word for _, word in typed):
        return Plan((), {})
    engine = current_engine()
    index = index if index is not None else engine
    vocab = vocabulary()
    meaningful = [word for _, word in typed if word is not None]
    synonym_words = {w for group in vocab.synonyms for phrase in group for w in phrase}
    lexemes = engine.stems({*meaningful, *synonym_words})
    synonyms, synonym_readable = _synonym_index(vocab.synonyms, lexemes)
    known = index.known_words({s for word in meaningful for s in lexemes[word]})

    # 2. Typing errors.
    corrections: dict[str, str] = {}
    forced: dict[Word, tuple[str, ...]] = {}
    fixed: list[tuple[str, Word | None]] = []
    for folded, word in typed:
        if word is not None and _unknown(word, lexemes[word], known, synonym_readable, vocab):
            best = _closest_word(index, word, lexemes[word][0], synonym_readable, vocab)
            if best is not None:
                stem_, readable = best
                corrected = as_word(readable)
                if corrected is not None:
                    if stem_ is not None:
                        forced[corrected] = (stem_,)
                    corrections[word.folded] = readable
                    folded, word = readable, corrected
        fixed.append((folded, word))

    # 3. The needs vocabulary.
    splitter = _Known(compounds.dutch_words(), vocab.lexicon)
    parts = {folded: compounds.split(folded, splitter) for folded, word in fixed if word}
    matched, consumed = _match_phrases(vocab, fixed, parts)

    # Everything still to stem, in one call to the engine.
    mapped = {w for phrase in matched for group in phrase.words for w in group}
    part_words = {p: as_word(p) for ps in parts.values() for p in ps}
    joined = _join_candidates(fixed, consumed)
    joined_words = {j: as_word(j) for pair in joined.values() for j in pair}
    needed = {w for _, w in fixed if w} | mapped
    needed |= {w for w in part_words.values() if w} | {w for w in joined_words.values() if w}
    missing = {w for w in needed if w not in lexemes and w not in forced}
    if missing:
        lexemes.update(engine.stems(missing))
    lexemes.update(forced)

    drafts = [
        _phrase_draft(group, fixed, consumed, lexemes, synonyms)
        for group in _phrase_groups(matched)
        if any(phrase.words for phrase in group)
    ]
    units = [
        _Unit(i, word, lexemes[word])
        for i, (_, word) in enumerate(fixed)
        if word is not None and i not in consumed and lexemes[word]
    ]
    drafts += _word_drafts(units, synonyms, parts, part_words, lexemes)
    stems = {s for d in drafts for g in d.alternatives for s in g}
    stems |= {s for w in joined_words.values() if w for s in lexemes[w]}
    known = index.known_words(stems)
    drafts = _join(drafts, joined, joined_words, lexemes, known)
    terms = _weigh(drafts, known)
    themes = _unique(code for phrase in matched for code in phrase.themes)
    offer_types = _unique(code for phrase in matched for code in phrase.offer_types)
    return Plan(terms, corrections, themes, offer_types)


def _unknown(word: Word, found, known, synonym_readable, vocab: Vocabulary) -> bool:
    return (
        len(found) == 1
        and bool(max_edits(word.folded))
        and found[0] not in known
        and found[0] not in synonym_readable
        and word.folded not in vocab.lexicon
        and word.folded not in FILLER_WORDS
    )


def _closest_word(index, word: Word, s: str, synonym_readable, vocab: Vocabulary):
    """The most plausible intended word within max_edits() typing errors (a swap of two letters
    counts as one), as (index stem or None, readable word). A typo can change how a word stems
    ("belastingaangfite" keeps its ending), so stems and readable words are both compared.
    Ranked by: fewest edits; same first letter; in the catalogue's own vocabulary; nearest in
    length; in most offers; alphabetical."""
    typed = word.folded
    limit = max_edits(typed)
    shortest, longest = min(len(s), len(typed)), max(len(s), len(typed))
    # Stems are up to ~4 letters shorter than their words (-heid, -ingen).
    low, high = shortest - limit - 4, longest + limit
    candidates: dict[tuple[str | None, str], int] = {}
    for stem_, (readable, ndocs) in index.words_near(s, low, high).items():
        candidates[(stem_, readable)] = ndocs
    for stem_, readable in synonym_readable.items():
        if low <= len(stem_) <= high:
            candidates.setdefault((stem_, readable), 0)
    for readable in vocab.lexicon:
        if abs(len(readable) - len(typed)) <= limit:
            candidates.setdefault((None, readable), 0)
    best = None
    for (stem_, readable), ndocs in candidates.items():
        distance = OSA.distance(typed, readable, score_cutoff=limit)
        if stem_ is not None:
            distance = min(distance, OSA.distance(s, stem_, score_cutoff=limit))
        if distance > limit or readable in STOP_WORDS:
            continue
        curated = readable in vocab.lexicon or (stem_ is not None and stem_ in synonym_readable)
        key = (
            distance,
            readable[:1] != typed[:1],
            not curated,
            abs(len(readable) - len(typed)),
            -ndocs,
            readable,
            stem_ or "",
        )
        if best is None or key < best[0]:
            best = (key, stem_, readable)
    return None if best is None else (best[1], best[2])


def _match_phrases(vocab: Vocabulary, fixed, parts) -> tuple[list, set[int]]:
    """The phrases of the needs vocabulary that the query holds, and the positions of the typed
    words they consume (only phrases that map to catalogue words consume words). A word that
    matches only through one of its compound's parts is not consumed: "computercursus" meets
    the phrase "computer" and still asks for a course too."""
    where: dict[str, set[int]] = {}
    for i, (folded, _) in enumerate(fixed):
        where.setdefault(match_form(folded), set()).add(i)
    for i in range(len(fixed) - 1):
        joined = fixed[i][0] + fixed[i + 1][0]
        where.setdefault(match_form(joined), set()).update({i, i + 1})
    inside = {
        match_form(part)
        for folded, _ in fixed
        for part in parts.get(folded, ())
        if match_form(part) not in where
    }
    available = where.keys() | inside
    matched = [p for p in vocab.phrases if p.required and p.required <= available]
    matched = [p for p in matched if not any(p.required < q.required for q in matched)]
    consumed: set[int] = set()
    for phrase in matched:
        if phrase.words:
            for form in phrase.required:
                consumed |= where.get(form, set())
    return matched, consumed


def _phrase_groups(matched) -> list[list]:
    """Matched phrases that ask for the same words ("help with reading" and "reading") make
    one term."""
    groups: dict[frozenset, list] = {}
    for phrase in matched:
        groups.setdefault(phrase.required, []).append(phrase)
    return list(groups.values())


def _with_synonyms(group: Group, synonyms) -> set[Group]:
    return synonyms.get(group, set()) | {group}


def _phrase_draft(phrases, fixed, consumed, lexemes, synonyms) -> _Draft:
    alternatives: set[Group] = set()
    for phrase in phrases:
        for words in phrase.words:
            group = tuple(s for w in words for s in lexemes[w])
            if group:
                alternatives |= _with_synonyms(group, synonyms)
    required = phrases[0].required
    for i in sorted(consumed):
        folded, word = fixed[i]
        if word is not None and word.folded not in FILLER_WORDS and match_form(folded) in required:
            alternatives |= {(s,) for s in lexemes[word]}
    return _Draft(alternatives, filler=False, units=[])


def _word_drafts(units: list[_Unit], synonyms, parts, part_words, lexemes) -> list[_Draft]:
    """Group words into terms, longest synonym phrase first ("inloggen overheid" is one
    term); a single word also matches its compound's parts."""
    longest = max((len(p) for p in synonyms), default=1)
    drafts: list[_Draft] = []
    i = 0
    while i < len(units):
        for size in range(min(longest, len(units) - i), 0, -1):
            chunk = units[i : i + size]
            phrase = tuple(s for unit in chunk for s in unit.stems)
            if size == 1 or phrase in synonyms:
                found = _with_synonyms(phrase, synonyms)
                break
        if size == 1:
            unit = chunk[0]
            pieces = [part_words[p] for p in parts.get(unit.word.folded, ())]
            stems = tuple(s for piece in pieces if piece is not None for s in lexemes[piece])
            if len(stems) > 1 and stems != phrase:
                found = found | {stems}
        filler = size == 1 and chunk[0].word.folded in FILLER_WORDS
        drafts.append(_Draft(set(found), filler=filler, units=chunk))
        i += size
    return drafts


def _join_candidates(fixed, consumed) -> dict[tuple[int, int], tuple[str, ...]]:
    """For two meaningful words typed next to each other, the words they may form together,
    with and without a linking -s-."""
    candidates = {}
    for i in range(len(fixed) - 1):
        (a, wa), (b, wb) = fixed[i], fixed[i + 1]
        if wa is None or wb is None or i in consumed or i + 1 in consumed:
            continue
        if not (a.isalpha() and b.isalpha()):
            continue
        candidates[(i, i + 1)] = (a + b, a + "s" + b)
    return candidates


def _join(drafts: list[_Draft], joined, joined_words, lexemes, known) -> list[_Draft]:
    """Two single-word terms typed apart ("taal cafe") also match the word they form
    ("taalcafe") if the index knows it; then they are one term."""
    if not joined:
        return drafts
    by_position = {d.units[0].position: d for d in drafts if len(d.units) == 1}
    result, skip = [], set()
    for draft in drafts:
        if id(draft) in skip:
            continue
        if len(draft.units) == 1 and not draft.filler:
            position = draft.units[0].position
            nxt = by_position.get(position + 1)
            forms = joined.get((position, position + 1), ())
            groups = {
                group
                for form in forms
                if (w := joined_words.get(form))
                and (group := tuple(lexemes[w]))
                and set(group) <= known
            }
            if nxt is not None and not nxt.filler and groups:
                pairs = product(sorted(draft.alternatives), sorted(nxt.alternatives))
                combos = [a + b for a, b in pairs][:MAX_JOINED_ALTERNATIVES]
                result.append(_Draft(set(combos) | groups, False, draft.units + nxt.units))
                skip.add(id(nxt))
                continue
        result.append(draft)
    return result


def _weigh(drafts: list[_Draft], known: set[str]) -> tuple[Term, ...]:
    """Drop what cannot match and what carries no need (see the module's docstring)."""
    live = [d for d in drafts if any(set(g) <= known for g in d.alternatives)]
    content = [d for d in live if not d.filler]
    if content:
        chosen, weight = content, 1.0
    elif live:
        chosen, weight = live, FILLER_WEIGHT
    elif all(d.filler for d in drafts):
        return ()  # only words that carry no need, none in any offer: everything
    else:
        chosen, weight = [d for d in drafts if not d.filler], 1.0
    terms: list[Term] = []
    for draft in chosen:
        term = Term(tuple(sorted(draft.alternatives, key=lambda g: (len(g), g))), weight)
        if term.alternatives and term not in terms:
            terms.append(term)
    return tuple(terms)


def _unique(codes) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))
