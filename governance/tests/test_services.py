"""Committee nominations and Council votes through the services: rules, locks and the audit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from accounts.models import RoleAssignment
from accounts.tests.factories import PersonFactory
from governance import services
from governance.models import CommitteeMembership, Motion, NationStandingRecord, Proxy, Vote
from nations.models import Nation
from nations.services import issue_invoices, record_payment
from nations.tests.factories import (
    AssociationFactory,
    NationFactory,
    SubscriptionRateFactory,
    user_with_role,
)

from .factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    CouncilMeetingFactory,
    MotionFactory,
)

pytestmark = pytest.mark.django_db

HOD = RoleAssignment.Role.HEAD_OF_DELEGATION
PRESIDENCY = RoleAssignment.Role.PRESIDENCY


def entries(obj, action):
    return list(
        ModelLogEntry.objects.filter(object_id=str(obj.pk), action=action).order_by("timestamp")
    )


# Committees.


def test_head_of_delegation_nominates_a_member_of_the_own_nation():
    nation = NationFactory()
    hod = user_with_role(HOD, nation=nation)
    committee = CommitteeFactory()
    person = PersonFactory(nation=nation)

    membership = services.nominate_member(committee, person, by=hod)

    assert (membership.nation, membership.role, membership.nominated_by) == (nation, "member", hod)
    [entry] = entries(membership, "cior.membership")
    assert entry.user_id == hod.pk
    assert entry.data["changes"]["person"] == [None, str(person)]


def test_head_of_delegation_cannot_nominate_another_nations_person():
    hod = user_with_role(HOD, nation=NationFactory())
    other = PersonFactory(nation=NationFactory())

    with pytest.raises(PermissionDenied):
        services.nominate_member(CommitteeFactory(), other, by=hod)


def test_a_sixth_member_of_a_nation_is_refused_with_a_clear_message():
    nation = NationFactory(name_en="Belgium", name_fr="Belgique")
    committee = CommitteeFactory(acronym="YRO-C")
    for _ in range(5):
        services.nominate_member(committee, PersonFactory(nation=nation), by=None)

    with pytest.raises(ValidationError) as refused:
        services.nominate_member(committee, PersonFactory(nation=nation), by=None)

    assert refused.value.messages == ["Belgium already has 5 members on YRO-C, the most allowed."]
    assert CommitteeMembership.objects.filter(committee=committee, nation=nation).count() == 5


def test_ended_memberships_free_a_seat():
    nation = NationFactory()
    committee = CommitteeFactory()
    CommitteeMembershipFactory.create_batch(
        5,
        committee=committee,
        person__nation=nation,
        ends_on=datetime.date(2025, 7, 31),
    )

    services.nominate_member(committee, PersonFactory(nation=nation), by=None)

    assert CommitteeMembership.objects.active().filter(committee=committee).count() == 1


def test_presidency_appoints_a_new_chair_and_the_old_one_steps_down():
    committee = CommitteeFactory()
    sg = user_with_role(PRESIDENCY)
    old = services.appoint_officer(
        committee, PersonFactory(), role="chair", by=sg, starts_on=datetime.date(2024, 8, 1)
    )

    new = services.appoint_officer(
        committee, PersonFactory(), role="chair", by=sg, starts_on=datetime.date(2026, 8, 1)
    )

    old.refresh_from_db()
    assert old.ends_on == datetime.date(2026, 7, 31)
    assert new.ends_on is None
    assert entries(old, "cior.membership")[-1].data["changes"]["ends_on"] == [None, "2026-07-31"]


def test_head_of_delegation_cannot_appoint_a_chair():
    nation = NationFactory()
    hod = user_with_role(HOD, nation=nation)

    with pytest.raises(PermissionDenied):
        services.appoint_officer(
            CommitteeFactory(), PersonFactory(nation=nation), role="chair", by=hod
        )


def test_database_refuses_two_open_chairs():
    committee = CommitteeFactory()
    CommitteeMembershipFactory(committee=committee, role="chair")

    with pytest.raises(IntegrityError), transaction.atomic():
        CommitteeMembershipFactory(committee=committee, role="chair")


# Council.


@pytest.fixture
def council():
    """Four full members (A, B, C present, D absent) and an associate (X, present)."""
    nations = {
        code: NationFactory(code=code, name_en=f"Nation {code}", name_fr=f"Nation {code} (fr)")
        for code in ("QAA", "QBB", "QCC", "QDD")
    }
    nations["QXX"] = NationFactory(code="QXX", membership=Nation.Membership.ASSOCIATE)
    meeting = CouncilMeetingFactory()
    for code, nation in nations.items():
        services.record_attendance(meeting, nation=nation, present_in_person=code != "QDD", by=None)
    return meeting, nations


def test_head_of_delegation_casts_the_own_nations_vote(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting)
    hod = user_with_role(HOD, nation=nations["QAA"])

    vote = services.cast_vote(motion, nation=nations["QAA"], choice="for", by=hod)

    assert (vote.choice, vote.cast_by, vote.recorded_by_sg, vote.proxy_holder) == (
        "for",
        hod,
        False,
        None,
    )


def test_head_of_delegation_cannot_cast_another_nations_vote(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting)
    hod = user_with_role(HOD, nation=nations["QAA"])

    with pytest.raises(PermissionDenied):
        services.cast_vote(motion, nation=nations["QBB"], choice="for", by=hod)
    assert not Vote.objects.exists()


def test_proxy_holder_casts_the_givers_vote(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting)
    services.give_proxy(meeting, from_nation=nations["QDD"], to_nation=nations["QAA"], by=None)
    hod = user_with_role(HOD, nation=nations["QAA"])

    vote = services.cast_vote(motion, nation=nations["QDD"], choice="against", by=hod)

    assert vote.proxy_holder == nations["QAA"]
    assert vote.recorded_by_sg is False


def test_secretary_general_records_any_vote_flagged(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting)
    sg = user_with_role(PRESIDENCY)

    vote = services.cast_vote(motion, nation=nations["QBB"], choice="abstain", by=sg)

    assert vote.recorded_by_sg is True


def test_vote_is_refused_when_the_motion_is_not_open(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting, status=Motion.Status.DRAFT)

    with pytest.raises(ValidationError):
        services.cast_vote(motion, nation=nations["QAA"], choice="for", by=None)


def test_changed_vote_keeps_the_old_value_in_the_audit(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting)
    hod = user_with_role(HOD, nation=nations["QAA"])
    services.cast_vote(motion, nation=nations["QAA"], choice="for", by=hod)

    vote = services.cast_vote(motion, nation=nations["QAA"], choice="against", by=hod)

    first, second = entries(vote, "cior.vote")
    assert first.data["changes"]["choice"] == [None, "for"]
    assert second.data["changes"]["choice"] == ["for", "against"]
    assert second.user_id == hod.pk


def test_proxy_rules_are_enforced(council):
    meeting, nations = council
    services.give_proxy(meeting, from_nation=nations["QDD"], to_nation=nations["QAA"], by=None)

    with pytest.raises(ValidationError):
        services.give_proxy(meeting, from_nation=nations["QCC"], to_nation=nations["QAA"], by=None)
    with pytest.raises(ValidationError):
        services.give_proxy(meeting, from_nation=nations["QBB"], to_nation=nations["QBB"], by=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Proxy.objects.create(meeting=meeting, from_nation=nations["QBB"], to_nation=nations["QBB"])


def test_open_and_close_voting_need_the_presidency(council):
    meeting, nations = council
    motion = MotionFactory(meeting=meeting, status=Motion.Status.DRAFT)
    hod = user_with_role(HOD, nation=nations["QAA"])

    with pytest.raises(PermissionDenied):
        services.open_voting(motion, by=hod)
    services.open_voting(motion, by=user_with_role(PRESIDENCY))
    with pytest.raises(PermissionDenied):
        services.close_voting(motion, by=hod)


def _in_arrears(nation):
    """Issue the nation's 2025 invoice in January 2025 and leave it unpaid."""
    AssociationFactory(nation=nation)
    SubscriptionRateFactory(year=2025, membership=nation.membership)
    return issue_invoices(2025, by=None, issued_on=datetime.date(2025, 1, 15))


def test_close_freezes_the_outcome_with_arrears_and_proxies(council):
    meeting, nations = council
    [invoice] = _in_arrears(nations["QCC"])
    services.give_proxy(meeting, from_nation=nations["QDD"], to_nation=nations["QAA"], by=None)
    motion = MotionFactory(meeting=meeting, majority=Motion.Majority.SIMPLE)
    for code, choice in {
        "QAA": "for",
        "QBB": "against",
        "QCC": "against",
        "QDD": "for",
        "QXX": "against",
    }.items():
        services.cast_vote(motion, nation=nations[code], choice=choice, by=None)

    motion = services.close_voting(motion, by=user_with_role(PRESIDENCY))

    assert (motion.status, motion.result) == ("closed", "adopted")
    assert (motion.votes_for, motion.votes_against, motion.abstentions) == (2, 1, 0)
    assert (motion.eligible_count, motion.quorum_base, motion.present_count) == (3, 3, 3)
    assert motion.quorum_reached is True
    ignored = dict(Vote.objects.filter(counted=False).values_list("nation__code", "ignored_reason"))
    assert ignored == {"QCC": "arrears", "QXX": "associate_not_open"}
    greece_like = NationStandingRecord.objects.get(motion=motion, nation=nations["QCC"])
    assert (greece_like.eligible, greece_like.in_arrears, greece_like.reason) == (
        False,
        True,
        "arrears",
    )
    assert (
        NationStandingRecord.objects.get(motion=motion, nation=nations["QDD"]).proxy_to
        == nations["QAA"]
    )
    assert entries(motion, "cior.motion")[-1].data["changes"]["result"] == ["", "adopted"]

    # A later payment does not rewrite the vote.
    record_payment(invoice, amount=invoice.amount, paid_on=datetime.date(2026, 3, 1), by=None)
    motion.refresh_from_db()
    assert (motion.result, motion.votes_against) == ("adopted", 1)
    with pytest.raises(ValidationError):
        services.close_voting(motion, by=None)


def test_close_without_quorum_has_no_result(council):
    meeting, nations = council
    for code in ("QBB", "QCC"):
        services.record_attendance(meeting, nation=nations[code], present_in_person=False, by=None)
    motion = MotionFactory(meeting=meeting)
    services.cast_vote(motion, nation=nations["QAA"], choice="for", by=None)

    motion = services.close_voting(motion, by=None)

    assert (motion.result, motion.quorum_reached) == ("no_quorum", False)
