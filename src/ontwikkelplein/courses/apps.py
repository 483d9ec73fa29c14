from django.apps import AppConfig


def _expire_offers_and_remind():
    from ontwikkelplein.courses import services

    expired = services.expire_offers()
    reminders = services.send_reminders()
    return f"{expired} offers expired, {reminders} reminders queued"


def _erase_expired():
    from ontwikkelplein.courses import services

    return f"{services.erase_expired_personal_data()} course participants erased"


class CoursesConfig(AppConfig):
    name = "ontwikkelplein.courses"
    verbose_name = "Courses"

    def ready(self):
        from ontwikkelplein.catalogue import services as catalogue_services
        from ontwikkelplein.courses import menu, selectors, services
        from ontwikkelplein.notifications import scheduled
        from ontwikkelplein.organisations import calendar

        menu.register()
        # A walk-in offer with a run's sessions ahead has its times (catalogue publish check).
        if services.has_upcoming_sessions not in catalogue_services.OFFER_TIME_SOURCES:
            catalogue_services.OFFER_TIME_SOURCES.append(services.has_upcoming_sessions)
        # Sessions on a location's closed days, for the staff who save its calendar.
        if selectors.location_conflicts not in calendar.CONFLICT_SOURCES:
            calendar.CONFLICT_SOURCES.append(selectors.location_conflicts)

        # Before send_outbox (order 10) would be nicer, but the outbox also sends on commit.
        scheduled.register("course-reminders", _expire_offers_and_remind, order=40)
        scheduled.register("course-retention", _erase_expired, order=50, every_minutes=60)
