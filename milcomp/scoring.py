"""MILCOMP points and rankings (domain.md §8) as pure functions over plain values.

Services load the raw results, build these dataclasses, call `compute` and save or show the
outcome; nothing here touches the database or Django. Inputs are frozen dataclasses; the outputs
(TeamPoints, Placed, Results...) are slotted dataclasses, not frozen, because building frozen
instances cost a third of `compute`'s time (bench/milcomp_engine.py): treat them as read-only.
Impossible raw values (a ring above 10, a negative time, a percent above 100...) raise
ValueError with a message naming the value, whatever the discipline's status.

How the rules are read, where the text leaves a choice:

- Exactness: every discipline is computed in exact integer (or, with a Decimal points table,
  Fraction) arithmetic and rounded half up to a whole point once, at the end of that
  discipline's formula. Orienteering minutes are seconds / 60, so the march formula is evaluated
  as 60 × points in integers: 1:39:30 is 99.5 minutes, 2750 + 10 × 0.5 = 2755; 1:39:33 gives
  2754.5, rounded up to 2755. With the default table only orienteering can produce a fraction.
  Team shooting and LOAC are rounded once on the team sum; a member's own figure (individual
  ranking) is rounded on its own.
- Orienteering: march = max(0, 2750 + 10 × (100 − minutes)); then minus 100 per missed post,
  not below 0. Exactly 240:00 is within the limit (1350 points); 240:00:01 and over is a DNF:
  the team scores 0 for the whole discipline, tasks included, like a declared DNF. The task
  points (range estimates, grenades) are added after the floor, so a march of 0 still earns
  them.
- Range estimates: a hit when |estimate − true| ≤ 10 % of the true distance, bounds included
  (true 400 m: 360 to 440 m score). Each member's n-th estimate is compared with the team's
  n-th true distance; an estimate without a true distance yet scores nothing and leaves the
  discipline pending.
- Land obstacle: "20 s per obstacle failed by any member" is the judges' count of failures; the
  engine takes the number entered and refuses more than one per member and obstacle (3 × 20),
  which fits both readings (per obstacle, or per member and obstacle). The same for water.
- The tie-break "lower land-obstacle effective time" compares the effective time (team time
  plus penalties), not the raw time. A team without one (not yet entered, DNS, DNF or DSQ on
  land) counts as the slowest; two such teams are equal on that level.
- Shared places: teams equal on total and every tie-break share a place and the next place is
  skipped (1, 1, 3). Within a shared place teams are listed by name, then key. Discipline
  rankings use that discipline's points alone, without tie-breaks.
- A team disqualified as a whole keeps its points (shown) but has no place (None), and is
  listed after every ranked team, in the same order among themselves; it is left out of the
  individual shooting ranking and the nation cup.
- Missing raw input (None, or fewer shots, estimates or throws than the table's counts) means
  "not yet entered": it scores 0 for now and the discipline is listed in `pending`, so live
  provisional results work with partial data. A precision series with fewer than 5 rings is
  read the same way (the missing shots score 0). A discipline marked DNS, DNF or DSQ scores 0
  and is never pending.
- Individual shooting ranks members who have a shooting entry, whose team is not disqualified
  and whose team's shooting is not DNS, DNF or DSQ. Ties: rifle precision rings, then pistol
  precision rings; still tied, a shared place.
- Nation cup: a national team is one with a nation (international teams have none). A nation's
  score is the sum of its two best national team totals; a nation with one team scores that
  team's total alone.
- Categories: "experienced" is a national team with at least one member who has a previous
  participation (which is exactly "not novice"). Female reads MemberProfile.sex "f" or
  "female", any case. A team of other than 3 members is refused, and the category rules are
  still checked on the members given so that every reason is reported at once.
- The start-order draw shuffles the sorted team keys with random.Random(seed): the same keys
  and seed give the same order on any machine and Python version that keeps random's
  documented seeding (string seeds included).
"""

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from math import inf
from operator import attrgetter, itemgetter

TEAM_SIZE = 3


class Status(StrEnum):
    OK = "ok"
    DNS = "dns"
    DNF = "dnf"
    DSQ = "dsq"


class Discipline(StrEnum):
    SHOOTING = "shooting"
    LAND = "land"
    WATER = "water"
    ORIENTEERING = "orienteering"
    FIRST_AID = "first_aid"
    LOAC = "loac"


DISCIPLINES = tuple(Discipline)

# Table fields that are counts or limits, so whole numbers; the others may be Decimals.
_COUNT_FIELDS = frozenset(
    {
        "precision_shots",
        "precision_max_ring",
        "rapid_max_hits",
        "land_obstacles",
        "water_obstacles",
        "orienteering_limit_minutes",
        "estimates_per_member",
        "grenades_per_member",
        "first_aid_max",
        "loac_max_percent",
    }
)


@dataclass(frozen=True)
class PointsTable:
    """The points table of a competition; the defaults are domain.md §8's."""

    precision_points_per_ring: int | Decimal = 8
    rapid_points_per_hit: int | Decimal = 30
    precision_shots: int = 5
    precision_max_ring: int = 10
    rapid_max_hits: int = 6
    land_base: int | Decimal = 1200
    land_par_seconds: int | Decimal = 240
    land_points_per_second: int | Decimal = 5
    land_penalty_seconds: int | Decimal = 20
    land_obstacles: int = 20
    water_base: int | Decimal = 600
    water_par_seconds: int | Decimal = 90
    water_points_per_second: int | Decimal = 5
    water_penalty_seconds: int | Decimal = 10
    water_obstacles: int = 5
    orienteering_base: int | Decimal = 2750
    orienteering_par_minutes: int | Decimal = 100
    orienteering_points_per_minute: int | Decimal = 10
    orienteering_missed_post_penalty: int | Decimal = 100
    orienteering_limit_minutes: int = 240
    estimate_points: int | Decimal = 20
    estimate_tolerance_percent: int | Decimal = 10
    estimates_per_member: int = 3
    grenade_points: int | Decimal = 20
    grenades_per_member: int = 3
    first_aid_max: int = 300
    loac_points_per_percent: int | Decimal = 2
    loac_max_percent: int = 100

    def __post_init__(self):
        # Decimals become exact Fractions once, so the formulas stay exact with `//`.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
                raise ValueError(
                    f"points table: {f.name} must be a whole number or a Decimal, not {value!r}"
                )
            if value < 0:
                raise ValueError(f"points table: {f.name} cannot be negative ({value})")
            if isinstance(value, int):
                continue
            exact = Fraction(value)
            if exact.denominator == 1:
                exact = int(exact)
            elif f.name in _COUNT_FIELDS:
                raise ValueError(f"points table: {f.name} must be a whole number ({value})")
            object.__setattr__(self, f.name, exact)


@dataclass(frozen=True)
class MemberShooting:
    pistol_precision: tuple[int, ...] = ()
    pistol_rapid_hits: int = 0
    rifle_precision: tuple[int, ...] = ()
    rifle_rapid_hits: int = 0


@dataclass(frozen=True)
class Member:
    key: str
    nation: str
    shooting: MemberShooting | None = None
    loac_percent: int | None = None
    estimates: tuple[int, ...] = ()
    throws: tuple[bool, ...] = ()


@dataclass(frozen=True)
class TeamResult:
    key: str
    name: str
    nation: str | None
    category: str
    members: tuple[Member, ...]
    shooting_status: Status = Status.OK
    land_status: Status = Status.OK
    water_status: Status = Status.OK
    orienteering_status: Status = Status.OK
    first_aid_status: Status = Status.OK
    loac_status: Status = Status.OK
    land_seconds: int | None = None
    land_failed_obstacles: int = 0
    water_seconds: int | None = None
    water_failed_obstacles: int = 0
    orienteering_seconds: int | None = None
    orienteering_missed_posts: int = 0
    estimate_true_distances: tuple[int, ...] = ()
    first_aid_score: int | None = None
    disqualified: bool = False


@dataclass(slots=True)
class MemberShootingPoints:
    pistol: int
    rifle: int
    total: int
    rifle_precision_rings: int
    pistol_precision_rings: int


@dataclass(slots=True)
class TeamPoints:
    key: str
    name: str
    nation: str | None
    category: str
    disqualified: bool
    shooting: int
    land: int
    water: int
    orienteering: int  # march + tasks
    first_aid: int
    loac: int
    total: int
    orienteering_march: int
    orienteering_tasks: int
    land_effective_seconds: int | None  # None: no valid land time (pending, DNS, DNF, DSQ)
    water_effective_seconds: int | None
    over_time_limit: bool  # orienteering over the limit: scored as a DNF
    pending: frozenset[Discipline]
    member_shooting: tuple[MemberShootingPoints | None, ...]  # aligned with the members

    def points(self, discipline: str) -> int:
        """Return the points of one discipline."""
        return getattr(self, Discipline(discipline).value)


@dataclass(slots=True)
class Placed:
    place: int | None  # None: disqualified, unranked
    key: str
    points: int  # what the ranking is by: the total, or a discipline's points
    team: TeamPoints


@dataclass(slots=True)
class PlacedMember:
    place: int
    team_key: str
    member_key: str
    nation: str
    points: int
    rifle_precision_rings: int
    pistol_precision_rings: int


@dataclass(slots=True)
class PlacedNation:
    place: int
    nation: str
    points: int
    team_keys: tuple[str, ...]  # the teams counted, best first


@dataclass(slots=True)
class Results:
    teams: dict[str, TeamPoints]
    overall: list[Placed]
    by_category: dict[str, list[Placed]]
    by_discipline: dict[str, list[Placed]]
    individual_shooting: list[PlacedMember]
    nation_cup: list[PlacedNation]
    pending: bool = False  # any discipline of any team not fully entered


# Arithmetic and validation.


def _round_half_up(numerator, denominator=1) -> int:
    """Return numerator / denominator rounded half up, exactly (int or Fraction numerator)."""
    if denominator == 1 and type(numerator) is int:
        return numerator
    return int((2 * numerator + denominator) // (2 * denominator))


def _whole(value, name: str, low: int, high: int | None = None) -> int:
    """Return value when it is a whole number within [low, high]; raise ValueError if not."""
    if type(value) is int and value >= low and (high is None or value <= high):
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    if value < low:
        raise ValueError(f"{name} cannot be below {low} ({value})")
    if high is not None and value > high:
        raise ValueError(f"{name} cannot be above {high} ({value})")
    return value


_STATUSES = {status.value: status for status in Status}


def _status(value, name: str) -> Status:
    if value is Status.OK:
        return value
    status = _STATUSES.get(value) if isinstance(value, str) else None
    if status is None:
        raise ValueError(f"{name} must be one of ok, dns, dnf, dsq, not {value!r}")
    return status


# Times.

_MINUTES_SECONDS = re.compile(r"([0-9]+):([0-9]{2})")
_HOURS_MINUTES_SECONDS = re.compile(r"([0-9]+):([0-9]{2}):([0-9]{2})")


def parse_time(text: str) -> int:
    """Return the seconds of a time written m:ss, mm:ss or h:mm:ss."""
    if not isinstance(text, str):
        raise ValueError(f"a time is text such as 4:05 or 1:39:30, not {text!r}")
    stripped = text.strip()
    if stripped.startswith("-"):
        raise ValueError(f"a time cannot be negative: {text!r}")
    match = _HOURS_MINUTES_SECONDS.fullmatch(stripped)
    if match:
        hours, minutes, seconds = (int(part) for part in match.groups())
        if minutes >= 60:
            raise ValueError(f"minutes must be 00 to 59 in h:mm:ss: {text!r}")
    else:
        match = _MINUTES_SECONDS.fullmatch(stripped)
        if not match:
            raise ValueError(f"a time is written m:ss or h:mm:ss (e.g. 4:05, 1:39:30): {text!r}")
        hours, (minutes, seconds) = 0, (int(part) for part in match.groups())
    if seconds >= 60:
        raise ValueError(f"seconds must be 00 to 59: {text!r}")
    return hours * 3600 + minutes * 60 + seconds


def format_time(seconds: int, *, hours: bool = False) -> str:
    """Return seconds as m:ss, or h:mm:ss when `hours` (orienteering)."""
    _whole(seconds, "a time in seconds", 0)
    minutes, secs = divmod(seconds, 60)
    if hours:
        hrs, minutes = divmod(minutes, 60)
        return f"{hrs}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


# Discipline formulas.


def _precision_rings(rings, name: str, table: PointsTable) -> int:
    if len(rings) > table.precision_shots:
        raise ValueError(
            f"{name}: {len(rings)} shots entered, the series has {table.precision_shots}"
        )
    top = table.precision_max_ring
    for ring in rings:
        if type(ring) is not int or ring < 0 or ring > top:
            _whole(ring, f"{name} ring", 0, top)
    return sum(rings)


@lru_cache(maxsize=16)
def _values_up_to(top: int) -> frozenset[int]:
    return frozenset(range(top + 1))


def _check_shooting(shooting: MemberShooting, table: PointsTable) -> None:
    """Raise ValueError naming the first impossible value of a member's shooting."""
    _precision_rings(shooting.pistol_precision, "pistol precision", table)
    _precision_rings(shooting.rifle_precision, "rifle precision", table)
    _whole(shooting.pistol_rapid_hits, "pistol rapid hits", 0, table.rapid_max_hits)
    _whole(shooting.rifle_rapid_hits, "rifle rapid hits", 0, table.rapid_max_hits)


def _member_shooting_exact(shooting: MemberShooting, table: PointsTable):
    """Return (pistol, rifle, pistol rings, rifle rings), points exact (not rounded)."""
    pistol_series, rifle_series = shooting.pistol_precision, shooting.rifle_precision
    pistol_hits, rifle_hits = shooting.pistol_rapid_hits, shooting.rifle_rapid_hits
    shots, most = table.precision_shots, table.rapid_max_hits
    rings = _values_up_to(table.precision_max_ring)
    # The fast check of the usual case; the slow one names what is wrong.
    try:
        valid = (
            len(pistol_series) <= shots
            and len(rifle_series) <= shots
            and rings.issuperset(pistol_series)
            and rings.issuperset(rifle_series)
            and type(pistol_hits) is int
            and type(rifle_hits) is int
            and 0 <= pistol_hits <= most
            and 0 <= rifle_hits <= most
        )
        pistol_rings, rifle_rings = sum(pistol_series), sum(rifle_series)
    except TypeError:
        valid = False
    if not valid or type(pistol_rings) is not int or type(rifle_rings) is not int:
        _check_shooting(shooting, table)
    per_ring, per_hit = table.precision_points_per_ring, table.rapid_points_per_hit
    pistol = per_ring * pistol_rings + per_hit * pistol_hits
    rifle = per_ring * rifle_rings + per_hit * rifle_hits
    return pistol, rifle, pistol_rings, rifle_rings


def _shooting_complete(shooting: MemberShooting, table: PointsTable) -> bool:
    shots = table.precision_shots
    return len(shooting.pistol_precision) == shots and len(shooting.rifle_precision) == shots


def shooting_points(member_shooting: MemberShooting, table: PointsTable) -> MemberShootingPoints:
    """Return a member's shooting points: per weapon, total and precision rings."""
    pistol, rifle, pistol_rings, rifle_rings = _member_shooting_exact(member_shooting, table)
    return MemberShootingPoints(
        pistol=_round_half_up(pistol),
        rifle=_round_half_up(rifle),
        total=_round_half_up(pistol + rifle),
        rifle_precision_rings=rifle_rings,
        pistol_precision_rings=pistol_rings,
    )


def land_effective_seconds(seconds: int, failed: int, table: PointsTable):
    """Return the land obstacle effective time: team time plus the failure penalties."""
    _whole(seconds, "land time (seconds)", 0)
    _whole(failed, "land failed obstacles", 0, TEAM_SIZE * table.land_obstacles)
    return seconds + table.land_penalty_seconds * failed


def water_effective_seconds(seconds: int, failed: int, table: PointsTable):
    """Return the water obstacle effective time: team time plus the failure penalties."""
    _whole(seconds, "water time (seconds)", 0)
    _whole(failed, "water failed obstacles", 0, TEAM_SIZE * table.water_obstacles)
    return seconds + table.water_penalty_seconds * failed


def land_points(seconds: int, failed: int, table: PointsTable) -> int:
    """Return the land obstacle points: max(0, 1200 + 5 × (240 − effective time))."""
    return _land_points(land_effective_seconds(seconds, failed, table), table)


def _land_points(effective, table: PointsTable) -> int:
    exact = table.land_base + table.land_points_per_second * (table.land_par_seconds - effective)
    return _round_half_up(exact) if exact > 0 else 0


def water_points(seconds: int, failed: int, table: PointsTable) -> int:
    """Return the water obstacle points: max(0, 600 + 5 × (90 − effective time))."""
    return _water_points(water_effective_seconds(seconds, failed, table), table)


def _water_points(effective, table: PointsTable) -> int:
    exact = table.water_base + table.water_points_per_second * (table.water_par_seconds - effective)
    return _round_half_up(exact) if exact > 0 else 0


def orienteering_over_limit(seconds: int, table: PointsTable) -> bool:
    """Return whether a march time is over the limit (a DNF)."""
    return seconds > table.orienteering_limit_minutes * 60


def orienteering_points(seconds: int, missed_posts: int, table: PointsTable) -> int:
    """Return the march points (tasks apart): 0 over the time limit, never below 0."""
    _whole(seconds, "orienteering time (seconds)", 0)
    _whole(missed_posts, "missed control posts", 0)
    if orienteering_over_limit(seconds, table):
        return 0
    # Sixty times the points, so that fractional minutes stay whole numbers.
    sixty = table.orienteering_base * 60 + table.orienteering_points_per_minute * (
        table.orienteering_par_minutes * 60 - seconds
    )
    sixty = max(0, sixty) - table.orienteering_missed_post_penalty * 60 * missed_posts
    return _round_half_up(sixty, 60) if sixty > 0 else 0


def _march_tasks_exact(members: Sequence[Member], true_distances, table: PointsTable):
    """Return (exact task points, complete) for the members' estimates and throws."""
    per_member = table.estimates_per_member
    if len(true_distances) > per_member:
        raise ValueError(f"{len(true_distances)} true distances, the march has {per_member}")
    for distance in true_distances:
        _whole(distance, "true distance (m)", 1)
    # An estimate hits when |estimate − true| × 100 ≤ tolerance × true.
    allowed = [(true, table.estimate_tolerance_percent * true) for true in true_distances]
    throws_per_member = table.grenades_per_member
    hits = grenades = 0
    complete = len(true_distances) == per_member
    for member in members:
        estimates, throws = member.estimates, member.throws
        if len(estimates) > per_member:
            raise ValueError(
                f"member {member.key}: {len(estimates)} range estimates, max {per_member}"
            )
        if len(throws) > throws_per_member:
            raise ValueError(
                f"member {member.key}: {len(throws)} grenade throws, max {throws_per_member}"
            )
        if len(estimates) < per_member or len(throws) < throws_per_member:
            complete = False
        for estimate, (true, within) in zip(estimates, allowed, strict=False):
            if type(estimate) is not int or estimate < 0:
                _whole(estimate, f"member {member.key}: range estimate (m)", 0)
            if abs(estimate - true) * 100 <= within:
                hits += 1
        for thrown in throws:
            if thrown is True:
                grenades += 1
            elif thrown is not False:
                raise ValueError(f"member {member.key}: a throw is a hit or not, not {thrown!r}")
    return table.estimate_points * hits + table.grenade_points * grenades, complete


def march_task_points(
    members: Sequence[Member], true_distances: Sequence[int], table: PointsTable
) -> int:
    """Return the task points of the march: range estimates within tolerance, grenade hits."""
    exact, _ = _march_tasks_exact(members, tuple(true_distances), table)
    return _round_half_up(exact)


def loac_points(percent: int, table: PointsTable) -> int:
    """Return a member's LOAC points: 2 per percent."""
    _whole(percent, "LOAC percent", 0, table.loac_max_percent)
    return _round_half_up(table.loac_points_per_percent * percent)


def first_aid_points(score: int, table: PointsTable) -> int:
    """Return the first aid points: the jury's team score, 0 to 300."""
    if isinstance(score, Decimal | Fraction):
        score = _round_half_up(Fraction(score))
    return _whole(score, "first aid score", 0, table.first_aid_max)


# A team.


def team_points(team: TeamResult, table: PointsTable) -> TeamPoints:
    """Return a team's points per discipline, its total and what is still pending."""
    members = team.members
    if len(members) != TEAM_SIZE:
        raise ValueError(f"team {team.name}: {len(members)} members, a team has {TEAM_SIZE}")
    first, second, third = members
    if first.key == second.key or first.key == third.key or second.key == third.key:
        raise ValueError(f"team {team.name}: the same member twice")
    ok = Status.OK
    pending = []

    # Shooting and LOAC, member by member. Entries are validated whatever the status: a wrong
    # entry is wrong anyway.
    shots, loac_top = table.precision_shots, table.loac_max_percent
    member_shooting = []
    shooting_exact = loac_percent = 0
    shooting_pending = loac_pending = False
    for member in members:
        shot = member.shooting
        if shot is None:
            member_shooting.append(None)
            shooting_pending = True
        else:
            pistol, rifle, pistol_rings, rifle_rings = _member_shooting_exact(shot, table)
            if len(shot.pistol_precision) != shots or len(shot.rifle_precision) != shots:
                shooting_pending = True
            shooting_exact += pistol + rifle
            member_shooting.append(
                MemberShootingPoints(
                    pistol=_round_half_up(pistol),
                    rifle=_round_half_up(rifle),
                    total=_round_half_up(pistol + rifle),
                    rifle_precision_rings=rifle_rings,
                    pistol_precision_rings=pistol_rings,
                )
            )
        percent = member.loac_percent
        if percent is None:
            loac_pending = True
        elif type(percent) is int and 0 <= percent <= loac_top:
            loac_percent += percent
        else:
            loac_percent += _whole(percent, "LOAC percent", 0, loac_top)
    if _status(team.shooting_status, "shooting status") is ok:
        shooting = _round_half_up(shooting_exact)
        if shooting_pending:
            pending.append(Discipline.SHOOTING)
    else:
        shooting = 0
    if _status(team.loac_status, "LOAC status") is ok:
        loac = _round_half_up(table.loac_points_per_percent * loac_percent)
        if loac_pending:
            pending.append(Discipline.LOAC)
    else:
        loac = 0

    # Land and water obstacles.
    land, land_effective = 0, None
    land_ok = _status(team.land_status, "land status") is ok
    if team.land_seconds is not None:
        effective = land_effective_seconds(team.land_seconds, team.land_failed_obstacles, table)
        if land_ok:
            land, land_effective = _land_points(effective, table), effective
    elif land_ok:
        pending.append(Discipline.LAND)
    water, water_effective = 0, None
    water_ok = _status(team.water_status, "water status") is ok
    if team.water_seconds is not None:
        effective = water_effective_seconds(team.water_seconds, team.water_failed_obstacles, table)
        if water_ok:
            water, water_effective = _water_points(effective, table), effective
    elif water_ok:
        pending.append(Discipline.WATER)

    # Orienteering: the march, floored, then the tasks; over the limit nothing at all.
    tasks_exact, tasks_complete = _march_tasks_exact(members, team.estimate_true_distances, table)
    march, over_limit = 0, False
    if team.orienteering_seconds is not None:
        march = orienteering_points(
            team.orienteering_seconds, team.orienteering_missed_posts, table
        )
        over_limit = orienteering_over_limit(team.orienteering_seconds, table)
    else:
        _whole(team.orienteering_missed_posts, "missed control posts", 0)
    if _status(team.orienteering_status, "orienteering status") is ok and not over_limit:
        tasks = _round_half_up(tasks_exact)
        if team.orienteering_seconds is None or not tasks_complete:
            pending.append(Discipline.ORIENTEERING)
    else:
        march = tasks = 0

    # First aid.
    first_aid = 0
    first_aid_ok = _status(team.first_aid_status, "first aid status") is ok
    score = team.first_aid_score
    if score is not None:
        if type(score) is not int or not 0 <= score <= table.first_aid_max:
            score = first_aid_points(score, table)
        if first_aid_ok:
            first_aid = score
    elif first_aid_ok:
        pending.append(Discipline.FIRST_AID)

    orienteering = march + tasks
    return TeamPoints(
        key=team.key,
        name=team.name,
        nation=team.nation,
        category=team.category,
        disqualified=bool(team.disqualified),
        shooting=shooting,
        land=land,
        water=water,
        orienteering=orienteering,
        first_aid=first_aid,
        loac=loac,
        total=shooting + land + water + orienteering + first_aid + loac,
        orienteering_march=march,
        orienteering_tasks=tasks,
        land_effective_seconds=land_effective,
        water_effective_seconds=water_effective,
        over_time_limit=over_limit,
        pending=frozenset(pending),
        member_shooting=tuple(member_shooting),
    )


# Rankings.


def total_points(team: TeamPoints) -> int:
    """Return a team's total, the default ranking key."""
    return team.total


def tie_break_key(team: TeamPoints) -> tuple:
    """Return the comparison of the overall ranking: smaller is better."""
    land = team.land_effective_seconds
    return (-team.total, -team.orienteering, -team.shooting, inf if land is None else land)


def rank(
    teams: Iterable[TeamPoints],
    key: Callable[[TeamPoints], int] = total_points,
    *,
    tie_breaks: bool = True,
) -> list[Placed]:
    """Return the teams in ranking order by `key` (higher is better), with shared places.

    With `tie_breaks`, equal points are decided by orienteering points, then shooting points,
    then the lower land effective time; disqualified teams come last, unplaced.
    """
    # Ties on every level are listed by name, then key: a stable sort keeps that order.
    ordered = sorted(teams, key=_name_then_key)
    if tie_breaks:
        comparison = tie_break_key if key is total_points else _tie_breaks_by(key)
        ordered.sort(key=comparison)
    else:
        comparison = key
        ordered.sort(key=key, reverse=True)  # reverse keeps the sort stable
    ranked, unranked = [], []
    previous, place = None, 0
    for team in ordered:
        points = key(team)
        if team.disqualified:
            unranked.append(Placed(None, team.key, points, team))
            continue
        compared = comparison(team)
        if compared != previous:
            place, previous = len(ranked) + 1, compared
        ranked.append(Placed(place, team.key, points, team))
    return ranked + unranked


_name_then_key = attrgetter("name", "key")


def _tie_breaks_by(key: Callable[[TeamPoints], int]) -> Callable[[TeamPoints], tuple]:
    def comparison(team: TeamPoints) -> tuple:
        land = team.land_effective_seconds
        return (-key(team), -team.orienteering, -team.shooting, inf if land is None else land)

    return comparison


def rank_members(teams: Iterable[TeamResult], points: dict[str, TeamPoints]) -> list[PlacedMember]:
    """Return the individual shooting ranking: shooting points, then rifle, then pistol rings."""
    rows = []
    for team in teams:
        if team.disqualified or _status(team.shooting_status, "shooting status") is not Status.OK:
            continue
        for member, scored in zip(team.members, points[team.key].member_shooting, strict=True):
            if scored is not None:
                rows.append(
                    (
                        -scored.total,
                        -scored.rifle_precision_rings,
                        -scored.pistol_precision_rings,
                        team.name,
                        member.key,
                        team.key,
                        member.nation,
                        scored,
                    )
                )
    rows.sort(key=itemgetter(slice(0, 6)))
    placed, previous, place = [], None, 0
    for index, row in enumerate(rows, 1):
        comparison = row[:3]
        if comparison != previous:
            place, previous = index, comparison
        scored = row[7]
        placed.append(
            PlacedMember(
                place=place,
                team_key=row[5],
                member_key=row[4],
                nation=row[6],
                points=scored.total,
                rifle_precision_rings=scored.rifle_precision_rings,
                pistol_precision_rings=scored.pistol_precision_rings,
            )
        )
    return placed


def nation_cup(overall: Sequence[Placed]) -> list[PlacedNation]:
    """Return the nation cup from the overall ranking: each nation's two best team totals."""
    best: dict[str, list[TeamPoints]] = {}
    for row in overall:
        team = row.team
        if team.nation is None or team.disqualified:
            continue
        counted = best.setdefault(team.nation, [])
        if len(counted) < 2:
            counted.append(team)
    rows = sorted(
        (-sum(team.total for team in counted), nation, counted) for nation, counted in best.items()
    )
    placed, previous, place = [], None, 0
    for index, (negative, nation, counted) in enumerate(rows, 1):
        if negative != previous:
            place, previous = index, negative
        placed.append(PlacedNation(place, nation, -negative, tuple(team.key for team in counted)))
    return placed


def compute(
    teams: Sequence[TeamResult], table: PointsTable, categories: Sequence[str] | None = None
) -> Results:
    """Return every team's points and every ranking of a competition.

    `categories` orders the category rankings (each listed even when empty); a team's category
    not listed gets its ranking after them, in alphabetical order.
    """
    points: dict[str, TeamPoints] = {}
    for team in teams:
        if team.key in points:
            raise ValueError(f"team key {team.key!r} appears twice")
        points[team.key] = team_points(team, table)
    scored = list(points.values())
    overall = rank(scored)

    order = list(dict.fromkeys(categories or ()))
    order += sorted({team.category for team in scored} - set(order))
    # The overall order already holds every tie-break: a category's ranking is a subsequence.
    grouped: dict[str, list[Placed]] = {category: [] for category in order}
    for row in overall:
        grouped[row.team.category].append(row)
    by_category = {category: _replace_places(rows) for category, rows in grouped.items()}

    by_discipline = {
        discipline.value: rank(scored, _discipline_key(discipline), tie_breaks=False)
        for discipline in DISCIPLINES
    }
    return Results(
        teams=points,
        overall=overall,
        by_category=by_category,
        by_discipline=by_discipline,
        individual_shooting=rank_members(teams, points),
        nation_cup=nation_cup(overall),
        pending=any(team.pending for team in scored),
    )


def _replace_places(rows: list[Placed]) -> list[Placed]:
    """Return a sub-ranking's rows with their places counted within it."""
    placed, previous, place = [], None, 0
    for index, row in enumerate(rows, 1):
        if row.place is None:
            placed.append(row)
            continue
        comparison = tie_break_key(row.team)
        if comparison != previous:
            place, previous = index, comparison
        placed.append(Placed(place, row.key, row.points, row.team))
    return placed


def _discipline_key(discipline: Discipline) -> Callable[[TeamPoints], int]:
    return attrgetter(discipline.value)


# Categories and the draw.


class Category(StrEnum):
    NOVICE = "novice"
    EXPERIENCED = "experienced"
    VETERAN = "veteran"
    FEMALE = "female"
    INTERNATIONAL = "international"


class Reason(StrEnum):
    """Why a team does not meet its category; the values are message ids."""

    TEAM_SIZE = "team_size"
    UNKNOWN_CATEGORY = "unknown_category"
    MIXED_NATIONS = "mixed_nations"
    NOT_ALL_FIRST_TIME = "not_all_first_time"
    NO_PREVIOUS_PARTICIPATION = "no_previous_participation"
    TOO_FEW_PARTICIPATIONS = "too_few_participations"
    NOT_ALL_FEMALE = "not_all_female"
    TOO_FEW_NATIONS = "too_few_nations"


FEMALE_SEXES = frozenset({"f", "female"})


@dataclass(frozen=True)
class MemberProfile:
    nation: str
    sex: str
    previous_participations: int = 0


@dataclass(frozen=True)
class CategoryRules:
    """The category rules of a competition; the defaults are domain.md §8's."""

    team_size: int = TEAM_SIZE
    national: frozenset[str] = frozenset(
        {Category.NOVICE, Category.EXPERIENCED, Category.VETERAN, Category.FEMALE}
    )
    veteran_min_participations: int = 4
    experienced_min_members_with_participation: int = 1
    international_min_nations: int = 2
    categories: tuple[str, ...] = tuple(Category)


def check_category(
    category: str, members: Sequence[MemberProfile], rules: CategoryRules | None = None
) -> list[Reason]:
    """Return why the members do not meet the category; an empty list when they do."""
    rules = rules or CategoryRules()
    reasons = []
    if len(members) != rules.team_size:
        reasons.append(Reason.TEAM_SIZE)
    if category not in rules.categories:
        return [*reasons, Reason.UNKNOWN_CATEGORY]
    for member in members:
        _whole(member.previous_participations, "previous participations", 0)
    nations = {member.nation for member in members}
    if category in rules.national and len(nations) > 1:
        reasons.append(Reason.MIXED_NATIONS)
    if category == Category.NOVICE and any(m.previous_participations for m in members):
        reasons.append(Reason.NOT_ALL_FIRST_TIME)
    if category == Category.EXPERIENCED:
        experienced = sum(1 for m in members if m.previous_participations > 0)
        if experienced < rules.experienced_min_members_with_participation:
            reasons.append(Reason.NO_PREVIOUS_PARTICIPATION)
    if category == Category.VETERAN and any(
        m.previous_participations < rules.veteran_min_participations for m in members
    ):
        reasons.append(Reason.TOO_FEW_PARTICIPATIONS)
    if category == Category.FEMALE and any(
        str(m.sex).strip().lower() not in FEMALE_SEXES for m in members
    ):
        reasons.append(Reason.NOT_ALL_FEMALE)
    if category == Category.INTERNATIONAL and len(nations) < rules.international_min_nations:
        reasons.append(Reason.TOO_FEW_NATIONS)
    return reasons


def draw_start_order(team_keys: Sequence[str], seed: int | str) -> list[str]:
    """Return the start order drawn by lot: the sorted keys shuffled by random.Random(seed)."""
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        raise ValueError(f"a draw seed is a whole number or text, not {seed!r}")
    order = sorted(team_keys)
    if len(set(order)) != len(order):
        raise ValueError("a team appears twice in the draw")
    random.Random(seed).shuffle(order)
    return order
