from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ontwikkelplein.accounts"
    verbose_name = "Accounts"
