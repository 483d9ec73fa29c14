"""A system check that ONTWIKKELPLEIN_2FA_ROLES names only roles that exist: a typo would
otherwise silently leave a role without its second factor."""

from django.conf import settings
from django.core import checks

from ontwikkelplein.organisations.models import Role


@checks.register(checks.Tags.security)
def second_factor_roles(app_configs, **kwargs):
    unknown = sorted(set(settings.ONTWIKKELPLEIN_2FA_ROLES) - set(Role.values))
    if unknown:
        return [
            checks.Error(
                f"ONTWIKKELPLEIN_2FA_ROLES names unknown roles: {', '.join(unknown)}.",
                hint=f"Choose from: {', '.join(Role.values)}.",
                id="ontwikkelplein.E201",
            )
        ]
    return []
