"""The site search finds records, not only pages: people with a public role, committees,
nations, events (on the governance demo: presidency terms, the Estonian team, committees)."""

import datetime

import pytest

from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_past_president_by_name(client, demo_site):
    html = client.get("/en/search/", {"q": "Luman"}).content.decode()

    assert "Toomas LUMAN" in html
    assert 'href="/en/structure/presidency/2022/"' in html
    assert "President · Estonia · 2022–2024" in html


def test_search_finds_a_committee_member_and_the_committee_in_french(client, demo_site):
    html = client.get("/fr/search/", {"q": "Moreau"}).content.decode()

    assert "Isabelle MOREAU" in html
    assert 'href="/fr/structure/comites/cla-c/"' in html
    assert "CLA-C · Président · France" in html


def test_search_finds_nations_and_events_by_city(client, demo_site):
    EventFactory(title_en="Summer Congress 2027", city_en="Tallinn", city_fr="Tallinn")

    html = client.get("/en/search/", {"q": "tallinn"}).content.decode()

    assert "Summer Congress 2027" in html
    estonia = client.get("/fr/search/", {"q": "Estonie"}).content.decode()
    assert "Nation membre" in estonia
    assert "#nation-est" in estonia


def test_search_records_take_a_bounded_number_of_queries(
    client, demo_site, django_assert_max_num_queries
):
    for day in range(20):
        day = datetime.date(2030, 1, 1 + day)
        EventFactory(city_en="Tallinn", starts_on=day, ends_on=day)
    client.get("/en/search/", {"q": "Tallinn"})

    with django_assert_max_num_queries(20):
        response = client.get("/en/search/", {"q": "Tallinn"})

    html = response.content.decode()
    assert html.count('<span class="search-results__kind">Summer Congress</span>') == 10
