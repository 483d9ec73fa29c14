from django.db import migrations

from ontwikkelplein.desk import reference_data as ref


def seed(apps, schema_editor):
    Topic = apps.get_model("desk", "Topic")
    start = (Topic.objects.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    for offset, (code, name, group) in enumerate(ref.READING_TOPICS):
        Topic.objects.get_or_create(
            code=code, defaults={"name": name, "group": group, "position": start + offset}
        )


class Migration(migrations.Migration):
    dependencies = [("desk", "0004_recognition_content")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
