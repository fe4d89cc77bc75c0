"""Reads shared across the site: search over pages and records."""

from wagtail.models import Page


def search_site(query, *, locale):
    """Return the live public pages of `locale` matching `query`, best first."""
    return list(
        Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1).search(query)
    )
