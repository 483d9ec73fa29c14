"""The API helpers every API uses (core/api.py): the JSON parser and the one error shape."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from ontwikkelplein.core import api

INVALID_FIELDS = "Niet alle velden kloppen. Zie de meldingen per veld."


class PersonSerializer(serializers.Serializer):
    phone = serializers.CharField()


class ItemSerializer(serializers.Serializer):
    code = serializers.CharField()


class EchoSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=5)
    person = PersonSerializer(required=False)
    items = ItemSerializer(many=True, required=False)


class EchoView(APIView):
    """A view with the project's default settings: the parser and handler come from
    settings.REST_FRAMEWORK, as for every API of the project."""

    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        if request.data == {"gone": True}:
            raise exceptions.NotFound("Bestaat niet.")
        if request.data == {"general": True}:
            raise exceptions.ValidationError(["Eerste.", "Tweede."])
        if request.data == {"raw": True}:
            return Response({"ok": True, "data": request.data})
        serializer = EchoSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data)


def post_raw(raw: str | bytes, content_type="application/json"):
    request = APIRequestFactory().post("/", data=raw, content_type=content_type)
    response = EchoView.as_view()(request)
    response.render()
    return response


def body(response) -> dict:
    # The body is UTF-8 JSON, whatever was sent.
    return json.loads(response.content.decode("utf-8"))


def nested(depth: int) -> str:
    return '{"name": "x", "deep": ' + "[" * depth + "]" * depth + "}"


def test_a_good_body_passes():
    response = post_raw(json.dumps({"name": "Ans", "person": {"phone": "06"}}))
    assert response.status_code == 200
    assert body(response) == {"name": "Ans", "person": {"phone": "06"}}


@pytest.mark.parametrize("depth", [api.MAX_DEPTH, 200, 10_000, 100_000])
def test_deep_nesting_is_a_400_in_dutch(depth):
    response = post_raw(nested(depth))
    assert response.status_code == 400
    assert body(response) == {
        "detail": f"De JSON is te diep genest (hoogstens {api.MAX_DEPTH} lagen)."
    }


def test_nesting_up_to_the_limit_is_allowed():
    response = post_raw(nested(api.MAX_DEPTH - 2))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        '{"name": "\\ud800"}',
        '{"name": "a\\udc00b"}',
        '{"\\ud83d": "x"}',
        '{"name": "ok", "items": [{"code": "\\udfff"}]}',
    ],
)
def test_an_unpaired_surrogate_is_a_400_whose_body_encodes(raw):
    response = post_raw(raw)
    assert response.status_code == 400
    assert "surrogaat" in body(response)["detail"]
    assert "\\ud" not in response.content.decode("utf-8")


def test_a_paired_surrogate_is_just_an_emoji():
    response = post_raw('{"name": "\\ud83d\\ude00"}')
    assert response.status_code == 200
    assert body(response)["name"] == "\U0001f600"


@pytest.mark.parametrize("raw", ['{"name": "a\\u0000b"}', '{"a\\u0000": 1}'])
def test_nul_is_a_400(raw):
    response = post_raw(raw)
    assert response.status_code == 400
    assert "NUL" in body(response)["detail"]


@pytest.mark.parametrize("raw", ["{", '{"name": NaN}', b"\xff\xfe{}", "[1, 2"])
def test_malformed_json_is_a_400_in_dutch(raw):
    response = post_raw(raw)
    assert response.status_code == 400
    assert body(response)["detail"].startswith("De body is geen geldige JSON")


def test_field_errors_come_next_to_a_detail():
    response = post_raw(
        json.dumps({"name": "te lang hoor", "person": {}, "items": [{}, {"code": "x"}, {}]})
    )
    assert response.status_code == 400
    errors = body(response)
    assert errors["detail"] == INVALID_FIELDS
    assert set(errors) == {"detail", "name", "person", "items"}
    assert errors["person"] == {"phone": ["Dit veld is vereist."]}
    assert set(errors["items"]) == {"0", "2"}
    assert all(isinstance(message, str) for message in errors["name"])


def test_general_validation_errors_become_one_detail():
    response = post_raw(json.dumps({"general": True}))
    assert response.status_code == 400
    assert body(response) == {"detail": "Eerste. Tweede."}


def test_other_errors_keep_their_status_with_a_detail():
    response = post_raw(json.dumps({"gone": True}))
    assert response.status_code == 404
    assert body(response) == {"detail": "Bestaat niet."}
    response = post_raw("{}", content_type="text/plain")
    assert response.status_code == 415
    assert set(body(response)) == {"detail"}


def test_error_body_shapes():
    assert api.error_body({"detail": "Weg."}) == {"detail": "Weg."}
    assert api.error_body({"detail": ["a", "b"], "x": ["c"]}, validation=True) == {
        "detail": "a b",
        "x": ["c"],
    }
    assert api.error_body({"non_field_errors": ["a"]}, validation=True) == {"detail": "a"}
    assert api.error_body({}, validation=True) == {"detail": INVALID_FIELDS}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), JSON_VALUES.map(json.dumps)))
def test_any_body_gets_a_json_answer_never_a_server_error(raw):
    response = post_raw(raw)
    assert response.status_code in (200, 400)
    answer = body(response)
    if response.status_code == 400:
        assert isinstance(answer["detail"], str) and answer["detail"]
