from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ontwikkelplein.organisations"
    verbose_name = "Organisations"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from ontwikkelplein.organisations import menu, selectors
        from ontwikkelplein.organisations.models import Branding

        menu.register()
        # The branded site's host names (organisations/middleware.py) are kept for a minute.
        for signal in (post_save, post_delete):
            signal.connect(
                selectors.forget_mapped_hosts, sender=Branding, dispatch_uid=f"hosts-{signal}"
            )
