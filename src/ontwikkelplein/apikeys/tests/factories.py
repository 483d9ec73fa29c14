from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import create_api_key
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


def api_key(organisation=None, scopes=(Scope.CONTACTS_WRITE,), **kwargs):
    """A stored key and its plain text: (ApiKey, str)."""
    return create_api_key(
        organisation=organisation or OrganisationFactory(), scopes=list(scopes), **kwargs
    )
