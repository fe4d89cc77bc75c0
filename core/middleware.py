"""Django's LocaleMiddleware, minus its redirect of unprefixed 404s inside the back-office."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# URL spaces that live outside /en/ and /fr/: a 404 there is a 404, not a missing prefix.
UNPREFIXED = ("/admin/", "/accounts/", "/documents/", "/media/", "/static/", "/i18n/", "/api/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Do not redirect /admin/missing to /en/admin/missing (the page catch-all would match it)."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
