import pytest

from nations import demo
from nations.models import Nation, NationsPage

pytestmark = pytest.mark.django_db


def test_load_creates_28_full_members_and_6_associates(demo_context):
    demo.load(demo_context)

    assert Nation.objects.active().count() == 34
    assert Nation.objects.full_members().count() == 28
    assert sorted(Nation.objects.associates().values_list("code", flat=True)) == [
        "AUS",
        "AUT",
        "CHE",
        "GEO",
        "MDA",
        "ZAF",
    ]


def test_load_names_nations_in_english_and_french(demo_context):
    demo.load(demo_context)

    names = {n.code: (n.name_en, n.name_fr) for n in Nation.objects.all()}
    assert names["USA"] == ("United States", "États-Unis")
    assert names["MKD"] == ("North Macedonia", "Macédoine du Nord")
    assert names["CZE"] == ("Czechia", "Tchéquie")
    assert names["ZAF"] == ("South Africa", "Afrique du Sud")


def test_load_gives_joined_year_to_the_founders_only(demo_context):
    demo.load(demo_context)

    founders = Nation.objects.filter(joined_year__isnull=False)
    assert sorted(founders.values_list("code", "joined_year")) == [
        ("BEL", 1948),
        ("FRA", 1948),
        ("NLD", 1948),
    ]


def test_load_twice_changes_nothing(demo_context):
    demo.load(demo_context)
    demo_context.created.clear()

    demo.load(demo_context)

    assert Nation.objects.count() == 34
    assert NationsPage.objects.count() == 2
    assert demo_context.created == []


def test_load_adds_the_page_under_structure_in_both_languages(demo_context):
    demo.load(demo_context)

    pages = demo_context.pages["nations"]

    assert pages["en"].url == "/en/structure/nations/"
    assert pages["fr"].url == "/fr/structure/nations-membres/"
    assert (pages["en"].title, pages["fr"].title) == ("Member nations", "Nations membres")
