"""Site-wide template tags: navigation, breadcrumbs and the language switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from core import cache as page_cache
from core import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Return the home page and its children shown in menus, in the active language."""
    return navigation.main_menu(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """Return, for each language, the URL of this page in that language.

    On a Wagtail page the link goes to its translation (or the translated home when there is
    none), with the record's slug in that language below a routable page; elsewhere to the same
    path with the other language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = _translation_urls(request, page)
    page_url = next(
        (url for locale_id, url in translations.values() if locale_id == page.locale_id), None
    )
    suffix = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
    query = request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            locale_id, url = translations[code]
            if locale_id != page.locale_id:
                url += _translated_suffix(context, page, suffix, code)
            else:
                url += suffix
            if query:
                url = f"{url}?{query}"
        elif request.path.startswith("/accounts/"):
            # The login pages live outside the language prefixes: ask for the language.
            params = request.GET.copy()
            params["lang"] = code
            url = f"{request.path}?{params.urlencode()}"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


def _translated_suffix(context, page, suffix, code):
    """Return the part of the path below a routable page as its translation in `code` (another
    language than the page's) writes it: a page that serves records by slug (the events
    calendar) translates their slugs."""
    translate = getattr(page, "translate_subpath", None)
    if not suffix or translate is None:
        return suffix
    return translate(suffix, code, context=context)


def _translation_urls(request, page):
    """Return {language code: (locale id, URL)} of the live translations of `page` (itself
    included), kept for the page generation (a published, moved or renamed translation moves
    it)."""

    def compute():
        return {
            other.locale.language_code: (other.locale_id, other.get_url(request))
            for other in page.get_translations(inclusive=True).live().select_related("locale")
        }

    return page_cache.kept(request, "translations", [request.get_host(), page.pk], compute)


@register.simple_tag(takes_context=True)
def shared_fragment(context):
    """Return {"seconds", "key"} for a `{% cache %}` fragment that every visitor of this page
    at this address sees alike (the header: the menu, the language links, the current page).

    Kept only on a Wagtail page served to a visitor the page cache could serve (no session, no
    pending message, a bounded query: core.cache.shared_query), so the keys come from the
    pages' addresses; anyone else gets a key that is never written (`{% cache %}` reads its
    key even when it keeps nothing).
    """
    request = context["request"]
    page = context.get("page")
    seconds = page_cache.fragment_seconds(request)
    if not isinstance(page, Page) or not page.pk or seconds == 0:
        return {"seconds": 0, "key": "not-kept"}
    if page_cache.shared_query(request) is None:
        return {"seconds": 0, "key": "not-kept"}
    return {"seconds": seconds, "key": f"{request.get_host()}:{page.pk}:{request.get_full_path()}"}


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Return the ancestors of the current page below the tree root, home first.

    Each crumb is {"title", "url"}. A top-level page's only ancestor is the home page, which
    the menu (kept in the shared cache) already knows: no query then.
    """
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    request = context["request"]
    if page.depth == 3:
        home = navigation.main_menu(request)["home"]
        if home is not None:
            return [home]

    def compute():
        ancestors = page.get_ancestors().filter(depth__gte=2)
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in ancestors.only("id", "title", "url_path", "path", "depth", "locale_id")
        ]

    return page_cache.kept(request, "breadcrumbs", [request.get_host(), page.pk], compute)
