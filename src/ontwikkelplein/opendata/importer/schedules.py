"""Writing where and when an offer takes place: HSDS service_at_location as OfferLocation and
HSDS schedules as Schedule rows (one per weekday, or one dated session)."""

import re
import uuid

from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import OfferLocation, Schedule, ScheduleKind
from ontwikkelplein.opendata.importer.fields import as_uuid, assign
from ontwikkelplein.opendata.importer.rules import Invalid, parse_date, parse_time
from ontwikkelplein.organisations.models import Location

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class SchedulesWriter:
    """The Writer's part for places and times of offers (see importer.writer)."""

    def _sync_locations(self, offer, obj, *, replace: bool) -> bool:
        """Places and times of an offer we have: update, add, and (replace) drop the rest."""
        current = {str(ol.pk): ol for ol in offer.offer_locations.all()}
        by_location = {str(ol.location_id): ol for ol in current.values()}
        keep = set()
        changed = False
        for sal in obj.get("service_at_locations") or []:
            if not isinstance(sal, dict):
                continue
            location = self._place(sal, offer)
            if location is None:
                continue
            offer_location = current.get(sal.get("id")) or by_location.get(str(location.pk))
            description = (sal.get("description") or "")[:300]
            if offer_location is None:
                offer_location = OfferLocation.objects.create(
                    id=as_uuid(sal.get("id")) or uuid.uuid4(),
                    offer=offer,
                    location=location,
                    description=description,
                )
                changed = True
                existing_schedules = {}
            else:
                if (
                    offer_location.location_id != location.pk
                    or offer_location.description != description
                ):
                    offer_location.location = location
                    offer_location.description = description
                    offer_location.save()
                    changed = True
                existing_schedules = {str(s.pk): s for s in offer_location.schedules.all()}
            keep.add(offer_location.pk)
            schedules = list(sal.get("schedules") or [])
            if ("schedules" in sal or schedules) and self._sync_schedules(
                offer_location, schedules, existing_schedules
            ):
                changed = True
        if replace and "service_at_locations" in obj:
            stale = [pk for pk in (ol.pk for ol in current.values()) if pk not in keep]
            if stale:
                OfferLocation.objects.filter(pk__in=stale).delete()
                changed = True
        return changed

    def _place(self, sal, offer):
        """The location of a service_at_location, or None (reported) when it cannot be used."""
        location_id = sal.get("location_id") or (sal.get("location") or {}).get("id")
        if location_id in self.location_map:
            location = self.location_map[location_id]  # None: skipped, and reported already
        else:
            uid = as_uuid(location_id)
            location = Location.objects.filter(pk=uid).first() if uid else None
            self.location_map[location_id] = location
            if location is None:
                self.warn(
                    "service_at_location",
                    sal,
                    "location_id",
                    _("Onbekende locatie; deze plek is overgeslagen."),
                )
        if location is None:
            return None
        if location.organisation_id != offer.organisation_id and not self.may_write(
            location.organisation_id
        ):
            self.error(
                "service_at_location",
                sal,
                "location_id",
                _("Deze locatie hoort bij een andere organisatie."),
            )
            return None
        return location

    def _schedule_values(self, schedules) -> dict:
        wanted = {}
        for obj in schedules:
            if not isinstance(obj, dict):
                continue
            try:
                rows = schedule_rows(obj)
            except Invalid as exc:
                self.error("schedule", obj, exc.args[1] if len(exc.args) > 1 else "-", exc.args[0])
                continue
            if not rows:
                self.warn(
                    "schedule",
                    obj,
                    "opens_at",
                    _("Tijd zonder begin- of eindtijd of dag is weggelaten."),
                )
            for sid, values in rows:
                wanted[sid] = values
        return wanted

    def _sync_schedules(self, offer_location, schedules, existing) -> bool:
        wanted = self._schedule_values(schedules)
        changed = False
        for sid, values in wanted.items():
            schedule = existing.get(str(sid))
            if schedule is None:
                Schedule(id=sid, offer_location=offer_location, **values).save()
                changed = True
            elif assign(schedule, values):
                schedule.save()
                changed = True
        stale = [pk for pk in existing if as_uuid(pk) not in wanted]
        if stale:
            Schedule.objects.filter(pk__in=stale).delete()
            changed = True
        return changed


def byday_weekdays(schedule: dict) -> list[int]:
    days = []
    for part in str(schedule.get("byday") or "").split(","):
        part = re.sub(r"^[+-]?\d+", "", part.strip().upper())  # "1MO" (first Monday) -> MO
        if part in BYDAY and BYDAY.index(part) not in days:
            days.append(BYDAY.index(part))
    return days


def schedule_rows(obj: dict) -> list[tuple[uuid.UUID, dict]]:
    """One HSDS schedule as our rows: one per weekday (a weekly "TH,FR" is two rows; the first
    keeps the HSDS id, the others get uuid5 ids), or one dated session."""
    try:
        opens, closes = parse_time(obj.get("opens_at")), parse_time(obj.get("closes_at"))
    except Invalid as exc:
        raise Invalid(str(exc), "opens_at") from None
    if opens is None or closes is None:
        return []
    if closes <= opens:
        raise Invalid(_("De eindtijd ligt niet na de begintijd."), "closes_at")
    try:
        start = parse_date(obj.get("dtstart"))
        until = parse_date(obj.get("until"))
        valid_from = parse_date(obj.get("valid_from"))
        valid_to = parse_date(obj.get("valid_to"))
    except Invalid as exc:
        raise Invalid(str(exc), "dtstart") from None
    base_id = uuid.UUID(obj["id"])
    notes = (obj.get("notes") or "")[:200]
    if start and (obj.get("count") == 1 or (until and until == start)):
        return [
            (
                base_id,
                {
                    "kind": ScheduleKind.DATED,
                    "date": start,
                    "weekday": start.weekday(),
                    "opens_at": opens,
                    "closes_at": closes,
                    "valid_from": None,
                    "valid_to": None,
                    "notes": notes,
                },
            )
        ]
    days = byday_weekdays(obj)
    if not days and start:
        days = [start.weekday()]
    rows = []
    for index, day in enumerate(days):
        sid = base_id if index == 0 else uuid.uuid5(base_id, f"byday:{BYDAY[day]}")
        rows.append(
            (
                sid,
                {
                    "kind": ScheduleKind.WEEKLY,
                    "date": None,
                    "weekday": day,
                    "opens_at": opens,
                    "closes_at": closes,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "notes": notes,
                },
            )
        )
    return rows
