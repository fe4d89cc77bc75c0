"""Reads of articles shared by the news pages, the home page and the feeds."""

from wagtail.models import Locale

from .models import ArticlePage, NewsIndexPage

CARD_RENDITIONS = "fill-{480x270,960x540}|format-{webp,jpeg}"


def published_articles(locale=None):
    """Return the live public articles of `locale` (the active one by default), newest first."""
    locale = locale or Locale.get_active()
    return (
        ArticlePage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("cover", "locale")
        .order_by("-date", "-pk")
    )


def news_index(locale=None):
    """Return the news index page of `locale`, or None."""
    locale = locale or Locale.get_active()
    return NewsIndexPage.objects.live().filter(locale=locale).first()
