"""Django's password validators with the project's Dutch (informal "je", as the rest of the
interface). Django 5.2's message for a short password is not in its Dutch catalogue (its msgid
changed), so it would show in English; these words come from the project's catalogue."""

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d teken hebben.",
            "Dit wachtwoord is te kort. Het moet minstens %(min_length)d tekens hebben.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Je wachtwoord moet minstens %(min_length)d teken hebben.",
            "Je wachtwoord moet minstens %(min_length)d tekens hebben.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_help_text(self):
        return _("Je wachtwoord mag niet te veel lijken op je naam, gebruikersnaam of e-mailadres.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord wordt te vaak gebruikt.")

    def get_help_text(self):
        return _("Je wachtwoord mag geen veelgebruikt wachtwoord zijn.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord bestaat alleen uit cijfers.")

    def get_help_text(self):
        return _("Je wachtwoord mag niet alleen uit cijfers bestaan.")
