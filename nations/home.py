"""What a nation's home page (accounts.home) shows of its subscriptions: the invoices with
their state and balance, the total still owed, and whether the nation is in arrears."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.home import Panel

from . import engine
from .models import Invoice
from .queries import nations_in_arrears

STATE_LABELS = {
    engine.PAID: _("Paid"),
    engine.PARTLY_PAID: _("Partly paid"),
    engine.OVERDUE: _("Overdue"),
    engine.OPEN: _("Open"),
    engine.CANCELLED: _("Cancelled"),
}


def invoices_with_state(invoices, *, today=None):
    """Set `state` and `state_label` on invoices annotated `with_balance()`; return them."""
    today = today or timezone.localdate()
    for invoice in invoices:
        invoice.state = engine.payment_state(
            amount=invoice.amount,
            paid=invoice.paid,
            due_on=invoice.due_on,
            today=today,
            cancelled=invoice.is_cancelled,
        )
        invoice.state_label = STATE_LABELS[invoice.state]
    return invoices


def panels(user, nations):
    invoices = invoices_with_state(
        list(Invoice.objects.filter(nation__in=nations).with_balance().order_by("-year"))
    )
    in_arrears = nations_in_arrears()
    found = []
    for nation in nations:
        own = [invoice for invoice in invoices if invoice.nation_id == nation.pk]
        owed = sum(
            (i.balance for i in own if i.state != engine.CANCELLED and i.balance > 0),
            Decimal("0"),
        )
        found.append(
            Panel(
                title=_("Subscriptions"),
                template="nations/includes/home_panel.html",
                context={
                    "nation": nation,
                    "invoices": own[:5],
                    "owed": owed,
                    "in_arrears": nation.pk in in_arrears,
                },
                order=20,
            )
        )
    return found
