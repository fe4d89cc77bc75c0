from accounts import services
from accounts.models import RoleAssignment
from nations.tests.factories import NationFactory

from .factories import PersonFactory, UserFactory

Role = RoleAssignment.Role
TEST_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def staff_user(role, *, nation=None, committee=None, totp=True, **role_fields):
    """Return an account whose person holds `role` (and a TOTP authenticator by default)."""
    person = PersonFactory(nation=nation or NationFactory())
    user = UserFactory(person=person)
    RoleAssignment.objects.create(
        person=person, role=role, nation=nation, committee=committee, **role_fields
    )
    if totp:
        services.activate_totp(user, secret=TEST_SECRET, by=None)
    return user
