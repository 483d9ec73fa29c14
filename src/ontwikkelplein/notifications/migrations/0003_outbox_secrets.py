import re

from django.db import migrations, models

# A partner link's token in a sent mail (before secrets were kept apart): "/partner/<token>/".
PARTNER_TOKEN = re.compile(r"/partner/[A-Za-z0-9_-]{20,}/")


def forget_sent_tokens(apps, schema_editor):
    """Sent messages stored before this change keep their partner links readable: blank the
    token in them (the mail has done its work; the link itself is stored only as a hash)."""
    OutboxMessage = apps.get_model("notifications", "OutboxMessage")
    sent = OutboxMessage.objects.filter(state="sent", body__contains="/partner/")
    for message in sent.iterator():
        message.body = PARTNER_TOKEN.sub("/partner/…/", message.body)
        message.html_body = PARTNER_TOKEN.sub("/partner/…/", message.html_body)
        message.save(update_fields=["body", "html_body"])


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_scheduledrun"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboxmessage",
            name="secrets",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(forget_sent_tokens, migrations.RunPython.noop),
    ]
