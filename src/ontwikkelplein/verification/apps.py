from django.apps import AppConfig


def _send_requests() -> str:
    from ontwikkelplein.verification import services

    return f"{services.send_due_requests()} verification requests sent"


def _hide_unconfirmed() -> str:
    from ontwikkelplein.verification import services

    return f"{services.hide_unconfirmed_offers()} offers hidden"


class VerificationConfig(AppConfig):
    name = "ontwikkelplein.verification"
    verbose_name = "Offer verification"

    def ready(self):
        from ontwikkelplein.notifications import scheduled
        from ontwikkelplein.verification import menu

        menu.register()
        scheduled.register("offer_verification_requests", _send_requests, every_minutes=60)
        scheduled.register("offer_verification_hide", _hide_unconfirmed, every_minutes=60)
