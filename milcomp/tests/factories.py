"""Factories and builders of MILCOMP rows: competitions, competitors, teams, judges, jury."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import Person
from accounts.services import activate_totp
from accounts.tests.conftest import TEST_SECRET
from accounts.tests.factories import PersonFactory, UserFactory
from events.models import Event, Registration, RegistrationType
from events.tests.factories import EventFactory, RegistrationTypeFactory
from milcomp import services
from milcomp.models import Competition, JudgeAssignment, JuryMember, Team, TeamMember


class CompetitionFactory(DjangoModelFactory):
    """A competition being set up, with its six disciplines, on a MILCOMP event."""

    class Meta:
        model = Competition
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory, kind=Event.Kind.MILCOMP)
    year = factory.Sequence(lambda n: 2030 + n)
    slug = factory.LazyAttribute(lambda c: str(c.year))
    title_en = factory.LazyAttribute(lambda c: f"MILCOMP {c.year}")
    title_fr = factory.LazyAttribute(lambda c: f"MILCOMP {c.year} (fr)")

    @factory.post_generation
    def disciplines(obj, create, extracted, **kwargs):
        if create:
            services.ensure_disciplines(obj)


def competitor_type(event):
    return RegistrationTypeFactory(event=event, kind=RegistrationType.Kind.COMPETITOR)


def competitor(competition, nation, *, sex=Person.Sex.MALE, state=Registration.State.CONFIRMED):
    """Return a registration of a new person of `nation` as a competitor of the competition."""
    person = PersonFactory(nation=nation, sex=sex)
    return Registration.objects.create(
        event=competition.event,
        registration_type=competitor_type(competition.event),
        person=person,
        nation=nation,
        state=state,
        fee=0,
    )


def make_team(
    competition,
    nation,
    *,
    category="experienced",
    participations=(1, 0, 0),
    nations=None,
    name=None,
    number=None,
    start_number=None,
    captain_user=False,
):
    """Write a team of three new competitors directly (no service): fast set-up for tests.

    `nations` gives each member's nation (international teams); `captain_user` gives the
    captain a login account, returned as team.captain_user.
    """
    nations = nations or [nation] * 3
    taken = Team.objects.filter(competition=competition, nation=nation).count()
    number = number or taken + 1
    code = nation.code if nation else "INT"
    team = Team.objects.create(
        competition=competition,
        nation=nation,
        number=number,
        name=name or f"{code} {number}",
        category=category,
        start_number=start_number,
    )
    for position, (member_nation, previous) in enumerate(
        zip(nations, participations, strict=True), start=1
    ):
        registration = competitor(competition, member_nation)
        TeamMember.objects.create(
            team=team,
            competition=competition,
            person=registration.person,
            registration=registration,
            position=position,
            previous_participations=previous,
            is_captain=position == 1,
        )
        if position == 1 and captain_user:
            team.captain_user = UserFactory(person=registration.person)
    return team


def freeze(competition, *, drawn=True):
    """Mark the competition's teams frozen (and drawn: start numbers in name order)."""
    competition.frozen_at = timezone.now()
    competition.status = Competition.Status.TEAMS_FROZEN
    if drawn:
        competition.drawn_at = timezone.now()
        competition.draw_seed = "test"
        for number, team in enumerate(competition.teams.order_by("name"), start=1):
            team.start_number = number
            team.save(update_fields=["start_number"])
    competition.save()
    return competition


def judge(competition, *kinds, nation=None, totp=True):
    """Return a login account (no staff role; TOTP by default) judging `kinds` of it."""
    person = PersonFactory(nation=nation) if nation else PersonFactory()
    user = UserFactory(person=person)
    for kind in kinds:
        JudgeAssignment.objects.create(competition=competition, discipline_kind=kind, person=person)
    if totp:
        activate_totp(user, secret=TEST_SECRET, by=None)
    return user


def jury(competition, *, totp=True):
    """Return a login account sitting on the competition's Technical Jury (TOTP by default)."""
    person = PersonFactory()
    user = UserFactory(person=person)
    JuryMember.objects.create(competition=competition, person=person)
    if totp:
        activate_totp(user, secret=TEST_SECRET, by=None)
    return user


def shooting_data(rings=(10, 9, 9, 8, 10), hits=5):
    member = {
        "pistol_precision": list(rings),
        "pistol_rapid_hits": hits,
        "rifle_precision": list(rings),
        "rifle_rapid_hits": hits,
    }
    return {"members": [dict(member) for _ in range(3)]}
