"""Who may do what in MILCOMP (domain.md §2): judges, the Technical Jury, delegations.

- A judge enters the raw results of the disciplines assigned to them (JudgeAssignment).
- The Technical Jury of a competition (JuryMember) enters and corrects any result of it,
  decides protests and declares disciplines official.
- A head of delegation declares the nation's teams and files protests for them; the team's
  captain files protests too; the nation's delegation reads its teams' history.
- The presidency may do everything, international teams included.

Judges and jury members hold no staff role (accounts.rules.is_staff_role), but they change
official results, so they log in with TOTP as staff do (milcomp.use_two_factor): an
authenticator app on the phone they enter results with costs them one code per login, and a
guessed or reused password alone no longer changes a ranking.
"""

import rules

from accounts.rules import is_head_of_delegation_for, is_presidency


def _person_id(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.person_id


def _cached(user, key, compute):
    """Memoise a scope question on the user object (one request's life)."""
    cache = user.__dict__.setdefault("_milcomp_scopes", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def judged_kinds(user, competition) -> set[str]:
    """Return the discipline kinds `user` judges in `competition`."""
    person_id = _person_id(user)
    competition_id = getattr(competition, "pk", competition)
    if person_id is None or competition_id is None:
        return set()
    from .models import JudgeAssignment

    return _cached(
        user,
        ("judge", competition_id),
        lambda: set(
            JudgeAssignment.objects.filter(
                competition_id=competition_id, person_id=person_id
            ).values_list("discipline_kind", flat=True)
        ),
    )


@rules.predicate
def is_judge_for(user, discipline):
    """True when `user` judges `discipline` (a milcomp Discipline)."""
    if discipline is None:
        return False
    return discipline.kind in judged_kinds(user, discipline.competition_id)


def _competition_id(obj):
    """The competition of a Competition, Discipline, Team or Protest."""
    if obj is None:
        return None
    if obj.__class__.__name__ == "Competition":
        return obj.pk
    if hasattr(obj, "competition_id"):
        return obj.competition_id
    team = getattr(obj, "team", None)
    return getattr(team, "competition_id", None)


@rules.predicate
def is_jury_for(user, obj):
    """True when `user` sits on the Technical Jury of the competition of `obj`."""
    person_id = _person_id(user)
    competition_id = _competition_id(obj)
    if person_id is None or competition_id is None:
        return False
    from .models import JuryMember

    return _cached(
        user,
        ("jury", competition_id),
        lambda: JuryMember.objects.filter(
            competition_id=competition_id, person_id=person_id
        ).exists(),
    )


def _team_nation_ids(team):
    """The nations a team answers to: its own, or its members' for an international team."""
    if team.nation_id is not None:
        return {team.nation_id}
    return {member.registration.nation_id for member in team.members.all()}


@rules.predicate
def is_delegation_of_team(user, team):
    if team is None:
        return False
    from accounts.rules import nation_ids_for

    return bool(_team_nation_ids(team) & nation_ids_for(user))


@rules.predicate
def is_head_of_delegation_of_team(user, team):
    if team is None:
        return False
    from accounts.rules import Role, nation_ids_for

    return bool(_team_nation_ids(team) & nation_ids_for(user, Role.HEAD_OF_DELEGATION))


@rules.predicate
def is_captain_of(user, team):
    person_id = _person_id(user)
    if team is None or person_id is None:
        return False
    return team.members.filter(person_id=person_id, is_captain=True).exists()


@rules.predicate
def is_member_of(user, team):
    person_id = _person_id(user)
    if team is None or person_id is None:
        return False
    return team.members.filter(person_id=person_id).exists()


@rules.predicate
def has_a_milcomp_duty(user):
    """True when `user` judges a discipline or sits on a Technical Jury, in any competition."""
    person_id = _person_id(user)
    if person_id is None:
        return False
    from .models import JudgeAssignment, JuryMember

    return (
        JudgeAssignment.objects.filter(person_id=person_id).exists()
        or JuryMember.objects.filter(person_id=person_id).exists()
    )


enters_results = is_presidency | is_jury_for | is_judge_for

# obj: a Discipline.
rules.add_perm("milcomp.enter_result", enters_results)
rules.add_perm("milcomp.publish_discipline", enters_results)
# obj: a Competition (or anything of one).
rules.add_perm("milcomp.decide_protest", is_presidency | is_jury_for)
rules.add_perm("milcomp.declare_official", is_presidency | is_jury_for)
rules.add_perm("milcomp.manage_competition", is_presidency)
# obj: a Nation (None: an international team, the presidency's).
rules.add_perm("milcomp.declare_team", is_presidency | is_head_of_delegation_for)
# obj: a Team.
rules.add_perm(
    "milcomp.file_protest", is_presidency | is_head_of_delegation_of_team | is_captain_of
)
rules.add_perm(
    "milcomp.view_team",
    is_presidency | is_jury_for | is_delegation_of_team | is_member_of,
)
rules.add_perm("milcomp.disqualify_team", is_presidency | is_jury_for)
# Judges and the jury log in with a second factor (settings.CIOR_TWO_FACTOR_PERMISSIONS).
rules.add_perm("milcomp.use_two_factor", has_a_milcomp_duty)

# The Wagtail admin (competitions, teams): the presidency's.
for model in (
    "competition",
    "discipline",
    "judgeassignment",
    "jurymember",
    "team",
    "teammember",
    "rawresult",
    "resultchange",
    "protest",
):
    for action in ("add", "change", "delete"):
        rules.add_perm(f"milcomp.{action}_{model}", is_presidency)
    if model != "team":  # milcomp.view_team is the scoped rule above
        rules.add_perm(f"milcomp.view_{model}", is_presidency)
