import datetime

import pytest
from wagtail.models import PageViewRestriction

from news.models import ArticlePage
from news.renditions import generate_article_renditions

from .factories import ArticlePageFactory, translate
from .helpers import card_titles, queries_of

pytestmark = pytest.mark.django_db


def make_articles(index, count, *, start=0, **fields):
    """Create `count` articles a day apart, the newest numbered highest."""
    return [
        ArticlePageFactory(
            parent=index,
            title=f"Report {number:02d}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            revision=False,
            **fields,
        )
        for number in range(start, start + count)
    ]


def test_news_index_lists_articles_newest_first_with_lead_and_category(client, news_indexes):
    ArticlePageFactory(
        parent=news_indexes["en"],
        title="Mid-Winter Meeting opens at NATO HQ",
        date=datetime.date(2025, 2, 5),
        lead="Delegations gathered in Brussels.",
    )
    ArticlePageFactory(
        parent=news_indexes["en"],
        title="MILCOMP teams on the range",
        date=datetime.date(2025, 7, 30),
        category=ArticlePage.Category.NATIONAL,
    )

    response = client.get("/en/news/")

    assert response.status_code == 200
    assert card_titles(response) == [
        "MILCOMP teams on the range",
        "Mid-Winter Meeting opens at NATO HQ",
    ]
    assert "Delegations gathered in Brussels." in response.text
    assert '<time datetime="2025-02-05">' in response.text
    assert "National events" in response.text
    assert "<h1>News</h1>" in response.text
    assert "What the confederation and its nations did." in response.text


def test_news_index_in_french_lists_the_french_articles_only(client, news_indexes, locales):
    article = ArticlePageFactory(parent=news_indexes["en"], title="Language Academy graduation")
    translate(
        article,
        locales["fr"],
        title="Remise des diplômes de l'Académie linguistique",
        slug="academie-linguistique",
        lead="Une centaine de stagiaires diplômés.",
    )
    ArticlePageFactory(parent=news_indexes["en"], title="Only in English")

    response = client.get("/fr/actualites/")

    assert card_titles(response) == ["Remise des diplômes de l'Académie linguistique"]
    assert "Une centaine de stagiaires diplômés." in response.text
    assert 'href="/fr/actualites/academie-linguistique/"' in response.text
    assert '<html lang="fr">' in response.text


def test_news_index_filters_by_category(client, news_indexes):
    ArticlePageFactory(parent=news_indexes["en"], title="Council meets")
    ArticlePageFactory(
        parent=news_indexes["en"],
        title="Estonian winter navigation",
        category=ArticlePage.Category.NATIONAL,
    )
    ArticlePageFactory(
        parent=news_indexes["en"], title="Photo library opens", category=ArticlePage.Category.OTHER
    )

    national = client.get("/en/news/?category=national")
    other = client.get("/en/news/?category=other")
    unknown = client.get("/en/news/?category=bogus")

    assert card_titles(national) == ["Estonian winter navigation"]
    assert card_titles(other) == ["Photo library opens"]
    assert unknown.status_code == 200
    assert sorted(card_titles(unknown)) == [
        "Council meets",
        "Estonian winter navigation",
        "Photo library opens",
    ]


def test_news_index_marks_the_active_category_chip(client, news_indexes):
    response = client.get("/en/news/?category=national")

    assert (
        '<a class="chip is-current" href="/en/news/?category=national" aria-current="page">'
        "National events</a>" in response.text
    )
    assert '<a class="chip" href="/en/news/">All news</a>' in response.text


def test_news_index_paginates_twelve_a_page(client, news_indexes):
    make_articles(news_indexes["en"], 14)

    first = client.get("/en/news/")
    second = client.get("/en/news/?page=2")

    assert card_titles(first) == [f"Report {number:02d}" for number in range(13, 1, -1)]
    assert card_titles(second) == ["Report 01", "Report 00"]
    assert "Page 2 of 2" in second.text
    assert 'href="?page=1" rel="prev"' in second.text


def test_news_index_keeps_the_category_in_page_links(client, news_indexes):
    make_articles(news_indexes["en"], 13, category=ArticlePage.Category.NATIONAL)

    response = client.get("/en/news/?category=national")

    assert 'href="?category=national&amp;page=2" rel="next"' in response.text


def test_news_index_handles_invalid_page_numbers(client, news_indexes):
    make_articles(news_indexes["en"], 14)

    responses = {page: client.get(f"/en/news/?page={page}") for page in ["abc", "999", "0", "-1"]}

    assert {page: response.status_code for page, response in responses.items()} == {
        "abc": 200,
        "999": 200,
        "0": 200,
        "-1": 200,
    }
    assert card_titles(responses["abc"])[0] == "Report 13"  # the first page
    assert card_titles(responses["999"]) == ["Report 01", "Report 00"]  # the last page
    assert card_titles(responses["0"]) == ["Report 01", "Report 00"]
    assert card_titles(responses["-1"]) == ["Report 01", "Report 00"]


def test_news_index_leaves_out_drafts_and_private_articles(client, news_indexes):
    ArticlePageFactory(parent=news_indexes["en"], title="Public report")
    private = ArticlePageFactory(parent=news_indexes["en"], title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = ArticlePageFactory(parent=news_indexes["en"], title="Not yet")
    draft.unpublish()

    response = client.get("/en/news/")

    assert card_titles(response) == ["Public report"]


def test_news_index_says_so_when_there_is_no_news(client, news_indexes):
    response = client.get("/en/news/")

    assert response.status_code == 200
    assert "No news yet." in response.text


def test_news_index_queries_stay_the_same_from_3_to_30_articles(
    client, news_indexes, django_assert_max_num_queries
):
    for article in make_articles(news_indexes["en"], 3):
        generate_article_renditions(article)
    with_three = queries_of(client, "/en/news/")
    for article in make_articles(news_indexes["en"], 27, start=3):
        generate_article_renditions(article)

    with_thirty = queries_of(client, "/en/news/")
    with django_assert_max_num_queries(20):
        response = client.get("/en/news/?page=2")

    assert with_three == with_thirty
    assert with_thirty <= 20
    assert len(card_titles(response)) == 12
