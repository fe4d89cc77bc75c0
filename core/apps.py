from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.images.models import AbstractImage, AbstractRendition
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from . import structure

        # What core.structure keeps is read from these: any write moves its version.
        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(structure.changed, dispatch_uid=f"cior_structure_{id(signal)}")
        structure.watch(Page, Site, Locale, PageViewRestriction, AbstractImage, AbstractRendition)
