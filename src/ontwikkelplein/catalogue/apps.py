from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "ontwikkelplein.catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        from ontwikkelplein.catalogue import menu, selectors, signals  # noqa: F401  (receivers)
        from ontwikkelplein.organisations import calendar

        menu.register()
        # Offer times on a location's closed days, for the staff who save its calendar.
        if selectors.location_conflicts not in calendar.CONFLICT_SOURCES:
            calendar.CONFLICT_SOURCES.append(selectors.location_conflicts)
