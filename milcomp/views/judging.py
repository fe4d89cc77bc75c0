"""The judges' pages: their disciplines, and one discipline's entry page with a form per team.

Each team's form is saved on its own (POST, then redirect back to the team's anchor), with the
version the page showed, so judges working on other teams, or on the same team, never
overwrite each other's entries unseen. Works without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.rules import is_presidency

from .. import queries, services
from ..forms import RESULT_FORMS
from ..models import Competition, Discipline, RawResult, Team, TeamMember
from . import competition_or_404, discipline_or_404, require


def disciplines_for(user):
    """Return the disciplines of running competitions whose results `user` may enter."""
    disciplines = Discipline.objects.select_related("competition").exclude(
        competition__status=Competition.Status.FINISHED
    )
    if not is_presidency(user):
        person_id = user.person_id or 0
        judged = Q(
            competition__judges__person_id=person_id,
            competition__judges__discipline_kind=F("kind"),
        )
        jury = Q(competition__jury_members__person_id=person_id)
        disciplines = disciplines.filter(
            pk__in=Discipline.objects.filter(judged | jury).values("pk")
        )
    return disciplines.order_by("-competition__year", "pk")


@login_required
def home(request):
    """List the disciplines the user judges (or, for the jury and presidency, oversees)."""
    disciplines = list(disciplines_for(request.user))
    competitions = {}
    for discipline in disciplines:
        competitions.setdefault(discipline.competition, []).append(discipline)
    jury_competitions = [
        competition
        for competition in competitions
        if request.user.has_perm("milcomp.decide_protest", competition)
    ]
    return render(
        request,
        "milcomp/judging/home.html",
        {"competitions": competitions, "jury_competitions": jury_competitions},
    )


def _teams(competition):
    return list(
        Team.objects.filter(competition=competition)
        .select_related("nation")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.select_related("person").order_by("position"),
            )
        )
        .in_start_order()
    )


def _results(discipline):
    return {
        result.team_id: result
        for result in RawResult.objects.filter(discipline=discipline).select_related(
            "entered_by__person"
        )
    }


def _form_for(discipline, team, result, table, data=None):
    form_class = RESULT_FORMS[discipline.kind]
    return form_class(
        data,
        table=table,
        member_names=[member.person.full_name for member in team.members.all()],
        prefix=f"t{team.pk}",
        initial=form_class.initial_from(result),
    )


def entry_url(competition, kind, team=None, saved=False):
    url = reverse("milcomp_judge_entry", args=[competition.slug, kind])
    if team is not None:
        url += (f"?saved={team.pk}" if saved else "") + f"#team-{team.pk}"
    return url


@login_required
def entry(request, competition, kind):
    """A discipline's entry page: the teams in start order, a form per team."""
    competition = competition_or_404(competition)
    discipline = discipline_or_404(competition, kind)
    require(request.user, "milcomp.enter_result", discipline)
    table = competition.points_table()
    teams = _teams(competition)
    results = _results(discipline)
    bound_team, bound_form, stale = None, None, None

    if request.method == "POST":
        try:
            team_id = int(request.POST.get("team", ""))
        except ValueError:
            raise Http404 from None
        bound_team = next((team for team in teams if team.pk == team_id), None)
        if bound_team is None:
            raise Http404
        bound_form = _form_for(discipline, bound_team, results.get(team_id), table, request.POST)
        if bound_form.is_valid():
            try:
                services.save_result(
                    bound_team,
                    discipline,
                    data=bound_form.to_data(),
                    status=bound_form.cleaned_data["status"],
                    by=request.user,
                    expected_version=bound_form.cleaned_data["version"],
                    reason=bound_form.cleaned_data["reason"],
                )
            except services.StaleResult as error:
                stale = RawResult.objects.filter(team=bound_team, discipline=discipline).first()
                results[team_id] = stale
                # Keep what the judge typed; the next save is checked against the newest entry.
                data = request.POST.copy()
                data[f"{bound_form.prefix}-version"] = stale.version if stale else 0
                bound_form = _form_for(discipline, bound_team, stale, table, data)
                bound_form.is_valid()
                bound_form.add_error(None, error.messages)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                bound_form.apply_service_error(error)
            else:
                messages.success(request, _("%(team)s saved.") % {"team": bound_team.name})
                return redirect(entry_url(competition, kind, bound_team, saved=True))

    saved = request.GET.get("saved")
    rows = []
    for team in teams:
        result = results.get(team.pk)
        form = bound_form if team is bound_team else _form_for(discipline, team, result, table)
        rows.append(
            {
                "team": team,
                "result": result,
                "form": form,
                "open": team is bound_team or str(team.pk) == saved,
                "stale": stale if team is bound_team and stale is not None else None,
                "summary": queries.summarise(kind, result.status, result.data) if result else [],
            }
        )
    status = 400 if bound_form is not None and bound_form.errors else 200
    return render(
        request,
        "milcomp/judging/entry.html",
        {
            "competition": competition,
            "discipline": discipline,
            "rows": rows,
            "entered": len(results),
            "may_publish": request.user.has_perm("milcomp.publish_discipline", discipline)
            and discipline.state == Discipline.State.OPEN,
            "needs_reason": discipline.state != Discipline.State.OPEN,
        },
        status=status,
    )


@require_POST
@login_required
def publish(request, competition, kind):
    """Publish the discipline's results as provisional (the protest window opens)."""
    competition = competition_or_404(competition)
    discipline = discipline_or_404(competition, kind)
    require(request.user, "milcomp.publish_discipline", discipline)
    try:
        services.publish_discipline(discipline, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(discipline)s results published as provisional: the protest window is open.")
            % {"discipline": discipline.get_kind_display()},
        )
    return redirect(entry_url(competition, kind))
