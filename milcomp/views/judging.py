"""The judges' pages: their disciplines, and one discipline's entry page with a form per team.

Each team's form is saved on its own (POST, then redirect back to the team's anchor), with the
version the page showed, so judges working on other teams, or on the same team, never
overwrite each other's entries unseen. Works without JavaScript.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F, Prefetch, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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


def _teams(competition, **filters):
    return list(
        Team.objects.filter(competition=competition, **filters)
        .select_related("nation")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.select_related(
                    "person", "registration__nation"
                ).order_by("position"),
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
                # Only this save's confirmation is shown: older messages (the sign-in's) go.
                list(messages.get_messages(request))
                messages.success(request, _("%(team)s saved.") % {"team": bound_team.name})
                return redirect(entry_url(competition, kind, bound_team, saved=True))

    saved = request.GET.get("saved")
    rows = []
    for team in teams:
        result = results.get(team.pk)
        form = bound_form if team is bound_team else _form_for(discipline, team, result, table)
        missing = queries.still_missing(
            kind, team, list(team.members.all()), result, discipline, table
        )
        rows.append(
            {
                "team": team,
                "result": result,
                "form": form,
                "open": team is bound_team or str(team.pk) == saved,
                "stale": stale if team is bound_team and stale is not None else None,
                "summary": queries.summarise(kind, result.status, result.data) if result else [],
                "missing": missing if result else [],
                "partly": bool(result and missing),
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
            "complete": sum(1 for row in rows if row["result"] and not row["partly"]),
            "partly": sum(1 for row in rows if row["partly"]),
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


# --- The offline mode: one entry sent as JSON, and the service worker ------------------------

PROBLEMS = {
    400: ("invalid-request", gettext_lazy("Invalid request")),
    401: ("not-authenticated", gettext_lazy("Authentication required")),
    403: ("forbidden", gettext_lazy("Forbidden")),
    404: ("not-found", gettext_lazy("Not found")),
    409: ("conflict", gettext_lazy("Conflict")),
}
MAX_ENTRY_BYTES = 64 * 1024


def _problem(status, detail, **extra):
    """Answer an RFC 9457 problem details object (as the API app does), in the user's language."""
    type_, title = PROBLEMS[status]
    body = {
        "type": f"/api/v1/problems/{type_}",
        "title": str(title),
        "status": status,
        "detail": str(detail),
        **extra,
    }
    return JsonResponse(body, status=status, content_type="application/problem+json")


def _entry_fields(form, result):
    """The form's field values of a saved result, keyed by the names the page's inputs have."""
    initial = type(form).initial_from(result)
    values = {}
    for name in form.fields:
        if name == "reason":
            continue
        value = initial.get(name)
        values[form.add_prefix(name)] = "" if value is None else str(value)
    return values


def _entry_body(request):
    """Return (team id, {field name: text}) of the JSON body, or raise ValueError (shown)."""
    if len(request.body) > MAX_ENTRY_BYTES:
        raise ValueError(_("The entry is too large."))
    try:
        body = json.loads(request.body)
    except UnicodeDecodeError:
        raise ValueError(_("The entry is not UTF-8 text.")) from None
    except json.JSONDecodeError as error:
        # The position, not the parser's English words: the message is in the judge's language.
        raise ValueError(
            _("The entry is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": error.lineno, "column": error.colno}
        ) from None
    if not isinstance(body, dict):
        raise ValueError(_("The entry must be a JSON object with “team” and “fields”."))
    team_id, fields = body.get("team"), body.get("fields")
    if type(team_id) is not int or not isinstance(fields, dict):
        raise ValueError(
            _("The entry must be a JSON object with “team” (a number) and “fields” (an object).")
        )
    if any(not isinstance(value, str | int | None) for value in fields.values()):
        raise ValueError(_("Each field of the entry must be a text or a number."))
    return team_id, {
        str(name): "" if value is None else str(value) for name, value in fields.items()
    }


@require_POST
def entry_save(request, competition, kind):
    """Save one team's entry sent as JSON by the page's offline mode (judge-offline.js).

    The same form, rules and service as the entry page; CSRF protected. Answers the saved
    entry, or a problem: 400 invalid (with `errors`), 403, 404, 409 when the result changed
    since the version the entry was based on (with `yours` and `server`, nothing saved).
    """
    if not request.user.is_authenticated:
        return _problem(401, _("Sign in again: your entries stay on this device until then."))
    competition = Competition.objects.filter(slug=competition).first()
    discipline = (
        Discipline.objects.filter(competition=competition, kind=kind).first()
        if competition is not None
        else None
    )
    if discipline is None:
        return _problem(404, _("No such discipline."))
    discipline.competition = competition
    if not request.user.has_perm("milcomp.enter_result", discipline):
        return _problem(403, _("You do not judge this discipline."))
    try:
        team_id, fields = _entry_body(request)
    except ValueError as error:
        return _problem(400, error)
    team = next(iter(_teams(competition, pk=team_id)), None)
    if team is None:
        return _problem(404, _("This team does not take part in this competition."))
    table = competition.points_table()
    result = RawResult.objects.filter(team=team, discipline=discipline).first()
    form = _form_for(discipline, team, result, table, fields)
    if not form.is_valid():
        return _invalid(form)
    try:
        saved = services.save_result(
            team,
            discipline,
            data=form.to_data(),
            status=form.cleaned_data["status"],
            by=request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except services.StaleResult as error:
        server = RawResult.objects.filter(team=team, discipline=discipline).first()
        if server is not None and _same_entry(server, form, table):
            # Already saved: an earlier send arrived but its answer was lost with the network.
            return JsonResponse(_entry_json(discipline, team, server, form))
        return _problem(
            409,
            " ".join(error.messages),
            team=team.pk,
            yours={"summary": queries.summarise(kind, form.cleaned_data["status"], form.to_data())},
            server=_entry_json(discipline, team, server, form),
        )
    except PermissionDenied:
        return _problem(403, _("You do not judge this discipline."))
    except ValidationError as error:
        form.apply_service_error(error)
        return _invalid(form)
    return JsonResponse(_entry_json(discipline, team, saved, form))


def _same_entry(result, form, table) -> bool:
    status = form.cleaned_data["status"]
    try:
        data = services.clean_data(result.discipline.kind, form.to_data(), table)
    except ValidationError:
        return False
    return (result.status, result.data) == (status, data)


def _invalid(form):
    errors = {
        (form.add_prefix(name) if name != "__all__" else "__all__"): [str(m) for m in messages]
        for name, messages in form.errors.items()
    }
    detail = " ".join(message for messages in errors.values() for message in messages)
    return _problem(400, detail, errors=errors)


def _entry_json(discipline, team, result, form):
    """A team's saved entry as the page shows it: version, summary, field values, author."""
    return {
        "team": team.pk,
        "version": result.version if result else 0,
        "summary": queries.summarise(discipline.kind, result.status, result.data) if result else [],
        "fields": _entry_fields(form, result),
        "by": services.author_name(result),
        "missing": queries.still_missing(
            discipline.kind, team, list(team.members.all()), result, discipline, form.table
        )
        if result
        else [],
    }


def service_worker(request):
    """Serve static/js/judge-sw.js from the judges' URLs, so that it may control their pages."""
    path = finders.find("js/judge-sw.js")
    if path is None:
        raise Http404
    with open(path, "rb") as script:
        response = HttpResponse(script.read(), content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
