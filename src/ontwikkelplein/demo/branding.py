"""The demo library's own branding (docs/public-site.md, "Own branding and address"): Bibliotheek
Eemland's site at /b/bibliotheek-eemland/ in its colours, with a logo drawn here with Pillow (no
image file in the repository; the same bytes on every run, so loading twice changes nothing)."""

import io

from PIL import Image, ImageDraw, ImageFont

from ontwikkelplein.organisations.models import Branding, BrandingScope

PRIMARY = "#00587c"  # 7.8 : 1 on white
ACCENT = "#ffd200"  # 5.4 : 1 against the primary colour


def demo_logo() -> bytes:
    """A small wordmark: an open book in the two colours beside the name, on transparency."""
    image = Image.new("RGBA", (360, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 14, 104, 106), radius=18, fill=PRIMARY)
    draw.polygon([(20, 36), (52, 44), (52, 90), (20, 82)], fill=ACCENT)
    draw.polygon([(88, 36), (56, 44), (56, 90), (88, 82)], fill="#ffffff")
    font = ImageFont.load_default(size=34)
    draw.text((120, 22), "Bibliotheek", fill=PRIMARY, font=font)
    draw.text((120, 62), "Eemland", fill="#1b1b1b", font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def load_brandings(orgs) -> int:
    """Bibliotheek Eemland's branding, put back as it was when staff changed it."""
    library = orgs["eemland"]
    values = {
        "slug": "bibliotheek-eemland",
        "display_name": "Bibliotheek Eemland",
        "primary_colour": PRIMARY,
        "accent_colour": ACCENT,
        "logo": demo_logo(),
        "logo_type": "image/png",
        "logo_alt": "Bibliotheek Eemland",
        "scope": BrandingScope.MUNICIPALITIES,
        "host": "",
    }
    branding = Branding.objects.filter(organisation=library).first()
    if branding is None:
        Branding.objects.create(organisation=library, **values)
        return 1
    changed = [name for name, value in values.items() if bytes_or(getattr(branding, name)) != value]
    if changed:
        for name in changed:
            setattr(branding, name, values[name])
        branding.save(update_fields=[*changed, "updated_at"])
    return 1


def bytes_or(value):
    """A BinaryField reads back as memoryview on PostgreSQL."""
    return bytes(value) if isinstance(value, memoryview) else value
