"""The resident's sign-up form for a course run: name, phone or e-mail (at least one) and consent.
Plain B1 Dutch; the services validate again (phone number, double sign-up, open sign-up period)."""

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import person as person_details


def consent_text(organisation_name: str) -> str:
    """The consent the resident gives, in the words shown; stored as it was shown."""
    days = int(getattr(settings, "COURSE_RETENTION_DAYS", 365))
    return gettext(
        "Ja, %(organisation)s mag mijn naam, mijn telefoonnummer en mijn e-mailadres gebruiken "
        "voor deze cursus: om mij in te schrijven, mij te herinneren aan de bijeenkomsten en mij "
        "te laten weten als er een plek vrijkomt. Alleen de mensen die de cursus regelen of "
        "geven, zien deze gegevens. %(days)s dagen na de laatste bijeenkomst worden mijn gegevens "
        "gewist. Ik mag altijd vragen om mijn gegevens eerder te wissen."
    ) % {"organisation": organisation_name, "days": days}


class SignUpForm(person_details.ResidentConsentForm):
    """The spam fields (honeypot, timestamp) are checked by the view."""

    consent_text_for = staticmethod(consent_text)
    consent_required = _(
        "Zet een vinkje als je het goed vindt dat we je gegevens gebruiken. "
        "Zonder jouw toestemming kun je je niet via dit formulier aanmelden."
    )

    name = person_details.resident_name_field()
    phone = person_details.resident_phone_field()
    email = person_details.resident_email_field(
        help_text=_("Bijvoorbeeld naam@voorbeeld.nl. Dan krijg je een bevestiging per e-mail.")
    )

    def clean(self):
        data = super().clean()
        if (
            not data.get("phone")
            and not data.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            self.add_error(
                "phone",
                _("Vul je telefoonnummer of je e-mailadres in. Dan kunnen we je bereiken."),
            )
        return data
