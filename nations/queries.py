"""Reads of the member nations reused across pages."""

import unicodedata
from typing import NamedTuple

from django.utils import timezone

from .engine import InvoiceFacts, arrears
from .models import Invoice, Nation


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
