from django.db import migrations

from ontwikkelplein.readingguide import reference_data as ref

FIELDS = ("code", "name", "age_from", "age_to", "avi_levels", "meaning", "place", "tips")


def seed(apps, schema_editor):
    LabelTable = apps.get_model("readingguide", "LabelTable")
    Label = apps.get_model("readingguide", "Label")
    if LabelTable.objects.filter(national=True).exists():
        return
    table = LabelTable.objects.create(national=True, source=ref.SOURCE)
    for position, row in enumerate(ref.LABELS):
        Label.objects.create(table=table, position=position, **dict(zip(FIELDS, row, strict=True)))


class Migration(migrations.Migration):
    dependencies = [("readingguide", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
