"""Back-office of the events (the presidency's): events with their programme, registration
types and discount codes; the quota grid (nations × types); the registrations, with confirm,
reject and cancel, a bulk "confirm", and the exports.

Only the presidency sees this menu (events/rules.py); heads of delegation and national staff
work with their nations' registrations on the delegation pages (/<lang>/delegation/).
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property, classproperty
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.viewsets import RulesPermissionPolicy, ScopedSnippetViewSet
from nations.models import Nation

from . import admin_views, services
from .models import Event, Registration, RegistrationType

State = Registration.State


def side_by_side(name, heading):
    """Return a panel showing the English and French fields of `name` side by side."""
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel(f"{name}_en"), FieldPanel(f"{name}_fr")])], heading=heading
    )


# --- Events -----------------------------------------------------------------------------------


class EventIndexView(snippet_views.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingMenuItem(
                _("Registrations"),
                url=reverse(f"{admin_views.REGISTRATIONS}:list") + f"?event={instance.pk}",
                icon_name="user",
                priority=40,
            )
        )
        buttons.append(
            ListingMenuItem(
                _("Quotas"),
                url=reverse(f"{admin_views.QUOTAS}:grid", args=[instance.pk]),
                icon_name="table",
                priority=41,
            )
        )
        return buttons


class EventViewSet(ScopedSnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    index_view_class = EventIndexView
    add_view_class = admin_views.EventCreateView
    edit_view_class = admin_views.EventEditView
    delete_view_class = admin_views.EventDeleteView
    delete_service = staticmethod(services.delete_event)
    list_display = ["title", "kind", "starts_on", "ends_on", "status", "host_nation"]
    list_filter = ["kind", "status"]
    list_export = ["title_en", "title_fr", "slug", "kind", "starts_on", "ends_on", "status"]
    search_fields = ["title_en", "title_fr", "slug", "city_en", "city_fr"]
    search_backend_name = None
    ordering = ["-starts_on", "pk"]
    copy_view_enabled = False

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    side_by_side("title", _("Title")),
                    FieldRowPanel(
                        [FieldPanel("slug"), FieldPanel("french_slug"), FieldPanel("parent")]
                    ),
                    side_by_side("summary", _("Summary")),
                    side_by_side("description", _("Description")),
                    FieldRowPanel(
                        [FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("time_zone")]
                    ),
                    FieldPanel("host_nation"),
                    side_by_side("city", _("City")),
                    side_by_side("venue", _("Venue")),
                ],
                heading=_("Event"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                    FieldPanel("auto_confirm"),
                    InlinePanel(
                        "registration_types",
                        heading=_("Registration types"),
                        label=_("Registration type"),
                        panels=[
                            FieldRowPanel(
                                [
                                    FieldPanel("kind"),
                                    FieldPanel("fee"),
                                    FieldPanel("capacity"),
                                    FieldPanel(
                                        "colour", widget=forms.TextInput(attrs={"type": "color"})
                                    ),
                                ]
                            )
                        ],
                    ),
                    InlinePanel(
                        "discount_codes",
                        heading=_("Discount codes"),
                        label=_("Discount code"),
                        panels=[
                            FieldRowPanel(
                                [FieldPanel("nation"), FieldPanel("code"), FieldPanel("percent")]
                            )
                        ],
                    ),
                ],
                heading=_("Registration"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "programme",
                        heading=_("Programme"),
                        label=_("Programme item"),
                        panels=[
                            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                            side_by_side("title", _("Title")),
                            side_by_side("location", _("Location")),
                        ],
                    ),
                ],
                heading=_("Programme"),
            ),
            ObjectList(
                [
                    FieldPanel("visa_signatory_name"),
                    side_by_side("visa_signatory_title", _("Signatory's title")),
                    FieldPanel("passport_retention_days"),
                ],
                heading=_("Visa letters"),
            ),
        ],
        base_form_class=admin_views.EventAdminForm,
    )

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(Event)

    def get_queryset(self, request):
        return Event.objects.select_related("host_nation")


# --- Quotas -----------------------------------------------------------------------------------


class PresidencyMenuItem(MenuItem):
    permission = "events.change_quota"

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class QuotaViewSet(ViewSet):
    """The quota grid of each event (nations × registration types), one form per event."""

    name = admin_views.QUOTAS
    url_prefix = "event-quotas"
    icon = "table"
    menu_label = _("Quotas")
    menu_item_class = PresidencyMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.quota_events, name="index"),
            path("<int:pk>/", admin_views.quota_grid, name="grid"),
        ]


# --- Registrations ----------------------------------------------------------------------------


class RegistrationPermissionPolicy(BasePermissionPolicy):
    """The presidency views and changes (details, state) every registration in the admin;
    registrations are made on the delegation pages and cancelled, never deleted."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and user.has_perm("events.manage_registrations")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return Registration.objects.all()
        return Registration.objects.none()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class PresidencyOnlyMixin:
    """Refuse (403) anyone but the presidency before Wagtail loads a registration: its
    bulk-action pages name any registration by id ("Jaan TAMM – Summer Congress"), to every
    admin user otherwise, whatever the nation."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("events.manage_registrations"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegistrationFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Registration type"),
        field_name="registration_type__kind",
        choices=RegistrationType.Kind.choices,
    )

    class Meta:
        model = Registration
        fields = ["event", "nation", "kind", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["event"].queryset = Event.objects.filter(
            registration_types__isnull=False
        ).distinct()
        self.filters["nation"].queryset = Nation.objects.order_by("code")


class RegistrationIndexView(snippet_views.IndexView):
    @cached_property
    def filtered_event(self):
        pk = self.request.GET.get("event", "")
        return Event.objects.filter(pk=pk).first() if pk.isdigit() else None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.filtered_event is not None:
            query = []
            nation = self.request.GET.get("nation", "")
            if nation.isdigit():
                code = Nation.objects.filter(pk=nation).values_list("code", flat=True).first()
                if code:
                    query.append(f"nation={code}")
            for param, name in (("kind", "type"), ("state", "state")):
                value = self.request.GET.get(param, "")
                if value.isidentifier():
                    query.append(f"{name}={value}")
            buttons += admin_views.export_buttons(self.filtered_event, query="&".join(query))
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        for priority, (label, name, icon) in enumerate(
            admin_views.registration_actions(instance), 30
        ):
            buttons.append(
                ListingMenuItem(
                    label,
                    url=reverse(f"{admin_views.REGISTRATIONS}:{name}", args=[instance.pk])
                    + "?"
                    + urlencode({"next": self.request.get_full_path()}),
                    icon_name=icon,
                    priority=priority,
                )
            )
        return buttons


class RegistrationViewSet(ScopedSnippetViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    edit_view_class = admin_views.RegistrationEditView
    inspect_view_class = admin_views.RegistrationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RegistrationFilterSet
    list_display = ["person", "nation", "event", "registration_type", "state", "submitted_at"]
    list_export = [
        "reference",
        "person",
        "nation",
        "event",
        "registration_type",
        "state",
        "fee",
        "submitted_at",
    ]
    search_fields = ["person__first_name", "person__last_name"]
    search_backend_name = None
    ordering = ["-submitted_at", "-pk"]
    inspect_view_fields = [
        "reference",
        "event",
        "person",
        "nation",
        "registration_type",
        "state",
        "state_reason",
        "submitted_at",
        "decided_at",
        "registered_by",
        "fee",
        "discount_code",
        "arrival_date",
        "departure_date",
        "accommodation",
        "room_shared_with",
        "diet",
        "dietary_notes",
        "accessibility_needs",
    ]
    panels = [
        FieldRowPanel([FieldPanel("arrival_date"), FieldPanel("departure_date")]),
        FieldRowPanel([FieldPanel("accommodation"), FieldPanel("room_shared_with")]),
        FieldRowPanel([FieldPanel("diet"), FieldPanel("dietary_notes")]),
        FieldPanel("accessibility_needs"),
        FieldPanel("attended"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("passport_number"), FieldPanel("nationality")]),
                FieldRowPanel(
                    [
                        FieldPanel("passport_expires_on"),
                        FieldPanel("date_of_birth"),
                        FieldPanel("place_of_birth"),
                    ]
                ),
            ],
            heading=_("Passport (for the visa letter)"),
        ),
    ]

    @property
    def permission_policy(self):
        return RegistrationPermissionPolicy(Registration)

    def get_queryset(self, request):
        return Registration.objects.select_related("person", "nation", "event", "registration_type")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "confirm/<int:pk>/",
                admin_views.ConfirmRegistrationView.as_view(),
                name="confirm",
            ),
            path("reject/<int:pk>/", admin_views.RejectRegistrationView.as_view(), name="reject"),
            path("cancel/<int:pk>/", admin_views.CancelRegistrationView.as_view(), name="cancel"),
        ]


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 205
    items = (EventViewSet, QuotaViewSet, RegistrationViewSet)


register_snippet(EventsViewSetGroup)


# --- Bulk actions -----------------------------------------------------------------------------


class ConfirmRegistrationsBulkAction(PresidencyOnlyMixin, SnippetBulkAction):
    """Confirm the selected submitted registrations (the others are left as they are)."""

    display_name = _("Confirm")
    action_type = "confirm"
    aria_label = _("Confirm the selected registrations")
    template_name = "events/admin/confirm_bulk.html"
    action_priority = 10

    @classproperty
    def models(cls):
        return [Registration]

    def check_perm(self, registration):
        return self.request.user.has_perm("events.manage_registrations")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        confirmed = 0
        for registration in objects:
            if registration.state != Registration.State.SUBMITTED:
                continue
            try:
                services.confirm(registration, by=user)
            except ValidationError:
                continue
            confirmed += 1
        return confirmed, 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d registration confirmed.",
            "%(count)d registrations confirmed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", ConfirmRegistrationsBulkAction)


class DeleteRegistrationsBulkAction(PresidencyOnlyMixin, DeleteBulkAction):
    """Wagtail's bulk delete of snippets, refused to all but the presidency for registrations
    (whose delete is then refused by `refuse_deleting_registrations`)."""

    @classproperty
    def models(cls):
        return [Registration]


# After Wagtail's own delete action (order 0), which this one replaces for registrations.
hooks.register("register_bulk_action", DeleteRegistrationsBulkAction, order=100)


@hooks.register("before_bulk_action")
def refuse_deleting_registrations(request, action_type, objects, action_class_instance):
    """Registrations are cancelled, never deleted; an event with registrations is kept."""
    model = getattr(action_class_instance, "model", None)
    if action_type != "delete":
        return None
    if model is Registration:
        messages.error(request, _("Registrations are cancelled, never deleted."))
        return redirect(reverse(f"{admin_views.REGISTRATIONS}:list"))
    if model is Event and services.has_registrations(objects):
        messages.error(
            request, _("An event that has registrations cannot be deleted. Cancel it instead.")
        )
        return redirect(reverse(f"{admin_views.EVENTS}:list"))
    if model is Event and admin_views.deletion_is_protected(objects):
        messages.error(request, _("This event is still in use: it cannot be deleted."))
        return redirect(reverse(f"{admin_views.EVENTS}:list"))
    return None


# --- Reports → Failed tasks (the presidency's) ---------------------------------------------


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    """The background tasks that failed (a mail refused after every attempt, a batch document
    that could not be made), newest first, with the error: for the presidency only."""

    template_name = "events/admin/failed_tasks.html"
    page_title = _("Failed tasks")
    header_icon = "warning"
    limit = 200

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("django_tasks_database.view_dbtaskresult"):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        failed = DBTaskResult.objects.failed().order_by("-finished_at")
        context["tasks"] = [failed_task_row(result) for result in failed[: self.limit]]
        context["total"] = failed.count()
        return context


def failed_task_row(result) -> dict:
    """What the listing shows of a failed task: its name, when, the error's last line and,
    for a mail, the addresses it was for."""
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    args = result.args_kwargs.get("args") or []
    addresses = []
    if result.task_path.endswith(".deliver_mails") and args:
        addresses = [address for message in args[0] for address in message[3]]
    return {
        "name": result.task_name,
        "finished_at": result.finished_at,
        "enqueued_at": result.enqueued_at,
        "error": lines[-1] if lines else result.exception_class_path,
        "addresses": addresses,
    }


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("django_tasks_database.view_dbtaskresult")


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    return [path("reports/failed-tasks/", FailedTasksView.as_view(), name="cior_failed_tasks")]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return FailedTasksMenuItem(
        _("Failed tasks"), reverse("cior_failed_tasks"), icon_name="warning", order=60
    )


class RegistrationsToConfirmPanel(Component):
    """The admin home's box of registrations waiting for a decision, per upcoming event."""

    name = "registrations_to_confirm"
    template_name = "events/admin/home_registrations_panel.html"
    order = 60

    def get_context_data(self, parent_context=None):
        events = (
            Event.objects.upcoming()
            .annotate(
                waiting=Count("registrations", filter=Q(registrations__state=State.SUBMITTED))
            )
            .filter(waiting__gt=0)
        )
        list_url = reverse(f"{admin_views.REGISTRATIONS}:list")
        return {
            "events": [
                {
                    "event": event,
                    "count": event.waiting,
                    "url": f"{list_url}?{urlencode({'event': event.pk, 'state': State.SUBMITTED})}",
                }
                for event in events
            ]
        }


@hooks.register("construct_homepage_panels")
def add_registrations_to_confirm_panel(request, panels):
    if request.user.has_perm("events.manage_registrations"):
        panels.append(RegistrationsToConfirmPanel())
