"""The paper version of a questionnaire as a PDF (reportlab): large type, a box per answer.
Without a code: staff write the card's code on it and type the answers in through that link."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ontwikkelplein.impact.forms import answer_choices
from ontwikkelplein.impact.models import ItemKind, Moment, QuestionSet

TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=26, spaceAfter=8)
HEADING = ParagraphStyle(
    "heading", fontName="Helvetica-Bold", fontSize=15, leading=20, spaceBefore=10, spaceAfter=6
)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=13, leading=18, spaceAfter=4)
CHOICE = ParagraphStyle("choice", parent=BODY, leftIndent=8 * mm)

KIND_HEADINGS = {
    ItemKind.SKILL: gettext_lazy("Wat kun je zelf?"),
    ItemKind.ATTITUDE: gettext_lazy("Hoe voel je je?"),
    ItemKind.SATISFACTION: gettext_lazy("Wat vond je van de cursus?"),
}


def questionnaire_pdf(question_set: QuestionSet, moment: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=question_set.name,
    )
    when = _("voor de cursus") if moment == Moment.BEFORE else _("na de cursus")
    story = [
        Paragraph(f"{question_set.name}: {when}", TITLE),
        Paragraph(question_set.introduction or "", BODY),
        Paragraph(_("Code van je kaart: ______________________"), BODY),
        Paragraph(_("Zet bij elke vraag een kruisje in één hokje."), BODY),
    ]
    questions = list(question_set.questions_for(moment))
    for kind in ItemKind:
        items = [q for q in questions if q.kind == kind]
        if not items:
            continue
        story.append(Paragraph(str(KIND_HEADINGS[kind]), HEADING))
        for question in items:
            block = [Paragraph(question.text, BODY)]
            block += [
                Paragraph(f"[&nbsp;&nbsp;] {label}", CHOICE) for _v, label in answer_choices(kind)
            ]
            block.append(Spacer(1, 3 * mm))
            story.append(KeepTogether(block))
    story.append(Paragraph(_("Dank je wel!"), HEADING))
    document.build(story)
    return buffer.getvalue()
