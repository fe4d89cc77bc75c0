"""The lists of cards, an article's extras and image markup are kept by each worker
(core.structure): whatever an editor changes shows on the next view."""

import datetime

import pytest

from core.tests.test_structure import fresh

from .factories import ArticlePageFactory, PhotoFactory, translate
from .helpers import card_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(news_indexes):
    return ArticlePageFactory(
        parent=news_indexes["en"],
        title="Council meets in Brussels",
        slug="council-meets",
        date=datetime.date(2025, 2, 5),
        category="national",
    )


def test_a_new_article_shows_first_on_the_index_and_the_home_at_once(client, news_indexes, report):
    assert card_titles(client.get("/en/news/")) == ["Council meets in Brussels"]
    assert card_titles(client.get("/en/")) == ["Council meets in Brussels"]

    ArticlePageFactory(
        parent=news_indexes["en"], title="Summer Congress opens", date=datetime.date(2025, 7, 1)
    )

    assert card_titles(client.get("/en/news/")) == [
        "Summer Congress opens",
        "Council meets in Brussels",
    ]
    assert card_titles(client.get("/en/")) == ["Summer Congress opens", "Council meets in Brussels"]

    fresh(report).unpublish()
    assert card_titles(client.get("/en/news/")) == ["Summer Congress opens"]
    assert card_titles(client.get("/en/")) == ["Summer Congress opens"]


def test_cards_show_the_date_and_category_in_the_page_language(
    client, news_indexes, report, locales
):
    translate(report, locales["fr"], title="Le Conseil se réunit à Bruxelles", slug="conseil")

    english = client.get("/en/news/").text
    french = client.get("/fr/actualites/").text

    assert '<time datetime="2025-02-05">5 February 2025</time> · National events' in english
    assert '<time datetime="2025-02-05">5 février 2025</time> · Événements nationaux' in french
    assert 'href="/fr/actualites/conseil/"' in french


def test_a_renamed_article_changes_its_card_and_its_link(client, news_indexes, report):
    client.get("/en/news/")
    page = fresh(report)
    page.title = "Council adopts its budget"
    page.slug = "council-budget"
    page.save_revision().publish()

    html = client.get("/en/news/").text
    assert '<a href="/en/news/council-budget/">Council adopts its budget</a>' in html


def test_an_article_shows_its_new_gallery_and_tags_and_the_photos_new_alt_text(
    client, news_indexes, report
):
    html = client.get("/en/news/council-meets/").text
    assert "article-gallery" not in html and "article-tags" not in html

    page = fresh(report)
    photo = PhotoFactory(description="Delegates at the Council table")
    page.gallery_images.create(image=photo)
    page.tags.add("council")
    page.save_revision().publish()
    html = client.get("/en/news/council-meets/").text
    assert 'alt="Delegates at the Council table"' in html
    assert "<li>council</li>" in html

    cover = page.cover
    cover.description = "The Council in session"
    cover.save()
    html = client.get("/en/news/council-meets/").text
    assert 'alt="The Council in session"' in html
    assert '<meta property="og:image:alt" content="The Council in session">' in html


def test_a_new_cover_photo_shows_on_the_cards(client, news_indexes, report):
    old_cover = fresh(report).cover
    first = client.get("/en/news/").text
    assert f"/media/images/{old_cover.file.name.split('/')[-1].rsplit('.', 1)[0]}" in first

    page = fresh(report)
    page.cover = PhotoFactory(title="New cover")
    page.save_revision().publish()
    html = client.get("/en/news/").text

    new_name = page.cover.file.name.split("/")[-1].rsplit(".", 1)[0]
    assert f"/media/images/{new_name}" in html
    assert html != first
