"""URLs: everything public under /en/ and /fr/; the Wagtail admin at /admin/; login at
/accounts/ (allauth, unprefixed: the language follows the user's cookie)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from api import problems as api_problems
from api.views import pages as api_pages
from api.views import tokens as api_tokens
from core import views as core_views
from core.admin_views import ExternalLinkChooserView

urlpatterns = [
    # First: the API's rankings are polled hundreds of times a second (each pattern tried
    # before costs a regular expression match).
    path("api/v1/", include("api.urls")),
    # Anything else under /api/ answers a JSON problem, not the site's HTML 404 page.
    re_path(r"^api/", api_problems.not_found),
    # Staff log in through allauth (e-mail, password, TOTP); Wagtail's own login and password
    # reset, which know no second factor, lead there.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password"),
    ),
    # The site-wide audit log is the presidency's (accounts.view_audit_log).
    path("admin/reports/site-history/", accounts_views.AuditLogView.as_view()),
    path(
        "admin/reports/site-history/results/",
        accounts_views.AuditLogView.as_view(results_only=True),
    ),
    # Wagtail's external-link chooser answered 500 to a POST without a URL.
    path(
        "admin/choose-external-link/",
        require_admin_access(ExternalLinkChooserView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path("my/", accounts_views.home, name="role_home"),
    path(_("site-map/"), core_views.site_map, name="site_map"),
    # The French site map was at /fr/site-map/ (in English) until it got its French address.
    path("site-map/", RedirectView.as_view(pattern_name="site_map", permanent=True)),
    path("feeds/", include("news.urls")),
    path("milcomp/", include("milcomp.urls")),
    path("academy/", include("academy.urls")),
    path("", include("awards.urls")),
    # Before events.urls, whose delegation/<event>/ would take "api-tokens" for an event.
    path("delegation/api-tokens/", api_tokens.tokens, name="api_tokens"),
    path("delegation/api-tokens/<int:pk>/revoke/", api_tokens.revoke, name="api_tokens_revoke"),
    path(_("developers/"), api_pages.developers, name="developers"),
    path("", include("events.urls")),
    # Wagtail's front-end login (for private pages) asks for a password only: a staff user
    # would enter the admin without their second factor. Everyone logs in through allauth.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    path("", include(wagtail_urls)),
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
