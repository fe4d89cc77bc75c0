"""Factories of people."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import Person, RoleAssignment
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


class UserFactory(DjangoModelFactory):
    """A login account; `password` is "cior-test-pass"; `person` is optional."""

    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.SelfAttribute("username")
    person = None
    password = factory.PostGenerationMethodCall("set_password", "cior-test-pass")

    @factory.post_generation
    def email_address(obj, create, extracted, **kwargs):
        if create:
            from allauth.account.models import EmailAddress

            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    person = factory.SubFactory(PersonFactory)
    role = RoleAssignment.Role.PRESIDENCY
