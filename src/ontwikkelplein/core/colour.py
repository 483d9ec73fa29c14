"""Colours: contrast as WCAG 2.2 defines it, and an organisation's two branding colours as the
design tokens of tokens.css (--op-color-*), so its pages keep every contrast the defaults have."""

import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE, BLACK = "#ffffff", "#000000"
AA_TEXT = 4.5  # WCAG 1.4.3, normal text
AA_NON_TEXT = 3.0  # WCAG 1.4.11, borders and focus


def parse(colour: str) -> tuple[int, int, int]:
    if not HEX_COLOUR.match(colour or ""):
        raise ValueError(f"not a colour like #1a4a8a: {colour!r}")
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def hex_of(rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parse(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """`share` of `other` mixed into `colour`."""
    return hex_of(
        c * (1 - share) + o * share for c, o in zip(parse(colour), parse(other), strict=True)
    )


def branding_tokens(branding) -> dict[str, str]:
    """The design tokens an organisation's colours replace. Its primary colour is used as text
    and links on white and as the background of white text, so it must reach AA_TEXT against
    white (the branding form checks this); the darker and lighter shades are mixed from it."""
    primary, accent = branding.primary_colour.lower(), branding.accent_colour.lower()
    return {
        "--op-color-primary": primary,
        "--op-color-primary-dark": mix(primary, BLACK, 0.3),
        "--op-color-primary-light": mix(primary, WHITE, 0.9),
        "--op-brand-accent": accent,
        "--op-brand-on-accent": WHITE if contrast(accent, WHITE) >= AA_TEXT else BLACK,
    }
