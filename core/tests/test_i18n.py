import re

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from core.models import StandardPage

pytestmark = pytest.mark.django_db


def language_links(html):
    nav = html[html.index('<nav class="lang-switch"') :]
    nav = nav[: nav.index("</nav>")]
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', nav)[i][::-1] for i in range(2))


def test_root_redirects_by_browser_language(client, seed_site):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/en/"


def test_language_switch_leads_to_the_same_page_in_the_other_language(client, seed_site):
    history = seed_site.pages["history"]

    en_links = language_links(client.get(history["en"].url).content.decode())
    fr_links = language_links(client.get(history["fr"].url).content.decode())

    assert en_links == {"en": "/en/about/history/", "fr": history["fr"].url}
    assert fr_links == en_links
    assert history["fr"].url == "/fr/a-propos/historique/"


def test_pages_declare_hreflang_alternates(client, seed_site):
    html = client.get("/en/about/").content.decode()

    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in html
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/a-propos/">' in html


def test_language_switch_on_a_non_page_view_keeps_the_path(client, seed_site):
    links = language_links(client.get("/en/search/?q=NATO").content.decode())

    assert links["fr"] == "/fr/search/?q=NATO"


def test_untranslated_page_shows_english_under_french_url(client, seed_site):
    about = seed_site.pages["about"]["en"]
    new_page = StandardPage(title="Reserve day", slug="reserve-day", intro="Only in English.")
    about.add_child(instance=new_page)
    new_page.save_revision().publish()
    create_aliases_for_new_page(new_page)  # what the admin's after_create_page hook does

    alias = new_page.get_translations().get(locale=Locale.objects.get(language_code="fr"))
    response = client.get(alias.url)

    assert alias.url == "/fr/a-propos/reserve-day/"
    assert response.status_code == 200
    assert "Only in English." in response.content.decode()
    assert '<html lang="fr">' in response.content.decode()
