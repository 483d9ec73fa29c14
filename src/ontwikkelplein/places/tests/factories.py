import factory

from ontwikkelplein.places.models import Municipality, PostcodeArea, Province


def province(name: str = "Utrecht") -> Province:
    """Provinces are seeded by a migration; tests look them up by name."""
    return Province.objects.get(name=name)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    # GM9000-GM9999: no real CBS code, and never longer than the column's 6 characters
    # (PostgreSQL refuses GM10000 once a long test run has made 1,000 municipalities).
    code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    province = factory.LazyFunction(province)


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeArea
        django_get_or_create = ("pc4",)

    pc4 = factory.Sequence(lambda n: f"{1000 + n}")
    town = "Amersfoort"
    latitude = 52.156
    longitude = 5.387
