"""Every database, the test databases included, gets the PC4 centroids of places/data/pc4.csv."""

from django.db import migrations

from ontwikkelplein.places.services import load_postcode_areas


def load(apps, schema_editor):
    load_postcode_areas(apps.get_model("places", "PostcodeArea"))


class Migration(migrations.Migration):
    dependencies = [("places", "0002_provinces")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
