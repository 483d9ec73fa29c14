from django.core.management.base import BaseCommand

from ontwikkelplein.demo.services import demo_logins

COLUMNS = [
    ("username", "Gebruikersnaam"),
    ("role", "Rol"),
    ("organisation", "Organisatie"),
    ("password", "Wachtwoord"),
]


class Command(BaseCommand):
    help = "Print the demo logins (username, role, organisation, password) as a table."

    def handle(self, *args, **options):
        rows = demo_logins()
        if not rows:
            self.stdout.write("Geen demo-accounts gevonden. Draai eerst: manage.py load_demo")
            return
        widths = {key: max(len(title), *(len(row[key]) for row in rows)) for key, title in COLUMNS}

        def line(values):
            return "  ".join(values[key].ljust(widths[key]) for key, _ in COLUMNS).rstrip()

        self.stdout.write("Demo-accounts (log in op /account/inloggen/):")
        self.stdout.write(line(dict(COLUMNS)))
        self.stdout.write("  ".join("-" * widths[key] for key, _ in COLUMNS))
        for row in rows:
            self.stdout.write(line(row))
