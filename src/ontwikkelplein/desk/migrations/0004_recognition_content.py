from django.db import migrations

from ontwikkelplein.desk import recognition_data as data


def load(apps, schema_editor):
    """The national content of "Herkennen en doorverwijzen"; the KB edits it afterwards."""
    Signal = apps.get_model("desk", "Signal")
    CheckQuestion = apps.get_model("desk", "CheckQuestion")
    HelpRoute = apps.get_model("desk", "HelpRoute")
    SelfTest = apps.get_model("desk", "SelfTest")
    TaxonomyTerm = apps.get_model("catalogue", "TaxonomyTerm")
    if Signal.objects.exists() or HelpRoute.objects.exists():
        return
    for position, (group, text, text_en) in enumerate(data.SIGNALS):
        Signal.objects.create(group=group, text=text, text_en=text_en, position=position * 10)
    for position, (text, text_en, hint, hint_en) in enumerate(data.CHECK_QUESTIONS):
        CheckQuestion.objects.create(
            text=text, text_en=text_en, hint=hint, hint_en=hint_en, position=position * 10
        )
    for position, row in enumerate(data.ROUTES):
        (_code, title, title_en, listen, listen_en, colleague, colleague_en, role, themes,
         sectors) = row
        route = HelpRoute.objects.create(
            title=title,
            title_en=title_en,
            listen_for=listen,
            listen_for_en=listen_en,
            colleague=colleague,
            colleague_en=colleague_en,
            colleague_role=role,
            partner_sectors=sectors,
            position=position * 10,
        )
        route.themes.set(TaxonomyTerm.objects.filter(taxonomy__slug="thema", code__in=themes))
    for position, (name, provider, url, kind, text, text_en) in enumerate(data.SELF_TESTS):
        SelfTest.objects.create(
            name=name,
            provider=provider,
            url=url,
            kind=kind,
            description=text,
            description_en=text_en,
            position=position * 10,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0003_recognition"),
        ("catalogue", "0002_reference_data"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
