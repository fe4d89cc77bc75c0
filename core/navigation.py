"""The main menu, built from the page tree and kept in the shared cache per site and language
for the current page generation (core.cache): any change to the tree moves it."""

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from . import cache as page_cache

TIMEOUT = 3600


def main_menu(request):
    """Return {"home": {...}, "items": [{...}]} for the active language: plain dicts.

    Each entry has pk, title, url and url_path. Building it costs four queries and every
    public page shows it: kept for the page generation (not when the cache cannot say).
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    current = page_cache.generation(request)
    if current is None:
        return _build_menu(site, request)
    key = f"cior:menu:{current}:{site.pk}:{translation.get_language()}"
    return cache.get_or_set(key, lambda: _build_menu(site, request), TIMEOUT)


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
