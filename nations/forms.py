"""Forms of the subscription back-office: issue the year's invoices, record a payment, cancel."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def date_input():
    # A date input takes its value as ISO 8601 in every language ("05/01/2026" shows blank).
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IssueInvoicesForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1948, max_value=2100)
    issued_on = forms.DateField(label=_("Issued on"), widget=date_input())
    due_on = forms.DateField(label=_("Due on"), widget=date_input())

    def clean(self):
        data = super().clean()
        if data.get("issued_on") and data.get("due_on") and data["due_on"] < data["issued_on"]:
            self.add_error("due_on", _("The due date cannot be before the issue date."))
        return data


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (EUR)"), max_digits=10, decimal_places=2, min_value=Decimal("0.01")
    )
    paid_on = forms.DateField(label=_("Paid on"), widget=date_input())
    reference = forms.CharField(
        label=_("Reference"),
        max_length=100,
        required=False,
        help_text=_("The bank transfer's reference, for example."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"paid_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class CancelInvoiceForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
