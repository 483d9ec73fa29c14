"""Indexing: an offer as a Document (its words per weighted field), stored by the engine,
with the vocabulary (catalogue_search_word) that corrections are looked up in. index_offer()
after each change to an offer, rebuild_index() for everything at once."""

import functools
from collections import Counter

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from ontwikkelplein.catalogue.models import LANGUAGE_CHOICES, Offer, OfferLocation, OfferStatus
from ontwikkelplein.catalogue.search.analysis import Word, analyse, word
from ontwikkelplein.catalogue.search.compounds import split_known
from ontwikkelplein.catalogue.search.engines import Document, Entry, as_uuid, current_engine
from ontwikkelplein.catalogue.search.engines.base import prefer_shorter


def _index_queryset():
    return Offer.objects.select_related("organisation", "offer_type", "programme").prefetch_related(
        "themes",
        "target_groups",
        "levels",
        "partners",
        "translations",
        Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
    )


def _indexable(offer: Offer | None, today) -> bool:
    # Offers that start later are indexed now (search() checks the dates); expired ones are not,
    # since only an edit, which reindexes, can make them current again.
    return (
        offer is not None
        and offer.status == OfferStatus.PUBLISHED
        and (offer.valid_to is None or offer.valid_to >= today)
    )


def document(offer: Offer) -> Document:
    """Title (weight A), summary (B), and description plus every name a resident might search
    for (C): themes, target groups, offer type, levels, programmes, provider and partners,
    location names and towns, the languages help is given in (language_words()) and the
    library's translations of title and summary; then the parts of its compounds
    (compound_parts())."""
    body_parts = [offer.description, offer.offer_type.name, offer.organisation.name]
    body_parts += [t.name for t in offer.themes.all()]
    body_parts += [t.name for t in offer.target_groups.all()]
    body_parts += [t.name for t in offer.levels.all()]
    if offer.programme is not None:
        body_parts.append(offer.programme.name)
    body_parts += [p.name for p in offer.partners.all()]
    for offer_location in offer.offer_locations.all():
        body_parts += [offer_location.location.name, offer_location.location.city]
    body_parts += language_words(offer.languages)
    for translated in offer.translations.all():
        body_parts += [translated.title, translated.summary]
    title, summary = analyse(offer.title), analyse(offer.summary)
    body = analyse("\n".join(body_parts))
    return Document(title=title, summary=summary, body=body + compound_parts(title, summary, body))


@functools.cache
def _names_of_language(code: str) -> tuple[str, ...]:
    """A language's name in every language of the resident pages ("Arabisch", "Arabic",
    "Arapça", "арабська", "arabski", "عربي"), in English and in the language itself."""
    ours = dict(LANGUAGE_CHOICES)
    names = set()
    if code in ours:
        for resident_language, _name in settings.LANGUAGES:
            with translation.override(resident_language):
                names.add(str(ours[code]))
    try:
        info = get_language_info(code)
    except KeyError:
        pass
    else:
        names.update((info["name"], info["name_local"]))
    return tuple(sorted(names))


def language_words(codes) -> list[str]:
    """The names of the languages help is given in, so that "Arabisch" or "Türkçe" finds an
    offer given in that language. Not Dutch: nearly every offer is, and "Nederlands" is what
    residents search for when they want to learn it."""
    return [
        name
        for code in dict.fromkeys(str(c).lower() for c in codes or [])
        if code != settings.LANGUAGE_CODE
        for name in _names_of_language(code)
    ]


def compound_parts(*fields: list[Word]) -> list[Word]:
    """The parts of the compounds in the fields, as extra body words (search/compounds.py):
    "Taalcafé" is also found as "taal cafe", "belastingaangifte" as "aangifte belasting"."""
    parts = []
    for field in fields:
        for w in field:
            parts += [p for part in split_known(w.folded) if (p := word(part)) is not None]
    return parts


def _entries(engine, documents: list[tuple[object, Document]]) -> list[Entry]:
    """The documents with their stems, from one call to the engine's stemmer."""
    lexemes = engine.stems({word for _, doc in documents for part in doc.fields for word in part})
    return [Entry(db_id, doc, lexemes) for db_id, doc in documents]


def _add_words(cursor, counts: Counter, readable: dict[str, str]) -> None:
    cursor.executemany(
        "INSERT INTO catalogue_search_word (word, display, length, ndocs) VALUES (%s, %s, %s, %s)"
        " ON CONFLICT (word) DO UPDATE"
        " SET ndocs = catalogue_search_word.ndocs + EXCLUDED.ndocs",
        [(w, readable[w], len(w), counts[w]) for w in sorted(counts)],
    )


def _remove_words(cursor, removed: set[str]) -> None:
    ordered = sorted(removed)  # a fixed order, so concurrent reindexing cannot deadlock
    cursor.executemany(
        "UPDATE catalogue_search_word SET ndocs = ndocs - 1 WHERE word = %s",
        [(w,) for w in ordered],
    )
    marks = ", ".join(["%s"] * len(ordered))
    cursor.execute(
        f"DELETE FROM catalogue_search_word WHERE ndocs <= 0 AND word IN ({marks})",  # noqa: S608
        ordered,
    )


def index_offer(offer_id) -> None:
    """(Re)index one offer; removes it from the index when it is not published (or expired).
    Services call it in transaction.on_commit after changing an offer."""
    engine = current_engine()
    offer_uuid = as_uuid(offer_id)
    db_id = engine.db_id(offer_uuid)
    with transaction.atomic():
        offer = _index_queryset().filter(pk=offer_uuid).first()
        entry = None
        if _indexable(offer, timezone.localdate()):
            entry = _entries(engine, [(db_id, document(offer))])[0]
        with connection.cursor() as cursor:
            old = engine.read_words(cursor, db_id)
            engine.write(cursor, db_id, entry, existed=old is not None)
            old = old or set()
            new = entry.stems if entry else set()
            if old - new:
                _remove_words(cursor, old - new)
            if new - old:
                _add_words(cursor, Counter(new - old), entry.readable())


def rebuild_index(batch_size: int = 2000) -> int:
    """Reindex every published offer; returns how many were indexed."""
    engine = current_engine()
    today = timezone.localdate()
    counts: Counter = Counter()
    readable: dict[str, str] = {}
    indexed = 0
    queryset = _index_queryset().filter(status=OfferStatus.PUBLISHED).order_by("pk")
    queryset = queryset.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    with transaction.atomic(), connection.cursor() as cursor:
        engine.clear(cursor)
        last = None
        while True:
            batch_qs = queryset if last is None else queryset.filter(pk__gt=last)
            batch = list(batch_qs[:batch_size])
            if not batch:
                break
            entries = _entries(engine, [(engine.db_id(o.pk), document(o)) for o in batch])
            for entry in entries:
                counts.update(entry.stems)
                for s, word in entry.readable().items():
                    prefer_shorter(readable, s, word)
            engine.bulk_write(cursor, entries)
            indexed += len(entries)
            last = batch[-1].pk
        if counts:
            _add_words(cursor, counts, readable)
        engine.after_rebuild(cursor)
    return indexed
