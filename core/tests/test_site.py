import re
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from django.utils import translation

from conftest import log_in_with_two_factor
from core.models import StandardPage
from core.views import server_error

pytestmark = pytest.mark.django_db


def test_search_finds_pages_of_the_active_language_only(client, seed_site):
    en = client.get("/en/search/", {"q": "Churchill"}).content.decode()
    fr = client.get("/fr/search/", {"q": "Churchill"}).content.decode()

    history = seed_site.pages["history"]
    assert f'href="{history["en"].url}"' in en
    assert f'href="{history["fr"].url}"' not in en
    assert f'href="{history["fr"].url}"' in fr


def test_search_without_query_or_with_nonsense_answers_cleanly(client, seed_site):
    empty = client.get("/en/search/")
    nothing = client.get("/en/search/", {"q": "zzzzqqqq", "page": "abc"})

    assert empty.status_code == 200
    assert "result" not in empty.content.decode().split("<main", 1)[1].split("</main>")[0]
    assert "0 results for “zzzzqqqq”" in nothing.content.decode()


def test_sitemap_lists_pages_of_both_languages(client, seed_site):
    response = client.get("/sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {
        loc.text for loc in ElementTree.fromstring(response.content).findall(".//s:loc", ns)
    }

    assert "http://127.0.0.1:8000/en/about/history/" in locations
    assert "http://127.0.0.1:8000/fr/a-propos/historique/" in locations
    assert "http://127.0.0.1:8000/fr/" in locations


@override_settings(SITE_URL="https://www.cior.example")
def test_sitemap_uses_the_configured_site_url(client, seed_site):
    html = client.get("/sitemap.xml").content.decode()

    assert "<loc>https://www.cior.example/en/about/history/</loc>" in html
    assert "localhost" not in html


def test_site_map_page_lists_the_pages_of_the_language_as_a_tree(
    client, seed_site, django_assert_max_num_queries
):
    client.get("/fr/plan-du-site/")
    with django_assert_max_num_queries(10):
        html = client.get("/fr/plan-du-site/").content.decode()

    assert "<h1>Plan du site</h1>" in html
    assert 'href="/fr/a-propos/historique/"' in html
    assert 'href="/en/about/history/"' not in html
    site_map = html.split('class="container page-article site-map"', 1)[1]
    after_about = site_map.split('href="/fr/a-propos/"', 1)[1]
    # A child is listed inside its parent's item: a nested list opens before the item closes.
    assert after_about.index('<ul class="site-map__list">') < after_about.index("</li>")
    assert after_about.index('href="/fr/a-propos/historique/"') < after_about.index("</ul>")


def test_site_map_page_has_a_french_address_and_the_old_one_redirects(client, seed_site):
    english = client.get("/en/site-map/").content.decode()
    old = client.get("/fr/site-map/")

    assert '<a href="/fr/plan-du-site/" hreflang="fr" lang="fr">Français</a>' in english
    assert (old.status_code, old["Location"]) == (301, "/fr/plan-du-site/")
    french = client.get("/fr/plan-du-site/").content.decode()
    assert '<a href="/en/site-map/" hreflang="en" lang="en">English</a>' in french


# Seed pages whose French word is the English one.
SAME_WORD_IN_FRENCH = {"vision", "structure", "photos"}


def test_seeded_french_pages_have_french_slugs(seed_site):
    french = {key: pages["fr"].url for key, pages in seed_site.pages.items() if "fr" in pages}
    same = {
        pages["fr"].slug
        for pages in seed_site.pages.values()
        if "fr" in pages and pages["fr"].slug == pages["en"].slug
    }

    assert french["about"] == "/fr/a-propos/"
    assert french["history"] == "/fr/a-propos/historique/"
    assert french["meetings"] == "/fr/structure/reunions/"
    assert french["nato"] == "/fr/structure/otan/"
    assert all(url.startswith("/fr/") for url in french.values())
    assert same <= SAME_WORD_IN_FRENCH


def test_language_switch_of_a_seeded_page_goes_to_its_french_slug_and_back(client, seed_site):
    english = client.get("/en/about/history/").content.decode()
    french = client.get("/fr/a-propos/historique/").content.decode()

    assert '<a href="/fr/a-propos/historique/" hreflang="fr" lang="fr">Français</a>' in english
    assert '<a href="/en/about/history/" hreflang="en" lang="en">English</a>' in french


def test_robots_txt_points_to_the_sitemap(client, seed_site):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_unknown_page_gives_friendly_404_in_the_visitors_language(client, seed_site):
    en = client.get("/en/no-such-page/")
    fr = client.get("/fr/pas-de-page/")

    assert en.status_code == 404 and fr.status_code == 404
    assert "Page not found" in en.content.decode()
    assert '<html lang="fr">' in fr.content.decode()
    assert "Page introuvable" in fr.content.decode()


def test_server_error_page_renders_in_the_active_language_without_a_database():
    with translation.override("en"):
        english = server_error(RequestFactory().get("/en/"))
    with translation.override("fr"):
        french = server_error(RequestFactory().get("/fr/"))

    assert english.status_code == 500 and french.status_code == 500
    assert "Something went wrong" in english.content.decode()
    assert "Une erreur s'est produite" in french.content.decode()
    assert '<html lang="fr">' in french.content.decode()


def test_public_pages_send_a_strict_csp_and_no_inline_code(client, seed_site):
    for url in ["/en/", "/fr/a-propos/hymne/", "/en/search/?q=nato", "/en/missing/"]:
        response = client.get(url)
        html = response.content.decode()
        csp = response["Content-Security-Policy"]

        assert "script-src 'self'" in csp and "style-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert "<style" not in html and ' style="' not in html, url


def test_home_page_takes_a_bounded_number_of_queries(
    client, seed_site, django_assert_max_num_queries, settings
):
    settings.CIOR_FRAGMENT_CACHE = True  # the menu from the shared cache, as in production
    client.get("/en/")  # warm the site-root cache, as any running server has
    with django_assert_max_num_queries(15):
        response = client.get("/en/")
    assert response.status_code == 200


def test_opengraph_tags_describe_the_page(client, seed_site):
    html = client.get(seed_site.pages["history"]["fr"].url).content.decode()

    title = seed_site.pages["history"]["fr"].title
    assert f'<meta property="og:title" content="{title}">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert (
        '<meta property="og:image" content="http://testserver/static/img/cior-emblem.png">' in html
    )


def test_menu_follows_publication_unpublication_and_renaming(client, seed_site):
    home = seed_site.homes["en"]
    assert "Veterans" not in client.get("/en/").content.decode()  # menu now cached

    page = home.add_child(
        instance=StandardPage(title="Veterans", slug="veterans", show_in_menus=True)
    )
    page.save_revision().publish()
    assert '<a href="/en/veterans/">Veterans</a>' in client.get("/en/about/").content.decode()

    page.title = "Veterans' corner"
    page.save_revision().publish()
    assert "Veterans&#x27; corner</a>" in client.get("/en/").content.decode()

    page.unpublish()
    assert "/en/veterans/" not in client.get("/en/").content.decode()


@pytest.mark.parametrize("url", ["/en/about/history/", "/fr/a-propos/historique/"])
def test_deep_pages_take_a_bounded_number_of_queries(
    client, seed_site, django_assert_max_num_queries, url, settings
):
    settings.CIOR_FRAGMENT_CACHE = True  # the menu from the shared cache, as in production
    client.get(url)
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200


def test_missing_admin_and_document_urls_are_404_not_redirected(client, seed_site):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    log_in_with_two_factor(client, user)

    for url in ["/admin/snippets/core/partner/edit/999999/", "/documents/999999/missing.pdf"]:
        response = client.get(url)

        assert response.status_code == 404, url
