import pytest
from django.contrib.auth import get_user_model

from core.demo.pages import DemoContext
from milcomp import demo, queries, scoring
from milcomp.models import Competition, Discipline, Protest, RawResult, ResultChange
from nations.tests.factories import NationFactory


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The MILCOMP demo loaded once (twice: the second run must add nothing) for the module."""
    from conftest import kept_for_module

    with kept_for_module(django_db_blocker):
        for code in demo.NAMES:
            NationFactory(code=code, name_en=f"Nation {code}")
        get_user_model().objects.create_superuser("admin", "admin@example.org", "cior-demo")
        demo.load(DemoContext())
        changes = ResultChange.objects.count()
        second = DemoContext()
        demo.load(second)
        yield {"changes": changes, "second": second}


@pytest.fixture
def last_year(loaded, db):
    return Competition.objects.get(year=2026)


@pytest.fixture
def this_year(loaded, db):
    return Competition.objects.get(year=2027)


def test_demo_loads_once(loaded, db):
    assert loaded["second"].created == []
    assert ResultChange.objects.count() == loaded["changes"]


def test_last_year_is_finished_with_every_category_and_official_results(last_year):
    teams = last_year.teams.all()
    nations = {team.nation_id for team in teams if team.nation_id}

    assert last_year.status == Competition.Status.FINISHED
    assert teams.count() == 32
    assert len(nations) >= 10
    assert {team.category for team in teams} == {
        "novice",
        "experienced",
        "veteran",
        "female",
        "international",
    }
    assert set(last_year.disciplines.values_list("state", flat=True)) == {"official"}
    results = scoring.compute(*queries.scoring_input(last_year))
    assert results.pending is False
    assert [row.place for row in results.overall][:3] == [1, 2, 3]
    assert len(results.nation_cup) >= 10


def test_last_year_has_an_upheld_protest_with_its_correction_and_a_rejected_one(last_year):
    upheld = Protest.objects.get(team__competition=last_year, state=Protest.State.UPHELD)
    rejected = Protest.objects.get(team__competition=last_year, state=Protest.State.REJECTED)
    correction = ResultChange.objects.get(protest=upheld)

    assert (upheld.team.name, upheld.discipline.kind) == ("FRA 1", "land")
    assert correction.new_data["failed_obstacles"] == correction.old_data["failed_obstacles"] - 1
    assert (rejected.team.name, rejected.discipline.kind) == ("EST 1", "shooting")


def test_this_year_is_drawn_with_partial_provisional_results(this_year):
    states = queries.discipline_states(this_year)
    shooting = RawResult.objects.filter(
        discipline__competition=this_year, discipline__kind="shooting"
    )
    without_rifle = [r for r in shooting if not r.data["members"][0].get("rifle_precision")]

    assert this_year.status == Competition.Status.RUNNING
    assert this_year.draw_seed == "milcomp-2027"
    assert this_year.teams.filter(start_number__isnull=True).count() == 0
    assert this_year.teams.count() == 24
    assert states["land"]["state"] == Discipline.State.PROVISIONAL
    assert states["shooting"]["state"] == Discipline.State.OPEN
    assert states["orienteering"]["state"] == Discipline.State.OPEN
    assert shooting.count() == 24
    assert len(without_rifle) == 12
    assert scoring.compute(*queries.scoring_input(this_year)).pending is True


def test_demo_judge_and_jury_can_log_in_with_their_scopes(this_year, last_year):
    User = get_user_model()
    judge_user = User.objects.get(email="judge@example.org")
    jury_user = User.objects.get(email="jury@example.org")

    assert judge_user.check_password("cior-demo") and jury_user.check_password("cior-demo")
    assert judge_user.has_perm("milcomp.enter_result", this_year.disciplines.get(kind="shooting"))
    assert judge_user.has_perm("milcomp.enter_result", this_year.disciplines.get(kind="land"))
    assert not judge_user.has_perm("milcomp.enter_result", this_year.disciplines.get(kind="water"))
    assert jury_user.has_perm("milcomp.decide_protest", this_year)
    assert jury_user.has_perm("milcomp.decide_protest", last_year)
