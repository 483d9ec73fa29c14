from django.db import migrations

from ontwikkelplein.catalogue import reference_data as ref


def seed(apps, schema_editor):
    Taxonomy = apps.get_model("catalogue", "Taxonomy")
    Term = apps.get_model("catalogue", "TaxonomyTerm")
    Programme = apps.get_model("catalogue", "Programme")
    SynonymGroup = apps.get_model("catalogue", "SynonymGroup")

    def taxonomy(slug, name, description):
        return Taxonomy.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "version": "1"}
        )[0]

    themes = taxonomy("thema", "Thema's", "Waar gaat het aanbod over?")
    for pos, (code, name, name_en, icon) in enumerate(ref.THEMES):
        Term.objects.get_or_create(
            taxonomy=themes, code=code,
            defaults={"name": name, "name_en": name_en, "icon": icon, "position": pos},
        )
    groups = taxonomy("doelgroep", "Doelgroepen", "Voor wie is het aanbod?")
    for pos, (code, name, name_en) in enumerate(ref.TARGET_GROUPS):
        Term.objects.get_or_create(
            taxonomy=groups, code=code, defaults={"name": name, "name_en": name_en, "position": pos}
        )
    types = taxonomy("aanbodsoort", "Soorten aanbod", "Wat voor aanbod is het?")
    for pos, (code, name, name_en) in enumerate(ref.OFFER_TYPES):
        Term.objects.get_or_create(
            taxonomy=types, code=code, defaults={"name": name, "name_en": name_en, "position": pos}
        )
    levels = taxonomy("niveau", "Niveaus", "Taal- en digitaal niveau (NT1, NT2, digitaal).")
    by_code = {}
    for pos, (code, name, name_en, parent) in enumerate(ref.LEVELS):
        by_code[code] = Term.objects.get_or_create(
            taxonomy=levels, code=code,
            defaults={"name": name, "name_en": name_en, "position": pos, "parent": by_code.get(parent)},
        )[0]
    for code, name in ref.PROGRAMMES:
        Programme.objects.get_or_create(code=code, defaults={"name": name})
    if not SynonymGroup.objects.exists():
        SynonymGroup.objects.bulk_create(SynonymGroup(terms=t) for t in ref.SYNONYMS)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
