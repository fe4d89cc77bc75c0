from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .navigation import invalidate_menus

        for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
            signal.connect(invalidate_menus, dispatch_uid=f"cior_menu_{id(signal)}")
        post_delete.connect(invalidate_menus, sender=Page, dispatch_uid="cior_menu_page_deleted")
        post_save.connect(invalidate_menus, sender=Site, dispatch_uid="cior_menu_site_saved")
