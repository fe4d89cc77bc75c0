"""Reads shared across the site: search over pages and records."""

import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string
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


@dataclass
class RecordHit:
    """A record that matches a search: what it is, its name, a line about it, where it is."""

    kind: str
    title: str
    url: str
    summary: str = ""


RECORD_HITS_PER_KIND = 10


def matching(terms: str, *fields: str) -> Q:
    """Return a filter where every word of `terms` is in at least one of `fields`."""
    condition = Q()
    for word in terms.split():
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    return condition


def search_records(query) -> list[RecordHit]:
    """Return the public records (nations, people with a public role, committees, events,
    teams) matching the words of `query`, in the active language: each app named in
    settings.CIOR_SEARCH_RECORDS answers `(terms) -> [RecordHit]` with one or two queries."""
    terms = search_terms(query)
    if not terms:
        return []
    hits = []
    for path in settings.CIOR_SEARCH_RECORDS:
        hits.extend(import_string(path)(terms)[:RECORD_HITS_PER_KIND])
    return hits
