"""DRF permission: the request's API key carries the scope the view needs."""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.apikeys.services import has_scope


class HasScope(BasePermission):
    """Set `required_scope` on the view, e.g. `required_scope = Scope.CONTACTS_WRITE`.

    Without a key DRF turns the refusal into 401 (not authenticated); with a key lacking the
    scope into 403 with this message."""

    message = _("Deze API-sleutel mag dit niet: het recht '%(scope)s' ontbreekt.")

    def has_permission(self, request, view):
        scope = view.required_scope
        api_key = request.auth
        if not isinstance(api_key, ApiKey):
            return False
        if has_scope(api_key, scope):
            return True
        self.message = HasScope.message % {"scope": scope}
        return False
