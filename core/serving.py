"""Serving a Wagtail page from what `core.structure` keeps: its Site, its route, whether a
view restriction applies to it. Wagtail's own serve view does the rest (its hooks, the privacy
check, the page's serve method), so the result is the same page, in 1 query instead of 5-7.
"""

from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from . import structure


def site_for(request):
    """Return Site.find_for_request(request), kept per host and port (None without a request)."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port())
        request._wagtail_site = structure.remember(
            request, key, lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


def site_pk(request):
    """Return the pk of the request's Site (None without one): what kept URLs depend on."""
    site = site_for(request)
    return site.pk if site is not None else None


def serve(request, path):
    """Wagtail's serve view, routed from what this worker kept of the tree."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    result = request._wagtail_route_for_request
    if result is not None and _unrestricted(request, result[0]):
        # Wagtail's before_serve_page hook would query the restrictions of the page and its
        # ancestors (2 queries); none applies, so it finds none without asking.
        result[0].get_view_restrictions = PageViewRestriction.objects.none
    return wagtail_views.serve(request, path)


def route(request, path):
    """Return Wagtail's RouteResult for `path` (below the language prefix), or None.

    A path routed once is routed again by loading its page directly: (model, pk, how many path
    components the page itself takes) is kept per site, language and path. The rest of the
    path goes to the page's own `route` (a routable page's sub-routes). Only what routed to a
    live page is kept; a miss goes through Wagtail's routing each time.
    """
    site = site_for(request)
    if site is None:
        return None
    components = tuple(component for component in path.split("/") if component)
    key = ("route", site.pk, translation.get_language(), components)
    kept = structure.recall(request, key)
    if kept is not None:
        model, pk, taken = kept
        pages = model.objects.filter(pk=pk, live=True)
        if related := getattr(model, "serve_select_related", ()):
            pages = pages.select_related(*related)
        page = pages.first()
        if page is not None:
            try:
                return page.route(request, list(components[taken:]))
            except Http404:
                return None
    result = Page.route_for_request(request, path)
    if result is not None and result[0].live:
        page = result[0]
        structure.keep(request, key, (type(page), page.pk, page.depth - site.root_page.depth))
    return result


def _unrestricted(request, page):
    """Whether no view restriction applies to `page` (none on it or above it)."""
    if page.alias_of_id is not None:
        return False
    restricted = structure.remember(
        request,
        ("restricted paths",),
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    return not any(page.path.startswith(path) for path in restricted)
