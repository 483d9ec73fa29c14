"""DRF authentication by API key: `Authorization: Bearer <key>` or `X-API-Key: <key>`."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from ontwikkelplein.apikeys import services


class ApiKeyClient:
    """The caller of an API request made with a key: no person, so no user account. Views read
    the key itself from request.auth."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, api_key):
        self.api_key = api_key

    def __str__(self) -> str:
        return str(self.api_key)


class ApiKeyAuthentication(BaseAuthentication):
    keyword = "Bearer"
    header = "HTTP_X_API_KEY"

    def authenticate(self, request):
        plain_key = self._read_key(request)
        if plain_key is None:
            return None  # no credentials: the permission check answers 401
        try:
            api_key = services.authenticate(plain_key)
        except services.InvalidApiKey as error:
            raise exceptions.AuthenticationFailed(str(error)) from None
        return ApiKeyClient(api_key), api_key

    def _read_key(self, request) -> str | None:
        parts = get_authorization_header(request).split()
        if parts and parts[0].lower() == self.keyword.lower().encode():
            if len(parts) != 2:
                raise exceptions.AuthenticationFailed(
                    _("Zet precies één API-sleutel na 'Bearer' in de Authorization-header.")
                )
            try:
                return parts[1].decode("ascii")
            except UnicodeDecodeError:
                raise exceptions.AuthenticationFailed(
                    _("Deze API-sleutel is onbekend. Controleer of je hem goed hebt overgenomen.")
                ) from None
        key = request.META.get(self.header, "").strip()
        return key or None

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) when the key is missing or wrong.
        return f'{self.keyword} realm="api"'
