"""Describes the API-key authentication in the OpenAPI schema (drf-spectacular extension;
registered when the app is ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "ontwikkelplein.apikeys.authentication.ApiKeyAuthentication"
    name = ["ApiKeyBearer", "ApiKeyHeader"]

    def get_security_requirement(self, auto_schema):
        # Either header will do (OR), not both (AND).
        return [{"ApiKeyBearer": []}, {"ApiKeyHeader": []}]

    def get_security_definition(self, auto_schema):
        how = (
            "An API key bound to one organisation (and optionally one location) with scopes, "
            "made with `manage.py create_api_key --organisation NAME --scope contacts:write`. "
        )
        return [
            {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "op_<prefix>_<secret>",
                "description": how + "Send it as `Authorization: Bearer <key>`.",
            },
            {
                "type": "apiKey",
                "in": "header",
                "name": "X-API-Key",
                "description": how + "Or send it as `X-API-Key: <key>`.",
            },
        ]
