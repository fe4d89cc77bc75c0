"""The cached live results (milcomp/results.py): computed once per results version."""

import pytest
from django.core.cache import cache
from django.http import Http404
from django.test import TestCase

from milcomp import queries, results, services
from milcomp.models import Discipline, RawResult, Team

from .factories import freeze, judge, make_team, shooting_data

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
            "IGNORE_EXCEPTIONS": True,
        },
    }
}
SHOOTING_3108 = shooting_data()  # (46 rings x 8 + 5 hits x 30) x 2 weapons x 3 members


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def running(competition, est, fra):
    make_team(competition, est)  # EST 1
    make_team(competition, fra)  # FRA 1
    make_team(competition, est)  # EST 2
    return freeze(competition)


@pytest.fixture
def judge_user(running):
    return judge(running, "shooting", "land")


def save(competition, team_name, kind, data, by, status="ok"):
    team = Team.objects.get(competition=competition, name=team_name)
    discipline = Discipline.objects.get(competition=competition, kind=kind)
    current = RawResult.objects.filter(team=team, discipline=discipline).first()
    # As committed: the results version moves once the save's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.save_result(
            team,
            discipline,
            data=data,
            status=status,
            by=by,
            expected_version=current.version if current else 0,
        )


def team_key(competition, name):
    return str(Team.objects.get(competition=competition, name=name).pk)


def test_current_results_are_the_engines_points_rankings_and_states(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)

    version, found, states = results.current_results(running)

    assert version == queries.results_version(running)
    est1 = found.teams[team_key(running, "EST 1")]
    assert (est1.shooting, est1.total) == (3108, 3108)
    assert (found.overall[0].place, found.overall[0].team.name) == (1, "EST 1")
    assert {row.team.name for row in found.overall[1:]} == {"FRA 1", "EST 2"}
    assert [row.place for row in found.overall[1:]] == [2, 2]  # no points yet: a shared place
    assert states["shooting"]["state"] == "open"
    assert list(states) == ["shooting", "land", "water", "orienteering", "first_aid", "loac"]


def test_current_results_are_recomputed_after_a_result_changes(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    first_version, first, _states = results.current_results(running)

    save(running, "FRA 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "FRA 1", "land", {"seconds": 200, "failed_obstacles": 0}, judge_user)
    version, found, _states = results.current_results(running)

    assert version != first_version
    fra1 = found.teams[team_key(running, "FRA 1")]
    assert (fra1.shooting, fra1.land, fra1.total) == (3108, 1400, 4508)
    assert [row.team.name for row in found.overall][:2] == ["FRA 1", "EST 1"]
    assert first.overall[0].team.name == "EST 1"  # the earlier version's values are untouched


def test_current_results_stay_cached_until_the_version_moves_on(running, judge_user):
    result = save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    results.current_results(running)
    # A change that bypasses the services (no version bump) is not seen...
    RawResult.objects.filter(pk=result.pk).update(data=shooting_data(rings=(5, 5, 5, 5, 5)))
    # ...from the shared cache either
    _version, found, _states = results.current_results(running)
    assert found.teams[team_key(running, "EST 1")].shooting == 3108

    queries.bump_results_version(running)
    _version, found, _states = results.current_results(running)

    # 25 rings x 8 + 5 hits x 30 = 350 per member and weapon
    assert found.teams[team_key(running, "EST 1")].shooting == 350 * 6


def test_current_results_cold_cache_needs_at_most_five_queries(
    running, judge_user, django_assert_max_num_queries
):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    cache.clear()

    with django_assert_max_num_queries(5):
        results.current_results(running)


def test_current_results_warm_cache_needs_no_query(running, judge_user, django_assert_num_queries):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    expected = results.current_results(running)

    with django_assert_num_queries(0):
        shared = results.current_results(running)

    assert shared[0] == expected[0]
    key = team_key(running, "EST 1")
    assert shared[1].teams[key].total == expected[1].teams[key].total == 3108


def test_competition_for_reads_the_competition_each_time_so_an_edit_shows_at_once(
    running, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert results.competition_for(running.slug).title == running.title

    type(running).objects.filter(pk=running.pk).update(title_en="MILCOMP 2027 (renamed)")

    assert results.competition_for(running.slug).title == "MILCOMP 2027 (renamed)"


def test_competition_for_an_unknown_slug_is_404(db):
    with pytest.raises(Http404):
        results.competition_for("1900")


def test_live_results_mark_dns_dnf_and_what_is_entered(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    save(running, "EST 2", "land", {}, judge_user, status="dns")

    live = results.live_results(running)

    assert live.marks[team_key(running, "EST 2")] == {"land": "dns"}
    assert live.marks[team_key(running, "EST 1")] == {}
    assert live.entered[team_key(running, "EST 1")] == frozenset({"shooting"})
    assert live.entered[team_key(running, "EST 2")] == frozenset({"land"})
    assert live.official is False


def test_a_disqualified_team_is_unranked_and_last(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    Team.objects.filter(competition=running, name="EST 1").update(
        disqualified=True, disqualification_reason="Doping"
    )
    queries.bump_results_version(running)

    _version, found, _states = results.current_results(running)

    assert [row.team.name for row in found.overall][-1] == "EST 1"
    assert found.overall[-1].place is None
    assert [row.place for row in found.overall[:2]] == [1, 1]


def test_results_are_official_only_when_every_discipline_is_declared(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    disciplines = Discipline.objects.filter(competition=running)
    disciplines.exclude(kind="loac").update(
        state="official", published_at="2027-08-01T10:00Z", official_at="2027-08-01T12:00Z"
    )
    queries.bump_results_version(running)
    assert results.live_results(running).official is False

    disciplines.filter(kind="loac").update(
        state="official", published_at="2027-08-01T10:00Z", official_at="2027-08-02T09:30Z"
    )
    queries.bump_results_version(running)
    live = results.live_results(running)

    assert live.official is True
    assert live.updated_at.isoformat() == "2027-08-02T09:30:00+00:00"  # the last declaration


def test_member_names_are_first_and_last_names(running):
    member = Team.objects.get(competition=running, name="FRA 1").members.get(position=2)
    version = queries.results_version(running)

    names = results.member_names(running, version)

    person = member.person
    assert names[str(member.pk)] == f"{person.first_name} {person.last_name.upper()}"
    assert len(names) == 9


def test_results_pickle_through_the_shared_cache(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    live = results.live_results(running)

    stored = cache.get(results.results_key(running, live.version))

    assert stored is not live
    assert stored.results.overall[0].team.name == "EST 1"
    assert stored.results.teams == live.results.teams


def test_results_key_follows_the_points_table(competition):
    """An admin edit of the table moves the key: results of the old table are not served."""
    before = results.results_key(competition, 7)
    competition.precision_points_per_ring = 9

    assert results.results_key(competition, 7) != before
    assert results.results_key(competition, 7).startswith(f"milcomp:{results.FORMAT}:results:")


def test_a_renamed_competitor_shows_at_once_in_the_shooting_ranking(
    running, judge_user, django_capture_on_commit_callbacks
):
    member = Team.objects.get(competition=running, name="EST 1").members.get(position=1)
    version = queries.results_version(running)
    assert results.member_names(running, version)[str(member.pk)].endswith(
        member.person.last_name.upper()
    )

    with django_capture_on_commit_callbacks(execute=True):
        person = member.person
        person.last_name = "Tamm-Renamed"
        person.save()

    moved = queries.results_version(running)
    assert moved != version
    assert results.member_names(running, moved)[str(member.pk)].endswith("TAMM-RENAMED")


def test_a_competition_renamed_or_finished_moves_the_version_once_committed(
    running, django_capture_on_commit_callbacks
):
    version = queries.results_version(running)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        running.title_en = "MILCOMP 2027, Tallinn"
        running.save()
    assert queries.results_version(running) == version  # not inside the transaction

    for callback in callbacks:
        callback()
    assert queries.results_version(running) != version


def test_a_cached_result_is_never_changed_by_a_later_computation(running, judge_user):
    save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)
    first = results.live_results(running)

    save(running, "FRA 1", "shooting", SHOOTING_3108, judge_user)
    second = results.live_results(running)

    assert first.version != second.version
    assert first.entered[team_key(running, "FRA 1")] == frozenset()
    with pytest.raises(AttributeError):
        first.official = True  # frozen


def test_with_redis_unreachable_a_judge_save_commits_and_results_are_computed(
    running, judge_user, settings
):
    settings.CACHES = DEAD_REDIS
    result = save(running, "EST 1", "shooting", SHOOTING_3108, judge_user)

    assert RawResult.objects.get(pk=result.pk).data == SHOOTING_3108
    live = results.live_results(running)
    assert live.version is None
    assert live.results.teams[team_key(running, "EST 1")].shooting == 3108
