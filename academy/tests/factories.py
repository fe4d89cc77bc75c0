"""Factories of Language Academy sessions, classes, thresholds and applications."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from academy.models import Application, CourseClass, PlacementThreshold, Session
from accounts.tests.factories import PersonFactory
from events.models import Event
from events.tests.factories import EventFactory


class AcademyEventFactory(EventFactory):
    kind = Event.Kind.LANGUAGE_ACADEMY
    title_en = factory.Sequence(lambda n: f"Language Academy {2030 + n}")
    title_fr = factory.Sequence(lambda n: f"Académie de langues {2030 + n}")
    slug = factory.Sequence(lambda n: f"language-academy-{n}")
    status = Event.Status.PUBLISHED
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=11))


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(AcademyEventFactory)
    year = factory.LazyAttribute(lambda o: o.event.starts_on.year)
    capacity = 100
    application_deadline = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=20)
    )


class CourseClassFactory(DjangoModelFactory):
    class Meta:
        model = CourseClass

    session = factory.SubFactory(SessionFactory)
    name = factory.Sequence(lambda n: f"Class {n}")
    language = "en"
    level = 2
    capacity = 12


class ThresholdFactory(DjangoModelFactory):
    class Meta:
        model = PlacementThreshold

    session = factory.SubFactory(SessionFactory)
    language = "en"
    level = 1
    min_score = 0


class ApplicationFactory(DjangoModelFactory):
    """A confirmed, endorsed application of a reserve officer of 40."""

    class Meta:
        model = Application

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    nation = factory.SelfAttribute("person.nation")
    category = Application.Category.RESERVE_OFFICER
    date_of_birth = factory.LazyAttribute(
        lambda o: o.session.event.starts_on.replace(year=o.session.event.starts_on.year - 40)
    )
    language = "en"
    applied_at = factory.LazyFunction(timezone.now)
    email_confirmed_at = factory.LazyFunction(timezone.now)
    endorsement = Application.Endorsement.ENDORSED
    fee = factory.LazyAttribute(lambda o: o.session.fee_for(o.category))
