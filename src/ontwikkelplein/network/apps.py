from django.apps import AppConfig


def _alert_agreements() -> str:
    from ontwikkelplein.network import services

    return f"{services.alert_agreements()} agreement alerts"


def _erase_expired() -> str:
    from ontwikkelplein.network import services

    return f"{services.erase_expired_contacts()} partner contacts erased"


class NetworkConfig(AppConfig):
    name = "ontwikkelplein.network"
    verbose_name = "Library network (netwerk)"

    def ready(self):
        from ontwikkelplein.network import menu
        from ontwikkelplein.notifications import scheduled

        menu.register()
        scheduled.register("network_agreement_alerts", _alert_agreements, every_minutes=24 * 60)
        scheduled.register("network_contact_retention", _erase_expired, every_minutes=24 * 60)
