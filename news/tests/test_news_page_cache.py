"""News through the page cache (core.cache): a new article, a new cover or gallery photo and a
changed alt text show at once to an anonymous visitor, the edge is purged, and the pages stay
within a bounded number of queries when rendered uncached."""

import datetime

import pytest

from core.tests.test_page_cache import DEAD_REDIS

from .factories import ArticlePageFactory, PhotoFactory, translate
from .helpers import card_titles, queries_of
from .test_news_index import make_articles

pytestmark = pytest.mark.django_db


def fresh(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def report(news_indexes):
    return ArticlePageFactory(
        parent=news_indexes["en"],
        title="Council meets in Brussels",
        slug="council-meets",
        date=datetime.date(2025, 2, 5),
        category="national",
    )


def test_a_new_article_shows_first_on_the_index_and_the_home_at_once(
    client, news_indexes, report, page_cache, django_capture_on_commit_callbacks
):
    assert card_titles(client.get("/en/news/")) == ["Council meets in Brussels"]
    assert card_titles(client.get("/en/")) == ["Council meets in Brussels"]
    assert client.get("/en/news/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=news_indexes["en"],
            title="Summer Congress opens",
            slug="summer-congress",
            date=datetime.date(2025, 7, 1),
        )

    expected = ["Summer Congress opens", "Council meets in Brussels"]
    assert card_titles(client.get("/en/news/")) == expected
    assert card_titles(client.get("/en/")) == expected
    assert {
        "http://localhost/en/news/summer-congress/",
        "http://localhost/en/news/",
        "http://localhost/en/",
    } <= set(page_cache)

    with django_capture_on_commit_callbacks(execute=True):
        fresh(report).unpublish()
    assert card_titles(client.get("/en/news/")) == ["Summer Congress opens"]
    assert card_titles(client.get("/en/")) == ["Summer Congress opens"]


def test_cards_show_the_date_and_category_in_the_page_language(
    client, news_indexes, report, locales, page_cache
):
    translate(report, locales["fr"], title="Le Conseil se réunit à Bruxelles", slug="conseil")

    english = client.get("/en/news/").text
    french = client.get("/fr/actualites/").text

    assert '<time datetime="2025-02-05">5 February 2025</time> · National events' in english
    assert '<time datetime="2025-02-05">5 février 2025</time> · Événements nationaux' in french
    assert 'href="/fr/actualites/conseil/"' in french


def test_a_renamed_article_changes_its_card_and_its_link_at_once(
    client, news_indexes, report, page_cache, django_capture_on_commit_callbacks
):
    client.get("/en/news/")
    page = fresh(report)

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Council adopts its budget"
        page.slug = "council-budget"
        page.save_revision().publish()

    html = client.get("/en/news/").text
    assert '<a href="/en/news/council-budget/">Council adopts its budget</a>' in html
    assert "http://localhost/en/news/council-budget/" in page_cache


def test_a_new_gallery_photo_tags_and_a_changed_alt_text_show_at_once(
    client, news_indexes, report, page_cache, django_capture_on_commit_callbacks
):
    html = client.get("/en/news/council-meets/").text
    assert "article-gallery" not in html and "article-tags" not in html

    page = fresh(report)
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(description="Delegates at the Council table")
        page.gallery_images.create(image=photo)
        page.tags.add("council")
        page.save_revision().publish()
    html = client.get("/en/news/council-meets/").text
    assert 'alt="Delegates at the Council table"' in html
    assert "<li>council</li>" in html

    del page_cache[:]
    cover = page.cover
    with django_capture_on_commit_callbacks(execute=True):
        cover.description = "The Council in session"
        cover.save()
    html = client.get("/en/news/council-meets/").text
    assert 'alt="The Council in session"' in html
    assert '<meta property="og:image:alt" content="The Council in session">' in html
    assert {
        "http://localhost/en/news/council-meets/",  # it refers to the photo
        "http://localhost/en/news/",
        "http://localhost/en/",
    } <= set(page_cache)


def test_a_new_cover_photo_shows_on_the_cards_at_once(
    client, news_indexes, report, page_cache, django_capture_on_commit_callbacks
):
    first = client.get("/en/news/").text

    page = fresh(report)
    with django_capture_on_commit_callbacks(execute=True):
        page.cover = PhotoFactory(title="New cover")
        page.save_revision().publish()
    html = client.get("/en/news/").text

    new_name = page.cover.file.name.split("/")[-1].rsplit(".", 1)[0]
    assert f"/media/images/{new_name}" in html
    assert html != first


def test_the_news_index_keeps_only_a_bounded_set_of_pages(client, news_indexes, report, page_cache):
    assert client.get("/en/news/?page=1")["X-Page-Cache"] == "miss"
    assert client.get("/en/news/?category=national")["X-Page-Cache"] == "miss"
    for query in ("page=1000000", "page=-1", "category=x" * 30, "q=reserve"):
        response = client.get(f"/en/news/?{query}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response, query


@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/news/report-00/"])
def test_news_pages_take_at_most_15_queries_uncached_whatever_the_number_of_articles(
    client, news_indexes, path, settings
):
    settings.CIOR_FRAGMENT_CACHE = True  # the menu from the shared cache, as in production
    make_articles(news_indexes["en"], 3)
    with_three = queries_of(client, path)
    make_articles(news_indexes["en"], 50, start=3)

    with_fifty_more = queries_of(client, path)

    assert with_three <= 15
    assert with_fifty_more == with_three


def test_with_redis_unreachable_an_article_and_the_index_answer_uncached(
    client, news_indexes, report, settings
):
    settings.CACHES = DEAD_REDIS
    settings.CIOR_PAGE_CACHE_SECONDS = 600
    settings.CIOR_FRAGMENT_CACHE = True

    article = client.get("/en/news/council-meets/")
    index = client.get("/en/news/")

    assert article.status_code == 200 and "<h1>Council meets in Brussels</h1>" in article.text
    assert article["X-Page-Cache"] == "bypass" and "no-store" in article["Cache-Control"]
    assert card_titles(index) == ["Council meets in Brussels"]


def test_the_news_list_is_kept_for_its_plain_addresses_only(
    client, news_indexes, settings, django_assert_max_num_queries
):
    """The list of cards is a fragment kept under the generation for a category and a page of
    1-99; any other query string renders it each time (no client chooses what is kept)."""
    settings.CIOR_FRAGMENT_CACHE = True
    make_articles(news_indexes["en"], 14)
    plain, odd = "/en/news/?page=2", "/en/news/?page=2&utm_source=x"
    first = client.get(plain)
    with django_assert_max_num_queries(100) as kept:
        again = client.get(plain)
    client.get(odd)
    with django_assert_max_num_queries(100) as rendered:
        odd_again = client.get(odd)

    assert card_titles(again) == card_titles(first) == card_titles(odd_again)
    assert len(card_titles(first)) == 2
    assert len(rendered.captured_queries) > len(kept.captured_queries)
    assert "utm_source=x" in odd_again.text and "utm_source" not in again.text
