"""Documents staff attach (a signed agreement, a plan, a scan): one form field that checks an
upload's type by what the file is, not by its name, its size and that it is not empty.

Used by every app that keeps private documents (the quality framework's evidence, a network
agreement's documents). The field sets `checked_content_type` and `checked_extension` on the
upload, so a service stores the type that was checked, never the browser's claim."""

import os

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

MAX_MB = 10
# Each type with the first bytes its files start with. The Office and OpenDocument formats are
# zip files; a renamed executable or HTML page does not start like any of these.
_ZIP = (b"PK\x03\x04",)
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", _ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


class DocumentFileField(forms.FileField):
    """A file field that takes only `extensions` (keys of DOCUMENT_TYPES) whose content matches,
    at most `max_mb` megabytes. `wrong_kind` is the message for any other kind of file: it names
    the kinds in words staff know ("PDF, Word of Excel"). A `help_text` may hold "%(max)s": it
    is filled in when the page is shown, in the reader's language (a lazy text formatted with %
    at import would be fixed in the language the server started in)."""

    def __init__(self, *, extensions, wrong_kind, max_mb: int = MAX_MB, **kwargs):
        unknown = set(extensions) - set(DOCUMENT_TYPES)
        if unknown:
            raise ValueError(f"unknown document types: {sorted(unknown)}")
        self.types = {extension: DOCUMENT_TYPES[extension] for extension in extensions}
        self.wrong_kind = wrong_kind
        self.max_mb = max_mb
        self.max_bytes = max_mb * 1024 * 1024
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": ",".join(self.types)})
        )
        if "help_text" in kwargs:
            kwargs["help_text"] = _with_max(kwargs["help_text"], max_mb)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        extension = os.path.splitext(upload.name or "")[1].lower()
        if extension not in self.types:
            raise forms.ValidationError(self.wrong_kind, code="kind")
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("Dit bestand is groter dan %(max)s MB.") % {"max": self.max_mb}, code="size"
            )
        if upload.size == 0:
            raise forms.ValidationError(_("Dit bestand is leeg."), code="empty")
        content_type, starts = self.types[extension]
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(start) for start in starts):
            raise forms.ValidationError(
                _("Dit bestand is geen echte %(ext)s. Sla het opnieuw op en probeer het nog eens.")
                % {"ext": extension.lstrip(".").upper()},
                code="content",
            )
        upload.checked_content_type = content_type
        upload.checked_extension = extension
        return upload


def _format_max(text, max_mb: int) -> str:
    return str(text) % {"max": max_mb}


_with_max = lazy(_format_max, str)
