"""What the public pages read of the page tree, kept by each worker until staff change it.

Every view of a page needs its Site, its route through the tree, the view restrictions
above it, its translations, its breadcrumbs and the menu; the home page also shows the latest
articles and the next events. Wagtail and our tags would look each of these up again on every
request: 8 to 10 queries, and most of a page's time. They change only when staff write pages,
photos, events, sites, locales or privacy settings, so each worker keeps them in memory:

- every such write (the models given to `watch`, and Wagtail's page signals) moves a version
  stored in the shared cache, at once and again after its transaction commits (a worker may
  have rebuilt an entry from the rows of before the commit in between);
- each request reads that version once (one cache read) and a worker that sees a new one
  drops everything it kept;
- an entry is also rebuilt after `MAX_AGE` seconds: the bound on how long a write that sends
  no signal (a queryset `.update()`) may go unseen.

This is not a page cache: each page is still rendered for each request, from its own row.
"""

import secrets
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "cior:structure:version"
MAX_AGE = 300
MAX_ENTRIES = 5000

_kept = {"version": None, "entries": {}}
_MISSING = object()
_watched = ()


def version(request=None):
    """Return the current version of the structure; read once per request."""
    if request is not None:
        seen = getattr(request, "_cior_structure_version", None)
        if seen is not None:
            return seen
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        current = cache.get(VERSION_KEY) or secrets.token_hex(8)
    if request is not None:
        request._cior_structure_version = current
    return current


def remember(request, key, build):
    """Return what `build()` returns, kept in this worker under `key` for the current version.

    `key` must name everything the value depends on besides the structure (site, language,
    date...). `build` must return plain data or model instances nobody modifies afterwards.
    A preview (of a draft) neither reads nor keeps anything: its values are built each time.
    """
    if getattr(request, "is_preview", False):
        return build()
    found = recall(request, key, default=_MISSING)
    if found is _MISSING:
        found = build()
        keep(request, key, found)
    return found


def recall(request, key, default=None):
    """Return what this worker kept under `key` for the current version, or `default`."""
    entries = _entries(request)
    entry = entries.get(key)
    if entry is None or time.monotonic() - entry[0] >= MAX_AGE:
        return default
    return entry[1]


def keep(request, key, value):
    """Keep `value` under `key` for the current version (see `remember`)."""
    entries = _entries(request)
    if len(entries) >= MAX_ENTRIES:
        entries.clear()
    entries[key] = (time.monotonic(), value)


def _entries(request):
    current = version(request)
    if _kept["version"] != current:
        _kept["version"] = current
        _kept["entries"] = {}
    return _kept["entries"]


def changed(**kwargs):
    """Move the version: every worker rebuilds what it kept. A signal receiver."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version():
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def _on_write(sender, instance=None, **kwargs):
    if isinstance(instance, _watched):
        changed()


def watch(*models):
    """Move the version whenever an instance of one of `models` (or a subclass) is saved or
    deleted. Called by each app's ready()."""
    global _watched
    _watched = (*_watched, *models)
    post_save.connect(_on_write, dispatch_uid="cior_structure_saved")
    post_delete.connect(_on_write, dispatch_uid="cior_structure_deleted")
