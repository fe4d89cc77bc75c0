import re
from html import unescape

import pytest

from core.demo import seed_content
from core.demo.pages import DemoContext, add_translated_page
from core.models import StandardPage

pytestmark = pytest.mark.django_db


def text_of(response):
    """Return the visible text of a response, tags stripped and white space folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


def test_home_shows_key_figures_and_aims_in_english(client, seed_site):
    text = text_of(client.get("/en/"))

    assert "World's largest military reserve officer organization" in text
    assert "1948 Founded" in text
    assert "1.3 million Reservists" in text
    assert "28 Full members" in text
    assert "6 Associate members" in text
    assert "Foster the professional development of reserve officers" in text
    assert "The reservist is twice the citizen" in text


def test_home_shows_key_figures_and_aims_in_french(client, seed_site):
    response = client.get("/fr/")
    text = text_of(response)

    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in response.content.decode()
    assert "1,3 million" in text
    assert "Membres de plein droit" in text or "membres de plein droit" in text
    assert "Le réserviste est deux fois citoyen" in text


@pytest.mark.parametrize("spec", seed_content.PAGES, ids=lambda spec: spec["key"])
def test_every_seed_page_is_served_in_both_languages(client, seed_site, spec):
    for language in ("en", "fr"):
        page = seed_site.pages[spec["key"]][language]
        response = client.get(page.url)
        text = text_of(response)

        assert response.status_code == 200
        assert page.url.startswith(f"/{language}/")
        assert spec["title"][language] in text
        first_paragraph = next(
            (value for kind, value in spec["body"][language] if kind == "paragraph"), None
        )
        if first_paragraph:
            first_sentence = re.sub(r"<[^>]+>", "", first_paragraph).split(". ")[0][:60]
            assert first_sentence.replace("&amp;", "&") in text.replace("&amp;", "&")


def test_client_text_is_on_the_site(client, seed_site):
    """Spot-check sentences of the client's text on the served English pages."""
    texts = " ".join(
        text_of(client.get(pages["en"].url)) for pages in seed_site.pages.values()
    ) + text_of(client.get("/en/"))

    for sentence in [
        "CIOR was founded in 1948",
        "Support the policies of NATO",
        "“Comrades all” was adopted as the anthem of CIOR",
        "Awarded to individuals who have outstanding merits for CIOR and/or NATO in reserve",
        "CIOR is a non-profit legal entity under Belgian law",
        "Usually held in February at NATO Headquarters",
        "Permanent Representative of CIOR to NATO",
    ]:
        assert sentence in texts, sentence


def test_anthem_page_has_audio_player_and_music_sheet(client, seed_site):
    html = client.get(seed_site.pages["anthem"]["en"].url).content.decode()

    assert re.search(r'<audio controls preload="metadata" src="[^"]+\.wav"', html)
    assert re.search(r'<a href="[^"]+\.pdf" download>Music sheet of', html)
    assert html.index("<audio") < html.index("Music sheet</h2>")


def test_coat_of_arms_page_has_image_with_alt_text(client, seed_site):
    html = client.get(seed_site.pages["coat-of-arms"]["en"].url).content.decode()

    assert 'alt="The CIOR coat of arms"' in html
    assert "<source" in html and "image/webp" in html


def test_partners_page_lists_the_four_partners(client, seed_site):
    en = text_of(client.get(seed_site.pages["partners"]["en"].url))
    fr = text_of(client.get(seed_site.pages["partners"]["fr"].url))

    for acronym in ("NRFC", "CIOMR", "CISOR"):
        assert acronym in en and acronym in fr
    assert "Baltic Defence College" in en
    assert seed_content.PARTNERS[0]["name"]["fr"] in fr


def test_main_menu_lists_top_level_pages_in_the_active_language(client, seed_site):
    en = client.get("/en/").content.decode()
    fr = client.get("/fr/").content.decode()

    assert '<a href="/en/about/">About CIOR</a>' in en
    assert '<a href="/fr/a-propos/">' in fr
    assert "/en/about/" not in fr


def test_breadcrumbs_lead_home_through_the_section(client, seed_site):
    html = client.get(seed_site.pages["history"]["en"].url).content.decode()
    crumbs = html[
        html.index('<nav class="breadcrumbs') : html.index("</nav>", html.index("breadcrumbs"))
    ]

    about_title = seed_content.PAGES[0]["title"]["en"]
    history_title = seed_content.PAGES[1]["title"]["en"]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/en/", "Home"),
        ("/en/about/", about_title),
    ]
    assert f'<span aria-current="page">{history_title}</span>' in crumbs


def test_demo_page_translated_from_english_redirects_its_english_slug_in_french(
    client, homes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_translated_page(
            DemoContext(),
            "about",
            homes,
            StandardPage,
            en={"title": "About CIOR", "slug": "about"},
            fr={"title": "À propos de la CIOR", "slug": "a-propos"},
        )

    old = client.get("/fr/about/")

    assert (old.status_code, old["Location"]) == (301, "/fr/a-propos/")
    assert "<h1>À propos de la CIOR</h1>" in client.get("/fr/a-propos/").content.decode()
