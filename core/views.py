"""Site-wide views: search, sitemap, robots.txt and the error pages."""

import sys
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page, Site

from .middleware import is_unavailable, unavailable_response
from .queries import search_records, search_site

SEARCH_PAGE_SIZE = 10


@require_GET
def search(request):
    """Search the pages and records of the visitor's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = search_site(query, locale=Locale.get_active()) if query else []
    records = search_records(query) if query else []
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "results": page,
            "paginator": paginator,
            "records": records if page.number == 1 else [],
            "total": paginator.count + len(records),
        },
    )


class AllLocalesSitemap(Sitemap):
    """The live pages of every language tree of the site (Wagtail's own lists only one), at
    the site's public address (settings.SITE_URL), whatever host name the Site record holds."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = settings.SITE_URL + urlunsplit(("", "", parts.path, parts.query, ""))
        return urls

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for home in homes:
            in_a_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def site_map(request):
    """The human site map: every live public page of the visitor's language, as a tree."""
    home = Site.find_for_request(request).root_page.localized
    pages = list(
        home.get_descendants(inclusive=True).live().public().order_by("path").defer_streamfields()
    )
    return render(request, "core/site_map.html", {"tree": page_tree(pages)})


def page_tree(pages):
    """Nest pages given in tree order (by path): [{"page": p, "children": [...]}, ...]."""
    roots, stack = [], []
    for page in pages:
        node = {"page": page, "children": []}
        while stack and not page.path.startswith(stack[-1]["page"].path):
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    return roots


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLocalesSitemap(request)})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/search/",
        "Disallow: /fr/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page without a request context: the database may be what failed.

    A database or storage fault raised outside a view (in a middleware: the session, the user)
    gets the 503 answer instead, as `ServiceUnavailableMiddleware` gives it to views' faults.
    """
    error = sys.exc_info()[1]
    if error is not None and is_unavailable(error):
        return unavailable_response(request, error)
    return HttpResponseServerError(loader.get_template("500.html").render())
