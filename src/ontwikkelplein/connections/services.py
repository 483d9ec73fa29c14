"""Writes of "EMB in verbinding": the planned actions."""

from django.db import transaction

from ontwikkelplein.connections.models import ConnectionAction


@transaction.atomic
def save_action(library, form) -> ConnectionAction:
    action = form.save(commit=False)
    action.organisation = library
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def toggle_action(action: ConnectionAction) -> ConnectionAction:
    action.done = not action.done
    action.save(update_fields=["done", "updated_at"])
    return action


@transaction.atomic
def delete_action(action: ConnectionAction) -> None:
    action.delete()
