"""Back-office for the governance records: committees and their members, presidency terms,
appointments, and the Council (meetings, attendance, proxies, motions, votes, minutes)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.viewsets import (
    RulesPermissionPolicy,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
    ServiceDeleteMixin,
    ServiceFormMixin,
)

from . import services, views
from .forms import CommitteeMembershipAdminForm
from .models import (
    Appointment,
    Attendance,
    Committee,
    CommitteeMembership,
    CouncilMeeting,
    Motion,
    PresidencyTerm,
    Proxy,
)


def side_by_side(name, heading):
    """Return a panel showing the English and French fields of `name` side by side."""
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel(f"{name}_en"), FieldPanel(f"{name}_fr")])], heading=heading
    )


class CommitteeViewSet(ScopedSnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = _("Committees")
    list_display = ["acronym", "name", "main_product", "formed_year"]
    list_export = ["acronym", "slug", "name_en", "name_fr", "formed_year", "formed_on"]
    # Database search over both languages, so that partial words match too.
    search_fields = ["acronym", "name_en", "name_fr", "summary_en", "summary_fr"]
    search_backend_name = None
    sort_order_field = "sort_order"
    copy_view_enabled = False
    public_records = True  # each committee has its public page

    panels = [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("slug")]),
        side_by_side("name", _("Name")),
        side_by_side("summary", _("Summary")),
        side_by_side("main_product", _("Main product")),
        side_by_side("description", _("Description")),
        FieldRowPanel([FieldPanel("formed_year"), FieldPanel("formed_on")]),
    ]


class PresidencyTermViewSet(ScopedSnippetViewSet):
    model = PresidencyTerm
    icon = "calendar-alt"
    menu_label = _("Presidency terms")
    list_display = ["__str__", "nation", "starts_on", "ends_on", "description"]
    list_filter = ["nation"]
    search_fields = ["nation__code", "nation__name_en", "nation__name_fr", "description_en"]
    search_backend_name = None
    copy_view_enabled = False

    panels = [
        FieldPanel("nation"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        side_by_side("description", _("Description")),
    ]

    def get_queryset(self, request):
        return PresidencyTerm.objects.select_related("nation")


class AuditedCreateView(ServiceFormMixin, snippet_views.CreateView):
    """Save through `services.create_record`: in a transaction, with every value audited."""

    audit_action = "wagtail.create"

    def save_instance(self):
        record = self.form.save(commit=False)
        return services.create_record(record, by=self.request.user, action=self.audit_action)


class AuditedEditView(ServiceFormMixin, ScopedObjectMixin, snippet_views.EditView):
    """Save through `services.save_record`: the stored row locked, old and new values audited."""

    audit_action = "wagtail.edit"
    scope_action = "change"

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        record = self.form.save(commit=False)
        return services.save_record(record, by=self.request.user, action=self.audit_action)


class AuditedDeleteView(ServiceDeleteMixin, ScopedObjectMixin, snippet_views.DeleteView):
    """Delete through `services.delete_record`: a refused delete leaves no audit entry."""

    scope_action = "delete"

    def delete_action(self):
        services.delete_record(self.object, by=self.request.user)


class AppointmentCreateView(AuditedCreateView):
    audit_action = "cior.appointment"


class AppointmentEditView(AuditedEditView):
    audit_action = "cior.appointment"


class AppointmentViewSet(ScopedSnippetViewSet):
    model = Appointment
    add_view_class = AppointmentCreateView
    edit_view_class = AppointmentEditView
    delete_view_class = AuditedDeleteView
    delete_service = staticmethod(services.delete_record)
    icon = "user"
    menu_label = _("Appointments")
    list_display = ["title", "person", "term", "starts_on", "ends_on"]
    list_filter = ["role", "portfolio", "term"]
    search_fields = ["person__first_name", "person__last_name", "person__rank_en"]
    search_backend_name = None

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("portfolio")]),
        FieldPanel("term"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        return Appointment.objects.select_related("person", "term__nation")


# Committee memberships: a head of delegation sees and edits the own nation's members only.


class MembershipPermissionPolicy(RulesPermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return CommitteeMembership.objects.none()
        return CommitteeMembership.objects.visible_to(user)


class MembershipCreateView(snippet_views.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        if data["role"] == CommitteeMembership.Role.MEMBER:
            membership = services.nominate_member(
                data["committee"], data["person"], by=self.request.user, starts_on=data["starts_on"]
            )
        else:
            membership = services.appoint_officer(
                data["committee"],
                data["person"],
                role=data["role"],
                by=self.request.user,
                starts_on=data["starts_on"],
            )
        if data.get("ends_on"):
            membership.ends_on = data["ends_on"]
            membership = services.save_membership(membership, by=self.request.user)
        return membership


class MembershipEditView(ScopedObjectMixin, snippet_views.EditView):
    scope_action = "change"

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        return services.save_membership(self.form.instance, by=self.request.user)


class MembershipDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    scope_action = "delete"

    def delete_action(self):
        services.delete_membership(self.object, by=self.request.user)


class ScopedHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class CommitteeMembershipViewSet(ScopedSnippetViewSet):
    model = CommitteeMembership
    icon = "group"
    menu_label = _("Committee members")
    list_display = ["person", "committee", "role", "nation", "starts_on", "ends_on"]
    list_filter = ["committee", "role", "nation"]
    list_export = ["committee", "person", "role", "nation", "starts_on", "ends_on"]
    search_fields = ["person__first_name", "person__last_name"]
    search_backend_name = None
    copy_view_enabled = False

    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView
    delete_service = staticmethod(services.delete_membership)
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    edit_handler = ObjectList(
        [
            FieldPanel("committee"),
            FieldPanel("person"),
            FieldPanel("role"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        ],
        base_form_class=CommitteeMembershipAdminForm,
    )

    @property
    def permission_policy(self):
        return MembershipPermissionPolicy(CommitteeMembership)

    def get_queryset(self, request):
        return CommitteeMembership.objects.visible_to(request.user).select_related(
            "person", "committee", "nation"
        )


class GovernanceViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Governance")
    menu_icon = "group"
    menu_order = 200
    items = (
        CommitteeViewSet,
        CommitteeMembershipViewSet,
        PresidencyTermViewSet,
        AppointmentViewSet,
    )


register_snippet(GovernanceViewSetGroup)


# The Council: the presidency edits meetings, attendance, proxies and motions; heads of
# delegation see the meetings and motions, and vote from the "Council votes" page.


class CouncilViewSet(ScopedSnippetViewSet):
    add_view_class = AuditedCreateView
    edit_view_class = AuditedEditView
    delete_view_class = AuditedDeleteView
    delete_service = staticmethod(services.delete_record)
    history_view_class = ScopedHistoryView
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(self.model)


class CouncilMeetingViewSet(CouncilViewSet):
    model = CouncilMeeting
    icon = "date"
    menu_label = _("Meetings")
    list_display = ["title", "kind", "starts_on", "ends_on", "place", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title_en", "title_fr", "place_en"]
    search_backend_name = None

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        side_by_side("title", _("Title")),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        side_by_side("place", _("Place")),
        FieldPanel("host_nation"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
    ]


class AttendanceViewSet(CouncilViewSet):
    model = Attendance
    icon = "user"
    menu_label = _("Attendance")
    list_display = ["nation", "meeting", "present_in_person", "represented_by"]
    list_filter = ["meeting", "present_in_person"]
    panels = [
        FieldRowPanel([FieldPanel("meeting"), FieldPanel("nation")]),
        FieldRowPanel([FieldPanel("present_in_person"), FieldPanel("represented_by")]),
    ]

    def get_queryset(self, request):
        return Attendance.objects.select_related("meeting", "nation", "represented_by")


class ProxyViewSet(CouncilViewSet):
    model = Proxy
    icon = "doc-full"
    menu_label = _("Proxies")
    list_display = ["__str__", "meeting", "from_nation", "to_nation"]
    list_filter = ["meeting"]
    panels = [
        FieldPanel("meeting"),
        FieldRowPanel([FieldPanel("from_nation"), FieldPanel("to_nation")]),
        FieldPanel("document"),
        FieldPanel("notes"),
    ]

    def get_queryset(self, request):
        return Proxy.objects.select_related("meeting", "from_nation", "to_nation")


class MotionEditView(AuditedEditView):
    audit_action = "cior.motion"

    def dispatch(self, request, *args, **kwargs):
        # A motion put to the vote is no longer edited: its text is what the nations voted on.
        motion = Motion.objects.filter(pk=kwargs.get("pk")).first()
        if motion and motion.status != Motion.Status.DRAFT and request.method == "POST":
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MotionViewSet(CouncilViewSet):
    model = Motion
    icon = "tasks"
    menu_label = _("Motions")
    edit_view_class = MotionEditView
    list_display = ["__str__", "meeting", "subject", "status", "result"]
    list_filter = ["meeting", "status", "subject"]
    panels = [
        FieldRowPanel([FieldPanel("meeting"), FieldPanel("number"), FieldPanel("agenda_item")]),
        side_by_side("text", _("Text")),
        FieldRowPanel(
            [FieldPanel("subject"), FieldPanel("majority"), FieldPanel("open_to_associates")]
        ),
    ]

    def get_queryset(self, request):
        return Motion.objects.select_related("meeting")


class CouncilViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Council")
    menu_icon = "tasks"
    menu_order = 201
    items = (CouncilMeetingViewSet, AttendanceViewSet, ProxyViewSet, MotionViewSet)


register_snippet(CouncilViewSetGroup)


class CouncilVotesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("governance.view_councilmeeting")


@hooks.register("register_admin_menu_item")
def register_council_votes_menu_item():
    return CouncilVotesMenuItem(
        _("Council votes"), reverse("governance_council"), icon_name="tasks", order=202
    )


@hooks.register("register_admin_urls")
def register_council_urls():
    return [
        path("council/", views.council_index, name="governance_council"),
        path(
            "council/motions/<int:pk>/status/<str:action>/",
            views.motion_status,
            name="governance_motion_status",
        ),
        path("council/motions/<int:pk>/votes/", views.vote_grid, name="governance_vote_grid"),
        path("council/motions/<int:pk>/my-vote/", views.cast_my_vote, name="governance_cast_vote"),
        path(
            "council/meetings/<int:pk>/minutes.pdf",
            views.minutes_pdf,
            name="governance_minutes_pdf",
        ),
    ]


class CouncilPanel(Component):
    """The admin home's box of the Council's open votes and its next meeting."""

    name = "council_waiting"
    template_name = "governance/admin/home_council_panel.html"
    order = 70

    def get_context_data(self, parent_context=None):
        motions = Motion.objects.filter(status=Motion.Status.VOTING).select_related("meeting")
        next_meeting = (
            CouncilMeeting.objects.filter(ends_on__gte=timezone.localdate())
            .exclude(status=CouncilMeeting.Status.CLOSED)
            .order_by("starts_on", "pk")
            .first()
        )
        return {
            "motions": motions.order_by("meeting__starts_on", "number", "pk"),
            "next_meeting": next_meeting,
            "council_url": reverse("governance_council"),
        }


@hooks.register("construct_homepage_panels")
def add_council_panel(request, panels):
    if request.user.has_perm("governance.manage_meeting"):
        panels.append(CouncilPanel())
