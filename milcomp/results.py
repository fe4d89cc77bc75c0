"""Live results: the engine's outcome for a competition, kept in the shared cache under the
competition's results version.

Every change to what the results pages show moves the competition's results version on, once
its transaction has committed (`queries.bump_results_version`): the services for results,
teams and states, and the receivers below for edits made elsewhere (a person's name, a team
or its members, the competition's title, status or rules, a discipline). Everything here is
kept under a key holding that version, so nothing is invalidated by hand: a new version
misses once, and the old entries expire.

- `live_results(competition)` returns a LiveResults: the engine's outcome
  (`scoring.compute(*queries.scoring_input(competition))`), the discipline states and what the
  pages add (DNS/DNF/DSQ marks, whether everything is official, when it was computed).
- `member_names(...)` (the individual shooting ranking's names) and the rendered fragments
  (views/public.py) are kept per version too.

The cache is an optimisation: when it cannot say the version, results are computed for the
request and nothing is kept. Nothing is kept in a process, and no cached value is changed
after it was made.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import timezone

from accounts.models import Person
from core import cache as core_cache
from nations.models import flag_path as nation_flag_path

from . import queries, scoring
from .models import Competition, Discipline, DisciplineKind, RawResult, Team, TeamMember

logger = logging.getLogger(__name__)

# Bump when the cached values or the fragments' markup change shape (a deploy then misses).
FORMAT = "2"
TIMEOUT = 24 * 3600  # entries of an old version expire on their own


def cached(key, compute, timeout=TIMEOUT):
    """Return the value under `key` in the shared cache, or compute and keep it.

    `key` None (the cache cannot say the version): computed, not kept. A cache error is
    logged and the value computed.
    """
    return core_cache.cached(key, compute, timeout)


# --- The competition ---------------------------------------------------------------------------


def competition_for(slug) -> Competition:
    """Return the competition of `slug` (404 if none): one query, so that a title or status
    edited in the admin shows on the next request."""
    competition = Competition.objects.filter(slug=slug).first()
    if competition is None:
        raise Http404
    return competition


# Read by the polling paths (the live fragment, the API's rankings) hundreds of times a second.
# Plain SQL: Django compiles even this one-column query in ~270 us, eighteen times what SQLite
# takes to run it; the full row is only read when the answer is not in the cache.
PK_BY_SLUG_SQL = "SELECT id FROM milcomp_competition WHERE slug = %s"


def competition_pk(slug) -> int:
    """Return the id of the competition of `slug` (404 if none), read on every call, so that a
    renamed or deleted competition is seen at once (its title, status and rules move the
    results version instead: see the receivers below)."""
    with connection.cursor() as cursor:
        cursor.execute(PK_BY_SLUG_SQL, [slug])
        row = cursor.fetchone()
    if row is None:
        raise Http404
    return row[0]


# --- The results ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LiveResults:
    """What the results pages show of one version of a competition's results."""

    version: int | None  # None: computed without the cache
    results: scoring.Results
    states: dict[str, dict]  # queries.discipline_states
    marks: dict[str, dict[str, str]]  # team key -> {discipline: "dns" | "dnf" | "dsq"}
    entered: dict[str, frozenset[str]]  # team key -> disciplines with a result (or a status)
    official: bool  # every discipline declared official by the jury
    updated_at: object  # datetime: when these results were computed (or last declared official)

    def as_tuple(self):
        return self.version, self.results, self.states


def _marks(teams, results):
    marks, entered = {}, {}
    for team in teams:
        team_marks = {}
        for kind in DisciplineKind.values:
            status = getattr(team, f"{kind}_status")
            if status is not scoring.Status.OK:
                team_marks[kind] = status.value
        points = results.teams[team.key]
        if points.over_time_limit and "orienteering" not in team_marks:
            team_marks["orienteering"] = scoring.Status.DNF.value
        marks[team.key] = team_marks
        entered[team.key] = frozenset(
            kind for kind in DisciplineKind.values if kind not in points.pending
        )
    return marks, entered


def _compute(competition, version) -> LiveResults:
    teams, table, categories = queries.scoring_input(competition)
    states = queries.discipline_states(competition)
    results = scoring.compute(teams, table, categories)
    marks, entered = _marks(teams, results)
    official = all(state["state"] == Discipline.State.OFFICIAL for state in states.values())
    updated_at = timezone.now()
    if official:
        updated_at = max(state["official_at"] for state in states.values())
    return LiveResults(version, results, states, marks, entered, official, updated_at)


def results_key(competition, version) -> str | None:
    """The cache key of the results: the version, and the rules they were computed with (an
    admin edit of the points table must not leave results of the old table under a new key).
    None without a version."""
    if version is None:
        return None
    rules = repr((competition.points_table(), competition.category_rules())).encode()
    return (
        f"milcomp:{FORMAT}:results:{competition.pk}:{version}:{hashlib.md5(rules).hexdigest()[:12]}"
    )


def live_results(competition, version=None) -> LiveResults:
    """Return the competition's results of its current version (cached; see the module).

    `version`: the results version the caller has just read (saves reading it again).
    """
    # The version is read before the rows: a result committed meanwhile moves it on again.
    if version is None:
        version = queries.results_version(competition)
    return cached(results_key(competition, version), lambda: _compute(competition, version))


def current_results(competition) -> tuple[int | None, scoring.Results, dict[str, dict]]:
    """Return (results version, scoring.Results, discipline states) of the competition."""
    return live_results(competition).as_tuple()


def member_names(competition, version) -> dict[str, str]:
    """Return {member key: "First LAST"} of the competition's competitors (one query, cached
    under the results version, which moves on when a team or a person's name changes)."""

    def load():
        return {
            str(pk): " ".join(part for part in (first, (last or "").upper()) if part)
            for pk, first, last in TeamMember.objects.filter(competition=competition).values_list(
                "pk", "person__first_name", "person__last_name"
            )
        }

    key = None if version is None else f"milcomp:{FORMAT}:names:{competition.pk}:{version}"
    return cached(key, load)


def flag_path(code: str | None) -> str | None:
    """Return the static path of a nation's flag ("img/flags/est.svg"), None if none drawn."""
    return nation_flag_path(code) if code else None


# --- What moves the version ---------------------------------------------------------------------


def bump_after_commit(competition_ids):
    """Once the current transaction commits, move the results version of each competition of
    `competition_ids` (a callable returning them, called then). Never fails the write."""

    def run():
        for pk in set(competition_ids()):
            queries.bump_results_version(pk)

    transaction.on_commit(run, robust=True)


def _competition_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_after_commit(lambda: [instance.pk])


def _part_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_after_commit(lambda: [instance.competition_id])


def _result_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_after_commit(
            lambda: Team.objects.filter(pk=instance.team_id).values_list(
                "competition_id", flat=True
            )
        )


def _person_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_after_commit(
            lambda: TeamMember.objects.filter(person=instance).values_list(
                "competition_id", flat=True
            )
        )


def connect():
    """Move the results version when what the results pages show is edited (apps' ready)."""
    receivers = [
        (Competition, _competition_saved),
        (Discipline, _part_saved),
        (Team, _part_saved),
        (TeamMember, _part_saved),
        (RawResult, _result_saved),
        (Person, _person_saved),
    ]
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"milcomp_results_{model._meta.label}"
            )
