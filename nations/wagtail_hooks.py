"""Back-office for the member nations and their subscriptions.

Nations: English and French names side by side, and (for finance) whether each is in arrears.
Subscriptions: invoices, rates and associations, every route asking the rules (nations/rules.py).
"""

import django_filters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Case, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.viewsets import ScopedSnippetViewSet

from . import services
from .models import Association, Invoice, Nation, Payment, PaymentState, SubscriptionRate
from .money import eur
from .queries import invoice_ids_in_state, invoice_totals, nations_in_arrears
from .views import CancelInvoiceView, IssueInvoicesView, RecordPaymentView, invoice_pdf, url


class NationFilterSet(WagtailFilterSet):
    in_arrears = django_filters.BooleanFilter(label=_("In arrears"), method="filter_in_arrears")

    class Meta:
        model = Nation
        fields = ["membership", "status"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not request.user.has_perm("nations.view_arrears"):
            del self.filters["in_arrears"]

    def filter_in_arrears(self, queryset, name, value):
        return _in_arrears(queryset, name, value)


class NationIndexView(snippet_views.IndexView):
    """The nations, with an "In arrears" column for those who may see it."""

    @cached_property
    def shows_arrears(self):
        return self.request.user.has_perm("nations.view_arrears")

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.shows_arrears:
            queryset = queryset.annotate(
                in_arrears=Case(
                    When(pk__in=nations_in_arrears(), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        return queryset

    @cached_property
    def columns(self):
        columns = super().columns
        if self.shows_arrears:
            columns.insert(-1, BooleanColumn("in_arrears", label=_("In arrears")))
        return columns


class NationViewSet(ScopedSnippetViewSet):
    model = Nation
    icon = "globe"
    menu_label = _("Nations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "code", "membership", "joined_year", "status"]
    index_view_class = NationIndexView
    filterset_class = NationFilterSet
    list_export = ["code", "name_en", "name_fr", "membership", "joined_year", "status"]
    ordering = ["code"]
    # Plain database search over both languages: partial words match ("Slov" finds both).
    search_fields = ["code", "name_en", "name_fr"]
    search_backend_name = None
    copy_view_enabled = False
    public_records = True  # the member-nations page lists them all

    panels = [
        FieldPanel("code"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")])],
            heading=_("Name"),
        ),
        FieldRowPanel([FieldPanel("membership"), FieldPanel("status"), FieldPanel("joined_year")]),
    ]


register_snippet(NationViewSet)


class RulesPermissionPolicy(BasePermissionPolicy):
    """Ask `user.has_perm("app.action_model", obj)` for every decision (nations/rules.py).

    Listings hold what `Model.objects.visible_to(user)` returns; `disabled_actions` are refused to
    everyone, superusers included (an invoice is cancelled, never deleted).
    """

    def __init__(self, model, *, disabled_actions=()):
        super().__init__(model)
        self.disabled_actions = set(disabled_actions)

    def _perm(self, action):
        return f"{self.model._meta.app_label}.{action}_{self.model._meta.model_name}"

    def user_has_permission(self, user, action):
        return action not in self.disabled_actions and user.has_perm(self._perm(action))

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in self.disabled_actions and user.has_perm(self._perm(action), instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        objects = self.model._default_manager.all()
        return objects.visible_to(user) if hasattr(objects, "visible_to") else objects

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class ScopedObjectMixin:
    """Answer 404 for an object the user may not see, 403 for an action not allowed on it."""

    object_action = "view"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy, user = self.permission_policy, self.request.user
        if not policy.user_has_permission_for_instance(user, "view", obj):
            raise Http404
        if self.object_action != "view" and not policy.user_has_permission_for_instance(
            user, self.object_action, obj
        ):
            raise PermissionDenied
        return obj


class ScopedEditView(ScopedObjectMixin, snippet_views.EditView):
    object_action = "change"


class ScopedDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    object_action = "delete"


class ScopedInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedViewSet(ScopedSnippetViewSet):
    """A snippet viewset whose every route asks the rules, object by object."""

    disabled_actions = ()
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(self.model, disabled_actions=self.disabled_actions)

    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user)


class AuditedRateCreateView(snippet_views.CreateView):
    def save_instance(self):
        return services.save_rate(self.form.instance, by=self.request.user)


class AuditedRateEditView(ScopedEditView):
    def save_instance(self):
        return services.save_rate(self.form.instance, by=self.request.user)


class SubscriptionRateViewSet(ScopedViewSet):
    model = SubscriptionRate
    icon = "form"
    menu_label = _("Rates")
    add_view_class = AuditedRateCreateView
    edit_view_class = AuditedRateEditView
    list_display = ["__str__", "year", "membership", "amount"]
    list_filter = ["year", "membership"]
    ordering = ["-year", "membership"]
    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("membership"), FieldPanel("amount")])]

    def get_queryset(self, request):
        return SubscriptionRate.objects.all()


class AssociationViewSet(ScopedViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name", "nation", "contact_name", "contact_email", "website"]
    list_filter = ["nation__membership"]
    list_export = [
        "nation",
        "name_en",
        "name_fr",
        "website",
        "contact_name",
        "contact_email",
        "phone",
    ]
    search_fields = ["name_en", "name_fr", "nation__code"]
    search_backend_name = None
    inspect_view_enabled = True
    panels = [
        # Only the presidency moves an association to another nation; a head of delegation
        # edits their own association's details.
        FieldPanel("nation", permission="nations.add_association"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")])], heading=_("Name")
        ),
        FieldPanel("website"),
        FieldRowPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("phone")]
        ),
    ]

    def get_queryset(self, request):
        return Association.objects.visible_to(request.user).select_related("nation")


def _in_arrears(queryset, name, value):
    ids = nations_in_arrears()
    field = "pk" if queryset.model is Nation else "nation_id"
    if value is None:
        return queryset
    return (
        queryset.filter(**{f"{field}__in": ids})
        if value
        else queryset.exclude(**{f"{field}__in": ids})
    )


class InvoiceFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    payment_state = django_filters.ChoiceFilter(
        label=_("Payment state"), choices=PaymentState.choices, method="filter_payment_state"
    )
    in_arrears = django_filters.BooleanFilter(label=_("Nation in arrears"), method=_in_arrears)

    class Meta:
        model = Invoice
        fields = ["year", "status", "nation"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["nation"].queryset = Nation.objects.filter(
                pk__in=Invoice.objects.visible_to(request.user).values("nation_id")
            )
            if not request.user.has_perm("nations.view_arrears"):
                del self.filters["in_arrears"]

    def filter_payment_state(self, queryset, name, value):
        # The state depends on today and the payments: the engine decides, not a SQL copy of it.
        return queryset.filter(pk__in=invoice_ids_in_state(queryset, value)) if value else queryset


class InvoiceIndexView(snippet_views.IndexView):
    """The invoices with their payment state, and the totals of each state over the listing."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        per_state, overall = invoice_totals(self.get_queryset())
        context["state_totals"] = [
            {"label": PaymentState(total.state).label, "total": total}
            for total in per_state
            if total.count or total.state != PaymentState.CANCELLED
        ]
        context["overall_total"] = overall
        return context

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("nations.add_invoice"):
            buttons.append(
                HeaderButton(_("Issue the year's invoices"), url=url("issue"), icon_name="plus")
            )
        return buttons

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + invoice_action_menu(
            self.request.user, instance
        )


def invoice_action_menu(user, invoice):
    items = [
        MenuItem(_("Download PDF"), url=url("pdf", invoice.pk), icon_name="download", priority=30)
    ]
    if not invoice.is_cancelled and user.has_perm("nations.record_payment", invoice):
        items.append(
            MenuItem(
                _("Record a payment"), url=url("payment", invoice.pk), icon_name="plus", priority=31
            )
        )
    if not invoice.is_cancelled and user.has_perm("nations.change_invoice", invoice):
        items.append(
            MenuItem(
                _("Cancel the invoice"), url=url("cancel", invoice.pk), icon_name="bin", priority=32
            )
        )
    return items


class InvoiceInspectView(ScopedInspectView):
    template_name = "nations/invoice_inspect.html"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        return Invoice.objects.with_balance().select_related("nation").get(pk=obj.pk)

    def get_field_label(self, field_name, field):
        if field_name in INVOICE_LABELS:
            return INVOICE_LABELS[field_name]
        return super().get_field_label(field_name, field)

    def get_payment_state_display_value(self):
        return self.object.get_payment_state_display()

    def get_amount_display_value(self):
        return eur(self.object.amount)

    def get_paid_display_value(self):
        return eur(self.object.paid)

    def get_balance_display_value(self):
        return eur(self.object.balance)

    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button(item.label, url=item.url, icon_name=item.icon_name, priority=item.priority)
            for item in invoice_action_menu(self.request.user, self.object)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payments"] = self.object.payments.select_related("recorded_by")
        return context


class InvoiceEditView(ScopedEditView):
    """Only the due date is edited here; numbers and amounts come from issuing."""

    def save_instance(self):
        return services.reschedule_invoice(
            self.object, due_on=self.form.cleaned_data["due_on"], by=self.request.user
        )


INVOICE_LABELS = {
    "amount": _("Amount"),
    "paid": pgettext_lazy("amount", "Paid"),
    "balance": _("Balance"),
    "payment_state": _("Payment state"),
}


class InvoiceViewSet(ScopedViewSet):
    model = Invoice
    icon = "doc-full"
    menu_label = _("Invoices")
    disabled_actions = ("add", "delete")  # Invoices are issued (a year at a time) and cancelled.
    index_view_class = InvoiceIndexView
    edit_view_class = InvoiceEditView
    inspect_view_class = InvoiceInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "number",
        "nation",
        "year",
        "payment_state",
        "amount",
        "paid",
        "balance",
        "issued_on",
        "due_on",
        "status",
        "cancel_reason",
    ]
    filterset_class = InvoiceFilterSet
    list_display = [
        "number",
        "nation",
        "year",
        Column(
            "amount",
            label=INVOICE_LABELS["amount"],
            accessor=lambda invoice: eur(invoice.amount),
            sort_key="amount",
        ),
        Column("paid", label=INVOICE_LABELS["paid"], accessor=lambda invoice: eur(invoice.paid)),
        Column(
            "balance",
            label=INVOICE_LABELS["balance"],
            accessor=lambda invoice: eur(invoice.balance),
        ),
        Column(
            "payment_state",
            label=INVOICE_LABELS["payment_state"],
            accessor=lambda invoice: invoice.get_payment_state_display(),
        ),
    ]
    index_results_template_name = "nations/invoice_index_results.html"
    list_export = [
        "number",
        "nation",
        "year",
        "amount",
        "paid",
        "balance",
        "issued_on",
        "due_on",
        "status",
        "get_payment_state_display",
    ]
    export_headings = {
        "paid": _("Paid (EUR)"),
        "balance": _("Balance (EUR)"),
        "get_payment_state_display": _("Payment state"),
    }
    ordering = ["-year", "-sequence"]
    search_fields = ["number", "nation__code", "nation__name_en", "nation__name_fr"]
    search_backend_name = None
    panels = [FieldPanel("due_on")]

    def get_queryset(self, request):
        return Invoice.objects.visible_to(request.user).select_related("nation").with_balance()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("issue/", IssueInvoicesView.as_view(), name="issue"),
            path("pdf/<int:pk>/", invoice_pdf, name="pdf"),
            path("payment/<int:pk>/", RecordPaymentView.as_view(), name="payment"),
            path("cancel/<int:pk>/", CancelInvoiceView.as_view(), name="cancel"),
        ]


class SubscriptionsGroup(SnippetViewSetGroup):
    items = (InvoiceViewSet, SubscriptionRateViewSet, AssociationViewSet)
    menu_icon = "doc-full"
    menu_label = _("Subscriptions")
    menu_order = 215


register_snippet(SubscriptionsGroup)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_invoices(request, action_type, objects, action_class_instance):
    """Invoices are cancelled one by one through the service, never deleted (not even in bulk)."""
    if getattr(action_class_instance, "model", None) in (Invoice, Payment):
        messages.error(request, _("Invoices are cancelled, never deleted."))
        return redirect(url("list"))
    return None


class SubscriptionsPanel(Component):
    """The admin home's box of the nations in arrears and, for those who issue invoices, the
    invoices by payment state with their totals."""

    name = "subscriptions_waiting"
    template_name = "nations/admin/home_subscriptions_panel.html"
    order = 80

    def __init__(self, *, with_totals):
        self.with_totals = with_totals

    def get_context_data(self, parent_context=None):
        context = {
            "in_arrears": [
                {"nation": nation, "url": f"{url('list')}?{urlencode({'nation': nation.pk})}"}
                for nation in Nation.objects.filter(pk__in=nations_in_arrears()).order_by("code")
            ],
            "arrears_url": f"{url('list')}?in_arrears=true",
        }
        if self.with_totals:
            per_state, overall = invoice_totals(Invoice.objects.all())
            context["state_totals"] = [
                {
                    "label": PaymentState(total.state).label,
                    "total": total,
                    "url": f"{url('list')}?{urlencode({'payment_state': total.state})}",
                }
                for total in per_state
                if total.count
            ]
            context["overall_total"] = overall
        return context


@hooks.register("construct_homepage_panels")
def add_subscriptions_panel(request, panels):
    if request.user.has_perm("nations.view_arrears"):
        panels.append(SubscriptionsPanel(with_totals=request.user.has_perm("nations.add_invoice")))
