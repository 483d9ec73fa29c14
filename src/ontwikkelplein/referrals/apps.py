from django.apps import AppConfig


def _erase_expired() -> str:
    from ontwikkelplein.referrals import services

    return f"{services.erase_expired_personal_data()} referrals erased"


class ReferralsConfig(AppConfig):
    name = "ontwikkelplein.referrals"
    verbose_name = "Referrals"

    def ready(self):
        from ontwikkelplein.notifications import scheduled
        from ontwikkelplein.referrals import menu

        menu.register()

        scheduled.register("referral_retention", _erase_expired, every_minutes=60)
