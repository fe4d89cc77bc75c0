"""Every subscription route of the admin, walked by each role: scoped to what the rules allow."""

import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from nations import services
from nations.models import Invoice, Nation, Payment, SubscriptionRate

from .factories import AssociationFactory, NationFactory, SubscriptionRateFactory, user_with_role

pytestmark = pytest.mark.django_db

Role = RoleAssignment.Role
INVOICES = "/admin/snippets/nations/invoice/"
ASSOCIATIONS = "/admin/snippets/nations/association/"


@pytest.fixture
def world(db):
    """Greece (owes 2025, partly paid) and Belgium, their heads of delegation, finance users."""
    greece = NationFactory(code="QGR", name_en="Greece", name_fr="Grèce")
    belgium = NationFactory(code="QBE", name_en="Belgium", name_fr="Belgique")
    AssociationFactory(
        nation=greece,
        name_en="Hellenic Reserve Officers Association",
        name_fr="Association hellénique des officiers de réserve",
        contact_name="Nikos Papadopoulos",
    )
    AssociationFactory(nation=belgium, name_en="Royal Union", name_fr="Union royale")
    SubscriptionRateFactory(year=2025, membership=Nation.Membership.FULL, amount=Decimal("1500"))
    services.issue_invoices(2025, by=None, issued_on=datetime.date(2025, 1, 10))
    greek = Invoice.objects.get(nation=greece)
    belgian = Invoice.objects.get(nation=belgium)
    services.record_payment(
        greek, amount=Decimal("400"), paid_on=datetime.date(2025, 2, 1), reference="GR-1", by=None
    )
    services.record_payment(
        belgian, amount=Decimal("1500"), paid_on=datetime.date(2025, 2, 1), by=None
    )
    return {
        "greek": greek,
        "belgian": belgian,
        "hod_greece": user_with_role(Role.HEAD_OF_DELEGATION, nation=greece),
        "hod_belgium": user_with_role(Role.HEAD_OF_DELEGATION, nation=belgium),
        "treasurer": user_with_role(Role.TREASURER),
        "presidency": user_with_role(Role.PRESIDENCY),
        "editor": user_with_role(Role.EDITOR),
    }


def refused(client, url):
    """Return whether GET url is refused: 403, 404, or Wagtail's refusal.

    Wagtail answers a PermissionDenied in the admin by a redirect to the dashboard with an
    error message; a 404 in the admin is redirected to /en/admin/... by LocaleMiddleware (the
    site's catch-all page route), which then answers 404.
    """
    response = client.get(url)
    if response.status_code == 302 and response["Location"] == "/admin/":
        return True
    return client.get(url, follow=True).status_code in (403, 404)


def not_found(client, url):
    return client.get(url, follow=True).status_code == 404


def text_of(response):
    text = html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r"\s+", " ", text).strip()


def routes(invoice):
    pk = invoice.pk
    return {
        "edit": f"{INVOICES}edit/{pk}/",
        "inspect": f"{INVOICES}inspect/{pk}/",
        "history": f"{INVOICES}history/{pk}/",
        "usage": f"{INVOICES}usage/{pk}/",
        "delete": f"{INVOICES}delete/{pk}/",
        "pdf": f"{INVOICES}pdf/{pk}/",
        "payment": f"{INVOICES}payment/{pk}/",
        "cancel": f"{INVOICES}cancel/{pk}/",
    }


@pytest.mark.parametrize(
    "route", ["edit", "inspect", "history", "usage", "delete", "pdf", "payment", "cancel"]
)
def test_head_of_another_delegation_gets_no_route_of_an_invoice(client, world, route):
    client.force_login(world["hod_belgium"])

    assert refused(client, routes(world["greek"])[route])


@pytest.mark.parametrize(
    "route", ["edit", "inspect", "history", "usage", "pdf", "payment", "cancel"]
)
def test_treasurer_opens_every_route_of_an_invoice(client, world, route):
    client.force_login(world["treasurer"])

    invoice = world["greek"]
    response = client.get(routes(invoice)[route])

    assert response.status_code == 200
    if route == "pdf":
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
    else:
        assert invoice.number in response.content.decode()


@pytest.mark.parametrize("role", ["treasurer", "presidency", "hod_greece"])
def test_nobody_deletes_an_invoice(client, world, role):
    client.force_login(world[role])

    assert refused(client, routes(world["greek"])["delete"])


@pytest.mark.parametrize("route", ["edit", "payment", "cancel"])
def test_head_of_delegation_sees_but_does_not_change_own_invoice(client, world, route):
    client.force_login(world["hod_greece"])

    assert client.get(routes(world["greek"])["inspect"]).status_code == 200
    assert refused(client, routes(world["greek"])[route])


def test_head_of_delegation_lists_and_exports_only_own_invoices(client, world):
    client.force_login(world["hod_belgium"])

    listing = text_of(client.get(INVOICES))
    export = client.get(INVOICES + "?export=csv")
    csv = b"".join(export.streaming_content).decode()

    assert world["belgian"].number in listing
    assert world["greek"].number not in listing
    assert "Issue the year's invoices" not in listing
    assert world["belgian"].number in csv
    assert world["greek"].number not in csv


def test_treasurer_lists_every_invoice_with_paid_and_balance(client, world):
    client.force_login(world["treasurer"])

    listing = text_of(client.get(INVOICES + "?year=2025"))

    assert "Belgium (QBE) 2025 1,500.00 EUR 1,500.00 EUR 0.00 EUR Paid" in listing
    assert "Greece (QGR) 2025 1,500.00 EUR 400.00 EUR 1,100.00 EUR Overdue" in listing
    assert "Issue the year's invoices" in listing


def test_treasurer_filters_invoices_of_nations_in_arrears(client, world):
    client.force_login(world["treasurer"])

    listing = text_of(client.get(INVOICES + "?in_arrears=true"))

    assert world["greek"].number in listing
    assert world["belgian"].number not in listing


def test_treasurer_exports_invoices_with_balance(client, world):
    client.force_login(world["treasurer"])

    response = client.get(INVOICES + "?export=csv")
    csv = b"".join(response.streaming_content).decode()

    assert "2025-002,Greece (QGR),2025,1500.00,400.00,1100.00" in csv


def test_inspect_shows_payments_and_actions_to_the_treasurer(client, world):
    client.force_login(world["treasurer"])

    page = text_of(client.get(routes(world["greek"])["inspect"]))

    assert "Balance 1,100.00 EUR" in page
    assert "Payment state Overdue" in page
    assert "GR-1" in page
    assert "Download PDF" in page
    assert "Record a payment" in page


def test_treasurer_issues_the_years_invoices_from_the_admin(client, world):
    SubscriptionRateFactory(year=2026, membership=Nation.Membership.FULL, amount=Decimal("1600"))
    client.force_login(world["treasurer"])

    preview = client.post(
        INVOICES + "issue/", {"year": 2026, "issued_on": "2026-01-05", "due_on": "2026-03-31"}
    )
    assert not Invoice.objects.filter(year=2026).exists()
    plan = re.search(r'name="plan" value="([^"]+)"', preview.content.decode()).group(1)

    response = client.post(INVOICES + "issue/", {"plan": plan})

    assert response.status_code == 302
    assert sorted(Invoice.objects.filter(year=2026).values_list("number", "amount")) == [
        ("2026-001", Decimal("1600.00")),
        ("2026-002", Decimal("1600.00")),
    ]


def test_superuser_cannot_delete_invoices_in_bulk(client, world, admin_user):
    client.force_login(admin_user)
    ids = [world["greek"].pk, world["belgian"].pk]

    client.post(
        "/admin/bulk/nations/invoice/delete/?" + "&".join(f"id={pk}" for pk in ids),
        {"next": INVOICES},
    )

    assert Invoice.objects.filter(pk__in=ids).count() == 2


def test_head_of_delegation_cannot_issue_invoices(client, world):
    client.force_login(world["hod_greece"])

    response = client.post(
        INVOICES + "issue/", {"year": 2026, "issued_on": "2026-01-05", "due_on": "2026-03-31"}
    )

    assert response["Location"] == "/admin/"
    assert Invoice.objects.filter(year=2026).count() == 0


def test_treasurer_records_a_payment_from_the_admin(client, world):
    client.force_login(world["treasurer"])

    response = client.post(
        routes(world["greek"])["payment"],
        {"amount": "1100.00", "paid_on": "2026-01-20", "reference": "GR-2"},
    )

    assert response.status_code == 302
    assert Invoice.objects.with_balance().get(pk=world["greek"].pk).balance == Decimal("0")


def test_payment_form_shows_the_refusal_of_an_overpayment(client, world):
    client.force_login(world["treasurer"])

    response = client.post(
        routes(world["greek"])["payment"], {"amount": "2000", "paid_on": "2026-01-20"}
    )

    assert response.status_code == 200
    assert "is more than the balance owed (1100.00 EUR)" in text_of(response)
    assert Payment.objects.filter(invoice=world["greek"]).count() == 1


def test_treasurer_cancels_an_unpaid_invoice_from_the_admin(client, world):
    SubscriptionRateFactory(year=2026, membership=Nation.Membership.FULL)
    invoice = services.issue_invoices(2026, by=None, issued_on=datetime.date(2026, 1, 5))[0]
    client.force_login(world["treasurer"])

    response = client.post(routes(invoice)["cancel"], {"reason": "Wrong amount"})

    invoice.refresh_from_db()
    assert response.status_code == 302
    assert (invoice.status, invoice.cancel_reason) == ("cancelled", "Wrong amount")


def test_treasurer_changes_the_due_date_with_an_audit_entry(client, world):
    client.force_login(world["treasurer"])

    response = client.post(routes(world["greek"])["edit"], {"due_on": "2025-12-31"})

    world["greek"].refresh_from_db()
    assert response.status_code == 302
    assert world["greek"].due_on == datetime.date(2025, 12, 31)
    entry = ModelLogEntry.objects.filter(action="cior.invoice").latest("pk")
    assert (entry.user, entry.comment) == (
        world["treasurer"],
        "Due on: 11 March 2025 → 31 December 2025",
    )


def test_history_lists_the_issue_and_the_payments(client, world):
    client.force_login(world["presidency"])

    history = text_of(client.get(routes(world["greek"])["history"]))

    assert "Payment recorded" in history
    assert "Invoice changed" in history
    entry = ModelLogEntry.objects.filter(action="cior.payment", object_id=str(world["greek"].pk))
    assert [e.comment for e in entry] == [
        "Paid: 0.00 → 400.00; Balance: 1,500.00 → 1,100.00; Reason: 2025-02-01 GR-1"
    ]


def test_head_of_delegation_downloads_own_invoice_as_bilingual_pdf(client, world):
    client.force_login(world["hod_greece"])

    response = client.get(routes(world["greek"])["pdf"])

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="CIOR-invoice-2025-002.pdf"' in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = re.sub(r"\s+", " ", text)
    for expected in [
        "Invoice / Facture",
        "2025-002",
        "Greece / Grèce (QGR)",
        "Hellenic Reserve Officers Association",
        "Association hellénique des officiers de réserve",
        "Amount / Montant",
        "Balance due / Solde dû",
        "1 500.00 EUR",
        "1 100.00 EUR",
        "Annual subscription 2025",
        "Cotisation annuelle 2025",
        "Bank details / Coordonnées bancaires",
        "Payment state / État du paiement Overdue / En retard",
    ]:
        assert expected in text


def test_editor_sees_no_invoice(client, world):
    client.force_login(world["editor"])

    assert refused(client, INVOICES)
    assert not_found(client, routes(world["greek"])["pdf"])


def test_head_of_delegation_edits_own_association_only(client, world):
    greek = world["greek"].nation.association
    belgian = world["belgian"].nation.association
    client.force_login(world["hod_greece"])

    listing = text_of(client.get(ASSOCIATIONS))

    assert "Hellenic Reserve Officers Association" in listing
    assert "Royal Union" not in listing
    assert client.get(f"{ASSOCIATIONS}edit/{greek.pk}/").status_code == 200
    assert not_found(client, f"{ASSOCIATIONS}edit/{belgian.pk}/")
    assert not_found(client, f"{ASSOCIATIONS}inspect/{belgian.pk}/")
    assert refused(client, f"{ASSOCIATIONS}history/{belgian.pk}/")


def test_association_form_puts_english_and_french_names_side_by_side(client, world):
    client.force_login(world["presidency"])
    association = world["greek"].nation.association

    html = client.get(f"{ASSOCIATIONS}edit/{association.pk}/").content.decode()

    assert 'name="name_en"' in html
    assert 'name="name_fr"' in html


def test_nations_listing_shows_arrears_to_finance_only(client, world, admin_user):
    from django.contrib.auth.models import Permission

    client.force_login(world["treasurer"])
    world["treasurer"].user_permissions.add(Permission.objects.get(codename="view_nation"))
    finance = text_of(client.get("/admin/snippets/nations/nation/?in_arrears=true"))

    assert "In arrears" in finance
    assert "Greece" in finance
    assert "Belgium" not in finance


def test_subscriptions_menu_holds_invoices_rates_and_associations(client, world):
    client.force_login(world["treasurer"])

    html = client.get("/admin/").content.decode()

    assert "Subscriptions" in html
    assert INVOICES in html
    assert "/admin/snippets/nations/subscriptionrate/" in html


def test_head_of_delegation_edits_own_association_but_not_its_nation(client, world):
    association = world["greek"].nation.association
    client.force_login(world["hod_greece"])

    response = client.post(
        f"{ASSOCIATIONS}edit/{association.pk}/",
        {
            "nation": world["belgian"].nation_id,
            "name_en": "Hellenic Reserve Officers Federation",
            "name_fr": "Fédération hellénique des officiers de réserve",
            "website": "",
            "contact_name": "Eleni Georgiou",
            "contact_email": "eleni@example.org",
            "phone": "",
        },
    )

    association.refresh_from_db()
    assert response.status_code == 302
    assert (association.nation_id, association.name_en, association.contact_name) == (
        world["greek"].nation_id,
        "Hellenic Reserve Officers Federation",
        "Eleni Georgiou",
    )


def test_treasurer_adds_a_rate_with_an_audit_entry(client, world):
    client.force_login(world["treasurer"])

    response = client.post(
        "/admin/snippets/nations/subscriptionrate/add/",
        {"year": 2027, "membership": "associate", "amount": "550.00"},
    )

    rate = SubscriptionRate.objects.get(year=2027, membership="associate")
    assert response.status_code == 302
    assert rate.amount == Decimal("550.00")
    entry = ModelLogEntry.objects.get(action="cior.subscription", object_id=str(rate.pk))
    assert (entry.user, entry.data["changes"]["amount"]) == (world["treasurer"], [None, "550.00"])


def test_head_of_delegation_sees_no_rate(client, world):
    client.force_login(world["hod_greece"])

    assert refused(client, "/admin/snippets/nations/subscriptionrate/")


def test_nations_listing_hides_arrears_from_a_head_of_delegation(client, world):
    from django.contrib.auth.models import Permission

    world["hod_greece"].user_permissions.add(Permission.objects.get(codename="view_nation"))
    client.force_login(world["hod_greece"])

    listing = text_of(client.get("/admin/snippets/nations/nation/?in_arrears=true"))

    assert "In arrears" not in listing
    assert "Belgium" in listing
