from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Medal of Merit")

    def ready(self):
        from . import receivers  # noqa: F401  (the Council's vote decides a nomination)
