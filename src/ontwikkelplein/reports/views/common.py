"""What the staff page, the public page and the PDF of a report share: the themes in order with
their text and figures (live for a draft, frozen for a published version)."""

from ontwikkelplein.reports import themes


def report_context(title: str, subtitle: str, content: dict) -> dict:
    figures = content.get("figures") or {}
    texts = content.get("texts") or {}
    sections = [
        {
            "theme": theme,
            "text": texts.get(theme.code, ""),
            "blocks": (figures.get("themes") or {}).get(theme.code, []),
        }
        for theme in themes.THEMES
    ]
    return {
        "report_title": title,
        "report_subtitle": subtitle,
        "figures": figures,
        "sections": sections,
    }
