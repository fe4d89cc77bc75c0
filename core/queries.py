"""Reads shared across the site: search over pages and records."""

import unicodedata

from wagtail.models import Page

# Bounds on what one search may ask of the database: a visitor's text is cut to this many
# characters and words before it reaches the full-text engine.
SEARCH_MAX_CHARS = 200
SEARCH_MAX_TERMS = 20


def search_terms(text: str) -> str:
    """Return the words of `text` (letters, marks and digits of any script), space-separated.

    Everything else (quotes, operators, brackets, control characters such as NUL) becomes a
    space: the full-text engines (SQLite FTS5, PostgreSQL tsquery) read those as syntax, and a
    stray one answers an error instead of results.
    """
    kept = "".join(
        char if unicodedata.category(char)[0] in "LMN" else " "
        for char in text[: SEARCH_MAX_CHARS * 2]
    )
    return " ".join(kept.split()[:SEARCH_MAX_TERMS])[:SEARCH_MAX_CHARS].strip()


def search_site(query, *, locale):
    """Return the live public pages of `locale` matching the words of `query`, best first."""
    terms = search_terms(query)
    if not terms:
        return []
    return list(
        Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1).search(terms)
    )
