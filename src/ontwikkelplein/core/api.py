"""What every API of the project shares (docs/api.md, "Errors"): one JSON parser and one error
shape. Both are set for every DRF view in settings.REST_FRAMEWORK.

The error shape. Every error answer is a JSON object with

- `detail`: what is wrong, in Dutch (a string, always present);
- when fields are invalid, next to it, each invalid field's name with a list of Dutch messages,
  nested like the request (`"person": {"phone": ["…"]}`; items of a list are keyed by their
  position, `"questions": {"0": {"topic": ["…"]}}`). No request field is called `detail`.

This is the shape the APIs already had for field errors (DRF's own), so existing clients keep
reading them; what is new is that `detail` is always there and always a string.

The parser is DRF's JSONParser with the refusals a public API needs before any view sees the
data: a document nested deeper than MAX_DEPTH, and strings that cannot be stored or sent back
(a NUL character, or an unpaired UTF-16 surrogate such as "\\ud800", which JSON allows but UTF-8
cannot encode) answer 400 with a Dutch message that does not repeat the bad text.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, parsers, serializers
from rest_framework.views import exception_handler as drf_exception_handler

# Deeper than any request of ours (the deepest is a contact's questions: 3 levels).
MAX_DEPTH = 32

INVALID_FIELDS = gettext_lazy("Niet alle velden kloppen. Zie de meldingen per veld.")


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser with a depth limit, a refusal of NUL and unpaired surrogates, and the
    refusal of a malformed body in Dutch."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except exceptions.ParseError as error:
            reason = str(error.detail).removeprefix("JSON parse error - ")
            raise exceptions.ParseError(
                _("De body is geen geldige JSON (%(reason)s).") % {"reason": reason}
            ) from None
        except RecursionError:
            # Python's own parser gives up long before a deep document ends.
            raise exceptions.ParseError(_too_deep()) from None
        check_json(data)
        return data


def _too_deep() -> str:
    return _("De JSON is te diep genest (hoogstens %(max)s lagen).") % {"max": MAX_DEPTH}


def check_json(data) -> None:
    """Raises ParseError when `data` (parsed JSON) is nested too deep or holds a string that
    cannot be encoded or stored. Iterative, so a deep document cannot exhaust the stack."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_string(value)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > MAX_DEPTH:
            raise exceptions.ParseError(_too_deep())
        if isinstance(value, dict):
            for key, item in value.items():
                _check_string(key)
                stack.append((item, depth + 1))
        else:
            stack.extend((item, depth + 1) for item in value)


def _check_string(text: str) -> None:
    if "\x00" in text:
        raise exceptions.ParseError(_("De tekst bevat een ongeldig teken (NUL)."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise exceptions.ParseError(
            _("De JSON bevat een teken dat niet bestaat (een UTF-16-surrogaat zonder partner).")
        ) from None


# ---------------------------------------------------------------------------------------------
# The error shape


def exception_handler(exc, context):
    """DRF's handler (status codes, headers such as WWW-Authenticate), with every body in the one
    error shape. Anything DRF does not handle stays a server error, as before."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = error_body(
        response.data, validation=isinstance(exc, exceptions.ValidationError)
    )
    return response


def error_body(data, *, validation: bool = False) -> dict:
    """`{"detail": str}`, for invalid fields with the field names next to it."""
    general: list[str] = []
    fields: dict = {}
    if isinstance(data, dict):
        for name, value in data.items():
            if name in ("detail", "non_field_errors", "__all__"):
                general.extend(_messages(value))
            else:
                fields[name] = _plain(value)
    elif data is not None:
        general.extend(_messages(data))
    if fields or validation:
        return {"detail": " ".join(general) or str(INVALID_FIELDS), **fields}
    return {"detail": " ".join(general)}


def _messages(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [message for item in value for message in _messages(item)]
    if isinstance(value, dict):
        return [message for item in value.values() for message in _messages(item)]
    return [str(value)]


def _plain(value):
    """DRF's ErrorDetail strings as plain strings, nested dicts and lists kept."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        if any(isinstance(item, (dict, list)) for item in value):
            # A list serializer's errors: one entry per item, {} for a valid one.
            return {str(i): _plain(item) for i, item in enumerate(value) if item}
        return [str(item) for item in value]
    return [str(value)]


class ErrorSerializer(serializers.Serializer):
    """The one error shape, for the OpenAPI schema (invalid fields come next to `detail`)."""

    detail = serializers.CharField(help_text="What is wrong, in Dutch.")
