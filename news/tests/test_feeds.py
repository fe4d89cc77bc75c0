import datetime

import feedparser
import pytest

from news.models import ArticlePage

from .factories import ArticlePageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_indexes, locales):
    mwm = ArticlePageFactory(
        parent=news_indexes["en"],
        title="Mid-Winter Meeting at NATO HQ",
        slug="mid-winter-meeting",
        date=datetime.date(2026, 2, 6),
        lead="The Council met in Brussels.",
        byline="Anna Kowalska, Major (R), Poland / CIOR Public Affairs",
    )
    translate(
        mwm,
        locales["fr"],
        title="Réunion d'hiver au siège de l'OTAN",
        slug="reunion-hiver",
        lead="Le Conseil s'est réuni à Bruxelles.",
    )
    ArticlePageFactory(
        parent=news_indexes["en"],
        title="Estonian winter navigation",
        slug="winter-navigation",
        date=datetime.date(2026, 1, 30),
        category=ArticlePage.Category.NATIONAL,
    )
    return mwm


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_english_feed_lists_english_articles_with_absolute_links(client, articles, kind):
    response = client.get(f"/en/feeds/news/{kind}/")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not feed.bozo
    assert feed.feed.title == "CIOR news"
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries] == [
        "Mid-Winter Meeting at NATO HQ",
        "Estonian winter navigation",
    ]
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/en/news/mid-winter-meeting/",
        "http://testserver/en/news/winter-navigation/",
    ]
    assert feed.entries[0].summary == "The Council met in Brussels."
    assert feed.entries[0].author == "Anna Kowalska, Major (R), Poland / CIOR Public Affairs"
    assert feed.entries[1].tags[0].term == "National events"
    assert feed.feed.link == "http://testserver/en/news/"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_french_feed_lists_french_articles_in_french(client, articles, kind):
    response = client.get(f"/fr/feeds/news/{kind}/")
    feed = feedparser.parse(response.content)

    assert feed.feed.language == "fr"
    assert [entry.title for entry in feed.entries] == ["Réunion d'hiver au siège de l'OTAN"]
    assert feed.entries[0].link == "http://testserver/fr/actualites/reunion-hiver/"
    assert feed.entries[0].summary == "Le Conseil s'est réuni à Bruxelles."
    assert feed.feed.link == "http://testserver/fr/actualites/"


def test_feed_dates_an_article_by_its_own_date(client, articles):
    feed = feedparser.parse(client.get("/en/feeds/news/rss/").content)

    assert feed.entries[1].published_parsed[:3] == (2026, 1, 29)  # midnight in Brussels, in UTC
