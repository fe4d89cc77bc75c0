"""The main menu, built from the page tree and cached per language until the tree changes."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

MENU_CACHE_KEY = "cior:menu:{site}:{language}"
MENU_TIMEOUT = 24 * 3600


def main_menu(request):
    """Return {"home": {...}, "items": [{...}]} for the active language: plain dicts.

    Each entry has pk, title, url and url_path. Cached: building it costs four queries, and
    every public page shows it. The cache is cleared whenever a page is published,
    unpublished, moved or deleted (see `invalidate_menus`).
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    key = MENU_CACHE_KEY.format(site=site.pk, language=translation.get_language())
    menu = cache.get(key)
    if menu is None:
        menu = _build_menu(site, request)
        cache.set(key, menu, MENU_TIMEOUT)
    return menu


def _entry(page, request):
    return {
        "pk": page.pk,
        "title": page.title,
        "url": page.get_url(request),
        "url_path": page.url_path,
    }


def _build_menu(site, request):
    home = site.root_page.localized
    children = home.get_children().live().public().in_menu()
    return {"home": _entry(home, request), "items": [_entry(page, request) for page in children]}


def invalidate_menus(**kwargs):
    """Forget every cached menu (all sites, all languages)."""
    keys = [
        MENU_CACHE_KEY.format(site=site_pk, language=code)
        for site_pk in Site.objects.values_list("pk", flat=True)
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)
