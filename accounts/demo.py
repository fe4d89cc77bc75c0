"""Demo loader: login accounts for each staff role, with fixed two-factor secrets.

Every demo account has the password "cior-demo" and a TOTP authenticator whose secret is
derived from its e-mail, so `manage.py totp_code EMAIL` prints its current code.
"""

import base64
import datetime
import hashlib

from django.contrib.auth import get_user_model

from nations.models import Nation

from . import services
from .models import Person, RoleAssignment

Role = RoleAssignment.Role
DEMO_PASSWORD = "cior-demo"
DEMO_ADMIN_EMAIL = "admin@example.org"

# (e-mail, person, role, nation code of the role); the people are fictitious.
DEMO_ACCOUNTS = [
    (
        "hod.est@example.org",
        {
            "first_name": "Mari",
            "last_name": "Tamm",
            "rank": ("Lieutenant Colonel", "Lieutenant-colonel"),
            "nato_code": "OF-4",
            "nation": "EST",
            "service": "army",
            "sex": "female",
        },
        Role.HEAD_OF_DELEGATION,
        "EST",
    ),
    (
        "hod.fra@example.org",
        {
            "first_name": "Julien",
            "last_name": "Morel",
            "rank": ("Colonel", "Colonel"),
            "nato_code": "OF-5",
            "nation": "FRA",
            "service": "air_force",
            "sex": "male",
            "preferred_language": "fr",
        },
        Role.HEAD_OF_DELEGATION,
        "FRA",
    ),
    (
        "staff.nor@example.org",
        {
            "first_name": "Ingrid",
            "last_name": "Berg",
            "rank": ("Captain", "Capitaine"),
            "nato_code": "OF-2",
            "nation": "NOR",
            "service": "navy",
            "sex": "female",
        },
        Role.NATIONAL_STAFF,
        "NOR",
    ),
    (
        "treasurer@example.org",
        {
            "first_name": "Pieter",
            "last_name": "Claes",
            "rank": ("Major", "Commandant"),
            "nato_code": "OF-3",
            "nation": "BEL",
            "service": "army",
            "sex": "male",
        },
        Role.TREASURER,
        None,
    ),
    (
        "editor@example.org",
        {
            "first_name": "Anna",
            "last_name": "Nowak",
            "rank": ("Captain", "Capitaine"),
            "nato_code": "OF-2",
            "nation": "POL",
            "service": "army",
            "sex": "female",
        },
        Role.EDITOR,
        None,
    ),
]

# People without accounts, so that each delegation has someone to manage.
DEMO_PEOPLE = [
    {
        "first_name": "Sophie",
        "last_name": "Bernard",
        "rank": ("Captain", "Capitaine"),
        "nato_code": "OF-2",
        "nation": "FRA",
        "service": "army",
        "sex": "female",
        "email": "sophie.bernard@example.org",
        "preferred_language": "fr",
    },
    {
        "first_name": "Karl",
        "last_name": "Saar",
        "rank": ("First Lieutenant", "Lieutenant"),
        "nato_code": "OF-1",
        "nation": "EST",
        "service": "army",
        "sex": "male",
        "email": "karl.saar@example.org",
    },
    {
        "first_name": "Lars",
        "last_name": "Haugen",
        "rank": ("Major", "Major"),
        "nato_code": "OF-3",
        "nation": "NOR",
        "service": "army",
        "sex": "male",
        "email": "lars.haugen@example.org",
    },
]


def demo_totp_secret(email: str) -> str:
    """Return the fixed base32 TOTP secret of a demo account (never use it for a real one)."""
    return base64.b32encode(hashlib.sha1(f"cior-demo:{email}".encode()).digest()).decode()


def load(context):
    nations = {nation.code: nation for nation in Nation.objects.all()}
    _admin(context)
    for spec in DEMO_PEOPLE:
        _person(context, spec, nations)
    for email, person_spec, role, nation_code in DEMO_ACCOUNTS:
        person = _person(context, {**person_spec, "email": email}, nations)
        user = _account(context, email, person)
        if not RoleAssignment.objects.filter(person=person, role=role).exists():
            services.assign_role(
                person,
                role=role,
                nation=nations.get(nation_code),
                starts_on=datetime.date(2024, 8, 1),
                by=None,
                reason="demo",
            )
            context.log(f"role {role} for {email}")
        _two_factor(context, user)


def _person(context, spec, nations):
    person = Person.objects.filter(email=spec["email"]).first()
    if person is not None:
        return person
    rank_en, rank_fr = spec["rank"]
    fields = {key: value for key, value in spec.items() if key not in {"rank", "nation"}}
    person = services.create_person(
        by=None,
        reason="demo",
        rank_en=rank_en,
        rank_fr=rank_fr,
        nation=nations[spec["nation"]],
        **fields,
    )
    context.log(f"person {person}")
    return person


def _account(context, email, person):
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is None:
        user = services.create_account(person, email=email, password=DEMO_PASSWORD, by=None)
        context.log(f"account {email}")
    return user


def _admin(context):
    """The demo superuser (core.demo.finish makes it too when this loader is left out)."""
    from allauth.account.models import EmailAddress

    User = get_user_model()
    user = User.objects.filter(username="admin").first()
    if user is None:
        user = services.create_account(
            None, email=DEMO_ADMIN_EMAIL, password=DEMO_PASSWORD, by=None, is_superuser=True
        )
        user.username = "admin"
        user.save(update_fields=["username"])
        context.log("demo administrator")
    if not EmailAddress.objects.filter(user=user).exists():
        user.email = user.email or DEMO_ADMIN_EMAIL
        user.save(update_fields=["email"])
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    _two_factor(context, user)


def _two_factor(context, user):
    from .queries import totp_authenticator

    if totp_authenticator(user) is None:
        services.activate_totp(user, secret=demo_totp_secret(user.email), by=None)
        context.log(f"two-factor authenticator for {user.email}")
