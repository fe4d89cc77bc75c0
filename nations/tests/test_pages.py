import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nations.models import Nation
from nations.tests.factories import NationFactory

pytestmark = pytest.mark.django_db


def text_of(html):
    """Return the visible text of some HTML, tags read as spaces and white space folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def section(html, heading_id):
    """Return the HTML of the <section> labelled by the heading `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def list_items(html):
    return re.findall(r'<li class="nation-list__item"[^>]*>(.*?)</li>', html, flags=re.S)


@pytest.fixture
def nations_pages(demo_site):
    return demo_site.pages["nations"]


def warm_query_count(client, url):
    """Return the queries a second request of `url` makes (caches warmed by the first)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_nations_page_lists_28_full_members_and_6_associates(client, nations_pages):
    html = client.get("/en/structure/nations/").content.decode()

    full = [text_of(item) for item in list_items(section(html, "full-members-heading"))]
    associates = [text_of(item) for item in list_items(section(html, "associates-heading"))]
    assert len(full) == 28
    assert associates == [
        "Australia AUS",
        "Austria AUT",
        "Georgia GEO",
        "Moldova MDA",
        "South Africa ZAF",
        "Switzerland CHE",
    ]
    assert "Belgium BEL Member since 1948" in full
    assert "Germany DEU" in full


def test_nations_page_shows_each_flag_beside_the_name_with_empty_alt(client, nations_pages):
    html = client.get("/en/structure/nations/").content.decode()

    belgium = next(item for item in list_items(html) if "Belgium" in item)
    assert '<img class="nation-list__flag" src="/static/img/flags/bel.svg" alt=""' in belgium


def test_nations_page_in_french_names_and_sorts_nations_in_french(client, nations_pages):
    response = client.get("/fr/structure/nations-membres/")
    html = response.content.decode()
    text = text_of(section(html, "full-members-heading"))

    assert response.status_code == 200
    assert "<h1>Nations membres</h1>" in html
    assert "Pays-Bas NLD" in text
    assert text.index("Espagne") < text.index("Estonie") < text.index("États-Unis")
    assert text.index("États-Unis") < text.index("Finlande")
    assert "Afrique du Sud" in text_of(section(html, "associates-heading"))


def test_nations_page_map_marks_every_member_by_membership(client, nations_pages):
    html = client.get("/en/structure/nations/").content.decode()

    assert html.count('class="nations-map__tile nations-map__tile--full"') == 28
    assert html.count('class="nations-map__tile nations-map__tile--associate"') == 6
    assert '<svg class="nations-map__svg"' in html
    assert 'role="img"' in html
    assert "style=" not in html


def test_nations_page_leaves_out_inactive_nations(client, nations_pages):
    Nation.objects.filter(code="GEO").update(status=Nation.Status.INACTIVE)

    html = client.get("/en/structure/nations/").content.decode()

    assert "Georgia" not in html
    assert len(list_items(section(html, "associates-heading"))) == 5


def test_nations_page_shows_a_nation_without_flag_without_image(client, nations_pages):
    NationFactory(code="QAA", name_en="Newland", membership=Nation.Membership.ASSOCIATE)

    html = client.get("/en/structure/nations/").content.decode()

    newland = next(item for item in list_items(html) if "Newland" in item)
    assert "<img" not in newland
    assert html.count("nations-map__tile--associate") == 7


@pytest.mark.parametrize("language, slug", [("en", "nations"), ("fr", "nations-membres")])
def test_nations_page_queries_do_not_grow_with_the_records(
    client, nations_pages, django_assert_max_num_queries, language, slug
):
    base = warm_query_count(client, f"/{language}/structure/plain/")
    NationFactory.create_batch(30)
    client.get(f"/{language}/structure/{slug}/")

    # One read of its own, whatever the number of nations.
    with django_assert_max_num_queries(min(base + 1, 20)):
        response = client.get(f"/{language}/structure/{slug}/")

    assert response.status_code == 200
