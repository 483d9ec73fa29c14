import factory

from ontwikkelplein.catalogue.models import Taxonomy
from ontwikkelplein.catalogue.tests.factories import term
from ontwikkelplein.materials.models import Cost, Form, Kind, Material


def level(code="nt2-a1"):
    return term(Taxonomy.LEVEL, code)


class MaterialFactory(factory.django.DjangoModelFactory):
    """A material on the national list (pass `organisation=` for a library's own); its words
    are only the ones a test gives it."""

    class Meta:
        model = Material
        skip_postgeneration_save = True

    organisation = None
    name = factory.Sequence(lambda n: f"Materiaal {n}")
    summary = "Kort."
    provider = "Aanbieder"
    kind = Kind.PROGRAMME
    form = Form.ONLINE
    cost = Cost.FREE

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        if create and extracted:
            self.levels.set(extracted)
