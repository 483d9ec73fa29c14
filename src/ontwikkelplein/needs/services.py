"""Writes of the needs page: the staff's notes from conversations (docs/community.md)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ontwikkelplein.core import privacy
from ontwikkelplein.needs.models import NOTE_MAX_LENGTH, NeedNote


class NoteError(Exception):
    def __init__(self, message: str, field: str = "text"):
        super().__init__(message)
        self.message = message
        self.field = field


def check_text(text: str) -> str:
    """The note in a few words, never about one person: no e-mail address, phone number, BSN,
    address or a name after a title (core.privacy)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise NoteError(_("Schrijf op wat je hoorde."))
    if len(text) > NOTE_MAX_LENGTH:
        raise NoteError(
            _("Een notitie is hoogstens %(max)s tekens lang.") % {"max": NOTE_MAX_LENGTH}
        )
    try:
        privacy.refuse_personal_data(
            text,
            _(
                "De notitie lijkt persoonsgegevens te bevatten (%(found)s). Schrijf op wat "
                "de buurt nodig heeft, niet over wie: haal dat weg."
            ),
            names=True,
        )
    except ValidationError as error:
        raise NoteError(error.messages[0]) from error
    return text


def save_note(
    *,
    library,
    author,
    text: str,
    noted_on: datetime.date,
    municipality=None,
    theme=None,
    note: NeedNote | None = None,
) -> NeedNote:
    text = check_text(text)
    if note is None:
        note = NeedNote(organisation=library, author=author)
    note.text = text
    note.noted_on = noted_on
    note.municipality = municipality
    note.theme = theme
    note.save()
    return note


def delete_note(note: NeedNote) -> None:
    note.delete()
