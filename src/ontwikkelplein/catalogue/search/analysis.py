"""Analysis, the shared front half of both engines: text -> words (lowercase; `folded` also
without accents) -> drop Dutch stop words -> rewrite a few plural forms before stemming (see
rewrite()). The same for documents and queries; each engine then stems the words itself
(search.engines), and stem() here is SQLite's stemmer."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_WORD_LENGTH = 60  # longer "words" are noise (pasted links, base64) and are not indexed

# PostgreSQL's dutch.stop (the Snowball list), which the 'dutch' configuration drops as well.
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
    ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of
    om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren
    was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Question words people type into a search box. Not in PostgreSQL's list, so the front half
# drops every stop word before either engine sees the text.
STOP_WORDS = DUTCH_STOP_WORDS | frozenset(
    "graag jij jou jouw kun kunt onze waar wanneer we welk welke wij".split()  # noqa: SIM905
)

# Words that carry no need: a search for "ik wil graag hulp met mijn telefoon" is a search for
# "telefoon". Planning drops them when other words remain and weighs them low when they are all
# there is; they never make a needs vocabulary phrase fail to match. Dutch first, then English
# and the resident languages (ar, tr, uk, pl); compared after fold(). Closed word classes
# (pronouns, auxiliaries, "help"), so a list in code; the KB's vocabulary is data (NeedPhrase).
_FILLERS = """
    hulp help helpen hulpvraag ondersteuning steun graag zoek zoeken zoekt gezocht weet weten
    iemand vraag vraagje hallo hoi alsjeblieft alstublieft aub nodig info informatie terecht
    ergens manier mogelijk mogelijkheid mogelijkheden wilt willen kunnen mag moeten goed beter
    leuk snel even dingen ding soms vaak echt heel erg waarmee waarbij hoezo werkt lukt lukken
    probleem problemen vragen
    i me my mine you your we our the a an to for with of in on at is are am be do does
    how what where who can could would want wants need needs please helping support someone
    somebody find looking look get some about from it this that there im cant dont
    في من على الى إلى عن أريد اريد مساعدة كيف انا أنا لي
    bir ve ile için icin yardım yardim istiyorum nasıl nasil ben benim lazım lazim
    я мені мій моя моє з і в на як допомога допомогу хочу потрібна потрібно
    ja mnie mój moja moje z i w na jak pomoc chcę chce potrzebuję potrzebuje
"""
# Words that change what a phrase means ("ik kan niet goed lezen"): kept when matching phrases.
NEGATIONS = frozenset("niet geen nooit not no never".split())  # noqa: SIM905

# Letters that Unicode does not decompose into a base letter plus an accent (as unaccent does).
_EXTRA_FOLDS = str.maketrans(
    {
        **{"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŋ": "n", "ŧ": "t", "ĸ": "q"},
        **{"æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ʼ": "'", "ŀ": "l"},
        **{"ẜ": "s", "ẝ": "s", "ỻ": "ll", "ỽ": "v", "ỿ": "y"},
    }
)
_WORD_RE = re.compile(r"[^\W_]+")
# A word as typed: letters and digits, with any combining accents that NFC could not compose.
_TYPED_RE = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*"
)
# Lowercase letters for which unaccent and fold() are tested to agree (Basic Latin, Latin-1,
# Latin Extended-A, Latin Extended Additional, Greek): such words reach PostgreSQL as typed, so
# unaccent removes their accents; any other word is sent already folded.
_UNACCENT_SAFE = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u017f\u1e00-\u1eff\u0386-\u03ce]+")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
# Plurals the Snowball rules do not bring back to the singular.
_IRREGULAR = {"kinderen": "kind", "kinders": "kind", "steden": "stad", "eieren": "ei"}
_PORTER = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lowercase without accents: 'Taalcafé' -> 'taalcafe', 'Straße' -> 'strasse'."""
    # Before decomposing too: NFKD would turn ŀ into l and a middle dot.
    text = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_EXTRA_FOLDS)


def _typed_words(text: str) -> Iterator[tuple[str, str]]:
    """(folded, typed) per word; `typed` is lowercase with its accents."""
    for match in _TYPED_RE.finditer(unicodedata.normalize("NFC", text)):
        yield from _forms(match.group())


@lru_cache(maxsize=200_000)
def _forms(token: str) -> tuple[tuple[str, str], ...]:
    typed = token.casefold()
    folded = fold(typed)
    pieces = _WORD_RE.findall(folded)
    if pieces == [folded]:
        return ((folded, typed),)
    return tuple((piece, piece) for piece in pieces)  # folding split it: "l·l", "1⁄2"


def words(text: str) -> list[str]:
    """Folded words of at least two characters; punctuation and operators are separators."""
    return [w for w, _ in _typed_words(text) if 1 < len(w) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def rewrite(word: str) -> str:
    """The form of a folded word that both engines stem, so that plurals meet their singular:
    a few irregular plurals (kinderen -> kind); -jes/-ies keeps its -e (taalmaatjes ->
    taalmaatje, like taalmaatje); and where Snowball would leave a doubled final consonant
    (cursussen -> cursuss, lessen -> less), one of the two is dropped before stemming
    (cursusen -> cursus, lesen -> les), if that brings the stem to the single consonant.
    Never a stop word, which PostgreSQL would drop. Words with digits (nt2, 3811) stay."""
    if any(ch.isdigit() for ch in word):
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith(("jes", "ies")):
        word = word[:-1]
    stemmed = _PORTER.stemWord(word)
    end = len(stemmed)
    if (
        end > 3  # with one letter before it, the shorter word may stem differently
        and stemmed[-1] == stemmed[-2]
        and stemmed[-1] in _CONSONANTS
        and word.startswith(stemmed)
    ):
        undoubled = word[: end - 1] + word[end:]
        if _PORTER.stemWord(undoubled) == stemmed[:-1] and undoubled not in STOP_WORDS:
            return undoubled
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Dutch (Porter), as PostgreSQL's dutch_stem, of a folded and rewritten word.
    Words with digits stay as typed, as PostgreSQL's 'simple' dictionary leaves them."""
    if any(ch.isdigit() for ch in word):
        return word
    return _PORTER.stemWord(word)


@dataclass(frozen=True)
class Word:
    """A meaningful word of a text, in the forms the two halves need."""

    folded: str  # lowercase, no accents: compared with stop words and typing errors, shown
    rewritten: str  # rewrite(folded): what SQLite's stemmer gets
    source: str  # what PostgreSQL gets: the word as typed (lowercase), or its rewrite

    @property
    def python_stem(self) -> str:
        return stem(self.rewritten)


def analyse(text: str) -> list[Word]:
    """The meaningful words of a text, in order: no stop words, no single letters."""
    return [word for folded, typed in _typed_words(text) if (word := _word(folded, typed))]


@lru_cache(maxsize=200_000)
def _word(folded: str, typed: str) -> Word | None:
    if not 1 < len(folded) <= MAX_WORD_LENGTH or folded in STOP_WORDS:
        return None
    rewritten = rewrite(folded)
    as_typed = rewritten == folded and _UNACCENT_SAFE.fullmatch(typed)
    return Word(folded, rewritten, typed if as_typed else rewritten)


FILLER_WORDS = frozenset(fold(w) for w in _FILLERS.split())


def tokens(text: str) -> list[tuple[str, Word | None]]:
    """Every word of a text in order, stop words included (phrases need "niet"): its folded
    form, and its Word when it is a meaningful one (else None)."""
    return [
        (folded, _word(folded, typed))
        for folded, typed in _typed_words(text)
        if 1 < len(folded) <= MAX_WORD_LENGTH
    ]


def word(folded: str) -> Word | None:
    """The Word of a folded word (a correction, a compound's part), or None for a stop word."""
    return _word(folded, folded)


def max_edits(word: str) -> int:
    """How many typing errors a word may contain: none in very short words, then 1, then 2."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2
