import uuid

from django.core.management.base import BaseCommand, CommandError

from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.apikeys.services import PREFIX_LENGTH, revoke_api_key


class Command(BaseCommand):
    help = "Revoke an API key, found by its prefix (e.g. op_1a2b3c4d), the whole key or its id."

    def add_arguments(self, parser):
        parser.add_argument("key", help="the prefix the key starts with, the key, or its id")

    def handle(self, *args, key, **options):
        api_key = ApiKey.objects.filter(prefix=key.strip()[:PREFIX_LENGTH]).first() if key else None
        if api_key is None:
            try:
                api_key = ApiKey.objects.filter(pk=uuid.UUID(key)).first()
            except ValueError:
                api_key = None
        if api_key is None:
            raise CommandError(f"Geen API-sleutel gevonden bij '{key}'.")
        if not api_key.is_active:
            self.stdout.write(
                f"{api_key} was al ingetrokken op {api_key.revoked_at:%Y-%m-%d %H:%M}."
            )
            return
        revoke_api_key(api_key)
        self.stdout.write(f"{api_key} van {api_key.organisation} is ingetrokken.")
