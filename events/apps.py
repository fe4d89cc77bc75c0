from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import structure
        from nations.models import Nation

        from .models import Event

        # The home page's next events (events.templatetags) are kept by core.structure.
        structure.watch(Event, Nation)
