"""Version 1 of the wegwijzer, published, so that every installation starts with one (the
questions of issue 13 on the reference taxonomy codes; wayfinder/reference_data.py)."""

from django.db import migrations


def seed(apps, schema_editor):
    from ontwikkelplein.wayfinder.services import seed_first_version

    seed_first_version(
        apps.get_model("wayfinder", "Version"),
        apps.get_model("wayfinder", "Question"),
        apps.get_model("wayfinder", "Answer"),
        apps.get_model("catalogue", "TaxonomyTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wayfinder", "0001_wayfinder_versions_and_path_counts"),
        ("catalogue", "0006_unmatched_search_visitors"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
