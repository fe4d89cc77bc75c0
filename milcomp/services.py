"""MILCOMP writes: teams, the draw, results, publication, protests, official results.

Each function runs in a transaction, locks the rows it decides on (`select_for_update` on
PostgreSQL; SQLite transactions are IMMEDIATE, one writer at a time), refuses with a
ValidationError in the user's language (nothing changed) or PermissionDenied, writes an audit
entry ("cior.team", "cior.result", "cior.protest", "cior.competition") and moves the
competition's results version on (queries.bump_results_version) when what the live pages show
changes, once the transaction has committed (a cache that fails then cannot undo the save).

Raw inputs (`RawResult.data`), in the engine's terms, members in team position order:

- shooting: {"members": [{"pistol_precision": [rings], "pistol_rapid_hits": n,
  "rifle_precision": [rings], "rifle_rapid_hits": n}, x3]}
- land, water: {"seconds": s, "failed_obstacles": n}; the input may give "time": "m:ss"
- orienteering: {"seconds": s, "missed_posts": n, "true_distances": [m, m, m],
  "members": [{"estimates": [m, m, m], "throws": [true, false, true]}, x3]};
  the input may give "time": "h:mm:ss"
- first_aid: {"score": n}
- loac: {"members": [{"percent": p}, x3]}

A value not entered yet is absent (None, or a shorter list): the engine scores it 0 and shows
the discipline as pending.
"""

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import audit
from events.models import Registration, RegistrationType

from . import scoring
from .models import (
    CATEGORY_RULE_FIELDS,
    POINTS_TABLE_FIELDS,
    Category,
    Competition,
    Discipline,
    DisciplineKind,
    Protest,
    RawResult,
    ResultChange,
    ResultStatus,
    Team,
    TeamMember,
)
from .queries import bump_results_version, results_version, team_result

__all__ = [
    "StaleResult",
    "bump_results_version",
    "decide_protest",
    "declare_official",
    "declare_team",
    "draw_start_order",
    "file_protest",
    "freeze_teams",
    "publish_discipline",
    "results_version",
    "save_result",
]

TEAM_SIZE = scoring.TEAM_SIZE
INTERNATIONAL_CODE = "INT"


class StaleResult(ValidationError):
    """The result changed since the page was loaded: reload and enter again."""


def _bump(competition):
    # Once committed, never inside the transaction: a cache that fails cannot undo a save.
    transaction.on_commit(lambda: bump_results_version(competition), robust=True)


def _now(now):
    return now or timezone.now()


def _locked_competition(competition) -> Competition:
    return Competition.objects.select_for_update().get(pk=competition.pk)


# --- Competition set-up ------------------------------------------------------------------------


def ensure_disciplines(competition) -> list[Discipline]:
    """Create the disciplines a competition lacks (all six of the engine); return them all."""
    existing = set(competition.disciplines.values_list("kind", flat=True))
    for kind in DisciplineKind.values:
        if kind not in existing:
            Discipline.objects.create(competition=competition, kind=kind)
    return list(Discipline.objects.filter(competition=competition))


@transaction.atomic
def create_competition(*, event, year: int, title_en: str, by, title_fr: str = "", **fields):
    """Create a competition with its six disciplines (presidency only). Audited."""
    if not by.has_perm("milcomp.manage_competition"):
        raise PermissionDenied
    competition = Competition(
        event=event,
        year=year,
        slug=fields.pop("slug", str(year)),
        title_en=title_en,
        title_fr=title_fr,
        **fields,
    )
    competition.full_clean()
    competition.save()
    ensure_disciplines(competition)
    audit.record(
        competition,
        action="cior.competition",
        by=by,
        changes={"year": [None, year], "event": [None, str(event)]},
    )
    return competition


COMPETITION_FIELDS = [
    "event",
    "year",
    "slug",
    "title_en",
    "title_fr",
    "protest_window_minutes",
    *POINTS_TABLE_FIELDS,
    *CATEGORY_RULE_FIELDS,
]


def save_competition(competition: Competition, *, by) -> Competition:
    """Save a competition that a validated admin form filled in (its disciplines, judges and
    jury too), new or edited (presidency only).

    In one transaction: a new one is saved with its six disciplines and a "cior.competition"
    audit entry of every value; an edited one is locked, saved, audited with the old and new
    values, and its results version moved on (its points table may have changed), again after
    commit, when the cached competition is forgotten too.
    """
    from . import results  # results reads what the services write

    if not by.has_perm("milcomp.manage_competition", competition if competition.pk else None):
        raise PermissionDenied
    with transaction.atomic():
        if competition.pk is None:
            competition.save()
            ensure_disciplines(competition)
            changed = audit.changes({}, competition, COMPETITION_FIELDS)
            audit.record(competition, action="cior.competition", by=by, changes=changed)
            return competition
        stored = _locked_competition(competition)
        competition.save()
        changed = audit.changes(stored, competition, COMPETITION_FIELDS)
        if changed:
            audit.record(competition, action="cior.competition", by=by, changes=changed)
        bump_results_version(competition)
        # A poll in between must not cache results of the old rows under the new version.
        transaction.on_commit(lambda: results.forget_competition(competition))
    return competition


@transaction.atomic
def freeze_teams(competition, *, by, now=None) -> Competition:
    """Freeze the teams' composition (the opening meeting): no team changes after it.

    Presidency only; audited; the live pages' version moves on.
    """
    if not by.has_perm("milcomp.manage_competition", competition):
        raise PermissionDenied
    competition = _locked_competition(competition)
    if competition.frozen_at is not None:
        raise ValidationError(_("The teams are already frozen."))
    if not competition.teams.exists():
        raise ValidationError(_("No team has been declared: there is nothing to freeze."))
    competition.frozen_at = _now(now)
    competition.status = Competition.Status.TEAMS_FROZEN
    competition.save(update_fields=["frozen_at", "status"])
    audit.record(
        competition,
        action="cior.competition",
        by=by,
        changes={"status": [Competition.Status.SETUP, competition.status]},
        reason="teams frozen",
    )
    _bump(competition)
    return competition


@transaction.atomic
def draw_start_order(competition, *, by, seed: str | int | None = None, now=None) -> list[Team]:
    """Draw the start order by lot (scoring.draw_start_order) with a recorded seed.

    The same teams and seed always give the same order. Presidency only, once the teams are
    frozen, and once (the recorded draw stands). Sets each team's start number; audited.
    """
    if not by.has_perm("milcomp.manage_competition", competition):
        raise PermissionDenied
    competition = _locked_competition(competition)
    if competition.frozen_at is None:
        raise ValidationError(_("Freeze the teams before drawing the start order."))
    if competition.drawn_at is not None:
        raise ValidationError(
            _("The start order was drawn on %(date)s with the seed %(seed)s; it stands.")
            % {"date": competition.drawn_at.date().isoformat(), "seed": competition.draw_seed}
        )
    seed = str(seed) if seed not in (None, "") else secrets.token_hex(8)
    teams = {team.key: team for team in Team.objects.filter(competition=competition)}
    order = scoring.draw_start_order(list(teams), seed)
    for number, key in enumerate(order, start=1):
        teams[key].start_number = number
    Team.objects.bulk_update(teams.values(), ["start_number"])
    competition.draw_seed = seed
    competition.drawn_at = _now(now)
    competition.save(update_fields=["draw_seed", "drawn_at"])
    audit.record(
        competition,
        action="cior.competition",
        by=by,
        changes={
            "draw_seed": [None, seed],
            "start_order": [None, [teams[key].name for key in order]],
        },
        reason="start order drawn",
    )
    _bump(competition)
    return [teams[key] for key in order]


# --- Teams ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberEntry:
    """A competitor of a declared team: the confirmed registration and past participations."""

    registration: Registration
    previous_participations: int = 0


REASON_MESSAGES = {
    scoring.Reason.TEAM_SIZE: gettext_lazy("A team has exactly 3 members."),
    scoring.Reason.UNKNOWN_CATEGORY: gettext_lazy("This category does not exist."),
    scoring.Reason.MIXED_NATIONS: gettext_lazy(
        "A national team's members all come from one nation."
    ),
    scoring.Reason.NOT_ALL_FIRST_TIME: gettext_lazy(
        "In the novice category every member competes for the first time."
    ),
    scoring.Reason.NO_PREVIOUS_PARTICIPATION: gettext_lazy(
        "In the experienced category at least %(count)s member(s) must have competed before."
    ),
    scoring.Reason.TOO_FEW_PARTICIPATIONS: gettext_lazy(
        "In the veteran category every member has at least %(count)s previous participations."
    ),
    scoring.Reason.NOT_ALL_FEMALE: gettext_lazy("In the female category every member is female."),
    scoring.Reason.TOO_FEW_NATIONS: gettext_lazy(
        "An international team has members from at least %(count)s nations."
    ),
}


def reason_message(reason: scoring.Reason, rules: scoring.CategoryRules) -> str:
    """Return why a team does not meet its category, in the active language."""
    counts = {
        scoring.Reason.NO_PREVIOUS_PARTICIPATION: rules.experienced_min_members_with_participation,
        scoring.Reason.TOO_FEW_PARTICIPATIONS: rules.veteran_min_participations,
        scoring.Reason.TOO_FEW_NATIONS: rules.international_min_nations,
    }
    message = str(REASON_MESSAGES[reason])
    return message % {"count": counts[reason]} if reason in counts else message


def competitor_registrations(competition):
    """Return the confirmed competitor registrations a team may be made of: for the
    competition's event, or for the congress it belongs to."""
    events = [competition.event_id]
    if competition.event.parent_id:
        events.append(competition.event.parent_id)
    return Registration.objects.filter(
        event_id__in=events,
        state=Registration.State.CONFIRMED,
        registration_type__kind=RegistrationType.Kind.COMPETITOR,
    )


def _check_members(competition, nation, members, team):
    errors = []
    if len(members) != TEAM_SIZE:
        errors.append(_("A team has exactly 3 members."))
    registrations = [entry.registration for entry in members]
    person_ids = [registration.person_id for registration in registrations]
    if len(set(person_ids)) != len(person_ids):
        errors.append(_("The same competitor is chosen twice."))
    allowed = set(
        competitor_registrations(competition)
        .filter(pk__in=[r.pk for r in registrations])
        .values_list("pk", flat=True)
    )
    for registration in registrations:
        if registration.pk not in allowed:
            errors.append(
                _(
                    "%(person)s has no confirmed competitor registration for this "
                    "competition's event."
                )
                % {"person": registration.person}
            )
        elif nation is not None and registration.nation_id != nation.pk:
            errors.append(
                _("%(person)s is registered for another nation.") % {"person": registration.person}
            )
    for entry in members:
        if not isinstance(entry.previous_participations, int) or entry.previous_participations < 0:
            errors.append(_("Previous participations are a whole number, 0 or more."))
            break
    taken = (
        TeamMember.objects.filter(competition=competition, person_id__in=person_ids)
        .exclude(team=team)
        .select_related("person", "team")
    )
    for member in taken:
        errors.append(
            _("%(person)s is already in team %(team)s.")
            % {"person": member.person, "team": member.team.name}
        )
    return errors


def _category_reasons(competition, category, members):
    rules = competition.category_rules()
    profiles = [
        scoring.MemberProfile(
            nation=entry.registration.nation.code,
            sex=entry.registration.person.sex,
            previous_participations=entry.previous_participations,
        )
        for entry in members
    ]
    return [
        reason_message(reason, rules)
        for reason in scoring.check_category(category, profiles, rules)
    ]


def _team_snapshot(team):
    members = list(team.members.select_related("person").order_by("position"))
    return {
        "category": team.category,
        "members": [
            f"{member.person} ({member.previous_participations})"
            + (" *" if member.is_captain else "")
            for member in members
        ],
    }


@transaction.atomic
def declare_team(
    competition,
    *,
    nation,
    category: str,
    members: Sequence[MemberEntry],
    by,
    captain: int = 0,
    team: Team | None = None,
) -> Team:
    """Declare a team (or change a declared one: `team`) of three confirmed competitors.

    The head of delegation of `nation` or the presidency; an international team (nation None)
    by the presidency. Refused once the teams are frozen, and with every reason when the
    members do not meet the category (scoring.check_category with the competition's rules).
    Numbers the team ("EST 2", "INT 1"); audited.
    """
    if not by.has_perm("milcomp.declare_team", nation):
        raise PermissionDenied
    competition = _locked_competition(competition)
    if competition.frozen_at is not None or competition.status != Competition.Status.SETUP:
        raise ValidationError(_("The teams are frozen: no team can be declared or changed."))
    if team is not None:
        team = Team.objects.select_for_update().get(pk=team.pk)
        if team.competition_id != competition.pk or team.nation_id != getattr(nation, "pk", None):
            raise PermissionDenied
    if category not in Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    if (category == Category.INTERNATIONAL) != (nation is None):
        raise ValidationError(
            {
                "category": _(
                    "An international team has no nation; a national team is not international."
                )
            }
        )
    members = list(members)
    if not 0 <= captain < len(members):
        raise ValidationError({"captain": _("Choose the captain among the three members.")})
    errors = _check_members(competition, nation, members, team)
    if errors:
        raise ValidationError(errors)
    reasons = _category_reasons(competition, category, members)
    if reasons:
        raise ValidationError(
            [
                _("The team does not meet the %(category)s category:")
                % {"category": Category(category).label},
                *reasons,
            ],
            code="category",
        )

    before = _team_snapshot(team) if team else {}
    if team is None:
        taken = Team.objects.filter(competition=competition, nation=nation).values_list(
            "number", flat=True
        )
        number = max(taken, default=0) + 1
        code = nation.code if nation is not None else INTERNATIONAL_CODE
        team = Team(
            competition=competition,
            nation=nation,
            number=number,
            name=f"{code} {number}",
            declared_by=by if getattr(by, "is_authenticated", False) else None,
        )
    team.category = category
    team.save()
    team.members.all().delete()
    TeamMember.objects.bulk_create(
        [
            TeamMember(
                team=team,
                competition=competition,
                person_id=entry.registration.person_id,
                registration=entry.registration,
                position=position,
                previous_participations=entry.previous_participations,
                is_captain=position - 1 == captain,
            )
            for position, entry in enumerate(members, start=1)
        ]
    )
    after = _team_snapshot(team)
    audit.record(
        team,
        action="cior.team",
        by=by,
        changes={field: [before.get(field), value] for field, value in after.items()},
    )
    _bump(competition)
    return team


@transaction.atomic
def withdraw_team(team, *, by) -> None:
    """Withdraw a declared team before the teams are frozen (its nation's HoD or presidency)."""
    if not by.has_perm("milcomp.declare_team", team.nation):
        raise PermissionDenied
    competition = _locked_competition(team.competition)
    if competition.frozen_at is not None:
        raise ValidationError(_("The teams are frozen: no team can be withdrawn."))
    audit.record(team, action="cior.team", by=by, changes={"name": [team.name, None]})
    team.delete()
    _bump(competition)


@transaction.atomic
def disqualify_team(team, *, disqualified: bool, reason: str, by) -> Team:
    """Disqualify a whole team (or lift it): it is then listed unranked. Jury or presidency."""
    if not by.has_perm("milcomp.disqualify_team", team.competition):
        raise PermissionDenied
    reason = (reason or "").strip()
    if disqualified and not reason:
        raise ValidationError({"reason": _("Give the reason for the disqualification.")})
    team = Team.objects.select_for_update().get(pk=team.pk)
    before = audit.snapshot(team, ["disqualified", "disqualification_reason"])
    team.disqualified = disqualified
    team.disqualification_reason = reason if disqualified else ""
    team.save(update_fields=["disqualified", "disqualification_reason"])
    audit.record(
        team,
        action="cior.team",
        by=by,
        changes=audit.changes(before, team, ["disqualified", "disqualification_reason"]),
        reason=reason,
    )
    _bump(team.competition)
    return team


# --- Raw results ---------------------------------------------------------------------------

_M_SS = re.compile(r"[0-9]{1,3}:[0-9]{2}")
_H_MM_SS = re.compile(r"[0-9]{1,2}:[0-9]{2}:[0-9]{2}")


def _whole(value, label, low, high=None):
    """Return `value` as a whole number within [low, high], or raise a ValidationError."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        else:
            raise ValidationError(_("%(field)s: enter a whole number.") % {"field": label})
    if value < low or (high is not None and value > high):
        if high is None:
            raise ValidationError(
                _("%(field)s: enter %(low)s or more.") % {"field": label, "low": low}
            )
        raise ValidationError(
            _("%(field)s: enter a number from %(low)s to %(high)s.")
            % {"field": label, "low": low, "high": high}
        )
    return value


def _list(values, label, low, high, most):
    values = [value for value in (values or []) if value not in (None, "")]
    if len(values) > most:
        raise ValidationError(
            _("%(field)s: at most %(count)s values.") % {"field": label, "count": most}
        )
    return [_whole(value, label, low, high) for value in values]


def parse_time(text, *, hours: bool, label) -> int | None:
    """Return the seconds of "m:ss" (hours False) or "h:mm:ss" (hours True); None when blank."""
    if text is None or str(text).strip() == "":
        return None
    text = str(text).strip()
    pattern, example = (_H_MM_SS, "1:39:30") if hours else (_M_SS, "4:05")
    if not pattern.fullmatch(text):
        raise ValidationError(
            _("%(field)s: write the time as %(format)s, e.g. %(example)s.")
            % {"field": label, "format": "h:mm:ss" if hours else "m:ss", "example": example}
        )
    try:
        return scoring.parse_time(text)
    except ValueError:
        raise ValidationError(
            _("%(field)s: minutes and seconds go from 00 to 59.") % {"field": label}
        ) from None


def _members(data):
    members = list((data or {}).get("members") or [])
    if len(members) > TEAM_SIZE:
        raise ValidationError(_("A team has exactly 3 members."))
    members += [{}] * (TEAM_SIZE - len(members))
    return [member if isinstance(member, dict) else {} for member in members]


def _time(data, *, hours, label):
    if data.get("time") not in (None, ""):
        return parse_time(data.get("time"), hours=hours, label=label)
    return _whole(data.get("seconds"), label, 0)


def clean_data(kind: str, data: dict, table: scoring.PointsTable) -> dict:
    """Return the raw inputs of a discipline checked and in their stored shape.

    Raises a ValidationError naming the field for a value out of range or badly written.
    """
    data = data or {}
    if not isinstance(data, dict):
        raise ValidationError(_("The raw inputs are not readable."))
    member_label = _("Member %(n)s")
    if kind == DisciplineKind.SHOOTING:
        members = []
        for n, member in enumerate(_members(data), start=1):
            who = member_label % {"n": n}
            members.append(
                {
                    "pistol_precision": _list(
                        member.get("pistol_precision"),
                        _("%(member)s, pistol precision") % {"member": who},
                        0,
                        table.precision_max_ring,
                        table.precision_shots,
                    ),
                    "pistol_rapid_hits": _whole(
                        member.get("pistol_rapid_hits"),
                        _("%(member)s, pistol rapid hits") % {"member": who},
                        0,
                        table.rapid_max_hits,
                    ),
                    "rifle_precision": _list(
                        member.get("rifle_precision"),
                        _("%(member)s, rifle precision") % {"member": who},
                        0,
                        table.precision_max_ring,
                        table.precision_shots,
                    ),
                    "rifle_rapid_hits": _whole(
                        member.get("rifle_rapid_hits"),
                        _("%(member)s, rifle rapid hits") % {"member": who},
                        0,
                        table.rapid_max_hits,
                    ),
                }
            )
        return {"members": members}
    if kind in (DisciplineKind.LAND, DisciplineKind.WATER):
        obstacles = table.land_obstacles if kind == DisciplineKind.LAND else table.water_obstacles
        return {
            "seconds": _time(data, hours=False, label=_("Team time")),
            "failed_obstacles": _whole(
                data.get("failed_obstacles"), _("Failed obstacles"), 0, TEAM_SIZE * obstacles
            )
            or 0,
        }
    if kind == DisciplineKind.ORIENTEERING:
        per_member = table.estimates_per_member
        members = []
        for n, member in enumerate(_members(data), start=1):
            who = member_label % {"n": n}
            throws = [value for value in member.get("throws") or [] if value is not None]
            if len(throws) > table.grenades_per_member or any(
                not isinstance(value, bool) for value in throws
            ):
                raise ValidationError(
                    _("%(member)s: a grenade throw is a hit or a miss.") % {"member": who}
                )
            members.append(
                {
                    "estimates": _list(
                        member.get("estimates"),
                        _("%(member)s, range estimate (m)") % {"member": who},
                        0,
                        100_000,
                        per_member,
                    ),
                    "throws": throws,
                }
            )
        return {
            "seconds": _time(data, hours=True, label=_("March time")),
            "missed_posts": _whole(data.get("missed_posts"), _("Missed control posts"), 0, 100)
            or 0,
            "true_distances": _list(
                data.get("true_distances"), _("True distance (m)"), 1, 100_000, per_member
            ),
            "members": members,
        }
    if kind == DisciplineKind.FIRST_AID:
        return {"score": _whole(data.get("score"), _("First aid score"), 0, table.first_aid_max)}
    if kind == DisciplineKind.LOAC:
        return {
            "members": [
                {
                    "percent": _whole(
                        member.get("percent"),
                        _("%(member)s, LOAC percent") % {"member": member_label % {"n": n}},
                        0,
                        table.loac_max_percent,
                    )
                }
                for n, member in enumerate(_members(data), start=1)
            ]
        }
    raise ValidationError(_("Unknown discipline."))


def _check_with_engine(team, discipline, status, data, table):
    """Let the engine score the team with the new entry: anything it refuses is refused."""
    members = list(team.members.select_related("registration__nation").order_by("position"))
    if len(members) != TEAM_SIZE:
        raise ValidationError(_("The team does not have its three members."))
    entry = RawResult(team=team, discipline=discipline, status=status, data=data)
    try:
        scoring.team_points(team_result(team, members, {discipline.kind: entry}), table)
    except ValueError as error:
        raise ValidationError(_("The entry is not valid: %(error)s") % {"error": error}) from None


def _check_may_enter(discipline, *, by, protest, now):
    if protest is None and not by.has_perm("milcomp.enter_result", discipline):
        raise PermissionDenied
    if protest is not None and not (
        protest.is_open
        and protest.discipline_id == discipline.pk
        and by.has_perm("milcomp.decide_protest", discipline)
    ):
        raise PermissionDenied
    deadline = discipline.protest_deadline()
    if (
        protest is None
        and deadline is not None
        and now > deadline
        and not by.has_perm("milcomp.decide_protest", discipline)
    ):
        # Past the protest window the teams can no longer object: only the jury corrects.
        raise ValidationError(
            _("The protest window of these results has closed: only the jury changes them now.")
        )
    competition = discipline.competition
    if competition.frozen_at is None:
        raise ValidationError(_("Results can be entered once the teams are frozen."))
    if competition.status == Competition.Status.FINISHED and protest is None:
        raise ValidationError(_("The competition is finished: its results are official."))
    if discipline.state == Discipline.State.OFFICIAL and protest is None:
        raise ValidationError(
            _("The %(discipline)s results are official: they change only through a protest.")
            % {"discipline": discipline.get_kind_display()}
        )


def save_result(
    team: Team,
    discipline: Discipline,
    *,
    data: dict,
    status: str = ResultStatus.OK,
    by,
    expected_version: int,
    reason: str = "",
    protest: Protest | None = None,
    now=None,
) -> RawResult:
    """Save a team's raw result in a discipline (the judges of that discipline, the jury, the
    presidency; after the discipline is official only through an upheld protest).

    `expected_version` is the version the user's page showed (0: no result yet); when the
    result has changed since, StaleResult is raised and nothing is saved. Once the discipline
    is published a reason is required. Writes a ResultChange with the old and new values and
    an audit entry; moves the results version on. The competition is running from then on.
    """
    if team.competition_id != discipline.competition_id:
        raise ValidationError(_("This team does not take part in this competition."))
    now = _now(now)
    try:
        with transaction.atomic():
            discipline = (
                Discipline.objects.select_for_update()
                .select_related("competition")
                .get(pk=discipline.pk)
            )
            _check_may_enter(discipline, by=by, protest=protest, now=now)
            if protest is not None and protest.team_id != team.pk:
                raise PermissionDenied
            reason = (reason or "").strip()
            if discipline.state != Discipline.State.OPEN and protest is None and not reason:
                raise ValidationError(
                    {"reason": _("These results are published: give the reason for the change.")}
                )
            if status not in ResultStatus.values:
                raise ValidationError({"status": _("Choose a status.")})
            table = discipline.competition.points_table()
            cleaned = clean_data(discipline.kind, data, table)
            _check_with_engine(team, discipline, status, cleaned, table)
            result = (
                RawResult.objects.select_for_update().filter(team=team, discipline=discipline)
            ).first()
            current_version = result.version if result else 0
            if expected_version != current_version:
                raise StaleResult(
                    _(
                        "%(team)s's result was changed by someone else meanwhile (now by "
                        "%(who)s). Nothing was saved: reload the page and enter it again."
                    )
                    % {"team": team.name, "who": _author(result)}
                )
            old_status, old_data = (result.status, result.data) if result else ("", None)
            if result is not None and (old_status, old_data) == (status, cleaned):
                return result  # nothing changed: no new version, no history line
            if result is None:
                result = RawResult(team=team, discipline=discipline, version=1)
            else:
                result.version += 1
            result.status = status
            result.data = cleaned
            result.entered_by = by if getattr(by, "is_authenticated", False) else None
            result.entered_at = now
            result.save()
            ResultChange.objects.create(
                raw_result=result,
                team=team,
                discipline=discipline,
                old_status=old_status,
                old_data=old_data,
                new_status=status,
                new_data=cleaned,
                version=result.version,
                by=result.entered_by,
                at=now,
                reason=reason,
                protest=protest,
            )
            audit.record(
                result,
                action="cior.result",
                by=by,
                changes={
                    "status": [old_status or None, status],
                    "data": [old_data, cleaned],
                },
                reason=reason,
            )
            competition = discipline.competition
            if competition.status == Competition.Status.TEAMS_FROZEN:
                Competition.objects.filter(pk=competition.pk).update(
                    status=Competition.Status.RUNNING
                )
            _bump(competition)
            return result
    except IntegrityError:
        # Another judge created this team's result at the same moment.
        raise StaleResult(
            _(
                "%(team)s's result was changed by someone else meanwhile. Nothing was saved: "
                "reload the page and enter it again."
            )
            % {"team": team.name}
        ) from None


def author_name(result) -> str:
    """Return who entered a result, as its history shows it ("–": nobody known)."""
    return _author(result)


def _author(result):
    if result is None or result.entered_by is None:
        return "–"
    user = result.entered_by
    return str(user.person) if user.person_id else user.get_username()


# --- Publication, protests, official results -----------------------------------------------


@transaction.atomic
def publish_discipline(discipline: Discipline, *, by, now=None) -> Discipline:
    """Publish a discipline's results as provisional; the protest window opens now.

    Its judges, the jury or the presidency. Audited; the results version moves on.
    """
    if not by.has_perm("milcomp.publish_discipline", discipline):
        raise PermissionDenied
    discipline = (
        Discipline.objects.select_for_update().select_related("competition").get(pk=discipline.pk)
    )
    if discipline.state != Discipline.State.OPEN:
        raise ValidationError(
            _("The %(discipline)s results are already published.")
            % {"discipline": discipline.get_kind_display()}
        )
    if not discipline.raw_results.exists():
        raise ValidationError(_("No result has been entered: there is nothing to publish."))
    discipline.state = Discipline.State.PROVISIONAL
    discipline.published_at = _now(now)
    discipline.save(update_fields=["state", "published_at"])
    audit.record(
        discipline.competition,
        action="cior.competition",
        by=by,
        changes={f"{discipline.kind} state": [Discipline.State.OPEN, discipline.state]},
        reason="provisional results published",
    )
    _bump(discipline.competition)
    return discipline


def protest_window_open(discipline: Discipline, *, now=None) -> bool:
    """Return whether a protest against the discipline may be filed now."""
    deadline = discipline.protest_deadline()
    return (
        discipline.state == Discipline.State.PROVISIONAL
        and deadline is not None
        and _now(now) <= deadline
    )


@transaction.atomic
def file_protest(team: Team, discipline: Discipline, *, reasons: str, by, now=None) -> Protest:
    """File a protest against the team's result in a discipline, within the protest window.

    The team's captain or its nation's head of delegation (or the presidency). Audited.
    """
    if not by.has_perm("milcomp.file_protest", team):
        raise PermissionDenied
    if team.competition_id != discipline.competition_id:
        raise ValidationError(_("This team does not take part in this competition."))
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError({"reasons": _("Give the reasons for the protest.")})
    discipline = (
        Discipline.objects.select_for_update().select_related("competition").get(pk=discipline.pk)
    )
    now = _now(now)
    if discipline.state == Discipline.State.OPEN:
        raise ValidationError(
            _("The %(discipline)s results are not published yet: there is nothing to protest.")
            % {"discipline": discipline.get_kind_display()}
        )
    if not protest_window_open(discipline, now=now):
        raise ValidationError(
            _("The protest window for %(discipline)s closed at %(time)s.")
            % {
                "discipline": discipline.get_kind_display(),
                "time": timezone.localtime(discipline.protest_deadline()).strftime(
                    "%Y-%m-%d %H:%M"
                ),
            }
        )
    if Protest.objects.filter(team=team, discipline=discipline, state=Protest.State.FILED).exists():
        raise ValidationError(
            _("A protest of %(team)s about this discipline is already awaiting the jury.")
            % {"team": team.name}
        )
    protest = Protest.objects.create(
        team=team,
        discipline=discipline,
        filed_by=by if getattr(by, "is_authenticated", False) else None,
        reasons=reasons,
        filed_at=now,
    )
    audit.record(
        protest,
        action="cior.protest",
        by=by,
        changes={"state": [None, protest.state]},
        reason=reasons,
    )
    return protest


@transaction.atomic
def decide_protest(
    protest: Protest,
    *,
    upheld: bool,
    decision: str,
    by,
    correction_data: dict | None = None,
    correction_status: str | None = None,
    expected_version: int | None = None,
    now=None,
) -> Protest:
    """Uphold or reject a protest (the competition's jury, or the presidency).

    An upheld protest with a correction saves the corrected raw values (save_result, with the
    decision as the reason and the protest linked in the history). `expected_version` is the
    result's version the jury's page showed: a result changed since raises StaleResult.
    Audited.
    """
    protest = (
        Protest.objects.select_for_update()
        .select_related("team__competition", "discipline__competition")
        .get(pk=protest.pk)
    )
    if not by.has_perm("milcomp.decide_protest", protest.team.competition):
        raise PermissionDenied
    if not protest.is_open:
        raise ValidationError(_("This protest has already been decided."))
    decision = (decision or "").strip()
    if not decision:
        raise ValidationError({"decision": _("Write the jury's decision.")})
    now = _now(now)
    if upheld and (correction_data is not None or correction_status is not None):
        current = RawResult.objects.filter(team=protest.team, discipline=protest.discipline).first()
        save_result(
            protest.team,
            protest.discipline,
            data=correction_data
            if correction_data is not None
            else (current.data if current else {}),
            status=correction_status or (current.status if current else ResultStatus.OK),
            by=by,
            expected_version=(
                expected_version
                if expected_version is not None
                else (current.version if current else 0)
            ),
            reason=_("Protest upheld: %(decision)s") % {"decision": decision},
            protest=protest,
            now=now,
        )
    protest.state = Protest.State.UPHELD if upheld else Protest.State.REJECTED
    protest.decision = decision
    protest.decided_by = by if getattr(by, "is_authenticated", False) else None
    protest.decided_at = now
    protest.save(update_fields=["state", "decision", "decided_by", "decided_at"])
    audit.record(
        protest,
        action="cior.protest",
        by=by,
        changes={"state": [Protest.State.FILED, protest.state]},
        reason=decision,
    )
    _bump(protest.team.competition)
    return protest


@transaction.atomic
def declare_official(discipline: Discipline, *, by, now=None) -> Discipline:
    """Declare a discipline's results official (the jury, or the presidency): only after the
    protest window, with no protest still awaiting a decision. The competition is finished
    when every discipline is official. Audited; the results version moves on."""
    if not by.has_perm("milcomp.declare_official", discipline.competition):
        raise PermissionDenied
    discipline = (
        Discipline.objects.select_for_update().select_related("competition").get(pk=discipline.pk)
    )
    now = _now(now)
    label = discipline.get_kind_display()
    if discipline.state == Discipline.State.OFFICIAL:
        raise ValidationError(
            _("The %(discipline)s results are already official.") % {"discipline": label}
        )
    if discipline.state == Discipline.State.OPEN:
        raise ValidationError(
            _("Publish the %(discipline)s results as provisional first.") % {"discipline": label}
        )
    deadline = discipline.protest_deadline()
    if now < deadline:
        raise ValidationError(
            _("The protest window for %(discipline)s is open until %(time)s.")
            % {"discipline": label, "time": timezone.localtime(deadline).strftime("%H:%M")}
        )
    if discipline.protests.filter(state=Protest.State.FILED).exists():
        raise ValidationError(
            _("A protest about %(discipline)s still awaits the jury's decision.")
            % {"discipline": label}
        )
    discipline.state = Discipline.State.OFFICIAL
    discipline.official_at = now
    discipline.official_by = by if getattr(by, "is_authenticated", False) else None
    discipline.save(update_fields=["state", "official_at", "official_by"])
    competition = discipline.competition
    if not competition.disciplines.exclude(state=Discipline.State.OFFICIAL).exists():
        competition.status = Competition.Status.FINISHED
        competition.save(update_fields=["status"])
    audit.record(
        competition,
        action="cior.competition",
        by=by,
        changes={f"{discipline.kind} state": [Discipline.State.PROVISIONAL, discipline.state]},
        reason="results declared official",
    )
    _bump(competition)
    return discipline
