"""The national needs vocabulary (reference_data.NEED_PHRASES), so that a fresh install searches
with it from the start; the KB edits it afterwards in the back office."""

from django.db import migrations

from ontwikkelplein.catalogue import reference_data as ref


def seed(apps, schema_editor):
    ref.seed_need_phrases(
        apps.get_model("catalogue", "NeedPhrase"), apps.get_model("catalogue", "TaxonomyTerm")
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0007_need_phrases")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
