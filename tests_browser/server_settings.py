"""Settings of the server that the browser tests start: the real ones, run as in production.

DEBUG stays off so the friendly 404 page renders and no debug page hides a failure. Static
files come from the finders through WhiteNoise (no collectstatic); media files through Django,
as a web server would serve them in production.
"""

from cior.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "tests_browser.server_urls"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
