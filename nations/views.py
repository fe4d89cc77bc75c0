"""Admin views of the subscriptions: issue the year's invoices, record a payment, cancel, PDF.

Each view checks `user.has_perm(...)` on the invoice; an invoice the user may not see answers 404.
"""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import documents, services
from .forms import CancelInvoiceForm, IssueInvoicesForm, PaymentForm
from .models import Invoice
from .queries import invoices_to_issue

URL_PREFIX = "wagtailsnippets_nations_invoice"


def url(name, *args):
    return reverse(f"{URL_PREFIX}:{name}", args=args)


def visible_invoice(request, pk, permission="nations.view_invoice"):
    """Return the invoice if the user may see it (404 otherwise) and has `permission` on it."""
    invoice = get_object_or_404(
        Invoice.objects.visible_to(request.user).select_related("nation"), pk=pk
    )
    if not request.user.has_perm("nations.view_invoice", invoice) or not request.user.has_perm(
        permission, invoice
    ):
        raise PermissionDenied
    return invoice


def invoice_pdf(request, pk):
    """Send the invoice as a PDF file named after its number."""
    invoice = visible_invoice(request, pk)
    response = HttpResponse(documents.invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="CIOR-invoice-{invoice.number}.pdf"'
    return response


class AdminFormView(WagtailAdminTemplateMixin, FormView):
    header_icon = "doc-full"
    template_name = "nations/invoice_action_form.html"
    submit_label = gettext_lazy("Save")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_label"] = self.submit_label
        context["cancel_url"] = url("list")
        return context

    def form_valid(self, form):
        try:
            return self.perform(form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)


class IssueInvoicesView(AdminFormView):
    """Issue the invoices of a year in two steps: a preview of the nations and amounts, then
    the confirmation, which issues exactly what was previewed (a signed plan carries it)."""

    form_class = IssueInvoicesForm
    page_title = gettext_lazy("Issue the year's invoices")
    submit_label = gettext_lazy("Preview the invoices")
    preview_template_name = "nations/invoice_issue_preview.html"
    plan_salt = "nations.issue-invoices"
    plan_max_age = 3600  # seconds: a preview left open longer is made again

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("nations.add_invoice"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        """Today, this year and the usual term; or the values of a preview being changed."""
        today = timezone.localdate()
        initial = {
            "year": today.year,
            "issued_on": today,
            "due_on": today + datetime.timedelta(days=services.DUE_AFTER_DAYS),
        }
        initial.update({key: self.request.GET[key] for key in initial if key in self.request.GET})
        return initial

    def post(self, request, *args, **kwargs):
        if "plan" in request.POST:
            return self.confirm(request.POST["plan"])
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        """Show the preview: the nations to invoice, their associations, amounts and total."""
        year = form.cleaned_data["year"]
        planned = invoices_to_issue(year)
        plan = {
            "year": year,
            "issued_on": form.cleaned_data["issued_on"].isoformat(),
            "due_on": form.cleaned_data["due_on"].isoformat(),
            "invoices": [[item.nation.pk, str(item.amount)] for item in planned],
        }
        context = self.get_context_data(
            form=form,
            planned=planned,
            total=sum((item.amount for item in planned), Decimal("0")),
            plan=signing.dumps(plan, salt=self.plan_salt),
            year=year,
            issued_on=form.cleaned_data["issued_on"],
            due_on=form.cleaned_data["due_on"],
        )
        return self.response_class(
            request=self.request, template=[self.preview_template_name], context=context
        )

    def confirm(self, signed_plan):
        """Issue what the preview showed; say which nations were invoiced meanwhile."""
        try:
            plan = signing.loads(signed_plan, salt=self.plan_salt, max_age=self.plan_max_age)
        except signing.BadSignature:
            return self.refused(_("This preview is too old or was altered: preview again."))
        year = plan["year"]
        try:
            outcome = services.issue_previewed_invoices(
                year,
                {nation_id: Decimal(amount) for nation_id, amount in plan["invoices"]},
                by=self.request.user,
                issued_on=datetime.date.fromisoformat(plan["issued_on"]),
                due_on=datetime.date.fromisoformat(plan["due_on"]),
            )
        except ValidationError as error:
            return self.refused(*error.messages)
        created, skipped = outcome.created, outcome.skipped
        if created:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s invoice issued for %(year)s: %(first)s.",
                    "%(count)s invoices issued for %(year)s: %(first)s to %(last)s.",
                    len(created),
                )
                % {
                    "count": len(created),
                    "year": year,
                    "first": created[0].number,
                    "last": created[-1].number,
                },
            )
        if skipped:
            messages.warning(
                self.request,
                _("Already issued since the preview, skipped: %(invoices)s.")
                % {
                    "invoices": ", ".join(
                        f"{invoice.nation.name} ({invoice.number})" for invoice in skipped
                    )
                },
            )
        if not created and not skipped:
            messages.info(
                self.request, _("Every association already has its invoice for that year.")
            )
        return redirect(url("list") + f"?year={year}")

    def refused(self, *errors):
        """Back to the form, saying why nothing was issued."""
        for error in errors:
            messages.error(self.request, error)
        return redirect(url("issue"))


class InvoiceFormView(AdminFormView):
    """A form about one invoice the user holds `permission` on."""

    permission = None

    def dispatch(self, request, *args, **kwargs):
        self.invoice = visible_invoice(request, kwargs["pk"], self.permission)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.invoice)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invoice"] = Invoice.objects.with_balance().get(pk=self.invoice.pk)
        context["cancel_url"] = url("inspect", self.invoice.pk)
        return context


class RecordPaymentView(InvoiceFormView):
    form_class = PaymentForm
    permission = "nations.record_payment"
    page_title = gettext_lazy("Record a payment")
    submit_label = gettext_lazy("Record the payment")

    def perform(self, form):
        payment = services.record_payment(self.invoice, by=self.request.user, **form.cleaned_data)
        messages.success(
            self.request,
            _("Payment of %(amount)s EUR recorded on invoice %(number)s.")
            % {"amount": payment.amount, "number": self.invoice.number},
        )
        return redirect(url("inspect", self.invoice.pk))


class CancelInvoiceView(InvoiceFormView):
    form_class = CancelInvoiceForm
    permission = "nations.change_invoice"
    page_title = gettext_lazy("Cancel the invoice")
    submit_label = gettext_lazy("Cancel the invoice")

    def perform(self, form):
        services.cancel_invoice(
            self.invoice, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            self.request, _("Invoice %(number)s cancelled.") % {"number": self.invoice.number}
        )
        return redirect(url("inspect", self.invoice.pk))
