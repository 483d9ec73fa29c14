"""The certificate PDF (for its holder and whoever may see the participant) and the public
verification page. The verification page shows only that a code is valid, the trajectory, the
date, the issuer and the validity; the holder's name is never shown, but a verifier who has the
paper can check that the name on it matches."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from ontwikkelplein.core import documents as core_documents
from ontwikkelplein.learning import documents, selectors
from ontwikkelplein.learning.forms import VerifyForm, error_summary
from ontwikkelplein.learning.models import Certificate
from ontwikkelplein.learning.views.access import visible_participant

# Codes have about 59 random bits; the limit only keeps scripted guessing noisy and slow.
VERIFY_RATE = "60/h"


@login_required
def certificate_download(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.select_related(
            "participant__group__poi",
            "participant__group__library",
            "participant__group__trajectory",
            "trajectory__owner",
        ),
        pk=pk,
    )
    visible_participant(request.user, certificate.participant_id)
    return core_documents.pdf_response(
        documents.certificate_pdf(certificate), documents.certificate_filename(certificate)
    )


@never_cache
def verify(request):
    form = VerifyForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        limited = is_ratelimited(
            request, group="learning-verify", key="ip", rate=VERIFY_RATE, increment=True
        )
        if limited:
            return render(
                request, "learning/verify.html", {"form": form, "limited": True}, status=429
            )
        certificate = selectors.find_certificate(form.cleaned_data["code"])
        if certificate is None:
            result = {"found": False}
        else:
            name = form.cleaned_data["name"]
            result = {
                "found": True,
                "certificate": certificate,
                # The same date as on the paper: the day the trajectory was completed.
                "completed_on": selectors.completion_date(certificate),
                "expired": certificate.valid_until is not None
                and certificate.valid_until < timezone.localdate(),
                "name_checked": bool(name),
                "name_matches": bool(name) and selectors.same_name(name, certificate.holder_name),
            }
    return render(
        request,
        "learning/verify.html",
        {"form": form, "result": result, "error_summary": error_summary(form)},
    )
