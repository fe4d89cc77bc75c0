"""Writes to associations, subscription rates, invoices and payments; each leaves an audit entry.

Every function runs in one transaction and locks the rows it counts (`select_for_update` on
PostgreSQL; SQLite's immediate transactions serialise writers).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import audit

from .models import Invoice, InvoiceSequence, Payment, SubscriptionRate
from .queries import invoices_to_issue

CENT = Decimal("0.01")
DUE_AFTER_DAYS = 60
INVOICE_FIELDS = ["number", "nation", "year", "amount", "issued_on", "due_on", "status"]
RATE_FIELDS = ["year", "membership", "amount"]


def issue_invoices(
    year: int, *, by, issued_on: datetime.date | None = None, due_on: datetime.date | None = None
) -> list[Invoice]:
    """Issue the year's invoice to every active nation with an association and none for the year.

    The amount is the year's rate for the nation's membership class; a class without a rate is
    refused before anything is written. Locks the year's number sequence first, so that two
    concurrent calls never duplicate a number or an invoice (the second finds nothing to issue).
    Writes a "cior.invoice" audit entry per invoice. Returns the invoices created.
    """
    issued_on, due_on = _issue_dates(issued_on, due_on)
    with transaction.atomic():
        sequence = _locked_sequence(year)
        planned = invoices_to_issue(year)
        return _create_invoices(planned, sequence, issued_on=issued_on, due_on=due_on, by=by)


@dataclass(frozen=True)
class IssueOutcome:
    created: list[Invoice]
    skipped: list[Invoice]  # the invoices issued to previewed nations since the preview


def issue_previewed_invoices(
    year: int,
    previewed: Mapping[int, Decimal],
    *,
    by,
    issued_on: datetime.date | None = None,
    due_on: datetime.date | None = None,
) -> IssueOutcome:
    """Issue the invoices a preview showed: {nation id: amount}, nothing more, in one transaction.

    A nation invoiced for the year since the preview is skipped (returned in `skipped`); a nation
    no longer to invoice, or whose amount changed since (a rate edited), refuses the whole batch,
    so that what is issued is exactly what the treasurer saw. Locks the year's number sequence
    and writes a "cior.invoice" audit entry per invoice.
    """
    issued_on, due_on = _issue_dates(issued_on, due_on)
    with transaction.atomic():
        sequence = _locked_sequence(year)
        skipped = list(
            Invoice.objects.issued()
            .filter(year=year, nation_id__in=list(previewed))
            .select_related("nation")
            .order_by("nation__code")
        )
        skipped_ids = {invoice.nation_id for invoice in skipped}
        current = {item.nation.pk: item for item in invoices_to_issue(year)}
        to_issue = []
        for nation_id, amount in previewed.items():
            if nation_id in skipped_ids:
                continue
            item = current.get(nation_id)
            if item is None or item.amount != Decimal(amount):
                raise ValidationError(
                    _("The invoices to issue changed since the preview: preview them again.")
                )
            to_issue.append(item)
        to_issue.sort(key=lambda item: item.nation.code)
        created = _create_invoices(to_issue, sequence, issued_on=issued_on, due_on=due_on, by=by)
    return IssueOutcome(created=created, skipped=skipped)


def _issue_dates(issued_on, due_on):
    issued_on = issued_on or timezone.localdate()
    due_on = due_on or issued_on + datetime.timedelta(days=DUE_AFTER_DAYS)
    if due_on < issued_on:
        raise ValidationError(_("The due date cannot be before the issue date."))
    return issued_on, due_on


def _create_invoices(planned, sequence, *, issued_on, due_on, by):
    """Create the planned invoices, numbered from the locked `sequence`, each audited."""
    created = []
    for item in planned:
        sequence.last += 1
        invoice = Invoice.objects.create(
            nation=item.nation,
            year=sequence.year,
            sequence=sequence.last,
            number=Invoice.format_number(sequence.year, sequence.last),
            amount=item.amount,
            issued_on=issued_on,
            due_on=due_on,
        )
        audit.record(
            invoice,
            action="cior.invoice",
            by=by,
            changes=audit.changes({}, invoice, INVOICE_FIELDS),
            reason=_("Issued"),
        )
        created.append(invoice)
    sequence.save(update_fields=["last"])
    return created


def _locked_sequence(year):
    """Return the year's number sequence, locked until the transaction ends (made if missing)."""
    # get_or_create retries the read when a concurrent transaction created the row first.
    sequence, _created = InvoiceSequence.objects.select_for_update().get_or_create(year=year)
    return sequence


def cancel_invoice(invoice: Invoice, *, by, reason: str) -> Invoice:
    """Cancel an invoice, giving the reason; its number stays used and a new one may be issued.

    Refuses an invoice already cancelled or with payments recorded, and an empty reason.
    Locks the invoice and writes a "cior.invoice" audit entry (status issued → cancelled).
    """
    if not reason.strip():
        raise ValidationError(_("Give the reason for the cancellation."))
    with transaction.atomic():
        stored = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if stored.is_cancelled:
            raise ValidationError(_("This invoice is already cancelled."))
        if stored.payments.exists():
            raise ValidationError(_("An invoice with payments cannot be cancelled."))
        before = audit.snapshot(stored, ["status"])
        stored.status = Invoice.Status.CANCELLED
        stored.cancel_reason = reason.strip()
        stored.save(update_fields=["status", "cancel_reason"])
        audit.record(
            stored,
            action="cior.invoice",
            by=by,
            changes=audit.changes(before, stored, ["status"]),
            reason=stored.cancel_reason,
        )
    return stored


def reschedule_invoice(invoice: Invoice, *, due_on: datetime.date, by) -> Invoice:
    """Set an invoice's due date; locks it and writes a "cior.invoice" entry (old and new date)."""
    with transaction.atomic():
        stored = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if due_on < stored.issued_on:
            raise ValidationError(_("The due date cannot be before the issue date."))
        before = audit.snapshot(stored, ["due_on"])
        stored.due_on = due_on
        stored.save(update_fields=["due_on"])
        changed = audit.changes(before, stored, ["due_on"])
        if changed:
            audit.record(stored, action="cior.invoice", by=by, changes=changed)
    return stored


def record_payment(
    invoice: Invoice, *, amount: Decimal, paid_on: datetime.date, reference: str = "", by
) -> Payment:
    """Record money received against an invoice.

    Refuses an amount of zero or less, a cancelled invoice, and an amount beyond the balance
    still owed (an overpayment is refused rather than kept as a credit: the treasurer records
    what settles the invoice and returns or carries over the rest by hand). Locks the invoice,
    so that two concurrent payments cannot both pass the balance check, and writes a
    "cior.payment" audit entry on the invoice: paid and balance, old and new.
    """
    amount = Decimal(amount).quantize(CENT)
    if amount <= 0:
        raise ValidationError(_("A payment must be more than zero."))
    with transaction.atomic():
        stored = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if stored.is_cancelled:
            raise ValidationError(_("No payment can be recorded on a cancelled invoice."))
        paid = (stored.payments.aggregate(total=Sum("amount"))["total"] or Decimal(0)).quantize(
            CENT
        )
        balance = stored.amount - paid
        if amount > balance:
            raise ValidationError(
                _("This payment (%(amount)s EUR) is more than the balance owed (%(balance)s EUR).")
                % {"amount": amount, "balance": balance}
            )
        payment = Payment.objects.create(
            invoice=stored,
            amount=amount,
            paid_on=paid_on,
            reference=reference,
            recorded_by=by if getattr(by, "is_authenticated", False) else None,
        )
        audit.record(
            stored,
            action="cior.payment",
            by=by,
            changes={
                "paid": [paid, paid + amount],
                "balance": [balance, balance - amount],
            },
            reason=" ".join(part for part in (str(paid_on), reference) if part),
        )
    return payment


def save_rate(rate: SubscriptionRate, *, by) -> SubscriptionRate:
    """Create or update a subscription rate; writes a "cior.subscription" entry (old and new)."""
    with transaction.atomic():
        stored = None
        if rate.pk:
            stored = SubscriptionRate.objects.select_for_update().get(pk=rate.pk)
        before = audit.snapshot(stored, RATE_FIELDS) if stored else {}
        rate.full_clean()
        rate.save()
        rate.refresh_from_db()  # Compare stored values: 1600 and 1600.00 are one amount.
        changed = audit.changes(before, rate, RATE_FIELDS)
        if changed:
            audit.record(rate, action="cior.subscription", by=by, changes=changed)
    return rate
