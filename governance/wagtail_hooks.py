"""Back-office for the governance records: committees, presidency terms and appointments."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Appointment, Committee, PresidencyTerm


def side_by_side(name, heading):
    """Return a panel showing the English and French fields of `name` side by side."""
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel(f"{name}_en"), FieldPanel(f"{name}_fr")])], heading=heading
    )


class CommitteeViewSet(SnippetViewSet):
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

    panels = [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("slug")]),
        side_by_side("name", _("Name")),
        side_by_side("summary", _("Summary")),
        side_by_side("main_product", _("Main product")),
        side_by_side("description", _("Description")),
        FieldRowPanel([FieldPanel("formed_year"), FieldPanel("formed_on")]),
    ]


class PresidencyTermViewSet(SnippetViewSet):
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


class AppointmentViewSet(SnippetViewSet):
    model = Appointment
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


class GovernanceViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Governance")
    menu_icon = "group"
    menu_order = 200
    items = (CommitteeViewSet, PresidencyTermViewSet, AppointmentViewSet)


register_snippet(GovernanceViewSetGroup)
