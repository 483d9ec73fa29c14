"""The 'before' questionnaire asks about the situation now: questions about change ("Ik ben minder
bang ...") become after-only in the standard sets, their current-state versions are added, and the
short after-only list (as the national Impactmonitor uses since 2022) is seeded."""

from django.db import migrations

from ontwikkelplein.impact.reference_data import ensure_standard_sets, upgrade_standard_sets


def forwards(apps, schema_editor):
    question_set = apps.get_model("impact", "QuestionSet")
    question = apps.get_model("impact", "Question")
    upgrade_standard_sets(question_set, question)
    ensure_standard_sets(question_set, question)


class Migration(migrations.Migration):
    dependencies = [("impact", "0003_questions_after_only")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
