"""The lockout page django-axes shows (AXES_LOCKOUT_CALLABLE): the same Dutch answer whether or
not the account exists, with how long to wait and where to get help. Status 429."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
