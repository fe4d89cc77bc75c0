import pytest
from wagtail.images.models import Filter

from news.models import PhotoRendition
from news.renditions import (
    ARTICLE_COVER_SPECS,
    CARD,
    GALLERY_SPECS,
    LIBRARY_SPECS,
    expand,
    generate_renditions,
)

from .factories import ArticlePageFactory, PhotoFactory
from .helpers import card_titles

pytestmark = pytest.mark.django_db


def specs_of(photo):
    return set(PhotoRendition.objects.filter(image=photo).values_list("filter_spec", flat=True))


def test_expand_gives_the_specs_the_picture_tag_asks_for():
    assert expand("fill-{480x270,960x540} format-{webp,jpeg}") == [
        "fill-480x270|format-webp",
        "fill-480x270|format-jpeg",
        "fill-960x540|format-webp",
        "fill-960x540|format-jpeg",
    ]
    assert expand("fill-{480x270,960x540} format-{webp,jpeg}") == Filter.expand_spec(
        ["fill-{480x270,960x540}", "format-{webp,jpeg}"]
    )


def test_publishing_an_article_makes_the_renditions_of_its_photos(
    news_indexes, django_capture_on_commit_callbacks
):
    cover, pictured = PhotoFactory(publication_cleared=False), PhotoFactory()

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=news_indexes["en"], cover=cover, gallery=[pictured])

    assert specs_of(cover) == set(ARTICLE_COVER_SPECS)
    assert specs_of(pictured) == set(GALLERY_SPECS)


def test_saving_a_cleared_photo_makes_its_photo_library_renditions(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cleared = PhotoFactory()
        withheld = PhotoFactory(publication_cleared=False)

    assert specs_of(cleared) == set(LIBRARY_SPECS)
    assert specs_of(withheld) == set()


def test_viewing_published_pages_creates_no_rendition(
    client, news_indexes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticlePageFactory(
            parent=news_indexes["en"], title="Pictured", gallery=[PhotoFactory(), PhotoFactory()]
        )
    made = PhotoRendition.objects.count()

    for url in ["/en/", "/en/news/", article.url]:
        assert client.get(url).status_code == 200

    assert card_titles(client.get("/en/news/")) == ["Pictured"]
    assert PhotoRendition.objects.count() == made


def test_generate_renditions_is_idempotent_and_skips_a_missing_file(db):
    photo, lost = PhotoFactory(), PhotoFactory()
    lost.file.storage.delete(lost.file.name)

    first = generate_renditions([photo, lost, None], CARD)
    second = generate_renditions([photo], CARD)

    assert (first, second) == (1, 1)
    assert specs_of(photo) == set(CARD)
    assert specs_of(lost) == set()
    assert PhotoRendition.objects.count() == len(CARD)
