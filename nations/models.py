"""Member nations of the confederation and their national associations."""

import functools
from decimal import Decimal

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.models import SitePage

from . import engine
from .map import nations_map


@functools.cache
def flag_path(code):
    # A nation added in the admin may have no flag drawn yet: `static` would fail on it.
    path = f"img/flags/{code.lower()}.svg"
    return path if finders.find(path) else None


class NationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Nation.Status.ACTIVE)

    def full_members(self):
        return self.filter(membership=Nation.Membership.FULL)

    def associates(self):
        return self.filter(membership=Nation.Membership.ASSOCIATE)


class Nation(models.Model):
    """A member nation, represented in CIOR by its national reserve officers' association."""

    class Membership(models.TextChoices):
        FULL = "full", _("Full member")
        ASSOCIATE = "associate", _("Associate member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    code = models.CharField(
        _("ISO code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-3 code, e.g. BEL."),
    )
    name = models.CharField(_("name"), max_length=100)
    membership = models.CharField(
        _("membership"), max_length=10, choices=Membership.choices, default=Membership.FULL
    )
    joined_year = models.PositiveSmallIntegerField(_("joined in"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    objects = NationQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("nation")
        verbose_name_plural = _("nations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{3}$"), name="nation_code_iso_alpha3"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def flag_static_path(self):
        """Return the flag's path for the `static` tag ("img/flags/bel.svg"), None if none drawn."""
        return flag_path(self.code)


class NationsPage(SitePage, Page):
    """Lists the member nations, full members and associates, with a schematic map."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types = []

    class Meta:
        verbose_name = _("member nations page")

    def get_context(self, request, *args, **kwargs):
        from .queries import member_nations  # queries import this module

        context = super().get_context(request, *args, **kwargs)
        members = member_nations()
        context["full_members"] = members.full
        context["associates"] = members.associates
        context["nations_map"] = nations_map(members.full + members.associates)
        return context


class AssociationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the associations the user may see: all for finance and presidency, else own."""
        from .rules import sees_all_finances, visible_nation_ids

        if sees_all_finances(user):
            return self
        return self.filter(nation_id__in=visible_nation_ids(user))


class Association(models.Model):
    """A nation's reserve officers' association: the member of CIOR that pays the subscription."""

    nation = models.OneToOneField(
        Nation, verbose_name=_("nation"), on_delete=models.CASCADE, related_name="association"
    )
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        ordering = ["nation__code"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name


class SubscriptionRate(models.Model):
    """The annual subscription an association owes for a year, by its nation's membership class."""

    year = models.PositiveSmallIntegerField(_("year"))
    membership = models.CharField(_("membership"), max_length=10, choices=Nation.Membership.choices)
    amount = models.DecimalField(
        _("amount (EUR)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["-year", "membership"]
        verbose_name = _("subscription rate")
        verbose_name_plural = _("subscription rates")
        constraints = [
            models.UniqueConstraint(fields=["year", "membership"], name="rate_unique_year_class"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="rate_amount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.year} – {self.get_membership_display()}: {self.amount} EUR"


class InvoiceSequence(models.Model):
    """The last invoice number given in a year; its row is locked while a number is allocated."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice sequence")

    def __str__(self):
        return f"{self.year}: {self.last}"


class MoneyField(models.DecimalField):
    """The output of a sum of amounts: read back with two decimals on every database."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        # SQLite returns a sum of 1500.00 as 1500; PostgreSQL keeps the scale.
        return None if value is None else Decimal(value).quantize(Decimal("0.01"))


class InvoiceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the invoices the user may see: all for finance and presidency, else own."""
        from .rules import sees_all_finances, visible_nation_ids

        if sees_all_finances(user):
            return self
        return self.filter(nation_id__in=visible_nation_ids(user))

    def for_year(self, year):
        return self.filter(year=year)

    def issued(self):
        return self.filter(status=Invoice.Status.ISSUED)

    def with_balance(self, *, on=None):
        """Annotate `paid` (payments up to `on`, all by default) and `balance` (amount − paid)."""
        payments = Payment.objects.filter(invoice=models.OuterRef("pk"))
        if on is not None:
            payments = payments.filter(paid_on__lte=on)
        paid = payments.values("invoice").annotate(total=models.Sum("amount")).values("total")
        money = MoneyField()
        return self.annotate(
            paid=Coalesce(
                models.Subquery(paid, output_field=money), Decimal("0"), output_field=money
            )
        ).annotate(
            balance=models.ExpressionWrapper(
                models.F("amount") - models.F("paid"), output_field=money
            )
        )

    def unpaid(self):
        """Return the issued invoices with something left to pay."""
        return self.issued().with_balance().filter(balance__gt=0)


class PaymentState(models.TextChoices):
    """Where an invoice stands, as `engine.payment_state` decides it; computed, never stored."""

    PAID = engine.PAID, _("Paid")
    PARTLY_PAID = engine.PARTLY_PAID, _("Partly paid")
    OPEN = engine.OPEN, _("Unpaid")
    OVERDUE = engine.OVERDUE, _("Overdue")
    CANCELLED = engine.CANCELLED, _("Cancelled")


class Invoice(models.Model):
    """A nation's association's subscription invoice for a year, numbered within the year."""

    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued")
        CANCELLED = "cancelled", _("Cancelled")

    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), on_delete=models.PROTECT, related_name="invoices"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    issued_on = models.DateField(_("issued on"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ISSUED, editable=False
    )
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True, editable=False)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        permissions = [("record_payment", _("Can record a payment"))]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence"], name="invoice_unique_year_sequence"
            ),
            models.UniqueConstraint(
                fields=["nation", "year"],
                condition=~models.Q(status="cancelled"),
                name="invoice_one_open_per_nation_year",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="invoice_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("issued_on")),
                name="invoice_due_after_issue",
            ),
        ]

    def __str__(self):
        return self.number

    @staticmethod
    def format_number(year, sequence):
        """Return the human number of an invoice: "2026-007"."""
        return f"{year}-{sequence:03d}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def payment_state(self, *, today=None) -> str:
        """Return the PaymentState of this invoice, annotated `with_balance()`, on `today`."""
        return engine.payment_state(
            amount=self.amount,
            paid=self.paid,
            due_on=self.due_on,
            today=today or timezone.localdate(),
            cancelled=self.is_cancelled,
        )

    def get_payment_state_display(self, *, today=None) -> str:
        return PaymentState(self.payment_state(today=today)).label


class Payment(models.Model):
    """Money received against an invoice."""

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("invoice"), on_delete=models.PROTECT, related_name="payments"
    )
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="payment_amount_positive"
            ),
        ]

    def __str__(self):
        return f"{self.invoice.number}: {self.amount} EUR ({self.paid_on})"
