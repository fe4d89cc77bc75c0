"""The project's settings with a bare view (bench/side_by_side.py): same middleware, no page."""

from cior.settings import *  # noqa: F403  (the whole configuration, unchanged)

ROOT_URLCONF = "bare_urls"
