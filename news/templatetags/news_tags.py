from django import template

from ..queries import news_index, published_articles

register = template.Library()


class ArticleList(list):
    index_url = None


@register.simple_tag(takes_context=True)
def latest_news(context, count=3):
    """Return the `count` newest articles of the active language, with `.index_url`."""
    articles = ArticleList(published_articles()[:count])
    index = news_index()
    if index is not None:
        articles.index_url = index.get_url(context.get("request"))
    return articles
