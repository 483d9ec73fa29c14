from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff account. Residents never need one. What a user may do follows from their
    memberships (see organisations.Membership), not from Django's is_staff flag, which
    only opens the Django admin for KB-beheerders."""

    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
