"""Reads of articles and photos shared by the news pages, the home page and the feeds."""

import copy

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Length, Substr
from django.utils.formats import date_format
from wagtail.models import Locale, PageViewRestriction

from nations.models import Nation

from . import renditions
from .models import ArticlePage, NewsIndexPage, Photo, PhotoRendition


def public(pages):
    """Return `pages` without those in a private section, in the same SQL query.

    Wagtail's PageQuerySet.public() reads every view restriction first (one more query per
    list); here a page is private when a restricted page's path is a prefix of its own.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restrictions))


def published_articles(locale=None, *, category=None):
    """Return the live public articles of `locale` (the active one by default), newest first.

    `locale` is a Locale or its id. With `category` (an ArticlePage.Category value), only the
    articles of that category.
    """
    locale = locale or Locale.get_active()
    articles = (
        public(ArticlePage.objects.live())
        .filter(locale=locale)
        .select_related("cover", "locale")
        .order_by("-date", "-pk")
    )
    if category:
        articles = articles.filter(category=category)
    return articles


def renditions_of(specs, *, lookup="renditions"):
    """Return a Prefetch of the photos' renditions for `specs`, where Wagtail looks for them.

    `lookup` leads from the objects prefetched for to the renditions ("cover__renditions").
    """
    return Prefetch(
        lookup,
        queryset=PhotoRendition.objects.filter(filter_spec__in=specs),
        to_attr="prefetched_renditions",
    )


# What an article card reads (news/includes/article_cards.html, {% pageurl %}, {% picture %}):
# the rest of the row (body, search and revision fields) stays in the database.
CARD_FIELDS = (
    *("id", "path", "depth", "url_path", "title", "slug", "locale_id", "content_type_id"),
    *("live", "date", "category", "lead", "locale__id", "locale__language_code"),
    *("cover__id", "cover__title", "cover__description", "cover__file", "cover__file_hash"),
    *("cover__width", "cover__height", "cover__collection_id", "cover__focal_point_x"),
    *("cover__focal_point_y", "cover__focal_point_width", "cover__focal_point_height"),
)


def with_cover_renditions(articles, specs=renditions.CARD):
    """Return `articles` as cards: their card fields, and their cover's renditions for `specs`
    fetched in one query."""
    return articles.only(*CARD_FIELDS).prefetch_related(
        renditions_of(specs, lookup="cover__renditions")
    )


def as_cards(articles, request):
    """Return `articles` as a list, each with what its card shows worked out once: `card_url`
    (its URL for `request`'s site), `card_date` (in the active language), `card_iso_date` and
    `card_category`, so that the template neither reverses URLs nor formats dates again."""
    articles = list(articles)
    for article in articles:
        article.card_url = article.get_url(request)
        article.card_date = date_format(article.date, "DATE_FORMAT")
        article.card_iso_date = article.date.isoformat()
        article.card_category = str(article.get_category_display())
    return articles


def attach_renditions(wanted):
    """Fetch in one query the renditions of each photo for its own specs.

    `wanted` is [(photo, specs)]; a photo may come several times (cover and gallery). Each
    photo gets `prefetched_renditions`, where Wagtail looks first, with only what it shows.
    """
    specs_of = {}
    for photo, specs in wanted:
        specs_of.setdefault(photo.pk, set()).update(specs)
    if not specs_of:
        return
    condition = Q()
    for pk, specs in specs_of.items():
        condition |= Q(image_id=pk, filter_spec__in=sorted(specs))
    found = {}
    for rendition in PhotoRendition.objects.filter(condition):
        found.setdefault(rendition.image_id, []).append(rendition)
    objects, pks = set(), set()
    for photo, _specs in wanted:
        if id(photo) in objects:
            continue
        own = found.get(photo.pk, [])
        if photo.pk in pks:  # another object of the same photo: its own copies
            own = [copy.copy(rendition) for rendition in own]
        for rendition in own:
            rendition.image = photo  # the alt text is this object's (contextual) one
        photo.prefetched_renditions = own
        objects.add(id(photo))
        pks.add(photo.pk)


def news_index(locale=None):
    """Return the news index page of `locale` (a Locale or its id; the active one by default)."""
    locale = locale or Locale.get_active()
    return NewsIndexPage.objects.live().filter(locale=locale).first()


def cleared_photos():
    """Return the photos cleared for publication, newest taken first, undated last."""
    return Photo.objects.filter(publication_cleared=True).order_by(
        F("taken_on").desc(nulls_last=True), "-created_at", "-pk"
    )


def filter_photos(photos, *, text="", event="", nation="", year=None):
    """Return `photos` narrowed to those matching each criterion given.

    `text` is looked for in the captions (both languages), title, alt text, event and people
    shown; `nation` is a nation's ISO code; `year` the year the photo was taken.
    """
    if text:
        photos = photos.filter(
            Q(caption_en__icontains=text)
            | Q(caption_fr__icontains=text)
            | Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(event_name__icontains=text)
            | Q(people_shown__icontains=text)
        )
    if event:
        photos = photos.filter(event_name=event)
    if nation:
        photos = photos.filter(nations__code=nation)
    if year:
        photos = photos.filter(taken_on__year=year)
    return photos


def photo_events_and_years():
    """Return the event names (alphabetically) and years (latest first) of the cleared photos.

    One query: the distinct (event, year) pairs are few whatever the number of photos.
    """
    pairs = (
        Photo.objects.filter(publication_cleared=True)
        .values_list("event_name", "taken_on__year")
        .distinct()
    )
    events, years = set(), set()
    for event, year in pairs:
        if event:
            events.add(event)
        if year:
            years.add(year)
    return sorted(events), sorted(years, reverse=True)


def photo_nations():
    """Return the nations shown in at least one cleared photo, by name in the active language."""
    return list(Nation.objects.filter(photos__publication_cleared=True).distinct().order_by("name"))
