"""The project's settings with the floor view of a registration (bench/floor_urls.py)."""

from cior.settings import *  # noqa: F403  (the whole configuration, unchanged)

ROOT_URLCONF = "floor_urls"
