"""Back-office for people and their roles, scoped by the permission rules and audited.

A head of delegation or national staff sees, creates, edits and deletes only the own nations'
people (PersonPermissionPolicy and ScopedObjectMixin ask accounts/rules.py); every write goes
through accounts/services.py, which records the old and new values in Wagtail's history.
"""

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import history as history_views
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetAPI

from . import audit, services
from .forms import PersonAdminForm
from .models import Person, RoleAssignment
from .viewsets import (
    RulesPermissionPolicy,
    ScopedDeleteBulkAction,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
    admin_scope,
    forbidden,
)

# --- Audit log actions --------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_cior_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        audit.register_action(actions, action, label, message)


@hooks.register("register_log_actions", order=100)
def show_changes_in_wagtail_actions(actions):
    """Let Wagtail's create/edit/delete entries show the old and new values we record."""
    for action in ("wagtail.create", "wagtail.edit", "wagtail.delete"):
        formatter = actions.formatters.get(action)
        if formatter is not None and not isinstance(formatter, audit.ChangesLogFormatter):
            actions.formatters[action] = type(
                "CiorLogFormatter",
                (audit.ChangesLogFormatter,),
                {"label": formatter.label, "message": formatter.message},
            )()


@hooks.register("insert_global_admin_css")
def audit_log_css():
    """The audit log's layout (static/css/admin-audit.css): no inline style under the CSP."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-audit.css"))


class AuditLogMenuItem(MenuItem):
    """Reports → Audit log, for the presidency when Wagtail's own "Site history" link is not
    shown (Wagtail shows it to users with page permissions; it leads to the same report)."""

    def is_shown(self, request):
        return (
            request.user.has_perm("accounts.view_audit_log")
            and page_permission_policy.explorable_root_instance(request.user) is None
        )


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        _("Audit log"), reverse("wagtailadmin_reports:site_history"), icon_name="history", order=50
    )


# --- Scoping ------------------------------------------------------------------------------


class PersonPermissionPolicy(RulesPermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Person.objects.none()
        return Person.objects.visible_to(user)


def _model_fields(form, names):
    return {name: value for name, value in form.cleaned_data.items() if name in names}


class PersonCreateView(snippet_views.CreateView):
    def save_instance(self):
        nation = self.form.cleaned_data.get("nation")
        if not self.request.user.has_perm("accounts.add_person", Person(nation=nation)):
            raise PermissionDenied
        return services.create_person(
            by=self.request.user, **_model_fields(self.form, services.PERSON_FIELDS)
        )


class PersonEditView(ScopedObjectMixin, snippet_views.EditView):
    scope_action = "change"

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        return services.save_person(
            self.object, by=self.request.user, **_model_fields(self.form, services.PERSON_FIELDS)
        )


class PersonDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    scope_action = "delete"

    def delete_action(self):
        services.delete_person(self.object, by=self.request.user)


class ChangesActionColumn(history_views.ActionColumn):
    """The history's action column, with the changes recorded (the entry's comment) below."""

    cell_template_name = "wagtailadmin/generic/history/action_cell.html"


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        action = columns[0]
        columns[0] = ChangesActionColumn(
            "message",
            label=action.label,
            object=action.object,
            url_names=action.url_names,
            user_can_unschedule=action.user_can_unschedule,
        )
        return columns


class ScopedInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class PersonViewSet(ScopedSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "rank", "nato_code", "nation", "service"]
    list_filter = ["nation", "service", "sex"]
    list_export = [
        "first_name",
        "last_name",
        "rank_en",
        "rank_fr",
        "nato_code",
        "nation",
        "service",
        "sex",
        "email",
        "preferred_language",
    ]
    ordering = ["last_name", "first_name"]
    search_fields = ["first_name", "last_name", "rank_en", "rank_fr", "email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True

    add_view_class = PersonCreateView
    edit_view_class = PersonEditView
    delete_view_class = PersonDeleteView
    history_view_class = ScopedHistoryView
    inspect_view_class = ScopedInspectView
    usage_view_class = ScopedUsageView
    delete_service = staticmethod(services.delete_person)

    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("rank_en"), FieldPanel("rank_fr")]),
                    FieldPanel("nato_code"),
                ],
                heading=_("Rank"),
            ),
            FieldRowPanel([FieldPanel("nation"), FieldPanel("service"), FieldPanel("sex")]),
            FieldRowPanel([FieldPanel("email"), FieldPanel("preferred_language")]),
        ],
        base_form_class=PersonAdminForm,
    )

    @property
    def permission_policy(self):
        return PersonPermissionPolicy(Person)

    def get_queryset(self, request):
        return Person.objects.visible_to(request.user).select_related("nation")


class RoleCreateView(snippet_views.CreateView):
    def save_instance(self):
        fields = _model_fields(self.form, services.ROLE_FIELDS)
        person = fields.pop("person")
        role = fields.pop("role")
        return services.assign_role(person, role=role, by=self.request.user, **fields)


class RoleEditView(ScopedObjectMixin, snippet_views.EditView):
    scope_action = "change"

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        return services.save_role(
            self.object, by=self.request.user, **_model_fields(self.form, services.ROLE_FIELDS)
        )


class RoleDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    scope_action = "delete"

    def delete_action(self):
        services.delete_role(self.object, by=self.request.user)


class RoleAssignmentViewSet(ScopedSnippetViewSet):
    """Who holds which role: the presidency's to manage (accounts.*_roleassignment)."""

    model = RoleAssignment
    icon = "key"
    menu_label = _("Roles")
    menu_order = 221
    add_to_admin_menu = True
    list_display = ["person", "role", "nation", "committee", "starts_on", "ends_on"]
    list_filter = ["role", "nation", "committee"]
    list_export = ["person", "role", "nation", "committee", "starts_on", "ends_on"]
    ordering = ["person__last_name", "role"]
    copy_view_enabled = False
    search_fields = None

    add_view_class = RoleCreateView
    edit_view_class = RoleEditView
    delete_view_class = RoleDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    delete_service = staticmethod(services.delete_role)

    panels = [
        FieldPanel("person"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("nation"), FieldPanel("committee")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(RoleAssignment)

    def get_queryset(self, request):
        if not request.user.has_perm("accounts.view_roleassignment"):
            return RoleAssignment.objects.none()
        return RoleAssignment.objects.select_related("person", "nation", "committee")


register_snippet(PersonViewSet)
register_snippet(RoleAssignmentViewSet)


# --- Deletes: the same scope ---------------------------------------------------------------

AUDITED_MODELS = (Person, RoleAssignment)


@hooks.register("before_delete_snippet")
def refuse_deleting_outside_scope(request, instances):
    """Refuse (403) a delete, single or bulk, that touches a record outside the user's scope."""
    for instance in instances:
        if isinstance(instance, AUDITED_MODELS):
            perm = f"accounts.delete_{instance._meta.model_name}"
            if not request.user.has_perm(perm, instance):
                return forbidden(request)


# --- Every snippet's bulk delete and translation API: the admin scope ---------------------

# After Wagtail's own delete action (order 0), which this one replaces for every snippet.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=50)


class ScopedSnippetTranslationAPI(LocalizeSnippetAPI):
    """wagtail-localize's snippet listing (its translation editor's chooser), scoped: it listed
    every row of any snippet to any admin user."""

    def get_queryset(self):
        return admin_scope(self.get_model(), self.request)


@hooks.register("register_admin_urls", order=-1)
def register_scoped_snippet_translation_api():
    """Answer wagtail-localize's snippet API routes before its own hook does (same paths)."""
    listing = ScopedSnippetTranslationAPI.as_view({"get": "list"})
    detail = ScopedSnippetTranslationAPI.as_view({"get": "retrieve"})
    prefix = "localize/api/snippets/<slug:app_label>/<slug:model_name>/"
    return [
        path(prefix, listing, name="cior_snippets_api_listing"),
        path(prefix + "<str:pk>/", detail, name="cior_snippets_api_detail"),
    ]
