"""The seeded wegwijzer's questions and answers in Arabic, Turkish, Ukrainian and Polish (and
English where it is missing), in every version that still has the seeded Dutch text
(wayfinder/reference_data.py, TRANSLATIONS). What the KB typed is kept."""

from django.db import migrations


def fill(apps, schema_editor):
    from ontwikkelplein.wayfinder.reference_data import seed_translations

    seed_translations(apps.get_model("wayfinder", "Question"), apps.get_model("wayfinder", "Answer"))


class Migration(migrations.Migration):
    dependencies = [("wayfinder", "0003_questions_and_answers_in_resident_languages")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
