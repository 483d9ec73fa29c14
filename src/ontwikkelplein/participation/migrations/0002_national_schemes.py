"""The national programmes, convenants, pilots and subsidies libraries take part in
(../shared/domain-notes.md); the KB adds others in the admin."""

from django.db import migrations

SCHEMES = [
    ("ido", "Informatiepunt Digitale Overheid (IDO)", "programme", 10),
    ("taalhuis", "(digi)Taalhuis", "programme", 20),
    ("belastingdienst", "Convenant Belastingdienst (hulp bij belastingaangifte)", "convenant", 30),
    ("toeslagen", "Convenant Toeslagen", "convenant", 40),
    ("boekstart", "BoekStart", "programme", 50),
    ("bibliotheek-op-school", "de Bibliotheek op school", "programme", 60),
    ("inloopschool", "Inloopschool (pilot)", "pilot", 70),
    ("spuk-ido", "SPUK IDO (specifieke uitkering)", "subsidy", 80),
    ("digitale-inclusie", "Subsidie digitale inclusie", "subsidy", 90),
]


def add(apps, schema_editor):
    Scheme = apps.get_model("participation", "Scheme")
    for code, name, kind, order in SCHEMES:
        Scheme.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "order": order}
        )


def remove(apps, schema_editor):
    apps.get_model("participation", "Scheme").objects.filter(
        code__in=[code for code, *_ in SCHEMES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_programme_register")]
    operations = [migrations.RunPython(add, remove)]
