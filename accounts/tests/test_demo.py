import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts import demo
from accounts.models import RoleAssignment
from core.demo.pages import DemoContext
from nations.tests.factories import NationFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_nations(db):
    for code in ("EST", "FRA", "NOR", "BEL", "POL"):
        NationFactory(code=code)


def test_demo_accounts_have_roles_and_two_factor_once(demo_nations, capsys):
    first, second = DemoContext(), DemoContext()

    demo.load(first)
    demo.load(second)

    User = get_user_model()
    assert second.created == []
    assert User.objects.get(email="admin@example.org").is_superuser
    hod = User.objects.get(email="hod.est@example.org")
    assert hod.check_password("cior-demo")
    assert [(a.role, a.nation.code) for a in RoleAssignment.objects.filter(person=hod.person)] == [
        ("head_of_delegation", "EST")
    ]
    assert RoleAssignment.objects.filter(role="national_staff", nation__code="NOR").count() == 1


def test_totp_code_prints_the_current_code_of_a_demo_account(demo_nations, capsys):
    from allauth.mfa.totp.internal.auth import validate_totp_code

    demo.load(DemoContext())

    call_command("totp_code", "hod.fra@example.org")

    code = capsys.readouterr().out.strip()
    assert len(code) == 6
    assert validate_totp_code(demo.demo_totp_secret("hod.fra@example.org"), code)


def test_totp_code_refuses_an_account_without_two_factor():
    UserFactory(email="reader@example.org")

    with pytest.raises(CommandError, match="no two-factor authenticator"):
        call_command("totp_code", "reader@example.org")


def test_totp_code_refuses_an_unknown_email(db):
    with pytest.raises(CommandError, match="No active account"):
        call_command("totp_code", "nobody@example.org")
