"""core.documents: the one way to make a PDF (tagged PDF/UA-1, language and title, nothing
fetched), the download response with a safe file name, and QR codes as inline SVG."""

import pytest
import segno
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.core import documents
from ontwikkelplein.core.tests.pdf import assert_tagged, qr_modules, read_pdf


def test_a_document_is_a_tagged_pdf_ua_with_title_and_the_active_language():
    pdf = documents.render_pdf("core/documents/base.html", title="Titel <b> & co")
    reader, _pages = read_pdf(pdf)
    assert_tagged(reader, language="nl", title="Titel <b> & co")
    with translation.override("en"):
        english, _pages = read_pdf(documents.render_pdf("core/documents/base.html", title="T"))
    assert_tagged(english, language="en", title="T")


def test_the_html_escapes_the_title_and_sets_the_language():
    html = documents.render_html("core/documents/base.html", title="<script>x</script>")
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert '<html lang="nl">' in html


def test_nothing_but_inline_data_is_fetched(monkeypatch):
    used = {}
    real_html = documents.weasyprint.HTML

    def spy(*args, **kwargs):
        used.update(kwargs)
        return real_html(*args, **kwargs)

    monkeypatch.setattr(documents.weasyprint, "HTML", spy)
    documents.render_pdf("core/documents/base.html", title="x")
    fetcher = used["url_fetcher"]
    for url in ("file:///etc/passwd", "http://example.invalid/x.png", "ftp://x/y"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)


def test_control_characters_are_dropped_from_the_html():
    html = documents.render_html("core/documents/base.html", title="A\x01\x0bB\ufffeC\x7f")
    assert "<title>ABC</title>" in html


def test_pdf_response_is_a_download_with_a_safe_dutch_name():
    response = documents.pdf_response(
        b"%PDF-1.7", documents.pdf_filename("certificaat", "Zoë & Jan")
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="certificaat-zoe-jan.pdf"'
    inline = documents.pdf_response(b"%PDF", 'a"b\r\nc.pdf', inline=True)
    assert inline["Content-Disposition"] == 'inline; filename="a-b--c.pdf"'
    assert documents.pdf_filename("<>", "") == "document.pdf"


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=4))
def test_file_names_are_always_safe(parts):
    name = documents.pdf_filename(*parts)
    assert name.endswith(".pdf") and len(name) <= documents.FILENAME_MAX + 4
    assert all(c.isascii() and (c.isalnum() or c in "-_.") for c in name)


def test_qr_code_encodes_the_text_and_has_an_accessible_name():
    url = "https://ontwikkelplein.example/certificaat/?code=ABCD-EFGH-JKMN"
    svg = documents.qr_svg(url, label="QR-code <test> & meer")
    assert svg.startswith(
        '<svg class="op-qr" role="img" aria-label="QR-code &lt;test&gt; &amp; meer"'
    )
    grid = qr_modules(svg)
    expected = segno.make(url, error="m", micro=False)
    assert grid == [[bool(v) for v in row] for row in expected.matrix]
    # The three finder patterns of any QR code, independent of segno.
    size = len(grid)
    assert size >= 21 and (size - 17) % 4 == 0
    finder_top = [[True] * 7, [True] + [False] * 5 + [True]]
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        assert [row[left : left + 7] for row in grid[top : top + 2]] == finder_top
    assert qr_modules(documents.qr_svg(url + "X", label="x")) != grid
