"""Factories of nations."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from nations.models import Association, Invoice, Nation, Payment, SubscriptionRate


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


class AssociationFactory(DjangoModelFactory):
    class Meta:
        model = Association
        django_get_or_create = ("nation",)

    nation = factory.SubFactory(NationFactory)
    name_en = factory.LazyAttribute(lambda a: f"Reserve Officers Association of {a.nation.name_en}")
    name_fr = factory.LazyAttribute(
        lambda a: f"Association des officiers de réserve ({a.nation.code})"
    )
    website = "https://example.org/"
    contact_name = "Anna Example"
    contact_email = "treasurer@example.org"
    phone = "+32 2 000 00 00"


class SubscriptionRateFactory(DjangoModelFactory):
    class Meta:
        model = SubscriptionRate
        django_get_or_create = ("year", "membership")

    year = 2026
    membership = Nation.Membership.FULL
    amount = Decimal("1500.00")


def user_with_role(role, *, nation=None, username=None):
    """Return a login account whose person holds `role` (for `nation` when nation-scoped).

    The account has a TOTP authenticator, as staff roles must; the rules decide the rest.
    """
    from django.contrib.auth import get_user_model

    from accounts.models import Person, RoleAssignment
    from accounts.services import activate_totp

    person = Person.objects.create(first_name="Test", last_name=role, nation=nation)
    RoleAssignment.objects.create(person=person, role=role, nation=nation)
    user = get_user_model().objects.create_user(
        username=username or f"{role}-{person.pk}", password="pw", person=person
    )
    activate_totp(user, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", by=None)
    return user


def make_invoice(nation, year, amount, *, due_on, paid=Decimal("0")):
    """An invoice of `nation` for `year`, issued 30 days before `due_on`, `paid` on that day."""
    invoice = Invoice.objects.create(
        nation=nation,
        year=year,
        sequence=year * 1000 + nation.pk,
        number=f"{year}-{nation.pk:03d}",
        amount=Decimal(amount),
        issued_on=due_on - datetime.timedelta(days=30),
        due_on=due_on,
    )
    if paid:
        Payment.objects.create(invoice=invoice, amount=Decimal(paid), paid_on=due_on)
    return invoice
