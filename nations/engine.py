"""Subscription arithmetic without the database: which nations are in arrears."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class InvoiceFacts:
    """What the arrears rule needs to know of one invoice."""

    nation: str  # any key of the nation (its code, or its id as text)
    year: int
    amount: Decimal
    paid: Decimal = Decimal("0")
    cancelled: bool = False

    @property
    def balance(self) -> Decimal:
        return self.amount - self.paid


def arrears(invoices: list[InvoiceFacts], *, current_year: int) -> set[str]:
    """Return the nations owing something on a non-cancelled invoice of a year before current_year.

    The current year's subscription is not yet in arrears; an overpayment of one invoice does not
    settle another (each year's subscription is owed on its own).
    """
    return {
        facts.nation
        for facts in invoices
        if not facts.cancelled and facts.year < current_year and facts.balance > 0
    }


PAID, PARTLY_PAID, OVERDUE, OPEN, CANCELLED = "paid", "partly_paid", "overdue", "open", "cancelled"


def payment_state(*, amount: Decimal, paid: Decimal, due_on, today, cancelled: bool = False):
    """Return where an invoice stands: cancelled, paid, overdue (past due with a balance),
    partly paid or open."""
    if cancelled:
        return CANCELLED
    if paid >= amount:
        return PAID
    if today > due_on:
        return OVERDUE
    return PARTLY_PAID if paid > 0 else OPEN
