"""The course's documents (core.documents): the enrolment confirmation as a PDF, with the same
content as the page to print (templates/courses/staff/_confirmation.html)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ontwikkelplein.core import documents
from ontwikkelplein.courses import selectors, services
from ontwikkelplein.courses.models import Enrolment


def confirmation_context(enrolment: Enrolment) -> dict:
    run = enrolment.run
    return {
        "enrolment": enrolment,
        "run": run,
        "sessions": selectors.shown_sessions(run),
        "position": services.waiting_position(enrolment),
    }


def confirmation_pdf(enrolment: Enrolment) -> bytes:
    """In the language the participant signed up in, also when staff print it later."""
    with translation.override(enrolment.language or settings.LANGUAGE_CODE):
        title = _("Bevestiging van je aanmelding: %(course)s") % {
            "course": enrolment.run.offer.title
        }
        return documents.render_pdf(
            "courses/documents/confirmation.html", confirmation_context(enrolment), title=title
        )


def confirmation_filename(enrolment: Enrolment) -> str:
    return documents.pdf_filename(_("bevestiging"), enrolment.run.offer.title, enrolment.reference)
