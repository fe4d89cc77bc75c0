"""What a nation's home page (accounts.home) shows of its subscriptions: the invoices with
their state and balance, the total still owed, and whether the nation is in arrears."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.home import Panel

from . import engine
from .models import Invoice, PaymentState
from .queries import nations_in_arrears


def invoices_with_state(invoices, *, today=None):
    """Set `state` and `state_label` on invoices annotated `with_balance()`; return them."""
    today = today or timezone.localdate()
    for invoice in invoices:
        invoice.state = invoice.payment_state(today=today)
        invoice.state_label = PaymentState(invoice.state).label
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
