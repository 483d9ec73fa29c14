"""Signals the desk sends, so that apps above it can follow without the desk importing them.

`rollup_changed` is sent inside the transaction that changes the DailyCount/DailyHelpCount
roll-ups (a registration, a correction, a removal), with `days`: the set of
(organisation_id, date) whose counts changed. The overview (overview/signals.py) forgets the
figures it kept for those days in the same transaction."""

from django.dispatch import Signal

rollup_changed = Signal()
