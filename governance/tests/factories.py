"""Factories of presidency terms, appointments and committees."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.tests.factories import PersonFactory
from governance.models import (
    Appointment,
    Committee,
    CommitteeMembership,
    CouncilMeeting,
    Motion,
    PresidencyTerm,
)
from nations.tests.factories import NationFactory


def term_dates(first_year):
    """Return (starts_on, ends_on) of a term handed over in August `first_year`."""
    return datetime.date(first_year, 8, 1), datetime.date(first_year + 2, 7, 31)


class PresidencyTermFactory(DjangoModelFactory):
    """A term; by default the one running today."""

    class Meta:
        model = PresidencyTerm

    nation = factory.SubFactory(NationFactory)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=200))
    ends_on = factory.LazyAttribute(lambda term: term.starts_on + datetime.timedelta(days=730))
    description_en = ""
    description_fr = ""


class AppointmentFactory(DjangoModelFactory):
    class Meta:
        model = Appointment

    person = factory.SubFactory(PersonFactory)
    role = Appointment.Role.PRESIDENT
    portfolio = ""
    term = factory.SubFactory(PresidencyTermFactory)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee

    acronym = factory.Sequence(lambda n: f"C{n}-C")
    slug = factory.Sequence(lambda n: f"c{n}-c")
    name_en = factory.Sequence(lambda n: f"Committee {n}")
    name_fr = factory.Sequence(lambda n: f"Comité {n}")
    summary_en = "What the committee does."
    summary_fr = "Ce que fait le comité."
    description_en = "<p>The committee's work.</p>"
    description_fr = "<p>Le travail du comité.</p>"
    main_product_en = "A product"
    main_product_fr = "Un produit"
    sort_order = factory.Sequence(int)


class CommitteeMembershipFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMembership

    committee = factory.SubFactory(CommitteeFactory)
    person = factory.SubFactory(PersonFactory)
    nation = factory.LazyAttribute(lambda membership: membership.person.nation)
    role = CommitteeMembership.Role.MEMBER
    starts_on = datetime.date(2024, 8, 1)


class CouncilMeetingFactory(DjangoModelFactory):
    class Meta:
        model = CouncilMeeting

    kind = CouncilMeeting.Kind.MWM
    title_en = "Mid-Winter Meeting"
    title_fr = "Réunion de mi-hiver"
    starts_on = datetime.date(2026, 2, 5)
    ends_on = datetime.date(2026, 2, 7)
    place_en = "NATO Headquarters, Brussels"
    place_fr = "Quartier général de l'OTAN, Bruxelles"
    status = CouncilMeeting.Status.OPEN


class MotionFactory(DjangoModelFactory):
    class Meta:
        model = Motion

    meeting = factory.SubFactory(CouncilMeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text_en = "The Council approves the accounts."
    text_fr = "Le Conseil approuve les comptes."
    subject = Motion.Subject.OTHER
    status = Motion.Status.VOTING
