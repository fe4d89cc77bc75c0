from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from nations import demo
from nations.models import Association, Invoice, Nation, NationsPage, Payment, SubscriptionRate
from nations.queries import nations_in_arrears

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


def test_load_gives_every_nation_an_association_in_both_languages(demo_context):
    demo.load(demo_context)

    names = {
        a.nation.code: (a.name_en, a.name_fr) for a in Association.objects.select_related("nation")
    }
    assert len(names) == 34
    assert names["USA"] == ("Reserve Organization of America", "Reserve Organization of America")
    assert names["EST"] == (
        "Reserve Officers Association of Estonia",
        "Association des officiers de réserve – Estonie",
    )


def test_load_leaves_greece_alone_in_arrears(demo_context):
    demo.load(demo_context)

    assert nations_in_arrears() == {Nation.objects.get(code="GRC").pk}


def test_load_issues_two_years_with_unpaid_and_partly_paid_invoices(demo_context):
    demo.load(demo_context)
    this_year = timezone.localdate().year

    assert Invoice.objects.for_year(this_year - 1).count() == 34
    assert Invoice.objects.for_year(this_year).count() == 34
    unpaid = {
        (i.nation.code, i.year, i.balance)
        for i in Invoice.objects.unpaid().select_related("nation")
    }
    assert unpaid == {
        ("GRC", this_year - 1, Decimal("1500.00")),
        ("GRC", this_year, Decimal("1500.00")),
        ("PRT", this_year, Decimal("1500.00")),
        ("GEO", this_year, Decimal("500.00")),
        ("MDA", this_year, Decimal("500.00")),
        ("ITA", this_year, Decimal("750.00")),
    }
    assert ModelLogEntry.objects.filter(action="cior.payment").count() == 34 * 2 - 5


def test_load_twice_adds_no_subscription_record(demo_context):
    demo.load(demo_context)
    counts = (Invoice.objects.count(), Payment.objects.count(), SubscriptionRate.objects.count())
    demo_context.created.clear()

    demo.load(demo_context)

    assert (
        Invoice.objects.count(),
        Payment.objects.count(),
        SubscriptionRate.objects.count(),
    ) == counts
    assert demo_context.created == []
