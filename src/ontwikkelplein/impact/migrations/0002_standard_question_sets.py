from django.db import migrations

from ontwikkelplein.impact.reference_data import ensure_standard_sets


def seed(apps, schema_editor):
    ensure_standard_sets(apps.get_model("impact", "QuestionSet"), apps.get_model("impact", "Question"))


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
