"""The page cache: anonymous pages from the shared cache, and the purge of the edge cache.

- `PageCacheMiddleware` keeps the anonymous GET pages under the language prefixes in the
  shared cache (Redis in production, the file cache by default) and answers them from there:
  one cache round trip (`get_many` of the page and the generation), no query, no session.
  Every page kept says `Cache-Control: public, max-age=0, s-maxage=CIOR_EDGE_MAX_AGE` with an
  ETag (a conditional request gets a 304); every other response without a Cache-Control of
  its own says `private, no-cache, no-store`, so that neither the edge nor a browser keeps it.
- What is never kept: a request carrying a session or a messages cookie (logged-in users,
  password-restricted pages once passed, a pending message), a method other than GET/HEAD, a
  path of `CIOR_PAGE_CACHE_EXCLUDE` (delegation, registrations, MILCOMP, verification,
  personal feeds), a query parameter outside `CIOR_PAGE_CACHE_QUERY` (search, filters: the key
  space stays bounded), and a response that is not a 200, sets a cookie or has a
  Cache-Control of its own (Wagtail's private pages, previews, forms).
- Invalidation: every kept page carries the *generation* it was rendered under; a change to a
  page (published, unpublished, moved, deleted) or to a record shown on pages
  (`CIOR_PAGE_CACHE_RECORDS`) moves the generation once its transaction has committed, so
  every kept page is dropped at once, on every server. A page is rendered under the
  generation read when its request began: a render that raced a change is kept under the old
  one and never served. Trade-off: one edit drops every page (they are rendered again on
  their next view) in exchange for never working out which pages show what.
- The edge: the same commit purges, through `wagtail.contrib.frontend_cache`, the URLs of the
  changed page (its translations, its parent, the home pages) or, for a record, of the pages
  that show it (`CIOR_PAGE_CACHE_RECORDS`); its `s-maxage` bounds whatever a purge misses.

The cache is an optimisation: a cache that fails (errors ignored by the backend, or raised and
caught here) leaves the page rendered and served, and a generation that cannot be moved never
fails the save that asked for it (it runs after the commit, errors logged).
"""

import hashlib
import logging
import re
import secrets
from urllib.parse import parse_qsl

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site

logger = logging.getLogger(__name__)

GENERATION_KEY = "cior:pages:generation"
# Bump when what an entry holds changes shape (a deploy then starts from an empty page cache).
FORMAT = "1"
HIT_HEADER = "X-Page-Cache"


# --- The generation -----------------------------------------------------------------------------


def generation(request=None):
    """Return the current page generation (a string), or None when the cache cannot say or
    CIOR_FRAGMENT_CACHE is off (then nothing is kept under a generation: menus are built for
    each page).

    Read once per request: the middleware stores what it read on the request.
    """
    if not settings.CIOR_FRAGMENT_CACHE:
        return None
    if request is not None and hasattr(request, "cior_page_generation"):
        return request.cior_page_generation
    try:
        current = cache.get(GENERATION_KEY)
        if current is None:
            cache.add(GENERATION_KEY, secrets.token_hex(8), None)
            current = cache.get(GENERATION_KEY)
    except Exception:  # a cache that raises: no page is kept, none is served from it
        logger.warning("Page cache unavailable: the generation could not be read.")
        current = None
    if request is not None:
        request.cior_page_generation = current
    return current


def kept(request, name, parts, compute, timeout=3600):
    """Return `compute()`, kept in the shared cache for the current generation under `name`
    and `parts` (what the value depends on besides the content: site, language, page...).

    Whatever a page shows of the content may be kept so: every change of it moves the
    generation (see the module). None is never kept (a 404's lookup: the parts may come from
    the address, and what no page shows must not fill the cache). Without a generation (the
    cache cannot say, or CIOR_FRAGMENT_CACHE is off) it is computed for each call.
    """
    current = generation(request)
    key = None if current is None else ":".join(["cior", name, current, *map(str, parts)])
    return cached(key, compute, timeout)


def cached(key, compute, timeout):
    """Return the value under `key` in the shared cache, or compute it and keep it (unless it
    is None). `key` None: computed, not kept. A cache error is logged, the value computed."""
    if key is None:
        return compute()
    try:
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable: %s computed uncached.", key)
        return compute()
    if value is None:
        value = compute()
        if value is not None:
            try:
                cache.set(key, value, timeout)
            except Exception:
                logger.warning("Cache unavailable: %s not kept.", key)
    return value


# A page's address is kept up to this many path components below its home page.
ROUTE_DEPTH = 6


def route_key(current, root, components):
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()[:32]
    return f"cior:route:{current}:{root.pk}:{digest}"


def page_path(root, path_components):
    """The url_path of the address `path_components` below the home page `root`."""
    return root.url_path + "".join(f"{part}/" for part in path_components)


def kept_page(request, root, path_components):
    """Return `(page, consumed)`: the deepest page below the home page `root` kept (by
    `keep_route`) for the first `consumed` of `path_components`, read fresh from the database;
    `(None, 0)` when none is kept.

    Only where a page is is kept (its id and type), under the generation, which every publish,
    move, slug change and deletion moves; the page read must still be at that address (its
    `url_path`), so a kept address never serves another page. Keys come from the pages'
    addresses, never from what follows them (a routable page's sub-paths, a 404's guess).
    """
    current = generation(request)
    if current is None or not path_components:
        return None, 0
    depths = range(min(len(path_components), ROUTE_DEPTH), 0, -1)
    keys = {route_key(current, root, path_components[:depth]): depth for depth in depths}
    try:
        found = cache.get_many(list(keys))
    except Exception:
        logger.warning("Cache unavailable: %s routed uncached.", page_path(root, path_components))
        return None, 0
    for key, depth in keys.items():  # the deepest first
        if key not in found:
            continue
        pk, content_type_id = found[key]
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = None
        if model is not None:
            pages = model._default_manager.filter(pk=pk)
            page = next(iter(pages), None)
        if page is None or page.url_path != page_path(root, path_components[:depth]):
            return None, 0
        return page, depth
    return None, 0


def keep_route(request, root, page):
    """Keep where `page`, just routed to below the home page `root`, is (see `kept_page`)."""
    current = generation(request)
    if current is None or page is root or not page.url_path.startswith(root.url_path):
        return
    components = page.url_path[len(root.url_path) :].strip("/").split("/")
    if len(components) > ROUTE_DEPTH:
        return
    try:
        cache.set(route_key(current, root, components), (page.pk, page.content_type_id), 3600)
    except Exception:
        logger.warning("Cache unavailable: the address of %s not kept.", page.url_path)


def view_restrictions(page, wagtail_restrictions):
    """Return the view restrictions that apply to `page` (Page.get_view_restrictions): none,
    without a query, when neither the page nor an ancestor is restricted or an alias (kept for
    the generation: a restriction's save or delete, a move, a new alias move it); else
    Wagtail's own answer, `wagtail_restrictions()`."""

    def compute():
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return tuple(restricted) + tuple(aliases)

    paths = kept(None, "restricted-paths", [], compute)
    if page.path and not page.path.startswith(paths):
        return PageViewRestriction.objects.none()
    return wagtail_restrictions()


def fragment_seconds(request) -> int:
    """How long a template's `{% cache %}` fragment may be kept: 0 (not at all) without a
    generation; used with the generation among the fragment's keys (core.context_processors)."""
    return 3600 if generation(request) is not None else 0


def move_generation():
    """Drop every kept page at once: give them all a new generation. Never raises."""
    try:
        cache.set(GENERATION_KEY, secrets.token_hex(8), None)
    except Exception:
        logger.warning("Page cache unavailable: the generation could not be moved.")


# --- The middleware -----------------------------------------------------------------------------


def shared_query(request):
    """Return the query parameters of `request` when its page is the same for every visitor
    (see the module: a GET without a session or a pending message, under a language prefix,
    outside the excluded paths, only allowed parameters), else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if CookieStorage.cookie_name in request.COOKIES:
        return None
    path = request.path
    prefix = next(
        (f"/{code}/" for code, _name in settings.LANGUAGES if path.startswith(f"/{code}/")),
        None,
    )
    if prefix is None or path[len(prefix) :].startswith(tuple(settings.CIOR_PAGE_CACHE_EXCLUDE)):
        return None
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    allowed = settings.CIOR_PAGE_CACHE_QUERY
    names = [name for name, _value in query]
    if len(set(names)) != len(names):
        return None
    for name, value in query:
        if name not in allowed or not re.fullmatch(allowed[name], value):
            return None
    return query


def page_key(request):
    """Return the cache key of `request`'s page, or None when it must not be kept.

    The key names the host, the path and the allowed query parameters (sorted), nothing the
    client can vary without bound.
    """
    if settings.CIOR_PAGE_CACHE_SECONDS <= 0:
        return None
    query = shared_query(request)
    if query is None:
        return None
    path = request.path
    # The day is part of the key: the next events and "upcoming" lists move on at midnight.
    day = timezone.localdate().isoformat()
    parts = [request.get_host(), path, day, *(f"{n}={v}" for n, v in sorted(query))]
    identity = "\n".join(parts)
    return f"cior:page:{FORMAT}:{hashlib.sha256(identity.encode()).hexdigest()}"


def _storable(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and not getattr(request, "is_preview", False)
    )


class PageCacheMiddleware:
    """Serve anonymous pages from the shared cache; keep those rendered (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is None:
            return self.private(self.get_response(request))
        try:
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:
            logger.warning("Page cache unavailable: %s rendered uncached.", request.path)
            found = {}
        current = found.get(GENERATION_KEY)
        if current is None:
            current = generation()
        request.cior_page_generation = current
        entry = found.get(key)
        if current is not None and entry is not None and entry[0] == current:
            return self.replay(request, entry)
        response = self.get_response(request)
        if current is None or not _storable(request, response):
            response[HIT_HEADER] = "bypass"
            return self.private(response)
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CIOR_EDGE_MAX_AGE)
        patch_vary_headers(response, ("Cookie",))
        set_response_etag(response)
        response[HIT_HEADER] = "miss"
        entry = (current, response.status_code, list(response.items()), response.content)
        try:
            cache.set(key, entry, settings.CIOR_PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache unavailable: %s not kept.", request.path)
        return response

    @staticmethod
    def replay(request, entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        not_modified = get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )
        return not_modified if not_modified is not None else response

    @staticmethod
    def private(response):
        """Tell caches not to keep a response that did not say how it may be kept."""
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


# --- What changes: pages and records -------------------------------------------------------------


def _full_urls(page):
    """Return the full URLs of `page` to purge: its own cached paths and its sub-pages."""
    urls = set()
    root = page.get_full_url()
    if root is None:
        return urls
    specific = page.specific_deferred
    urls.update(root + path.lstrip("/") for path in specific.get_cached_paths())
    if isinstance(specific, RoutablePageMixin):
        # A routable page (events calendar, committees) lists its sub-pages in its sitemap.
        urls.update(entry["location"] for entry in specific.get_sitemap_urls())
    return urls


def _homes():
    return [site.root_page for site in Site.objects.select_related("root_page")]


def _with_translations(pages):
    found = {}
    for page in pages:
        for other in page.get_translations(inclusive=True).live():
            found[other.pk] = other
    return list(found.values())


def page_urls(page, *, old_url_paths=()):
    """Return the full URLs the edge must drop after `page` changed.

    Its URLs and those of its translations, their parents (lists, menus), the home pages, and
    the old URLs of a moved page (`old_url_paths`: url_path values before the move).
    """
    pages = [page, *_homes()]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        pages.append(parent)
    urls = set()
    for each in _with_translations(pages):
        urls |= _full_urls(each)
    if page.depth <= 3:  # a home page or a page of the main menu: every page shows it
        for each in Page.objects.live().filter(depth__gt=1):
            urls |= _full_urls(each)
    for old_path in old_url_paths:
        for home in Page.objects.live().filter(depth=2):
            if old_path.startswith(home.url_path) and (root := home.get_full_url()):
                urls.add(root + old_path[len(home.url_path) :])
    return urls


def record_urls(model, instance=None):
    """Return the full URLs the edge must drop after a record of `model` changed.

    The home pages, the live pages of the types that show such records
    (`CIOR_PAGE_CACHE_RECORDS`, their sub-pages included), the pages that refer to
    `instance` (Wagtail's reference index: an article's cover, gallery or body image, a
    document in a page's body), and for a view restriction the pages it covers.
    """
    labels = settings.CIOR_PAGE_CACHE_RECORDS.get(model._meta.label, [])
    shown_on = [apps.get_model(label) for label in labels]
    pages = _homes() + [
        page for page_model in shown_on for page in page_model.objects.live().specific()
    ]
    if instance is not None and instance.pk is not None:
        for source, _references in ReferenceIndex.get_grouped_references_to(instance):
            if isinstance(source, Page) and source.live:
                pages.append(source)
    if isinstance(instance, PageViewRestriction):
        restricted = Page.objects.filter(pk=instance.page_id).first()
        if restricted is not None:
            pages += list(restricted.get_descendants(inclusive=True).live())
    urls = set()
    for page in _with_translations(pages):
        urls |= _full_urls(page)
    return urls


def purge(urls):
    """Purge `urls` from the edge (nothing when no edge is configured). Never raises."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    try:
        PurgeBatch(urls).purge()
    except Exception:
        logger.warning("Edge cache purge failed for %d URLs.", len(urls))


def after_commit(urls_of):
    """Once the current transaction commits, move the generation and purge `urls_of()`.

    `urls_of` is called after the commit (the URLs of the committed tree). Neither step can
    undo or fail the write (robust callbacks, errors logged).
    """

    def run():
        move_generation()
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            try:
                urls = urls_of()
            except Exception:
                logger.warning("Edge cache purge skipped: the URLs could not be listed.")
                return
            purge(urls)

    transaction.on_commit(run, robust=True)


def page_changed(sender=None, instance=None, **kwargs):
    """A receiver of Wagtail's page signals: drop the kept pages and purge the edge."""
    page = instance
    old_url_path = kwargs.get("url_path_before")
    if page is None:
        after_commit(set)
        return
    after_commit(lambda: page_urls(page, old_url_paths=[old_url_path] if old_url_path else ()))


def page_deleted(sender, instance, **kwargs):
    """A page deleted (a receiver of Page's post_delete, once per page of a deleted subtree).

    Its own URL is read now, while its site is known; the pages around it once committed.
    """
    if not instance.live:
        return
    own = instance.get_full_url()

    def urls():
        found = {own} if own else set()
        for home in _with_translations(_homes()):
            found |= _full_urls(home)
        if instance.depth <= 3:  # it was in the main menu of every page
            for each in Page.objects.live().filter(depth__gt=1):
                found |= _full_urls(each)
        return found

    after_commit(urls)


def page_created(sender, instance, created=False, raw=False, **kwargs):
    """A page created live without a publication (code, the demo loader): as if published."""
    if created and isinstance(instance, Page) and instance.live and not raw:
        page_changed(instance=instance)


def record_changed(sender, instance=None, raw=False, **kwargs):
    """A receiver of post_save/post_delete of the records shown on pages."""
    if raw:
        return
    after_commit(lambda: record_urls(sender, instance))


def connect():
    """Connect the receivers: Wagtail's page signals and the records' saves and deletes."""
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(page_changed, dispatch_uid=f"cior_page_cache_{id(signal)}")
    post_delete.connect(page_deleted, sender=Page, dispatch_uid="cior_page_deleted")
    post_save.connect(page_created, dispatch_uid="cior_page_created")
    for label in settings.CIOR_PAGE_CACHE_RECORDS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(record_changed, sender=model, dispatch_uid=f"cior_record_{label}")
