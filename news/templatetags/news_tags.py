from django import template
from wagtail.models import Locale

from ..queries import as_cards, news_index, published_articles, with_cover_renditions

register = template.Library()


class ArticleList(list):
    index_url = None


@register.simple_tag(takes_context=True)
def latest_news(context, count=3):
    """Return the `count` newest articles of the page's language, with `.index_url`."""
    request = context.get("request")
    page = context.get("page")
    locale = getattr(page, "locale_id", None) or Locale.get_active().pk
    articles = ArticleList(
        as_cards(with_cover_renditions(published_articles(locale))[:count], request)
    )
    index = news_index(locale)
    if index is not None:
        articles.index_url = index.get_url(request)
    return articles
