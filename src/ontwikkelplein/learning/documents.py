"""The certificate as a PDF (core.documents), made on demand; nothing is stored. It names the
KB, the POI and the library, lists the trajectory's components with their hours, is dated the
day the trajectory was completed and carries a QR code to the public verification page."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from ontwikkelplein.core import documents
from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import Certificate
from ontwikkelplein.organisations.models import Organisation, OrganisationKind


@dataclass
class ComponentLine:
    title: str
    kind: str
    hours: str


def hours(minutes: int) -> str:
    """Minutes as hours in Dutch notation: 90 gives "1,5", 120 gives "2"."""
    value = (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return formats.number_format(int(value))
    return formats.number_format(value, decimal_pos=1)


def verify_url(certificate: Certificate) -> str:
    """The public verification page with the code filled in, from the site's base address
    (SITE_URL), so the printed code works wherever it is scanned."""
    query = urlencode({"code": certificate.code})
    return f"{settings.SITE_URL}{reverse('learning:verify')}?{query}"


def _kb(trajectory) -> Organisation | None:
    if trajectory.owner.kind == OrganisationKind.KB:
        return trajectory.owner
    return Organisation.objects.filter(kind=OrganisationKind.KB).order_by("name").first()


def certificate_context(certificate: Certificate) -> dict:
    group = certificate.participant.group
    trajectory = certificate.trajectory
    components = list(trajectory.components.all())
    url = verify_url(certificate)
    completed: date = selectors.completion_date(certificate)
    kb = _kb(trajectory)
    return {
        "certificate": certificate,
        "completed_on": completed,
        "kb_name": kb.name if kb else "",
        "poi_name": group.poi.name,
        "library_name": group.library.name,
        "components": [
            ComponentLine(c.title, c.get_kind_display(), hours(c.planned_minutes))
            for c in components
        ],
        "total_hours": hours(sum(c.planned_minutes for c in components)),
        "verify_url": url,
        "qr": documents.qr_svg(url, label=_("QR-code naar de controlepagina van dit certificaat")),
    }


def certificate_title(certificate: Certificate) -> str:
    return _("Certificaat %(trajectory)s – %(name)s") % {
        "trajectory": certificate.trajectory_name,
        "name": certificate.holder_name,
    }


def certificate_pdf(certificate: Certificate) -> bytes:
    return documents.render_pdf(
        "learning/documents/certificate.html",
        certificate_context(certificate),
        title=certificate_title(certificate),
    )


def certificate_filename(certificate: Certificate) -> str:
    return documents.pdf_filename(_("certificaat"), certificate.holder_name, certificate.code)
