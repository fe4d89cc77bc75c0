"""Factories of people."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import Person
from nations.tests.factories import NationFactory


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = factory.Sequence(lambda n: f"Last{n}")
    rank_en = "Major"
    rank_fr = "Commandant"
    nato_code = "OF-3"
    nation = factory.SubFactory(NationFactory)
    service = Person.Service.ARMY
