"""Back-office of MILCOMP (presidency): competitions with their points table, category rules,
disciplines, judges and jury; teams (read-mostly: disqualification only); the "Freeze teams"
and "Draw start order" actions. Every write goes through milcomp/services.py, audited.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts.viewsets import (
    RulesPermissionPolicy,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
    ServiceFormMixin,
)

from . import services
from .models import CATEGORY_RULE_FIELDS, POINTS_TABLE_FIELDS, Competition, DisciplineKind, Team

COMPETITION_URL = "wagtailsnippets_milcomp_competition"


def side_by_side(name, heading):
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel(f"{name}_en"), FieldPanel(f"{name}_fr")])], heading=heading
    )


def rows(names, per_row=4):
    return [
        FieldRowPanel([FieldPanel(name) for name in names[index : index + per_row]])
        for index in range(0, len(names), per_row)
    ]


class CompetitionAdminForm(WagtailAdminModelForm):
    """Refuses to remove a discipline that already holds results (they would be lost), or to
    change its kind (its results would be read under another discipline's formula)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("disciplines")
        if formset is not None:
            deleted = formset.deleted_forms
            for form in formset.forms:
                discipline = form.instance
                if not discipline.pk or not (form in deleted or "kind" in form.changed_data):
                    continue
                if not discipline.raw_results.exists():
                    continue
                # The kind the results were entered under (the form changed the instance's).
                kind = DisciplineKind(form.initial.get("kind", discipline.kind)).label
                if form in deleted:
                    message = _("%(discipline)s has results: it cannot be removed.")
                else:
                    message = _("%(discipline)s has results: its kind cannot change.")
                raise ValidationError(message % {"discipline": kind})
        return cleaned


class CompetitionCreateView(ServiceFormMixin, snippet_views.CreateView):
    def save_instance(self):
        competition = self.form.save(commit=False)
        return services.save_competition(competition, by=self.request.user)


class CompetitionEditView(ServiceFormMixin, ScopedObjectMixin, snippet_views.EditView):
    scope_action = "change"

    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        competition = self.form.save(commit=False)
        return services.save_competition(competition, by=self.request.user)


class CompetitionIndexView(snippet_views.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm("milcomp.manage_competition", instance):
            if instance.frozen_at is None:
                buttons.append(
                    MenuItem(
                        _("Freeze teams"),
                        url=reverse(f"{COMPETITION_URL}:freeze", args=[instance.pk]),
                        icon_name="lock",
                        priority=30,
                    )
                )
            elif instance.drawn_at is None:
                buttons.append(
                    MenuItem(
                        _("Draw start order"),
                        url=reverse(f"{COMPETITION_URL}:draw", args=[instance.pk]),
                        icon_name="resubmit",
                        priority=31,
                    )
                )
        return buttons


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=gettext_lazy("Seed"),
        required=False,
        max_length=64,
        help_text=gettext_lazy(
            "Leave empty for a random seed. The seed is recorded: the same seed gives the "
            "same order."
        ),
    )


def _competition_action(request, pk, *, action):
    """Freeze the teams or draw the start order of a competition (presidency)."""
    competition = get_object_or_404(Competition, pk=pk)
    if not request.user.has_perm("milcomp.manage_competition", competition):
        raise PermissionDenied
    form = DrawForm(request.POST or None) if action == "draw" else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if action == "freeze":
                services.freeze_teams(competition, by=request.user)
                messages.success(request, _("Teams of %(c)s frozen.") % {"c": competition})
            else:
                order = services.draw_start_order(
                    competition, by=request.user, seed=form.cleaned_data["seed"] or None
                )
                competition.refresh_from_db()
                messages.success(
                    request,
                    _("Start order drawn (seed %(seed)s): %(order)s")
                    % {
                        "seed": competition.draw_seed,
                        "order": ", ".join(team.name for team in order),
                    },
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(f"{COMPETITION_URL}:list")
    return TemplateResponse(
        request,
        "milcomp/admin/competition_action.html",
        {
            "competition": competition,
            "action": action,
            "form": form,
            "teams": competition.teams.count(),
            "cancel_url": reverse(f"{COMPETITION_URL}:list"),
        },
    )


def freeze_view(request, pk):
    return _competition_action(request, pk, action="freeze")


def draw_view(request, pk):
    return _competition_action(request, pk, action="draw")


class CompetitionViewSet(ScopedSnippetViewSet):
    model = Competition
    icon = "trophy"
    menu_label = gettext_lazy("Competitions")
    add_view_class = CompetitionCreateView
    edit_view_class = CompetitionEditView
    index_view_class = CompetitionIndexView
    list_display = ["__str__", "year", "event", "status", "frozen_at", "drawn_at", "draw_seed"]
    list_filter = ["status"]
    ordering = ["-year"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("year"), FieldPanel("slug"), FieldPanel("event")]),
            side_by_side("title", gettext_lazy("Title")),
            FieldPanel("protest_window_minutes"),
            MultiFieldPanel(
                rows(POINTS_TABLE_FIELDS),
                heading=gettext_lazy("Points table"),
                classname="collapsed",
            ),
            MultiFieldPanel(
                rows(CATEGORY_RULE_FIELDS, 3),
                heading=gettext_lazy("Category rules"),
                classname="collapsed",
            ),
            InlinePanel(
                "disciplines",
                heading=gettext_lazy("Disciplines"),
                panels=[FieldPanel("kind"), FieldPanel("true_distances")],
            ),
            InlinePanel(
                "judges",
                heading=gettext_lazy("Judges"),
                panels=[FieldPanel("discipline_kind"), FieldPanel("person")],
            ),
            InlinePanel(
                "jury_members",
                heading=gettext_lazy("Technical Jury"),
                panels=[FieldPanel("person")],
            ),
        ],
        base_form_class=CompetitionAdminForm,
    )

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(self.model)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("freeze/<int:pk>/", freeze_view, name="freeze"),
            path("draw/<int:pk>/", draw_view, name="draw"),
        ]


class TeamEditView(ScopedObjectMixin, snippet_views.EditView):
    """Teams are declared by the delegations; here the presidency only disqualifies."""

    scope_action = "change"

    def save_instance(self):
        return services.disqualify_team(
            self.object,
            disqualified=self.form.cleaned_data["disqualified"],
            reason=self.form.cleaned_data["disqualification_reason"],
            by=self.request.user,
        )


class TeamViewSet(ScopedSnippetViewSet):
    model = Team
    icon = "group"
    menu_label = gettext_lazy("Teams")
    add_view_enabled = False
    edit_view_class = TeamEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "competition", "nation", "category", "start_number", "disqualified"]
    list_filter = ["competition", "category", "disqualified"]
    list_export = ["competition", "name", "nation", "category", "start_number", "disqualified"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["competition", "start_number", "name"]
    panels = [FieldPanel("disqualified"), FieldPanel("disqualification_reason")]

    @property
    def permission_policy(self):
        return TeamPermissionPolicy(self.model)

    def get_queryset(self, request):
        return Team.objects.select_related("competition", "nation")


class TeamPermissionPolicy(RulesPermissionPolicy):
    """Teams: the presidency sees and disqualifies; nobody adds or deletes them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return user.has_perm("milcomp.manage_competition")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Team.objects.none()
        return Team.objects.all()


class MilcompGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("MILCOMP")
    menu_icon = "trophy"
    menu_order = 230
    items = (CompetitionViewSet, TeamViewSet)


register_snippet(MilcompGroup)
