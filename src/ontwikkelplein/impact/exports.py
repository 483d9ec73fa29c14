"""Downloads of impact results: the same aggregates as the screen, one row per item, written by
core/tabular.py (CSV for Dutch Excel, XLSX with real numbers). There is no column for a card, a
code, a response or a date: nothing per respondent. Hidden counts and shares are written as
"<5", never as numbers; a shown share is a number (per cent)."""

from django.utils.translation import gettext as _

from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.impact.selectors import SetResult


def result_rows(label: str, set_results: list[SetResult]) -> list[list]:
    rows = [
        [
            _("Groep"),
            _("Vragenlijst"),
            _("Soort vraag"),
            _("Vraag"),
            _("Ingevuld voor"),
            _("Ingevuld na"),
            _("Paren voor en na"),
            _("Ja voor (%)"),
            _("Ja na (%)"),
            _("Ja voor, paren (%)"),
            _("Ja na, paren (%)"),
            _("Vooruitgegaan, paren (%)"),
        ]
    ]
    for result in set_results:
        for item in result.items:
            rows.append(
                [
                    label,
                    result.question_set.name,
                    item.kind_label,
                    item.question.text,
                    result.count_export("before"),
                    result.count_export("after"),
                    result.count_export("pairs"),
                    item.before.export_value,
                    item.after.export_value,
                    item.pair_before.export_value,
                    item.pair_after.export_value,
                    item.improved.export_value,
                ]
            )
    return rows


def result_sheets(label: str, set_results: list[SetResult]) -> list[Sheet]:
    return [Sheet(_("Impact"), result_rows(label, set_results))]
