"""News from the API: the language's tree, the cover's renditions made at publication."""

import datetime

import pytest

from news import renditions
from news.models import PhotoRendition
from news.tests.conftest import news_indexes  # noqa: F401  (fixture)
from news.tests.factories import ArticlePageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_indexes, locales):  # noqa: F811
    article = ArticlePageFactory(
        parent=news_indexes["en"],
        title="Mid-Winter Meeting at NATO HQ",
        slug="mid-winter-meeting",
        date=datetime.date(2026, 2, 6),
        lead="The Council met in Brussels.",
    )
    translate(article, locales["fr"], title="Réunion d'hiver au siège de l'OTAN", slug="reunion")
    renditions.generate_renditions([article.cover], [*renditions.CARD, *renditions.COVER])
    return article


def test_news_in_french_with_the_same_id(api, article):
    english = api.get("/api/v1/news/").json()["results"][0]
    french = api.get("/api/v1/news/?lang=fr").json()["results"][0]
    assert english["title"] == "Mid-Winter Meeting at NATO HQ"
    assert french["title"] == "Réunion d'hiver au siège de l'OTAN"
    assert english["id"] == french["id"] == str(article.translation_key)
    assert french["language"] == "fr"
    detail = api.get(f"/api/v1/news/{article.translation_key}/?lang=fr").json()
    assert detail["url"].endswith("/reunion/")


def test_news_cover_gives_the_renditions_made_at_publication(api, article):
    made = PhotoRendition.objects.filter(image=article.cover).count()
    cover = api.get("/api/v1/news/").json()["results"][0]["cover"]
    specs = {r["spec"] for r in cover["renditions"]}
    assert specs == set(renditions.CARD) | set(renditions.COVER)
    assert all(r["url"].startswith("/media/") for r in cover["renditions"])
    assert PhotoRendition.objects.filter(image=article.cover).count() == made  # none made here


@pytest.mark.parametrize("rows", [1, 6])
def test_news_list_queries_do_not_grow(
    api,
    news_indexes,  # noqa: F811
    rows,
    django_assert_max_num_queries,
):
    for _n in range(rows):
        ArticlePageFactory(parent=news_indexes["en"])
    api.get("/api/v1/news/")  # Wagtail's site roots, cached once
    with django_assert_max_num_queries(5):
        assert api.get("/api/v1/news/").json()["count"] == rows
