"""Factories of nations."""

import factory
from factory.django import DjangoModelFactory

from nations.models import Nation


def _code(n):
    # Codes starting with Q are user-assigned in ISO 3166: they never clash with a real nation.
    return f"Q{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"


class NationFactory(DjangoModelFactory):
    class Meta:
        model = Nation
        django_get_or_create = ("code",)

    code = factory.Sequence(_code)
    name_en = factory.Sequence(lambda n: f"Nation {n}")
    name_fr = factory.Sequence(lambda n: f"Nation {n} (fr)")
    membership = Nation.Membership.FULL
    status = Nation.Status.ACTIVE
