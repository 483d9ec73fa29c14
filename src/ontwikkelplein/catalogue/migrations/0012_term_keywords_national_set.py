"""The national word list for automatic classification (reference_data.TERM_KEYWORDS), so that a
fresh install classifies imported offers from the start; the KB edits it in the back office."""

from django.db import migrations

from ontwikkelplein.catalogue import reference_data as ref


def seed(apps, schema_editor):
    ref.seed_term_keywords(apps.get_model("catalogue", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0011_term_keywords_auto_classified")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
