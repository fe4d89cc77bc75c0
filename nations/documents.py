"""The subscription invoice as a PDF: English and French side by side, on CIOR's letterhead."""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone, translation

from core.documents import render_pdf

from . import engine
from .models import Invoice, PaymentState

# Printed when the setting is missing: clearly not an account anyone should pay into.
DEMO_BANK_DETAILS = (
    "DEMO – not a real account / DÉMO – compte fictif\n"
    "CIOR asbl, Brussels\n"
    "IBAN BE00 0000 0000 0000 · BIC DEMOBEBB"
)

# The invoice is one bilingual document: each label is printed in both languages at once,
# whatever language the reader's interface uses, so the pairs are fixed text, not gettext.
LABELS = {
    "title": ("Invoice", "Facture"),
    "cancelled": ("Cancelled", "Annulée"),
    "number": ("Invoice number", "Numéro de facture"),
    "issued_on": ("Issued on", "Date d'émission"),
    "due_on": ("Due on", "Échéance"),
    "year": ("Subscription year", "Année de cotisation"),
    "nation": ("Nation", "Nation"),
    "billed_to": ("Billed to", "Destinataire"),
    "description": ("Description", "Désignation"),
    "subscription": ("Annual subscription", "Cotisation annuelle"),
    "amount": ("Amount", "Montant"),
    "payments": ("Payments received", "Paiements reçus"),
    "date": ("Date", "Date"),
    "reference": ("Reference", "Référence"),
    "paid": ("Paid", "Payé"),
    "balance": ("Balance due", "Solde dû"),
    "state": ("Payment state", "État du paiement"),
    "bank": ("Bank details", "Coordonnées bancaires"),
    "quote": (
        "Please quote the invoice number with your payment.",
        "Merci de rappeler le numéro de facture lors du paiement.",
    ),
}


def money(amount: Decimal) -> str:
    """Return an amount as "1 500.00 EUR": digit groups by a space read the same in EN and FR."""
    return f"{amount:,.2f}".replace(",", "\u00a0") + "\u00a0EUR"


def invoice_context(invoice: Invoice) -> dict:
    """Return what the invoice template shows, the invoice's payments and balance included."""
    payments = list(invoice.payments.order_by("paid_on", "pk"))
    paid = sum((p.amount for p in payments), Decimal("0"))
    nation = invoice.nation
    association = getattr(nation, "association", None)
    state = PaymentState(
        engine.payment_state(
            amount=invoice.amount,
            paid=paid,
            due_on=invoice.due_on,
            today=timezone.localdate(),
            cancelled=invoice.is_cancelled,
        )
    )
    membership, state_label = {}, {}
    for language in ("en", "fr"):
        with translation.override(language):
            membership[language] = str(nation.get_membership_display())
            state_label[language] = str(state.label)
    return {
        "invoice": invoice,
        "labels": LABELS,
        "nation": nation,
        "association": association,
        "membership": membership,
        "state": state_label,
        "payments": [{"payment": p, "amount": money(p.amount)} for p in payments],
        "amount": money(invoice.amount),
        "paid": money(paid),
        "balance": money(invoice.amount - paid),
        "bank_details": getattr(settings, "CIOR_BANK_DETAILS", "") or DEMO_BANK_DETAILS,
        "emblem_url": Path(finders.find("img/cior-emblem.png")).as_uri(),
    }


def invoice_pdf(invoice: Invoice) -> bytes:
    """Render the invoice to PDF bytes with WeasyPrint."""
    return render_pdf(
        "nations/invoice_pdf.html", invoice_context(invoice), stylesheet="css/invoice-print.css"
    )
