from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "ontwikkelplein.notifications"
    verbose_name = "Notifications"
