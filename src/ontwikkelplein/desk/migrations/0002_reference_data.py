from django.db import migrations

from ontwikkelplein.desk import reference_data as ref


def seed(apps, schema_editor):
    Agency = apps.get_model("desk", "Agency")
    Topic = apps.get_model("desk", "Topic")
    for position, (code, name) in enumerate(ref.AGENCIES):
        Agency.objects.get_or_create(code=code, defaults={"name": name, "position": position})
    for position, (code, name, group) in enumerate(ref.TOPICS):
        Topic.objects.get_or_create(
            code=code, defaults={"name": name, "group": group, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
