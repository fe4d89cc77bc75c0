"""The allocation and placement engine, case by case and by properties (no database)."""

import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from academy import engine
from academy.engine import (
    ALLOCATED,
    NOT_CONSIDERED,
    WAITING,
    Applicant,
    CourseClass,
    Group,
    Reason,
    Threshold,
)

START = datetime.date(2027, 7, 5)
T0 = datetime.datetime(2027, 1, 1, 9, 0, tzinfo=datetime.UTC)


def applicant(id, category=engine.RESERVE_OFFICER, age=40, minutes=0, **flags):
    born = datetime.date(START.year - age, 1, 1)
    return Applicant(
        id=id,
        category=category,
        date_of_birth=born,
        applied_at=T0 + datetime.timedelta(minutes=minutes),
        **flags,
    )


def by_id(decisions):
    return {d.applicant_id: d for d in decisions}


def test_age_on_counts_the_birthday():
    assert engine.age_on(datetime.date(1967, 7, 5), START) == 60
    assert engine.age_on(datetime.date(1967, 7, 6), START) == 59


def test_allocate_gives_reservists_places_before_active_duty_and_civilians():
    people = [
        applicant(1, engine.CIVILIAN, minutes=0),
        applicant(2, engine.ACTIVE_DUTY, minutes=1),
        applicant(3, engine.RESERVE_NCO, minutes=2),
    ]
    decisions = by_id(engine.allocate(people, capacity=2, course_starts_on=START))
    assert decisions[3].outcome == ALLOCATED
    assert decisions[3].group_reason == Group.RESERVE_UNDER_AGE
    assert decisions[2].outcome == ALLOCATED
    assert decisions[1].outcome == WAITING
    assert decisions[1].reason == Reason.CAPACITY_FULL
    assert decisions[1].position == 1


def test_allocate_puts_a_reservist_of_60_after_civilians_by_date():
    people = [
        applicant(1, engine.RESERVE_OFFICER, age=60, minutes=5),
        applicant(2, engine.CIVILIAN, minutes=9),
        applicant(3, engine.RESERVE_OFFICER, age=59, minutes=10),
    ]
    decisions = engine.allocate(people, capacity=3, course_starts_on=START)
    assert [d.applicant_id for d in decisions] == [3, 1, 2]
    assert by_id(decisions)[1].group_reason == Group.RESERVE_OVER_AGE
    assert by_id(decisions)[1].group == Group.OTHER


def test_allocate_orders_a_group_by_application_date():
    people = [applicant(1, minutes=30), applicant(2, minutes=10), applicant(3, minutes=20)]
    decisions = engine.allocate(people, capacity=1, course_starts_on=START)
    assert [(d.applicant_id, d.outcome, d.position) for d in decisions] == [
        (2, ALLOCATED, None),
        (3, WAITING, 1),
        (1, WAITING, 2),
    ]


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        ({"email_confirmed": False}, Reason.EMAIL_NOT_CONFIRMED),
        ({"endorsed": False}, Reason.AWAITING_ENDORSEMENT),
        ({"endorsed": False, "declined": True}, Reason.DECLINED),
        ({"withdrawn": True}, Reason.WITHDRAWN),
    ],
)
def test_allocate_leaves_out_applications_that_do_not_count(flags, reason):
    decisions = engine.allocate([applicant(1, **flags)], capacity=5, course_starts_on=START)
    assert decisions == [engine.Decision(1, NOT_CONSIDERED, reason)]


def test_allocate_keeps_held_places_against_a_later_higher_priority():
    people = [applicant(1, engine.CIVILIAN), applicant(2, engine.RESERVE_OFFICER)]
    decisions = by_id(engine.allocate(people, capacity=1, course_starts_on=START, held=[1]))
    assert decisions[1].outcome == ALLOCATED
    assert decisions[1].reason == Reason.PLACE_KEPT
    assert decisions[2].outcome == WAITING


def test_allocate_promotes_the_first_waiting_when_a_holder_withdraws():
    people = [
        applicant(1, minutes=0, withdrawn=True),
        applicant(2, minutes=1),
        applicant(3, minutes=2),
    ]
    decisions = by_id(
        engine.allocate(people, capacity=1, course_starts_on=START, held=[1], waiting=[2, 3])
    )
    assert decisions[2].outcome == ALLOCATED
    assert decisions[2].reason == Reason.PROMOTED
    assert decisions[3].position == 1
    assert decisions[1].reason == Reason.WITHDRAWN


def test_allocate_sends_the_lowest_holders_back_when_capacity_shrinks():
    people = [applicant(1, engine.CIVILIAN), applicant(2)]
    decisions = by_id(engine.allocate(people, capacity=1, course_starts_on=START, held=[1, 2]))
    assert decisions[2].outcome == ALLOCATED
    assert decisions[1].outcome == WAITING


def test_allocate_refuses_a_negative_capacity():
    with pytest.raises(ValueError):
        engine.allocate([], capacity=-1, course_starts_on=START)


# Placement -------------------------------------------------------------------------------

THRESHOLDS = [Threshold("en", 1, 0), Threshold("en", 2, 40), Threshold("en", 3, 70)]


@pytest.mark.parametrize(("score", "level"), [(0, 1), (39, 1), (40, 2), (69, 2), (70, 3), (100, 3)])
def test_level_for_uses_the_highest_threshold_reached(score, level):
    assert engine.level_for(score, "en", THRESHOLDS) == level


@pytest.mark.parametrize("score", [-1, 101, 50.5, True, "50"])
def test_level_for_refuses_a_score_outside_0_to_100(score):
    with pytest.raises(ValueError):
        engine.level_for(score, "en", THRESHOLDS)


def test_place_takes_the_first_class_with_room():
    classes = [
        CourseClass(1, "en", 2, capacity=1, taken=1, order=0),
        CourseClass(2, "en", 2, capacity=1, taken=0, order=1),
    ]
    assert engine.place(55, "en", THRESHOLDS, classes) == engine.Placement(2, 2, Reason.PLACED)


def test_place_says_when_every_class_of_the_level_is_full():
    classes = [CourseClass(1, "en", 3, capacity=2, taken=2)]
    assert engine.place(90, "en", THRESHOLDS, classes) == engine.Placement(
        3, None, Reason.CLASSES_FULL
    )


def test_place_without_threshold_or_class_says_why():
    assert engine.place(50, "fr", THRESHOLDS, []).reason == Reason.NO_THRESHOLD
    assert engine.place(50, "en", THRESHOLDS, []).reason == Reason.NO_CLASS


# Properties ------------------------------------------------------------------------------

applicants_strategy = st.lists(
    st.builds(
        lambda id_, category, age, minutes, confirmed, endorsed, withdrawn: applicant(
            id_,
            category,
            age=age,
            minutes=minutes,
            email_confirmed=confirmed,
            endorsed=endorsed,
            withdrawn=withdrawn,
        ),
        st.integers(1, 10_000),
        st.sampled_from(engine.CATEGORIES),
        st.integers(18, 75),
        st.integers(0, 50),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    ),
    max_size=60,
    unique_by=lambda a: a.id,
)


def _rank(decision, applicants):
    person = applicants[decision.applicant_id]
    return (decision.group, person.applied_at, person.id)


@settings(max_examples=200, deadline=None)
@given(applicants_strategy, st.integers(0, 40))
def test_allocation_never_exceeds_capacity(people, capacity):
    decisions = engine.allocate(people, capacity=capacity, course_starts_on=START)
    assert sum(d.outcome == ALLOCATED for d in decisions) <= capacity
    assert len(decisions) == len(people)


@settings(max_examples=200, deadline=None)
@given(applicants_strategy, st.integers(0, 40))
def test_no_higher_priority_applicant_waits_while_a_lower_one_holds_a_place(people, capacity):
    index = {a.id: a for a in people}
    decisions = engine.allocate(people, capacity=capacity, course_starts_on=START)
    placed = [_rank(d, index) for d in decisions if d.outcome == ALLOCATED]
    waiting = [_rank(d, index) for d in decisions if d.outcome == WAITING]
    if placed and waiting:
        assert max(placed) < min(waiting)
    if waiting:
        assert len(placed) == capacity


@settings(max_examples=200, deadline=None)
@given(applicants_strategy, st.integers(0, 40), st.randoms(use_true_random=False))
def test_permuting_the_input_changes_nothing(people, capacity, rng: random.Random):
    shuffled = list(people)
    rng.shuffle(shuffled)
    assert engine.allocate(people, capacity=capacity, course_starts_on=START) == engine.allocate(
        shuffled, capacity=capacity, course_starts_on=START
    )


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 100),
    st.lists(st.tuples(st.integers(1, 3), st.integers(0, 3), st.integers(0, 3)), max_size=6),
)
def test_placement_never_fills_a_class_beyond_capacity(score, specs):
    classes = [
        CourseClass(i, "en", level, capacity, min(taken, capacity))
        for i, (level, capacity, taken) in enumerate(specs)
    ]
    result = engine.place(score, "en", THRESHOLDS, classes)
    if result.class_id is not None:
        chosen = classes[result.class_id]
        assert chosen.taken < chosen.capacity
        assert chosen.level == result.level == engine.level_for(score, "en", THRESHOLDS)
