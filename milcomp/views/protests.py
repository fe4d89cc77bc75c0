"""Protests, the jury's decisions and official results, and a team's result history.

- The protests page: the jury (and presidency) see every protest and every discipline's state,
  decide protests and declare disciplines official; a head of delegation or a captain sees the
  own teams' protests and files new ones within the protest window.
- A team's history: every change of its raw results (old and new values, who, when, why),
  readable by the jury, the presidency and the team's nation (and its members).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import queries, services
from ..forms import RESULT_FORMS, DecisionForm, ProtestForm
from ..models import Discipline, Protest, RawResult, ResultChange, Team
from . import competition_or_404, discipline_or_404, require


def _protestable_teams(user, competition):
    """The teams `user` may file a protest for."""
    return Team.objects.protestable_by(user).filter(competition=competition).order_by("name")


def _open_disciplines(competition):
    """The disciplines of the competition whose protest window is open now."""
    now = timezone.now()
    open_ids = []
    for discipline in competition.disciplines.all():
        discipline.competition = competition
        if services.protest_window_open(discipline, now=now):
            open_ids.append(discipline.pk)
    return Discipline.objects.filter(pk__in=open_ids)


@login_required
def index(request, competition):
    """Protests: all of them with the disciplines' states for the jury; the own for others."""
    competition = competition_or_404(competition)
    is_jury = request.user.has_perm("milcomp.decide_protest", competition)
    protests = Protest.objects.filter(team__competition=competition).select_related(
        "team", "discipline", "filed_by__person", "decided_by__person"
    )
    teams = _protestable_teams(request.user, competition)
    if not is_jury:
        visible = Team.objects.visible_to(request.user).filter(competition=competition)
        if not visible.exists():
            raise Http404
        protests = protests.filter(team__in=visible)
    disciplines = list(competition.disciplines.all())
    now = timezone.now()
    for discipline in disciplines:
        discipline.competition = competition
        discipline.window_open = services.protest_window_open(discipline, now=now)
        deadline = discipline.protest_deadline()
        discipline.window_over = deadline is not None and now >= deadline
    return render(
        request,
        "milcomp/protests/index.html",
        {
            "competition": competition,
            "is_jury": is_jury,
            "protests": protests.order_by("-filed_at"),
            "disciplines": disciplines,
            "may_file": teams.exists(),
        },
    )


@login_required
def file(request, competition):
    """File a protest for one of the user's teams, about a discipline in its protest window."""
    competition = competition_or_404(competition)
    teams = _protestable_teams(request.user, competition)
    if not teams.exists():
        raise Http404
    disciplines = _open_disciplines(competition)
    form = ProtestForm(request.POST or None, teams=teams, disciplines=disciplines)
    if request.method == "POST" and form.is_valid():
        try:
            protest = services.file_protest(
                form.cleaned_data["team"],
                form.cleaned_data["discipline"],
                reasons=form.cleaned_data["reasons"],
                by=request.user,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Protest of %(team)s filed: the jury will decide.") % {"team": protest.team},
            )
            return redirect("milcomp_protests", competition.slug)
    return render(
        request,
        "milcomp/protests/file.html",
        {"competition": competition, "form": form, "window_open": disciplines.exists()},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def decide(request, competition, pk):
    """The jury decides a protest: uphold with corrected raw values, or reject."""
    competition = competition_or_404(competition)
    require(request.user, "milcomp.decide_protest", competition)
    protest = get_object_or_404(
        Protest.objects.filter(team__competition=competition).select_related(
            "team__nation", "discipline", "filed_by__person", "decided_by__person"
        ),
        pk=pk,
    )
    protest.discipline.competition = competition
    team, discipline = protest.team, protest.discipline
    result = RawResult.objects.filter(team=team, discipline=discipline).first()
    form_class = RESULT_FORMS[discipline.kind]
    members = list(team.members.select_related("person").order_by("position"))
    data = request.POST if request.method == "POST" else None
    correction = form_class(
        data,
        table=competition.points_table(),
        member_names=[member.person.full_name for member in members],
        prefix="correction",
        initial=form_class.initial_from(result),
    )
    # The decision is the reason of the correction; the entry form's own one is not shown.
    correction.fields["reason"].required = False
    decision = DecisionForm(data, prefix="decision")
    if request.method == "POST" and protest.is_open and decision.is_valid():
        upheld = decision.cleaned_data["outcome"] == "uphold"
        if not upheld or correction.is_valid():
            try:
                services.decide_protest(
                    protest,
                    upheld=upheld,
                    decision=decision.cleaned_data["decision"],
                    correction_data=correction.to_data() if upheld else None,
                    correction_status=correction.cleaned_data["status"] if upheld else None,
                    expected_version=correction.cleaned_data.get("version") if upheld else None,
                    by=request.user,
                )
            except services.StaleResult as error:
                decision.add_error(None, error.messages)
            except ValidationError as error:
                correction.apply_service_error(error)
            else:
                messages.success(
                    request,
                    (
                        _("Protest upheld; %(team)s's result corrected.")
                        if upheld
                        else _("Protest rejected.")
                    )
                    % {"team": team.name},
                )
                return redirect("milcomp_protests", competition.slug)
    return render(
        request,
        "milcomp/protests/decide.html",
        {
            "competition": competition,
            "protest": protest,
            "result": result,
            "summary": queries.summarise(discipline.kind, result.status, result.data)
            if result
            else [],
            "decision_form": decision,
            "correction": correction,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def official(request, competition, kind):
    """The jury declares a discipline's results official."""
    competition = competition_or_404(competition)
    discipline = discipline_or_404(competition, kind)
    require(request.user, "milcomp.declare_official", competition)
    try:
        services.declare_official(discipline, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(discipline)s results declared official.")
            % {"discipline": discipline.get_kind_display()},
        )
    return redirect("milcomp_protests", competition.slug)


@login_required
def history(request, competition, pk):
    """Every change of a team's raw results, oldest first, and its protests."""
    competition = competition_or_404(competition)
    team = get_object_or_404(
        Team.objects.filter(competition=competition).select_related("nation"), pk=pk
    )
    require(request.user, "milcomp.view_team", team)
    changes = []
    for change in ResultChange.objects.filter(team=team).select_related(
        "discipline", "by__person", "protest"
    ):
        kind = change.discipline.kind
        changes.append(
            {
                "change": change,
                "old": queries.summarise(kind, change.old_status or None, change.old_data),
                "new": queries.summarise(kind, change.new_status, change.new_data),
            }
        )
    return render(
        request,
        "milcomp/protests/history.html",
        {
            "competition": competition,
            "team": team,
            "members": team.members.select_related("person").order_by("position"),
            "changes": changes,
            "protests": team.protests.select_related("discipline").order_by("filed_at"),
        },
    )
