import uuid

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import create_api_key
from ontwikkelplein.organisations.models import Location, Organisation


class Command(BaseCommand):
    help = (
        "Make an API key for an organisation (and optionally one of its locations) with the "
        "given scopes. The key is printed once, as the last line; only its hash is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="exact name of the organisation")
        parser.add_argument(
            "--scope",
            action="append",
            required=True,
            dest="scopes",
            help=f"repeat for more than one; one of: {', '.join(Scope.values)}",
        )
        parser.add_argument(
            "--location", help="name or id of one of the organisation's locations (optional)"
        )
        parser.add_argument("--name", default="", help="what the key is for, e.g. 'Kiosk hal'")

    def handle(self, *args, organisation, scopes, location=None, name="", **options):
        org = self._organisation(organisation)
        place = self._location(org, location) if location else None
        try:
            api_key, plain_key = create_api_key(
                organisation=org, scopes=scopes, name=name, location=place
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        bound = f", locatie {place}" if place else ""
        self.stdout.write(
            f"API-sleutel '{api_key.name}' gemaakt voor {org}{bound}, "
            f"rechten: {', '.join(api_key.scopes)}, begint met {api_key.prefix}."
        )
        self.stdout.write(
            "Bewaar de sleutel nu: hij wordt maar één keer getoond. Stuur hem mee als "
            "'Authorization: Bearer <sleutel>'. Intrekken: manage.py revoke_api_key "
            f"{api_key.prefix}"
        )
        self.stdout.write(plain_key)

    def _organisation(self, name: str) -> Organisation:
        found = list(Organisation.objects.filter(name=name))
        if not found:
            found = list(Organisation.objects.filter(name__iexact=name.strip()))
        if len(found) == 1:
            return found[0]
        if not found:
            similar = list(
                Organisation.objects.filter(name__icontains=name.strip()).values_list(
                    "name", flat=True
                )[:5]
            )
            hint = f" Bedoel je: {'; '.join(similar)}?" if similar else ""
            raise CommandError(f"Geen organisatie met de naam '{name}'.{hint}")
        names = "; ".join(o.name for o in found)
        raise CommandError(f"Meer dan één organisatie heet '{name}': {names}. Geef de exacte naam.")

    def _location(self, organisation: Organisation, value: str) -> Location:
        locations = Location.objects.filter(organisation=organisation)
        try:
            found = list(locations.filter(pk=uuid.UUID(value)))
        except ValueError:
            found = list(locations.filter(name=value)) or list(
                locations.filter(name__iexact=value.strip())
            )
        if len(found) == 1:
            return found[0]
        if not found:
            names = "; ".join(locations.values_list("name", flat=True)[:10])
            raise CommandError(
                f"{organisation} heeft geen locatie '{value}'."
                + (f" Locaties: {names}." if names else "")
            )
        ids = "; ".join(str(location.pk) for location in found)
        raise CommandError(f"Meer dan één locatie heet '{value}': geef het id (een van: {ids}).")
