"""Live results: the engine's outcome for a competition, cached under its results version.

Every service that changes what the results pages show moves the competition's results version
on (`queries.bump_results_version`); everything here is cached under a key holding that
version, so nothing is ever invalidated by hand: a new version simply misses the cache once,
and the old entries expire.

- `current_results(competition)` returns (version, scoring.Results, discipline states): from
  the cache, or computed with `scoring.compute(*queries.scoring_input(competition))` and the
  states (`queries.discipline_states`) in 5 queries, then cached (pickled by Django's cache).
  The version itself lives in the cache: a warm call makes no query at all.
- `live_results(competition)` returns the same as a LiveResults with what the pages add
  (each team's DNS/DNF/DSQ marks, whether everything is official, when it was computed).
- `competition_for(slug)` returns the competition from a short-lived cache; on a cold cache it
  loads the competition with its disciplines in one query, and those disciplines give the
  states, so that the first request on an empty cache costs 5 queries, not 6.
- `member_names(...)` (the individual shooting ranking's names) and the rendered fragments
  are cached per version too (fragments per version, language and view, in views/public.py).

Each worker process also keeps the last few computed values and fragments in memory, under
the same keys: with hundreds of viewers polling, a poll costs one cache read (the version).
"""

import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404
from django.utils import timezone

from nations.models import flag_path as nation_flag_path

from . import queries, scoring
from .models import Competition, Discipline, DisciplineKind, TeamMember

# Bump when the cached values or the fragments' markup change shape (a deploy then misses).
FORMAT = "1"
TIMEOUT = 24 * 3600  # entries of an old version expire on their own
COMPETITION_TIMEOUT = 60  # a title or status edited in the admin shows within a minute
LOCAL_TIMEOUT = 60  # a worker's own copy; the shared cache's entry may be shorter-lived
LOCAL_COMPETITION_TIMEOUT = 10  # a worker's copy of a competition (its status, its title)


class LocalCache:
    """A small least-recently-used dict of one worker process (thread-safe), with expiry."""

    def __init__(self, size):
        self.size = size
        self.values = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.values.get(key)
            if entry is None:
                return None
            expires, value = entry
            if expires < time.monotonic():
                del self.values[key]
                return None
            self.values.move_to_end(key)
            return value

    def set(self, key, value, timeout=None):
        timeout = LOCAL_TIMEOUT if timeout is None else timeout
        with self.lock:
            self.values[key] = (time.monotonic() + timeout, value)
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)

    def clear(self):
        with self.lock:
            self.values.clear()


local_results = LocalCache(16)
local_fragments = LocalCache(512)
local_competitions = LocalCache(32)


def clear_local_caches():
    """Forget this process's copies (tests; the shared cache is cleared separately)."""
    local_results.clear()
    local_fragments.clear()
    local_competitions.clear()


def cached(key, compute, local: LocalCache | None = None, timeout=TIMEOUT):
    """Return the value under `key`: this process's copy, the shared cache's, or computed.

    A computed value with a `cache_timeout` attribute is kept that long instead.
    """
    if local is not None:
        value = local.get(key)
        if value is not None:
            return value
    value = cache.get(key)
    if value is None:
        value = compute()
        timeout = getattr(value, "cache_timeout", timeout)
        cache.set(key, value, timeout)
    if local is not None:
        local.set(key, value, min(timeout, LOCAL_TIMEOUT))
    return value


# --- The competition ---------------------------------------------------------------------------


def _competition_key(slug):
    return f"milcomp:{FORMAT}:competition:{slug}"


def forget_competition(competition):
    """Drop the cached competition and move its results version on (after an admin edit)."""
    cache.delete(_competition_key(competition.slug))
    local_competitions.clear()
    queries.bump_results_version(competition)


def competition_for(slug) -> Competition:
    """Return the competition of `slug` (404 if none), cached for a minute.

    On a miss the competition comes with its disciplines in one query; they are kept on the
    instance (`_live_disciplines`, not cached) so that computing its results needs no other
    query for the states.
    """
    key = _competition_key(slug)
    competition = local_competitions.get(key)
    if competition is not None:
        return competition
    competition = cache.get(key)
    if competition is not None:
        local_competitions.set(key, competition, LOCAL_COMPETITION_TIMEOUT)
        return competition
    disciplines = list(
        Discipline.objects.select_related("competition").filter(competition__slug=slug)
    )
    if disciplines:
        competition = disciplines[0].competition
    else:
        competition = Competition.objects.filter(slug=slug).first()
        if competition is None:
            raise Http404
    cache.set(key, competition, COMPETITION_TIMEOUT)
    competition._live_disciplines = disciplines
    return competition


def _states_of(disciplines) -> dict[str, dict]:
    """queries.discipline_states from disciplines already loaded (same shape and order)."""
    by_kind = {discipline.kind: discipline for discipline in disciplines}
    states = {}
    for kind in DisciplineKind.values:
        discipline = by_kind.get(kind)
        state = discipline.state if discipline else Discipline.State.OPEN
        states[kind] = {
            "state": state,
            "label": Discipline.State(state).label,
            "published_at": discipline.published_at if discipline else None,
            "official_at": discipline.official_at if discipline else None,
            "protest_deadline": discipline.protest_deadline() if discipline else None,
        }
    return states


# --- The results ---------------------------------------------------------------------------------


@dataclass(slots=True)
class LiveResults:
    """What the results pages show of one version of a competition's results."""

    version: int
    results: scoring.Results
    states: dict[str, dict]  # queries.discipline_states
    marks: dict[str, dict[str, str]]  # team key -> {discipline: "dns" | "dnf" | "dsq"}
    entered: dict[str, frozenset[str]]  # team key -> disciplines with a result (or a status)
    official: bool  # every discipline declared official by the jury
    updated_at: object  # datetime: when these results were computed (or last declared official)
    cache_timeout: int = TIMEOUT  # how long this version's results and fragments stay cached

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
    disciplines = competition.__dict__.pop("_live_disciplines", None)
    states = _states_of(disciplines) if disciplines else queries.discipline_states(competition)
    results = scoring.compute(teams, table, categories)
    marks, entered = _marks(teams, results)
    official = all(state["state"] == Discipline.State.OFFICIAL for state in states.values())
    updated_at = timezone.now()
    if official:
        updated_at = max(state["official_at"] for state in states.values())
    # With states read before the version (competition_for, on a cold cache), a change
    # committed in between would show late: keep them a minute only.
    timeout = COMPETITION_TIMEOUT if disciplines else TIMEOUT
    return LiveResults(version, results, states, marks, entered, official, updated_at, timeout)


def results_key(competition, version) -> str:
    """The cache key of the results: the version, and the rules they were computed with (an
    admin edit of the points table must not leave results of the old table under a new key)."""
    rules = repr((competition.points_table(), competition.category_rules())).encode()
    return (
        f"milcomp:{FORMAT}:results:{competition.pk}:{version}:{hashlib.md5(rules).hexdigest()[:12]}"
    )


def live_results(competition, version=None) -> LiveResults:
    """Return the competition's results of its current version (cached; see the module).

    `version`: the results version the caller has just read (saves reading it again).
    """
    # The version is read before the rows: a result saved meanwhile moves it on again.
    if version is None:
        version = queries.results_version(competition)
    return cached(
        results_key(competition, version),
        lambda: _compute(competition, version),
        local_results,
    )


def current_results(competition) -> tuple[int, scoring.Results, dict[str, dict]]:
    """Return (results version, scoring.Results, discipline states) of the competition.

    Cold: at most 5 queries (scoring_input's 4, the states' 1); warm: none.
    """
    return live_results(competition).as_tuple()


def member_names(competition, version) -> dict[str, str]:
    """Return {member key: "First LAST"} of the competition's competitors (one query, cached
    under the results version, which moves on when a team changes)."""

    def load():
        return {
            str(pk): " ".join(part for part in (first, (last or "").upper()) if part)
            for pk, first, last in TeamMember.objects.filter(competition=competition).values_list(
                "pk", "person__first_name", "person__last_name"
            )
        }

    return cached(f"milcomp:{FORMAT}:names:{competition.pk}:{version}", load, local_results)


def flag_path(code: str | None) -> str | None:
    """Return the static path of a nation's flag ("img/flags/est.svg"), None if none drawn."""
    return nation_flag_path(code) if code else None
