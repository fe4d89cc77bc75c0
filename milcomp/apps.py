from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MilcompConfig(AppConfig):
    name = "milcomp"
    verbose_name = _("Military Competition")

    def ready(self):
        from . import results

        # Edits made outside the services (a person's name, the competition in the admin)
        # move the results version too.
        results.connect()
