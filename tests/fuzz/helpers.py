"""What the "no input gives a 500" properties share (issue 12, item 5): hostile values as
Hypothesis strategies, the site's URL patterns, the forms and links of a page, a snapshot of the
database, and the check that an answer is a clear Dutch refusal.

Every property here runs a bounded, reproducible number of examples (SETTINGS: derandomized, no
deadline), on SQLite and on PostgreSQL alike."""

import datetime
import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, quote_from_bytes, urlsplit

from django.apps import apps
from django.db.models import Max
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# --- Hostile values ---------------------------------------------------------------------------

HUGE_INTEGER = "9" * 5000  # Python refuses to read more than 4,300 digits
NASTY_TEXTS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",  # an unpaired surrogate: no UTF-8 for it
    "x\udfffy",
    HUGE_INTEGER,
    "-" + HUGE_INTEGER,
    "1e999",
    "-1",
    "0",
    "NaN",
    "Infinity",
    "2147483648",
    "9223372036854775808",
    "00000000-0000-0000-0000-000000000000",
    str(uuid.UUID(int=1)),
    "niet-een-id",
    "!!!",
    "--",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%00",
    "\u202e",
    "😀" * 3,
    "x" * 5000,
    "1900-01-01",
    "9999-12-31",
    "2026-02-30",
    "0000-00",
    "[]",
    "{}",
]

nasty_text = st.one_of(st.sampled_from(NASTY_TEXTS), st.text(max_size=30))

# Raw bytes for a query string or path: invalid UTF-8, NUL, overlong and surrogate encodings.
NASTY_BYTES = [
    b"\x00",
    b"\xed\xa0\x80",  # a surrogate, encoded (invalid UTF-8)
    b"\xff\xfe",
    b"\xc0\xaf",  # overlong "/"
    HUGE_INTEGER.encode(),
]
nasty_bytes = st.one_of(
    st.sampled_from(NASTY_BYTES),
    st.sampled_from(NASTY_TEXTS).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=12),
)


def query_string(pairs: list[tuple[str, bytes]]) -> str:
    """A query string as a client may send it: any bytes, percent-encoded."""
    return "&".join(f"{quote(name)}={quote_from_bytes(value, safe='')}" for name, value in pairs)


# JSON values for an API field, as JSON text (so unpaired surrogates and huge numbers can be
# written as a client would send them, which json.dumps cannot).
NASTY_JSON = [
    '"\\u0000"',
    '"a\\u0000b"',
    '"\\ud800"',
    '"x\\udfffy"',
    HUGE_INTEGER,
    "-" + HUGE_INTEGER,
    "1e999",
    "-1",
    "0",
    "1.5",
    "true",
    "null",
    '""',
    '" "',
    "[]",
    "{}",
    "[" * 200 + "]" * 200,
    '{"a":' * 100 + "1" + "}" * 100,
    '"' + "x" * 5000 + '"',
    '"00000000-0000-0000-0000-000000000000"',
    '"niet-een-id"',
    '"9999-12-31T99:99"',
    '["\\ud800"]',
    '{"\\ud800": 1}',
]
nasty_json = st.sampled_from(NASTY_JSON)


# --- The site's URLs --------------------------------------------------------------------------


@dataclass
class Route:
    route: str  # "aanbod/<uuid:pk>/"
    name: str  # "catalogue:offer-detail"
    converters: dict = field(default_factory=dict)

    @property
    def has_args(self) -> bool:
        return bool(self.converters)

    def path(self, values: dict | None = None) -> str:
        values = values or {}

        def fill(match):
            name = match.group("name")
            return values[name]

        return "/" + re.sub(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>", fill, self.route)


def routes() -> list[Route]:
    found: list[Route] = []

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                if not isinstance(pattern.pattern, RoutePattern):
                    continue  # re_path: the admin's catch-alls and redirects
                route = prefix + str(pattern.pattern)
                converters = getattr(pattern.pattern, "converters", {})
                name = f"{namespace}{pattern.name}" if pattern.name else route
                found.append(Route(route, name, dict(converters)))

    walk(get_resolver().url_patterns)
    return found


def is_public(route: Route) -> bool:
    return not route.route.startswith(("beheer/", "api/", "account/", "i18n/"))


def is_staff(route: Route) -> bool:
    return route.route.startswith("beheer/") and not route.route.startswith("beheer/django/")


def path_value(converter, value: str) -> str:
    """`value` in a URL path segment, percent-encoded (the converter decides what resolves)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


# --- A page's forms and links -----------------------------------------------------------------


@dataclass
class Form:
    method: str
    action: str
    fields: list = field(default_factory=list)  # (name, value) of what a browser would send
    choices: dict = field(default_factory=dict)  # name -> [option values] (select/radio/check)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._selected: list = []
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form((a.get("method") or "get").lower(), a.get("action") or "")
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag in ("input", "button") and a.get("name"):
            kind = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            name, value = a["name"], a.get("value") or ""
            if kind in ("radio", "checkbox"):
                self._form.choices.setdefault(name, []).append(value or "on")
                if "checked" in a:
                    self._form.fields.append((name, value or "on"))
            elif kind in ("submit", "image", "file", "reset"):
                return
            else:
                self._form.fields.append((name, value))
        elif tag == "textarea" and a.get("name"):
            self._form.fields.append((a["name"], "Tekst"))
        elif tag == "select" and a.get("name"):
            self._select, self._selected, self._first_option = a["name"], [], None
            self._form.choices.setdefault(a["name"], [])
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._form.choices[self._select].append(value)
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._selected.append(value)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = self._selected or ([self._first_option] if self._first_option else [])
            self._form.fields.extend((self._select, value) for value in chosen)
            self._select = None


def parse_page(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    return parser


def get_params(html: str, path: str) -> set[str]:
    """The query parameters a page itself uses: its GET forms' fields and its links' queries."""
    page = parse_page(html)
    names = set()
    for form in page.forms:
        if form.method == "get":
            names |= {name for name, _ in form.fields} | set(form.choices)
    for href in page.links:
        parts = urlsplit(href)
        if not parts.netloc and (not parts.path or parts.path == path):
            names |= {name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return names


# Parameters read by views without a form on the page that shows them (grep request.GET).
KNOWN_PARAMS = {
    "q",
    "waar",
    "postcode",
    "pagina",
    "page",
    "niveau",
    "periode",
    "datum",
    "richting",
    "formaat",
    "code",
    "na",
    "medewerker",
    "van",
    "print",
    "gedaan",
    "afmelden",
    "tab",
    "toon",
    "org",
    "organisatie",
    "contact",
    "question",
    "role",
    "offer",
    "aanbod",
    "geregistreerd",
    "opgeslagen",
    "deel",
    "language",
    "next",
}


# --- The database ------------------------------------------------------------------------------

# Rows that reading a page may add by design: the AVG access log, sessions, the anonymous
# counts of searches without results.
READ_SIDE_EFFECTS = {
    "sessions.session",
    "referrals.personaldataaccess",
    "catalogue.unmatchedsearch",
    "catalogue.unmatchedsearchvisitor",
    "django_q.ormq",
    "django_q.task",
}


def snapshot(ignore=READ_SIDE_EFFECTS) -> dict:
    """Per model: its number of rows, and the latest `updated_at` where it has one (so an
    update is seen as well as an insert or delete)."""
    state = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in ignore or model._meta.proxy or not model._meta.managed:
            continue
        manager = model._base_manager
        value = [manager.count()]
        names = {f.name for f in model._meta.concrete_fields}
        for stamp in ("updated_at", "modified", "last_login"):
            if stamp in names:
                value.append(manager.aggregate(m=Max(stamp))["m"])
        state[label] = tuple(value)
    return state


def changes(before: dict, after: dict) -> dict:
    return {
        k: (before.get(k), after.get(k))
        for k in before.keys() | after.keys()
        if before.get(k) != after.get(k)
    }


# --- The answer --------------------------------------------------------------------------------

# Words of Django's and DRF's English defaults: none may reach a visitor.
ENGLISH = re.compile(
    r"\b(This field|is required|Not found|Bad Request|Forbidden|Server Error|Invalid|"
    r"must be|Ensure this|Expected a|A valid|Enter a valid|Select a valid|not a valid|"
    r"Authentication credentials|Method .* not allowed|Unsupported media type)\b"
)


def assert_clear_refusal(response, *, api: bool = False) -> None:
    """No server error; a 4xx is a Dutch answer (an HTML page in Dutch, or an API error body
    with a Dutch `detail`)."""
    status = response.status_code
    assert status < 500, f"{status} for {response.request.get('PATH_INFO')}"
    if status < 400 or status in (405,):
        return
    content_type = response.get("Content-Type", "")
    if api or "json" in content_type:
        import json

        body = json.loads(response.content.decode("utf-8"))
        # The APIs' one error shape has `detail`; the desk screen's own endpoints `message`.
        message = body.get("detail") if api else body.get("detail") or body.get("message")
        assert isinstance(message, str) and message, body
        assert not ENGLISH.search(json.dumps(body, ensure_ascii=False)), body
    elif "html" in content_type:
        text = response.content.decode("utf-8")
        assert 'lang="nl"' in text, text[:300]
        assert not ENGLISH.search(_visible(text)), _visible(text)[:500]


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S))


def today() -> datetime.date:
    return datetime.date.today()
