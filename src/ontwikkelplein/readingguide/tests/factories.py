import factory

from ontwikkelplein.readingguide.models import Label, LabelTable


class LabelTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabelTable

    source = "Test"


class LabelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Label

    table = factory.SubFactory(LabelTableFactory)
    code = factory.Sequence(lambda n: f"X{n}")
    name = "Testlabel"
    age_from = 0
    age_to = 3
    meaning = "Voor kleine kinderen."
