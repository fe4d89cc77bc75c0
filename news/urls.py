from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

urlpatterns = [
    path("news/rss/", NewsRssFeed(), name="news_rss"),
    path("news/atom/", NewsAtomFeed(), name="news_atom"),
]
