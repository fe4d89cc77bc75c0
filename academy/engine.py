"""Language Academy allocation and placement (domain.md §9) over plain values, no database.

The rules this platform uses, where the domain text leaves a choice:

- **Considered**: an application counts only when its e-mail address is confirmed, its nation
  has endorsed it, and it has not been withdrawn. Anything else is *not considered*, with the
  reason (e-mail not confirmed, awaiting endorsement, declined by the nation, withdrawn).
- **Priority groups**, in this order:
  1. reserve officers and reserve senior NCOs younger than the session's age limit (60) on the
     first day of the course;
  2. active duty;
  3. civilians, and reservists who have reached the age limit: the limit decides the
     reservists' priority, it does not shut them out, so they come after every other group
     (a place left over still goes to them).
  Within a group, the earlier application comes first (the moment it was made); the
  application's id breaks an exact tie, so the order never depends on the input's order.
- **Allocation**: places are given in that order up to the session's capacity; every other
  considered application waits, numbered in the same order.
- **Places are not taken back**: once an allocation has been published, a place held stays
  held, even if an application of a higher group is endorsed later (it waits, first of its
  group). Only a withdrawal frees a place, and the first waiting application is then
  promoted. If the capacity is lowered below the places held, the lowest-priority holders
  go back to the waiting list.
- **Placement**: a placement test score (0–100) gives the level in the course language by
  the session's thresholds (the highest level whose minimum score the score reaches); the
  applicant joins the first class of that language and level (by class order) that has a
  free place. When every such class is full, or no class or threshold exists for the
  language, the applicant stays unplaced, with the reason, for the director to decide.

Every decision carries a reason code (`Reason`), which the interface translates.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

# Applicant categories (the values of academy.models.Application.Category).
RESERVE_OFFICER = "reserve_officer"
RESERVE_NCO = "reserve_nco"
ACTIVE_DUTY = "active_duty"
CIVILIAN = "civilian"
RESERVISTS = (RESERVE_OFFICER, RESERVE_NCO)
CATEGORIES = (RESERVE_OFFICER, RESERVE_NCO, ACTIVE_DUTY, CIVILIAN)

# Outcomes of the allocation.
ALLOCATED = "allocated"
WAITING = "waiting"
NOT_CONSIDERED = "not_considered"

MIN_SCORE, MAX_SCORE = 0, 100
LEVELS = (1, 2, 3)


class Reason:
    """Reason codes of allocation and placement decisions (translated by academy.models)."""

    # Why an application is not considered.
    EMAIL_NOT_CONFIRMED = "email_not_confirmed"
    AWAITING_ENDORSEMENT = "awaiting_endorsement"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    # Allocation outcomes.
    WITHIN_CAPACITY = "within_capacity"
    PLACE_KEPT = "place_kept"
    PROMOTED = "promoted"
    CAPACITY_FULL = "capacity_full"
    # Placement outcomes.
    PLACED = "placed"
    NO_THRESHOLD = "no_threshold"
    NO_CLASS = "no_class"
    CLASSES_FULL = "classes_full"


class Group:
    """Priority groups, lowest number first."""

    RESERVE = 1
    ACTIVE_DUTY = 2
    OTHER = 3

    # Reason codes of the group an application falls into.
    RESERVE_UNDER_AGE = "reserve_under_age"
    ACTIVE = "active_duty"
    CIVILIAN = "civilian"
    RESERVE_OVER_AGE = "reserve_over_age"


@dataclass(frozen=True)
class Applicant:
    """What the allocation needs to know of one application."""

    id: int
    category: str
    date_of_birth: datetime.date
    applied_at: datetime.datetime
    email_confirmed: bool = True
    endorsed: bool = True
    declined: bool = False
    withdrawn: bool = False


class Decision(NamedTuple):
    """The allocation's outcome for one application, with its reason and priority group."""

    applicant_id: int
    outcome: str
    reason: str
    group: int | None = None
    group_reason: str = ""
    position: int | None = None  # 1, 2, ... on the waiting list


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Return the age in whole years on `day` (a birthday on `day` counts)."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def priority(applicant: Applicant, *, course_starts_on: datetime.date, age_limit: int):
    """Return (group, group reason) of a considered applicant."""
    if applicant.category not in CATEGORIES:
        raise ValueError(f"Unknown category: {applicant.category!r}")
    if applicant.category in RESERVISTS:
        if age_on(applicant.date_of_birth, course_starts_on) < age_limit:
            return Group.RESERVE, Group.RESERVE_UNDER_AGE
        return Group.OTHER, Group.RESERVE_OVER_AGE
    if applicant.category == ACTIVE_DUTY:
        return Group.ACTIVE_DUTY, Group.ACTIVE
    return Group.OTHER, Group.CIVILIAN


def not_considered_reason(applicant: Applicant) -> str | None:
    """Return why the application does not count, or None when it does."""
    if applicant.withdrawn:
        return Reason.WITHDRAWN
    if not applicant.email_confirmed:
        return Reason.EMAIL_NOT_CONFIRMED
    if applicant.declined:
        return Reason.DECLINED
    if not applicant.endorsed:
        return Reason.AWAITING_ENDORSEMENT
    return None


def allocate(
    applicants: Iterable[Applicant],
    *,
    capacity: int,
    course_starts_on: datetime.date,
    age_limit: int = 60,
    held: Iterable[int] = (),
    waiting: Iterable[int] = (),
) -> list[Decision]:
    """Decide every application: a place, the waiting list, or not considered.

    `held`: ids that hold a place from an earlier allocation (they keep it); `waiting`: ids that
    were waiting (a place given to one of them is a promotion). Returns one decision per
    applicant, in priority order (not considered last, by id).
    """
    if capacity < 0:
        raise ValueError("The capacity cannot be negative.")
    held, waiting = set(held), set(waiting)
    ranked, left_out = [], []
    for applicant in applicants:
        reason = not_considered_reason(applicant)
        if reason:
            left_out.append(Decision(applicant.id, NOT_CONSIDERED, reason))
            continue
        group, group_reason = priority(
            applicant, course_starts_on=course_starts_on, age_limit=age_limit
        )
        ranked.append((group, applicant.applied_at, applicant.id, group_reason))
    ranked.sort()

    # Holders keep their places (the lowest-priority ones lose them if capacity shrank).
    keeping = set([entry[2] for entry in ranked if entry[2] in held][:capacity])
    free = capacity - len(keeping)

    decisions, position = [], 0
    for group, _applied_at, applicant_id, group_reason in ranked:
        if applicant_id in keeping:
            decisions.append(
                Decision(applicant_id, ALLOCATED, Reason.PLACE_KEPT, group, group_reason)
            )
        elif free > 0:
            free -= 1
            reason = Reason.PROMOTED if applicant_id in waiting else Reason.WITHIN_CAPACITY
            decisions.append(Decision(applicant_id, ALLOCATED, reason, group, group_reason))
        else:
            position += 1
            decisions.append(
                Decision(applicant_id, WAITING, Reason.CAPACITY_FULL, group, group_reason, position)
            )
    return decisions + sorted(left_out, key=lambda decision: decision.applicant_id)


# Placement ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    """The lowest score that gives `level` in `language`."""

    language: str
    level: int
    min_score: int


@dataclass(frozen=True)
class CourseClass:
    """A class of the session: its language, level, capacity and the students it holds."""

    id: int
    language: str
    level: int
    capacity: int
    taken: int = 0
    order: int = 0


@dataclass(frozen=True)
class Placement:
    """Where a score puts an applicant: a level and a class (None when unplaced), why."""

    level: int | None
    class_id: int | None
    reason: str


def check_score(score: int) -> None:
    """Raise ValueError for a score outside 0–100."""
    if (
        not isinstance(score, int)
        or isinstance(score, bool)
        or not (MIN_SCORE <= score <= MAX_SCORE)
    ):
        raise ValueError(f"A placement score is a whole number from 0 to 100, not {score!r}.")


def level_for(score: int, language: str, thresholds: Iterable[Threshold]) -> int | None:
    """Return the highest level of `language` whose minimum score `score` reaches."""
    check_score(score)
    reached = [t.level for t in thresholds if t.language == language and score >= t.min_score]
    return max(reached) if reached else None


def place(
    score: int, language: str, thresholds: Iterable[Threshold], classes: Sequence[CourseClass]
) -> Placement:
    """Return the level and class that `score` in `language` gives, within class capacity."""
    level = level_for(score, language, thresholds)
    if level is None:
        return Placement(None, None, Reason.NO_THRESHOLD)
    matching = sorted(
        (c for c in classes if c.language == language and c.level == level),
        key=lambda c: (c.order, c.id),
    )
    if not matching:
        return Placement(level, None, Reason.NO_CLASS)
    for course_class in matching:
        if course_class.taken < course_class.capacity:
            return Placement(level, course_class.id, Reason.PLACED)
    return Placement(level, None, Reason.CLASSES_FULL)
