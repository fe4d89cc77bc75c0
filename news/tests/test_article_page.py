import datetime
import re

import pytest

from news.models import ArticleGalleryImage, ArticlePage
from news.renditions import generate_article_renditions

from .factories import ArticlePageFactory, PhotoFactory, translate
from .helpers import card_titles, queries_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def congress_article(news_indexes):
    cover = PhotoFactory(
        title="Obstacle course",
        description="A competitor climbs a wooden wall.",
        caption_en="The land obstacle course.",
        caption_fr="La piste d'obstacles terrestre.",
        credit="Sgt A. Smith",
        file__width=1000,
        file__height=600,
    )
    gallery = [
        PhotoFactory(
            title="Rifle range",
            description="Competitors lying prone at the firing line.",
            caption_en="The 200 m rifle series.",
            caption_fr="Le tir au fusil à 200 m.",
            credit="Cpl B. Jones",
        ),
        PhotoFactory(title="Podium", description="", caption_en="Team awards.", caption_fr=""),
    ]
    article = ArticlePageFactory(
        parent=news_indexes["en"],
        title="MILCOMP 2025 puts teams to the test",
        date=datetime.date(2025, 8, 2),
        byline="Sophie Laurent, Lieutenant-Colonel (R), France / CIOR Public Affairs",
        category=ArticlePage.Category.CIOR,
        lead="Three days of shooting, running and swimming.",
        body=[("paragraph", "<p>Held every summer since 1957.</p>")],
        cover=cover,
        gallery=gallery,
    )
    article.tags.add("MILCOMP", "Summer Congress")
    article.save_revision().publish()
    generate_article_renditions(article)
    return article


def test_article_page_shows_title_date_byline_category_lead_and_body(client, congress_article):
    response = client.get("/en/news/milcomp-2025-puts-teams-to-the-test/")

    assert response.status_code == 200
    assert "<h1>MILCOMP 2025 puts teams to the test</h1>" in response.text
    assert '<time datetime="2025-08-02">2 August 2025</time>' in response.text
    assert (
        '<p class="byline">Sophie Laurent, Lieutenant-Colonel (R), France / CIOR Public Affairs</p>'
        in response.text
    )
    assert "CIOR activities &amp; events" in response.text
    assert '<p class="lead">Three days of shooting, running and swimming.</p>' in response.text
    assert "<p>Held every summer since 1957.</p>" in response.text
    assert '<ul class="tags"><li>MILCOMP</li><li>Summer Congress</li></ul>' in response.text


def test_article_page_shows_the_cover_as_a_picture_with_alt_caption_and_credit(
    client, congress_article
):
    response = client.get(congress_article.url)
    cover = response.text[response.text.index('<figure class="article-cover">') :]
    cover = cover[: cover.index("</figure>")]

    assert '<source sizes="(min-width: 75rem) 70rem, 100vw"' in cover
    assert 'type="image/webp"' in cover
    assert re.search(r'srcset="[^"]*fill-800x450\.format-webp\.webp \d+w, ', cover)
    # 1200 and 1600 wide are both the 1000 px original: its width is listed once.
    assert re.findall(r" (\d+)w", cover) == ["800", "1000", "800", "1000"]
    assert re.search(
        r'<img alt="A competitor climbs a wooden wall\." class="article-cover__image"', cover
    )
    assert ".format-jpeg.jpg" in cover
    assert "The land obstacle course." in cover
    assert '<span class="credit">© Sgt A. Smith</span>' in cover


def test_article_page_lists_the_gallery_with_captions_credits_and_full_size_links(
    client, congress_article
):
    response = client.get(congress_article.url)
    gallery = response.text[response.text.index('<ul class="gallery">') :]
    items = gallery[: gallery.index("</ul>")].split('<li class="gallery__item">')[1:]

    assert len(items) == 2
    assert re.search(
        r'<a class="gallery__link" href="/media/images/[^"]+\.max-1600x1600\.format-jpeg\.jpg">',
        items[0],
    )
    assert 'alt="Competitors lying prone at the firing line."' in items[0]
    assert "The 200 m rifle series." in items[0]
    assert "© Cpl B. Jones" in items[0]
    assert 'alt=""' in items[1]  # no description: treated as decorative, the caption says it
    assert "Team awards." in items[1]


def test_article_page_sets_open_graph_article_and_an_absolute_cover_image(client, congress_article):
    response = client.get(congress_article.url)

    assert '<meta property="og:type" content="article">' in response.text
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/images/[^"]+'
        r'\.fill-1200x630\.format-jpeg\.jpg">',
        response.text,
    )
    assert (
        '<meta property="og:image:alt" content="A competitor climbs a wooden wall.">'
        in response.text
    )
    assert (
        '<meta name="description" content="Three days of shooting, running and swimming.">'
        in response.text
    )


def test_article_page_in_french_shows_french_texts_and_captions(client, congress_article, locales):
    translate(
        congress_article,
        locales["fr"],
        title="La MILCOMP 2025 met les équipes à l'épreuve",
        slug="milcomp-2025",
        lead="Trois jours de tir, de course et de natation.",
    )

    response = client.get("/fr/actualites/milcomp-2025/")

    assert response.status_code == 200
    assert "La MILCOMP 2025 met les équipes à l&#x27;épreuve" in response.text
    assert "Trois jours de tir, de course et de natation." in response.text
    assert "La piste d&#x27;obstacles terrestre." in response.text  # cover caption in French
    assert "Le tir au fusil à 200 m." in response.text
    assert "Team awards." in response.text  # no French caption: the English one
    assert '<time datetime="2025-08-02">2 août 2025</time>' in response.text
    assert "Sophie Laurent, Lieutenant-Colonel (R), France / CIOR Public Affairs" in response.text


def test_article_page_without_cover_keeps_the_site_image(client, news_indexes):
    article = ArticlePageFactory(parent=news_indexes["en"], title="No picture", cover=None)

    response = client.get(article.url)

    assert response.status_code == 200
    assert "article-cover" not in response.text
    assert "img/cior-emblem.png" in response.text


def test_article_page_unknown_slug_is_not_found(client, news_indexes):
    assert client.get("/en/news/no-such-article/").status_code == 404


def test_article_page_queries_are_bounded(client, congress_article, settings):
    # Nothing kept: 8 are Wagtail's serving (the article in one), 5 the site-wide header and
    # breadcrumbs (core_tags), 4 the article's: cover, gallery with its photos, the
    # renditions of all its photos, tags.
    everything = queries_of(client, congress_article.url)
    # As in production: what the article shows is kept under the page generation.
    settings.CIOR_FRAGMENT_CACHE = True
    kept = queries_of(client, congress_article.url)

    assert everything <= 17
    assert kept <= 8


def test_home_page_shows_the_three_latest_articles_with_bounded_queries(
    client, news_indexes, django_assert_max_num_queries
):
    for number in range(5):
        article = ArticlePageFactory(
            parent=news_indexes["en"],
            title=f"Home story {number}",
            date=datetime.date(2025, 3, 1) + datetime.timedelta(days=number),
        )
        generate_article_renditions(article)
    queries_of(client, "/en/")

    with django_assert_max_num_queries(15):
        response = client.get("/en/")

    assert card_titles(response) == ["Home story 4", "Home story 3", "Home story 2"]
    assert 'href="/en/news/"' in response.text


def test_article_page_with_a_missing_photo_file_still_renders(client, news_indexes):
    article = ArticlePageFactory(parent=news_indexes["en"], title="Lost file")
    article.cover.file.storage.delete(article.cover.file.name)

    response = client.get(article.url)

    assert response.status_code == 200
    assert "<h1>Lost file</h1>" in response.text
    assert "img/cior-emblem.png" in response.text  # the site's image, not a broken one


def test_article_preview_shows_the_unsaved_gallery(news_indexes):
    article = ArticlePageFactory(parent=news_indexes["en"], title="Draft gallery")
    article.gallery_images = [
        ArticleGalleryImage(image=PhotoFactory(caption_en="Added in the editor, not saved"))
    ]

    response = article.make_preview_request()

    assert response.status_code == 200
    assert "Added in the editor, not saved" in response.content.decode()


def test_article_page_body_images_do_not_add_queries_per_image(client, news_indexes):
    def article_with_images(title, count):
        photos = [PhotoFactory(description=f"Body photo {n}") for n in range(count)]
        article = ArticlePageFactory(
            parent=news_indexes["en"],
            title=title,
            body=[("image", {"image": photo, "caption": "In the text"}) for photo in photos],
        )
        generate_article_renditions(article)
        return article

    one, three = article_with_images("One image", 1), article_with_images("Three images", 3)

    assert queries_of(client, one.url) == queries_of(client, three.url)
    assert client.get(three.url).text.count('<figure class="block-image">') == 3


def test_french_home_page_shows_the_latest_french_articles(client, news_indexes, locales):
    article = ArticlePageFactory(parent=news_indexes["en"], title="Congress opens")
    translate(article, locales["fr"], title="Ouverture du congrès", slug="ouverture-du-congres")

    response = client.get("/fr/")

    assert card_titles(response) == ["Ouverture du congrès"]
    assert 'href="/fr/actualites/"' in response.text
