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


# The order in which the treasurer reads the states: settled first, then what is still owed.
STATES = (PAID, PARTLY_PAID, OPEN, OVERDUE, CANCELLED)


@dataclass(frozen=True)
class StateTotal:
    """The invoices of one state: how many, and their amounts invoiced, paid and outstanding."""

    state: str
    count: int = 0
    invoiced: Decimal = Decimal("0")
    paid: Decimal = Decimal("0")

    @property
    def outstanding(self) -> Decimal:
        return self.invoiced - self.paid


def totals_by_state(invoices) -> tuple[list[StateTotal], StateTotal]:
    """Return the totals of each state (in STATES order) and the overall total of invoices given
    as (state, amount, paid) triples.

    The overall total leaves cancelled invoices out: nothing is owed on them.
    """
    sums = {state: [0, Decimal("0"), Decimal("0")] for state in STATES}
    for state, amount, paid in invoices:
        row = sums[state]
        row[0] += 1
        row[1] += amount
        row[2] += paid
    per_state = [StateTotal(state, *sums[state]) for state in STATES]
    owed = [total for total in per_state if total.state != CANCELLED]
    overall = StateTotal(
        "all",
        sum(total.count for total in owed),
        sum((total.invoiced for total in owed), Decimal("0")),
        sum((total.paid for total in owed), Decimal("0")),
    )
    return per_state, overall
