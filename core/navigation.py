"""The main menu, built from the page tree and kept per language until the tree changes."""

from django.utils import translation

from . import serving, structure


def main_menu(request):
    """Return {"home": {...}, "items": [{...}]} for the active language: plain dicts.

    Each entry has pk, title, url and url_path. Kept by core.structure: building it costs
    four queries, and every public page shows it.
    """
    site = serving.site_for(request)
    if site is None:
        return {"home": None, "items": []}
    key = ("menu", site.pk, translation.get_language())
    return structure.remember(request, key, lambda: _build_menu(site, request))


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
