from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from milcomp import scoring
from milcomp.models import Discipline, RawResult, Team, TeamMember

from .factories import CompetitionFactory, make_team


def test_points_table_defaults_equal_the_engine_defaults(competition):
    assert competition.points_table() == scoring.PointsTable()


def test_points_table_keeps_a_fraction_entered_in_the_admin(competition):
    competition.orienteering_points_per_minute = Decimal("12.50")
    competition.land_obstacles = 18

    table = competition.points_table()

    assert table.orienteering_points_per_minute * 2 == 25
    assert table.land_obstacles == 18


def test_category_rules_come_from_the_competition(competition):
    competition.veteran_min_participations = 5

    rules = competition.category_rules()

    assert rules.veteran_min_participations == 5
    assert rules.international_min_nations == 2


def test_competition_has_its_six_disciplines(competition):
    kinds = set(competition.disciplines.values_list("kind", flat=True))

    assert kinds == {d.value for d in scoring.Discipline}


def test_discipline_is_unique_per_competition(competition):
    with pytest.raises(IntegrityError):
        Discipline.objects.create(competition=competition, kind="shooting")


def test_provisional_discipline_without_publication_time_is_refused(competition):
    discipline = competition.disciplines.get(kind="land")
    discipline.state = Discipline.State.PROVISIONAL

    with pytest.raises(IntegrityError):
        discipline.save()


def test_person_cannot_be_in_two_teams_of_one_competition(competition, est):
    team = make_team(competition, est)
    other = make_team(competition, est)
    member = team.members.first()

    with pytest.raises(IntegrityError):
        TeamMember.objects.create(
            team=other,
            competition=competition,
            person=member.person,
            registration=member.registration,
            position=3,
        )


def test_same_person_may_compete_again_next_year(est):
    first, second = CompetitionFactory(), CompetitionFactory()
    team = make_team(first, est)
    member = team.members.first()
    other = make_team(second, est)
    other.members.filter(position=3).delete()

    TeamMember.objects.create(
        team=other,
        competition=second,
        person=member.person,
        registration=member.registration,
        position=3,
    )

    assert TeamMember.objects.filter(person=member.person).count() == 2


def test_team_has_one_captain(competition, est):
    team = make_team(competition, est)

    with pytest.raises(IntegrityError):
        team.members.filter(position=2).update(is_captain=True)


def test_international_team_has_no_nation(competition, est):
    with pytest.raises(IntegrityError):
        Team.objects.create(
            competition=competition, nation=est, number=9, name="X", category="international"
        )


def test_raw_result_is_unique_per_team_and_discipline(competition, est):
    from django.utils import timezone

    team = make_team(competition, est)
    discipline = competition.disciplines.get(kind="first_aid")
    RawResult.objects.create(team=team, discipline=discipline, entered_at=timezone.now())

    with pytest.raises(IntegrityError), transaction.atomic():
        RawResult.objects.create(team=team, discipline=discipline, entered_at=timezone.now())
