"""Medal of Merit nominations in the Wagtail admin: a read-only listing, inspect view, history
and chooser, each scoped by `Nomination.objects.visible_to` (the Presidency sees all, a head
of delegation the own nominations, nobody else any). Nominations change only through the
nomination pages (awards.views → awards.services): the admin adds, edits and deletes nothing,
not even for a superuser."""

from django.contrib.admin.utils import unquote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts import audit
from accounts.wagtail_hooks import (
    RulesPermissionPolicy,
    ScopedHistoryView,
    ScopedInspectView,
    ScopedUsageView,
    forbidden,
)

from .models import Nomination


@hooks.register("register_log_actions")
def register_nomination_log_action(actions):
    audit.register_action(
        actions, "cior.nomination", _("Medal of Merit nomination"), _("Nomination changed")
    )


class NominationPermissionPolicy(RulesPermissionPolicy):
    """View only, and only what `visible_to` gives."""

    READ_ONLY = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.READ_ONLY and super().user_has_permission_for_instance(
            user, action, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Nomination.objects.none()
        return Nomination.objects.visible_to(user)


class NominationChooserMixin:
    def get_object_list(self):
        return Nomination.objects.visible_to(self.request.user).select_related("nominee")


class NominationChooseView(NominationChooserMixin, chooser_views.ChooseView):
    pass


class NominationChooseResultsView(NominationChooserMixin, chooser_views.ChooseResultsView):
    pass


class NominationChosenView(chooser_views.SnippetChosenView):
    def get(self, request, pk):
        if not Nomination.objects.visible_to(request.user).filter(pk=unquote(str(pk))).exists():
            return forbidden(request)
        return super().get(request, pk)


class NominationChosenMultipleView(chooser_views.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return Nomination.objects.visible_to(self.request.user).filter(pk__in=pks)


class NominationChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = NominationChooseView
    choose_results_view_class = NominationChooseResultsView
    chosen_view_class = NominationChosenView
    chosen_multiple_view_class = NominationChosenMultipleView


class NominationViewSet(SnippetViewSet):
    model = Nomination
    icon = "pick"
    menu_label = _("Medal of Merit")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["__str__", "nominee", "year", "state", "nominating_nation"]
    list_filter = ["state", "year"]
    ordering = ["-submitted_at"]
    # Database search, over the scoped queryset only.
    search_fields = ["nominee__first_name", "nominee__last_name", "citation_en", "citation_fr"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "nominee",
        "year",
        "state",
        "nominating_nation",
        "submitted_at",
        "citation_en",
        "citation_fr",
        "grounds",
        "decline_reason",
        "motion",
        "awarded_on",
        "presented_at",
        "diploma_issued_on",
        "publication_consent",
    ]
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    chooser_viewset_class = NominationChooserViewSet

    @property
    def permission_policy(self):
        return NominationPermissionPolicy(Nomination)

    def get_queryset(self, request):
        return Nomination.objects.visible_to(request.user).select_related(
            "nominee", "nominating_nation"
        )


register_snippet(NominationViewSet)


class NominationPagesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("awards.nominate")


@hooks.register("register_admin_menu_item")
def register_nomination_pages_menu_item():
    return NominationPagesMenuItem(
        _("Nominate for the Medal of Merit"),
        reverse("awards_nominate"),
        icon_name="pick",
        order=231,
    )
