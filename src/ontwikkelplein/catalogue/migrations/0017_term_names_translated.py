"""The seeded themes, target groups, offer types and levels in Arabic, Turkish, Ukrainian and
Polish (and English where it is missing), for every term whose Dutch name is still the seeded
one (catalogue/reference_data.py, TERM_TRANSLATIONS). What the KB typed is kept."""

from django.db import migrations


def fill(apps, schema_editor):
    from ontwikkelplein.catalogue.reference_data import seed_term_translations

    seed_term_translations(apps.get_model("catalogue", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0016_term_names_in_resident_languages")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
