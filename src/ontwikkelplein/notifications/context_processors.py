"""The unread count in the staff navigation. Lazy: the one COUNT query runs only when a
template shows the number, which only the staff pages do, and only for a logged-in user."""

from django.utils.functional import cached_property

from ontwikkelplein.notifications.models import Notification


class UnreadCount:
    def __init__(self, user):
        self._user = user

    @cached_property
    def value(self) -> int:
        if not getattr(self._user, "is_authenticated", False):
            return 0
        return Notification.objects.filter(user=self._user, read_at__isnull=True).count()

    def __int__(self):
        return self.value

    def __bool__(self):
        return self.value > 0

    def __str__(self):
        return str(self.value)


def unread_notifications(request):
    return {"unread_notifications": UnreadCount(getattr(request, "user", None))}
