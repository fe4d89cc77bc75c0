"""The project's settings with the dummy cache backend: every page rendered from the database,
no page cache, no fragment cache (bench/side_by_side.py's "uncached" row)."""

from cior.settings import *  # noqa: F403  (the whole configuration, unchanged)

CACHES = {
    **CACHES,  # noqa: F405
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
