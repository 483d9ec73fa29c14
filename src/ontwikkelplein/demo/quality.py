"""The demo's Taalhuis quality framework (/beheer/kwaliteitskader/): the demo library of the
specialist and team leader is preparing its audit, with its own text and score on five of the
seven norms, one document and the steps up to a planned audit. Keyed on the library: loading
the demo again gives the same file (the document is replaced)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ontwikkelplein.organisations.models import Membership
from ontwikkelplein.quality.models import Attachment, NormAnswer, SelfEvaluation

ANSWERS = {
    "beleid-financien": (
        "partly",
        "Het Taalhuis werkt met het meerjarenplan 2025-2028 dat de gemeente heeft vastgesteld. "
        "De financiering loopt via de subsidie van de gemeente en de regeling Tel mee met Taal. "
        "We willen de jaarlijkse verantwoording vaker samen met de partners opstellen.",
    ),
    "middelen": (
        "in_order",
        "Wie zich meldt, krijgt binnen drie werkdagen contact. Het Taalhuis heeft twee "
        "spreekuren per week en een eigen ruimte voor intakes. Zie de cijfers hieronder.",
    ),
    "samenwerking": (
        "partly",
        "We hebben afspraken met welzijn, het ROC en het Werkplein. Met het ROC is de "
        "samenwerkingsovereenkomst nog niet getekend.",
    ),
    "mensen": (
        "in_order",
        "Alle taalvrijwilligers volgen de basistraining; medewerkers van de balie volgden de "
        "leergang Herkennen en doorverwijzen.",
    ),
    "persoonsgegevens": (
        "not_yet",
        "Het verwerkingsregister van het Taalhuis moet nog worden bijgewerkt met de "
        "doorverwijzingen via het platform.",
    ),
}

# A small, valid one-page PDF, so the demo's document opens.
_PDF = b"""%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R
/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 62>>stream
BT /F1 18 Tf 72 760 Td (Meerjarenplan Taalhuis 2025-2028) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
"""


@transaction.atomic
def load_quality(today: datetime.date) -> int:
    user = get_user_model().objects.filter(username="specialist").first()
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return 0
    library = membership.organisation
    evaluation, _created = SelfEvaluation.objects.update_or_create(
        organisation=library,
        defaults={
            "year": today.year,
            "intake_on": today - datetime.timedelta(days=240),
            "self_evaluation_on": today - datetime.timedelta(days=30),
            "audit_on": today + datetime.timedelta(days=21),
            "report_on": None,
            "certified_on": None,
            "valid_until": None,
            "auditor": "CBCT",
            "updated_by": user,
        },
    )
    for norm, (score, text) in ANSWERS.items():
        NormAnswer.objects.update_or_create(
            evaluation=evaluation,
            norm=norm,
            defaults={"score": score, "text": text, "updated_by": user},
        )
    for old in Attachment.objects.filter(evaluation=evaluation):
        default_storage.delete(old.stored_name)
        old.delete()
    stored = default_storage.save(f"quality/{library.pk}/meerjarenplan.pdf", ContentFile(_PDF))
    Attachment.objects.create(
        evaluation=evaluation,
        norm="beleid-financien",
        title="Meerjarenplan Taalhuis 2025-2028",
        file_name="Meerjarenplan Taalhuis.pdf",
        stored_name=stored,
        content_type="application/pdf",
        size=len(_PDF),
        uploaded_by=user,
    )
    return 1
