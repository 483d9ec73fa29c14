"""Test helpers for documents: read a PDF back with pypdf, check that it is tagged (PDF/UA),
and read the modules of a QR code back from its SVG."""

import io
import re

from pypdf import PdfReader


def read_pdf(content: bytes) -> tuple[PdfReader, list[str]]:
    """The reader and the text of each page."""
    assert content.startswith(b"%PDF"), content[:40]
    reader = PdfReader(io.BytesIO(content))
    return reader, [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    """Text with every run of whitespace as one space, so wrapped lines read as one."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """Text without whitespace, to find a long URL that wraps over lines."""
    return re.sub(r"\s+", "", text)


def assert_tagged(reader: PdfReader, *, language: str = "nl", title: str | None = None) -> None:
    """A tagged PDF/UA-1: marked content, a structure tree, the document language, a title
    (shown in the window's title bar) and the PDF/UA identifier in the XMP metadata."""
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"].get_object()["/K"]
    assert str(root["/Lang"]) == language
    assert reader.metadata.title
    if title is not None:
        assert reader.metadata.title == title
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    metadata = root["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in metadata  # declared PDF/UA-1


def qr_modules(svg: str) -> list[list[bool]]:
    """The dark modules of a QR code drawn by segno as one SVG path of horizontal lines
    ("M4 4.5h7m1 0h1 …"), without the quiet zone."""
    path = re.search(r' d="([^"]+)"', svg).group(1)
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path.replace("h", " h").strip()):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            length = values[0]
            for col in range(int(x), int(x + length)):
                grid[int(y)][col] = True
            x += length
    border = 4
    return [row[border : size - border] for row in grid[border : size - border]]
