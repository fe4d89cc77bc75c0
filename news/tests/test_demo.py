import pytest
from wagtail.models import Page

from core.demo.pages import DemoContext
from nations.models import Nation
from news import demo
from news.models import ArticlePage, NewsIndexPage, Photo, PhotoLibraryPage, PhotoRendition

from .helpers import card_titles, photo_captions

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_photos(monkeypatch):
    """Draw the demo photos small: the same pictures, quicker to encode and to resize."""
    monkeypatch.setattr(demo, "PHOTO_SIZE", (160, 100))


def counts():
    return {
        "pages": Page.objects.count(),
        "photos": Photo.objects.count(),
        "renditions": PhotoRendition.objects.count(),
    }


def test_demo_load_twice_creates_everything_once(homes, small_photos):
    Nation.objects.create(code="NOR", name_en="Norway", name_fr="Norvège")
    context = DemoContext(homes=homes)

    demo.load(context)
    after_first = counts()
    created = len(context.created)
    demo.load(context)

    assert counts() == after_first
    assert len(context.created) == created
    assert NewsIndexPage.objects.count() == 2
    assert PhotoLibraryPage.objects.count() == 2
    assert ArticlePage.objects.filter(locale__language_code="en").count() >= 6
    assert ArticlePage.objects.filter(locale__language_code="fr").count() >= 6
    assert set(ArticlePage.objects.values_list("category", flat=True)) == set(
        ArticlePage.Category.values
    )
    assert not ArticlePage.objects.filter(cover__isnull=True).exists()
    assert Photo.objects.get(title="MWM 2025 – Council session").nations.get().code == "NOR"


def test_demo_pages_read_well_in_both_languages(client, homes, small_photos):
    demo.load(DemoContext(homes=homes))

    news = client.get("/en/news/")
    actualites = client.get("/fr/actualites/")
    article = client.get("/fr/actualites/congres-ete-milcomp-2025/")
    photos = client.get("/fr/photos/")

    assert news.status_code == actualites.status_code == article.status_code == 200
    assert card_titles(news)[0] == "Share your photographs: the CIOR photo library opens"
    assert "Partagez vos photos : la photothèque de la CIOR ouvre ses portes" in card_titles(
        actualites
    )
    assert "Congrès d&#x27;été 2025 : les équipes de la MILCOMP à l&#x27;épreuve" in article.text
    assert "Sophie Laurent, Lieutenant-Colonel (R), France / CIOR Public Affairs" in article.text
    assert article.text.count('<li class="gallery__item">') == 4
    assert "Congrès d&#x27;été" in article.text  # a French tag
    assert "Le Conseil de la CIOR adopte le budget 2025." in photo_captions(photos)
    assert "Le poste de secours sur la marche d'orientation." not in photo_captions(photos)
    assert "Photothèque" in photos.text


def test_demo_photos_are_drawn_the_same_every_time():
    spec = demo.PHOTOS[0]

    first = demo.draw_photo(0, spec["motif"], spec["palette"], size=(80, 50))

    assert first == demo.draw_photo(0, spec["motif"], spec["palette"], size=(80, 50))
    assert first[:2] == b"\xff\xd8"  # a JPEG
