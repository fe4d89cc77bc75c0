"""Amounts of money as the reader's language writes them."""

from decimal import Decimal

from django.utils import formats


def eur(amount: Decimal | None) -> str:
    """Return an amount in euros in the active language: "1,500.00 EUR", "1 500,00 EUR"."""
    if amount is None:
        return "–"
    number = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{number}\u00a0EUR"
