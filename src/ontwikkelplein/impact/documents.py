"""The impact measurement's documents (core.documents): the paper version of a questionnaire
and the cards with the participants' codes. Both are also shown as HTML pages to print."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core import documents
from ontwikkelplein.courses.models import Run
from ontwikkelplein.impact import services
from ontwikkelplein.impact.forms import answer_choices
from ontwikkelplein.impact.models import ItemKind, Moment, QuestionSet, RunMeasurement

KIND_HEADINGS = {
    ItemKind.SKILL: gettext_lazy("Wat kun je zelf?"),
    ItemKind.ATTITUDE: gettext_lazy("Hoe voel je je?"),
    ItemKind.SATISFACTION: gettext_lazy("Wat vond je van de cursus?"),
}
CARDS_PER_SHEET = 6
# A heading with at most this many questions is kept on one page with all of them (about two
# thirds of a page with long questions); a longer one starts where it falls and keeps its
# heading with the first question. Keeping a longer one whole would leave pages half empty.
KEEP_TOGETHER_MAX = 6


# --- The paper questionnaire ----------------------------------------------------------------


@dataclass
class PaperQuestion:
    number: int
    text: str
    options: list


@dataclass
class PaperSection:
    heading: str
    questions: list

    @property
    def keep_together(self) -> bool:
        return len(self.questions) <= KEEP_TOGETHER_MAX


def questionnaire_sections(question_set: QuestionSet, moment: str) -> list[PaperSection]:
    """The questions grouped under a heading per kind, numbered through."""
    questions = list(question_set.questions_for(moment))
    sections, number = [], 0
    for kind in ItemKind:
        items = [q for q in questions if q.kind == kind]
        if not items:
            continue
        lines = []
        for question in items:
            number += 1
            options = [str(label) for _value, label in answer_choices(kind)]
            lines.append(PaperQuestion(number, question.text, options))
        sections.append(PaperSection(str(KIND_HEADINGS[kind]), lines))
    return sections


def moment_words(moment: str) -> str:
    return _("voor de cursus") if moment == Moment.BEFORE else _("na de cursus")


def questionnaire_pdf(question_set: QuestionSet, moment: str) -> bytes:
    title = f"{question_set.name}: {moment_words(moment)}"
    return documents.render_pdf(
        "impact/documents/questionnaire.html",
        {
            "question_set": question_set,
            "heading": title,
            "sections": questionnaire_sections(question_set, moment),
        },
        title=title,
    )


def questionnaire_filename(question_set: QuestionSet, moment_slug: str) -> str:
    return documents.pdf_filename(_("vragenlijst"), question_set.slug, moment_slug)


# --- The cards ------------------------------------------------------------------------------


def cards(request, codes) -> list[dict]:
    """What each card shows: per moment the code, the link with the code and its QR code."""
    result = []
    for pair in codes:
        card = {}
        for key, code, label in (
            ("before", pair.before, _("QR-code: vragen voor de cursus")),
            ("after", pair.after, _("QR-code: vragen na de cursus")),
        ):
            url = request.build_absolute_uri(reverse("impact:fill", args=[code]))
            card[key] = services.format_code(code)
            card[f"{key}_url"] = url
            card[f"{key}_qr"] = documents.qr_svg(url, label=label, css_class="op-impact-qr")
        result.append(card)
    return result


def cards_context(request, run: Run, codes) -> dict:
    return {
        "run": run,
        "cards": cards(request, codes),
        "entry_url": request.build_absolute_uri(reverse("impact:code-entry")),
        "measurement": RunMeasurement.objects.get(run=run),
    }


def cards_pdf(context: dict) -> bytes:
    all_cards = context["cards"]
    sheets = [
        all_cards[start : start + CARDS_PER_SHEET]
        for start in range(0, len(all_cards), CARDS_PER_SHEET)
    ]
    return documents.render_pdf(
        "impact/documents/cards.html",
        {**context, "sheets": sheets},
        title=_("Kaarten: %(run)s") % {"run": context["run"]},
    )


def cards_filename(run: Run) -> str:
    return documents.pdf_filename(_("kaarten"), str(run))
