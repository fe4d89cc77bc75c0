from decimal import Decimal

from nations.engine import InvoiceFacts, arrears, totals_by_state


def facts(nation="GRC", year=2025, amount="1500", paid="0", cancelled=False):
    return InvoiceFacts(
        nation=nation, year=year, amount=Decimal(amount), paid=Decimal(paid), cancelled=cancelled
    )


def test_arrears_leaves_out_a_past_year_paid_in_full():
    assert arrears([facts(paid="1500")], current_year=2026) == set()


def test_arrears_counts_a_past_year_partly_paid():
    assert arrears([facts(paid="1499.99")], current_year=2026) == {"GRC"}


def test_arrears_counts_a_past_year_unpaid():
    assert arrears([facts()], current_year=2026) == {"GRC"}


def test_arrears_leaves_out_the_current_year_unpaid():
    assert arrears([facts(year=2026)], current_year=2026) == set()


def test_arrears_leaves_out_a_future_year_unpaid():
    assert arrears([facts(year=2027)], current_year=2026) == set()


def test_arrears_leaves_out_an_overpaid_invoice():
    assert arrears([facts(paid="1600")], current_year=2026) == set()


def test_arrears_does_not_let_one_year_overpaid_settle_another():
    invoices = [facts(year=2024, paid="3000"), facts(year=2025)]

    assert arrears(invoices, current_year=2026) == {"GRC"}


def test_arrears_leaves_out_a_cancelled_invoice():
    assert arrears([facts(cancelled=True)], current_year=2026) == set()


def test_arrears_counts_the_reissued_invoice_after_a_cancelled_one():
    invoices = [facts(cancelled=True), facts(amount="500")]

    assert arrears(invoices, current_year=2026) == {"GRC"}


def test_arrears_leaves_out_a_zero_amount_invoice():
    assert arrears([facts(amount="0")], current_year=2026) == set()


def test_arrears_lists_each_nation_once_and_only_the_debtors():
    invoices = [
        facts("GRC", 2024),
        facts("GRC", 2025),
        facts("BEL", 2025, paid="1500"),
        facts("AUT", 2025, amount="500", paid="250"),
        facts("FRA", 2026),
    ]

    assert arrears(invoices, current_year=2026) == {"GRC", "AUT"}


def test_arrears_of_no_invoices_is_empty():
    assert arrears([], current_year=2026) == set()


def test_totals_by_state_sums_each_state_and_leaves_cancelled_out_of_the_total():
    rows = [
        ("paid", Decimal("1500.00"), Decimal("1500.00")),
        ("partly_paid", Decimal("1500.00"), Decimal("400.00")),
        ("overdue", Decimal("1500.00"), Decimal("0")),
        ("overdue", Decimal("500.00"), Decimal("0")),
        ("cancelled", Decimal("1500.00"), Decimal("0")),
    ]

    per_state, overall = totals_by_state(rows)

    assert [(t.state, t.count, t.invoiced, t.paid, t.outstanding) for t in per_state] == [
        ("paid", 1, Decimal("1500.00"), Decimal("1500.00"), Decimal("0.00")),
        ("partly_paid", 1, Decimal("1500.00"), Decimal("400.00"), Decimal("1100.00")),
        ("open", 0, Decimal("0"), Decimal("0"), Decimal("0")),
        ("overdue", 2, Decimal("2000.00"), Decimal("0"), Decimal("2000.00")),
        ("cancelled", 1, Decimal("1500.00"), Decimal("0"), Decimal("1500.00")),
    ]
    assert (overall.count, overall.invoiced, overall.paid, overall.outstanding) == (
        4,
        Decimal("5000.00"),
        Decimal("1900.00"),
        Decimal("3100.00"),
    )


def test_totals_by_state_of_nothing_is_zero():
    per_state, overall = totals_by_state([])

    assert [t.count for t in per_state] == [0, 0, 0, 0, 0]
    assert (overall.count, overall.outstanding) == (0, Decimal("0"))
