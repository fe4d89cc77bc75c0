"""The project's middleware: Django's LocaleMiddleware without its redirect of unprefixed 404s
inside the back-office and with the login pages in the language the visitor came from, and the
503 answer to database and storage faults."""

import errno
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template import loader
from django.utils import translation

# URL spaces that live outside /en/ and /fr/: a 404 there is a 404, not a missing prefix.
UNPREFIXED = ("/admin/", "/accounts/", "/documents/", "/media/", "/static/", "/i18n/", "/api/")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def language_asked(request):
    """Return the language a login page is asked in: `?lang=fr`, else the prefix of the page
    it returns to (`?next=/fr/...`), else None."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked
    prefix = request.GET.get("next", "").split("/")
    if len(prefix) > 2 and prefix[0] == "" and prefix[1] in LANGUAGE_CODES:
        return prefix[1]
    return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Do not redirect /admin/missing to /en/admin/missing (the page catch-all would match it).

    The login and account pages (/accounts/, outside the language prefixes) speak the language
    the visitor came from or chose, and remember it in the language cookie, so the next steps
    (two-factor code, the first page after login) follow.
    """

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith("/accounts/"):
            asked = language_asked(request)
            if asked:
                translation.activate(asked)
                request.LANGUAGE_CODE = asked
                request.cior_language_asked = asked

    def process_response(self, request, response):
        asked = getattr(request, "cior_language_asked", None)
        if asked:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                asked,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


# Faults of what the site stands on: the database (down, restarting, a lock held too long) and
# the disk (full, read-only, failing). They pass, so the answer is "try again shortly", not a bug.
UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
# PostgreSQL's "undefined table": the database is being restored or migrated (SQLite says so
# with an OperationalError). Any other ProgrammingError is a bug and stays a 500.
MISSING_TABLE_SQLSTATE = "42P01"
STORAGE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EDQUOT, errno.EIO, errno.EACCES}
RETRY_AFTER_SECONDS = 30

unavailable_log = logging.getLogger("cior.unavailable")


def is_unavailable(error) -> bool:
    """Return whether `error` is a passing fault of the database or the disk."""
    if isinstance(error, UNAVAILABLE_ERRORS):
        return True
    if isinstance(error, ProgrammingError):
        return getattr(error.__cause__, "sqlstate", None) == MISSING_TABLE_SQLSTATE
    return isinstance(error, OSError) and error.errno in STORAGE_ERRNOS


def unavailable_response(request, error):
    """Log `error` in one line and answer 503 with Retry-After and a page in the path's language.

    The page is rendered without a request context: the database may be what failed.
    """
    unavailable_log.error(
        "Service unavailable: %s %s: %s: %s",
        request.method,
        request.path,
        type(error).__name__,
        str(error).strip().splitlines()[0] if str(error).strip() else "",
    )
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response.unavailable = True
    return response


class ServiceUnavailableMiddleware:
    """Answer a database or storage fault with 503, Retry-After and a page in the user's language.

    A view's fault is caught here (`process_exception`); a fault inside another middleware
    reaches `core.views.server_error`, which answers the same way. It comes before
    SessionMiddleware: on the way out it keeps the visitor's session cookie, which
    SessionMiddleware deletes when the session could not be read (the visitor would be logged
    out by a database restart).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, "unavailable", False):
            response.cookies.pop(settings.SESSION_COOKIE_NAME, None)
        return response

    def process_exception(self, request, exception):
        if is_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def skip_logged_unavailable(record) -> bool:
    """Logging filter: drop Django's own "Service Unavailable" line for a 503 already logged
    in one line by `unavailable_response` (one line per failure, no traceback)."""
    return getattr(record, "status_code", None) != 503
