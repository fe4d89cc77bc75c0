"""Who may do what in the Language Academy and the YRO programme.

- The CLA director is the chair of the CLA-C committee, the YRO-C chair the chair of the YRO-C:
  an accounts.RoleAssignment `committee_chair` of that committee in force, or the committee's
  chair in governance's records (CommitteeMembership, role chair, in force). Each manages the
  own programme and nothing else; the presidency manages both.
- A head of delegation and national staff enter the own nations' applicants, see them, and
  endorse or decline them; endorsement is the nation's alone (not the presidency's, not the
  director's). They see the own nations' LOAC results.
- A participant sees the own certificates.
"""

import rules

from accounts.rules import Role, committee_ids_for, is_delegation_for, is_presidency

CLA_COMMITTEE = "CLA-C"
YRO_COMMITTEE = "YRO-C"


def _chaired_acronyms(user) -> set[str]:
    """Return the acronyms of the committees `user` chairs today (memoised on the user): by a
    `committee_chair` role, or by the committee's own record of its chair (governance's
    CommitteeMembership), which the presidency keeps when it appoints the chair."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    cache = user.__dict__.get("_academy_chairs")
    if cache is None:
        from django.db.models import Q

        from governance.models import Committee, CommitteeMembership

        condition = Q(pk__in=committee_ids_for(user, Role.COMMITTEE_CHAIR))
        if user.person_id:
            chairs = CommitteeMembership.objects.active().filter(
                person_id=user.person_id, role=CommitteeMembership.Role.CHAIR
            )
            condition |= Q(pk__in=chairs.values("committee_id"))
        cache = set(
            Committee.objects.filter(
                condition, acronym__in=[CLA_COMMITTEE, YRO_COMMITTEE]
            ).values_list("acronym", flat=True)
        )
        user.__dict__["_academy_chairs"] = cache
    return cache


@rules.predicate
def is_cla_director(user):
    return CLA_COMMITTEE in _chaired_acronyms(user)


@rules.predicate
def is_yro_chair(user):
    return YRO_COMMITTEE in _chaired_acronyms(user)


@rules.predicate
def is_own_application(user, application):
    person_id = getattr(user, "person_id", None)
    return bool(application is not None and person_id and application.person_id == person_id)


@rules.predicate
def is_own_result(user, result):
    person_id = getattr(user, "person_id", None)
    return bool(result is not None and person_id and result.registration.person_id == person_id)


@rules.predicate
def has_a_nation_role(user):
    from accounts.rules import nation_ids_for

    return bool(nation_ids_for(user))


manages_language_academy = is_presidency | is_cla_director
manages_yro = is_presidency | is_yro_chair
# obj: a Nation (or anything with nation_id); without an object, "for some nation".
enters_applications = manages_language_academy | is_delegation_for

rules.add_perm("academy.manage_language_academy", manages_language_academy)
# The programmes' directors read applicants' personal data and issue certificates: they log in
# with a second factor too (accounts.middleware, settings.CIOR_TWO_FACTOR_PERMISSIONS).
rules.add_perm("academy.use_two_factor", is_cla_director | is_yro_chair)
rules.add_perm("academy.manage_yro", manages_yro)
rules.add_perm("academy.enter_application", enters_applications)
# obj: an Application.
rules.add_perm("academy.endorse_application", is_delegation_for)
rules.add_perm(
    "academy.view_application", manages_language_academy | is_delegation_for | is_own_application
)
rules.add_perm("academy.export_applications", manages_language_academy | has_a_nation_role)
rules.add_perm("academy.view_loacresult", manages_yro | is_delegation_for | is_own_result)

# The admin's session and exam set-up: the presidency (committee chairs work on their own pages).
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"academy.{action}_session", is_presidency)
    rules.add_perm(f"academy.{action}_yroexam", is_presidency)
