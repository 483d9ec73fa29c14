"""The English interface: the catalogue in src/ontwikkelplein/locale is complete and sound, and
the pages switch to English through Django's set_language view (the button in base.html).

The .mo file is not in git (make messages builds it); the `compiled_catalogue` fixture builds it
when it is missing or older than the .po, or skips with the reason when gettext is missing."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import get_resolver, reverse
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.trans_real import CONTEXT_SEPARATOR

from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, theme
from ontwikkelplein.core.languages import RESIDENT_MESSAGES_IN_SHARED_CODE, is_resident_message
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    LocationFactory,
    staff_user,
)

SRC = Path(settings.BASE_DIR)
PO_FILE = SRC / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")
# Every language but Dutch (the msgids) has a catalogue; staff texts only need English.
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "nl"]
RESIDENT_ONLY_LANGUAGES = [code for code in OTHER_LANGUAGES if code not in settings.STAFF_LANGUAGES]


def _po(code: str) -> Path:
    return SRC / "locale" / code / "LC_MESSAGES" / "django.po"


def _mo(code: str) -> Path:
    return _po(code).with_suffix(".mo")


SET_LANGUAGE = "/i18n/setlang/"

# %(name)s, %(n)d, %s, {name} and {} as Python and Django use them; %% is a literal percent.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{[^{}]*\}")
HTML_TAG = re.compile(r"<[^>]+>")


# --- A small .po reader (polib is not a dependency) ---


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts: context (or None), msgid, plural (or None), msgstr
    {index: text}, flags, obsolete, references ("path:line"). The header (empty msgid) is the
    first entry."""
    entries: list[dict] = []
    entry: dict | None = None
    target: tuple = ()

    def finish():
        nonlocal entry
        if entry is not None and (entry["msgid"] is not None):
            entries.append(entry)
        entry = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if entry is None:
            entry = {
                "context": None,
                "msgid": None,
                "plural": None,
                "msgstr": {},
                "flags": set(),
                "obsolete": False,
                "references": [],
            }
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#:"):
            entry["references"].extend(line[2:].split())
            continue
        if line.startswith("#"):
            continue
        keyword, _space, rest = line.partition(" ")
        if keyword == "msgctxt":
            entry["context"], target = _unquote(rest), ("context",)
        elif keyword == "msgid":
            entry["msgid"], target = _unquote(rest), ("msgid",)
        elif keyword == "msgid_plural":
            entry["plural"], target = _unquote(rest), ("plural",)
        elif keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry["msgstr"][index], target = _unquote(rest), ("msgstr", index)
        elif line.startswith('"'):
            text = _unquote(line)
            if target[0] == "msgstr":
                entry["msgstr"][target[1]] += text
            else:
                entry[target[0]] += text
        else:
            raise AssertionError(f"unexpected line in {path.name}: {raw!r}")
    finish()
    return entries


def _unquote(text: str) -> str:
    # A .po string is a C string; Python's literal syntax reads the escapes the same way.
    return ast.literal_eval(text)


def messages(entries: list[dict]) -> list[dict]:
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


# --- Fixtures ---


@pytest.fixture(scope="session")
def compiled_catalogue():
    """Builds the .mo files that are missing or stale; the pages below need them."""
    stale = [
        code
        for code in OTHER_LANGUAGES
        if not _mo(code).exists() or _mo(code).stat().st_mtime < _po(code).stat().st_mtime
    ]
    if not stale:
        return
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is missing, so the catalogues cannot be compiled")
    with pytest.MonkeyPatch.context() as patch:
        # compilemessages walks the current directory; keep it out of .venv and node_modules.
        patch.chdir(SRC)
        call_command("compilemessages", locale=stale, verbosity=0)
    # Catalogues loaded before were read without the .mo. Changing LOCALE_PATHS (here: to the
    # same value) makes Django drop them, so they are read again.
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        pass


@pytest.fixture
def english(client, compiled_catalogue):
    """A client that chose English with the language button of base.html."""
    response = client.post(SET_LANGUAGE, {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


@pytest.fixture
def offer(db):
    location = LocationFactory(name="Bibliotheek Eemhuis", city="Amersfoort")
    return OfferFactory(
        title="Spreekuur digitale overheid",
        location=location,
        location__weekday=0,
        themes=[theme("digitale-overheid")],
        offer_type=offer_type("spreekuur"),
        is_free=True,
    )


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# --- The catalogue file ---


def test_every_message_is_translated():
    found = messages(read_po(PO_FILE))
    assert len(found) > 400, "the catalogue looks truncated"
    untranslated = [
        e["msgid"]
        for e in found
        if not all(e["msgstr"].get(i, "").strip() for i in ((0, 1) if e["plural"] else (0,)))
    ]
    assert untranslated == []


def test_no_translation_is_fuzzy():
    entries = read_po(PO_FILE)
    header = entries[0]
    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert "Language: en\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["msgstr"][0]
    assert [e["msgid"] for e in messages(entries) if "fuzzy" in e["flags"]] == []


def test_translations_keep_the_placeholders_and_html_of_the_dutch_text():
    wrong = []
    for e in messages(read_po(PO_FILE)):
        pairs = [(e["msgid"], e["msgstr"][0])]
        if e["plural"] is not None:
            pairs.append((e["plural"], e["msgstr"][1]))
        for dutch, english in pairs:
            if placeholders(dutch) != placeholders(english):
                wrong.append(f"placeholders: {dutch!r} -> {english!r}")
            if [t.split()[0] for t in HTML_TAG.findall(dutch)] != [
                t.split()[0] for t in HTML_TAG.findall(english)
            ]:
                wrong.append(f"html: {dutch!r} -> {english!r}")
            attributes = re.findall(r'\w+="[^"]*"', dutch)
            if any(attribute not in english for attribute in attributes):
                wrong.append(f"html attributes: {dutch!r} -> {english!r}")
    assert wrong == []


def test_the_placeholder_check_catches_a_broken_translation():
    assert placeholders("Vraag het bij %(name)s.") != placeholders("Ask %(naam)s.")
    assert placeholders("{count} plekken") != placeholders("places")
    assert placeholders("100%% gratis, %(n)d keer") == placeholders("100%% free, %(n)d times")


def test_the_catalogue_has_every_message_of_the_source(tmp_path):
    """Runs makemessages on a copy of the source, so a new Dutch text without an English
    translation fails here. Refresh the catalogue, then translate what is new:
    cd src/ontwikkelplein && ../../.venv/bin/python ../../manage.py makemessages -l en
    --ignore='static/vendor/*' --no-obsolete"""
    if shutil.which("xgettext") is None:
        pytest.skip("gettext's xgettext is missing, so the source cannot be scanned")
    copy = tmp_path / "src"
    shutil.copytree(
        SRC, copy, ignore=shutil.ignore_patterns("static", "locale", "__pycache__", "*.csv")
    )
    with override_settings(LOCALE_PATHS=[copy / "locale"]), pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    fresh = {(e["msgid"], e["plural"]) for e in messages(read_po(copy / PO_FILE.relative_to(SRC)))}
    ours = {(e["msgid"], e["plural"]) for e in messages(read_po(PO_FILE))}
    assert len(fresh) > 400
    assert sorted(fresh - ours, key=str) == []


# --- The pages ---


def test_pages_are_dutch_by_default(client, offer, compiled_catalogue):
    home = page(client.get(reverse("catalogue:home")))
    assert '<html lang="nl"' in home
    assert "Waar kan ik terecht?" in home
    assert "Digitale overheid en DigiD" in home  # a theme tile, from the database
    assert ">English</button>" in home
    assert "Where can I get help?" not in home

    detail = page(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))
    assert "Elke maandag, 10:00 tot 12:00 uur" in detail
    assert 'id="aanbod-titel">Spreekuur digitale overheid</h1>' in detail
    assert "Wat is het?" in detail

    login = page(client.get(reverse("accounts:login")))
    assert "Inloggen voor medewerkers" in login and "Wachtwoord" in login


def test_the_language_button_switches_the_home_page_to_english(english, offer):
    home = page(english.get(reverse("catalogue:home")))
    assert '<html lang="en"' in home
    assert "<title>Where can I get help? – Ontwikkelplein</title>" in home
    assert "What do you need help with?" in home
    assert "How does it work?" in home
    assert "Digital government" in home  # TaxonomyTerm.name_en
    assert "Skip to content" in home
    assert ">Nederlands</button>" in home
    assert "Waar kan ik terecht?" not in home


def test_english_search_page(english, offer):
    response = english.get(reverse("catalogue:search"), {"q": "spreekuur"})
    html = page(response)
    assert '<html lang="en"' in html
    assert "Search for “spreekuur”" in html
    assert "1 place found" in html
    assert "Filters" in html and "Show results" in html
    assert "Topic" in html and "Type of help" in html
    assert "Digital government" in html  # the theme filter and the card tag
    assert "Consultation hour or advice" in html
    assert "Where?" in html and "When?" in html
    assert "Every Monday, 10:00 to 12:00" in html
    assert "Free" in html
    assert 'lang="nl">Hulp bij vragen over de digitale overheid.</p>' in html  # card summary
    assert "Hulp zoeken" not in html and "Onderwerp" not in html


def test_english_search_explains_an_unknown_place(english, db):
    html = page(english.get(reverse("catalogue:search"), {"waar": "Nergenshuizen"}))
    assert "We do not know the town or postcode “Nergenshuizen”." in html
    assert "What can you do now?" in html or "We found no places." in html


def test_english_offer_page(english, offer):
    html = page(english.get(reverse("catalogue:offer-detail", args=[offer.pk])))
    assert '<html lang="en"' in html
    assert "What is it?" in html
    assert "Where and when?" in html
    assert "Every Monday, 10:00 to 12:00" in html
    assert "It is free." in html
    assert "Consultation hour or advice" in html
    assert "Digital government" in html
    # The offer itself stays as written, marked as Dutch for screen readers (WCAG 3.1.2).
    assert 'id="aanbod-titel" lang="nl">Spreekuur digitale overheid</h1>' in html
    assert "Wat is het?" not in html and "Elke maandag" not in html


def test_english_staff_login(english, db):
    html = page(english.get(reverse("accounts:login")))
    assert '<html lang="en"' in html
    assert '<h1 class="utrecht-heading-1">Staff login</h1>' in html
    assert "Username" in html and "Password" in html
    assert "medewerkers" not in html
    assert ">Log in</button>" in html

    failed = page(english.post(reverse("accounts:login"), {"username": "x", "password": "y"}))
    assert "Login failed" in failed
    assert "Check your username and password and try again." in failed


def test_english_back_office(english, offer):
    user = staff_user(offer.organisation, Role.SPECIALIST)
    english.force_login(user)
    html = page(english.get(reverse("core:staff-home")))
    assert '<html lang="en"' in html
    assert "My work" in html and "You work for:" in html
    assert "Create a new offer" in html
    assert "Log out" in html

    form = page(english.get(reverse("catalogue:staff-offer-edit", args=[offer.pk])))
    assert "Edit offer" in form and "Save" in form and "Cancel" in form
    assert "Digital government" in form  # the theme checkboxes


def test_switching_back_to_dutch(english, offer):
    response = english.post(SET_LANGUAGE, {"language": "nl", "next": "/zoeken/"})
    assert response.status_code == 302 and response["Location"] == "/zoeken/"
    html = page(english.get(reverse("catalogue:search")))
    assert '<html lang="nl"' in html
    assert "Hulp zoeken" in html


def test_term_names_follow_the_language(db, compiled_catalogue):
    term = theme("digitale-overheid")
    with translation.override("en"):
        assert term.display_name == str(term) == "Digital government"
    with translation.override("nl"):
        assert term.display_name == str(term) == "Digitale overheid en DigiD"
    term.name_en = ""
    with translation.override("en"):
        assert term.display_name == "Digitale overheid en DigiD"  # no English name: the Dutch one


# --- Resident pages in every language (docs/public-site.md, "Talen") ---

PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 && n%100<=99 ? 4 : 5;",
    "tr": "nplurals=2; plural=(n > 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}


def resident_messages(entries: list[dict]) -> list[dict]:
    return [e for e in messages(entries) if is_resident_message(e["msgid"], e["references"])]


def untranslated_resident_messages(path: Path, nplurals: int) -> list[str]:
    """The resident msgids of a catalogue without a translation in every plural form, or fuzzy."""
    wrong = []
    for e in resident_messages(read_po(path)):
        forms = range(nplurals) if e["plural"] is not None else (0,)
        if "fuzzy" in e["flags"] or not all(e["msgstr"].get(i, "").strip() for i in forms):
            wrong.append(e["msgid"])
    return wrong


def test_resident_strings_are_defined_mechanically():
    found = resident_messages(read_po(_po("ar")))
    assert len(found) > 550, "the resident sources look truncated"
    ids = {e["msgid"] for e in found}
    assert {"Waar kan ik terecht?", "Ik wil hulp", "Je staat op de wachtlijst"} <= ids
    assert "Dichtstbij eerst" in ids and "maandag" in ids  # listed from shared code
    assert "Inloggen voor medewerkers" not in ids  # the staff login page
    assert "Nieuwe doorverwijzing %(ref)s" not in ids  # an e-mail to staff
    # Every text listed from shared code is still in the catalogue.
    every = {e["msgid"] for e in messages(read_po(_po("ar")))}
    assert sorted(RESIDENT_MESSAGES_IN_SHARED_CODE - every) == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_every_resident_string_is_translated(code):
    header = read_po(_po(code))[0]
    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    assert f"Language: {code}\n" in header["msgstr"][0]
    assert f"Plural-Forms: {PLURAL_FORMS[code]}\n" in header["msgstr"][0]
    nplurals = int(re.search(r"nplurals=(\d)", PLURAL_FORMS[code]).group(1))
    assert untranslated_resident_messages(_po(code), nplurals) == []


def test_the_resident_check_fails_on_a_missing_or_fuzzy_translation(tmp_path):
    text = _po("ar").read_text(encoding="utf-8")
    broken = tmp_path / "django.po"
    # One resident text left empty, one marked fuzzy, one plural form missing.
    text = text.replace('msgstr "أريد المساعدة"', 'msgstr ""', 1)
    text = text.replace('msgid "Hulp zoeken"', '#, fuzzy\nmsgid "Hulp zoeken"', 1)
    text = re.sub(r'msgstr\[5\] "تم العثور على [^"]*"', 'msgstr[5] ""', text, count=1)
    broken.write_text(text, encoding="utf-8")
    assert sorted(untranslated_resident_messages(broken, 6)) == [
        "%(counter)s plek gevonden",
        "Hulp zoeken",
        "Ik wil hulp",
    ]


@pytest.mark.parametrize("code", RESIDENT_ONLY_LANGUAGES)
def test_translations_keep_placeholders_and_html_in_every_plural_form(code):
    wrong = []
    for e in messages(read_po(_po(code))):
        for index, text in e["msgstr"].items():
            if not text:
                continue  # a staff text: Dutch is shown
            dutch = e["msgid"] if index == 0 or e["plural"] is None else e["plural"]
            if placeholders(dutch) != placeholders(text):
                wrong.append(f"placeholders: {dutch!r} -> {text!r}")
            if [t.split()[0] for t in HTML_TAG.findall(dutch)] != [
                t.split()[0] for t in HTML_TAG.findall(text)
            ]:
                wrong.append(f"html: {dutch!r} -> {text!r}")
            if any(a not in text for a in re.findall(r'\w+="[^"]*"', dutch)):
                wrong.append(f"html attributes: {dutch!r} -> {text!r}")
    assert wrong == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_msgfmt_accepts_the_catalogue(code):
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is missing")
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(_po(code))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def recorded_messages(monkeypatch):
    """The msgids looked up while the test runs (every gettext, ngettext and pgettext)."""
    # Import every view module first: some texts are looked up once, when a module is imported.
    get_resolver().url_patterns  # noqa: B018
    seen: set[str] = set()
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def recording_gettext(self, message):
        seen.add(message.split(CONTEXT_SEPARATOR)[-1])
        return gettext(self, message)

    def recording_ngettext(self, singular, plural, number):
        seen.add(singular.split(CONTEXT_SEPARATOR)[-1])
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", recording_gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", recording_ngettext)
    return seen


def test_resident_pages_show_only_resident_strings(client, offer, recorded_messages):
    """Renders the resident pages in Arabic and checks that every interface text they looked up
    is a resident string, so that the definition in core/languages.py stays complete."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    # The embed takes its language only from the address (docs/embedding.md).
    embed = reverse("catalogue:embed", args=[BrandingFactory(organisation=offer.organisation).slug])
    urls = [
        embed + "?taal=ar",
        embed + "?taal=ar&q=xyzzy",
        reverse("catalogue:home"),
        reverse("catalogue:search") + "?q=spreekuur&waar=Nergenshuizen",
        reverse("catalogue:search") + "?q=xyzzy&gratis=1",
        reverse("catalogue:offer-detail", args=[offer.pk]),
        reverse("wayfinder:start"),
        reverse("referrals:status"),
        reverse("referrals:status") + "?code=ABCD-2345",
        reverse("impact:code-entry"),
        reverse("readingguide:public") + "?q=boek+voor+een+kind+van+4",
        reverse("readingguide:public") + "?q=18+maanden",
        reverse("readingguide:public") + "?q=xyzzy",
        "/bestaat-niet/",
    ]
    for url in urls:
        assert client.get(url).status_code in (200, 404), url
    ours = {e["msgid"]: e for e in messages(read_po(_po("ar")))}
    outside = sorted(
        m
        for m in recorded_messages
        if m in ours and not is_resident_message(m, ours[m]["references"])
    )
    assert outside == [], "resident pages show these staff strings:\n" + "\n".join(outside)
    assert "Waar kan ik terecht?" in recorded_messages


@pytest.mark.parametrize(
    ("code", "question", "weekday"),
    [
        ("ar", "إلى أين أذهب؟", "كل يوم الاثنين"),
        ("tr", "Nereye gidebilirim?", "Her pazartesi"),
        ("uk", "Куди звернутися?", "Щотижня: понеділок"),
        ("pl", "Gdzie mogę się zwrócić?", "Co tydzień (poniedziałek)"),
    ],
)
def test_resident_pages_in_each_language(
    client, offer, compiled_catalogue, code, question, weekday
):
    home = page(client.get(reverse("catalogue:home"), {"taal": code}))
    assert f"<title>{question} – Ontwikkelplein</title>" in home
    assert "Waar kan ik terecht?" not in home
    detail = page(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))
    assert weekday in detail
    # The offer itself is as its library wrote it, in Dutch, and marked so.
    assert 'id="aanbod-titel" lang="nl">Spreekuur digitale overheid</h1>' in detail
    # Staff pages stay Dutch: the staff texts have no translation in this language.
    assert "Inloggen voor medewerkers" in page(client.get(reverse("accounts:login")))
