import django.db.models.deletion
from django.db import migrations, models

from ontwikkelplein.desk import reference_data as ref


def seed(apps, schema_editor):
    """Each national topic gets its catalogue theme, where the topic has none yet."""
    Topic = apps.get_model("desk", "Topic")
    TaxonomyTerm = apps.get_model("catalogue", "TaxonomyTerm")
    themes = {t.code: t for t in TaxonomyTerm.objects.filter(taxonomy__slug="thema")}
    for topic in Topic.objects.filter(code__in=ref.TOPIC_THEMES, theme__isnull=True):
        theme = themes.get(ref.TOPIC_THEMES[topic.code])
        if theme is not None:
            topic.theme = theme
            topic.save(update_fields=["theme"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0017_term_names_translated"),
        ("desk", "0005_reading_topics"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"taxonomy__slug": "thema"},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="catalogue.taxonomyterm",
                verbose_name="thema in de catalogus",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
