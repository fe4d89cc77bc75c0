"""Django's LocaleMiddleware, minus its redirect of unprefixed 404s inside the back-office, and
with the login pages in the language the visitor came from."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
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
