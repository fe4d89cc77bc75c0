"""The back-office for the records: side-by-side languages, listings, search."""

import pytest
from django.urls import reverse

from governance.models import Committee
from nations.models import Nation

pytestmark = pytest.mark.django_db


def test_committee_listing_searches_both_languages(admin_client, demo_site):
    url = reverse("wagtailsnippets_governance_committee:list")

    french = admin_client.get(url, {"q": "jeunes officiers"}).content.decode()
    english = admin_client.get(url, {"q": "Cyber"}).content.decode()

    assert "YRO-C" in french
    assert "LEGAL-C" not in french
    assert "CR-C" in english
    assert "YRO-C" not in english


def test_committee_form_shows_english_and_french_side_by_side(admin_client, demo_site):
    committee = Committee.objects.get(slug="yro-c")

    html = admin_client.get(
        reverse("wagtailsnippets_governance_committee:edit", args=[committee.pk])
    ).content.decode()

    for name in ("name", "summary", "description", "main_product"):
        assert f'name="{name}_en"' in html
        assert f'name="{name}_fr"' in html
    assert "Comité des jeunes officiers de réserve" in html


def test_nation_listing_searches_names_in_both_languages(admin_client, demo_site):
    url = reverse("wagtailsnippets_nations_nation:list")

    html = admin_client.get(url, {"q": "Slov"}).content.decode()
    french = admin_client.get(url, {"q": "Allemagne"}).content.decode()

    assert "Slovakia" in html
    assert "Slovenia" in html
    assert "Belgium" not in html
    assert "Germany" in french


def test_nation_can_be_added_without_a_french_name_yet(admin_client, demo_site):
    response = admin_client.post(
        reverse("wagtailsnippets_nations_nation:add"),
        {
            "code": "ISL",
            "name_en": "Iceland",
            "name_fr": "",
            "membership": "full",
            "status": "active",
            "joined_year": "",
        },
    )

    assert response.status_code == 302
    iceland = Nation.objects.get(code="ISL")
    assert (iceland.name_en, iceland.name_fr) == ("Iceland", None)


@pytest.mark.parametrize(
    "url_name, query, expected",
    [
        ("wagtailsnippets_governance_presidencyterm:list", {}, "Nordic presidency led by Norway"),
        ("wagtailsnippets_governance_appointment:list", {}, "Toomas LUMAN"),
        # The people are more than a page: search for one.
        ("wagtailsnippets_accounts_person:list", {"q": "Kiis"}, "Kaupo KIIS"),
        ("wagtailsnippets_nations_nation:list", {}, "Associate member"),
        ("wagtailsnippets_governance_committeemembership:list", {"q": "Vries"}, "Pieter DE VRIES"),
        ("wagtailsnippets_governance_councilmeeting:list", {}, "Mid-Winter Meeting 2026"),
        ("wagtailsnippets_governance_motion:list", {}, "Medal of Merit to Colonel"),
    ],
)
def test_record_listings_show_the_demo_records(admin_client, demo_site, url_name, query, expected):
    response = admin_client.get(reverse(url_name), query)

    assert response.status_code == 200
    assert expected in response.content.decode()
