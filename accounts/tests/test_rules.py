import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts import rules as access
from accounts.models import Person, RoleAssignment
from governance.tests.factories import CommitteeFactory
from nations.tests.factories import NationFactory

from .conftest import staff_user
from .factories import PersonFactory, UserFactory

Role = RoleAssignment.Role
pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_global_roles_answer_their_own_predicate_only():
    presidency = staff_user(Role.PRESIDENCY, totp=False)
    treasurer = staff_user(Role.TREASURER, totp=False)
    editor = staff_user(Role.EDITOR, totp=False)

    assert [access.is_presidency(u) for u in (presidency, treasurer, editor)] == [
        True,
        False,
        False,
    ]
    assert [access.is_treasurer(u) for u in (presidency, treasurer, editor)] == [
        False,
        True,
        False,
    ]
    assert [access.is_editor(u) for u in (presidency, treasurer, editor)] == [False, False, True]
    assert all(access.is_staff_role(u) for u in (presidency, treasurer, editor))


def test_head_of_delegation_is_scoped_to_one_nation(est, fra):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est, totp=False)

    assert access.is_head_of_delegation_for(user, est) is True
    assert access.is_head_of_delegation_for(user, PersonFactory(nation=est)) is True
    assert access.is_head_of_delegation_for(user, fra) is False
    assert access.is_national_staff_for(user, est) is False
    assert access.is_delegation_for(user, est) is True
    assert access.nation_ids_for(user) == {est.pk}
    assert access.is_staff_role(user) is True
    assert access.is_presidency(user) is False


def test_national_staff_is_scoped_to_one_nation(est, fra):
    user = staff_user(Role.NATIONAL_STAFF, nation=est, totp=False)

    assert access.is_national_staff_for(user, est) is True
    assert access.is_head_of_delegation_for(user, est) is False
    assert access.is_delegation_for(user, fra) is False
    assert access.nation_ids_for(user, Role.HEAD_OF_DELEGATION) == set()


def test_committee_officer_is_scoped_to_one_committee():
    committee, other = CommitteeFactory(), CommitteeFactory()
    user = staff_user(Role.COMMITTEE_CHAIR, committee=committee, totp=False)

    assert access.is_committee_officer_for(user, committee) is True
    assert access.is_committee_officer_for(user, other) is False
    assert access.committee_ids_for(user) == {committee.pk}
    assert access.is_staff_role(user) is False


def test_ended_role_gives_nothing(est):
    user = staff_user(
        Role.HEAD_OF_DELEGATION,
        nation=est,
        totp=False,
        starts_on=TODAY - datetime.timedelta(days=30),
        ends_on=TODAY - datetime.timedelta(days=1),
    )

    assert access.is_delegation_for(user, est) is False
    assert access.is_staff_role(user) is False
    assert user.has_perm("accounts.change_person", PersonFactory(nation=est)) is False


def test_future_role_gives_nothing_yet(est):
    user = staff_user(Role.PRESIDENCY, totp=False, starts_on=TODAY + datetime.timedelta(days=1))

    assert access.is_presidency(user) is False


def test_role_ending_today_still_holds(est):
    user = staff_user(Role.PRESIDENCY, totp=False, ends_on=TODAY)

    assert access.is_presidency(user) is True


def test_account_without_person_or_anonymous_has_no_role(est):
    assert access.is_staff_role(UserFactory()) is False
    assert access.is_staff_role(AnonymousUser()) is False
    assert access.is_delegation_for(AnonymousUser(), est) is False


def test_inactive_account_loses_its_roles(est):
    user = staff_user(Role.PRESIDENCY, totp=False)
    user.is_active = False

    assert access.is_presidency(user) is False


def test_person_permissions_follow_the_nation(est, fra):
    user = staff_user(Role.HEAD_OF_DELEGATION, nation=est, totp=False)
    own, other = PersonFactory(nation=est), PersonFactory(nation=fra)

    assert [user.has_perm(f"accounts.{a}_person", own) for a in ("view", "change", "delete")] == [
        True,
        True,
        True,
    ]
    assert [user.has_perm(f"accounts.{a}_person", other) for a in ("view", "change", "delete")] == [
        False,
        False,
        False,
    ]
    assert user.has_perm("accounts.add_person", Person(nation=fra)) is False
    assert user.has_perm("accounts.add_person") is True
    assert user.has_perm("accounts.view_roleassignment") is False
    assert user.has_perm("accounts.view_audit_log") is False
    assert user.has_perm("wagtailadmin.access_admin") is True


def test_presidency_may_do_everything_in_the_registry(fra):
    user = staff_user(Role.PRESIDENCY, totp=False)

    assert user.has_perm("accounts.change_person", PersonFactory(nation=fra)) is True
    assert user.has_perm("accounts.change_roleassignment") is True
    assert user.has_perm("accounts.view_audit_log") is True


def test_visible_to_lists_the_own_nations_people(est, fra):
    own, other = PersonFactory(nation=est), PersonFactory(nation=fra)
    hod = staff_user(Role.HEAD_OF_DELEGATION, nation=est, totp=False)
    presidency = staff_user(Role.PRESIDENCY, totp=False)

    assert set(Person.objects.visible_to(hod)) == {own, hod.person}
    assert {own, other} <= set(Person.objects.visible_to(presidency))
    assert list(Person.objects.visible_to(UserFactory())) == []


def test_editor_and_treasurer_do_not_manage_people():
    editor = staff_user(Role.EDITOR, totp=False)

    assert editor.has_perm("accounts.change_person", PersonFactory(nation=NationFactory())) is False
    assert editor.has_perm("accounts.view_person") is False
