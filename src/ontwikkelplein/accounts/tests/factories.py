import factory

from ontwikkelplein.accounts.models import User

STAFF_FIRST_NAMES = ["Linde", "Sanne", "Ruud", "Noor", "Daan", "Iris", "Bram", "Mila", "Thijs"]
STAFF_LAST_NAMES = ["de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos"]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"medewerker{n}")
    # Fixed lists, not Faker: tests check that residents' made-up names ("Fatima Jansen",
    # "Kees Jansen") never show up where they must not, and a generated staff name could be one.
    first_name = factory.Iterator(STAFF_FIRST_NAMES)
    last_name = factory.Iterator(STAFF_LAST_NAMES)
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("geheim-wachtwoord-123")
