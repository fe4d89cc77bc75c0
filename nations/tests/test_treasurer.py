"""The treasurer's invoices: payment state, totals per state, and issuing a year after a preview."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core import signing
from wagtail.users.models import UserProfile

from accounts.models import RoleAssignment
from nations import services
from nations.models import Invoice, Nation

from .factories import AssociationFactory, NationFactory, SubscriptionRateFactory, user_with_role

pytestmark = pytest.mark.django_db

INVOICES = "/admin/snippets/nations/invoice/"
ISSUE = INVOICES + "issue/"
NBSP = "\u00a0"


def text_of(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def plain(response):
    """Return the text with no-break spaces as spaces, for English pages."""
    return text_of(response).replace(NBSP, " ")


def treasurer_in(client, language):
    user = user_with_role(RoleAssignment.Role.TREASURER)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def ledger(db):
    """This year's invoices of four nations at 1,500.00 EUR: paid, partly paid, unpaid, overdue."""
    today = datetime.date.today()
    nations = {
        code: AssociationFactory(
            nation=NationFactory(code=code, name_en=name_en, name_fr=name_fr)
        ).nation
        for code, name_en, name_fr in [
            ("QAA", "Austria", "Autriche"),
            ("QAB", "Belgium", "Belgique"),
            ("QAC", "Croatia", "Croatie"),
            ("QAD", "Denmark", "Danemark"),
        ]
    }
    SubscriptionRateFactory(year=today.year, membership=Nation.Membership.FULL, amount="1500")
    services.issue_invoices(
        today.year,
        by=None,
        issued_on=today - datetime.timedelta(days=30),
        due_on=today + datetime.timedelta(days=30),
    )
    invoices = {i.nation.code: i for i in Invoice.objects.select_related("nation")}
    services.record_payment(invoices["QAA"], amount=Decimal("1500"), paid_on=today, by=None)
    services.record_payment(invoices["QAB"], amount=Decimal("400"), paid_on=today, by=None)
    services.reschedule_invoice(invoices["QAD"], due_on=today - datetime.timedelta(days=1), by=None)
    return {"nations": nations, "invoices": invoices, "year": today.year}


def test_listing_shows_each_invoices_state_and_the_totals_in_english(client, ledger):
    treasurer_in(client, "en")

    page = plain(client.get(INVOICES))

    assert "Austria (QAA)" in page and "1,500.00 EUR 1,500.00 EUR 0.00 EUR Paid" in page
    assert "400.00 EUR 1,100.00 EUR Partly paid" in page
    assert "1,500.00 EUR 0.00 EUR 1,500.00 EUR Unpaid" in page
    assert "1,500.00 EUR 0.00 EUR 1,500.00 EUR Overdue" in page
    totals = page[page.index("Payment state Invoices Invoiced Paid Outstanding") :]
    assert "Paid 1 1,500.00 EUR 1,500.00 EUR 0.00 EUR" in totals
    assert "Partly paid 1 1,500.00 EUR 400.00 EUR 1,100.00 EUR" in totals
    assert "Unpaid 1 1,500.00 EUR 0.00 EUR 1,500.00 EUR" in totals
    assert "Overdue 1 1,500.00 EUR 0.00 EUR 1,500.00 EUR" in totals
    assert "Total (cancelled invoices left out) 4 6,000.00 EUR 1,900.00 EUR 4,100.00 EUR" in totals


def test_listing_shows_states_and_totals_in_french(client, ledger):
    treasurer_in(client, "fr")

    page = text_of(client.get(INVOICES)).replace(NBSP, "~")

    assert "Belgique (QAB)" in page
    assert "1~500,00~EUR 400,00~EUR 1~100,00~EUR Partiellement payée" in page
    assert "1~500,00~EUR 0,00~EUR 1~500,00~EUR En retard" in page
    assert "1~500,00~EUR 0,00~EUR 1~500,00~EUR Impayée" in page
    assert "4 6~000,00~EUR 1~900,00~EUR 4~100,00~EUR" in page


@pytest.mark.parametrize(
    ("state", "shown", "hidden"),
    [
        ("paid", "Austria", ["Belgium", "Croatia", "Denmark"]),
        ("partly_paid", "Belgium", ["Austria", "Croatia", "Denmark"]),
        ("open", "Croatia", ["Austria", "Belgium", "Denmark"]),
        ("overdue", "Denmark", ["Austria", "Belgium", "Croatia"]),
    ],
)
def test_listing_filters_by_payment_state(client, ledger, state, shown, hidden):
    treasurer_in(client, "en")

    page = plain(client.get(INVOICES + f"?payment_state={state}"))

    rows = page[page.index("Number") :]
    assert f"{shown} (" in rows
    assert [name for name in hidden if f"{name} (" in rows] == []
    assert "Total (cancelled invoices left out) 1 1,500.00 EUR" in page


def test_cancelled_invoice_is_shown_cancelled_and_left_out_of_the_total(client, ledger):
    services.cancel_invoice(ledger["invoices"]["QAC"], by=None, reason="Wrong amount")
    treasurer_in(client, "en")

    page = plain(client.get(INVOICES))

    assert "Cancelled 1 1,500.00 EUR 0.00 EUR 1,500.00 EUR" in page
    assert "Total (cancelled invoices left out) 3 4,500.00 EUR 1,900.00 EUR 2,600.00 EUR" in page


def test_listing_queries_do_not_grow_with_the_invoices(
    client, ledger, django_assert_max_num_queries
):
    treasurer_in(client, "en")
    with django_assert_max_num_queries(30) as few:
        client.get(INVOICES + "?payment_state=overdue")
    for index in range(30):
        AssociationFactory(nation=NationFactory(code=f"Q{'XY'[index // 26]}{chr(65 + index % 26)}"))
    services.issue_invoices(ledger["year"], by=None)

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = plain(client.get(INVOICES))

    assert "Total (cancelled invoices left out) 34 51,000.00 EUR" in page


def test_export_gives_each_invoices_state(client, ledger):
    treasurer_in(client, "en")

    response = client.get(INVOICES + "?export=csv&payment_state=partly_paid")
    csv = b"".join(response.streaming_content).decode()

    assert csv.splitlines()[0].endswith("Status,Payment state")
    assert csv.splitlines()[1].startswith(f"{ledger['invoices']['QAB'].number},Belgium (QAB),")
    assert csv.splitlines()[1].endswith(",issued,Partly paid")
    assert len(csv.splitlines()) == 2


def test_invoice_page_shows_its_state_and_amounts(client, ledger):
    treasurer_in(client, "fr")

    page = text_of(client.get(f"{INVOICES}inspect/{ledger['invoices']['QAB'].pk}/"))

    assert f"État du paiement Partiellement payée Montant 1{NBSP}500,00{NBSP}EUR" in page
    assert f"Solde 1{NBSP}100,00{NBSP}EUR" in page


# --- Issuing the year's invoices: preview, then confirm ------------------------------------


@pytest.fixture
def next_year(ledger):
    """Next year's rates (full 1,600, associate 600); Denmark became an associate member."""
    year = ledger["year"] + 1
    SubscriptionRateFactory(year=year, membership=Nation.Membership.FULL, amount="1600")
    SubscriptionRateFactory(year=year, membership=Nation.Membership.ASSOCIATE, amount="600")
    Nation.objects.filter(code="QAD").update(membership=Nation.Membership.ASSOCIATE)
    return year


def preview(client, year):
    return client.post(
        ISSUE, {"year": year, "issued_on": f"{year}-01-05", "due_on": f"{year}-03-31"}
    )


def plan_of(response):
    return re.search(r'name="plan" value="([^"]+)"', response.content.decode()).group(1)


def test_issue_form_starts_with_this_year_today_and_the_usual_term(client, ledger):
    treasurer_in(client, "fr")
    today = datetime.date.today()
    due = today + datetime.timedelta(days=services.DUE_AFTER_DAYS)

    form = client.get(ISSUE).content.decode()

    assert f'name="year" value="{today.year}"' in form
    assert f'name="issued_on" value="{today.isoformat()}"' in form
    assert f'name="due_on" value="{due.isoformat()}"' in form


def test_preview_lists_nations_and_amounts_and_issues_nothing(client, next_year):
    treasurer_in(client, "en")

    response = preview(client, next_year)
    page = plain(response)

    assert f"4 invoices for {next_year} would be issued" in page
    assert f"Issued on 5 January {next_year}, due on 31 March {next_year}" in page
    assert "Austria (QAA) Reserve Officers Association of Austria Full member 1,600.00 EUR" in page
    assert "Denmark (QAD) Reserve Officers Association of Denmark Associate member 600.00" in page
    assert "Total 5,400.00 EUR" in page
    assert not Invoice.objects.filter(year=next_year).exists()
    change = re.search(r'href="(\?year=[^"]+)"', response.content.decode()).group(1)
    form = client.get(ISSUE + html.unescape(change)).content.decode()
    assert f'name="due_on" value="{next_year}-03-31"' in form


def test_preview_in_french(client, next_year):
    treasurer_in(client, "fr")

    page = text_of(preview(client, next_year)).replace(NBSP, "~")

    assert f"4 factures de {next_year} seraient émises" in page
    assert f"Émises le 5 janvier {next_year}, échéance le 31 mars {next_year}" in page
    assert "Danemark (QAD)" in page and "Membre associé 600,00~EUR" in page
    assert "Total 5~400,00~EUR" in page


def test_confirming_issues_exactly_what_was_previewed(client, next_year):
    treasurer_in(client, "en")
    plan = plan_of(preview(client, next_year))
    # A nation that joins after the preview is not invoiced by this confirmation.
    AssociationFactory(nation=NationFactory(code="QAE", name_en="Estonia"))

    response = client.post(ISSUE, {"plan": plan}, follow=True)

    issued = Invoice.objects.filter(year=next_year).order_by("sequence")
    assert [(i.number, i.nation.code, i.amount, i.due_on) for i in issued] == [
        (f"{next_year}-001", "QAA", Decimal("1600.00"), datetime.date(next_year, 3, 31)),
        (f"{next_year}-002", "QAB", Decimal("1600.00"), datetime.date(next_year, 3, 31)),
        (f"{next_year}-003", "QAC", Decimal("1600.00"), datetime.date(next_year, 3, 31)),
        (f"{next_year}-004", "QAD", Decimal("600.00"), datetime.date(next_year, 3, 31)),
    ]
    assert f"4 invoices issued for {next_year}: {next_year}-001 to {next_year}-004." in plain(
        response
    )


def test_confirming_skips_and_names_invoices_issued_since_the_preview(client, next_year):
    treasurer_in(client, "fr")
    plan = plan_of(preview(client, next_year))
    services.issue_invoices(next_year, by=None)  # another treasurer was quicker
    Invoice.objects.filter(year=next_year, nation__code="QAA").update(
        status=Invoice.Status.CANCELLED
    )

    page = text_of(client.post(ISSUE, {"plan": plan}, follow=True)).replace(NBSP, " ")

    assert Invoice.objects.filter(year=next_year).count() == 5
    assert f"1 facture émise pour {next_year} : {next_year}-005." in page
    assert (
        f"Déjà émises depuis l’aperçu, ignorées : Belgique ({next_year}-002), "
        f"Croatie ({next_year}-003), Danemark ({next_year}-004)."
    ) in page


def test_confirming_after_a_rate_changed_issues_nothing(client, next_year):
    treasurer_in(client, "en")
    plan = plan_of(preview(client, next_year))
    Nation.objects.filter(code="QAC").update(membership=Nation.Membership.ASSOCIATE)

    page = plain(client.post(ISSUE, {"plan": plan}, follow=True))

    assert "The invoices to issue changed since the preview: preview them again." in page
    assert not Invoice.objects.filter(year=next_year).exists()


def test_confirming_an_altered_plan_issues_nothing(client, next_year):
    treasurer_in(client, "en")
    forged = signing.dumps({"year": next_year, "invoices": [[1, "1.00"]]}, salt="other")

    page = plain(client.post(ISSUE, {"plan": forged}, follow=True))

    assert "This preview is too old or was altered: preview again." in page
    assert not Invoice.objects.filter(year=next_year).exists()


def test_preview_without_a_rate_says_which_class_misses_one(client, ledger):
    treasurer_in(client, "en")

    page = plain(preview(client, ledger["year"] + 2))

    assert f"No subscription rate for {ledger['year'] + 2}: Full member." in page


def test_preview_queries_do_not_grow_with_the_nations(
    client, next_year, django_assert_max_num_queries
):
    treasurer_in(client, "en")
    with django_assert_max_num_queries(30) as few:
        preview(client, next_year)
    for index in range(30):
        AssociationFactory(nation=NationFactory(code=f"Q{'WZ'[index // 26]}{chr(65 + index % 26)}"))

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = plain(preview(client, next_year))

    assert "would be issued" in page
