"""The national table's label texts in the resident languages (reference_data.TRANSLATIONS).

Fills only an empty translation column, and only where the Dutch text is still the one the
translation was made from: a translation the KB typed, or one of a text the KB changed, stays as
it is. A library's own table is left alone (it copied the national one and may have changed it)."""

from django.db import migrations

from ontwikkelplein.readingguide import reference_data as ref

DUTCH_FIELDS = ("code", "name", "age_from", "age_to", "avi_levels", "meaning", "place", "tips")
TEXT_FIELDS = ("name", "meaning", "place", "tips")


def fill(apps, schema_editor):
    Label = apps.get_model("readingguide", "Label")
    dutch = {row[0]: dict(zip(DUTCH_FIELDS, row, strict=True)) for row in ref.LABELS}
    for label in Label.objects.filter(table__national=True, code__in=list(ref.TRANSLATIONS)):
        changed = []
        for language, texts in ref.TRANSLATIONS[label.code].items():
            for field in TEXT_FIELDS:
                name = f"{field}_{language}"
                if getattr(label, name).strip() or not texts.get(field):
                    continue
                if getattr(label, field).strip() != dutch[label.code][field].strip():
                    continue
                setattr(label, name, texts[field])
                changed.append(name)
        if changed:
            label.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("readingguide", "0003_label_translations")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
