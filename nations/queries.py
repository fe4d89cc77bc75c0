"""Reads of the member nations reused across pages."""

import unicodedata
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .engine import InvoiceFacts, arrears, payment_state, totals_by_state
from .models import Invoice, Nation, SubscriptionRate


class Members(NamedTuple):
    full: list
    associates: list


def name_sort_key(name: str) -> str:
    """Return a key that sorts names alphabetically in any language ("États-Unis" under E)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def member_nations() -> Members:
    """Return the active full members and associates, each sorted by name in the active language."""
    nations = sorted(Nation.objects.active(), key=lambda nation: name_sort_key(nation.name))
    return Members(
        full=[n for n in nations if n.membership == Nation.Membership.FULL],
        associates=[n for n in nations if n.membership == Nation.Membership.ASSOCIATE],
    )


def nations_in_arrears(on=None) -> set[int]:
    """Return the ids of the nations in arrears on `on` (today by default).

    A nation is in arrears when an invoice of a year before `on`'s year, issued by then, was not
    fully paid by then. One query, whatever the number of invoices.
    """
    on = on or timezone.localdate()
    rows = (
        Invoice.objects.filter(year__lt=on.year, issued_on__lte=on)
        .with_balance(on=on)
        .values_list("nation_id", "year", "amount", "paid", "status")
    )
    facts = [
        InvoiceFacts(
            nation=str(nation_id),
            year=year,
            amount=amount,
            paid=paid,
            cancelled=status == Invoice.Status.CANCELLED,
        )
        for nation_id, year, amount, paid, status in rows
    ]
    return {int(nation) for nation in arrears(facts, current_year=on.year)}


def _invoice_states(invoices, today):
    """Yield (id, payment state, amount, paid) for a queryset of invoices, in one query."""
    if "paid" not in invoices.query.annotations:
        invoices = invoices.with_balance()
    rows = invoices.values_list("pk", "amount", "paid", "due_on", "status")
    for pk, amount, paid, due_on, status in rows:
        state = payment_state(
            amount=amount,
            paid=paid,
            due_on=due_on,
            today=today,
            cancelled=status == Invoice.Status.CANCELLED,
        )
        yield pk, state, amount, paid


def invoice_ids_in_state(invoices, state, *, today=None) -> list[int]:
    """Return the ids of the invoices of a queryset in a payment state, in one query."""
    today = today or timezone.localdate()
    return [pk for pk, found, _amount, _paid in _invoice_states(invoices, today) if found == state]


def invoice_totals(invoices, *, today=None):
    """Return the totals of a queryset of invoices per payment state and overall, in one query
    (see engine.totals_by_state)."""
    today = today or timezone.localdate()
    return totals_by_state(
        (state, amount, paid) for _pk, state, amount, paid in _invoice_states(invoices, today)
    )


class PlannedInvoice(NamedTuple):
    nation: Nation  # with its association
    amount: Decimal


def invoices_to_issue(year: int) -> list[PlannedInvoice]:
    """Return the invoices the year still needs, by nation code: one per active nation with an
    association and no issued invoice for the year, at the year's rate of its membership class.

    Raises ValidationError naming the classes without a rate for the year. Two queries.
    """
    rates = dict(SubscriptionRate.objects.filter(year=year).values_list("membership", "amount"))
    nations = list(
        Nation.objects.active()
        .filter(association__isnull=False)
        # One subquery: exclude(invoices__year=…, invoices__status=…) would also leave out a
        # nation whose invoice of the year was cancelled while one of another year is issued.
        .exclude(pk__in=Invoice.objects.issued().filter(year=year).values("nation_id"))
        .select_related("association")
        .order_by("code")
    )
    missing = sorted(
        {str(n.get_membership_display()) for n in nations if n.membership not in rates}
    )
    if missing:
        raise ValidationError(
            _("No subscription rate for %(year)s: %(classes)s.")
            % {"year": year, "classes": ", ".join(missing)}
        )
    return [PlannedInvoice(nation, rates[nation.membership]) for nation in nations]
