from django.db import migrations


def seed(apps, schema_editor):
    from ontwikkelplein.activityplans import national_templates

    national_templates.seed(
        apps.get_model("activityplans", "ActivityPlan"),
        apps.get_model("activityplans", "PlanPartner"),
        apps.get_model("activityplans", "PlanTask"),
        apps.get_model("catalogue", "TaxonomyTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activityplans", "0001_activity_plans"),
        ("catalogue", "0017_term_names_translated"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
