from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "ontwikkelplein.referrals"
    verbose_name = "Referrals"
