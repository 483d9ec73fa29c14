"""The contacts API: kiosks and tablet apps register a visitor's questions with an API key."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ontwikkelplein.apikeys.authentication import ApiKeyAuthentication
from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.permissions import HasScope
from ontwikkelplein.core.api import ErrorSerializer
from ontwikkelplein.desk import services
from ontwikkelplein.desk.api.serializers import ContactInSerializer, ContactOutSerializer

EXAMPLE = {
    "location": "0b6f3c1e-8a51-4d8e-9a57-3f0f6f1c2d11",
    "channel": "desk",
    "client_reference": "6f1c2d11-3f0f-4d8e-9a57-0b6f3c1e8a51",
    "questions": [
        {
            "category": "digital_government",
            "agency": "belastingdienst",
            "topic": "digid-aanvragen",
            "help_types": ["digital_contact"],
        }
    ],
}


class ContactCreateView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [HasScope]
    renderer_classes = [JSONRenderer]
    required_scope = Scope.CONTACTS_WRITE

    @extend_schema(
        operation_id="contacts_create",
        summary="Register a contact (one visitor, one or more questions)",
        description=(
            "Stores an anonymous registration for the organisation of the API key, in the "
            "shape of the IDO registration. Needs the scope `contacts:write`. Send a "
            "`client_reference` so a retry after a lost answer is stored once: the repeat "
            "answers 200 with the registration made the first time. Error messages are Dutch."
        ),
        request=ContactInSerializer,
        responses={
            201: OpenApiResponse(ContactOutSerializer, description="Registered."),
            200: OpenApiResponse(
                ContactOutSerializer,
                description="Already registered with this client_reference; nothing changed.",
            ),
            400: OpenApiResponse(
                description="Malformed JSON ({detail}) or invalid fields (a map of field "
                "names to lists of Dutch messages; question errors are keyed by the question's "
                "index)."
            ),
            401: OpenApiResponse(ErrorSerializer, description="Missing, unknown or revoked key."),
            403: OpenApiResponse(
                ErrorSerializer, description="The key lacks the scope contacts:write."
            ),
        },
        examples=[OpenApiExample("DigiD at the desk", value=EXAMPLE, request_only=True)],
        tags=["contacts"],
    )
    def post(self, request):
        api_key = request.auth
        serializer = ContactInSerializer(data=request.data, context={"api_key": api_key})
        serializer.is_valid(raise_exception=True)
        try:
            contact, created = services.register_contact(serializer.to_data(), source="api")
        except DjangoValidationError as error:
            raise exceptions.ValidationError(_validation_detail(error)) from None
        contact.question_count = (
            len(serializer.validated_data["questions"]) if created else contact.questions.count()
        )
        return Response(
            ContactOutSerializer(contact).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


QUESTION_FIELD = re.compile(r"^questions\[(\d+)\]\.(\w+)$")


def _validation_detail(error: DjangoValidationError):
    """The service's Dutch messages in the shape DRF gives its own field errors: a field map,
    with a question's fields under "questions" → its index ("questions[1].topic" becomes
    {"questions": {"1": {"topic": [...]}}}), and {"detail": [...]} for the rest."""
    if not hasattr(error, "error_dict"):
        return {"detail": error.messages}
    detail: dict = {}
    for name, messages in error.message_dict.items():
        match = QUESTION_FIELD.match(name)
        if match:
            questions = detail.setdefault("questions", {})
            if isinstance(questions, list):  # a message about the list as a whole came first
                questions = detail["questions"] = {"detail": questions}
            questions.setdefault(match[1], {})[match[2]] = messages
        elif name == "questions" and isinstance(detail.get("questions"), dict):
            detail["questions"]["detail"] = messages
        else:
            detail["detail" if name == "__all__" else name] = messages
    return detail
