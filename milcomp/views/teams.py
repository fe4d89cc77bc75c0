"""Teams for heads of delegation (their nation's) and the presidency (all, international ones).

Declaring and changing teams stops when the teams are frozen at the opening meeting; a team of
another nation answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import RoleAssignment
from accounts.rules import is_presidency, nation_ids_for
from nations.models import Nation

from .. import services
from ..forms import TeamForm
from ..models import Team, TeamMember
from . import competition_or_404

INTERNATIONAL = "INT"


def _declarable_nations(user):
    """The nations whose teams `user` declares (None in the list: international teams)."""
    if is_presidency(user):
        return [*Nation.objects.order_by("code"), None]
    ids = nation_ids_for(user, RoleAssignment.Role.HEAD_OF_DELEGATION)
    return list(Nation.objects.filter(pk__in=ids).order_by("code"))


def _teams_queryset(competition):
    return (
        Team.objects.filter(competition=competition)
        .select_related("nation")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.select_related(
                    "person", "registration__nation"
                ).order_by("position"),
            )
        )
        .order_by("nation__code", "number")
    )


@login_required
def index(request, competition):
    """The user's nation's teams (all for the presidency), with what may be done with them."""
    competition = competition_or_404(competition)
    nations = _declarable_nations(request.user)
    if not nations:
        raise Http404
    teams = _teams_queryset(competition)
    if not is_presidency(request.user):
        teams = teams.filter(nation__in=nations)
    return render(
        request,
        "milcomp/teams/index.html",
        {
            "competition": competition,
            "teams": teams,
            "nations": [nation for nation in nations if nation is not None],
            "may_declare_international": None in nations,
            "frozen": competition.teams_frozen,
        },
    )


def _nation_from(request, code):
    """Return the nation `code` names ("INT": None), if the user declares its teams; else 404."""
    if code == INTERNATIONAL:
        nation = None
    else:
        nation = Nation.objects.filter(code=code).first()
        if nation is None:
            raise Http404
    if not request.user.has_perm("milcomp.declare_team", nation):
        raise Http404
    return nation


def _save(request, competition, form, *, nation, team=None):
    try:
        team = services.declare_team(
            competition,
            nation=nation,
            category=form.cleaned_data["category"],
            members=form.entries(),
            captain=form.cleaned_data["captain"],
            by=request.user,
            team=team,
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return None
    return team


@login_required
def declare(request, competition):
    """Declare a team of the nation ?nation=CODE (INT: an international team)."""
    competition = competition_or_404(competition)
    nations = _declarable_nations(request.user)
    default = nations[0].code if len(nations) == 1 and nations[0] is not None else ""
    nation = _nation_from(request, request.GET.get("nation") or default)
    form = TeamForm(request.POST or None, competition=competition, nation=nation)
    if request.method == "POST" and form.is_valid():
        team = _save(request, competition, form, nation=nation)
        if team is not None:
            messages.success(request, _("Team %(team)s declared.") % {"team": team.name})
            return redirect(reverse("milcomp_teams", args=[competition.slug]) + f"#team-{team.pk}")
    return render(
        request,
        "milcomp/teams/form.html",
        {
            "competition": competition,
            "form": form,
            "nation": nation,
            "team": None,
            "frozen": competition.teams_frozen,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _own_team(request, competition, pk):
    team = get_object_or_404(
        Team.objects.filter(competition=competition).select_related("nation"), pk=pk
    )
    if not request.user.has_perm("milcomp.declare_team", team.nation):
        raise Http404
    return team


@login_required
def edit(request, competition, pk):
    """Change a declared team (until the teams are frozen)."""
    competition = competition_or_404(competition)
    team = _own_team(request, competition, pk)
    form = TeamForm(request.POST or None, competition=competition, nation=team.nation, team=team)
    if competition.teams_frozen:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        saved = _save(request, competition, form, nation=team.nation, team=team)
        if saved is not None:
            messages.success(request, _("Team %(team)s saved.") % {"team": saved.name})
            return redirect(reverse("milcomp_teams", args=[competition.slug]) + f"#team-{team.pk}")
    return render(
        request,
        "milcomp/teams/form.html",
        {
            "competition": competition,
            "form": form,
            "nation": team.nation,
            "team": team,
            "frozen": competition.teams_frozen,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@login_required
def withdraw(request, competition, pk):
    competition = competition_or_404(competition)
    team = _own_team(request, competition, pk)
    try:
        services.withdraw_team(team, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Team %(team)s withdrawn.") % {"team": team.name})
    return redirect("milcomp_teams", competition.slug)
