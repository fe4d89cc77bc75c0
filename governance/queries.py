"""Reads of the presidency records reused across pages: the team, past terms, honorary delegates."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from .models import Appointment, PresidencyTerm


@dataclass
class HonoraryDelegate:
    """A past President or Secretary General, with the offices that make them one."""

    person: object
    offices: list = field(default_factory=list)  # Appointments, newest term first.


@dataclass
class Presidency:
    """What the presidency page shows."""

    term: PresidencyTerm | None
    team: list
    past_terms: list
    honorary_delegates: list


def _past_presidential_office(on):
    return Q(role__in=Appointment.PRESIDENTIAL_ROLES, term__ends_on__lt=on)


def _current_perm_rep(on):
    # The Permanent Representative has no term, only optional dates of office.
    return (
        Q(term=None, role=Appointment.Role.PERM_REP)
        & (Q(starts_on=None) | Q(starts_on__lte=on))
        & (Q(ends_on=None) | Q(ends_on__gte=on))
    )


def _with_people(appointments):
    return appointments.select_related("person__nation", "term__nation")


def _group_by_person(offices) -> list[HonoraryDelegate]:
    """Group past presidential offices by person; the latest served comes first."""
    delegates = {}
    newest_first = sorted(
        offices,
        key=lambda a: (-a.term.starts_on.toordinal(), Appointment.ROLE_ORDER.index(a.role)),
    )
    for office in newest_first:
        delegate = delegates.setdefault(office.person_id, HonoraryDelegate(person=office.person))
        delegate.offices.append(office)
    return list(delegates.values())


def _team_order(appointment):
    return (Appointment.ROLE_ORDER.index(appointment.role), appointment.sort_order, appointment.pk)


def honorary_delegates(*, on: datetime.date | None = None) -> list[HonoraryDelegate]:
    """Return the people who were President or Secretary General in a term ended before `on`.

    Derived from the appointments, never typed twice; one query.
    """
    on = on or timezone.localdate()
    return _group_by_person(_with_people(Appointment.objects.filter(_past_presidential_office(on))))


def presidency(*, term_id: int | None = None, on: datetime.date | None = None) -> Presidency:
    """Read the presidency page in two queries: the terms, then the appointments it shows.

    The term shown is `term_id`'s, else the current one, else the latest that has started.
    Past terms are those ended before `on` (today), the one shown left out.
    """
    on = on or timezone.localdate()
    terms = list(PresidencyTerm.objects.select_related("nation").order_by("-starts_on"))
    if term_id:
        term = next((t for t in terms if t.pk == term_id), None)
    else:
        term = next((t for t in terms if t.starts_on <= on <= t.ends_on), None) or next(
            (t for t in terms if t.starts_on <= on), None
        )
    of_term = Q(term=term, role__in=Appointment.TEAM_ROLES) if term else Q(pk__in=[])
    appointments = list(
        _with_people(
            Appointment.objects.filter(
                of_term | _current_perm_rep(on) | _past_presidential_office(on)
            )
        )
    )
    team = [a for a in appointments if (term and a.term_id == term.pk) or a.term_id is None]
    past_offices = [
        a
        for a in appointments
        if a.role in Appointment.PRESIDENTIAL_ROLES and a.term_id and a.term.ends_on < on
    ]
    return Presidency(
        term=term,
        team=sorted(team, key=_team_order),
        past_terms=[t for t in terms if t.ends_on < on and t != term],
        honorary_delegates=_group_by_person(past_offices),
    )


@dataclass
class NationMembers:
    nation: object
    people: list  # Person, by last name


@dataclass
class CommitteeTeam:
    """What a committee's page shows about its people."""

    chair: object | None  # CommitteeMembership
    secretary: object | None
    by_nation: list  # NationMembers, by nation name in the active language


def committee_team(committee, *, on: datetime.date | None = None) -> CommitteeTeam:
    """Return the committee's chair, secretary and members by nation, in one query."""
    from nations.queries import name_sort_key

    from .models import CommitteeMembership

    memberships = list(
        CommitteeMembership.objects.active(on)
        .filter(committee=committee)
        .select_related("person", "nation")
    )
    officer = {m.role: m for m in memberships if m.role != CommitteeMembership.Role.MEMBER}
    groups = {}
    for membership in memberships:
        if membership.role == CommitteeMembership.Role.MEMBER:
            groups.setdefault(membership.nation_id, NationMembers(membership.nation, []))
            groups[membership.nation_id].people.append(membership.person)
    by_nation = sorted(groups.values(), key=lambda group: name_sort_key(group.nation.name))
    for group in by_nation:
        group.people.sort(key=lambda person: (person.last_name.casefold(), person.first_name))
    return CommitteeTeam(
        chair=officer.get(CommitteeMembership.Role.CHAIR),
        secretary=officer.get(CommitteeMembership.Role.SECRETARY),
        by_nation=by_nation,
    )


@dataclass
class Signatory:
    """Who signs a confederation document: name, rank and function, in the active language."""

    name: str
    rank: str
    function: str


def signatory(*, on: datetime.date | None = None) -> Signatory | None:
    """Return the President of the presidency in force on `on` (else the latest that had
    started), who signs the confederation's certificates; None when none is recorded."""
    on = on or timezone.localdate()
    president = (
        Appointment.objects.filter(role=Appointment.Role.PRESIDENT, term__starts_on__lte=on)
        .select_related("person", "term__nation")
        .order_by("-term__starts_on")
        .first()
    )
    if president is None:
        return None
    return Signatory(
        name=president.person.full_name,
        rank=president.person.rank,
        function=f"{president.get_role_display()} ({president.term.nation.name})",
    )
