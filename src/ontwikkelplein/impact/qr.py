"""QR codes as inline SVG, for the cards. The encoding is reportlab's QR encoder (reportlab is
already a dependency, for the PDFs); this module only draws its modules as one SVG path."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from reportlab.graphics.barcode import qrencoder

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def modules(text: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    size = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(size)] for row in range(size)]


def qr_svg(text: str, *, label: str) -> SafeString:
    """An SVG image of a QR code for `text`, scaled by CSS; `label` is its accessible name."""
    grid = modules(text)
    size = len(grid) + 2 * QUIET_ZONE
    path = "".join(
        f"M{col + QUIET_ZONE},{row + QUIET_ZONE}h1v1h-1z"
        for row, cells in enumerate(grid)
        for col, dark in enumerate(cells)
        if dark
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="op-impact-qr" viewBox="0 0 {size} {size}" '
        f'role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{path}" fill="#000"/></svg>'
    )
