"""The referrals API: a partner system (a helpline, a municipality's case system) sends a
referral with an API key of scope `referrals:write` and follows its status and outcome."""

import uuid

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ontwikkelplein.apikeys.authentication import ApiKeyAuthentication
from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.permissions import HasScope
from ontwikkelplein.core.api import ErrorSerializer
from ontwikkelplein.organisations.models import OrganisationKind
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.api.serializers import (
    ReferralCreatedSerializer,
    ReferralInSerializer,
    ReferralOutSerializer,
)
from ontwikkelplein.referrals.models import ReceiverKind, Referral, Source

PERSON_FIELDS = {"name", "contact_preference", "phone", "email", "best_moment"}

EXAMPLE = {
    "receiver_organisation": "0b6f3c1e-8a51-4d8e-9a57-3f0f6f1c2d11",
    "receiver_role": "ido",
    "question": "Hulp bij het aanvragen van huurtoeslag.",
    "urgency": "normal",
    "person": {
        "name": "J. de Vries",
        "contact_preference": "phone",
        "phone": "06 12345678",
        "best_moment": "Dinsdagochtend",
        "consent_text": "Mag de bibliotheek u bellen over uw vraag? Uw gegevens worden na "
        "afronding gewist.",
        "recorded_by_label": "Medewerker Belastingtelefoon, telefonisch",
    },
}

ERRORS = {
    401: OpenApiResponse(ErrorSerializer, description="Missing, unknown or revoked key."),
    403: OpenApiResponse(ErrorSerializer, description="The key lacks the scope referrals:write."),
}


def receiver_kind_for(api_key, organisation, offer) -> str:
    """What the partner system refers to: an offer, a colleague role in the key's own library,
    another library or a partner organisation."""
    if offer is not None:
        return ReceiverKind.OFFER
    if organisation.pk == api_key.organisation_id:
        return ReceiverKind.COLLEAGUE
    if organisation.kind == OrganisationKind.PARTNER:
        return ReceiverKind.PARTNER
    return ReceiverKind.LIBRARY


def _service_error(error: services.ReferralError) -> dict:
    """A service refusal in the shape of DRF's field errors."""
    field = error.field or ""
    if field in PERSON_FIELDS:
        return {"person": {field: error.messages}}
    if field == "consent":
        return {"person": {"consent_text": error.messages}}
    if field in {"receiver_organisation", "offer", "receiver_role", "question", "urgency"}:
        return {field: error.messages}
    return {"detail": error.messages}


class ReferralCreateView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasScope]
    renderer_classes = [JSONRenderer]
    required_scope = Scope.REFERRALS_WRITE

    @extend_schema(
        operation_id="referrals_create",
        summary="Send a referral to a library or partner",
        description=(
            "Sends a referral on behalf of the key's organisation, e.g. a helpline referring a "
            "caller to the IDO of a library. Needs the scope `referrals:write`. The receiver is "
            "an organisation id, optionally with a published offer of that organisation and a "
            "role or programme. The person is optional and may only be sent with their consent. "
            "The answer holds the reference code and the last day for first contact; follow the "
            "referral with GET /api/v1/referrals/{id}/. Error messages are Dutch; on an error "
            "nothing is stored."
        ),
        request=ReferralInSerializer,
        responses={
            201: OpenApiResponse(ReferralCreatedSerializer, description="Sent."),
            400: OpenApiResponse(
                description="Malformed JSON ({detail}) or invalid fields (a map of field names "
                "to lists of Dutch messages; the person's fields under 'person')."
            ),
            **ERRORS,
            415: OpenApiResponse(ErrorSerializer, description="The body is not JSON."),
        },
        examples=[OpenApiExample("A caller to the IDO", value=EXAMPLE, request_only=True)],
        tags=["referrals"],
    )
    def post(self, request):
        api_key = request.auth
        serializer = ReferralInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = data["receiver_organisation"]
        offer = data.get("offer")
        person = None
        if data.get("person"):
            given = data["person"]
            person = services.PersonData(
                name=given["name"],
                contact_preference=given["contact_preference"],
                phone=given.get("phone", ""),
                email=given.get("email", ""),
                best_moment=given.get("best_moment", ""),
                consent_text=given["consent_text"],
                consent_recorded_by_label=given["recorded_by_label"],
            )
        try:
            referral = services.create_referral(
                source=Source.PARTNER_SYSTEM,
                receiver_organisation=organisation,
                receiver_kind=receiver_kind_for(api_key, organisation, offer),
                question=data["question"],
                urgency=data.get("urgency") or "normal",
                receiver_role=data.get("receiver_role", ""),
                programme=offer.programme if offer is not None else None,
                offer=offer,
                sender_organisation=api_key.organisation,
                sender_api_key=api_key,
                person=person,
                actor_label=f"API-sleutel {api_key.name}",
            )
        except services.ReferralError as error:
            raise exceptions.ValidationError(_service_error(error)) from None
        return Response(ReferralCreatedSerializer(referral).data, status=status.HTTP_201_CREATED)


class ReferralDetailView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasScope]
    renderer_classes = [JSONRenderer]
    required_scope = Scope.REFERRALS_WRITE

    @extend_schema(
        operation_id="referrals_retrieve",
        summary="Follow a referral: status, outcome and dates",
        description=(
            "The status and outcome of a referral sent by the key's organisation (any of its "
            "keys). Never the person's details or the question. A referral of another "
            "organisation is answered like an unknown id: 404."
        ),
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The referral's id."
            )
        ],
        responses={
            200: OpenApiResponse(ReferralOutSerializer, description="The referral."),
            404: OpenApiResponse(ErrorSerializer, description="Unknown, or not yours."),
            **ERRORS,
        },
        tags=["referrals"],
    )
    def get(self, request, id):  # noqa: A002 - the path parameter is {id}
        api_key = request.auth
        try:
            pk = uuid.UUID(str(id))
        except ValueError:
            pk = None
        referral = (
            Referral.objects.filter(pk=pk, sender_organisation_id=api_key.organisation_id).first()
            if pk
            else None
        )
        if referral is None:
            raise exceptions.NotFound(_("Deze doorverwijzing bestaat niet of is niet van jou."))
        return Response(ReferralOutSerializer(referral).data)
