"""Factories of events, registration types, quotas and registrations."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.tests.factories import PersonFactory
from events.models import DiscountCode, Event, ProgrammeItem, Quota, Registration, RegistrationType
from nations.tests.factories import NationFactory


def _in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class EventFactory(DjangoModelFactory):
    """An event two months ahead whose registration is open (opened yesterday, closes in 30 d)."""

    class Meta:
        model = Event

    title_en = factory.Sequence(lambda n: f"Summer Congress {2026 + n}")
    title_fr = factory.Sequence(lambda n: f"Congrès d'été {2026 + n}")
    slug = factory.Sequence(lambda n: f"congress-{n}")
    kind = Event.Kind.SUMMER_CONGRESS
    status = Event.Status.REGISTRATION_OPEN
    city_en = "Tallinn"
    city_fr = "Tallinn"
    venue_en = "Congress Centre"
    starts_on = factory.LazyFunction(lambda: _in_days(60))
    ends_on = factory.LazyFunction(lambda: _in_days(63))
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(1))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(30))
    visa_signatory_name = "Colonel Jaan TAMM"
    visa_signatory_title_en = "Head of the Organising Committee"
    visa_signatory_title_fr = "Chef du comité d'organisation"


class ProgrammeItemFactory(DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(
            datetime.datetime.combine(o.event.starts_on, datetime.time(9, 0))
        )
    )
    title_en = "Opening ceremony"
    title_fr = "Cérémonie d'ouverture"


class RegistrationTypeFactory(DjangoModelFactory):
    class Meta:
        model = RegistrationType
        django_get_or_create = ("event", "kind")

    event = factory.SubFactory(EventFactory)
    kind = RegistrationType.Kind.DELEGATE
    fee = Decimal("250.00")
    capacity = None


class QuotaFactory(DjangoModelFactory):
    class Meta:
        model = Quota

    registration_type = factory.SubFactory(RegistrationTypeFactory)
    nation = factory.SubFactory(NationFactory)
    places = 2


class DiscountCodeFactory(DjangoModelFactory):
    class Meta:
        model = DiscountCode

    event = factory.SubFactory(EventFactory)
    nation = factory.SubFactory(NationFactory)
    code = factory.Sequence(lambda n: f"NATION{n}")
    percent = 20


class RegistrationFactory(DjangoModelFactory):
    """A registration written directly (no quota check): use services.register for the rules."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    registration_type = factory.SubFactory(
        RegistrationTypeFactory, event=factory.SelfAttribute("..event")
    )
    person = factory.SubFactory(PersonFactory)
    nation = factory.SelfAttribute("person.nation")
    state = Registration.State.SUBMITTED
    fee = Decimal("250.00")
