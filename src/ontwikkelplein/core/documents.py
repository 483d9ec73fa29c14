"""Documents: the one way the platform makes a PDF.

A document is a Django template that extends ``core/documents/base.html`` (page size, fonts
and the print stylesheet), rendered with autoescaping on, so whatever staff typed is shown as
text. WeasyPrint turns the HTML into a tagged, accessible PDF (PDF/UA-1): a structure tree,
the document language (the active language) and the title in the metadata. Fonts are DejaVu
from the Debian package fonts-dejavu-core (scripts/system-packages.sh); nothing is fetched
while rendering (only ``data:`` URLs are allowed), so a document can never reach the network
or the file system through text someone typed.

QR codes are drawn by segno as inline SVG, for PDFs and for HTML print pages alike.
"""

import io
import re

import segno
import weasyprint
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language

PDF_VARIANT = "pdf/ua-1"
# Only inline data; a document never fetches anything from the network or the disk.
ALLOWED_PROTOCOLS = {"data"}
FILENAME_MAX = 80
# Control characters (except tab and newlines) and Unicode noncharacters are not text and HTML
# forbids them: they are dropped before rendering rather than drawn as empty boxes.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def render_html(template_name: str, context: dict | None = None, *, title: str) -> str:
    """The document's HTML: the template with the title and language the base template uses."""
    language = get_language() or "nl"
    html = render_to_string(
        template_name,
        {**(context or {}), "document_title": title, "document_language": language},
    )
    return NOT_TEXT.sub("", html)


def render_pdf(template_name: str, context: dict | None = None, *, title: str) -> bytes:
    """The template rendered to a tagged PDF/UA-1 document, as bytes."""
    html = render_html(template_name, context, title=title)
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=ALLOWED_PROTOCOLS)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant=PDF_VARIANT)


def pdf_filename(*parts) -> str:
    """A safe Dutch file name from its parts, e.g. ("certificaat", "Mila Balie") gives
    "certificaat-mila-balie.pdf". Parts that slugify to nothing are left out."""
    words = [slugify(str(part)) for part in parts]
    stem = "-".join(word for word in words if word)[:FILENAME_MAX].strip("-")
    return f"{stem or 'document'}.pdf"


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """The PDF as a download (or, with inline, opened in the browser) under `filename`."""
    response = HttpResponse(pdf, content_type="application/pdf")
    safe_name = re.sub(r"[^A-Za-z0-9._-]", "-", filename) or "document.pdf"
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def qr_svg(text: str, *, label: str, css_class: str = "op-qr") -> SafeString:
    """An SVG image of a QR code for `text` (error correction M, quiet zone of 4 modules),
    scaled by CSS; `label` is its accessible name."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        omitsize=True,
        border=4,
        svgclass=None,
        lineclass=None,
    )
    svg = buffer.getvalue().decode()
    attributes = f'class="{escape(css_class)}" role="img" aria-label="{escape(label)}"'
    svg = svg.replace("<svg ", f"<svg {attributes} ", 1)
    return mark_safe(svg)  # noqa: S308 -- segno's own SVG; the only text in it is escaped
