from accounts.models import RoleAssignment
from accounts.tests.conftest import staff_user
from milcomp.models import Team

from .factories import CompetitionFactory, judge, jury, make_team


def test_judge_is_judge_only_of_assigned_disciplines(competition):
    user = judge(competition, "shooting")
    shooting = competition.disciplines.get(kind="shooting")
    land = competition.disciplines.get(kind="land")
    other = CompetitionFactory().disciplines.get(kind="shooting")

    assert user.has_perm("milcomp.enter_result", shooting)
    assert not user.has_perm("milcomp.enter_result", land)
    assert not user.has_perm("milcomp.enter_result", other)
    assert not user.has_perm("milcomp.decide_protest", competition)


def test_jury_is_scoped_to_its_competition(competition):
    user = jury(competition)
    other = CompetitionFactory()

    assert user.has_perm("milcomp.decide_protest", competition)
    assert user.has_perm("milcomp.enter_result", competition.disciplines.get(kind="loac"))
    assert not user.has_perm("milcomp.decide_protest", other)
    assert not user.has_perm("milcomp.enter_result", other.disciplines.get(kind="loac"))


def test_presidency_may_do_everything(competition, presidency, est):
    team = make_team(competition, est)

    assert presidency.has_perm("milcomp.enter_result", competition.disciplines.first())
    assert presidency.has_perm("milcomp.declare_team", None)
    assert presidency.has_perm("milcomp.file_protest", team)
    assert presidency.has_perm("milcomp.manage_competition", competition)


def test_head_of_delegation_scopes(competition, est, fra, hod_est):
    own = make_team(competition, est)
    other = make_team(competition, fra)
    international = make_team(competition, None, category="international", nations=[fra, est, fra])

    assert hod_est.has_perm("milcomp.declare_team", est)
    assert not hod_est.has_perm("milcomp.declare_team", fra)
    assert not hod_est.has_perm("milcomp.declare_team", None)
    assert hod_est.has_perm("milcomp.file_protest", own)
    assert hod_est.has_perm("milcomp.file_protest", international)
    assert not hod_est.has_perm("milcomp.file_protest", other)
    assert not hod_est.has_perm("milcomp.enter_result", competition.disciplines.first())
    assert set(Team.objects.visible_to(hod_est)) == {own, international}


def test_national_staff_reads_but_does_not_protest(competition, est):
    staff = staff_user(RoleAssignment.Role.NATIONAL_STAFF, nation=est)
    team = make_team(competition, est)

    assert staff.has_perm("milcomp.view_team", team)
    assert not staff.has_perm("milcomp.file_protest", team)


def test_captain_protests_for_own_team_only(competition, est):
    team = make_team(competition, est, captain_user=True)
    other = make_team(competition, est)

    assert team.captain_user.has_perm("milcomp.file_protest", team)
    assert not team.captain_user.has_perm("milcomp.file_protest", other)
    assert list(Team.objects.visible_to(team.captain_user)) == [team]


def test_judges_and_jury_need_two_factor(competition):
    from accounts.middleware import needs_two_factor

    assert needs_two_factor(judge(competition, "shooting"))
    assert needs_two_factor(jury(competition))
