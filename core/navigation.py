"""The main menu, built from the page tree and kept in the shared cache per site and language
for the current page generation (core.cache): any change to the tree moves it."""

from django.utils import translation
from wagtail.models import Site

from . import cache as page_cache


def main_menu(request):
    """Return {"home": {...}, "items": [{...}]} for the active language: plain dicts.

    Each entry has pk, title, url and url_path. Building it costs four queries and every
    public page shows it: kept for the page generation (not when the cache cannot say).
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "items": []}
    return page_cache.kept(
        request, "menu", [site.pk, translation.get_language()], lambda: _build_menu(site, request)
    )


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
