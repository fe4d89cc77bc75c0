"""Reads shared by the MILCOMP pages: the engine's input, discipline states, results version.

The live results pages call `scoring_input(competition)`, feed it to `scoring.compute` and cache
the outcome under `results_version(competition)`, which every change to a result, a team, a
discipline's state or the competition moves on once committed (`bump_results_version`).

Keys in the engine's values: a team's key is `str(Team.pk)`, a member's `str(TeamMember.pk)`.
"""

import logging
import time

from django.core.cache import cache
from django.db.models import Prefetch

from . import scoring
from .models import Discipline, DisciplineKind, RawResult, ResultStatus, Team, TeamMember

TEAM_SIZE = scoring.TEAM_SIZE
logger = logging.getLogger(__name__)


# --- Results version -----------------------------------------------------------------------


def results_version_key(competition) -> str:
    return f"milcomp:results-version:{getattr(competition, 'pk', competition)}"


def results_version(competition) -> int | None:
    """Return the competition's results version (changes whenever a result, team or state does),
    or None when the cache cannot say (results are then computed uncached).

    A version lost from the cache restarts from the clock, never from an old number, so that
    nothing cached under an earlier version is served again.
    """
    key = results_version_key(competition)
    try:
        version = cache.get(key)
        if version is None:
            cache.add(key, time.time_ns() // 1000, timeout=None)
            version = cache.get(key)
    except Exception:
        logger.warning("Results cache unavailable: no results version.")
        return None
    return None if version is None else int(version)


def bump_results_version(competition) -> int | None:
    """Move the competition's results version on; return the new one (None when the cache
    cannot be written: logged, never raised, so that no save depends on the cache)."""
    key = results_version_key(competition)
    try:
        return int(cache.incr(key))
    except ValueError:  # not in the cache (yet, or any more)
        pass
    except Exception:
        logger.warning("Results cache unavailable: the results version was not moved.")
        return None
    version = time.time_ns() // 1000
    try:
        cache.set(key, version, timeout=None)
    except Exception:
        logger.warning("Results cache unavailable: the results version was not moved.")
        return None
    return version


# --- The engine's input ----------------------------------------------------------------------


def _ints(values):
    return tuple(value for value in (values or ()) if isinstance(value, int))


def _member_values(data, index):
    members = (data or {}).get("members") or []
    return members[index] if index < len(members) and isinstance(members[index], dict) else {}


def team_result(team, members, results_by_kind, disciplines_by_kind=None) -> scoring.TeamResult:
    """Return the engine's TeamResult of a team from its members and raw results.

    `members` are the team's TeamMembers in position order (with registration__nation);
    `results_by_kind` {discipline kind: RawResult}; `disciplines_by_kind` gives the course's
    true distances when a team's orienteering entry has none.
    """
    shooting = results_by_kind.get(DisciplineKind.SHOOTING)
    orienteering = results_by_kind.get(DisciplineKind.ORIENTEERING)
    loac = results_by_kind.get(DisciplineKind.LOAC)
    engine_members = []
    for index, member in enumerate(members):
        member_shooting = None
        if shooting is not None:
            values = _member_values(shooting.data, index)
            if values:
                member_shooting = scoring.MemberShooting(
                    pistol_precision=_ints(values.get("pistol_precision")),
                    pistol_rapid_hits=values.get("pistol_rapid_hits") or 0,
                    rifle_precision=_ints(values.get("rifle_precision")),
                    rifle_rapid_hits=values.get("rifle_rapid_hits") or 0,
                )
        march = _member_values(orienteering.data, index) if orienteering else {}
        engine_members.append(
            scoring.Member(
                key=member.key,
                nation=member.registration.nation.code,
                shooting=member_shooting,
                loac_percent=_member_values(loac.data, index).get("percent") if loac else None,
                estimates=_ints(march.get("estimates")),
                throws=tuple(
                    value for value in march.get("throws") or () if isinstance(value, bool)
                ),
            )
        )
    values = {}
    for kind in DisciplineKind.values:
        result = results_by_kind.get(kind)
        values[f"{kind}_status"] = scoring.Status(result.status if result else ResultStatus.OK)
    land = results_by_kind.get(DisciplineKind.LAND)
    water = results_by_kind.get(DisciplineKind.WATER)
    first_aid = results_by_kind.get(DisciplineKind.FIRST_AID)
    true_distances = ()
    if orienteering is not None:
        true_distances = _ints(orienteering.data.get("true_distances"))
    if not true_distances and disciplines_by_kind:
        course = disciplines_by_kind.get(DisciplineKind.ORIENTEERING)
        true_distances = _ints(course.true_distances if course else ())
    return scoring.TeamResult(
        key=team.key,
        name=team.name,
        nation=team.nation.code if team.nation_id else None,
        category=team.category,
        members=tuple(engine_members),
        land_seconds=land.data.get("seconds") if land else None,
        land_failed_obstacles=(land.data.get("failed_obstacles") or 0) if land else 0,
        water_seconds=water.data.get("seconds") if water else None,
        water_failed_obstacles=(water.data.get("failed_obstacles") or 0) if water else 0,
        orienteering_seconds=orienteering.data.get("seconds") if orienteering else None,
        orienteering_missed_posts=(orienteering.data.get("missed_posts") or 0)
        if orienteering
        else 0,
        estimate_true_distances=true_distances,
        first_aid_score=first_aid.data.get("score") if first_aid else None,
        disqualified=team.disqualified,
        **values,
    )


def scoring_input(competition):
    """Return (teams as scoring.TeamResult, the points table, the categories in order).

    Four queries: the teams, their members, their raw results, the disciplines. Teams come in
    start order; a team without its three members yet is left out (the engine wants three).
    """
    teams = list(
        Team.objects.filter(competition=competition)
        .select_related("nation")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.select_related("registration__nation").order_by(
                    "position"
                ),
            )
        )
        .in_start_order()
    )
    results: dict[int, dict[str, RawResult]] = {}
    for result in RawResult.objects.filter(team__competition=competition).select_related(
        "discipline"
    ):
        results.setdefault(result.team_id, {})[result.discipline.kind] = result
    disciplines = {d.kind: d for d in Discipline.objects.filter(competition=competition)}
    team_results = [
        team_result(team, list(team.members.all()), results.get(team.pk, {}), disciplines)
        for team in teams
        if len(team.members.all()) == TEAM_SIZE
    ]
    return team_results, competition.points_table(), competition.categories


def discipline_states(competition) -> dict[str, dict]:
    """Return {kind: {"state", "label", "published_at", "official_at", "protest_deadline"}}
    for each discipline of the competition, in the engine's order (one query)."""
    disciplines = {
        d.kind: d
        for d in Discipline.objects.filter(competition=competition).select_related("competition")
    }
    states = {}
    for kind in DisciplineKind.values:
        discipline = disciplines.get(kind)
        state = discipline.state if discipline else Discipline.State.OPEN
        states[kind] = {
            "state": state,
            "label": Discipline.State(state).label,
            "published_at": discipline.published_at if discipline else None,
            "official_at": discipline.official_at if discipline else None,
            "protest_deadline": discipline.protest_deadline() if discipline else None,
        }
    return states


# --- Reading raw values ----------------------------------------------------------------------


def _list(values):
    return " ".join(str(value) for value in values or ()) or "–"


def summarise(kind: str, status: str | None, data: dict | None) -> list[str]:
    """Return the raw values of a result as short lines a person reads (history pages)."""
    from django.utils.translation import gettext as _

    if status is None and data is None:
        return [_("(nothing entered)")]
    lines = []
    if status and status != ResultStatus.OK:
        lines.append(str(ResultStatus(status).label))
    data = data or {}
    if kind == DisciplineKind.SHOOTING:
        for index, member in enumerate(data.get("members") or [], start=1):
            if not member:
                continue
            lines.append(
                _(
                    "Member %(n)s: pistol %(pistol)s, rapid %(pistol_rapid)s; "
                    "rifle %(rifle)s, rapid %(rifle_rapid)s"
                )
                % {
                    "n": index,
                    "pistol": _list(member.get("pistol_precision")),
                    "pistol_rapid": _shown(member.get("pistol_rapid_hits")),
                    "rifle": _list(member.get("rifle_precision")),
                    "rifle_rapid": _shown(member.get("rifle_rapid_hits")),
                }
            )
    elif kind in (DisciplineKind.LAND, DisciplineKind.WATER):
        seconds = data.get("seconds")
        lines.append(
            _("Time %(time)s, failed obstacles %(failed)s")
            % {
                "time": scoring.format_time(seconds) if seconds is not None else "–",
                "failed": _shown(data.get("failed_obstacles")),
            }
        )
    elif kind == DisciplineKind.ORIENTEERING:
        seconds = data.get("seconds")
        lines.append(
            _("Time %(time)s, missed posts %(missed)s, true distances %(distances)s")
            % {
                "time": scoring.format_time(seconds, hours=True) if seconds is not None else "–",
                "missed": _shown(data.get("missed_posts")),
                "distances": _list(data.get("true_distances")),
            }
        )
        for index, member in enumerate(data.get("members") or [], start=1):
            if not member:
                continue
            throws = "".join("✓" if hit else "✗" for hit in member.get("throws") or ()) or "–"
            lines.append(
                _("Member %(n)s: estimates %(estimates)s, grenades %(throws)s")
                % {"n": index, "estimates": _list(member.get("estimates")), "throws": throws}
            )
    elif kind == DisciplineKind.FIRST_AID:
        lines.append(_("Score %(score)s") % {"score": _shown(data.get("score"))})
    elif kind == DisciplineKind.LOAC:
        percents = [_shown((member or {}).get("percent")) for member in data.get("members") or []]
        lines.append(_("Percent per member: %(values)s") % {"values": " / ".join(percents) or "–"})
    return lines


def _shown(value):
    return "–" if value is None or value == "" else str(value)


def still_missing(kind, team, members, result, discipline, table) -> list[str]:
    """Return what a team's entry in a discipline still lacks, as lines a judge reads.

    [] when the engine counts the discipline as entered; the engine's `pending` decides, as it
    does for the live results ("–" not entered, "*" partly entered). `members` are the team's
    TeamMembers in position order with `person` and `registration__nation`.
    """
    from django.utils.translation import gettext as _

    if result is None:
        return [_("Nothing entered yet.")]
    if len(members) != TEAM_SIZE:
        return []
    try:
        points = scoring.team_points(
            team_result(team, members, {kind: result}, {kind: discipline}), table
        )
    except ValueError:
        return []
    if kind not in points.pending:
        return []
    data = result.data or {}
    lines = []
    for index, member in enumerate(members):
        name = _("Member %(n)s – %(name)s") % {"n": index + 1, "name": member.person.full_name}
        values = _member_values(data, index)
        if kind == DisciplineKind.SHOOTING:
            shots = table.precision_shots
            for weapon, label in (("pistol", _("pistol")), ("rifle", _("rifle"))):
                done = len(_ints(values.get(f"{weapon}_precision")))
                if done < shots:
                    lines.append(
                        _("%(member)s: %(weapon)s precision, %(done)s of %(shots)s shots")
                        % {"member": name, "weapon": label, "done": done, "shots": shots}
                    )
        elif kind == DisciplineKind.LOAC and values.get("percent") is None:
            lines.append(_("%(member)s: no LOAC percent") % {"member": name})
        elif kind == DisciplineKind.ORIENTEERING and (
            len(_ints(values.get("estimates"))) < table.estimates_per_member
            or len(values.get("throws") or ()) < table.grenades_per_member
        ):
            lines.append(_("%(member)s: range estimates or grenade throws") % {"member": name})
    if kind == DisciplineKind.ORIENTEERING and data.get("seconds") is None:
        lines.insert(0, _("No team time."))
    return lines or [_("Partly entered.")]
