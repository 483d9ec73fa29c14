"""The certificate as a PDF, made on demand with reportlab (nothing is stored)."""

import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from ontwikkelplein.learning.models import Certificate


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{_('Certificaat')} – {certificate.trajectory_name}")
    pdf.setAuthor(certificate.issuer_name)
    pdf.setLineWidth(3)
    pdf.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)

    center = width / 2
    pdf.setFont("Helvetica-Bold", 34)
    pdf.drawCentredString(center, height - 5 * cm, _("Certificaat"))
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(
        center,
        height - 7 * cm,
        _("Hierbij verklaart %(issuer)s dat") % {"issuer": certificate.issuer_name},
    )
    pdf.setFont("Helvetica-Bold", 26)
    pdf.drawCentredString(center, height - 9 * cm, certificate.holder_name)
    pdf.setFont("Helvetica", 16)
    pdf.drawCentredString(center, height - 10.8 * cm, _("het leertraject heeft afgerond:"))
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawCentredString(center, height - 12.3 * cm, certificate.trajectory_name)

    issued = formats.date_format(timezone.localdate(certificate.issued_at), "j F Y")
    pdf.setFont("Helvetica", 13)
    pdf.drawCentredString(center, height - 14 * cm, _("Datum: %(date)s") % {"date": issued})
    if certificate.valid_until:
        until = formats.date_format(certificate.valid_until, "j F Y")
        pdf.drawCentredString(
            center, height - 14.8 * cm, _("Geldig tot: %(date)s") % {"date": until}
        )
    pdf.setFont("Helvetica", 11)
    pdf.drawCentredString(
        center,
        2.6 * cm,
        _("Verificatiecode: %(code)s – controleer op %(url)s")
        % {"code": certificate.code, "url": verify_url},
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
