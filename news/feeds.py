"""RSS and Atom feeds of the news, one per language (the language of the URL prefix)."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .queries import news_index, published_articles

FEED_SIZE = 20


@dataclass
class FeedSource:
    """What one request's feed is made of; the Feed instance itself is shared by all requests."""

    request: HttpRequest
    locale: Locale


class NewsRssFeed(Feed):
    title = _("CIOR news")
    description = _("News of the Interallied Confederation of Reserve Officers.")

    def get_object(self, request, *args, **kwargs):
        return FeedSource(request=request, locale=Locale.get_active())

    def link(self, source):
        index = news_index(source.locale)
        return index.get_url(source.request) if index else "/"

    def items(self, source):
        articles = list(published_articles(source.locale)[:FEED_SIZE])
        for article in articles:
            article.absolute_url = source.request.build_absolute_uri(
                article.get_url(source.request)
            )
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.absolute_url

    def item_pubdate(self, item):
        """The article's date; the publication time when it was first published that day."""
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
