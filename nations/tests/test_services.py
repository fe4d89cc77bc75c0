import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from nations import services
from nations.models import Invoice, Nation, Payment
from nations.queries import nations_in_arrears

from .factories import AssociationFactory, NationFactory, SubscriptionRateFactory, user_with_role

pytestmark = pytest.mark.django_db

JAN = datetime.date(2026, 1, 15)


@pytest.fixture
def treasurer(db):
    return user_with_role(RoleAssignment.Role.TREASURER)


@pytest.fixture
def members(db):
    """Two full members and an associate with associations, and the 2026 rates."""
    SubscriptionRateFactory(year=2026, membership=Nation.Membership.FULL, amount=Decimal("1500"))
    SubscriptionRateFactory(
        year=2026, membership=Nation.Membership.ASSOCIATE, amount=Decimal("500")
    )
    return {
        code: AssociationFactory(nation=NationFactory(code=code, membership=membership)).nation
        for code, membership in [
            ("QAA", Nation.Membership.FULL),
            ("QAB", Nation.Membership.FULL),
            ("QAC", Nation.Membership.ASSOCIATE),
        ]
    }


def issue_one(nation, year=2026, amount="1500", issued_on=JAN):
    """Return an invoice for `nation` (its association and the year's rate made if missing)."""
    AssociationFactory(nation=nation)
    SubscriptionRateFactory(year=year, membership=nation.membership, amount=Decimal(amount))
    (invoice,) = [
        i for i in services.issue_invoices(year, by=None, issued_on=issued_on) if i.nation == nation
    ]
    return invoice


def test_issue_invoices_numbers_per_year_with_the_rate_of_each_class(members, treasurer):
    created = services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    assert [(i.number, i.nation.code, i.amount) for i in created] == [
        ("2026-001", "QAA", Decimal("1500")),
        ("2026-002", "QAB", Decimal("1500")),
        ("2026-003", "QAC", Decimal("500")),
    ]
    assert created[0].due_on == JAN + datetime.timedelta(days=60)


def test_issue_invoices_twice_creates_nothing_more(members, treasurer):
    services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    again = services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    assert again == []
    assert Invoice.objects.count() == 3


def test_issue_invoices_starts_numbering_again_each_year(members, treasurer):
    SubscriptionRateFactory(year=2027, membership=Nation.Membership.FULL)
    SubscriptionRateFactory(
        year=2027, membership=Nation.Membership.ASSOCIATE, amount=Decimal("500")
    )
    services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    created = services.issue_invoices(2027, by=treasurer, issued_on=datetime.date(2027, 1, 10))

    assert [i.number for i in created] == ["2027-001", "2027-002", "2027-003"]


def test_issue_invoices_skips_inactive_nations_and_nations_without_association(members, treasurer):
    Nation.objects.filter(code="QAB").update(status=Nation.Status.INACTIVE)
    NationFactory(code="QAD")

    created = services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    assert [i.nation.code for i in created] == ["QAA", "QAC"]


def test_issue_invoices_without_a_rate_for_a_class_issues_nothing(members, treasurer):
    with pytest.raises(ValidationError, match="No subscription rate for 2027: Full member"):
        SubscriptionRateFactory(year=2027, membership=Nation.Membership.ASSOCIATE)
        services.issue_invoices(2027, by=treasurer, issued_on=JAN)

    assert Invoice.objects.filter(year=2027).count() == 0


def test_issue_invoices_after_a_cancellation_issues_a_new_number(members, treasurer):
    first = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]
    services.cancel_invoice(first, by=treasurer, reason="Wrong association name")

    created = services.issue_invoices(2026, by=treasurer, issued_on=JAN)

    assert [(i.number, i.nation.code) for i in created] == [("2026-004", "QAA")]


def test_database_refuses_a_second_open_invoice_for_a_nation_and_year(members, treasurer):
    first = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    with pytest.raises(IntegrityError), transaction.atomic():
        Invoice.objects.create(
            nation=first.nation,
            year=2026,
            sequence=99,
            number="2026-099",
            amount=1,
            issued_on=JAN,
            due_on=JAN,
        )


def test_issue_invoices_writes_an_audit_entry_with_the_new_values(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    entry = ModelLogEntry.objects.get(action="cior.invoice", object_id=str(invoice.pk))
    assert entry.user == treasurer
    assert entry.data["changes"]["number"] == [None, "2026-001"]
    assert entry.data["changes"]["amount"] == [None, "1500.00"]


def test_cancel_invoice_records_old_and_new_status_and_reason(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    services.cancel_invoice(invoice, by=treasurer, reason="Issued twice")

    invoice.refresh_from_db()
    assert (invoice.status, invoice.cancel_reason) == (Invoice.Status.CANCELLED, "Issued twice")
    entry = ModelLogEntry.objects.filter(action="cior.invoice", object_id=str(invoice.pk)).latest(
        "pk"
    )
    assert entry.data == {"changes": {"status": ["issued", "cancelled"]}, "reason": "Issued twice"}


def test_cancel_invoice_refuses_without_reason_twice_or_with_payments(members, treasurer):
    first, second, _ = services.issue_invoices(2026, by=treasurer, issued_on=JAN)
    services.record_payment(second, amount=Decimal("10"), paid_on=JAN, by=treasurer)

    with pytest.raises(ValidationError, match="reason"):
        services.cancel_invoice(first, by=treasurer, reason="  ")
    services.cancel_invoice(first, by=treasurer, reason="Wrong")
    with pytest.raises(ValidationError, match="already cancelled"):
        services.cancel_invoice(first, by=treasurer, reason="Again")
    with pytest.raises(ValidationError, match="with payments"):
        services.cancel_invoice(second, by=treasurer, reason="Wrong")


def test_record_payment_writes_paid_and_balance_old_and_new(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]
    services.record_payment(invoice, amount=Decimal("1000"), paid_on=JAN, by=treasurer)

    payment = services.record_payment(
        invoice, amount=Decimal("500"), paid_on=JAN, reference="BE-7781", by=treasurer
    )

    assert (payment.amount, payment.recorded_by) == (Decimal("500"), treasurer)
    entry = ModelLogEntry.objects.filter(action="cior.payment", object_id=str(invoice.pk)).latest(
        "pk"
    )
    assert entry.user == treasurer
    assert entry.data == {
        "changes": {"paid": ["1000.00", "1500.00"], "balance": ["500.00", "0.00"]},
        "reason": "2026-01-15 BE-7781",
    }
    assert Invoice.objects.with_balance().get(pk=invoice.pk).balance == Decimal("0")


@pytest.mark.parametrize("amount", ["0", "-5"])
def test_record_payment_refuses_zero_or_less(members, treasurer, amount):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    with pytest.raises(ValidationError, match="more than zero"):
        services.record_payment(invoice, amount=Decimal(amount), paid_on=JAN, by=treasurer)

    assert Payment.objects.count() == 0


def test_record_payment_refuses_a_cancelled_invoice(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]
    services.cancel_invoice(invoice, by=treasurer, reason="Wrong")

    with pytest.raises(ValidationError, match="cancelled invoice"):
        services.record_payment(invoice, amount=Decimal("10"), paid_on=JAN, by=treasurer)


def test_record_payment_refuses_more_than_the_balance(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]
    services.record_payment(invoice, amount=Decimal("1000"), paid_on=JAN, by=treasurer)

    with pytest.raises(
        ValidationError, match=r"\(500\.01 EUR\) is more than the balance owed \(500\.00 EUR\)"
    ):
        services.record_payment(invoice, amount=Decimal("500.01"), paid_on=JAN, by=treasurer)

    assert Payment.objects.count() == 1


def test_database_refuses_a_payment_of_zero(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(invoice=invoice, amount=0, paid_on=JAN)


def test_reschedule_invoice_records_old_and_new_due_date(members, treasurer):
    invoice = services.issue_invoices(2026, by=treasurer, issued_on=JAN)[0]

    services.reschedule_invoice(invoice, due_on=datetime.date(2026, 6, 30), by=treasurer)

    entry = ModelLogEntry.objects.filter(action="cior.invoice", object_id=str(invoice.pk)).latest(
        "pk"
    )
    assert entry.data["changes"] == {"due_on": ["2026-03-16", "2026-06-30"]}


def test_save_rate_records_old_and_new_amount(treasurer):
    rate = SubscriptionRateFactory(year=2026, amount=Decimal("1500"))
    rate.amount = Decimal("1600")

    services.save_rate(rate, by=treasurer)

    entry = ModelLogEntry.objects.get(action="cior.subscription", object_id=str(rate.pk))
    assert entry.data["changes"] == {"amount": ["1500.00", "1600.00"]}


def test_unpaid_lists_issued_invoices_with_a_balance(members, treasurer):
    paid, partly, cancelled = services.issue_invoices(2026, by=treasurer, issued_on=JAN)
    services.record_payment(paid, amount=Decimal("1500"), paid_on=JAN, by=treasurer)
    services.record_payment(partly, amount=Decimal("100"), paid_on=JAN, by=treasurer)
    services.cancel_invoice(cancelled, by=treasurer, reason="Wrong")

    unpaid = Invoice.objects.unpaid()

    assert [(i.number, i.paid, i.balance) for i in unpaid] == [
        ("2026-002", Decimal("100"), Decimal("1400"))
    ]


def test_nations_in_arrears_counts_only_years_before_the_current_one(treasurer):
    greece, belgium, france = (NationFactory(code=c) for c in ("QGR", "QBE", "QFR"))
    for nation in (greece, belgium, france):
        issue_one(nation, year=2025, issued_on=datetime.date(2025, 1, 10))
        issue_one(nation, year=2026, issued_on=JAN)
    for invoice in Invoice.objects.filter(nation__in=[belgium, france], year=2025):
        services.record_payment(
            invoice, amount=invoice.amount, paid_on=datetime.date(2025, 3, 1), by=None
        )

    assert nations_in_arrears(on=datetime.date(2026, 6, 1)) == {greece.pk}


def test_nations_in_arrears_on_a_past_day_ignores_later_payments(treasurer):
    greece = NationFactory(code="QGR")
    invoice = issue_one(greece, year=2025, issued_on=datetime.date(2025, 1, 10))
    services.record_payment(
        invoice, amount=invoice.amount, paid_on=datetime.date(2026, 5, 1), by=None
    )

    assert nations_in_arrears(on=datetime.date(2026, 4, 1)) == {greece.pk}
    assert nations_in_arrears(on=datetime.date(2026, 5, 1)) == set()
    assert nations_in_arrears(on=datetime.date(2025, 12, 31)) == set()


def test_issue_invoices_reissues_a_cancelled_year_to_a_nation_with_other_years_issued(
    members, treasurer
):
    SubscriptionRateFactory(year=2027, membership=Nation.Membership.FULL, amount=Decimal("1600"))
    SubscriptionRateFactory(
        year=2027, membership=Nation.Membership.ASSOCIATE, amount=Decimal("600")
    )
    services.issue_invoices(2026, by=treasurer, issued_on=JAN)
    first = services.issue_invoices(2027, by=treasurer, issued_on=JAN)
    services.cancel_invoice(first[0], by=treasurer, reason="Wrong association")

    again = services.issue_invoices(2027, by=treasurer, issued_on=JAN)

    assert [(i.number, i.nation.code, i.amount) for i in again] == [
        ("2027-004", "QAA", Decimal("1600.00"))
    ]
