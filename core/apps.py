from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import cache

        # The page cache drops its pages, and the edge is purged, when pages or the records
        # they show change (core.cache).
        cache.connect()
