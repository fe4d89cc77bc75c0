"""The presidency's audit log (Wagtail's site history report, for them only and complete) and
the first page after login."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.localization import get_localized_response
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import LogContext
from wagtail.log_actions import registry as log_action_registry

from nations.models import Nation

from .home import panels, start_page
from .rules import nation_ids_for


class AuditLogView(LogEntriesView):
    """Reports → Site history, open to `accounts.view_audit_log` (the presidency).

    Wagtail shows a user the entries of the models they hold a permission on; a head of
    delegation may edit people, but not read every nation's history, so the report is closed
    to them; the presidency reads every entry.
    """

    results_template_name = "accounts/audit_log_results.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("accounts.view_audit_log"):
            raise PermissionDenied
        with LogContext(user=request.user):
            # In the reader's admin language and time zone, as Wagtail's own admin views are.
            return get_localized_response(super().dispatch, request, *args, **kwargs)

    def get_filtered_queryset(self):
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                log_model.objects.all()
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")


@login_required
def home(request):
    """The first page after login: a nation's home for its heads of delegation and staff;
    everyone else is sent where their work is (admin, judging, own registrations)."""
    nations = list(Nation.objects.filter(pk__in=nation_ids_for(request.user)).order_by("code"))
    if not nations:
        return redirect(start_page(request.user) or reverse("delegation_home"))
    return TemplateResponse(
        request,
        "accounts/home.html",
        {"nations": nations, "panels": panels(request.user, nations)},
    )
