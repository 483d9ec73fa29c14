"""The current Dutch municipalities (CBS codes) of places/data/municipalities.csv."""

from django.db import migrations

from ontwikkelplein.places.services import load_municipalities


def load(apps, schema_editor):
    load_municipalities(
        apps.get_model("places", "Municipality"), apps.get_model("places", "Province")
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0003_postcode_areas")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
