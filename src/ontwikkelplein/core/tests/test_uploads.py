"""The shared document field (core/uploads.py): the type comes from the file's first bytes, the
size and emptiness are checked, any input ends in a Dutch message and never in an exception."""

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.core.uploads import DOCUMENT_TYPES, DocumentFileField

PDF = b"%PDF-1.4\n%test\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


class UploadForm(forms.Form):
    file = DocumentFileField(
        extensions=(".pdf", ".png"),
        max_mb=1,
        help_text="PDF of PNG; hoogstens %(max)s MB.",
        wrong_kind="Kies een PDF of PNG.",
    )


def _clean(name, content):
    form = UploadForm(files={"file": SimpleUploadedFile(name, content)})
    return form, form.is_valid()


def test_a_real_pdf_is_taken_with_the_type_that_was_checked():
    form, valid = _clean("Overeenkomst.PDF", PDF)
    assert valid
    upload = form.cleaned_data["file"]
    assert upload.checked_content_type == "application/pdf"
    assert upload.checked_extension == ".pdf"
    assert upload.read() == PDF  # the check reads the head and puts the file back at the start


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.exe", b"MZ\x90\x00", "Kies een PDF of PNG."),
        ("plan.docx", b"PK\x03\x04rest", "Kies een PDF of PNG."),  # a known type, not allowed here
        ("plan", PDF, "Kies een PDF of PNG."),
        ("plan.pdf", b"<html><script>alert(1)</script>", "Dit bestand is geen echte PDF."),
        ("foto.png", PDF, "Dit bestand is geen echte PNG."),
        ("plan.pdf", b"%PDF-" + b"x" * (1024 * 1024), "Dit bestand is groter dan 1 MB."),
    ],
)
def test_other_files_are_refused_with_a_message_that_says_why(name, content, message):
    form, valid = _clean(name, content)
    assert not valid
    assert message in form.errors["file"][0]


def test_an_empty_file_is_refused():
    # Django's own FileField refuses an empty upload before ours looks at it.
    form, valid = _clean("plan.pdf", b"")
    assert not valid
    assert form.errors["file"]


def test_the_help_text_follows_the_language_of_the_page():
    field = DocumentFileField(
        extensions=(".pdf",),
        help_text=translation.gettext_lazy("Dit bestand is groter dan %(max)s MB."),
        wrong_kind="-",
    )
    with translation.override("nl"):
        assert str(field.help_text) == "Dit bestand is groter dan 10 MB."
    with translation.override("en"):
        assert str(field.help_text) == "This file is larger than 10 MB."


def test_an_unknown_type_is_a_programming_error():
    with pytest.raises(ValueError):
        DocumentFileField(extensions=(".exe",), wrong_kind="-")


@settings(max_examples=150, deadline=None)
@given(
    name=st.text(max_size=40).map(lambda s: s.replace("\x00", "")),
    extension=st.sampled_from([*DOCUMENT_TYPES, ".exe", ".PDF", ""]),
    content=st.binary(max_size=64),
)
def test_any_upload_ends_in_a_file_or_a_message(name, extension, content):
    form, valid = _clean((name or "x") + extension, content)
    if valid:
        upload = form.cleaned_data["file"]
        assert upload.checked_extension in (".pdf", ".png")
        assert any(content.startswith(s) for s in DOCUMENT_TYPES[upload.checked_extension][1])
    else:
        assert form.errors["file"]
